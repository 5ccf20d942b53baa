"""A one-off search (``briefing search``) reads the cards instead of building the index,
and must find exactly what the index finds, in the same order."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from briefing.core.loader import load_deck
from briefing.core.model import Deck
from briefing.core.search.index import SearchIndex
from briefing.core.search.matching import scan_search
from briefing.paths import bundled_deck_path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from deck_generator import generate_deck

FIXED_QUERIES = [
    "",
    "a",
    "stolt",
    "stoltenberg",
    "north korea",
    '"north korea"',
    '"north kor',
    '"a million shells"',
    "-nato",
    "pact -nato",
    "tag:military",
    "tag:military pact",
    "-tag:military",
    "title:weap",
    "quote:said",
    "by:kim",
    "source:report",
    "id:card-00001",
    "notes:the",
    "figure:000",
    "image:map",
    "nosuchfield:word",
    "is:starred",
    "is:starred pact",
    "ørsted",
    "lodz",
    "-",
    '"',
    "tag:",
    "zzzzzz",
    "putin kim pyongyang",
]


def queries_from(deck: Deck, count: int, seed: int = 7) -> list[str]:
    """Queries made of the deck's own words: prefixes, whole words, phrases, exclusions."""
    rng = random.Random(seed)
    words = sorted({w for c in deck.cards for w in re.findall(r"\w+", f"{c.title} {c.body}")})
    made = []
    for _ in range(count):
        word = rng.choice(words)
        other = rng.choice(words)
        made += [
            word[: rng.randint(1, len(word))],
            f'"{word} {other}"',
            f"{word} -{other[:3]}",
            f"{rng.choice(['title', 'body', 'tag', 'notes'])}:{word[:4]}",
        ]
    card = rng.choice(deck.cards)
    sentence = re.findall(r"\w+", card.body)
    made.append(f'"{" ".join(sentence[2:5])}"')  # a phrase of three words that occurs
    made.append(f'"{" ".join(sentence[2:4])}')  # an unclosed phrase
    return made


def assert_same_results(deck: Deck, queries: list[str]) -> None:
    index = SearchIndex(deck)
    starred = {"starred": [card.id for card in deck.cards[::3]]}
    matched_some = 0
    for query in queries:
        expected = index.search(query, starred)
        assert scan_search(deck, query, starred) == expected, query
        matched_some += bool(expected) and len(expected) < len(deck.cards)
    assert matched_some > len(queries) // 3  # the queries do tell cards apart


def test_scan_finds_what_the_index_finds_on_the_bundled_deck():
    deck = load_deck(bundled_deck_path())
    assert_same_results(deck, FIXED_QUERIES + queries_from(deck, 40))


@pytest.mark.parametrize("seed", [1, 2])
def test_scan_finds_what_the_index_finds_on_a_generated_deck(seed):
    deck = generate_deck(600, seed=seed)
    assert_same_results(deck, FIXED_QUERIES + queries_from(deck, 15, seed))
