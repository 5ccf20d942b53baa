"""The reading place: the card and side the reader left each deck on, saved as they read
and gone back to when the deck opens again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from briefing.core.model import Deck
from briefing.gui import settings

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow


class ReadingPlace(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._place: settings.Place | None = None  # being restored; saves wait till then
        window.deck_changed.connect(self.on_deck_changed)
        window.card_changed.connect(self.on_card_changed)
        window.card_view.flipped.connect(self.on_card_flipped)

    def on_deck_changed(self, deck: Deck) -> None:
        self._place = settings.deck_place(deck.path)

    def on_deck_shown(self, deck: Deck) -> None:
        """The window shows the deck's first card: go to where the reader left it."""
        place, self._place = self._place, None
        w = self.window
        if place is not None and place.card_id:
            index = deck.index_of(place.card_id)
            if index is not None and index != w.index:
                w.go_to(index)
            if place.back:
                w.card_view.show_side(back=True)
        self.save()

    def on_card_changed(self, _index: int) -> None:
        self.save()

    def on_card_flipped(self, _back: bool) -> None:
        self.save()

    @contextmanager
    def held(self) -> Iterator[None]:
        """Nothing saved meanwhile (the card shown again as it was, e.g. in new fonts)."""
        place, self._place = self._place, settings.Place()
        try:
            yield
        finally:
            self._place = place

    def save(self) -> None:
        deck = self.window.deck
        if self._place is not None or deck is None or not deck.path or not deck.cards:
            return
        card = deck.cards[self.window.index]
        settings.save_deck_place(
            deck.path, settings.Place(card.id, self.window.card_view.is_flipped())
        )
