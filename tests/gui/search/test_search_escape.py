"""Esc after opening a search result: the search ends, and the card stays as the reader
turned it."""

from __future__ import annotations

from typing import Any

from conftest import MakeDeck
from factories import make_card
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from search_helpers import type_query

from briefing.gui.window.main_window import MainWindow


def test_escape_twice_after_opening_a_result_keeps_its_back_up(
    qtbot: Any, window: MainWindow, make_deck: MakeDeck
) -> None:
    cards = (make_card(1), make_card(2, body="The zebra crossing."), make_card(3))
    window.on_deck_loaded(make_deck(0, cards=cards))
    type_query(qtbot, window, "zebra")
    qtbot.keyClick(window.search_session.field, Qt.Key.Key_Return)
    assert window.index == 1 and not window.overview_visible()
    qtbot.keyClick(window.card_view, Qt.Key.Key_Space)
    assert window.card_view.is_flipped()
    focused = QApplication.focusWidget() or window.card_view
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    focused = QApplication.focusWidget() or window.card_view
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert window.index == 1
    assert not window.search_session.search.is_active()
    assert window.card_view.is_flipped()


def test_ending_the_search_on_a_long_back_keeps_the_place_and_drops_the_marks(
    qtbot: Any, window: MainWindow, make_deck: MakeDeck
) -> None:
    body = "\n\n".join(f"Paragraph {n} of a long back." for n in range(60)) + "\n\nA zebra."
    window.on_deck_loaded(make_deck(0, cards=(make_card(1), make_card(2, body=body))))
    type_query(qtbot, window, "zebra")
    qtbot.keyClick(window.search_session.field, Qt.Key.Key_Return)
    qtbot.keyClick(window.card_view, Qt.Key.Key_Space)
    QApplication.processEvents()
    bar = window.card_view.back.browser.verticalScrollBar()
    assert bar.value() > 0  # the match, at the end, was scrolled into view
    place = bar.value()
    window.search_session.clear()
    QApplication.processEvents()
    assert window.card_view.is_flipped()
    assert bar.value() == place
    assert window.card_view.back.browser.document().find("zebra").charFormat().background() == (
        window.card_view.back.browser.document().find("Paragraph").charFormat().background()
    )
