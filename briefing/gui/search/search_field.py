"""The search box in the header: typing filters the cards."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from briefing.gui.widgets.icons import icon


class SearchField(QLineEdit):
    """A line edit that keeps Enter, Up, Down and Esc for the search.

    The window binds Enter (flip) and Esc (leave the overview) as shortcuts, which would
    otherwise fire before the field sees the key; letters and the editing keys a line
    edit uses are already its own (``QLineEdit`` claims them on ``ShortcutOverride``).
    """

    accepted = Signal(bool)  # Enter: open the chosen match; True with Shift (go back)
    step_requested = Signal(int)  # Up (-1) or Down (+1): choose another match
    escape_pressed = Signal()

    _own_keys: ClassVar[frozenset[Qt.Key]] = frozenset(
        {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Escape}
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setClearButtonEnabled(True)
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setAccessibleName("Search cards")

    def sizeHint(self) -> QSize:
        # As wide as the stylesheet's max-width allows; its min-width is how far it gives way.
        hint = super().sizeHint()
        return QSize(max(hint.width(), min(self.maximumWidth(), 4 * hint.width())), hint.height())

    def _is_own(self, event: QKeyEvent) -> bool:
        extra = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        return Qt.Key(event.key()) in self._own_keys and extra == Qt.KeyboardModifier.NoModifier

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._is_own(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._is_own(event):
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        elif key == Qt.Key.Key_Up:
            self.step_requested.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.step_requested.emit(1)
        else:
            self.escape_pressed.emit()
        event.accept()
