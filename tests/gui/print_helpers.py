"""The export engine with a window onto it, for the print and PDF tests: each call goes to
the real engine and is noted, and a test can act after any page."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QPagedPaintDevice

from briefing.core.model import Card, Deck
from briefing.export import document, pdf
from briefing.export.options import ExportOptions

PageCallback = Callable[[int, int], bool]
Call = tuple[tuple[str, ...], ExportOptions]


@dataclass
class EngineSpy:
    """``paint_deck`` and ``export_pdf`` as the GUI calls them; ``calls`` holds the card ids
    and options of each, ``after_page(n)`` runs once page n is painted."""

    calls: list[Call] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)
    after_page: Callable[[int], object] | None = None
    _paint_deck: Callable[..., int] = document.paint_deck
    _export_pdf: Callable[..., int] = pdf.export_pdf

    def paint_deck(
        self,
        device: QPagedPaintDevice,
        deck: Deck,
        cards: Sequence[Card],
        options: ExportOptions,
        on_page: PageCallback | None = None,
    ) -> int:
        self.calls.append((tuple(c.id for c in cards), options))
        return self._paint_deck(device, deck, cards, options, self._hooked(on_page))

    def export_pdf(
        self,
        deck: Deck,
        cards: Sequence[Card],
        options: ExportOptions,
        path: str | os.PathLike[str],
        on_page: PageCallback | None = None,
    ) -> int:
        self.calls.append((tuple(c.id for c in cards), options))
        pages = self._export_pdf(deck, cards, options, path, self._hooked(on_page))
        self.exports.append(os.fspath(path))
        return pages

    def _hooked(self, on_page: PageCallback | None) -> PageCallback | None:
        if on_page is None:
            return None

        def hooked(done: int, total: int) -> bool:
            if self.after_page is not None and total:  # total 0: still laying out
                self.after_page(done)
            return on_page(done, total)

        return hooked
