"""All the presented cards in a grid over the presenter view, to jump to any of them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from briefing.core.model import Card
from briefing.gui.overview.deck_model import DeckListModel
from briefing.gui.overview.overview_view import OverviewView
from briefing.gui.present.audience_window import between_banners
from briefing.gui.widgets.labels import plain_label

# What the grid's own keys do, for the presenter's "?" list.
GRID_HELP = "Arrows, then Enter or a click: go to that card \u00b7 Esc or G: back"
_CLOSE_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_G}
_GRID_KEYS = {
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
}


class CardGrid(QFrame):
    """Every presented card's front as a thumbnail, numbered as presented; ``chosen``
    carries the position of the one picked. Hidden until ``show_at`` is called."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("cardGridOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        heading = plain_label("cardGridHeading")
        heading.setText("All cards")
        hint = plain_label("cardGridHint")
        hint.setText(GRID_HELP)
        hint.setWordWrap(True)
        self.model = DeckListModel(self)
        self.view = OverviewView(self.model)
        self.view.card_activated.connect(self._on_activated)
        panel = QFrame()
        panel.setObjectName("cardGridPanel")
        column = QVBoxLayout(panel)
        column.setSpacing(8)
        column.addWidget(heading)
        column.addWidget(hint)
        column.addWidget(self.view, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addWidget(panel)
        self.hide()

    def show_at(self, cards: Sequence[Card], position: int) -> None:
        """Show ``cards`` over the whole parent, ``position`` picked, keys in the grid."""
        self.model.set_cards(tuple(cards))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(between_banners(parent))
        self.raise_()
        self.show()
        self.view.select_row(position)
        self.view.setFocus()

    def handle_key(self, event: QKeyEvent) -> bool:
        """While shown, the grid has the keys: Esc and G close it, the arrows, Home, End
        and Enter move in it and pick (the view's own handling); nothing reaches the
        presentation. False when hidden."""
        if not self.isVisible():
            return False
        key = event.key()
        if key in _CLOSE_KEYS:
            self.close_grid()
        elif key in _GRID_KEYS:
            self.view.keyPressEvent(event)
        # The view ignores the Enter it acts on; an ignored key goes on to the parents, and
        # would flip the card just picked.
        event.accept()
        return True

    def close_grid(self) -> None:
        self.hide()
        parent = self.parentWidget()
        if parent is not None:
            parent.setFocus()

    def _on_activated(self, row: int) -> None:
        self.close_grid()
        self.chosen.emit(row)
