"""Driving the search box the way a user does, for the search tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from briefing.gui.overview.deck_model import DeckListModel
from briefing.gui.window.main_window import MainWindow


def wait_for_index(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.search_session.search.index is not None)


def type_query(qtbot: Any, window: MainWindow, text: str) -> None:
    """Ctrl+F, type ``text``, and wait until its results are on screen."""
    qtbot.keyClick(window.card_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_session.field.hasFocus()
    qtbot.keyClicks(window.search_session.field, text)
    wait_for_results(qtbot, window)


def wait_for_results(qtbot: Any, window: MainWindow) -> None:
    def searched() -> None:
        assert window.search_session.search.index is not None
        assert window.search_session.search.searched == window.search_session.field.text()

    qtbot.waitUntil(searched)


def shown_ids(window: MainWindow) -> list[str]:
    """The ids of the cards the overview shows, in its order."""
    model = window.search_session.results_model
    return [model.index(row, 0).data(DeckListModel.CardRole).id for row in range(model.rowCount())]


def shown_card_id(window: MainWindow) -> str:
    assert window.deck is not None
    return window.deck.cards[window.index].id
