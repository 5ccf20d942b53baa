"""A large deck loads off the GUI thread: the window repaints, shows progress, can cancel,
and keeps the deck on screen until the new one is ready."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from briefing.gui.deck_loading import DeckLoading
from briefing.gui.qt_main_window import MainWindow

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
