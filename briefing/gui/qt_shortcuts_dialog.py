"""Help > Keyboard Shortcuts: every action of the window that has a key, read from the
window's actions each time it is shown, so the list never goes stale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.presentation import KEY_HELP


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(action name, its keys) for each of ``window``'s actions with a key, in order, then
    the keys of the presentation windows (which they handle themselves, not as actions)."""
    rows = []
    for action in window.actions():
        keys = _keys(action)
        if keys:
            rows.append(
                (action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"), keys)
            )
    rows.extend((f"While presenting: {meaning}", keys) for keys, meaning in KEY_HELP)
    return rows


def _keys(action: QAction) -> str:
    return ", ".join(
        key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
    )


class ShortcutsDialog(QDialog):
    """Non-modal: it can stay open beside the cards."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.setModal(False)
        self._window = window
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def refresh(self) -> None:
        rows = shortcut_rows(self._window)
        self.table.setRowCount(len(rows))
        for row, (name, keys) in enumerate(rows):
            for column, text in enumerate((name, keys)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
