"""Searching a deck: matching, ranking, phrases, exclusion, fields and highlights."""

from __future__ import annotations

import pytest

from briefing.core.loader import load_deck
from briefing.core.model import Card, Deck, Figure, Image, Quote, Source
from briefing.core.search.index import SearchIndex
from briefing.core.search.matching import match_spans, scan_search
from briefing.paths import bundled_deck_path


def card(card_id: str, **fields: object) -> Card:
    values: dict[str, object] = {"title": card_id.title(), "headline": "", "body": ""}
    values.update(fields)
    return Card(id=card_id, **values)  # type: ignore[arg-type]


def deck(*cards: Card) -> Deck:
    sources = (Source("tda", "Explainer", publisher="TDA"), Source("report", "Second report"))
    return Deck(title="T", cards=cards, sources=sources)


def ids(found_deck: Deck, query: str, **kwargs: object) -> list[str]:
    """The ids the index finds, best first; a scan of the cards must find the same."""
    index = SearchIndex(found_deck)
    found = index.search(query, **kwargs)
    assert scan_search(found_deck, query, **kwargs) == found  # type: ignore[arg-type]
    return [found_deck.cards[i].id for i in found]


@pytest.fixture(scope="module")
def bundled() -> Deck:
    return load_deck(bundled_deck_path())


def test_empty_query_lists_every_card_in_deck_order(bundled):
    assert ids(bundled, "") == [c.id for c in bundled.cards]


def test_word_prefix_finds_stoltenberg_while_typing(bundled):
    assert ids(bundled, "stolt") == ["weapons", "nato-response"]


def test_accent_insensitive_both_ways():
    found = deck(card("a", body="Óleg met them in Ålesund."), card("b", body="Oleg"))
    assert ids(found, "oleg") == ["a", "b"]
    assert ids(found, "ale") == ["a"]
    assert ids(found, "ÁLE") == ["a"]


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Ørsted", "orsted"),
        ("Łódź", "lodz"),
        ("Æsir", "aesir"),
        ("Œuvre", "oeuvre"),
        ("Đakovo", "dakovo"),
        ("Þingvellir", "thingvellir"),
        ("Garðar", "gardar"),
        ("D\u0131yarbak\u0131r", "diyarbakir"),  # dotless i,
    ],
)
def test_letters_unicode_does_not_decompose_are_found_as_plain_letters(written, typed):
    found = deck(card("a", body=f"Met in {written} today."), card("b", body="elsewhere"))
    assert ids(found, typed) == ["a"]
    assert [
        f"Met in {written} today."[a:b] for a, b in match_spans(f"Met in {written} today.", typed)
    ] == [written]


def test_case_insensitive():
    assert ids(deck(card("a", body="NATO")), "nato") == ["a"]


def test_every_word_must_match_in_some_field():
    found = deck(
        card("both", title="North", body="Korea"),
        card("one", body="north only"),
    )
    assert ids(found, "north korea") == ["both"]


def test_phrase_matches_words_in_order_and_adjacent():
    found = deck(
        card("adjacent", body="more than a million military shells"),
        card("apart", body="a million of them, military too"),
        card("reversed", body="military million"),
    )
    assert ids(found, '"million military"') == ["adjacent"]
    assert ids(found, '"a million military shells"') == ["adjacent"]


def test_phrase_of_three_words_whose_pairs_stand_apart_does_not_match():
    found = deck(card("a", body="north korea. korea south. north korea south?"))
    assert ids(found, '"korea south"') == ["a"]
    assert ids(deck(card("b", body="north korea and korea south")), '"north korea south"') == []


def test_closed_phrase_needs_the_whole_last_word():
    found = deck(card("a", body="a millionaire"), card("b", body="a million"))
    assert ids(found, '"a million"') == ["b"]
    assert ids(found, '"a million') == ["a", "b"]


def test_phrase_does_not_run_across_fields():
    assert ids(deck(card("a", title="North", headline="Korea")), '"north korea"') == []


def test_exclusion_removes_cards(bundled):
    assert "weapons" not in ids(bundled, "korea -shells")
    assert ids(bundled, "-korea") == []


def test_only_exclusions_keep_deck_order(bundled):
    assert ids(bundled, "-limo") == [c.id for c in bundled.cards if c.id != "putins-visit"]


def test_field_restriction(bundled):
    assert ids(bundled, "tag:military") == ["weapons", "pact", "nato-response"]
    assert ids(bundled, "title:pact") == ["pact"]


def test_source_field_holds_ids_titles_and_publishers():
    found = deck(card("a", sources=("tda",)), card("b", sources=("report",)))
    assert ids(found, "source:tda") == ["a"]
    assert ids(found, "source:second") == ["b"]


def test_quote_source_counts_as_a_source_of_the_card():
    found = deck(card("a", quotes=(Quote("words", "Someone", "report"),)))
    assert ids(found, "source:report") == ["a"]


@pytest.mark.parametrize(
    ("field", "query"),
    [
        ("figure", "figure:shells"),
        ("quote", "quote:terrorise"),
        ("by", "by:sullivan"),
        ("image", "image:map"),
        ("notes", "notes:clicker"),
        ("tag", "tag:ukraine"),
        ("id", "id:weap"),
    ],
)
def test_every_text_of_a_card_is_searchable(field, query, tmp_path):
    found = deck(
        card(
            "weapons",
            figure=Figure("1,000,000+", "shells"),
            quotes=(Quote("terrorise cities", "Jake Sullivan"),),
            image=Image(tmp_path / "m.png", "A map of the peninsula"),
            notes="Use the clicker here.",
            tags=("ukraine",),
        ),
        card("other"),
    )
    assert ids(found, query) == ["weapons"]
    assert ids(found, query.split(":", 1)[1]) == ["weapons"]


def test_title_matches_rank_before_headline_before_body_before_notes():
    found = deck(
        card("in-notes", notes="pact"),
        card("in-body", body="the pact"),
        card("in-headline", headline="A pact."),
        card("in-title", title="Pact"),
    )
    assert ids(found, "pact") == ["in-title", "in-headline", "in-body", "in-notes"]


def test_ties_keep_deck_order():
    found = deck(card("b", body="pact"), card("a", body="pact"))
    assert ids(found, "pact") == ["b", "a"]


@pytest.mark.parametrize("half_typed", ['"', "tag:", "-", '"north', "title:", "-tag:"])
def test_half_typed_query_matches_what_it_can(bundled, half_typed):
    found = ids(bundled, half_typed)
    assert set(found) <= {c.id for c in bundled.cards}
    if half_typed in ('"', "tag:", "-", "title:", "-tag:"):
        assert found == [c.id for c in bundled.cards]


def test_flags_select_cards_by_id():
    found = deck(card("a", body="x"), card("b", body="x"))
    assert ids(found, "is:starred", flags={"starred": ["b"]}) == ["b"]
    assert ids(found, "is:starred x", flags={"starred": ["b"]}) == ["b"]
    assert ids(found, "is:unknown") == []


def test_figure_with_punctuation_is_found_as_typed(bundled):
    assert ids(bundled, "1,000,000") == ["weapons"]


def test_matched_fields_tell_front_from_back(bundled):
    index = SearchIndex(bundled)
    weapons = bundled.index_of("weapons")
    assert index.matched_fields(weapons, "stolt") == {"body", "notes"}
    assert "title" in index.matched_fields(weapons, "weapons")


def test_match_spans_are_positions_in_the_text_as_written():
    text = "Óleg met Stoltenberg in Ålesund"
    spans = match_spans(text, "oleg stolt ale")
    assert [text[a:b] for a, b in spans] == ["Óleg", "Stolt", "Åle"]


def test_match_spans_survive_letters_that_fold_to_two():
    text = "Straße and Strasse"
    assert [text[a:b] for a, b in match_spans(text, "strasse")] == ["Straße", "Strasse"]


def test_match_spans_skip_excluded_terms_and_other_fields():
    assert match_spans("pact and nato", "-nato pact") == [(0, 4)]
    assert match_spans("pact", "title:pact", field="body") == []
    assert match_spans("pact", "title:pact", field="title") == [(0, 4)]


def test_match_spans_of_a_phrase_cover_the_whole_phrase():
    text = "more than a million military shells"
    assert [text[a:b] for a, b in match_spans(text, '"million military"')] == ["million military"]


def test_match_spans_merge_overlaps():
    assert match_spans("stoltenberg", "stolt stoltenberg") == [(0, 11)]


def test_search_on_an_empty_deck():
    assert SearchIndex(Deck(title="T", cards=())).search("x") == []
