"""The header keeps its layout from 800x600 up: the deck's title never gone, the search box
in one place whatever the search says, every toolbar button in the window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect

from briefing.core.loader import load_deck
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path
from tests.gui.search_helpers import wait_for_index, wait_for_results

# "stolt" matches two of the bundled deck's six cards; the last matches none.
QUERIES = ("", "stolt", "zzzz million shells nowhere to be found at all")


def search_field_x(window: MainWindow) -> int:
    field = window.search_session.field
    return field.mapTo(window, field.rect().topLeft()).x()


def hidden_toolbar_buttons(window: MainWindow) -> list[str]:
    inside = window.rect()
    hidden = []
    for action in window.toolbar.actions():
        button = window.toolbar.widgetForAction(action)
        if action.isSeparator() or button is None:
            continue
        place = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not (button.isVisible() and inside.contains(place)):
            hidden.append(action.text() or button.objectName())
    return hidden


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_search_results_never_move_the_search_box_or_hide_the_title_or_a_button(
    qtbot: Any, window: MainWindow, size: tuple[int, int], theme: str
) -> None:
    window.on_deck_loaded(load_deck(bundled_deck_path()))
    wait_for_index(qtbot, window)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    window.appearance.set_theme(theme)  # after the resize: a theme must not undo the fit
    places = set()
    for query in QUERIES:
        window.search_session.field.setText(query)
        wait_for_results(qtbot, window)
        qtbot.wait(1)  # one turn of the event loop: the layout settles
        places.add(search_field_x(window))
        assert hidden_toolbar_buttons(window) == [], query
        title = window.header.title_label
        assert title.isVisible() and title.width() >= 60, query
        if query:
            assert window.search_count_label.isVisible()
    assert len(places) == 1, f"the search box moved: x = {sorted(places)}"
    assert window.search_count_label.text().startswith("No cards match")


def test_a_title_cut_short_ends_in_an_ellipsis_and_is_whole_in_its_tooltip(
    qtbot: Any, window: MainWindow
) -> None:
    window.on_deck_loaded(load_deck(bundled_deck_path()))
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.header.title_label.is_elided())
    title = window.header.title_label
    assert title.toolTip() == title.text()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: not title.is_elided())
    assert title.toolTip() == ""
