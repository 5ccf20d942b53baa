"""Matches are marked on the side of the card they are on, as formats over plain text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from factories import make_card
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from search_helpers import type_query

from briefing.core.model import Card, Deck, Quote
from briefing.gui.window.main_window import MainWindow
from briefing.render.highlight import MATCH_PROPERTY, highlighted_ranges

MakeDeck = Callable[..., Deck]


def marked(document: QTextDocument) -> list[str]:
    """The marked stretches of text, as text."""
    text = []
    for start, end in highlighted_ranges(document):
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        text.append(cursor.selectedText())
    return text


@pytest.fixture
def searching(qtbot: Any, window: MainWindow, make_deck: MakeDeck) -> Callable[..., MainWindow]:
    """``searching(query, *cards)``: the window on a deck of ``cards``, ``query`` typed and
    its first match opened with Enter."""

    def search(query: str, *cards: Card) -> MainWindow:
        window.on_deck_loaded(make_deck(0, cards=cards))
        type_query(qtbot, window, query)
        qtbot.keyClick(window.search_session.field, Qt.Key.Key_Return)
        assert not window.overview_visible()
        return window

    return search


def test_title_match_is_marked_on_the_front(searching: Callable[..., MainWindow]) -> None:
    window = searching("zeb", make_card(1, title="Zebra crossing"))
    front = window.card_view.front
    document = front.topic_label.document()
    assert document.toPlainText() == "Zebra crossing"
    assert list(highlighted_ranges(document)) == [(0, 3)]
    cursor = QTextCursor(document)
    cursor.setPosition(2)  # the format of the character before position 2: "e"
    char_format = cursor.charFormat()
    assert char_format.boolProperty(MATCH_PROPERTY)
    assert char_format.background().color() == QColor(front.matchColor)
    assert char_format.fontUnderline()  # not colour alone
    cursor.setPosition(5)
    assert not cursor.charFormat().boolProperty(MATCH_PROPERTY)
    assert not front.match_hint_label.isVisible()
    assert front.hint_label.isVisible()


def test_headline_and_figure_matches_are_marked(searching: Callable[..., MainWindow]) -> None:
    window = searching(
        "pact",
        make_card(1, headline="The Pact, and the pact's terms.", figure=None),
    )
    front = window.card_view.front
    assert marked(front.headline_label.document()) == ["Pact", "pact"]
    assert marked(front.topic_label.document()) == []


def test_body_match_is_marked_on_the_back_and_named_on_the_front(
    qtbot: Any, searching: Callable[..., MainWindow]
) -> None:
    window = searching(
        "zebra", make_card(1, body="Paragraph one.\n\nThe zebra runs, a Zebra rests.")
    )
    front = window.card_view.front
    assert front.match_hint_label.isVisible()
    assert front.match_hint_label.text() == "Match on back \u2014 Space to flip"
    assert not front.hint_label.isVisible()
    assert marked(front.headline_label.document()) == []
    qtbot.keyClick(window.card_view, Qt.Key.Key_Space)
    back = window.card_view.back
    assert back.isVisible()
    assert marked(back.document) == ["zebra", "Zebra"]
    for start, _ in highlighted_ranges(back.document):
        cursor = QTextCursor(back.document)
        cursor.setPosition(start + 1)
        assert cursor.charFormat().background().color() == QColor(back.matchColor)


def test_matches_in_tags_are_marked_on_the_front(searching: Callable[..., MainWindow]) -> None:
    window = searching("zebra", make_card(1, tags=("zebra", "stripes")))
    front = window.card_view.front
    assert not front.match_hint_label.isVisible()  # the front shows the match itself
    assert front.tags_label.isVisible()
    assert marked(front.tags_label.document()) == ["zebra"]


def test_each_part_of_the_back_is_marked_by_its_own_field(
    searching: Callable[..., MainWindow],
) -> None:
    card = make_card(
        1,
        body="Body about owls.",
        quotes=(Quote("Owls at night", "Owl Watcher", "src"),),
    )
    window = searching("by:owl", card)
    # Only the attribution is marked: the query names the `by` field.
    assert marked(window.card_view.back.document) == ["Owl"]
    window = searching("owl", card)
    # A word as typed may begin a longer one: the typed part is what is marked.
    assert marked(window.card_view.back.document) == ["owl", "Owl", "Owl"]


def test_marks_keep_markdown_lists_and_emphasis(searching: Callable[..., MainWindow]) -> None:
    card = make_card(1, body="- an *emphatic zebra* here\n- second item", quotes=(), sources=())
    window = searching("zebra", card)
    document = window.card_view.back.document
    [(start, _)] = highlighted_ranges(document)
    cursor = QTextCursor(document)
    cursor.setPosition(start + 1)
    assert cursor.charFormat().fontItalic()
    assert cursor.block().textList() is not None
    assert document.toPlainText().splitlines() == ["an emphatic zebra here", "second item"]


def test_markup_in_deck_text_stays_literal_when_marked(
    searching: Callable[..., MainWindow],
) -> None:
    window = searching("b", make_card(1, title="<b>bold</b>", body="Some <b>x</b> text"))
    assert "<b>x</b>" in window.card_view.back.document.toPlainText()
    assert marked(window.card_view.back.document) == ["b", "b"]
    front = window.card_view.front
    assert front.topic_label.document().toPlainText() == "<b>bold</b>"
    assert marked(front.topic_label.document()) == ["b", "b", "b"]


def test_marks_clear_with_the_search(qtbot: Any, searching: Callable[..., MainWindow]) -> None:
    window = searching("zebra", make_card(1, title="Zebra", body="A zebra."))
    view = window.card_view
    assert marked(view.front.topic_label.document()) == ["Zebra"]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.search_session.field.text() == ""
    assert marked(view.front.topic_label.document()) == []
    assert marked(view.back.document) == []
    assert not view.front.match_hint_label.isVisible()


def test_long_back_scrolls_to_its_first_match(
    qtbot: Any, searching: Callable[..., MainWindow]
) -> None:
    filler = "\n\n".join(f"Paragraph {n} says nothing much at all." for n in range(40))
    window = searching("zebra", make_card(1, body=f"{filler}\n\nAt last, a zebra."))
    qtbot.keyClick(window.card_view, Qt.Key.Key_Space)
    browser = window.card_view.back.browser
    assert browser.verticalScrollBar().value() > 0
    [(start, _)] = highlighted_ranges(browser.document())
    cursor = QTextCursor(browser.document())
    cursor.setPosition(start)
    assert browser.viewport().rect().contains(browser.cursorRect(cursor).center())
