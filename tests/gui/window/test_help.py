"""Help > Keyboard Shortcuts and Help > About."""

from __future__ import annotations

import gc
from typing import Any

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle

from briefing import __version__
from briefing.gui.window.main_window import MainWindow


def test_shortcuts_dialog_lists_every_action_with_a_key_grouped_as_the_menus(
    window: MainWindow,
) -> None:
    dialog = window.help_menu.show_shortcuts()
    assert dialog.isVisible() and not dialog.isModal()
    titles = dialog.group_titles()
    assert titles[:5] == ["File", "Go", "View", "Present", "Help"]
    assert titles[-2:] == ["While presenting", "In the presenter view"]
    assert dialog.rows("In the presenter view")["All cards, to go to any of them"] == "G"
    listed = {name for title in titles for name in dialog.rows(title)}
    assert listed >= {a.text().replace("&", "") for a in window.actions() if a.shortcuts()}
    assert dialog.rows("Help")["Keyboard Shortcuts"] == "F1"
    assert "Next Card" in dialog.rows("Go") and "Zoom In" in dialog.rows("View")


def test_shortcuts_name_each_key_one_way(window: MainWindow) -> None:
    dialog = window.help_menu.show_shortcuts()
    go = dialog.rows("Go")
    assert go["Previous Card"] == "\u2190"
    assert go["Next Card"] == "\u2192"
    assert go["Read On"] == "Page Down, \u2193"  # a long card first, then the next card
    assert go["Read Back"] == "Page Up, \u2191"
    assert go["Flip Card"] == "Space, Enter"  # Return and Enter are one key to a reader
    assert dialog.rows("View")["Zoom In"] == "Ctrl+Plus, Ctrl+Equals"
    shown = " ".join(" ".join(dialog.rows(title).values()) for title in dialog.group_titles())
    assert "PgUp" not in shown and "PgDown" not in shown and "Return" not in shown


def test_shortcuts_dialog_also_lists_the_keys_used_while_presenting(window: MainWindow) -> None:
    rows = window.help_menu.show_shortcuts().rows("While presenting")
    assert rows["Black / white screen (any key returns)"] == "B, Period / W, Comma"
    assert rows["Swap screens"] == "S"


def test_no_shortcut_description_is_cut(window: MainWindow, qtbot: Any) -> None:
    dialog = window.help_menu.show_shortcuts()
    table = dialog.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    metrics = QFontMetrics(table.font())
    # The room Qt's item view leaves either side of a cell's text
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    for row in range(table.rowCount()):
        for column in range(2):
            item = table.item(row, column)
            if not item.text() or table.columnSpan(row, column) == 2:
                continue
            cell = table.visualRect(table.model().index(row, column))
            need = metrics.boundingRect(
                cell.adjusted(margin, 0, -margin, 0),
                int(Qt.TextFlag.TextWordWrap.value),
                item.text(),
            )
            assert need.height() <= cell.height(), item.text()


def test_about_shows_versions_and_licences(window: MainWindow) -> None:
    dialog = window.help_menu.show_about()
    text = dialog.label.text()
    assert __version__ in text and qVersion() in text and PySide6.__version__ in text
    assert "MIT" in text and "OFL" in text


def test_showing_the_shortcuts_leaves_every_menu_in_place(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    window.help_menu.show_shortcuts()
    gc.collect()  # a wrapper that owned a menu would delete it here (PySide6 before 6.11.2)
    assert [action.text() for action in window.menuBar().actions()] == titles
    for menu in window.menus.values():
        assert menu.actions()  # still there, and still filled
