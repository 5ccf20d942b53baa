"""What a printed layout is: the interface ``document`` drives, and the state every layout
(handout, outline, cut-out and fold cards) keeps. The layouts build on this module, and
``document`` chooses among them; neither imports the other's choice."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from typing import Protocol

from briefing.core.model import Card, Deck
from briefing.export.canvas import Canvas
from briefing.export.geometry import PageFrame
from briefing.export.options import ExportOptions
from briefing.export.print_style import Palette, palette

Tick = Callable[[], None]  # called once per card while planning; raises to cancel
# Planning a layout yields once per card (so a caller can return to its event loop between
# cards) and returns the page count.
Planning = Generator[None, None, int]


class Pages(Protocol):
    """A layout: ``plan`` (or ``planning``, step by step) returns the page count, then
    ``paint`` draws any page."""

    def plan(self, tick: Tick | None = None) -> int: ...

    def planning(self) -> Planning: ...

    def paint(self, canvas: Canvas, page: int, pages: int) -> None: ...


class Layout:
    """What every layout keeps: the deck, the cards to print, the options, the paper and
    the colours."""

    def __init__(
        self, deck: Deck, cards: Sequence[Card], options: ExportOptions, frame: PageFrame
    ) -> None:
        self.deck = deck
        self.cards = list(cards)
        self.options = options
        self.per_page = options.per_page
        self.frame = frame
        self.palette: Palette = palette()

    def planning(self) -> Planning:
        raise NotImplementedError

    def plan(self, tick: Tick | None = None) -> int:
        """The page count, ``tick`` called once per card."""
        steps = self.planning()
        while True:
            try:
                next(steps)
            except StopIteration as planned:
                return int(planned.value)
            if tick is not None:
                tick()
