"""A card's text, however it is written, shows in bounded time.

The loader bounds what a card's Markdown may hold (``markdown_budget``); within those
bounds, showing it must not take time that grows with the square of its links or of
its search matches (a back of 10,000 links took a minute; 25,000 matches two).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from factories import make_card
from PySide6.QtGui import QColor, QFont

from briefing.core.markdown_budget import MAX_CHARACTERS, markdown_cost
from briefing.core.model import Deck
from briefing.core.search.query import parse_query
from briefing.gui.window.main_window import MainWindow
from briefing.render.back_document import BackStyle, fill_notes
from briefing.render.highlight import CardMatch, highlighted_ranges
from briefing.render.safe_document import SafeDocument

MakeDeck = Callable[..., Deck]
FAST = 2.0  # seconds; each takes a fraction of that
LINKS = "[a](b) " * (MAX_CHARACTERS // 7)  # 7,142 links: as many as a card may hold


def test_a_back_of_thousands_of_links_shows_quickly(
    window: MainWindow, make_deck: MakeDeck
) -> None:
    assert markdown_cost(LINKS) is None  # a card the loader lets through
    card = make_card(1, body=LINKS)
    start = time.perf_counter()
    window.card_view.back.set_card(make_deck(0, cards=(card,)), card)
    elapsed = time.perf_counter() - start
    assert elapsed < FAST, f"took {elapsed:.1f} s"
    assert window.card_view.back.browser.toPlainText().startswith("a (b) a (b)")


def test_thousands_of_search_matches_in_one_paragraph_are_marked_quickly(
    window: MainWindow, make_deck: MakeDeck
) -> None:
    card = make_card(1, body="a " * 10_000, quotes=(), sources=())
    match = CardMatch(parse_query("a"), frozenset({"body"}))
    start = time.perf_counter()
    window.card_view.back.set_card(make_deck(0, cards=(card,)), card, match)
    elapsed = time.perf_counter() - start
    assert elapsed < FAST, f"took {elapsed:.1f} s"
    assert len(list(highlighted_ranges(window.card_view.back.document))) == 10_000


def test_speaker_notes_of_thousands_of_links_are_filled_quickly(qapp: object) -> None:
    document = SafeDocument()
    style = BackStyle(QFont(), QColor("gray"), QColor("red"))
    start = time.perf_counter()
    fill_notes(document, LINKS, style)
    elapsed = time.perf_counter() - start
    assert elapsed < FAST, f"took {elapsed:.1f} s"
    assert document.toPlainText().startswith("a (b) a (b)")
