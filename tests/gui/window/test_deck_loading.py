"""A large deck loads off the GUI thread: the window repaints, shows progress, can cancel,
and keeps the deck on screen until the new one is ready."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from briefing.core import loader
from briefing.gui.window.deck_loading import DeckLoading
from briefing.gui.window.main_window import MainWindow

WAIT_S = 10.0
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
    assert window.open_deck(large_folder)
    watch.stop()
    assert window.card_count() == 400
    assert events_handled  # the event loop ran while the deck loaded
    assert any(text.startswith("Opening large") for text in seen)
    assert not window.notice.isVisible()


def test_cancelling_a_large_load_keeps_the_deck_on_screen(
    qtbot: Any, window: MainWindow, large_folder: Path, progress_at_once: None
) -> None:
    before = window.deck
    QTimer.singleShot(0, window.notice.cancel_button.click)
    assert window.open_deck(large_folder) is False
    assert window.deck is before
    assert "cancelled" in window.notice.text()
    assert not window.loading.busy


def test_a_second_open_while_loading_is_refused(
    qtbot: Any, window: MainWindow, large_folder: Path, progress_at_once: None
) -> None:
    answers: list[bool] = []
    QTimer.singleShot(0, lambda: answers.append(window.open_deck(large_folder)))
    assert window.open_deck(large_folder)
    assert answers == [False]


def test_a_window_not_yet_shown_appears_before_a_large_deck_loads(
    qtbot: Any, window: MainWindow, large_folder: Path, progress_at_once: None
) -> None:
    window.hide()  # as at start-up, before the first show()
    visible_while_loading: list[bool] = []
    QTimer.singleShot(0, lambda: visible_while_loading.append(window.isVisible()))
    assert window.open_deck(large_folder)
    assert visible_while_loading == [True]


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
    assert window.open_deck(huge) is False
    for worker in loader_threads():
        worker.join(timeout=WAIT_S)
        assert not worker.is_alive()
    line, lines = stopped_at[0]
    assert line < lines / 2  # stopped early in the one card, not at its end
    assert window.open_deck(deck_folder) is True


def loader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "deck-loader"]


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
    assert window.open_deck(large_folder) is False  # at once, its worker still held
    (first,) = loader_threads()
    assert first.is_alive()

    def end_first_then_second() -> None:
        first_may_end.set()
        first.join(timeout=WAIT_S)
        # The first's late "done" is queued now, so delivered while the second waits (it
        # must not end that wait), and before this lets the second end.
        QTimer.singleShot(0, second_may_end.set)

    QTimer.singleShot(0, end_first_then_second)
    assert window.open_deck(second) is True
    assert window.deck is not None and window.deck.title == "Second deck"
