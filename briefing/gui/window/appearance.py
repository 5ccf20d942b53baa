"""How the window looks: View > Theme (following the system's colour scheme when asked),
the toolbar's icons drawn in the theme's ink, and View > Reduce Motion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from briefing.gui import settings, themes
from briefing.gui.actions import add_action
from briefing.gui.widgets.icons import icon, icon_name

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow
    from briefing.gui.window.zoom_control import ZoomControl


class Appearance(QObject):
    def __init__(self, window: MainWindow, zooming: ZoomControl) -> None:
        super().__init__(window)
        self.window = window
        self.zooming = zooming  # the card's fonts follow the theme's stylesheet
        self.theme = settings.theme(tuple(themes.THEMES), themes.DEFAULT)
        self.reduce_motion_action = add_action(
            window, "&Reduce Motion", "Turn cards over without animating", [], lambda: None
        )
        self.reduce_motion_action.setCheckable(True)
        self.reduce_motion_action.setChecked(settings.reduce_motion())
        self.reduce_motion_action.toggled.connect(self.on_reduce_motion)
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in themes.THEMES.items():
            action = QAction(text, self.theme_group)
            action.setCheckable(True)
            action.setChecked(name == self.theme)
            action.setStatusTip(f"{text.replace('&', '')} theme")
            action.triggered.connect(lambda _=False, name=name: self.set_theme(name))
            self.theme_actions[name] = action
        self.theme_menu = QMenu("&Theme", window)
        self.theme_menu.addActions(list(self.theme_actions.values()))
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_color_scheme_changed)
        self.apply_theme()
        self.apply_motion()

    # -- themes ----------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.theme = name
        settings.save_theme(name)
        self.theme_actions[name].setChecked(True)
        self.apply_theme()

    def on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme == themes.SYSTEM:
            self.apply_theme()

    def apply_theme(self) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        shown = themes.effective(self.theme)
        self.window.setProperty("theme", shown)
        sheet = themes.stylesheet(shown)
        if app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
            self.window.overview.viewport().update()
            self.zooming.apply_zoom(show=False)
        self.recolor_icons()

    def recolor_icons(self) -> None:
        """Draw the toolbar's and search box's icons again in the theme's button ink."""
        w = self.window
        button = w.toolbar.widgetForAction(w.flip_action)
        if button is None:
            return
        button.ensurePolished()
        ink = button.palette().color(QPalette.ColorRole.ButtonText)
        for action in [*w.actions(), *w.search_session.field.actions()]:
            name = icon_name(action.icon())
            if name is not None:
                action.setIcon(icon(name, ink))

    # -- motion ----------------------------------------------------------------------------

    def on_reduce_motion(self, on: bool) -> None:
        settings.save_reduce_motion(on)
        self.apply_motion()

    def apply_motion(self) -> None:
        self.window.card_view.reduced_motion = self.reduce_motion_action.isChecked()
