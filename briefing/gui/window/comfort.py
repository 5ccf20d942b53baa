"""The window's everyday comforts: what it remembers, starred cards, zoom, themes, reduced
motion, accessible names, recent decks and the Help menu.

``WindowComfort`` attaches to a ``MainWindow`` through its signals and actions, so the
window itself only creates it and tells it when a deck is on screen.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFocusEvent,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QToolButton

from briefing.core.errors import shown_name
from briefing.core.model import Deck
from briefing.gui import settings, themes
from briefing.gui.card import zoom
from briefing.gui.widgets.icons import icon, icon_name
from briefing.gui.window.stars import Stars

_RECENT_FOLDER_PX = 320  # the most of a recent deck's folder its menu entry shows

if TYPE_CHECKING:
    from briefing.gui.window.about_dialog import AboutDialog
    from briefing.gui.window.main_window import MainWindow
    from briefing.gui.window.shortcuts_dialog import ShortcutsDialog

ZOOM_INDICATOR_MS = 1500
_KEYBOARD_FOCUS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)


class WindowComfort(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.stars = Stars(self)
        self.theme = settings.theme(tuple(themes.THEMES), themes.DEFAULT)
        self.zoom = settings.zoom(zoom.STEPS, zoom.DEFAULT)
        self._place: settings.Place | None = None  # being restored; saves wait till then
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_dialog: AboutDialog | None = None

        window.card_view.installEventFilter(self)
        self.zoom_indicator = QLabel(window.card_view)
        self.zoom_indicator.setObjectName("zoomIndicator")
        self.zoom_indicator.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_indicator.hide()
        self.zoom_timer = QTimer(self)
        self.zoom_timer.setSingleShot(True)
        self.zoom_timer.setInterval(ZOOM_INDICATOR_MS)
        self.zoom_timer.timeout.connect(self.zoom_indicator.hide)

        self._create_actions()
        self._create_menus()
        self._label_controls()
        window.deck_changed.connect(self.on_deck_changed)
        window.card_changed.connect(self.on_card_changed)
        window.card_view.flipped.connect(self.on_card_flipped)
        self.stars.changed.connect(self.on_stars_changed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_color_scheme_changed)
        window.installEventFilter(self)

        self.apply_theme()
        self.apply_zoom(show=False)
        self.apply_motion()

    # -- building --------------------------------------------------------------------------

    def _create_actions(self) -> None:
        w = self.window
        self.star_action = w._action(
            "&Star Card", "Star the card, to find it later", ["Ctrl+D", "*"], self.toggle_star
        )
        self.star_action.setCheckable(True)
        self.star_action.setIconText("Star")
        self.star_action.setEnabled(False)  # until a card is shown (_show_star)
        self.zoom_in_action = w._action(
            "Zoom &In",
            "Larger card text",
            ["Ctrl++", "Ctrl+=", QKeySequence.StandardKey.ZoomIn],
            lambda: self.set_zoom(zoom.zoom_in(self.zoom)),
        )
        self.zoom_out_action = w._action(
            "Zoom &Out",
            "Smaller card text",
            ["Ctrl+-", QKeySequence.StandardKey.ZoomOut],
            lambda: self.set_zoom(zoom.zoom_out(self.zoom)),
        )
        self.zoom_reset_action = w._action(
            "&Actual Size", "Card text at 100%", ["Ctrl+0"], lambda: self.set_zoom(zoom.DEFAULT)
        )
        self.reduce_motion_action = w._action(
            "&Reduce Motion", "Turn cards over without animating", [], lambda: None
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
        self.clear_recent_action = QAction("&Clear Recent", self)
        self.clear_recent_action.triggered.connect(self.clear_recent)
        self.shortcuts_action = w._action(
            "&Keyboard Shortcuts", "Every key the window knows", ["F1"], self.show_shortcuts
        )
        self.about_action = w._action(
            "&About Briefing", "Versions and licences", [], self.show_about
        )

    def _create_menus(self) -> None:
        w = self.window
        file_menu, go_menu, view_menu = w.menus["&File"], w.menus["&Go"], w.menus["&View"]
        self.recent_menu = QMenu("Open &Recent", w)
        self.recent_menu.setObjectName("recentMenu")
        following = _after(file_menu, w.open_folder_action)
        if following is not None:
            file_menu.insertMenu(following, self.recent_menu)
        else:
            file_menu.addMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()
        go_menu.addSeparator()
        go_menu.addAction(self.star_action)
        view_menu.addSeparator()
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        theme_menu.addActions(list(self.theme_actions.values()))
        view_menu.addAction(self.reduce_motion_action)
        help_menu = w.menus["&Help"]
        help_menu.addActions([self.shortcuts_action, self.about_action])
        w.toolbar.addAction(self.star_action)
        self.star_action.setIcon(icon("star"))

    def _label_controls(self) -> None:
        """Names for screen readers, and every toolbar button in the Tab order."""
        w = self.window
        w.search_field.setAccessibleName("Search cards")
        w.search_field.setAccessibleDescription(w.search_field.toolTip())
        w.overview.setAccessibleName("All cards")
        w.overview.setAccessibleDescription("Arrow keys to choose a card, Enter to open it")
        w.position_label.setAccessibleName("Position in the deck")
        for action in w.toolbar.actions():
            button = w.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                button.setAccessibleName(action.iconText() or action.text().replace("&", ""))
                button.setAccessibleDescription(action.toolTip())

    # -- the deck and the card -------------------------------------------------------------

    def on_deck_changed(self, deck: Deck) -> None:
        self.stars.set_deck(deck)
        self._place = settings.deck_place(deck.path)
        if deck.path:
            settings.remember_opened(deck.path)

    def on_deck_shown(self, deck: Deck) -> None:
        """The window shows the deck's first card: go to where the reader left it."""
        place, self._place = self._place, None
        w = self.window
        if place is not None and place.card_id:
            index = deck.index_of(place.card_id)
            if index is not None and index != w.index:
                w.go_to(index)
            if place.back and not w.card_view.is_flipped():
                self.flip_instantly()
        self._save_place()

    def flip_instantly(self) -> None:
        self.window.card_view.flip(animated=False)

    def on_card_changed(self, _index: int) -> None:
        self._card_shown()

    def on_card_flipped(self, _back: bool) -> None:
        self._card_shown()

    def _card_shown(self) -> None:
        self._save_place()
        self._describe_card()
        self._show_star()

    def _save_place(self) -> None:
        deck = self.window.deck
        if self._place is not None or deck is None or not deck.path or not deck.cards:
            return
        card = deck.cards[self.window.index]
        settings.save_deck_place(
            deck.path, settings.Place(card.id, self.window.card_view.is_flipped())
        )

    def _describe_card(self) -> None:
        w = self.window
        view = w.card_view
        if w.deck is None or not w.deck.cards:
            view.setAccessibleName("No card")
            view.setAccessibleDescription("")
            return
        card = w.deck.cards[w.index]
        back = view.is_flipped()
        star = ", starred" if self.stars.is_starred(card.id) else ""
        side = "back" if back else "front"
        view.setAccessibleName(f"Card {w.index + 1} of {len(w.deck.cards)}, {card.title}, {side}")
        if back:
            description = card.body
        else:
            figure = f" {card.figure.value} {card.figure.label}" if card.figure else ""
            description = f"{card.headline}{figure}"
        view.setAccessibleDescription(description.strip() + star)

    # -- stars -----------------------------------------------------------------------------

    def current_card_id(self) -> str | None:
        deck = self.window.deck
        return deck.cards[self.window.index].id if deck is not None and deck.cards else None

    def toggle_star(self) -> None:
        """Star the card on screen, or in the overview the card chosen there."""
        w = self.window
        if w.deck is None or not w.deck.cards:
            return
        index = w.index
        if w.overview_visible():
            row = w.overview.selected_row()
            if row < 0:  # no card chosen (a search that matched none): nothing to star
                self._show_star()  # the checkable action has already checked itself
                return
            index = w.results_model.source_row(row)
        self.stars.toggle(w.deck.cards[index].id)

    def on_stars_changed(self) -> None:
        w = self.window
        ids = self.stars.ids()
        w.model.set_starred(ids)
        w.overview.viewport().update()
        w.search.flags = {"starred": ids}
        if w.search.is_active():
            w.search.run_now()
        self._show_star()
        self._describe_card()

    def _show_star(self) -> None:
        card_id = self.current_card_id()
        starred = card_id is not None and self.stars.is_starred(card_id)
        self.star_action.setEnabled(card_id is not None)
        self.star_action.setChecked(starred)
        self.star_action.setText("Un&star Card" if starred else "&Star Card")
        self.star_action.setIconText("Starred" if starred else "Star")
        self.window.card_view.front.set_starred(starred)

    # -- zoom ------------------------------------------------------------------------------

    def set_zoom(self, percent: int) -> None:
        if percent not in zoom.STEPS or percent == self.zoom:
            self._flash_zoom()
            return
        self.zoom = percent
        settings.save_zoom(percent)
        self.apply_zoom()

    def apply_zoom(self, show: bool = True) -> None:
        w = self.window
        w.card_view.set_text_zoom(self.zoom)
        self.zoom_in_action.setEnabled(self.zoom < zoom.STEPS[-1])
        self.zoom_out_action.setEnabled(self.zoom > zoom.STEPS[0])
        self._refresh_card()
        if show:
            self._flash_zoom()

    def _flash_zoom(self) -> None:
        self.zoom_indicator.setText(f"{self.zoom}%")
        self.zoom_indicator.setAccessibleName(f"Zoom {self.zoom}%")
        self.zoom_indicator.adjustSize()
        self._place_zoom_indicator()
        self.zoom_indicator.show()
        self.zoom_indicator.raise_()
        self.zoom_timer.start()

    def _place_zoom_indicator(self) -> None:
        view = self.window.card_view
        self.zoom_indicator.move((view.width() - self.zoom_indicator.width()) // 2, 8)

    def _refresh_card(self) -> None:
        """Lay the card out again in the new fonts, on the same side."""
        w = self.window
        if w.deck is None or not w.deck.cards:
            return
        back = w.card_view.is_flipped()
        place, self._place = self._place, settings.Place()  # no saving midway
        w.go_to(w.index)
        if back:
            self.flip_instantly()
        self._place = place
        self._card_shown()

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
            self.apply_zoom(show=False)
        self.recolor_icons()

    def recolor_icons(self) -> None:
        """Draw the toolbar's and search box's icons again in the theme's button ink."""
        w = self.window
        button = w.toolbar.widgetForAction(w.flip_action)
        if button is None:
            return
        button.ensurePolished()
        ink = button.palette().color(QPalette.ColorRole.ButtonText)
        for action in [*w.actions(), *w.search_field.actions()]:
            name = icon_name(action.icon())
            if name is not None:
                action.setIcon(icon(name, ink))

    # -- motion ----------------------------------------------------------------------------

    def on_reduce_motion(self, on: bool) -> None:
        settings.save_reduce_motion(on)
        self.apply_motion()

    def apply_motion(self) -> None:
        self.window.card_view.reduced_motion = self.reduce_motion_action.isChecked()

    # -- recent decks ----------------------------------------------------------------------

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = settings.recent_decks()
        metrics = QFontMetrics(menu.font())
        for number, path in enumerate(recent, start=1):
            label = recent_label(path, metrics).replace("&", "&&")  # "&" is no mnemonic
            action = menu.addAction(f"&{number % 10} {label}")
            action.setToolTip(shown_name(path))
            action.setStatusTip(shown_name(path))
            action.setData(path)
            action.setEnabled(os.path.exists(path))
            action.triggered.connect(lambda _=False, path=path: self.window.open_deck(path))
        if not recent:
            menu.addAction("No Recent Decks").setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(recent))

    def clear_recent(self) -> None:
        settings.clear_recent()
        self.fill_recent_menu()

    # -- Help ------------------------------------------------------------------------------

    def show_shortcuts(self) -> ShortcutsDialog:
        from briefing.gui.window.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.refresh()
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog

    def show_about(self) -> AboutDialog:
        from briefing.gui.window.about_dialog import AboutDialog

        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self.window)
        self.about_dialog.show()
        return self.about_dialog

    # -- events ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            settings.save_geometry(self.window.saveGeometry())
        elif watched is self.window.card_view and event.type() == QEvent.Type.Resize:
            self._place_zoom_indicator()
        elif watched is self.window.card_view and isinstance(event, QFocusEvent):
            keyboard = event.reason() in _KEYBOARD_FOCUS
            # The card's focus ring only when the keyboard brought the focus, like :focus-visible.
            view = self.window.card_view
            view.show_focus_ring(event.type() == QEvent.Type.FocusIn and keyboard)
        return False


def _after(menu: QMenu, action: QAction) -> QAction | None:
    actions = menu.actions()
    position = actions.index(action) + 1
    return actions[position] if position < len(actions) else None


def recent_label(path: str, metrics: QFontMetrics) -> str:
    """ "cards \u2014 ~/work/briefing": the deck's name and the folder it is in, the folder
    elided in the middle when long (the whole path is the entry's tooltip)."""
    stripped = path.rstrip(os.sep) or path
    name = shown_name(os.path.basename(stripped) or stripped)
    folder = os.path.dirname(stripped)
    if not folder:
        return name
    home = os.path.expanduser("~")
    if home not in ("", "~", os.sep) and (folder == home or folder.startswith(home + os.sep)):
        folder = "~" + folder[len(home) :]
    where = metrics.elidedText(shown_name(folder), Qt.TextElideMode.ElideMiddle, _RECENT_FOLDER_PX)
    return f"{name} \u2014 {where}"
