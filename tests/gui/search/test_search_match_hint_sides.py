"""The card's match hint splits the fields into front, back and hidden as the search
field table says."""

from __future__ import annotations

import pytest

from briefing.core.search.fields import SEARCH_FIELDS, SearchField
from briefing.core.search.query import parse_query
from briefing.gui.card.front import FLIP_HINT, match_hint
from briefing.render.highlight import CardMatch

_BY_SIDE = {
    "front": "",
    "back": f"Match on back \u2014 {FLIP_HINT}",
}


@pytest.mark.parametrize("field", SEARCH_FIELDS, ids=[field.name for field in SEARCH_FIELDS])
def test_a_match_in_one_field_is_hinted_at_as_the_table_places_it(field: SearchField) -> None:
    hint = match_hint(CardMatch(parse_query("zebra"), frozenset({field.name})))
    expected = _BY_SIDE.get(field.side, f"Match in {field.shown_as}, not shown on the card")
    assert hint == expected


def test_the_front_and_back_are_told_apart_from_the_hidden_fields() -> None:
    sides = {field.name: field.side for field in SEARCH_FIELDS}
    assert {name for name, side in sides.items() if side == "front"} == {
        "title",
        "headline",
        "figure",
        "tag",
    }
    assert {name for name, side in sides.items() if side == "hidden"} == {"notes", "id"}
    hint = match_hint(CardMatch(parse_query("zebra"), frozenset({"notes", "id"})))
    assert hint == "Match in notes and card id, not shown on the card"
