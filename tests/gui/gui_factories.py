"""Hand-built cards for the GUI tests (the decks around them come from ``make_deck``)."""

from __future__ import annotations

from typing import Any

from briefing.core.model import Card, Figure, Quote


def make_card(number: int, **fields: Any) -> Card:
    values: dict[str, Any] = {
        "id": f"card-{number}",
        "title": f"Topic {number}",
        "headline": f"Headline of card {number}.",
        "body": f"Body of card {number}.",
        "figure": Figure(f"{number * 10}%", f"label {number}"),
        "quotes": (Quote(f"Quote {number}", f"Speaker {number}", "src"),),
        "sources": ("src",),
    }
    values.update(fields)
    return Card(**values)
