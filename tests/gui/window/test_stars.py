"""Starring cards: kept by deck and card id across windows, searchable as is:starred."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from search_helpers import type_query

from briefing.gui.overview.deck_model import DeckListModel
from briefing.gui.window.main_window import MainWindow

NewWindow = Callable[[], MainWindow]


def test_star_key_toggles_the_card_and_shows_a_badge(window: MainWindow, qtbot: Any) -> None:
    window.go_to(2)
    qtbot.keyClick(window.card_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    starring = window.starring
    assert starring.stars.ids() == ["card-3"]
    assert starring.star_action.isChecked()
    badge = window.card_view.front.star_badge
    assert badge.isVisibleTo(window) and "Starred" in badge.text()
    assert "starred" in window.card_view.accessibleDescription()
    window.go_to(1)
    assert not badge.isVisibleTo(window)
    window.go_to(2)
    starring.star_action.trigger()
    assert starring.stars.ids() == []


def test_star_is_offered_only_with_a_card_to_star(
    new_window: Callable[[], MainWindow], make_deck: Callable[..., Any]
) -> None:
    window = new_window()
    assert not window.starring.star_action.isEnabled()  # no deck yet, like Flip and Present
    window.on_deck_loaded(make_deck(0))
    assert not window.starring.star_action.isEnabled()
    window.on_deck_loaded(make_deck(2))
    assert window.starring.star_action.isEnabled()


def test_the_toolbar_star_fills_when_the_card_is_starred(window: MainWindow, qtbot: Any) -> None:
    button = window.toolbar.widgetForAction(window.starring.star_action)

    def star_centre_is_inked() -> bool:
        image = button.grab().toImage()
        centre = image.pixelColor(image.width() // 2, image.height() // 2)
        ink = button.palette().color(button.foregroundRole())
        # The centre of the star: the button's background when hollow, ink when filled.
        return abs(centre.lightness() - ink.lightness()) < 40

    assert not star_centre_is_inked()
    window.starring.star_action.trigger()
    assert star_centre_is_inked()
    window.starring.star_action.trigger()
    assert not star_centre_is_inked()


def test_overview_marks_starred_cards_with_a_word(window: MainWindow) -> None:
    window.go_to(1)
    window.starring.star_action.trigger()
    model = window.search_session.results_model
    assert model.index(1, 0).data(DeckListModel.StarredRole) is True
    assert model.index(0, 0).data(DeckListModel.StarredRole) is False
    assert "starred" in model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_stars_outlast_the_window_and_never_touch_the_deck(
    new_window: NewWindow, deck_folder: Path, instant_flip: None
) -> None:
    before = {p.name: p.read_bytes() for p in deck_folder.iterdir()}
    first = new_window()
    first.open_deck(str(deck_folder))
    first.go_to(1)
    first.starring.star_action.trigger()
    first.close()
    second = new_window()
    second.open_deck(str(deck_folder))
    assert second.starring.stars.ids() == ["beta"]
    assert {p.name: p.read_bytes() for p in deck_folder.iterdir()} == before


def test_is_starred_search_finds_starred_cards(window: MainWindow, qtbot: Any) -> None:
    window.search_session.search.start_indexing()
    qtbot.waitUntil(lambda: window.search_session.search.index is not None)
    for index in (1, 4):
        window.go_to(index)
        window.starring.star_action.trigger()
    window.search_session.field.setText("is:starred")
    window.search_session.search.run_now()
    assert window.search_session.search.results == [1, 4]
    window.go_to(1)
    window.starring.star_action.trigger()
    assert window.search_session.search.results == [4]


def test_two_windows_on_one_deck_keep_each_others_stars(
    new_window: NewWindow, deck_folder: Path, instant_flip: None
) -> None:
    first, second = new_window(), new_window()
    first.open_deck(str(deck_folder))
    second.open_deck(str(deck_folder))
    first.starring.star_action.trigger()  # alpha
    second.go_to(1)
    second.starring.star_action.trigger()  # beta, saved after alpha
    assert sorted(second.starring.stars.ids()) == ["alpha", "beta"]

    third = new_window()
    third.open_deck(str(deck_folder))
    assert sorted(third.starring.stars.ids()) == ["alpha", "beta"]
    second.go_to(0)
    second.starring.star_action.trigger()  # unstars alpha, which the first starred
    fourth = new_window()
    fourth.open_deck(str(deck_folder))
    assert fourth.starring.stars.ids() == ["beta"]


# Another instance of the app: reads the deck's stars, waits for a line, stars one card.
_OTHER_INSTANCE = """
import sys
from briefing.core.loader import load_deck
from briefing.gui.stars import Stars
stars = Stars()
stars.set_deck(load_deck(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
stars.set_starred(sys.argv[2], True)
print("done", flush=True)
"""


def test_stars_of_two_instances_add_up_and_an_unstar_still_counts(
    new_window: NewWindow, deck_folder: Path, settings_folder: Path
) -> None:
    environment = {**os.environ, "XDG_CONFIG_HOME": str(settings_folder)}
    command = [sys.executable, "-c", _OTHER_INSTANCE, str(deck_folder), "beta"]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=environment
    ) as other:
        assert other.stdout is not None and other.stdin is not None
        window = new_window()
        window.open_deck(str(deck_folder))
        assert other.stdout.readline().strip() == "ready"  # both read the deck's stars: none
        window.starring.star_action.trigger()  # alpha, saved first
        other.stdin.write("go\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "done"  # beta, saved after
    assert other.returncode == 0

    window.go_to(0)
    window.starring.star_action.trigger()  # unstars alpha; beta, from the other, stays
    assert window.starring.stars.ids() == ["beta"]
    later = new_window()
    later.open_deck(str(deck_folder))
    assert later.starring.stars.ids() == ["beta"]


def test_star_key_with_no_card_chosen_in_the_overview_leaves_star_unpressed(
    window: MainWindow, qtbot: Any
) -> None:
    """A search that matches nothing leaves no card chosen: Ctrl+D stars nothing, and the
    Star button does not show "Starred" (found by the sequences audit)."""
    type_query(qtbot, window, "zqx")
    assert window.overview_visible() and window.overview.selected_row() < 0
    qtbot.keyClick(window.search_session.field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.starring.stars.ids() == []
    assert not window.starring.star_action.isChecked()
