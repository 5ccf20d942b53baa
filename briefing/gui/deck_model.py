"""The deck's cards as a Qt list model, for the overview grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from briefing.core.model import Card, Deck

_Index = QModelIndex | QPersistentModelIndex


class DeckListModel(QAbstractListModel):
    """One row per card. ``DisplayRole`` is the card's title; ``CardRole`` the ``Card``;
    ``NumberRole`` its 1-based place in the deck (which a filtered view still shows)."""

    CardRole = Qt.ItemDataRole.UserRole + 1
    NumberRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards: tuple[Card, ...] = ()

    def set_deck(self, deck: Deck | None) -> None:
        self.beginResetModel()
        self._cards = deck.cards if deck is not None else ()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.title}: {card.headline}"
        if role == self.CardRole:
            return card
        if role == self.NumberRole:
            return index.row() + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
