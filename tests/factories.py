"""Cards and decks built by hand for the tests: the one place they are made. Each suite
sets what it needs on top (a marking, a subtitle) by keyword."""

from __future__ import annotations

from typing import Any

from briefing.core.model import Card, Deck, Figure, Quote, Source

SOURCES = (Source("src", "The source report", publisher="Agency"),)


def make_card(number: int, **fields: Any) -> Card:
    """Card ``number``: every front and back field filled, its texts numbered."""
    values: dict[str, Any] = {
        "id": f"card-{number}",
        "title": f"Topic {number}",
        "headline": f"Headline of card {number}.",
        "body": f"- Body point of card {number}.\n- A second point.",
        "figure": Figure(f"{number * 10}%", f"label {number}"),
        "quotes": (Quote(f"Quote {number}", f"Speaker {number}", "src"),),
        "sources": ("src",),
    }
    values.update(fields)
    return Card(**values)


def make_deck(n_cards: int = 5, **fields: Any) -> Deck:
    """A marked deck of cards 1 to ``n_cards`` citing ``SOURCES``; ``fields`` override."""
    values: dict[str, Any] = {
        "title": "Test deck",
        "cards": tuple(make_card(n) for n in range(1, n_cards + 1)),
        "date": "21 June 2024",
        "author": "The test author",
        "marking": "OFFICIAL",
        "sources": SOURCES,
    }
    values.update(fields)
    return Deck(**values)
