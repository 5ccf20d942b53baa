from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from briefing.gui.window.main_window import MainWindow


def test_position_label_shows_card_number_and_count(window: MainWindow) -> None:
    assert window.position_label.text() == "Card 1 of 6"
    window.go_to(2)
    assert window.position_label.text() == "Card 3 of 6"


@pytest.mark.parametrize("key", [Qt.Key.Key_Right, Qt.Key.Key_PageDown])
def test_next_keys_move_to_next_card(qtbot: Any, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.card_view, key)
    assert window.index == 1
    assert window.card_view.front.headline_label.text() == "Headline of card 2."


@pytest.mark.parametrize("key", [Qt.Key.Key_Left, Qt.Key.Key_PageUp])
def test_previous_keys_move_to_previous_card(qtbot: Any, window: MainWindow, key: Qt.Key) -> None:
    window.go_to(3)
    qtbot.keyClick(window.card_view, key)
    assert window.index == 2


def test_home_and_end_jump_to_first_and_last_card(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window.card_view, Qt.Key.Key_End)
    assert window.index == 5
    assert window.position_label.text() == "Card 6 of 6"
    qtbot.keyClick(window.card_view, Qt.Key.Key_Home)
    assert window.index == 0


def test_previous_at_first_card_does_nothing_and_is_disabled(
    qtbot: Any, window: MainWindow
) -> None:
    assert not window.previous_action.isEnabled()
    qtbot.keyClick(window.card_view, Qt.Key.Key_Left)
    assert window.index == 0
    assert window.next_action.isEnabled()


def test_next_at_last_card_does_not_wrap_and_is_disabled(qtbot: Any, window: MainWindow) -> None:
    window.last_card()
    assert not window.next_action.isEnabled()
    qtbot.keyClick(window.card_view, Qt.Key.Key_Right)
    qtbot.keyClick(window.card_view, Qt.Key.Key_PageDown)
    assert window.index == 5
    assert window.previous_action.isEnabled()


def test_toolbar_buttons_move_between_cards(qtbot: Any, window: MainWindow) -> None:
    qtbot.mouseClick(window.toolbar.widgetForAction(window.next_action), Qt.MouseButton.LeftButton)
    assert window.index == 1
    qtbot.mouseClick(
        window.toolbar.widgetForAction(window.previous_action), Qt.MouseButton.LeftButton
    )
    assert window.index == 0


def test_card_changed_signal_carries_index(qtbot: Any, window: MainWindow) -> None:
    with qtbot.waitSignal(window.card_changed) as blocker:
        window.next_card()
    assert blocker.args == [1]


def test_tooltips_name_the_shortcuts(window: MainWindow) -> None:
    assert "Space" in window.flip_action.toolTip()
    assert "Return" in window.flip_action.toolTip()
    assert "Right" in window.next_action.toolTip()
    assert "PgDown" in window.read_on_action.toolTip()
    assert "Down" in window.read_on_action.toolTip()
    assert "G" in window.overview_action.toolTip()
    assert "Ctrl+O" in window.open_file_action.toolTip()


def test_window_title_names_the_deck(window: MainWindow) -> None:
    assert window.windowTitle() == "Test deck \u2014 Briefing"
    assert window.header.title_label.text() == "Test deck"
    assert window.header.details_label.text() == "A subtitle \u00b7 2024-06-21"


def test_full_screen_action_toggles_full_screen(window: MainWindow) -> None:
    assert "F11" in window.full_screen_action.toolTip()
    window.full_screen_action.trigger()
    assert window.isFullScreen()
    assert window.full_screen_action.isChecked()
    window.full_screen_action.trigger()
    assert not window.isFullScreen()


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    keys = [
        sequence.toString()
        for action in window.findChildren(QAction)
        for sequence in action.shortcuts()
    ]
    assert len(keys) == len(set(keys))
