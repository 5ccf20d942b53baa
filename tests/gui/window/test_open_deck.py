from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from briefing.core import loader
from briefing.core.errors import DeckError, Problem
from briefing.gui.window.main_window import MainWindow

NewWindow = Callable[[], MainWindow]


def test_open_deck_shows_good_deck_from_disk(window: MainWindow, deck_folder: Path) -> None:
    assert window.open_deck(str(deck_folder)) is True
    assert window.deck is not None and window.deck.title == "Good deck"
    assert window.windowTitle() == "Good deck \u2014 Briefing"
    assert window.position_label.text() == "Card 1 of 2"
    assert window.card_view.front.topic_label.text() == "Alpha"
    assert window.model.rowCount() == 2


@pytest.mark.parametrize("starred", [False, True])
def test_opening_a_shorter_deck_from_the_last_card_shows_its_first_card(
    window: MainWindow, deck_folder: Path, starred: bool
) -> None:
    """From card 6 of 6, a two-card deck opens on its first card, without a word from
    the old place (it once said "Something went wrong: IndexError")."""
    window.last_card()
    if starred:
        window.starring.toggle_star()
    assert window.open_deck(deck_folder)
    assert window.index == 0
    assert window.card_view.front.headline_label.text() == "First headline."
    assert not window.starring.star_action.isChecked()


def test_broken_deck_keeps_last_good_deck_on_screen(
    window: MainWindow, broken_folder: Path
) -> None:
    window.go_to(3)
    assert window.open_deck(str(broken_folder)) is False
    assert window.deck is not None and window.deck.title == "Test deck"
    assert window.index == 3
    assert window.card_view.front.topic_label.text() == "Topic 4"
    assert window.windowTitle() == "Test deck \u2014 Briefing"
    assert window.error_panel.isVisible()


def test_broken_deck_lists_each_problem_with_path_line_and_column(
    window: MainWindow, broken_folder: Path
) -> None:
    window.open_deck(str(broken_folder))
    lines = window.error_panel.problem_lines()
    assert lines
    assert all(line.startswith(str(broken_folder)) for line in lines)
    assert re.fullmatch(rf"{re.escape(str(broken_folder / 'deck.yaml'))}:\d+:\d+: .+", lines[0])
    heading = window.error_panel.heading_label.text()
    assert heading.startswith(f"Couldn't open {broken_folder} \u2014 ")
    assert heading.endswith("Still showing Test deck.")


def test_every_problem_is_listed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    problems = [
        Problem("deck.yaml", 3, 7, "'heading' is not a card key; did you mean 'headline'?"),
        Problem("deck.yaml", 9, 1, "<b>not bold</b>"),
    ]

    def fail(path: str, **options: object) -> None:
        raise DeckError(problems)

    monkeypatch.setattr(loader, "load_deck", fail)
    window.open_deck("deck.yaml")
    assert window.error_panel.problem_lines() == [
        "deck.yaml:3:7: 'heading' is not a card key; did you mean 'headline'?",
        "deck.yaml:9:1: <b>not bold</b>",
    ]
    assert "2 problems" in window.error_panel.heading_label.text()
    assert window.error_panel.heading_label.textFormat() == Qt.TextFormat.PlainText


def test_error_panel_is_not_modal_and_can_be_dismissed(
    qtbot: Any, window: MainWindow, broken_folder: Path
) -> None:
    window.open_deck(str(broken_folder))
    assert QApplication.activeModalWidget() is None
    qtbot.keyClick(window.card_view, Qt.Key.Key_Right)  # the deck still works
    assert window.index == 1
    qtbot.mouseClick(window.error_panel.close_button, Qt.MouseButton.LeftButton)
    assert not window.error_panel.isVisible()


def test_good_deck_after_broken_one_hides_error_panel(
    window: MainWindow, broken_folder: Path, deck_folder: Path
) -> None:
    window.open_deck(str(broken_folder))
    window.open_deck(str(deck_folder))
    assert not window.error_panel.isVisible()
    assert window.deck is not None and window.deck.title == "Good deck"


def test_first_deck_failing_shows_empty_state_and_problems(
    new_window: NewWindow, broken_folder: Path
) -> None:
    window = new_window()
    assert window.open_deck(str(broken_folder)) is False
    assert window.deck is None
    assert window.stack.currentWidget() is window.empty_state
    assert window.empty_state.isVisible()
    assert window.error_panel.isVisible()
    assert "Still showing" not in window.error_panel.heading_label.text()
    assert window.windowTitle() == "Briefing"
    assert not window.flip_action.isEnabled()
    assert not window.next_action.isEnabled()
    assert not window.overview_action.isEnabled()


def test_empty_state_buttons_open_the_file_dialogs(
    qtbot: Any, new_window: NewWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = new_window()
    asked: list[str] = []
    monkeypatch.setattr(window.opening, "choose_deck_file", lambda: asked.append("file"))
    monkeypatch.setattr(window.opening, "choose_deck_folder", lambda: asked.append("folder"))
    window.empty_state.open_file_requested.disconnect()
    window.empty_state.open_folder_requested.disconnect()
    window.empty_state.open_file_requested.connect(window.opening.choose_deck_file)
    window.empty_state.open_folder_requested.connect(window.opening.choose_deck_folder)
    qtbot.mouseClick(window.empty_state.open_file_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.empty_state.open_folder_button, Qt.MouseButton.LeftButton)
    assert asked == ["file", "folder"]


def test_open_file_dialog_choice_is_loaded(
    window: MainWindow, deck_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(deck_folder))
    )
    window.open_folder_action.trigger()
    assert window.deck is not None and window.deck.title == "Good deck"


def test_os_error_from_loader_is_shown_not_raised(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(path: str, **options: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loader, "load_deck", fail)
    assert window.open_deck("/locked") is False
    assert window.error_panel.problem_lines() == ["/locked:1:1: Permission denied"]
    assert window.deck is not None and window.deck.title == "Test deck"


def _mime(*paths: Path) -> QMimeData:
    # Keep the result in a variable: a drop event does not own its mime data.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_dropping_a_deck_folder_opens_it(window: MainWindow, deck_folder: Path) -> None:
    mime = _mime(deck_folder)
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert window.deck is not None and window.deck.title == "Good deck"


def test_dropping_a_deck_file_opens_it(window: MainWindow, tmp_path: Path) -> None:
    deck_file = tmp_path / "single.yaml"
    deck_file.write_text(
        "title: Single\ncards:\n  - title: Only\n    headline: H.\n    body: B.\n",
        encoding="utf-8",
    )
    mime = _mime(deck_file)
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert window.deck is not None and window.deck.title == "Single"


def test_drag_without_files_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_dropping_a_broken_deck_keeps_the_deck(window: MainWindow, broken_folder: Path) -> None:
    mime = _mime(broken_folder)
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert window.deck is not None and window.deck.title == "Test deck"
    assert window.error_panel.isVisible()


def test_opening_a_deck_leaves_the_overview(window: MainWindow, deck_folder: Path) -> None:
    window.set_overview_visible(True)
    window.open_deck(str(deck_folder))
    assert not window.overview_visible()
    assert window.stack.currentWidget() is window.card_view


def test_odd_file_names_are_listed_escaped_one_problem_a_line(
    window: MainWindow, tmp_path: Path
) -> None:
    folder = os.path.join(os.fsencode(tmp_path), b"odd\ndeck")
    os.mkdir(folder)
    with open(os.path.join(folder, b"deck.yaml"), "wb") as f:
        f.write(b"title: T\n")
    for name in (b"bad\xff.yaml", b"a\nb.yaml"):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(b"title: A\nheadline: h\nbody: [unclosed\n")
    assert window.open_deck(os.fsdecode(folder)) is False
    shown = f"{tmp_path}/odd\\ndeck"
    assert [line.split(":")[0] for line in window.error_panel.problem_lines()] == [
        f"{shown}/a\\nb.yaml",
        f"{shown}/bad\\xff.yaml",
    ]
    heading = window.error_panel.heading_label.text()
    assert heading.startswith(f"Couldn't open {shown} \u2014 2 problems.")


def test_the_recent_menu_shows_odd_names_escaped(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.gui.window import recent_decks

    odd = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"bad\xff\ndeck"))
    monkeypatch.setattr(recent_decks.settings, "recent_decks", lambda: [odd])
    window.recent_decks.fill_recent_menu()
    (entry,) = [a for a in window.recent_decks.recent_menu.actions() if a.data()]
    assert entry.text().startswith("&1 bad\\xff\\ndeck \u2014 ")
    assert entry.toolTip() == f"{tmp_path}/bad\\xff\\ndeck"
