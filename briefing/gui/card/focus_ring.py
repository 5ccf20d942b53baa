"""The card's focus ring, shown only when the keyboard brought the focus to it (like CSS's
``:focus-visible``): a click on the card needs no ring."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent

from briefing.gui.card.card_view import CardView

_KEYBOARD_FOCUS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)


class KeyboardFocusRing(QObject):
    def __init__(self, view: CardView) -> None:
        super().__init__(view)
        self.view = view
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and isinstance(event, QFocusEvent):
            keyboard = event.reason() in _KEYBOARD_FOCUS
            self.view.show_focus_ring(event.type() == QEvent.Type.FocusIn and keyboard)
        return False
