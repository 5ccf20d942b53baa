"""A large deck loads off the GUI thread: the window repaints, shows progress, can cancel,
and keeps the deck on screen until the new one is ready. ``open_deck`` returns at once, and
the window's ``deck_changed`` (or the loader's ``cancelled``) says when the load has ended."""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer

from briefing.core import loader
from briefing.gui.window.deck_loading import DeckLoading
from briefing.gui.window.main_window import MainWindow
from tests.factories import make_deck

WAIT_S = 10.0
WAIT_MS = 10_000
CARD = "title: Card {n}\nheadline: Headline {n}.\nbody: |\n  - detail {n}\n"


@pytest.fixture
def large_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "large"
    folder.mkdir()
    (folder / "deck.yaml").write_text("title: Large deck\n", encoding="utf-8")
    for n in range(400):
        (folder / f"card-{n:03d}.yaml").write_text(CARD.format(n=n), encoding="utf-8")
    return folder


@pytest.fixture
def progress_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DeckLoading, "progress_delay_ms", 0)
    monkeypatch.setattr(DeckLoading, "progress_interval_ms", 1)


def test_large_deck_loads_in_the_background_with_progress(
    qtbot: Any, window: MainWindow, large_folder: Path, progress_at_once: None
) -> None:
    seen: list[str] = []
    events_handled: list[int] = []
    watch = QTimer(window)
    watch.setInterval(5)
    watch.timeout.connect(lambda: events_handled.append(1))
    watch.timeout.connect(lambda: seen.append(window.notice.text()))
    watch.start()
    with qtbot.waitSignal(window.deck_changed, timeout=WAIT_MS):
        window.open_deck(large_folder)
    watch.stop()
    assert window.card_count() == 400
    assert events_handled  # the event loop ran while the deck loaded
    assert any(text.startswith("Opening large") for text in seen)
    assert not window.notice.isVisible()


def test_cancelling_a_large_load_keeps_the_deck_on_screen(
    qtbot: Any, window: MainWindow, large_folder: Path, progress_at_once: None
) -> None:
    before = window.deck
    assert before is not None
    QTimer.singleShot(0, window.notice.cancel_button.click)
    with qtbot.waitSignal(window.opening.loading.cancelled, timeout=WAIT_MS):
        assert window.open_deck(large_folder) is False
    assert window.deck is before
    assert window.notice.text() == f"Opening {large_folder} cancelled; still showing Test deck."
    assert not window.opening.loading.busy
    end_loads()  # what the cancelled load found is dropped when it ends
    assert window.deck is before


def test_a_deck_opened_while_another_loads_takes_its_place(
    qtbot: Any, window: MainWindow, large_folder: Path, deck_folder: Path, progress_at_once: None
) -> None:
    """The deck asked for last is the one wanted: the load on its way gives way to it, and
    what that load finds later is dropped."""
    shown: list[str] = []
    window.deck_changed.connect(lambda deck: shown.append(deck.title))
    assert window.open_deck(large_folder) is False  # loading in the background
    assert window.open_deck(deck_folder) is True  # a small deck: on screen at once
    assert shown == ["Good deck"] and not window.opening.loading.busy
    assert not window.notice.isVisible()
    end_loads()
    assert shown == ["Good deck"]


def test_a_reload_given_up_for_a_deck_that_does_not_open_is_done_after_all(
    qtbot: Any, window: MainWindow, large_folder: Path, broken_folder: Path, progress_at_once: None
) -> None:
    with qtbot.waitSignal(window.deck_changed, timeout=WAIT_MS):
        window.open_deck(large_folder)
    window.opening.watcher.stop()  # the reload below is the only one asked for
    (large_folder / "card-000.yaml").write_text(CARD.format(n="edited"), encoding="utf-8")
    assert window.opening.reload_deck() is False  # on its way in the background
    with qtbot.waitSignal(window.deck_changed, timeout=WAIT_MS):
        assert window.open_deck(broken_folder) is False  # its problems; the deck stays
    assert window.deck is not None and window.deck.cards[0].headline == "Headline edited."


def test_an_edit_made_while_another_deck_loads_is_reloaded_when_that_load_ends(
    qtbot: Any, window: MainWindow, large_folder: Path, tmp_path: Path, progress_at_once: None
) -> None:
    folder = tmp_path / "shown"
    folder.mkdir()
    (folder / "deck.yaml").write_text("title: Shown deck\n", encoding="utf-8")
    (folder / "card.yaml").write_text(CARD.format(n="before"), encoding="utf-8")
    assert window.open_deck(folder)
    assert window.open_deck(large_folder) is False  # loading in the background
    (folder / "card.yaml").write_text(CARD.format(n="after"), encoding="utf-8")
    assert window.opening.reload_deck() is False  # not now: another deck is on its way
    with qtbot.waitSignal(window.opening.loading.cancelled, timeout=WAIT_MS):
        window.notice.cancel_button.click()
    assert window.deck is not None and window.deck.cards[0].headline.endswith("after.")


def test_a_window_not_yet_shown_appears_before_a_large_deck_loads(
    qtbot: Any, window: MainWindow, large_folder: Path, progress_at_once: None
) -> None:
    window.hide()  # as at start-up, before the first show()
    with qtbot.waitSignal(window.deck_changed, timeout=WAIT_MS):
        window.open_deck(large_folder)
        assert window.isVisible()


def write_huge_card_deck(path: Path, quotes: int = 150_000) -> None:
    """One card with very many quotes: 6 MB that takes seconds to read, in one card."""
    lines = [f"      - {{text: quote {n}, by: someone}}\n" for n in range(quotes)]
    path.write_text(
        "title: Huge\ncards:\n  - title: Big\n    headline: h\n    body: b\n    quotes:\n"
        + "".join(lines),
        encoding="utf-8",
    )


def test_cancel_stops_the_work_itself_not_only_the_wait(
    qtbot: Any,
    window: MainWindow,
    tmp_path: Path,
    deck_folder: Path,
    progress_at_once: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    huge = tmp_path / "huge.yaml"
    write_huge_card_deck(huge)
    stopped_at: list[tuple[int, int]] = []
    real_load = loader.load_deck

    def recording_load(path: str, cache: Any = None, progress: Any = None) -> Any:
        if progress is None:  # a small deck, loaded at once
            return real_load(path, cache=cache)

        def recorded(done: int, total: int) -> None:
            stopped_at[:] = [(done, total)]
            progress(done, total)

        return real_load(path, cache=cache, progress=recorded)

    monkeypatch.setattr(loader, "load_deck", recording_load)
    QTimer.singleShot(0, window.notice.cancel_button.click)
    with qtbot.waitSignal(window.opening.loading.cancelled, timeout=WAIT_MS):
        window.open_deck(huge)
    end_loads()
    line, lines = stopped_at[0]
    assert line < lines / 2  # stopped early in the one card, not at its end
    assert window.open_deck(deck_folder) is True


def loader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "deck-loader"]


def end_loads() -> None:
    """Wait for every load's worker to end, then hand what they found to the window."""
    for worker in loader_threads():
        worker.join(timeout=WAIT_S)
        assert not worker.is_alive()
    QCoreApplication.sendPostedEvents()


def test_another_deck_opens_while_a_cancelled_load_is_still_winding_down(
    qtbot: Any,
    window: MainWindow,
    large_folder: Path,
    tmp_path: Path,
    progress_at_once: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    second = tmp_path / "second"
    shutil.copytree(large_folder, second)
    (second / "deck.yaml").write_text("title: Second deck\n", encoding="utf-8")
    first_may_end, second_may_end = threading.Event(), threading.Event()
    real_load = loader.load_deck

    def held_load(path: str, cache: Any = None, progress: Any = None) -> Any:
        # Each worker is held (a load that does not check for Cancel for a while) until
        # the test lets it go; the first then returns a result nobody wants any more.
        (first_may_end if path == str(large_folder) else second_may_end).wait(WAIT_S)
        return real_load(path, cache=cache)

    monkeypatch.setattr(loader, "load_deck", held_load)
    QTimer.singleShot(0, window.notice.cancel_button.click)
    with qtbot.waitSignal(window.opening.loading.cancelled, timeout=WAIT_MS):
        window.open_deck(large_folder)  # cancelled at once, its worker still held
    (first,) = loader_threads()
    assert first.is_alive()

    def end_first_then_second() -> None:
        first_may_end.set()
        first.join(timeout=WAIT_S)
        # The first's late "done" is queued now, so delivered while the second loads (it
        # must not be taken for the second's), and before this lets the second end.
        QTimer.singleShot(0, second_may_end.set)

    QTimer.singleShot(0, end_first_then_second)
    with qtbot.waitSignal(window.deck_changed, timeout=WAIT_MS) as shown:
        window.open_deck(second)
    assert shown.args[0].title == "Second deck"
    assert window.deck is not None and window.deck.title == "Second deck"


def callers() -> list[str]:
    """The names of the functions the calling code is running inside, innermost first."""
    names, frame = [], sys._getframe(1)
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


def test_a_large_deck_arrives_from_the_event_loop_not_from_inside_open_deck(
    qtbot: Any, window: MainWindow, large_folder: Path, progress_at_once: None
) -> None:
    """No nested event loop: open_deck returns while the deck loads, and the deck is shown
    by the window's own event loop when the worker says it is ready."""
    before = window.deck
    shown_inside: list[list[str]] = []
    window.deck_changed.connect(lambda _deck: shown_inside.append(callers()))
    with qtbot.waitSignal(window.deck_changed, timeout=WAIT_MS):
        assert window.open_deck(large_folder) is False  # not on screen yet
        assert window.deck is before and window.opening.loading.busy
    (stack,) = shown_inside
    assert "open_deck" not in stack
    assert window.deck is not None and window.deck.title == "Large deck"


@pytest.fixture
def held_loads(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Loads off the GUI thread wait until the test sets the event it returns."""
    may_end = threading.Event()
    real_load = loader.load_deck

    def held_load(path: str, cache: Any = None, progress: Any = None) -> Any:
        if progress is not None:
            may_end.wait(WAIT_S)
        return real_load(path, cache=cache, progress=progress)

    monkeypatch.setattr(loader, "load_deck", held_load)
    return may_end


def test_a_reload_of_a_deck_no_longer_on_screen_is_dropped(
    qtbot: Any,
    window: MainWindow,
    large_folder: Path,
    progress_at_once: None,
    held_loads: threading.Event,
) -> None:
    held_loads.set()
    with qtbot.waitSignal(window.deck_changed, timeout=WAIT_MS):
        window.open_deck(large_folder)
    held_loads.clear()
    (large_folder / "card-000.yaml").write_text(CARD.format(n="edited"), encoding="utf-8")
    assert window.opening.reload_deck() is False  # on its way
    other = make_deck(3, title="Other deck")
    window.on_deck_loaded(other)  # another deck is shown meanwhile
    held_loads.set()
    end_loads()
    assert window.deck is other
    assert window.card_view.front.topic_label.text() == other.cards[0].title
    assert not window.opening.loading.busy and not window.notice.isVisible()


def test_closing_the_window_while_a_large_deck_loads_is_clean(
    qtbot: Any,
    window: MainWindow,
    large_folder: Path,
    progress_at_once: None,
    held_loads: threading.Event,
) -> None:
    before = window.deck
    window.open_deck(large_folder)
    window.close()
    held_loads.set()
    end_loads()
    assert window.deck is before
    assert not window.opening.loading.busy and not window.notice.isVisible()


def test_a_window_deleted_while_a_large_deck_loads_leaves_its_worker_to_end_quietly(
    qtbot: Any,
    styled_app: Any,
    large_folder: Path,
    progress_at_once: None,
    held_loads: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    worker_errors: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: worker_errors.append(args.exc_value))
    window = MainWindow()
    window.show()
    window.open_deck(large_folder)
    window.close()
    shiboken6.delete(window)
    held_loads.set()
    end_loads()
    assert worker_errors == []


def test_a_deck_asked_for_while_the_start_deck_loads_takes_its_place(
    qtbot: Any,
    styled_app: Any,
    large_folder: Path,
    deck_folder: Path,
    progress_at_once: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As when a second start names a deck before the first start's large deck is open:
    the deck asked for last opens, and the start deck's load gives way."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(large_folder.parent / "cache"))
    from briefing.gui.app import build_main_window

    window = build_main_window(str(large_folder), staged=True)
    qtbot.addWidget(window)
    shown: list[str] = []
    window.deck_changed.connect(lambda deck: shown.append(deck.title))
    assert window.open_deck(deck_folder) is True  # small: on screen at once
    end_loads()
    assert shown == ["Good deck"] and not window.opening.loading.busy
    assert window.deck is not None and window.deck.title == "Good deck"


@pytest.mark.parametrize("ending", ["broken", "cancelled"])
def test_a_large_last_deck_that_does_not_open_leaves_the_bundled_deck_on_screen(
    qtbot: Any, styled_app: Any, large_folder: Path, progress_at_once: None, ending: str
) -> None:
    """Started with no deck named: a broken last deck's problems are listed over the bundled
    deck; a cancelled one is not, and the bundled deck is opened instead."""
    from briefing.gui import settings
    from briefing.gui.app import build_main_window
    from briefing.paths import bundled_deck_path

    if ending == "broken":
        (large_folder / "card-000.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    else:
        QTimer.singleShot(0, lambda: window.notice.cancel_button.click())
    settings.app_settings().setValue(settings.LAST_DECK_KEY, str(large_folder))
    window = build_main_window(None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.deck is not None, timeout=WAIT_MS)
    assert window.deck is not None
    assert settings.resolved(window.deck.path) == settings.resolved(bundled_deck_path())
    lines = window.error_panel.problem_lines()
    if ending == "broken":
        assert window.error_panel.isVisibleTo(window)
        assert lines and lines[0].startswith(str(large_folder / "card-000.yaml"))
    else:
        assert not window.error_panel.isVisibleTo(window)
