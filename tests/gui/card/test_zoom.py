"""Zooming the card's text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from briefing.gui.card import zoom
from briefing.gui.window.main_window import MainWindow


def test_steps_go_up_and_down_and_stop_at_the_ends() -> None:
    assert zoom.zoom_in(100) == 110 and zoom.zoom_out(100) == 90
    assert zoom.zoom_in(300) == 300 and zoom.zoom_out(50) == 50
    assert zoom.zoom_in(137) == 150


def test_font_rules_scale_only_the_card() -> None:
    sheet = "QLabel#cardHeadline { font-size: 34px; color: red; }\nQLabel#other { font-size: 9px; }"
    scaled = zoom.scaled_font_rules(sheet, 150, zoom.CARD_PARTS)
    assert scaled == "QLabel#cardHeadline { font-size: 51px; }"
    assert zoom.scaled_font_rules(sheet, 100, zoom.CARD_PARTS) == ""


def test_keys_zoom_the_card_text_within_limits(window: MainWindow, qtbot: Any) -> None:
    headline = window.card_view.front.headline_label
    before = headline.font().pixelSize()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.card_view, Qt.Key.Key_Equal, ctrl)
    assert window.zooming.zoom == 110
    assert headline.font().pixelSize() == round(before * 1.1)
    assert window.zooming.zoom_indicator.isVisibleTo(window)
    assert window.zooming.zoom_indicator.text() == "110%"
    for _ in range(20):
        qtbot.keyClick(window.card_view, Qt.Key.Key_Plus, ctrl)
    assert window.zooming.zoom == 300
    assert not window.zooming.zoom_in_action.isEnabled()
    for _ in range(20):
        qtbot.keyClick(window.card_view, Qt.Key.Key_Minus, ctrl)
    assert window.zooming.zoom == 50
    qtbot.keyClick(window.card_view, Qt.Key.Key_0, ctrl)
    assert window.zooming.zoom == 100
    assert headline.font().pixelSize() == before


def test_zoom_keeps_the_side_and_the_back_scrolls(window: MainWindow) -> None:
    window.go_to(2)
    window.flip_card()
    window.zooming.set_zoom(300)
    assert window.index == 2 and window.card_view.is_flipped()
    body = window.card_view.back.browser
    assert body.font().pixelSize() == 48
    assert body.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
