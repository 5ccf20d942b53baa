"""Every screen of the app, opened the way a user reaches it, for the look audits: built once
(a ``Rig``), then flipped from screen to screen in a theme, a size and a zoom.

A screen is a name and a function that brings the app to it and returns what to audit: pairs
of (window, part of it) — the part is the window itself, or an overlay drawn over it (the
keys overlay covers the presenter view; what is under it is not read).

Not here: the system's own Print dialog (``QPrintDialog``), which Qt draws natively and the
offscreen platform cannot show; the app's print options are its own panel, in the preview.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from factories import make_card
from print_helpers import EngineSpy
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from briefing.core.loader import load_deck
from briefing.core.model import Deck, Figure, Quote, Source
from briefing.gui.app import prepare_application
from briefing.gui.card.card_view import CardView
from briefing.gui.present import presentation as presentation_module
from briefing.gui.present.clock import PresentationClock
from briefing.gui.present.presentation import Presentation
from briefing.gui.present.presenter_window import PresenterWindow
from briefing.gui.search.card_search import CardSearch
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path

THEMES = ("light", "dark", "high-contrast")
SIZES = ((800, 600), (1920, 1080))
ZOOMS = (50, 100, 200, 300)
READING_SIZE = (1280, 800)  # the window's size when it first opens on a desktop

Audited = list[tuple[QWidget, QWidget]]  # (window, the part of it read)

LONG_TITLE = (
    "The Comprehensive Strategic Partnership Treaty between Russia and North Korea, Article Four"
)
LONG_HEADLINE = " ".join(
    ["Mutual defence is promised in all but name, and neither side says who decides when."] * 4
)
LONG_MARKING = "DRAFT \u2014 NOT FOR DISTRIBUTION BEYOND THE BRIEFING ROOM \u2014 RESTRICTED"


def long_text_deck() -> Deck:
    """Long titles, headline, figure and marking, and mixed scripts."""
    cards = (
        make_card(
            1,
            title=LONG_TITLE,
            headline=LONG_HEADLINE,
            figure=Figure("123,456,789,012,345,678,901", "dollars in a very long figure label"),
            body="Body text. " * 120,
            notes="Say it slowly. " * 40,
            tags=("treaty", "defence", "a-rather-long-tag-name"),
        ),
        make_card(
            2,
            title="Договор о всеобъемлющем стратегическом партнёрстве",  # noqa: RUF001
            headline="条約の第四条 — المادة الرابعة من المعاهدة — Ελληνικά — עברית",
            quotes=(Quote("«Мы будем помогать друг другу»", "Владимир Путин", "src"),),
        ),
    )
    return Deck(
        title=LONG_TITLE,
        subtitle="A subtitle that goes on for quite a while to see where it ends",
        date="2024-06-21",
        author="Someone With A Long Name",
        marking=LONG_MARKING,
        cards=cards,
        sources=(Source("src", "A source", "Publisher", "2024", "https://example.org/a"),),
    )


@contextlib.contextmanager
def quiet_app(settings: Path) -> Iterator[QApplication]:
    """The app as the GUI tests have it (conftest's per-test fixtures, for a whole module):
    settings in ``settings``, decks indexed at once, flips instant, the screen left to
    sleep, export painting nothing."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(settings))
        patch.setattr(CardSearch, "build_delay_ms", 0)
        patch.setattr(CardView, "flip_duration_ms", 0)
        patch.setattr(presentation_module, "inhibit_screen_sleep", lambda _why: lambda: None)
        spy = EngineSpy()
        spy.install(patch)
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        before = app.styleSheet()
        prepare_application(app)
        try:
            yield app
        finally:
            app.setStyleSheet(before)  # the next module's tests start in their own look


def settle() -> None:
    """Let queued layouts, restyles and zero timers run (twice: one may queue another)."""
    for _ in range(2):
        QCoreApplication.sendPostedEvents()
        QApplication.processEvents()
    # Closed dialogs and presentations are deleted later: now, or every theme restyles them.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Rig:
    """The windows, built once: one on the bundled deck, one on a long-text deck, one that
    opened no deck (the empty state, then a broken deck's problems)."""

    def __init__(self, broken_deck: Path) -> None:
        self.bundled = load_deck(bundled_deck_path())
        self.reading = self._window(self.bundled)
        self.long = self._window(long_text_deck())
        self.empty = self._window(None)
        self.broken_deck = broken_deck
        self.presentation: Presentation | None = None
        self.now = [1000.0]
        self.theme = ""
        self.size = READING_SIZE
        self.zoom = 100
        self.set_size(READING_SIZE)

    @staticmethod
    def _window(deck: Deck | None) -> MainWindow:
        window = MainWindow()
        window.show()
        if deck is not None:
            window.on_deck_loaded(deck)
        return window

    def windows(self) -> tuple[MainWindow, ...]:
        return (self.reading, self.long, self.empty)

    def close(self) -> None:
        self.reset()
        for window in self.windows():
            window.close()
            window.deleteLater()
        settle()

    # -- the same for every screen ---------------------------------------------------------

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self.reset()  # presenting and dialogs start again in the new theme
        for window in self.windows():
            window.appearance.set_theme(theme)  # as the View menu does: icons recolour too
        settle()

    def set_size(self, size: tuple[int, int]) -> None:
        self.size = size
        for window in self.windows():
            window.resize(*size)
        settle()

    def set_zoom(self, percent: int) -> None:
        self.zoom = percent
        for window in (self.reading, self.long):
            window.zooming.set_zoom(percent)
        settle()

    def reset(self) -> None:
        """Back to reading: no presentation, no dialog, no search, no overview."""
        self.end_presentation()
        for window in self.windows():
            for dialog in (
                window.printing.print_preview,
                window.printing.export_dialog,
                window.help_menu.shortcuts_dialog,
                window.help_menu.about_dialog,
            ):
                if dialog is not None:
                    dialog.close()
        settle()

    def end_presentation(self) -> None:
        if self.presentation is not None and self.presentation.is_running():
            self.presentation.end()
        self.presentation = None

    # -- reading ---------------------------------------------------------------------------

    def read(self, window: MainWindow, back: bool, index: int = 0) -> Audited:
        self.reset()
        if window.search_session.field.text():
            window.search_session.clear()
        window.set_overview_visible(False)
        window.go_to(index)
        if window.card_view.is_flipped() != back:
            window.flip_card()
        settle()
        return [(window, window)]

    def search(self, query: str) -> Audited:
        window = self.read(self.reading, False)[0][0]
        assert isinstance(window, MainWindow)
        window.search_session.field.setText(query)
        for _ in range(50):  # the index is built at once (build_delay_ms = 0)
            settle()
            if window.search_session.search.searched == query:
                break
        assert window.search_session.search.searched == query
        settle()
        return [(window, window)]

    def overview(self, window: MainWindow) -> Audited:
        self.read(window, False)
        window.set_overview_visible(True)
        settle()
        return [(window, window)]

    def no_deck(self) -> Audited:
        self.reset()
        self.empty.error_panel.hide()
        settle()
        return [(self.empty, self.empty)]

    def problems(self) -> Audited:
        self.reset()
        self.empty.open_deck(self.broken_deck)
        for _ in range(100):
            settle()
            if self.empty.error_panel.isVisible():
                break
        assert self.empty.error_panel.isVisible()
        return [(self.empty, self.empty)]

    # -- dialogs ---------------------------------------------------------------------------

    def _fit_dialog(self, dialog: QWidget) -> Audited:
        """A dialog opens at its own size, within the screen's: ``self.size`` stands for it."""
        dialog.show()
        width, height = self.size
        dialog.resize(min(dialog.width(), width), min(dialog.height(), height))
        settle()
        return [(dialog, dialog)]

    def print_preview(self, window: MainWindow) -> Audited:
        self.read(window, False)
        dialog = window.printing.open_print_preview()
        assert dialog is not None
        dialog.resize(*self.size)  # a big window: it takes the screen's size
        settle()
        return [(dialog, dialog)]

    def export_dialog(self, window: MainWindow) -> Audited:
        self.read(window, False)
        dialog = window.printing.open_export_dialog()
        assert dialog is not None
        return self._fit_dialog(dialog)

    def shortcuts(self) -> Audited:
        self.read(self.reading, False)
        return self._fit_dialog(self.reading.help_menu.show_shortcuts())

    def about(self) -> Audited:
        self.read(self.reading, False)
        return self._fit_dialog(self.reading.help_menu.show_about())

    def menus(self) -> Audited:
        """Each of the window's menus as it is drawn when opened. (Not opened: the offscreen
        platform cannot pop a menu up; a menu draws the same shown or grabbed.)"""
        self.read(self.reading, False)
        audited: Audited = []
        for menu in self.reading.menus.values():
            menu.aboutToShow.emit()  # filled as when opened (Open Recent, the stage)
            menu.adjustSize()
            audited.append((menu, menu))
        return audited

    # -- presenting ------------------------------------------------------------------------

    def present(self, window: MainWindow, stage: str, back: bool = False) -> Presentation:
        """Presenting ``window``'s deck with the presenter view, on ``stage``; the windows
        at the rig's size (each fills a screen)."""
        if self.presentation is None or self.presentation.deck is not window.deck:
            self.reset()
            self.read(window, False)
            # One screen here: the room's window, and the presenter view as on a second.
            shown = window.start_presentation()
            assert shown is not None
            shown.presenter = PresenterWindow(shown, window)
            shown.presenter.show()
            shown.clock = PresentationClock(now=lambda: self.now[0])
            self.presentation = shown
        shown = self.presentation
        shown.set_stage(stage)
        shown.set_blank("")
        shown.clear_typed()
        if shown.showing_back != back:
            shown.flip()
        presenter, audience = shown.presenter, shown.audience
        assert presenter is not None and audience is not None
        presenter.keys_overlay.hide()
        audience.keys_overlay.hide()
        for each in (presenter, audience):
            each.showNormal()
            each.resize(*self.size)
        self.countdown(presenter_minutes=0)
        settle()
        return shown

    def countdown(self, presenter_minutes: int, past: float = 0) -> None:
        """A countdown of ``presenter_minutes``, ``past`` seconds into it."""
        shown = self.presentation
        assert shown is not None and shown.presenter is not None
        shown.presenter.countdown_box.setValue(presenter_minutes)
        shown.clock.restart()
        self.now[0] += past
        shown.presenter.refresh_timers()
        settle()

    def presenter(self, window: MainWindow, stage: str, state: str = "") -> Audited:
        shown = self.present(window, stage, back=state == "back")
        presenter = shown.presenter
        assert presenter is not None
        if state == "amber":
            self.countdown(10, 8 * 60)
        elif state == "over":
            self.countdown(10, 13 * 60)
        elif state == "blanked":
            shown.set_blank("black")
        elif state == "typed":
            shown.type_digit("2")
        settle()
        if state == "keys":
            presenter.keys_overlay.show_over_parent()
            settle()
            return [(presenter, presenter.keys_overlay)]
        return [(presenter, presenter)]

    def audience(self, window: MainWindow, stage: str, state: str = "") -> Audited:
        shown = self.present(window, stage, back=state == "back")
        audience = shown.audience
        assert audience is not None
        if state == "typed":
            shown.type_digit("2")
        if state == "keys":
            audience.keys_overlay.show_over_parent()
            settle()
            return [(audience, audience.keys_overlay)]
        settle()
        return [(audience, audience)]


Screen = Callable[[Rig], Audited]

# The screens each zoom changes: the reading card, on both decks, on both sides.
CARD_SCREENS: dict[str, Screen] = {
    "card front": lambda rig: rig.read(rig.reading, back=False),
    "card back": lambda rig: rig.read(rig.reading, back=True),
    "long card front": lambda rig: rig.read(rig.long, back=False),
    "long card back": lambda rig: rig.read(rig.long, back=True),
    "mixed scripts card front": lambda rig: rig.read(rig.long, back=False, index=1),
    "mixed scripts card back": lambda rig: rig.read(rig.long, back=True, index=1),
}

OTHER_SCREENS: dict[str, Screen] = {
    "overview": lambda rig: rig.overview(rig.reading),
    "long overview": lambda rig: rig.overview(rig.long),
    "search results": lambda rig: rig.search("stolt"),
    "search no match": lambda rig: rig.search("zzzz million shells nowhere to be found"),
    "no deck": lambda rig: rig.no_deck(),
    "error panel": lambda rig: rig.problems(),
    "print preview and print options": lambda rig: rig.print_preview(rig.reading),
    "long print preview": lambda rig: rig.print_preview(rig.long),
    "export dialog": lambda rig: rig.export_dialog(rig.reading),
    "keyboard shortcuts": lambda rig: rig.shortcuts(),
    "about": lambda rig: rig.about(),
    "menus": lambda rig: rig.menus(),
}

# A stage sets the colours of the card only: the presenter's own controls, timers and
# overlays are gone through on the dark stage, the cards on both. (A blanked room shows no
# text; the presenter view says so, in its "blanked" state.)
PRESENTER_STATES = {
    "dark": ("", "back", "amber", "over", "blanked", "typed", "keys"),
    "light": ("", "back"),
}
AUDIENCE_STATES = {"dark": ("", "back", "typed", "keys"), "light": ("", "back")}


def _named(who: str, stage: str, state: str) -> str:
    return f"{who}, {stage} stage" + (f", {state}" if state else "")


PRESENTING_SCREENS: dict[str, Screen] = {
    **{
        _named("presenter", stage, state): (
            lambda rig, stage=stage, state=state: rig.presenter(rig.reading, stage, state)
        )
        for stage, states in PRESENTER_STATES.items()
        for state in states
    },
    **{
        _named("audience", stage, state): (
            lambda rig, stage=stage, state=state: rig.audience(rig.reading, stage, state)
        )
        for stage, states in AUDIENCE_STATES.items()
        for state in states
    },
    "long presenter, dark stage": lambda rig: rig.presenter(rig.long, "dark"),
    "long presenter, light stage, back": lambda rig: rig.presenter(rig.long, "light", "back"),
    "long audience, dark stage": lambda rig: rig.audience(rig.long, "dark"),
    "long audience, light stage, back": lambda rig: rig.audience(rig.long, "light", "back"),
}

SCREENS: dict[str, Screen] = {**CARD_SCREENS, **OTHER_SCREENS, **PRESENTING_SCREENS}
