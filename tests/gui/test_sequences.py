"""Sequences: random runs of what a reader does in the main window, checked after every step.

A Hypothesis state machine opens decks of 1, 2, 6 and 50 cards and broken ones (the way the
user does: Ctrl+O, Open Recent, a drop) and a deck large enough to load in the background
(cancelled, or with other things done while it loads), moves through them with the keys,
flips, zooms, searches, stars, uses the overview, edits the open deck's files under it,
presents and exports. After every step: nothing raised, the card on screen is a card of
the deck on screen (or the empty state shows), the counter says where it is, a deck that
failed never replaced the good one, and a presentation's screens agree.

Each example gets a new window and its own settings folder, and undoes its edits of the
decks (made once) when it ends, so one example never leans on what an earlier one left
behind, and a failure shrinks to a sequence that fails alone. A new window costs some 40 ms;
resetting one was not worth being less sure the reset is honest.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from briefing.core.errors import DeckError
from briefing.core.files import SMALL_FOLDER_FILES, is_small_deck
from briefing.core.loader import load_deck
from briefing.core.model import Deck
from briefing.gui import app as gui_app
from briefing.gui import settings as gui_settings
from briefing.gui.printing.export_dialog import ExportPdfDialog
from briefing.gui.window.deck_watcher import DeckWatcher
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier

GOOD_DECKS = ("one", "two", "six", "fifty")
# What the reader does while the large deck loads (its worker is not waited for).
WHILE_LOADING = ("nothing", "cancel", "move", "open another", "reload")
BROKEN_DECKS = ("empty", "invalid-yaml", "missing-headline", "vanished")
SEARCHES = ("topic", "card 3", "headline", "putin", "tag:even", '"second headline"', "zqx", "-card")
MOVING_KEYS = (
    Key.Key_Right,
    Key.Key_Left,
    Key.Key_Home,
    Key.Key_End,
    Key.Key_PageDown,
    Key.Key_PageUp,
    Key.Key_Down,
    Key.Key_Up,
)
PRESENTING_KEYS = (
    Key.Key_Right,
    Key.Key_Left,
    Key.Key_Space,
    Key.Key_PageDown,
    Key.Key_PageUp,
    Key.Key_Home,
    Key.Key_End,
    Key.Key_B,
    Key.Key_2,
    Key.Key_Return,
)
WAIT_MS = 5000  # the most a window takes to become active or a deck's index to be built
EXPORT_MAX_CARDS = 6  # exports write real PDFs: small decks keep the machine quick


def _card_yaml(number: int, title: str = "") -> str:
    tag = "even" if number % 2 == 0 else "odd"
    body = "\n\n".join(
        f"Paragraph {p} of card {number}, a back long enough to page." for p in range(12)
    )
    return (
        f"title: {title or f'Topic {number}'}\n"
        f"headline: Headline of card {number}.\n"
        f"tags: [{tag}]\n"
        "body: |\n" + "".join(f"  {line}\n" for line in body.splitlines())
    )


def _folder_deck(folder: Path, title: str, cards: int) -> Path:
    folder.mkdir()
    (folder / "deck.yaml").write_text(f"title: {title}\n", encoding="utf-8")
    for number in range(1, cards + 1):
        (folder / f"card-{number:02}.yaml").write_text(_card_yaml(number), encoding="utf-8")
    return folder


def _file_deck(path: Path, title: str, cards: int) -> Path:
    items = "".join(
        "  - " + _card_yaml(number).replace("\n", "\n    ").rstrip() + "\n"
        for number in range(1, cards + 1)
    )
    path.write_text(f"title: {title}\ncards:\n{items}", encoding="utf-8")
    return path


def _large_deck(folder: Path) -> Path:
    """Too many files to load at once, even with a few removed by live edits, of short cards
    (their number is what counts)."""
    folder.mkdir()
    (folder / "deck.yaml").write_text("title: Large deck\n", encoding="utf-8")
    for number in range(1, SMALL_FOLDER_FILES + 20):
        (folder / f"card-{number:03}.yaml").write_text(
            f"title: Card {number}\nheadline: Headline {number}.\nbody: Body {number}.\n",
            encoding="utf-8",
        )
    return folder


def make_decks(root: Path) -> dict[str, Path]:
    """Every deck the machine opens, by name, under ``root``."""
    root.mkdir()
    missing = _folder_deck(root / "missing-headline", "Missing headline", 2)
    (missing / "card-02.yaml").write_text("title: No headline\nbody: B.\n", encoding="utf-8")
    invalid = _folder_deck(root / "invalid-yaml", "Invalid", 1)
    (invalid / "deck.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    return {
        "one": _folder_deck(root / "one", "One card", 1),
        "two": _file_deck(root / "two.yaml", "Two cards", 2),
        "six": Path(shutil.copytree(bundled_deck_path(), root / "six")),
        "fifty": _folder_deck(root / "fifty", "Fifty cards", 50),
        "large": _large_deck(root / "large"),
        "empty": _folder_deck(root / "empty", "No cards", 0),
        "invalid-yaml": invalid,
        "missing-headline": missing,
        "vanished": root / "vanished",  # named, never made: a deck that is gone
    }


def settles(step: Callable[..., None]) -> Callable[..., None]:
    """After the step, wait for what it started (a search, the index) to end, so the checks
    and the next step see the window at rest, as a user between two keys does."""

    @functools.wraps(step)
    def run(self: WindowSequences, *args: Any, **kwargs: Any) -> None:
        step(self, *args, **kwargs)
        self.nothing_went_wrong()  # at once: a window left half-done may never settle
        self._settle()

    return run


@dataclass
class Errors:
    """What would have reached the user as "Something went wrong" (the app's excepthook)."""

    caught: list[str] = field(default_factory=list)

    def hook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        self.caught.append(f"{kind.__name__}: {error}")


class WindowSequences(RuleBasedStateMachine):
    """Set by the test before it runs: the qtbot, and where each example's files go."""

    qtbot: ClassVar[Any]
    deck_paths: ClassVar[dict[str, Path]]  # the decks, made once
    workspace: ClassVar[Path]  # each example's settings and exports
    examples: ClassVar[Iterator[int]]

    def __init__(self) -> None:
        super().__init__()
        number = next(self.examples)
        root = self.workspace / f"example-{number}"
        root.mkdir()
        os.environ["XDG_CONFIG_HOME"] = str(root / "config")  # settings of this example only
        # The same decks for every example (so the deck cache is used as a reader's is);
        # teardown undoes the example's live edits.
        self.decks = self.deck_paths
        self.exports = root / "exports"
        self.exports.mkdir()
        self.saved: dict[Path, bytes] = {}  # files a live edit broke or removed, to put back
        self.moved: tuple[Path, Path] | None = None  # a deck folder moved away, and where to
        self.good: Deck | None = None  # the deck the window must show (None: none yet)
        self.errors = Errors()
        self._previous_hook = sys.excepthook
        sys.excepthook = self.errors.hook
        self.window = MainWindow()
        self.window.show()
        self._activate(self.window)

    def teardown(self) -> None:
        sys.excepthook = self._previous_hook
        self._undo_edits()
        window = self.window
        presentation = window.presentation
        if presentation is not None:
            presentation.end()
        if window.printing.export_dialog is not None:
            window.printing.export_dialog.close()
        window.close()
        window.deleteLater()
        QApplication.processEvents()

    # -- helpers ---------------------------------------------------------------------------

    def _activate(self, widget: QWidget) -> None:
        if QApplication.activeWindow() is not widget:
            widget.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=WAIT_MS)

    def _press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
        """A key as the user presses it: to whatever has the focus in the main window."""
        self._activate(self.window)
        focus = QApplication.focusWidget()
        target = focus if focus is not None and focus.window() is self.window else self.window
        QTest.keyClick(target, key, modifier)

    def _settle(self) -> None:
        window = self.window
        search = window.search_session.search

        def at_rest() -> None:
            assert window.deck is None or search.index is not None
            assert search.searched == window.search_session.field.text() or not search.is_active()

        self.qtbot.waitUntil(at_rest, timeout=WAIT_MS)

    def _presenting(self) -> bool:
        presentation = self.window.presentation
        return presentation is not None and presentation.is_running()

    def _reading(self) -> bool:
        return self.window.deck is not None and not self._presenting()

    def _expect_opened(self, path: Path) -> bool:
        """Whether the deck at ``path`` opens; if so, it is the one to be on screen next
        (otherwise the good one stays)."""
        try:
            expected = load_deck(str(path))
        except (DeckError, OSError):
            return False
        self.good = expected
        return True

    # -- opening ---------------------------------------------------------------------------

    @initialize(name=st.sampled_from(GOOD_DECKS + BROKEN_DECKS + ("none",)))
    @settles
    def start(self, name: str) -> None:
        """Most examples start on a deck; some on none, or on a broken one."""
        if name != "none":
            self.open_deck(name, "dialog")

    @precondition(lambda self: not self._presenting())
    @rule(
        name=st.sampled_from(GOOD_DECKS + BROKEN_DECKS),
        way=st.sampled_from(("dialog", "recent", "drop")),
    )
    @settles
    def open_deck(self, name: str, way: str) -> None:
        path = self.decks[name]
        opens = self._expect_opened(path)
        if way == "recent" and str(path) in gui_settings.recent_decks():
            self.window.recent_decks.fill_recent_menu()
            entry = next(
                a for a in self.window.recent_decks.recent_menu.actions() if a.data() == str(path)
            )
            if not entry.isEnabled():  # offered only while the deck is there
                assert not path.exists()
                return
            entry.trigger()
        elif way == "drop":
            mime = QMimeData()
            mime.setUrls([QUrl.fromLocalFile(str(path))])
            where, action, button = (
                QPointF(50, 50),
                Qt.DropAction.CopyAction,
                Qt.MouseButton.LeftButton,
            )
            enter = QDragEnterEvent(where.toPoint(), action, mime, button, NONE)
            QApplication.sendEvent(self.window, enter)
            assert enter.isAccepted()
            # As Qt hands it over at the end of a drag (sendEvent alone is dropped with no drag).
            self.window.dropEvent(QDropEvent(where, action, mime, button, NONE))
        else:
            folder = path.suffix != ".yaml"
            chosen = staticmethod(lambda *_a, **_k: str(path))
            chosen_file = staticmethod(lambda *_a, **_k: (str(path), ""))
            with pytest.MonkeyPatch.context() as patch:
                if folder:
                    patch.setattr(QFileDialog, "getExistingDirectory", chosen)
                    self._press(Key.Key_O, CTRL | SHIFT)
                else:
                    patch.setattr(QFileDialog, "getOpenFileName", chosen_file)
                    self._press(Key.Key_O, CTRL)
        assert self.window.error_panel.isVisibleTo(self.window) != opens  # a failure says why

    @precondition(lambda self: not self._presenting())
    @rule(meanwhile=st.sampled_from(WHILE_LOADING))
    @settles
    def open_large_deck(self, meanwhile: str) -> None:
        """Ctrl+Shift+O on a deck that loads off the GUI thread; while it loads the window
        goes on working, gives the load up for a deck asked for after it, and can cancel."""
        window, path, loading = self.window, self.decks["large"], self.window.opening.loading
        before, showing = window.deck, self.good
        self._expect_opened(path)
        chosen = staticmethod(lambda *_a, **_k: str(path))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(QFileDialog, "getExistingDirectory", chosen)
            self._press(Key.Key_O, CTRL | SHIFT)
        if not loading.busy:  # live edits removed so many cards that it loaded at once
            assert is_small_deck(str(path))
            return
        assert window.deck is before  # on screen until the new one is ready
        if meanwhile == "cancel":
            window.notice.cancel_button.click()
            assert "cancelled" in window.notice.text()
            self.good = showing
            for worker in [t for t in threading.enumerate() if t.name == "deck-loader"]:
                worker.join(timeout=WAIT_MS / 1000)
            QCoreApplication.sendPostedEvents()  # what the cancelled load found: dropped
        elif meanwhile == "move" and window.deck is not None:
            self._press(Key.Key_End)
        elif meanwhile == "open another":  # the deck asked for last takes its place
            two = self.decks["two"]
            if self._expect_opened(two):
                assert window.open_deck(two)
                for worker in [t for t in threading.enumerate() if t.name == "deck-loader"]:
                    worker.join(timeout=WAIT_MS / 1000)
                QCoreApplication.sendPostedEvents()  # what the given-up load found: dropped
        elif meanwhile == "reload":  # not now: once the large deck's load has ended
            assert not window.opening.reload_deck()
        self._loaded()

    # -- reading ---------------------------------------------------------------------------

    @precondition(lambda self: self._reading())
    @rule(key=st.sampled_from(MOVING_KEYS), times=st.integers(1, 3))
    @settles
    def move(self, key: Qt.Key, times: int) -> None:
        for _ in range(times):
            self._press(key)

    @precondition(lambda self: self._reading())
    @rule(key=st.sampled_from((Key.Key_Space, Key.Key_Return)))
    @settles
    def flip(self, key: Qt.Key) -> None:
        self._press(key)

    @precondition(lambda self: self._reading())
    @rule(key=st.sampled_from((Key.Key_Plus, Key.Key_Minus, Key.Key_0)), times=st.integers(1, 4))
    @settles
    def zoom(self, key: Qt.Key, times: int) -> None:
        for _ in range(times):
            self._press(key, CTRL)

    @precondition(lambda self: self._reading())
    @rule()
    @settles
    def star(self) -> None:
        self._press(Key.Key_D, CTRL)

    @precondition(lambda self: self._reading())
    @rule(steps=st.integers(0, 7), pick=st.booleans())
    @settles
    def overview(self, steps: int, pick: bool) -> None:
        """The overview (Ctrl+Shift+G: G would be typed into the search box), some arrows,
        then Enter on the card chosen or Ctrl+Shift+G again to leave."""
        window = self.window
        for _ in range(2):
            if not window.overview_visible():
                self._press(Key.Key_G, CTRL | SHIFT)
        assert window.overview_visible()
        for _ in range(steps):
            self._press(Key.Key_Right)
        chosen = window.search_session.results_model.source_row(window.overview.selected_row())
        self._press(Key.Key_Return if pick else Key.Key_G, NONE if pick else CTRL | SHIFT)
        if chosen >= 0 or not pick:
            assert not window.overview_visible()
        if pick and chosen >= 0:
            assert window.index == chosen

    @precondition(lambda self: self._reading())
    @rule(
        text=st.sampled_from(SEARCHES),
        steps=st.lists(st.sampled_from(("F3", "S-F3", "Enter", "Down", "Esc")), max_size=4),
    )
    @settles
    def search(self, text: str, steps: list[str]) -> None:
        self._press(Key.Key_F, CTRL)
        QTest.keyClicks(QApplication.focusWidget(), text)
        keys = {
            "F3": (Key.Key_F3, NONE),
            "S-F3": (Key.Key_F3, SHIFT),
            "Enter": (Key.Key_Return, NONE),
            "Down": (Key.Key_Down, NONE),
            "Esc": (Key.Key_Escape, NONE),
        }
        for step in steps:
            self._press(*keys[step])

    # -- live edits ------------------------------------------------------------------------

    def _deck_files(self) -> list[Path]:
        deck = self.window.deck
        if deck is None or not deck.path:
            return []
        path = Path(deck.path)
        if path.is_dir():
            return sorted(path.glob("*.yaml"))
        return [path] if path.exists() else []

    def _undo_edits(self) -> None:
        if self.moved is not None:
            self.moved[1].rename(self.moved[0])
            self.moved = None
        for path, data in self.saved.items():
            path.write_bytes(data)
        self.saved.clear()

    def _reload(self) -> None:
        """What the watcher does once the files settle (its timer is kept from firing)."""
        before = self.window.deck
        assert before is not None
        try:
            expected = load_deck(before.path)
        except (DeckError, OSError):
            expected = None
        self.window.opening.reload_deck()
        self._loaded()
        if expected is not None:
            self.good = expected

    def _loaded(self) -> None:
        """Wait for a deck loading in the background (a large one) to be on screen."""
        loading = self.window.opening.loading
        self.qtbot.waitUntil(lambda: not loading.busy, timeout=WAIT_MS)

    def _file_near_reader(self, offset: int) -> Path | None:
        """The file of the card ``offset`` cards from the one the reader sees (presenting or
        not), where a slip in keeping their place shows; the deck's own file at the end."""
        deck = self.window.deck
        if deck is None or not deck.path:
            return None
        presentation = self.window.presentation
        if self._presenting() and presentation is not None:
            deck, index = presentation.deck, presentation.index
        else:
            index = self.window.index
        files = [Path(card.file) for card in deck.cards]
        files = list(dict.fromkeys([*files, *self._deck_files()]))  # deck.yaml too
        position = min(max(index + offset, 0), len(files) - 1)
        return files[position] if files[position].exists() else None

    @precondition(lambda self: self.window.deck is not None)
    @rule(
        edit=st.sampled_from(("retitle", "remove", "break", "fix", "vanish")),
        offset=st.integers(-2, 2),
    )
    @settles
    def live_edit(self, edit: str, offset: int) -> None:
        """Edit a file of the open deck, near the card shown, then reload it."""
        if edit == "fix":
            self._undo_edits()
        elif edit == "vanish":
            path = Path(self.window.deck.path)
            if self.moved is None and path.exists():
                self.moved = (path, path.with_name(path.name + ".away"))
                path.rename(self.moved[1])
        elif (path := self._file_near_reader(offset)) is not None:
            self.saved.setdefault(path, path.read_bytes())
            if edit == "remove":
                path.unlink()
            elif edit == "break":
                path.write_text("title: [unclosed\n", encoding="utf-8")
            else:
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
        self._reload()

    # -- presenting ------------------------------------------------------------------------

    @precondition(lambda self: self._reading() and bool(self.window.card_count()))
    @rule(what=st.sampled_from(("present", "presenter view", "export")))
    @settles
    def present_or_export(self, what: str) -> None:
        """One rule for the three, which take longest: each comes up a third as often."""
        if what == "export" and self.window.card_count() <= EXPORT_MAX_CARDS:
            self._export()
            return
        self._press(Key.Key_F5, ALT if what == "presenter view" else NONE)
        presentation = self.window.presentation
        assert presentation is not None and presentation.is_running()
        self._activate(presentation.presenter or presentation.audience)

    @precondition(lambda self: self._presenting())
    @rule(keys=st.lists(st.sampled_from(PRESENTING_KEYS), min_size=1, max_size=5))
    @settles
    def press_presenting_keys(self, keys: list[Qt.Key]) -> None:
        presentation = self.window.presentation
        screen = presentation.presenter or presentation.audience
        for key in keys:
            QTest.keyClick(screen, key)

    @precondition(lambda self: self._presenting())
    @rule()
    @settles
    def stop_presenting(self) -> None:
        presentation = self.window.presentation
        screen = presentation.presenter or presentation.audience
        last = presentation.card.id
        if presentation.blank:
            QTest.keyClick(screen, Key.Key_B)  # any key brings the card back first
        QTest.keyClick(screen, Key.Key_Escape)
        assert not presentation.is_running()
        deck = self.window.deck
        assert deck is not None
        if deck.index_of(last) is not None:  # "back on the same card", even if reloaded since
            assert deck.cards[self.window.index].id == last

    # -- exporting -------------------------------------------------------------------------

    def _export(self) -> None:
        self._press(Key.Key_E, CTRL | SHIFT)
        dialog = self.window.printing.export_dialog
        assert isinstance(dialog, ExportPdfDialog)
        target = self.exports / f"export-{len(list(self.exports.iterdir()))}.pdf"
        dialog.ask_path = lambda _parent, _suggested: str(target)
        done = QSignalSpy(dialog.job.finished)
        dialog.export_button.click()  # the pages are written a turn of the event loop each
        assert done.count() or done.wait(20_000)
        assert target.read_bytes().startswith(b"%PDF")
        assert self.window.printing.export_dialog is None  # closed once written

    # -- what holds after every step -------------------------------------------------------

    @invariant()
    def nothing_went_wrong(self) -> None:
        assert not self.errors.caught, self.errors.caught
        assert not gui_app._open_messages

    @invariant()
    def the_good_deck_is_on_screen(self) -> None:
        window = self.window
        deck = window.deck
        if self.good is None:
            assert deck is None
            assert window.stack.currentWidget() is window.empty_state
            assert window.position_label.text() == ""
            return
        assert deck is not None and deck.path == self.good.path
        assert [c.id for c in deck.cards] == [c.id for c in self.good.cards]
        assert [c.title for c in deck.cards] == [c.title for c in self.good.cards]

    @invariant()
    def the_card_shown_is_in_the_deck(self) -> None:
        window = self.window
        deck = window.deck
        if deck is None:
            return
        assert 0 <= window.index < len(deck.cards)
        card = deck.cards[window.index]
        shown = window.card_view._card
        assert shown is not None and shown[1] is card
        assert window.card_view.front.topic_label.text() == card.title
        assert window.position_label.text() == f"Card {window.index + 1} of {len(deck.cards)}"
        page = window.overview if window.overview_visible() else window.card_view
        assert window.stack.currentWidget() is page
        starred = card.id in gui_settings.starred_ids(deck.path)
        assert window.starring.star_action.isChecked() == starred

    @invariant()
    def search_results_name_cards_of_the_deck(self) -> None:
        window = self.window
        results = window.search_session.search.results
        if window.deck is None or results is None:
            return
        assert all(0 <= row < len(window.deck.cards) for row in results)
        model = window.search_session.results_model
        rows = [model.source_row(row) for row in range(model.rowCount())]
        assert all(0 <= row < len(window.deck.cards) for row in rows)

    @invariant()
    def every_screen_shows_the_card_presented(self) -> None:
        presentation = self.window.presentation
        if presentation is None or not presentation.is_running():
            return
        card = presentation.card
        assert card in presentation.deck.cards
        back = presentation.showing_back
        if presentation.audience is not None:
            shown = presentation.audience.card_view._card
            assert shown is not None and shown[1] is card
            assert presentation.audience.card_view.is_flipped() == back
        if presentation.presenter is not None:
            shown = presentation.presenter.front_view._card
            assert shown is not None and shown[1] is card
            assert presentation.presenter.showing_back() == back
            total = presentation.count()
            expected = f"Card {presentation.position + 1} of {total}"
            assert presentation.presenter.position_label.text() == expected


def _counter() -> Iterator[int]:
    number = 0
    while True:
        number += 1
        yield number


@pytest.fixture
def machine(
    qtbot: Any,
    styled_app: QApplication,
    tmp_path: Path,
    instant_flip: None,
    screen_sleep: None,
    monkeypatch: pytest.MonkeyPatch,
) -> type[WindowSequences]:
    # The watcher's own timer would reload at a moment of its choosing; the machine calls
    # reload_deck itself, right after each edit, as the watcher would once the files settle.
    monkeypatch.setattr(DeckWatcher, "debounce_ms", 24 * 3600 * 1000)
    monkeypatch.setattr(DeckWatcher, "poll_ms", 24 * 3600 * 1000)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # restored after
    monkeypatch.setattr(WindowSequences, "qtbot", qtbot, raising=False)
    decks = make_decks(tmp_path / "decks")
    monkeypatch.setattr(WindowSequences, "deck_paths", decks, raising=False)
    monkeypatch.setattr(WindowSequences, "workspace", tmp_path, raising=False)
    monkeypatch.setattr(WindowSequences, "examples", _counter(), raising=False)
    return WindowSequences


# BRIEFING_SEQUENCES=500 explores: that many examples of up to 50 steps, new ones each run.
_EXPLORE = int(os.environ.get("BRIEFING_SEQUENCES", "0") or 0)
# derandomize, not a seed: the suite is a gate, so it runs the same sequences on every machine
# and every run (what derandomize promises; a seed does too, but is one more number to keep),
# and a failure in CI is the same failure on a developer's machine, with no example database
# to carry over. New sequences are found by exploring, above, not by a gate that changes.
# 30 examples of up to 20 steps: some 10 s alone on a 2-core machine.
SEQUENCES = settings(
    max_examples=_EXPLORE or 30,
    stateful_step_count=50 if _EXPLORE else 20,
    deadline=None,
    derandomize=not _EXPLORE,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_no_sequence_raises_or_shows_a_card_outside_the_deck(
    machine: type[WindowSequences],
) -> None:
    run_state_machine_as_test(machine, settings=SEQUENCES)
