"""Help > Keyboard Shortcuts: every action of the window that has a key, grouped as the
menus group them, read from the window each time it is shown, so the list never goes stale."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.present.keys import joined_names, key_help, presenter_only_key_help

WHILE_PRESENTING = "While presenting"
IN_PRESENTER_VIEW = "In the presenter view"
OTHER = "Other"
Group = tuple[str, list[tuple[str, str]]]


def shortcut_groups(window: QWidget) -> list[Group]:
    """(group, [(action name, its keys)]) for ``window``'s actions with a key, grouped and
    ordered by the menus they are in, then the keys of the presentation windows (which they
    handle themselves, not as actions)."""
    keyed = [action for action in window.actions() if action.shortcuts()]
    groups: list[Group] = []
    listed: set[QAction] = set()
    menu_bar = window.menuBar() if isinstance(window, QMainWindow) else None
    # Each menu by the action that opens it. Not ``QAction.menu()``: before PySide6 6.11.2
    # the wrapper it returns owns the menu, and deletes it (the File menu) when collected.
    menus = {menu.menuAction(): menu for menu in window.findChildren(QMenu)}
    for entry in menu_bar.actions() if menu_bar is not None else []:
        menu = menus.get(entry)
        if menu is None:
            continue
        in_menu = [action for action in _menu_actions(menu, menus) if action in keyed]
        rows = [(_name(action), key_names(action)) for action in in_menu if action not in listed]
        listed.update(in_menu)
        if rows:
            groups.append((_name(entry), rows))
    rest = [(_name(action), key_names(action)) for action in keyed if action not in listed]
    if rest:
        groups.append((OTHER, rest))
    groups.append((WHILE_PRESENTING, [(meaning, keys) for keys, meaning in key_help()]))
    presenter_rows = [(meaning, keys) for keys, meaning in presenter_only_key_help()]
    groups.append((IN_PRESENTER_VIEW, presenter_rows))
    return groups


def _menu_actions(menu: QMenu, menus: dict[QAction, QMenu]) -> list[QAction]:
    found = []
    for action in menu.actions():
        submenu = menus.get(action)
        found.extend(_menu_actions(submenu, menus) if submenu is not None else [action])
    return found


def _name(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def key_names(action: QAction) -> str:
    """The action's keys, named as the presenting keys are: "Page Up", not "PgUp"; "Enter"
    once for both Enter keys."""
    return joined_names(action.shortcuts())


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
        self.table.setWordWrap(True)  # a long description wraps; it is never cut
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def refresh(self) -> None:
        groups = shortcut_groups(self._window)
        self.table.clearSpans()
        self.table.setRowCount(sum(1 + len(rows) for _, rows in groups))
        row = 0
        for title, rows in groups:
            heading = QTableWidgetItem(title)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(self.table.font())
            font.setBold(True)
            heading.setFont(font)
            self.table.setItem(row, 0, heading)
            self.table.setItem(row, 1, QTableWidgetItem(""))
            self.table.setSpan(row, 0, 1, 2)
            row += 1
            for name, keys in rows:
                for column, text in enumerate((name, keys)):
                    item = QTableWidgetItem(text)
                    alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                    item.setTextAlignment(alignment)
                    self.table.setItem(row, column, item)
                row += 1
        self.table.resizeRowsToContents()

    def group_titles(self) -> list[str]:
        return [
            self._text(row, 0)
            for row in range(self.table.rowCount())
            if self.table.columnSpan(row, 0) == 2
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def rows(self, group: str) -> dict[str, str]:
        """The (action, keys) rows of ``group`` as shown."""
        found: dict[str, str] = {}
        inside = False
        for row in range(self.table.rowCount()):
            name = self._text(row, 0)
            if self.table.columnSpan(row, 0) == 2:
                inside = name == group
            elif inside:
                found[name] = self._text(row, 1)
        return found
