from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QAbstractAnimation, QPoint, Qt
from PySide6.QtWidgets import QApplication

from briefing.gui.card.card_view import CardView
from briefing.gui.window.main_window import MainWindow


def test_space_flips_card_to_back(qtbot: Any, window: MainWindow) -> None:
    assert not window.card_view.is_flipped()
    qtbot.keyClick(window.card_view, Qt.Key.Key_Space)
    assert window.card_view.is_flipped()
    assert window.card_view.back.isVisible()
    assert not window.card_view.front.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_flips_card(qtbot: Any, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.card_view, key)
    assert window.card_view.is_flipped()


def test_second_space_flips_card_back_to_front(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window.card_view, Qt.Key.Key_Space)
    qtbot.keyClick(window.card_view, Qt.Key.Key_Space)
    assert not window.card_view.is_flipped()
    assert window.card_view.front.isVisible()


def test_click_on_card_flips_it(qtbot: Any, window: MainWindow) -> None:
    front = window.card_view.front
    qtbot.mouseClick(front, Qt.MouseButton.LeftButton, pos=front.rect().center())
    assert window.card_view.is_flipped()


def test_click_on_back_text_flips_card_back(qtbot: Any, window: MainWindow) -> None:
    window.flip_card()
    viewport = window.card_view.back.browser.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not window.card_view.is_flipped()


def test_toolbar_flip_button_flips_card(qtbot: Any, window: MainWindow) -> None:
    button = window.toolbar.widgetForAction(window.flip_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.card_view.is_flipped()


def test_flip_animates_and_ends_on_back(qtbot: Any, window: MainWindow, monkeypatch: Any) -> None:
    monkeypatch.setattr(CardView, "flip_duration_ms", 60)
    view = window.card_view
    with qtbot.waitSignal(view.flipped, timeout=2000) as blocker:
        view.flip()
        assert view.flip_animation.state() == QAbstractAnimation.State.Running
        assert not view.front.isVisible() and not view.back.isVisible()
    assert blocker.args == [True]
    assert view.back.isVisible()
    assert view.angle() == 180.0


def test_mid_flip_frame_is_painted_turned_from_pixmaps(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    monkeypatch.setattr(CardView, "flip_duration_ms", 10_000)
    view = window.card_view
    view.flip()
    view.flip_animation.pause()
    view.flip_animation.setCurrentTime(4_000)
    assert 0 < view.angle() < 90
    frame = view.grab().toImage()
    card = view.card_rect().toRect()
    # Turning about the vertical axis narrows the card: its left edge now shows the background.
    edge = QPoint(card.left() + 20, card.center().y())
    middle = card.center()
    assert frame.pixelColor(edge) != frame.pixelColor(middle)
    assert frame.pixelColor(middle).lightness() > 150  # the face is painted there


def test_flip_pressed_again_mid_flip_turns_back_to_front(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    monkeypatch.setattr(CardView, "flip_duration_ms", 10_000)
    view = window.card_view
    view.flip()
    view.flip_animation.pause()
    view.flip_animation.setCurrentTime(2_500)
    halfway = view.angle()
    monkeypatch.setattr(CardView, "flip_duration_ms", 60)
    with qtbot.waitSignal(view.flipped, timeout=2000) as blocker:
        view.flip()
        assert view.flip_animation.startValue() == pytest.approx(halfway)
        assert view.flip_animation.endValue() == 0.0
    assert blocker.args == [False]
    assert not view.is_flipped()
    assert view.front.isVisible() and not view.back.isVisible()


def test_three_quick_flips_end_on_back(qtbot: Any, window: MainWindow, monkeypatch: Any) -> None:
    monkeypatch.setattr(CardView, "flip_duration_ms", 80)
    view = window.card_view
    view.flip()
    view.flip()
    with qtbot.waitSignal(view.flipped, timeout=2000):
        view.flip()
    qtbot.waitUntil(lambda: not view.is_animating())
    assert view.is_flipped()
    assert view.back.isVisible()


def test_moving_to_another_card_shows_its_front(qtbot: Any, window: MainWindow) -> None:
    window.flip_card()
    qtbot.keyClick(window.card_view, Qt.Key.Key_Right)
    assert not window.card_view.is_flipped()
    assert window.card_view.front.topic_label.text() == "Topic 2"


def test_navigating_mid_flip_stops_the_animation(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    monkeypatch.setattr(CardView, "flip_duration_ms", 10_000)
    window.flip_card()
    window.next_card()
    assert not window.card_view.is_animating()
    assert window.card_view.front.isVisible()
    QApplication.processEvents()
