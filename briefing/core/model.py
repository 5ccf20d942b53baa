"""The deck model: immutable values the loader builds and the views read.

Named tuples rather than frozen dataclasses: opening a 10,000-card deck builds some 30,000
of them, several times faster as tuples (a cached re-open is mostly this), and their
classes cost start-up less. Change one with ``_replace``; list its fields with ``_fields``.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Source(NamedTuple):
    id: str
    title: str
    publisher: str = ""
    date: str = ""
    url: str = ""


class Figure(NamedTuple):
    value: str
    label: str = ""


class Quote(NamedTuple):
    text: str
    by: str
    source: str = ""  # a source id, or "" when the quote names none


class Image(NamedTuple):
    path: Path  # absolute, resolved, checked to lie inside the deck folder
    alt: str


class Card(NamedTuple):
    id: str
    title: str
    headline: str
    body: str  # Markdown
    figure: Figure | None = None
    quotes: tuple[Quote, ...] = ()
    image: Image | None = None
    notes: str = ""  # Markdown
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # source ids
    file: str = ""  # the file the card came from, as the user named it


class Deck(NamedTuple):
    title: str
    cards: tuple[Card, ...]
    subtitle: str = ""
    date: str = ""
    author: str = ""
    marking: str = ""
    sources: tuple[Source, ...] = ()
    path: str = ""  # the deck as the user named it: a folder or a file
    folder: Path = Path()  # resolved folder images are read from

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def card_sources(self, card: Card) -> list[Source]:
        """The sources a card names, in the order it names them."""
        by_id = {s.id: s for s in self.sources}
        return [by_id[i] for i in card.sources if i in by_id]

    def index_of(self, card_id: str) -> int | None:
        return next((i for i, c in enumerate(self.cards) if c.id == card_id), None)
