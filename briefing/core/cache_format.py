"""The layout of a deck-cache entry, and reading one back without trusting it.

An entry is a format line, a CRC-32 and UTF-8 text whose fields are split by NUL (the
items of a field by U+0001): a header (the deck's paths, the identities of its files,
its metadata and sources), then each card's fields a column of ``COLUMNS`` each.
Decoding makes only strings and checks what it makes by the loader's rules; anything
else raises ``OddEntry`` (or another ValueError).
"""

from __future__ import annotations

import itertools
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from briefing import __version__
from briefing.core.model import Card, Deck, Figure, Image, Quote, Source
from briefing.core.slugs import SLUG

FORMAT = f"briefing-deck-cache/4 {__version__}"

FIELD = "\x00"  # between an entry's fields
ITEM = "\x01"  # between the items of a field that holds several
HEADER_FIELDS = 10  # real path, source, file identities, images, 5 deck texts, sources
CARD_FIELDS = 12  # as in card_fields
_SOURCE_FIELDS = 5
_QUOTE_FIELDS = 3
# Text that is not UTF-8 (a file name in another encoding) round-trips as lone surrogates.
UTF8 = ("utf-8", "surrogatepass")


class OddEntry(ValueError):
    """An entry that no Briefing would have written as it is: removed, never used."""


def unsealed(data: bytes, size: int) -> list[str]:
    """The fields of the entry ``data`` (read as ``size`` bytes), format and checksum
    checked; raises ``OddEntry`` when it is no entry this Briefing writes."""
    if len(data) != size:
        raise OddEntry("changed while read")
    first, checksum, payload = [*data.split(b"\n", 2), b"", b""][:3]
    if first != FORMAT.encode():
        raise OddEntry("another version's")
    if checksum != b"%08x" % zlib.crc32(payload):
        raise OddEntry("checksum")
    fields = payload.decode(*UTF8).split(FIELD)
    if len(fields) < HEADER_FIELDS or (len(fields) - HEADER_FIELDS) % CARD_FIELDS:
        raise OddEntry("shape")
    return fields


def sealed(text: str) -> bytes:
    """The entry holding the fields ``text`` (joined by ``FIELD``)."""
    payload = text.encode(*UTF8)
    return b"%s\n%08x\n%s" % (FORMAT.encode(), zlib.crc32(payload), payload)


def _items(field: str) -> list[str]:
    """The items of a field that holds several (a deck with an empty tag, whose field
    would read back as no tags, is not cached: see ``cache._entry``)."""
    return field.split(ITEM) if field else []


def _groups(items: list[str], size: int) -> Iterator[tuple[str, ...]]:
    """``items`` in consecutive groups of ``size``; a ValueError if any is left over."""
    return zip(*[iter(items)] * size, strict=True)


def _lists(column: list[str]) -> Iterator[tuple[str, ...]]:
    """Each card's tags (or source ids): few different lists, each made once, and shared."""
    made = {field: tuple(field.split(ITEM)) if field else () for field in set(column)}
    return map(made.__getitem__, column)


def _quotes(column: list[str], declared: set[str]) -> list[tuple[Quote, ...]]:
    """Each card's quotes, from its field of three items (text, by, source) a quote, each
    source declared (or none)."""
    item, repeat = ITEM, itertools.repeat
    texts = item.join(filter(None, column)).split(item) if any(column) else []
    made = map(tuple.__new__, repeat(Quote), zip(*[iter(texts)] * 3, strict=True))
    # A field of n quotes holds 3n - 1 item marks. The texts add up to three a quote
    # only if each field does: a field that does not would leave a remainder.
    counts = [(marks + 1) // 3 for marks in map(str.count, column, repeat(item))]
    if len(texts) != 3 * sum(counts):
        raise OddEntry("a quote of the wrong shape")
    if not set(texts[2::3]) - {""} <= declared:
        raise OddEntry("a quote from an undeclared source")
    take = itertools.islice
    return [tuple(take(made, count)) if count else () for count in counts]


def _pair(field: str) -> tuple[str, str]:
    first, second = field.split(ITEM)  # a ValueError unless exactly two
    return first, second


def deck_from_fields(
    fields: list[str],
    shown: str,
    folder_deck: bool,
    root: Path,
    images: set[str],
    card_files: set[str],
) -> Deck:
    """The deck the entry's ``fields`` hold, checked by the loader's rules; a ValueError
    for any field of the wrong shape."""
    sources = tuple(Source(*s) for s in _groups(_items(fields[9]), _SOURCE_FIELDS))
    column = {name: fields[HEADER_FIELDS + i :: CARD_FIELDS] for i, name in enumerate(COLUMNS)}
    _check_cards(column, sources, card_files)
    pictures: dict[str, Image | None] = {"": None}
    for field in set(column["image"]) - {""}:
        path, alt = _pair(field)
        if path not in images:
            raise OddEntry("an image that was not checked")
        pictures[field] = Image(root / path, alt)
    # A column at a time, mostly in C: a re-open of a large deck is mostly this. The model's
    # tuples are made with tuple.__new__, their length checked here.
    new = tuple.__new__
    cards = map(
        new,
        itertools.repeat(Card),
        zip(
            column["id"],
            column["title"],
            column["headline"],
            column["body"],
            [
                new(Figure, (value, label)) if value else None  # a value is required
                for value, label in zip(column["figure"], column["label"], strict=True)
            ],
            _quotes(column["quotes"], {s.id for s in sources}),
            map(pictures.__getitem__, column["image"]),
            column["notes"],
            _lists(column["tags"]),
            _lists(column["sources"]),
            map(os.path.join(shown, "").__add__, column["file"])
            if folder_deck
            else itertools.repeat(shown, len(column["file"])),
            strict=True,
        ),
    )
    title, subtitle, date, author, marking = fields[4:9]
    return Deck(
        title=title,
        subtitle=subtitle,
        date=date,
        author=author,
        marking=marking,
        sources=sources,
        cards=tuple(cards),
        path=shown,
        folder=root,
    )


# The fields of a card in an entry, in the model's order (its figure as a value, empty when
# there is none, and a label; its image as a path and alt; its file as a name in the deck
# folder).
_SLUGS = re.compile(f"(?:{SLUG.pattern}(?: {SLUG.pattern})*)?")  # ids split by spaces

COLUMNS = (
    *("id", "title", "headline", "body", "figure", "label", "quotes", "image", "notes"),
    *("tags", "sources", "file"),
)


def _check_cards(
    column: dict[str, list[str]], sources: tuple[Source, ...], files: set[str]
) -> None:
    """The loader's rules across cards, a column at a time: ids valid and unique, sources
    declared once and every one named declared, each card from a file of the deck."""
    ids, declared = column["id"], {s.id for s in sources}
    if len(set(ids)) != len(ids) or not _SLUGS.fullmatch(" ".join(ids)) or " " in "".join(ids):
        raise OddEntry("card ids")
    if len(declared) != len(sources) or not all(map(SLUG.fullmatch, declared)):
        raise OddEntry("source ids")
    if not set(column["file"]) <= files:
        raise OddEntry("a card from no file of the deck")
    if not set(_items(ITEM.join(filter(None, column["sources"])))) <= declared:
        raise OddEntry("an undeclared source")  # and quotes' sources: see _quotes


def card_fields(card: Card, root: str, folder_deck: bool) -> list[str]:
    figure, image = card.figure, card.image
    return [
        card.id,
        card.title,
        card.headline,
        card.body,
        figure.value if figure else "",
        figure.label if figure else "",
        ITEM.join([f for q in card.quotes for f in q]),
        ITEM.join([str(image.path.relative_to(root)), image.alt]) if image else "",
        card.notes,
        ITEM.join(card.tags),
        ITEM.join(card.sources),
        os.path.basename(card.file) if folder_deck else "",
    ]
