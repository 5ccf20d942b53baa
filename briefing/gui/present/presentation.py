"""Presenting a deck: one controller owns the card, side, blanking and stage; the audience
and presenter windows observe it through its signals and send it the keys they get."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from briefing.core.model import Card, Deck
from briefing.gui.present.clock import MAX_COUNTDOWN_MINUTES, PresentationClock
from briefing.gui.present.keys import command_for
from briefing.gui.settings import COUNTDOWN_KEY, STAGE_KEY, app_settings, as_int, read

if TYPE_CHECKING:
    from briefing.gui.present.audience_window import AudienceWindow
    from briefing.gui.present.presenter_window import PresenterWindow
    from briefing.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)

Stage = Literal["dark", "light"]
Blank = Literal["", "black", "white"]
TYPED_MS = 2500  # a typed card number stays this long without Enter
# Released by calling it; see ``inhibit_screen_sleep``.
Release = Callable[[], None]
Inhibitor = Callable[[str], Release]

# Handled before the key table: Enter after a typed card number goes to it.
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
}


def inhibit_screen_sleep(reason: str) -> Release:
    """Ask the desktop not to blank the screen or sleep until the returned function is called.

    Qt has no portable API for this. On Linux desktops that implement
    ``org.freedesktop.ScreenSaver`` (KDE, GNOME, Xfce and others) we call its ``Inhibit``
    over the session D-Bus with QtDBus; anywhere else this is a no-op that says so in the log.
    """
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
    except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials on Linux
        log.info("Screen sleep not inhibited: QtDBus is not available")
        return lambda: None
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        log.info("Screen sleep not inhibited: no session D-Bus on this system")
        return lambda: None
    service = "org.freedesktop.ScreenSaver"
    screensaver = QDBusInterface(service, "/org/freedesktop/ScreenSaver", service, bus)
    if not screensaver.isValid():
        log.info("Screen sleep not inhibited: no %s service on the session bus", service)
        return lambda: None
    reply = screensaver.call("Inhibit", "Briefing", reason)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        log.info("Screen sleep not inhibited: %s", reply.errorMessage())
        return lambda: None
    cookie = reply.arguments()[0]

    def release() -> None:
        # The desktop also drops the inhibition when our bus connection closes on exit.
        screensaver.call("UnInhibit", cookie)

    return release


def tags_of(deck: Deck) -> list[str]:
    """The deck's tags, each once, sorted case-insensitively."""
    return sorted({tag for card in deck.cards for tag in card.tags}, key=str.casefold)


def cards_with_tag(deck: Deck, tag: str) -> list[int]:
    return [i for i, card in enumerate(deck.cards) if tag in card.tags]


class Presentation(QObject):
    """The state of a presentation: which of the chosen cards is shown, on which side, and
    whether the audience screen is blanked; plus the timers and the screens used."""

    card_changed = Signal(int)  # position in ``cards`` of the card now shown
    side_changed = Signal(bool)  # True when the back is showing
    blank_changed = Signal(str)  # "", "black" or "white"
    stage_changed = Signal(str)  # "dark" or "light"
    typed_changed = Signal(str)  # the card number typed so far ("" when none)
    back_scrolled = Signal(float)  # how far down the room's view of a long back is, 0 to 1
    screens_changed = Signal()
    ended = Signal(int)  # the deck index of the card last shown

    def __init__(
        self,
        deck: Deck,
        cards: Sequence[int],
        start: int = 0,
        home: QWidget | None = None,
        clock: PresentationClock | None = None,
        inhibitor: Inhibitor | None = None,
    ) -> None:
        super().__init__(home)
        assert cards, "nothing to present"
        self.deck = deck
        self.cards = tuple(cards)
        self.position = min(max(start, 0), len(self.cards) - 1)
        self.showing_back = False
        self.blank: Blank = ""
        self.typed = ""
        self.swapped = False
        self.home = home  # the main window: its screen is the presenter's
        settings = app_settings()
        self.stage: Stage = "light" if read(settings, STAGE_KEY) == "light" else "dark"
        minutes = min(max(as_int(read(settings, COUNTDOWN_KEY)), 0), MAX_COUNTDOWN_MINUTES)
        self.clock: PresentationClock = clock or PresentationClock()
        self.clock.countdown_seconds = minutes * 60
        self.audience: AudienceWindow | None = None
        self.presenter: PresenterWindow | None = None
        self.typed_timer = QTimer(self)
        self.typed_timer.setSingleShot(True)
        self.typed_timer.setInterval(TYPED_MS)
        self.typed_timer.timeout.connect(self.clear_typed)
        self._inhibitor = inhibitor or inhibit_screen_sleep
        self._release: Release | None = None
        self._running = False

    # -- what is shown ---------------------------------------------------------------------

    @property
    def index(self) -> int:
        """The deck index of the card shown."""
        return self.cards[self.position]

    @property
    def card(self) -> Card:
        return self.deck.cards[self.index]

    @property
    def next_card(self) -> Card | None:
        following = self.position + 1
        return self.deck.cards[self.cards[following]] if following < len(self.cards) else None

    def count(self) -> int:
        return len(self.cards)

    def is_running(self) -> bool:
        return self._running

    # -- starting and ending ---------------------------------------------------------------

    def start(self, presenter: bool = False) -> None:
        """Show the audience full screen; with two screens (or ``presenter``), the presenter
        view too. With one screen and ``presenter``, only the presenter view, in a window."""
        from briefing.gui.present.audience_window import AudienceWindow
        from briefing.gui.present.presenter_window import PresenterWindow

        self._running = True
        two_screens = self.projector_screen() is not None
        if two_screens or not presenter:
            self.audience = AudienceWindow(self, self.home)
        if two_screens or presenter:
            self.presenter = PresenterWindow(self, self.home)
        self.place_windows()
        self._release = self._inhibitor("Presenting a briefing")
        focus = self.presenter if self.presenter is not None else self.audience
        assert focus is not None
        focus.activateWindow()
        focus.setFocus()

    def end(self) -> None:
        if not self._running:
            return
        self._running = False
        self.typed_timer.stop()
        if self._release is not None:
            self._release()
            self._release = None
        for window in (self.audience, self.presenter):
            if window is not None:
                window.close()
                window.deleteLater()
        self.audience = None
        self.presenter = None
        self.ended.emit(self.index)

    # -- moving ----------------------------------------------------------------------------

    def go_to(self, position: int) -> None:
        if not 0 <= position < len(self.cards):
            return
        changed = position != self.position or self.showing_back
        self.position = position
        self.showing_back = False
        if changed:
            self.card_changed.emit(position)

    def next(self) -> None:
        self.go_to(self.position + 1)

    def previous(self) -> None:
        self.go_to(self.position - 1)

    def first(self) -> None:
        self.go_to(0)

    def last(self) -> None:
        self.go_to(len(self.cards) - 1)

    def flip(self) -> None:
        self.showing_back = not self.showing_back
        self.side_changed.emit(self.showing_back)

    def page_back(self, step: int) -> bool:
        """On the back, scroll the room's view of it a page down (1) or up (-1); False on
        the front or when there is no more to scroll that way."""
        if not self.showing_back:
            return False
        if self.audience is not None:
            return self.audience.card_view.back.scroll_by_page(step)
        if self.presenter is not None:  # presenting alone: the presenter's view is the room's
            return self.presenter.back_view.back.scroll_by_page(step)
        return False

    def set_blank(self, blank: Blank) -> None:
        if blank != self.blank:
            self.blank = blank
            self.blank_changed.emit(blank)

    def set_stage(self, stage: Stage) -> None:
        if stage != self.stage:
            self.stage = stage
            app_settings().setValue(STAGE_KEY, stage)
            self.stage_changed.emit(stage)

    def set_countdown_minutes(self, minutes: int) -> None:
        self.clock.countdown_seconds = max(minutes, 0) * 60
        app_settings().setValue(COUNTDOWN_KEY, max(minutes, 0))

    # -- typing a card number --------------------------------------------------------------

    def type_digit(self, digit: str) -> None:
        self.typed = (self.typed + digit)[-4:]
        self.typed_timer.start()
        self.typed_changed.emit(self.typed)

    def clear_typed(self) -> None:
        self.typed_timer.stop()
        if self.typed:
            self.typed = ""
            self.typed_changed.emit("")

    def jump_to_typed(self) -> None:
        number = int(self.typed) if self.typed else 0
        self.clear_typed()
        self.go_to(min(max(number, 1), len(self.cards)) - 1)

    # -- keys ------------------------------------------------------------------------------

    def handle_key(self, key: int, text: str = "") -> bool:
        """Do what ``key`` (typed as ``text``) does in a presentation; False if nothing."""
        qt_key = Qt.Key(key)
        if qt_key in _MODIFIER_KEYS:
            return False
        if self.blank:  # any key brings the card back, and does nothing else
            self.set_blank("")
            return True
        if len(text) == 1 and text.isdigit():
            self.type_digit(text)
            return True
        if self.typed and qt_key in _ENTER_KEYS:
            self.jump_to_typed()
            return True
        if self.typed and qt_key == Qt.Key.Key_Backspace:
            self.typed = self.typed[:-1]
            self.typed_changed.emit(self.typed)
            return True
        self.clear_typed()
        command = command_for(qt_key)
        if command is None:
            return False
        command(self)
        return True

    # -- screens ---------------------------------------------------------------------------

    def home_screen(self) -> QScreen:
        screen = self.home.screen() if self.home is not None else None
        return screen or QGuiApplication.primaryScreen()

    def projector_screen(self) -> QScreen | None:
        """A screen other than the one the main window is on, if there is one."""
        home = self.home_screen()
        return next((s for s in QGuiApplication.screens() if s is not home), None)

    def audience_screen(self) -> QScreen:
        projector = self.projector_screen()
        if projector is None:
            return self.home_screen()
        return self.home_screen() if self.swapped else projector

    def presenter_screen(self) -> QScreen:
        projector = self.projector_screen()
        if projector is None:
            return self.home_screen()
        return projector if self.swapped else self.home_screen()

    def swap_screens(self) -> None:
        """Put the audience on the other screen, and the presenter view on this one."""
        if self.projector_screen() is None:
            return
        self.swapped = not self.swapped
        self.place_windows()
        self.screens_changed.emit()

    def place_windows(self) -> None:
        if self.audience is not None:
            _show_on(self.audience, self.audience_screen(), full_screen=True)
        if self.presenter is not None:
            alone = self.audience is None
            _show_on(self.presenter, self.presenter_screen(), full_screen=False, normal=alone)


def windowed_geometry(area: QRect, least: QSize) -> QRect:
    """Where a window of its own goes on a screen's ``area``: four fifths of it, centred;
    at least ``least`` (all of a small screen), never more than the area."""
    width = min(max(area.width() * 4 // 5, least.width()), area.width())
    height = min(max(area.height() * 4 // 5, least.height()), area.height())
    left = area.x() + (area.width() - width) // 2
    return QRect(left, area.y() + (area.height() - height) // 2, width, height)


def _show_on(window: QWidget, screen: QScreen, full_screen: bool, normal: bool = False) -> None:
    if window.isVisible():
        window.showNormal()
    window.setScreen(screen)
    area = screen.geometry() if full_screen else screen.availableGeometry()
    if normal:  # a window of its own on a single screen
        window.setGeometry(windowed_geometry(area, window.minimumSizeHint()))
        window.show()
        return
    window.setGeometry(area)
    if full_screen:
        window.showFullScreen()
    else:
        window.showMaximized()


def present(window: MainWindow, presenter: bool = False, tag: str = "") -> Presentation | None:
    """Present ``window``'s deck from its card: only the search's matches while a search has
    any, or only the cards tagged ``tag``; in deck order. None when there is nothing to show."""
    deck = window.deck
    if deck is None or not deck.cards:
        return None
    if tag:
        cards = cards_with_tag(deck, tag)
    elif matches := window.search_session.matches():
        cards = sorted(matches)
    else:
        cards = list(range(len(deck.cards)))
    if not cards:
        return None
    start = cards.index(window.index) if window.index in cards else 0
    presentation = Presentation(deck, cards, start, home=window)
    presentation.ended.connect(lambda index: _return_to(window, deck.cards[index].id))
    presentation.start(presenter=presenter)
    return presentation


def _return_to(window: MainWindow, card_id: str) -> None:
    """Back on the card last shown, on the side shown, found by its id: the deck may have
    been reloaded since (a card gone before it moves it up). If it is gone itself, where
    the window is."""
    # Read from the window, so the slot holds no reference to the presentation it ends.
    back = window.presentation is not None and window.presentation.showing_back
    window.set_overview_visible(False)
    index = window.deck.index_of(card_id) if window.deck is not None else None
    if index is not None:
        window.go_to(index)
        window.card_view.show_side(back)
    window.activateWindow()
    window.card_view.setFocus()


class PresentMenu(QMenu):
    """The Present menu: present, presenter view, present a tag, and the stage's colour."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__("P&resent", window)
        self._window = window
        self.addActions([window.present_action, window.presenter_view_action])
        self.tag_menu = self.addMenu("Present &Tag")
        self.tag_menu.aboutToShow.connect(self.fill_tag_menu)
        self.addSeparator()
        group = QActionGroup(self)
        self.stage_actions = {}
        for stage, text in (("dark", "&Dark Stage"), ("light", "&Light Stage")):
            action = self.addAction(text)
            action.setCheckable(True)
            action.setActionGroup(group)
            action.triggered.connect(lambda _=False, s=stage: self.on_stage_chosen(s))
            self.stage_actions[stage] = action
        self.aboutToShow.connect(self.on_about_to_show)
        self.on_about_to_show()

    def on_about_to_show(self) -> None:
        stage = "light" if read(app_settings(), STAGE_KEY) == "light" else "dark"
        self.stage_actions[stage].setChecked(True)
        deck = self._window.deck
        self.tag_menu.setEnabled(deck is not None and bool(tags_of(deck)))

    def on_stage_chosen(self, stage: Stage) -> None:
        app_settings().setValue(STAGE_KEY, stage)
        presentation = self._window.presentation
        if presentation is not None and presentation.is_running():
            presentation.set_stage(stage)

    def fill_tag_menu(self) -> None:
        self.tag_menu.clear()
        deck = self._window.deck
        for tag in tags_of(deck) if deck is not None else []:
            count = len(cards_with_tag(deck, tag)) if deck is not None else 0
            label = f"{tag} ({count} card{'s' if count != 1 else ''})".replace("&", "&&")
            action = self.tag_menu.addAction(label)
            action.triggered.connect(lambda _=False, t=tag: self._window.start_presentation(tag=t))
