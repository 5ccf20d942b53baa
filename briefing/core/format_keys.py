"""The keys each mapping of the deck format allows and requires.

The JSON Schema shipped in ``deck.schema.json`` describes the same keys; a test
keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldSet:
    what: str  # how messages name the mapping, e.g. "a card"
    a_key: str  # how they name one of its keys, e.g. "a card key"
    allowed: tuple[str, ...]
    required: tuple[str, ...] = ()
    # keys that belong elsewhere, with the hint to give instead of "did you mean"
    misplaced: dict[str, str] = field(default_factory=dict)


_DECK_KEYS = ("title", "subtitle", "date", "author", "marking", "sources", "order")
_CARD_KEYS = (
    "id",
    "title",
    "headline",
    "figure",
    "body",
    "quotes",
    "image",
    "notes",
    "tags",
    "sources",
)

DECK_FOLDER = FieldSet(
    "the deck metadata",
    "a deck key",
    _DECK_KEYS,
    required=("title",),
    misplaced={
        "cards": " in a folder deck: each card is its own file beside deck.yaml",
        **{k: ": it is a card key; cards go in their own files" for k in ("headline", "body")},
    },
)
DECK_FILE = FieldSet(
    "a deck",
    "a deck key",
    (*_DECK_KEYS, "cards"),
    required=("title", "cards"),
    misplaced={k: ": it is a card key; put it on a card in 'cards'" for k in ("headline", "body")},
)
CARD = FieldSet("a card", "a card key", _CARD_KEYS, required=("title", "headline", "body"))
SOURCE = FieldSet(
    "a source",
    "a source key",
    ("id", "title", "publisher", "date", "url"),
    required=("id", "title"),
)
FIGURE = FieldSet("a figure", "a figure key", ("value", "label"), required=("value",))
QUOTE = FieldSet("a quote", "a quote key", ("text", "by", "source"), required=("text", "by"))
IMAGE = FieldSet("an image", "an image key", ("path", "alt"), required=("path", "alt"))
