"""Starting up in stages: the remembered card first, from the cache; the rest of the window
(toolbar, menus, search, overview, live reload) once that card has been painted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QApplication

from briefing.core.cache import DeckCache
from briefing.core.files import SMALL_FOLDER_FILES, is_small_deck
from briefing.core.loader import load_deck
from briefing.gui import settings
from briefing.gui.app import build_main_window
from briefing.gui.window.main_window import MainWindow


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    return folder


def staged(qtbot: Any, path: str | None, styled_app: QApplication) -> MainWindow:
    window = build_main_window(path, staged=True)
    qtbot.addWidget(window)
    return window


def test_a_cached_deck_shows_its_remembered_card_and_side_before_the_window_is_complete(
    qtbot: Any, styled_app: QApplication, deck_folder: Path, cache_folder: Path
) -> None:
    deck = load_deck(deck_folder, cache=DeckCache())  # opened before, so cached
    second = deck.cards[1]
    settings.save_deck_place(str(deck_folder), settings.Place(second.id, True))

    window = staged(qtbot, str(deck_folder), styled_app)

    assert not window.is_complete()
    assert not hasattr(window, "toolbar") and not hasattr(window, "overview")
    assert window.header.title_label.text() == deck.title
    assert window.card_view.front.headline_label.text() == second.headline
    assert window.card_view.is_flipped()
    assert window.stack.currentWidget() is window.card_view
    assert window.windowTitle() == f"{deck.title} \u2014 Briefing"


def test_the_window_completes_after_its_first_paint_on_the_same_card(
    qtbot: Any, styled_app: QApplication, deck_folder: Path, cache_folder: Path
) -> None:
    deck = load_deck(deck_folder, cache=DeckCache())
    settings.save_deck_place(str(deck_folder), settings.Place(deck.cards[1].id, True))
    window = staged(qtbot, str(deck_folder), styled_app)
    window.show()
    assert not window.is_complete()  # not until the event loop has painted the card

    qtbot.waitUntil(window.is_complete, timeout=5000)

    assert window.deck is not None and window.deck.title == deck.title
    assert window.index == 1 and window.card_view.is_flipped()
    assert window.position_label.text() == "Card 2 of 2"
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File",
        "&Go",
        "&View",
        "P&resent",
        "&Help",
    ]
    window.first_action.trigger()
    assert window.index == 0
    assert str(deck_folder / "deck.yaml") in window.opening.watcher.watched_paths()


def test_a_deck_not_in_the_cache_opens_when_the_window_completes(
    qtbot: Any, styled_app: QApplication, deck_folder: Path, cache_folder: Path
) -> None:
    window = staged(qtbot, str(deck_folder), styled_app)
    assert window.stack.currentWidget() is not window.card_view  # blank, not an empty card
    assert window.deck is None

    window.show()
    qtbot.waitUntil(window.is_complete, timeout=5000)

    assert window.deck is not None and window.deck.title == "Good deck"
    assert window.stack.currentWidget() is window.card_view


def test_a_window_never_painted_completes_anyway(
    qtbot: Any, styled_app: QApplication, deck_folder: Path, cache_folder: Path
) -> None:
    window = staged(qtbot, str(deck_folder), styled_app)
    qtbot.waitUntil(window.is_complete, timeout=5000)
    assert window.deck is not None and window.deck.title == "Good deck"


def test_opening_a_deck_before_the_window_is_complete_completes_it_first(
    qtbot: Any, styled_app: QApplication, deck_folder: Path, cache_folder: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(
        "title: Other deck\ncards:\n  - title: Only\n    headline: H.\n    body: B.\n",
        encoding="utf-8",
    )
    window = staged(qtbot, str(deck_folder), styled_app)

    assert window.open_deck(other)

    assert window.is_complete()
    assert window.deck is not None and window.deck.title == "Other deck"


def test_closing_before_the_window_is_complete_is_safe(
    qtbot: Any, styled_app: QApplication, deck_folder: Path, cache_folder: Path
) -> None:
    window = staged(qtbot, str(deck_folder), styled_app)
    window.close()
    assert not window.isVisible()


def test_a_large_deck_waits_for_the_complete_window_even_when_cached(
    qtbot: Any, styled_app: QApplication, tmp_path: Path, cache_folder: Path
) -> None:
    folder = tmp_path / "large"
    folder.mkdir()
    (folder / "deck.yaml").write_text("title: Large deck\n", encoding="utf-8")
    for n in range(SMALL_FOLDER_FILES):
        (folder / f"card-{n:03}.yaml").write_text(
            f"title: Card {n}\nheadline: H.\nbody: B.\n", encoding="utf-8"
        )
    load_deck(folder, cache=DeckCache())
    assert not is_small_deck(str(folder))

    window = staged(qtbot, str(folder), styled_app)

    assert window.deck is None and window.stack.currentWidget() is not window.card_view
    window.show()
    qtbot.waitUntil(lambda: window.deck is not None, timeout=10000)
    assert window.deck is not None and len(window.deck.cards) == SMALL_FOLDER_FILES


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_neither_the_card_nor_the_menu_bar_changes_when_the_window_completes(
    qtbot: Any, styled_app: QApplication, deck_folder: Path, cache_folder: Path, theme: str
) -> None:
    settings.save_theme(theme)
    load_deck(deck_folder, cache=DeckCache())
    window = staged(qtbot, str(deck_folder), styled_app)
    window.resize(1280, 800)
    window.show()
    window.grab()  # lays the first stage out, as its first paint does

    def card_place() -> tuple[QPoint, QSize, list[str]]:
        view = window.card_view
        titles = [action.text() for action in window.menuBar().actions()]
        return view.mapTo(window, QPoint(0, 0)), view.size(), titles

    first = card_place()
    assert not window.is_complete()
    qtbot.waitUntil(window.is_complete, timeout=5000)
    window.grab()
    assert card_place() == first


def test_a_starred_card_shows_its_badge_from_the_first_frame_where_it_stays(
    qtbot: Any, styled_app: QApplication, deck_folder: Path, cache_folder: Path
) -> None:
    deck = load_deck(deck_folder, cache=DeckCache())
    settings.save_deck_place(str(deck_folder), settings.Place(deck.cards[1].id, False))
    settings.save_star(str(deck_folder), deck.cards[1].id, True)
    window = staged(qtbot, str(deck_folder), styled_app)
    window.resize(1280, 800)
    window.show()
    window.grab()
    badge = window.card_view.front.star_badge

    assert not window.is_complete()
    assert badge.isVisibleTo(window) and "Starred" in badge.text()
    first = badge.geometry()
    assert window.card_view.front.rect().contains(first)
    qtbot.waitUntil(window.is_complete, timeout=5000)
    window.grab()
    assert badge.isVisibleTo(window) and badge.geometry() == first
    window.first_action.trigger()  # an unstarred card
    assert not badge.isVisibleTo(window)
