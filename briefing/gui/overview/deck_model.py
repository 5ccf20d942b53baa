"""The deck's cards as a Qt list model, for the overview grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from briefing.core.model import Card, Deck

_Index = QModelIndex | QPersistentModelIndex


class DeckListModel(QAbstractListModel):
    """One row per card. ``DisplayRole`` is the card's title; ``CardRole`` the ``Card``;
    ``NumberRole`` its 1-based place in the deck (which a filtered view still shows);
    ``StarredRole`` whether the reader starred it."""

    CardRole = Qt.ItemDataRole.UserRole + 1
    NumberRole = Qt.ItemDataRole.UserRole + 2
    StarredRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards: tuple[Card, ...] = ()
        self._starred: frozenset[str] = frozenset()

    def set_deck(self, deck: Deck | None) -> None:
        self.set_cards(deck.cards if deck is not None else ())

    def set_cards(self, cards: tuple[Card, ...]) -> None:
        """Show ``cards`` (a presentation's, say), numbered from 1 in this order."""
        self.beginResetModel()
        self._cards = cards
        self.endResetModel()

    def set_starred(self, card_ids: list[str]) -> None:
        self._starred = frozenset(card_ids)
        if self._cards:
            self.dataChanged.emit(self.index(0), self.index(len(self._cards) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        starred = card.id in self._starred
        if role == Qt.ItemDataRole.AccessibleTextRole:
            star = ", starred" if starred else ""
            return f"Card {index.row() + 1}{star}, {card.title}: {card.headline}"
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole of what a thumbnail may cut
            return f"{card.title}\n{card.headline}"
        if role == self.CardRole:
            return card
        if role == self.NumberRole:
            return index.row() + 1
        if role == self.StarredRole:
            return starred
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
