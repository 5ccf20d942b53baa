"""The card's parts and the searchable fields stay in step: the front's parts and the back's
sections show exactly the fields the field table puts on each side, and a search in any
field the back shows is marked on the back."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import make_card
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QTextCursor, QTextDocument

from briefing.core.model import Deck, Image, Quote, Source
from briefing.core.search.fields import BACK_FIELDS, FRONT_FIELDS
from briefing.core.search.query import parse_query
from briefing.render.back_document import SECTION_PROPERTY, BackStyle, fill_back, highlight_back
from briefing.render.card_parts import BACK_SECTIONS, FRONT_PARTS, SECTION_MARKS
from briefing.render.fonts import SANS
from briefing.render.highlight import match_format
from briefing.render.safe_document import SafeDocument

# A word in each field the back shows, found nowhere else on the card.
BACK_WORDS = {
    "body": "zinc",
    "quote": "zebra",
    "by": "zelda",
    "image": "zeppelin",
    "source": "zulu",
}


def full_back(folder: Path) -> SafeDocument:
    """The back of a card with every part: body, a quote from a source, an image (not
    found, so its alt text stands in) and a source with a URL."""
    card = make_card(
        1,
        body="Zinc prices.",
        quotes=(Quote("Zebra crossing", "Zelda", "src"),),
        image=Image(folder / "missing.png", "Zeppelin overhead"),
        sources=("src",),
    )
    source = Source("src", "Zulu report", "Agency", "2024-06-21", "https://example.org/")
    deck = Deck("Parts", (card,), sources=(source,), folder=folder)
    document = SafeDocument()
    style = BackStyle(QFont(SANS, 12), QColor("gray"), QColor("teal"))
    fill_back(document, deck, card, style, QSize(400, 300))
    return document


def section_marks(document: QTextDocument) -> set[str]:
    """The section every block of ``document`` (inside the quotes' tables too) is marked with."""
    marks = set()
    block = document.begin()
    while block.isValid():
        marks.add(block.blockFormat().stringProperty(SECTION_PROPERTY))
        block = block.next()
    return marks


def test_the_front_parts_show_exactly_the_fields_the_front_shows():
    assert set(FRONT_PARTS.values()) == FRONT_FIELDS


def test_the_back_sections_show_exactly_the_fields_the_back_shows():
    assert set().union(*BACK_SECTIONS.values()) == BACK_FIELDS


def test_the_back_marks_its_blocks_only_with_the_tables_sections_and_every_back_field(
    qapp, tmp_path
):
    marks = section_marks(full_back(tmp_path))
    assert marks - {""} <= set(SECTION_MARKS.values())
    assert {field for mark in marks for field in mark.split()} == BACK_FIELDS


@pytest.mark.parametrize("field", sorted(BACK_FIELDS))
def test_a_search_in_a_field_the_back_shows_is_marked_on_the_back(qapp, tmp_path, field):
    document = full_back(tmp_path)
    query = parse_query(f"{field}:{BACK_WORDS[field]}")
    first = highlight_back(document, query, match_format(QColor("yellow"), QColor("black")))
    assert first >= 0
    marked = QTextCursor(document)
    marked.setPosition(first)
    marked.setPosition(first + len(BACK_WORDS[field]), QTextCursor.MoveMode.KeepAnchor)
    assert marked.selectedText().casefold() == BACK_WORDS[field]
