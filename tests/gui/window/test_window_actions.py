"""The window's actions, menus and toolbar come from one table each
(``gui/window/window_actions.py``): every action in it is on the window, in a menu, and
does what its row says."""

from __future__ import annotations

import typing
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from briefing.gui.window import window_actions
from briefing.gui.window.main_window import MainWindow
from briefing.gui.window.window_actions import ACTIONS, MENUS, SEPARATOR, TOOLBAR


def _declared_actions() -> set[str]:
    hints = typing.get_type_hints(MainWindow, localns={"QAction": QAction})
    return {name for name, kind in hints.items() if kind is QAction}


def test_every_action_in_the_table_is_declared_on_the_window_and_no_other() -> None:
    assert {spec.attribute for spec in ACTIONS} == _declared_actions()


def test_every_action_is_in_a_menu_and_the_menus_and_toolbar_name_what_is_there(
    window: MainWindow,
) -> None:
    names = {spec.attribute for spec in ACTIONS}
    in_menus = {name for entries in MENUS.values() for name in entries} - {SEPARATOR}
    # Presenting's two are in the Present menu, which fills itself (PresentMenu).
    assert names - in_menus == {"present_action", "presenter_view_action"}
    for name in in_menus | set(TOOLBAR) - {SEPARATOR, window_actions.POSITION}:
        assert isinstance(window_actions.entry_of(window, name), QAction | QMenu), name


def test_each_action_is_on_the_window_with_its_text_keys_and_menu(window: MainWindow) -> None:
    menu_actions = {a for menu in window.menus.values() for a in menu.actions()}
    for spec in ACTIONS:
        action = getattr(window, spec.attribute)
        assert isinstance(action, QAction)
        assert action.text() == spec.text
        assert action in window.actions()  # its keys work wherever the focus is
        assert action in menu_actions, spec.attribute


def test_a_row_taken_out_of_a_menu_leaves_that_menu(qtbot: Any, monkeypatch: Any) -> None:
    taken_out = ("quit_action", "recent_decks.recent_menu")
    file_menu = tuple(name for name in MENUS["&File"] if name not in taken_out)
    monkeypatch.setitem(MENUS, "&File", file_menu)
    window = MainWindow()
    qtbot.addWidget(window)
    entries = window.menus["&File"].actions()
    assert window.quit_action not in entries
    assert window.recent_decks.recent_menu.menuAction() not in entries
    assert window.open_file_action in entries
