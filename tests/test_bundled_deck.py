"""The bundled deck (``cards/``) loads, and what it says is in its source articles.

The articles live beside the project in ``../shared/sources``; the checks that read
them skip when that folder is absent.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from briefing.core.errors import DeckError
from briefing.core.loader import load_deck
from briefing.core.model import Card, Deck
from briefing.paths import bundled_deck_path

SOURCES_DIR = Path(__file__).resolve().parents[2] / "shared" / "sources"

# Source id declared in cards/deck.yaml -> the article it was written from.
ARTICLES = {
    "tda": "000_51fae88942881410.txt",
    "pact-report": "003_8bbc5aa06722772f.txt",
}

EXPECTED_TITLES = [
    "Background",
    "Weapons",
    "Putin's visit",
    "Pact",
    "NATO response",
    "Commentary",
]

# Figures the articles give in words rather than digits: value -> the article's words.
FIGURES_IN_WORDS = {
    "1,000,000+": "more than a million",
}


@cache
def _deck() -> Deck:
    try:
        return load_deck(bundled_deck_path())
    except DeckError as error:  # show every problem, not just "it failed"
        pytest.fail("bundled deck does not load:\n" + "\n".join(map(str, error.problems)))


def _card(card_id: str) -> Card:
    card = next((c for c in _deck().cards if c.id == card_id), None)
    assert card is not None, f"no card with id {card_id!r}"
    return card


def _squash(text: str) -> str:
    """Collapse whitespace runs (line breaks in YAML or the article); nothing else."""
    return re.sub(r"\s+", " ", text).strip()


def _article(source_id: str) -> str:
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"source articles not found at {SOURCES_DIR}")
    assert source_id in ARTICLES, f"no article mapped to source id {source_id!r}"
    return _squash((SOURCES_DIR / ARTICLES[source_id]).read_text(encoding="utf-8"))


def _cited_text(card: Card) -> str:
    return "\n".join(_article(source_id) for source_id in card.sources)


def _contains_number(text: str, number: str) -> bool:
    """``number`` occurs as a whole number: 22 is not found in 2022 or in 1,220."""
    pattern = rf"(?<!\d)(?<!\d,){re.escape(number)}(?!\d)(?!,\d)"
    return re.search(pattern, text) is not None


# --- the deck loads and is complete ---------------------------------------------


def test_bundled_deck_loads_with_the_six_cards_in_order():
    assert [card.title for card in _deck().cards] == EXPECTED_TITLES


def test_bundled_deck_has_title_date_marking_and_both_sources():
    deck = _deck()
    assert deck.title
    assert deck.date == "June 2024"
    assert deck.marking == "UNCLASSIFIED"
    assert {source.id for source in deck.sources} == set(ARTICLES)
    assert all(source.title for source in deck.sources)


def test_sources_name_only_the_publisher_the_articles_give():
    deck = _deck()
    tda = deck.source("tda")
    assert tda is not None
    assert tda.publisher == "TDA"
    report = deck.source("pact-report")
    assert report is not None
    assert report.publisher == ""  # the second article names no publisher
    assert all(source.url == "" for source in deck.sources)


def test_every_card_names_a_declared_source():
    declared = {source.id for source in _deck().sources}
    for card in _deck().cards:
        assert card.sources, f"card {card.id!r} names no source"
        assert set(card.sources) <= declared, card.id


def test_every_card_has_a_one_sentence_headline_and_a_body():
    for card in _deck().cards:
        assert card.headline.endswith("."), f"headline of {card.id!r} lacks a full stop"
        assert card.headline.count(". ") == 0, f"headline of {card.id!r} is not one sentence"
        assert card.body.strip(), f"card {card.id!r} has no body"


def test_both_articles_are_used():
    used = {source_id for card in _deck().cards for source_id in card.sources}
    assert used == set(ARTICLES)


# --- what the cards say is in the articles --------------------------------------


def test_quotes_appear_verbatim_in_their_sources():
    quotes = [(card, quote) for card in _deck().cards for quote in card.quotes]
    assert quotes, "the bundled deck has no quotes"
    for card, quote in quotes:
        assert quote.source, f"quote on {card.id!r} names no source: {quote.text!r}"
        assert quote.by, f"quote on {card.id!r} names no speaker: {quote.text!r}"
        assert quote.source in card.sources, f"{card.id!r} quotes {quote.source!r} uncited"
        assert _squash(quote.text) in _article(quote.source), (
            f"quote on {card.id!r} is not verbatim in {quote.source!r}: {quote.text!r}"
        )


def test_phrases_in_quotation_marks_on_cards_appear_verbatim_in_cited_sources():
    # Bodies, headlines and notes put short phrases from the articles in "...";
    # each must be the article's words exactly (case and punctuation included).
    for card in _deck().cards:
        cited = _cited_text(card)
        for field in (card.headline, card.body, card.notes):
            for phrase in re.findall(r'"([^"]+)"', _squash(field)):
                assert phrase in cited, f"{card.id!r} quotes {phrase!r}, not in its sources"


def test_key_figures_appear_in_sources():
    figures = [card for card in _deck().cards if card.figure is not None]
    assert len(figures) >= 5
    for card in figures:
        value = card.figure.value
        cited = _cited_text(card)
        if value in FIGURES_IN_WORDS:
            assert FIGURES_IN_WORDS[value] in cited, (card.id, value)
            continue
        numbers = re.findall(r"\d+(?:,\d{3})*", value)
        assert numbers, f"figure {value!r} on {card.id!r} has no digits to check"
        for number in numbers:
            assert _contains_number(cited, number), f"{number} ({card.id!r}) not in its sources"


@pytest.mark.parametrize(
    ("card_id", "facts"),
    [
        ("background", ["Panel of Experts", "April 2024", "China"]),
        ("pact", ["1961", "2000", "2001", "Kim has pledged to support Russia"]),
        ("nato-response", ["Blinken", "Theodore Roosevelt", "August 2023"]),
    ],
)
def test_facts_from_the_second_article_are_on_their_cards(card_id, facts):
    card = _card(card_id)
    assert "pact-report" in card.sources
    for fact in facts:
        assert fact in card.body, f"{fact!r} missing from the {card_id!r} body"
        assert fact in _article("pact-report")
