"""The searchable fields of a card, in one table: the names a query may use, what of
the card each reads, and which side of the card shows it.

The query parser, the index, the one-off scan and the card's match hint all derive
their lists from ``SEARCH_FIELDS``; ``matching.card_field_texts`` reads each field as
its row says (a test keeps the two in step).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Side = Literal["front", "back", "hidden"]


class SearchField(NamedTuple):
    name: str
    aliases: tuple[str, ...]  # other names a query may write it as (``quotes:``)
    reads: str  # what of the card it reads (documentation for the reader)
    side: Side  # where the card shows it; "hidden": on neither side
    shown_as: str = ""  # how the match hint names a hidden field
    ranks_last: bool = False  # a match here ranks below a match in any other field


# In the order users read them (README, ``briefing search --help``).
SEARCH_FIELDS: tuple[SearchField, ...] = (
    SearchField("title", (), "title", "front"),
    SearchField("headline", (), "headline", "front"),
    SearchField("figure", (), "figure value and label", "front"),
    SearchField("body", (), "body", "back"),
    SearchField("quote", ("quotes",), "each quote's text", "back"),
    SearchField("by", (), "each quote's speaker", "back"),
    SearchField("image", ("alt",), "the image's alt text", "back"),
    SearchField("notes", ("note",), "speaker notes", "hidden", "notes", ranks_last=True),
    SearchField("tag", ("tags",), "tags", "front"),
    SearchField("source", ("sources",), "cited source ids, titles, publishers", "back"),
    SearchField("id", (), "card id", "hidden", "card id"),
)

# Every name a query may write before ``:``, to the field it means.
FIELD_NAMES: dict[str, str] = {
    name: field.name for field in SEARCH_FIELDS for name in (field.name, *field.aliases)
}
# Best first: a card matching in its title comes before one matching in its headline,
# and so on; notes come last.
RANKED_FIELDS: tuple[str, ...] = tuple(
    field.name for field in sorted(SEARCH_FIELDS, key=lambda field: field.ranks_last)
)
FRONT_FIELDS = frozenset(field.name for field in SEARCH_FIELDS if field.side == "front")
BACK_FIELDS = frozenset(field.name for field in SEARCH_FIELDS if field.side == "back")
# Searched but shown on neither side, to how the match hint names each.
HIDDEN_FIELDS: dict[str, str] = {
    field.name: field.shown_as for field in SEARCH_FIELDS if field.side == "hidden"
}
