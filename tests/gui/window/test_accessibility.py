"""Keyboard reach, names for screen readers, reduced motion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from briefing.gui.card.card_view import CardView
from briefing.gui.window.main_window import MainWindow


def test_card_names_its_place_title_and_side(window: MainWindow) -> None:
    window.go_to(1)
    view = window.card_view
    assert view.accessibleName() == "Card 2 of 6, Topic 2, front"
    assert view.accessibleDescription()
    window.flip_card()
    assert view.accessibleName() == "Card 2 of 6, Topic 2, back"


def test_controls_have_accessible_names(window: MainWindow) -> None:
    assert window.search_session.field.accessibleName() == "Search cards"
    assert window.overview.accessibleName()
    buttons = [
        window.toolbar.widgetForAction(a)
        for a in window.toolbar.actions()
        if isinstance(window.toolbar.widgetForAction(a), QToolButton)
    ]
    assert buttons and all(b.accessibleName() for b in buttons)


def test_tab_reaches_search_toolbar_buttons_and_card(window: MainWindow, qtbot: Any) -> None:
    window.card_view.setFocus()
    reached = set()
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert window.search_session.field in reached and window.card_view in reached
    flip = window.toolbar.widgetForAction(window.flip_action)
    assert flip in reached


def test_reduce_motion_makes_the_flip_instant(window: MainWindow, monkeypatch: Any) -> None:
    monkeypatch.setattr(CardView, "flip_duration_ms", 350)
    window.appearance.reduce_motion_action.setChecked(True)
    window.flip_card()
    assert not window.card_view.is_animating() and window.card_view.angle() == 180
    window.appearance.reduce_motion_action.setChecked(False)
    window.flip_card()
    assert window.card_view.is_animating()
    window.card_view.flip_animation.stop()


def test_tab_to_the_card_shows_a_focus_ring(window: MainWindow, qtbot: Any) -> None:
    window.search_session.field.setFocus()
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is window.card_view:
            break
    assert window.card_view.hasFocus()
    assert window.card_view.front.property("focusRing") is True
    window.search_session.field.setFocus()
    assert window.card_view.front.property("focusRing") is False
