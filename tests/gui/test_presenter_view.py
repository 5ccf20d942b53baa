"""The presenter view in use: clicker keys reach the presentation whatever has focus,
every label readable in every theme, and the audience sees the deck's marking."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from briefing.gui import presentation as presentation_module
from briefing.gui.presentation import Presentation
from briefing.gui.qt_main_window import MainWindow
from briefing.gui.qt_presenter_window import PresenterWindow

Start = Callable[..., Presentation]


@pytest.fixture
def start(window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> Start:
    """Start presenting ``window``'s deck; the screen-sleep request is not sent."""
    monkeypatch.setattr(presentation_module, "inhibit_screen_sleep", lambda _why: lambda: None)

    def begin(presenter: bool = False) -> Presentation:
        shown = window.start_presentation(presenter=presenter)
        assert shown is not None
        for each in (shown.audience, shown.presenter):
            if each is not None:
                qtbot.addWidget(each)
        focus = shown.presenter or shown.audience
        qtbot.waitUntil(lambda: QApplication.activeWindow() is focus)
        return shown

    return begin


def _presenter(shown: Presentation) -> PresenterWindow:
    assert shown.presenter is not None
    return shown.presenter


# -- clicker keys, whatever has focus ---------------------------------------------------------


@pytest.fixture
def countdown_focused(start: Start, qtbot: Any) -> tuple[Presentation, QWidget]:
    shown = start(presenter=True)
    box = _presenter(shown).countdown_box
    box.setValue(20)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    return shown, box


@pytest.mark.parametrize("next_key", [Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down])
def test_clicker_next_keys_move_on_with_the_countdown_box_focused(
    countdown_focused: tuple[Presentation, QWidget], qtbot: Any, next_key: Qt.Key
) -> None:
    shown, box = countdown_focused
    qtbot.keyClick(box, next_key)
    assert shown.index == 1
    assert _presenter(shown).countdown_box.value() == 20  # the countdown is untouched
    assert _presenter(shown).position_label.text() == "Card 2 of 6"


@pytest.mark.parametrize("previous_key", [Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up])
def test_clicker_previous_keys_go_back_with_the_countdown_box_focused(
    countdown_focused: tuple[Presentation, QWidget], qtbot: Any, previous_key: Qt.Key
) -> None:
    shown, box = countdown_focused
    shown.go_to(3)
    qtbot.keyClick(box, previous_key)
    assert shown.index == 2
    assert _presenter(shown).countdown_box.value() == 20


def test_space_flips_and_esc_ends_with_the_countdown_box_focused(
    countdown_focused: tuple[Presentation, QWidget], qtbot: Any
) -> None:
    shown, box = countdown_focused
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert shown.showing_back and _presenter(shown).showing_back()
    qtbot.keyClick(box, Qt.Key.Key_B)
    assert shown.blank == "black"
    qtbot.keyClick(box, Qt.Key.Key_Right)  # any key brings the card back
    assert shown.blank == ""
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not shown.is_running()


def test_presenting_keys_reach_the_presentation_from_the_stage_box(
    start: Start, qtbot: Any
) -> None:
    shown = start(presenter=True)
    stage_box = _presenter(shown).stage_box
    stage_box.setFocus()
    qtbot.keyClick(stage_box, Qt.Key.Key_Down)
    qtbot.keyClick(stage_box, Qt.Key.Key_PageDown)
    assert shown.index == 2
    assert shown.stage == "dark"  # the stage did not change under the key
