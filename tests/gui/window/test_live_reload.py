"""Live reload: the window follows edits to the open deck's files."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextDocument

from briefing.gui.window.deck_watcher import DeckWatcher
from briefing.gui.window.main_window import MainWindow
from briefing.render.back_document import image_fragments

WAIT_MS = 5000
SETTLE_MS = 300  # longer than the watcher's debounce, which these tests set to 0


@pytest.fixture(autouse=True)
def _no_debounce(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DeckWatcher, "debounce_ms", 0)


@pytest.fixture
def live(window: MainWindow, deck_folder: Path) -> MainWindow:
    """The window on the deck_folder deck, watching it."""
    assert window.open_deck(str(deck_folder))
    return window


def _title(window: MainWindow) -> str:
    return window.card_view.front.topic_label.text()


def test_editing_a_card_reloads_it_on_the_same_card_and_side(
    qtbot: Any, live: MainWindow, deck_folder: Path
) -> None:
    live.go_to(1)
    live.flip_card()
    assert live.card_view.is_flipped()
    (deck_folder / "beta.yaml").write_text(
        "title: Beta edited\nheadline: Second headline.\nbody: Second body.\n", encoding="utf-8"
    )
    qtbot.waitUntil(lambda: _title(live) == "Beta edited", timeout=WAIT_MS)
    assert live.index == 1
    assert live.card_view.is_flipped()
    assert live.position_label.text() == "Card 2 of 2"
    assert live.notice.text() == "Reloaded: 1 card changed (Beta edited)"
    assert not live.error_panel.isVisible()


def test_adding_a_card_file_adds_the_card(qtbot: Any, live: MainWindow, deck_folder: Path) -> None:
    (deck_folder / "gamma.yaml").write_text(
        "title: Gamma\nheadline: Third headline.\nbody: Third body.\n", encoding="utf-8"
    )
    qtbot.waitUntil(lambda: live.card_count() == 3, timeout=WAIT_MS)
    assert live.notice.text() == "Reloaded: 1 card added (Gamma)"
    assert _title(live) == "Alpha"


def test_removing_a_card_file_removes_the_card(
    qtbot: Any, live: MainWindow, deck_folder: Path
) -> None:
    live.go_to(1)
    (deck_folder / "beta.yaml").unlink()
    qtbot.waitUntil(lambda: live.card_count() == 1, timeout=WAIT_MS)
    assert live.index == 0 and _title(live) == "Alpha"  # the nearest card
    assert live.notice.text() == "Reloaded: 1 card removed (Beta)"


def test_a_file_renamed_over_a_card_reloads_it_and_keeps_being_watched(
    qtbot: Any, live: MainWindow, deck_folder: Path
) -> None:
    card = deck_folder / "alpha.yaml"
    for n in (1, 2):  # twice: the rename removed the first watch on the file
        temporary = deck_folder / ".alpha.yaml.tmp"
        temporary.write_text(
            f"title: Alpha {n}\nheadline: First headline.\nbody: First body.\nsources: [s]\n",
            encoding="utf-8",
        )
        os.replace(temporary, card)
        qtbot.waitUntil(lambda n=n: _title(live) == f"Alpha {n}", timeout=WAIT_MS)
    assert str(card) in live.opening.watcher.watched_paths()


def test_a_broken_edit_keeps_the_deck_and_a_fix_clears_the_problems(
    qtbot: Any, live: MainWindow, deck_folder: Path
) -> None:
    live.go_to(1)
    card = deck_folder / "beta.yaml"
    good = card.read_text(encoding="utf-8")
    card.write_text("title: [unclosed\n", encoding="utf-8")
    qtbot.waitUntil(live.error_panel.isVisible, timeout=WAIT_MS)
    lines = live.error_panel.problem_lines()
    assert re.fullmatch(rf"{re.escape(str(card))}:\d+:\d+: .+", lines[0])
    assert live.deck is not None and live.deck.title == "Good deck"
    assert live.index == 1 and _title(live) == "Beta"
    heading = live.error_panel.heading_label.text()
    assert heading.startswith("Couldn't reload ") and "Still showing Good deck." in heading

    card.write_text(good.replace("Beta", "Beta fixed"), encoding="utf-8")
    qtbot.waitUntil(lambda: not live.error_panel.isVisible(), timeout=WAIT_MS)
    assert _title(live) == "Beta fixed"
    assert live.index == 1


def test_a_single_file_deck_reloads(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    deck_file = tmp_path / "single.yaml"
    text = "title: Single\ncards:\n  - title: Only\n    headline: H.\n    body: B.\n"
    deck_file.write_text(text, encoding="utf-8")
    assert window.open_deck(str(deck_file))
    deck_file.write_text(text.replace("Only", "Only one"), encoding="utf-8")
    qtbot.waitUntil(lambda: _title(window) == "Only one", timeout=WAIT_MS)


def copy_deck(source: Path, target: Path, title: str) -> None:
    target.mkdir()
    for file in source.iterdir():
        text = file.read_text(encoding="utf-8").replace("title: Alpha", f"title: {title}")
        (target / file.name).write_text(text, encoding="utf-8")


def edit_alpha(deck_folder: Path, title: str) -> None:
    (deck_folder / "alpha.yaml").write_text(
        f"title: {title}\nheadline: First headline.\nbody: First body.\nsources: [s]\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize("by_rename", [False, True], ids=["made-again", "renamed-in"])
def test_a_deck_folder_deleted_and_made_again_is_found_again(
    qtbot: Any, live: MainWindow, deck_folder: Path, tmp_path: Path, by_rename: bool
) -> None:
    kept = tmp_path / "kept"
    shutil.copytree(deck_folder, kept)
    shutil.rmtree(deck_folder)
    qtbot.waitUntil(live.error_panel.isVisible, timeout=WAIT_MS)
    assert _title(live) == "Alpha"  # the deck stays on screen
    if by_rename:  # as a sync tool or `git checkout` of a folder may do
        copy_deck(kept, tmp_path / "incoming", "Alpha back")
        os.replace(tmp_path / "incoming", deck_folder)
    else:
        copy_deck(kept, deck_folder, "Alpha back")
    qtbot.waitUntil(lambda: _title(live) == "Alpha back", timeout=WAIT_MS)
    assert not live.error_panel.isVisible()
    edit_alpha(deck_folder, "Alpha edited")  # and later edits are seen
    qtbot.waitUntil(lambda: _title(live) == "Alpha edited", timeout=WAIT_MS)


def test_a_deck_folder_in_a_folder_deleted_too_is_found_again(
    qtbot: Any, window: MainWindow, deck_folder: Path, tmp_path: Path
) -> None:
    nested = tmp_path / "projects" / "deck"
    shutil.copytree(deck_folder, nested)
    assert window.open_deck(str(nested))
    shutil.rmtree(tmp_path / "projects")
    qtbot.waitUntil(window.error_panel.isVisible, timeout=WAIT_MS)
    (tmp_path / "projects").mkdir()
    copy_deck(deck_folder, nested, "Alpha back")
    qtbot.waitUntil(lambda: _title(window) == "Alpha back", timeout=WAIT_MS)
    edit_alpha(nested, "Alpha edited")
    qtbot.waitUntil(lambda: _title(window) == "Alpha edited", timeout=WAIT_MS)


def test_a_single_file_deck_saved_by_rename_keeps_being_watched(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    deck_file = tmp_path / "single.yaml"
    text = "title: Single\ncards:\n  - title: Only\n    headline: H.\n    body: B.\n"
    deck_file.write_text(text, encoding="utf-8")
    assert window.open_deck(str(deck_file))
    for n in (1, 2, 3):  # each rename ends the watch on the file it replaced
        temporary = tmp_path / ".single.yaml.tmp"
        temporary.write_text(text.replace("Only", f"Only {n}"), encoding="utf-8")
        os.replace(temporary, deck_file)
        qtbot.waitUntil(lambda n=n: _title(window) == f"Only {n}", timeout=WAIT_MS)
    assert str(deck_file) in window.opening.watcher.watched_paths()


def test_other_files_in_the_folder_do_not_reload(
    qtbot: Any, live: MainWindow, deck_folder: Path
) -> None:
    reloads: list[object] = []
    live.deck_changed.connect(reloads.append)
    folder_events = live.opening.watcher._watcher.directoryChanged  # the watcher did see them
    with qtbot.waitSignal(folder_events, timeout=WAIT_MS):
        (deck_folder / "export.pdf").write_bytes(b"%PDF")
        (deck_folder / "notes.txt").write_text("to do", encoding="utf-8")
        (deck_folder / ".beta.yaml.swp").write_bytes(b"vim swap")
        (deck_folder / "beta.yaml~").write_text("title: Backup\n", encoding="utf-8")
    with qtbot.assertNotEmitted(live.opening.watcher.changed, wait=SETTLE_MS):
        pass
    assert reloads == []

    (deck_folder / "gamma.yaml").write_text(
        "title: Gamma\nheadline: Third headline.\nbody: Third body.\n", encoding="utf-8"
    )
    qtbot.waitUntil(lambda: live.card_count() == 3, timeout=WAIT_MS)
    with qtbot.assertNotEmitted(live.opening.watcher.changed, wait=SETTLE_MS):
        pass
    assert len(reloads) == 1


def write_png(path: Path, width: int, colour: str) -> None:
    image = QImage(width, width // 2, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")


def shown_image_sizes(window: MainWindow) -> list[tuple[int, int]]:
    """The pixel sizes of the images on the back of the card on screen."""
    document = window.card_view.back.browser.document()
    sizes = []
    for _cursor, image_format in image_fragments(document):
        image = document.resource(QTextDocument.ResourceType.ImageResource, image_format.name())
        if isinstance(image, QImage):
            sizes.append((image.width(), image.height()))
    return sizes


@pytest.mark.parametrize("by_rename", [False, True], ids=["in-place", "by-rename"])
def test_replacing_a_cards_image_reloads_and_shows_the_new_image(
    qtbot: Any, window: MainWindow, deck_folder: Path, by_rename: bool
) -> None:
    write_png(deck_folder / "map.png", 40, "red")
    (deck_folder / "beta.yaml").write_text(
        "title: Beta\nheadline: Second headline.\nbody: Second body.\n"
        "image: {path: map.png, alt: A map}\n",
        encoding="utf-8",
    )
    assert window.open_deck(str(deck_folder))
    window.go_to(1)
    window.flip_card()
    assert shown_image_sizes(window) == [(40, 20)]
    for width in (60, 80):  # twice: the first replacement must not end the watch
        if by_rename:
            write_png(deck_folder / "new.png", width, "blue")
            os.replace(deck_folder / "new.png", deck_folder / "map.png")
        else:
            write_png(deck_folder / "map.png", width, "blue")
        qtbot.waitUntil(lambda w=width: shown_image_sizes(window) == [(w, w // 2)], timeout=WAIT_MS)
    assert window.index == 1 and window.card_view.is_flipped()


def test_a_reload_keeps_the_search(qtbot: Any, live: MainWindow, deck_folder: Path) -> None:
    live.search_session.field.setText("beta")
    qtbot.waitUntil(lambda: live.search_session.search.results == [1], timeout=WAIT_MS)
    assert live.overview_visible()
    (deck_folder / "alpha.yaml").write_text(
        "title: Alpha and beta\nheadline: First headline.\nbody: First body.\nsources: [s]\n",
        encoding="utf-8",
    )
    qtbot.waitUntil(
        lambda: sorted(live.search_session.search.results or []) == [0, 1], timeout=WAIT_MS
    )
    assert live.search_session.field.text() == "beta"
    assert live.overview_visible()


def test_clicking_a_problem_opens_the_file_at_its_line(
    qtbot: Any, live: MainWindow, deck_folder: Path
) -> None:
    card = deck_folder / "beta.yaml"
    card.write_text("title: Beta\nheadline: [unclosed\nbody: Second body.\n", encoding="utf-8")
    qtbot.waitUntil(live.error_panel.isVisible, timeout=WAIT_MS)
    problem = live.error_panel.problems[0]
    assert problem.path == str(card)
    panel_list = live.error_panel.problem_list
    rect = panel_list.visualItemRect(panel_list.item(0))
    qtbot.mouseClick(panel_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    viewer = live.error_panel.viewer
    assert viewer is not None and viewer.isVisible() and not viewer.isModal()
    assert viewer.text_view.isReadOnly()
    assert viewer.text_view.toPlainText() == card.read_text(encoding="utf-8")
    assert viewer.message_label.text() == str(problem)
    assert viewer.highlighted_line() == problem.line
    assert viewer.cursor_position() == (problem.line, problem.column)


def test_the_viewer_explains_a_file_it_cannot_show(
    qtbot: Any, live: MainWindow, tmp_path: Path
) -> None:
    from briefing.core.errors import Problem
    from briefing.gui.window.problem_viewer import MAX_SHOWN_BYTES, ProblemViewer

    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * (MAX_SHOWN_BYTES + 1))
    viewer = ProblemViewer()
    qtbot.addWidget(viewer)
    viewer.show_problem(Problem(str(big), 1, 1, "too big"))
    assert "too large" in viewer.text_view.toPlainText()
    viewer.show_problem(Problem(str(tmp_path / "gone.yaml"), 3, 1, "gone"))
    assert viewer.text_view.toPlainText().startswith("Cannot show ")
    assert viewer.highlighted_line() == 0


@pytest.mark.parametrize("folder_name", [b"deck", b"deck\xff"])
def test_a_file_named_in_bytes_that_are_not_utf8_is_watched_too(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder_name: bytes
) -> None:
    monkeypatch.setattr(DeckWatcher, "poll_ms", 10)
    folder = os.path.join(os.fsencode(tmp_path), folder_name)
    card = os.path.join(folder, b"card\xff.yaml")
    os.mkdir(folder)
    for path in (os.path.join(folder, b"deck.yaml"), card):
        with open(path, "wb") as f:
            f.write(b"title: T\n")
    watcher = DeckWatcher()
    watcher.watch(os.fsdecode(folder))
    try:
        # Edited in place: Qt has no watch on the file, and the folder sees no change.
        with qtbot.waitSignal(watcher.changed, timeout=WAIT_MS), open(card, "ab") as f:
            f.write(b"headline: H.\n")
    finally:
        watcher.stop()
