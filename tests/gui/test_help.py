"""Help > Keyboard Shortcuts and Help > About."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion

from briefing import __version__
from briefing.gui.qt_main_window import MainWindow


def test_shortcuts_dialog_lists_every_action_with_a_key(window: MainWindow) -> None:
    dialog = window.comfort.show_shortcuts()
    assert dialog.isVisible() and not dialog.isModal()
    names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    expected = [a.text().replace("&", "") for a in window.actions() if a.shortcuts()]
    assert names[: len(expected)] == expected
    assert "Zoom In" in names and "Next Card" in names
    keys = {names[row]: dialog.table.item(row, 1).text() for row in range(len(names))}
    assert keys["Keyboard Shortcuts"] == "F1"


def test_shortcuts_dialog_also_lists_the_keys_used_while_presenting(window: MainWindow) -> None:
    dialog = window.comfort.show_shortcuts()
    rows = {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 1).text()
        for row in range(dialog.table.rowCount())
    }
    assert rows["While presenting: Black / white screen (any key returns)"] == "B / W"
    assert rows["While presenting: Swap screens"] == "S"


def test_about_shows_versions_and_licences(window: MainWindow) -> None:
    dialog = window.comfort.show_about()
    text = dialog.label.text()
    assert __version__ in text and qVersion() in text and PySide6.__version__ in text
    assert "MIT" in text and "OFL" in text
