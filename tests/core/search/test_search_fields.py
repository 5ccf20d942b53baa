"""One table owns the searchable fields: every field in it can be named in a query, is
read from the card, and is found by both the index and the one-off scan."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from briefing.core.model import Figure, Image, Quote
from briefing.core.search.fields import RANKED_FIELDS, SEARCH_FIELDS
from briefing.core.search.index import SearchIndex
from briefing.core.search.matching import card_field_texts, scan_search
from briefing.core.search.query import parse_query
from tests.factories import make_card, make_deck

README = Path(__file__).resolve().parents[3] / "README.md"

# How a test card carries ``word`` in one field only.
_CARRY: dict[str, Callable[[str], dict[str, Any]]] = {
    "title": lambda word: {"title": word},
    "headline": lambda word: {"headline": word},
    "figure": lambda word: {"figure": Figure("10%", word)},
    "body": lambda word: {"body": word},
    "quote": lambda word: {"quotes": (Quote(word, "Speaker"),)},
    "by": lambda word: {"quotes": (Quote("Said", word),)},
    "image": lambda word: {"image": Image(Path("picture.png"), word)},
    "notes": lambda word: {"notes": word},
    "tag": lambda word: {"tags": (word,)},
    "source": lambda word: {"sources": (word,)},
    "id": lambda word: {"id": word},
}
NAMES = [field.name for field in SEARCH_FIELDS]


def test_the_table_names_every_field_a_card_is_searched_in() -> None:
    texts = card_field_texts(make_deck(1), make_card(1))
    assert list(texts) == list(RANKED_FIELDS)
    assert sorted(NAMES) == sorted(texts) == sorted(_CARRY)


@pytest.mark.parametrize("field", SEARCH_FIELDS, ids=NAMES)
def test_every_name_of_a_field_restricts_a_query_to_it(field: Any) -> None:
    for name in (field.name, *field.aliases):
        (term,) = parse_query(f"{name}:zebra").terms
        assert term.field == field.name, name


@pytest.mark.parametrize("name", NAMES)
def test_index_and_scan_both_find_a_word_held_in_one_field_only(name: str) -> None:
    word = f"zebra{name}"
    cards = (make_card(1), make_card(2, **_CARRY[name](word)), make_card(3))
    deck = make_deck(cards=cards)
    index = SearchIndex(deck)
    for query in (word, f"{name}:{word}"):
        assert index.search(query) == scan_search(deck, query) == [1], query
    assert index.matched_fields(1, word) == {name}
    others = [other for other in NAMES if other != name]
    assert all(index.search(f"{other}:{word}") == [] for other in others)


def test_the_readme_and_the_command_line_help_list_the_tables_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    row = next(line for line in README.read_text().splitlines() if "that field only:" in line)
    assert re.findall(r"`(\w+)`", row.split("that field only:")[1]) == NAMES
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    listed = help_text.split("restricts to ")[1].split(".")[0]
    assert re.findall(r"\w+", listed.replace(" or ", ", ")) == NAMES
