"""Themes: the stylesheet swapped, painted colours read back, the system followed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication

from briefing.gui import themes
from briefing.gui.window.main_window import MainWindow


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_each_theme_applies_its_stylesheet(window: MainWindow, name: str) -> None:
    window.appearance.theme_actions[name].trigger()
    assert window.property("theme") == name
    assert QApplication.instance().styleSheet() == themes.stylesheet(name)  # type: ignore[union-attr]


def test_painted_colours_follow_the_theme(window: MainWindow) -> None:
    window.appearance.set_theme("light")
    window.overview.ensurePolished()
    light = window.overview.property("cardColor")
    window.appearance.set_theme("dark")
    assert window.overview.property("cardColor") != light
    assert window.overview.property("cardColor") == QColor("#232a32")
    window.appearance.set_theme("high-contrast")
    assert window.card_view.back.property("accentColor") == QColor("#ffff00")


def test_follow_system_reacts_to_the_colour_scheme(window: MainWindow) -> None:
    window.appearance.set_theme("system")
    hints = QGuiApplication.styleHints()
    try:
        hints.setColorScheme(Qt.ColorScheme.Dark)
        window.appearance.on_color_scheme_changed(Qt.ColorScheme.Dark)
        if hints.colorScheme() == Qt.ColorScheme.Dark:
            assert window.property("theme") == "dark"
        window.appearance.on_color_scheme_changed(Qt.ColorScheme.Light)
    finally:
        hints.unsetColorScheme()
    assert themes.effective("system") in {"light", "dark", "high-contrast"}
