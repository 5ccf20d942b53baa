"""Starred cards ("flag for later"): kept in the settings by deck path and card id, never
written into a deck's files. Each change is saved for its card alone and the list read
again, so stars set meanwhile by another window or instance are kept and shown (see
``settings``)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from briefing.core.model import Deck
from briefing.gui import settings

STAR = "\u2605"
STARRED_TEXT = f"{STAR} Starred"


class Stars(QObject):
    """The starred card ids of the deck on screen. A deck with no path (built in memory)
    keeps its stars for the session only."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = ""
        self._ids: list[str] = []

    def set_deck(self, deck: Deck | None) -> None:
        self.path = deck.path if deck is not None else ""
        self._ids = settings.starred_ids(self.path)
        self.changed.emit()

    def ids(self) -> list[str]:
        return list(self._ids)

    def is_starred(self, card_id: str) -> bool:
        return card_id in self._ids

    def set_starred(self, card_id: str, starred: bool) -> None:
        if starred == self.is_starred(card_id):
            return
        ids = self._ids
        if self.path:
            settings.save_star(self.path, card_id, starred)
            ids = settings.starred_ids(self.path)
        ids = [i for i in ids if i != card_id]  # this card as asked, whatever was saved
        self._ids = [*ids, card_id] if starred else ids
        self.changed.emit()

    def toggle(self, card_id: str) -> bool:
        """Star or unstar ``card_id``; returns whether it is starred now."""
        self.set_starred(card_id, not self.is_starred(card_id))
        return self.is_starred(card_id)
