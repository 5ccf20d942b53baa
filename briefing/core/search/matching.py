"""Where a query matches: the fields of a card, the spans to highlight, and a one-off
search that reads every card instead of building an index.

Kept apart from the index (which needs NumPy) so that showing a card with its
highlights, or answering one query from the command line, imports nothing heavy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from briefing.core.model import Card, Deck
from briefing.core.search.fields import RANKED_FIELDS
from briefing.core.search.query import Query, Term, parse_query
from briefing.core.slugs import fold


def card_field_texts(deck: Deck, card: Card) -> dict[str, str]:
    """The text of each searchable field of a card, as written (each as its row in
    ``search_fields.SEARCH_FIELDS`` says)."""
    cited = list(dict.fromkeys([*card.sources, *(q.source for q in card.quotes if q.source)]))
    sources = []
    for source_id in cited:
        source = deck.source(source_id)
        sources.append(source_id)
        if source is not None:
            sources.extend(part for part in (source.title, source.publisher) if part)
    return {
        "title": card.title,
        "headline": card.headline,
        "figure": f"{card.figure.value}\n{card.figure.label}" if card.figure else "",
        "body": card.body,
        "quote": "\n".join(q.text for q in card.quotes),
        "by": "\n".join(q.by for q in card.quotes),
        "image": card.image.alt if card.image else "",
        "tag": "\n".join(card.tags),
        "source": "\n".join(sources),
        "id": card.id,
        "notes": card.notes,
    }


def term_pattern(term: Term) -> re.Pattern[str]:
    """A regex finding ``term`` in folded text: whole words in order, the last maybe a prefix."""
    words = [re.escape(w) for w in term.words]
    end = "" if term.prefix else r"(?!\w)"
    return re.compile(r"(?<!\w)" + r"\W+".join(words) + end)


def scan_search(
    deck: Deck, query: str | Query, flags: Mapping[str, Iterable[str]] | None = None
) -> list[int]:
    """Indices of the cards matching ``query``, best first: what ``SearchIndex.search``
    answers, found by reading each card once (for one query, far cheaper than an index).

    The same rules: every term must match in one of its fields (none, for a ``-term``),
    as ``term_pattern`` finds it in the folded text; a card ranks by the best field any
    of its terms matched in, and ties keep the deck's order.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    terms = [
        (term, term_pattern(term), (term.field,) if term.field else RANKED_FIELDS)
        for term in parsed.terms
    ]
    flagged = [set((flags or {}).get(flag, ())) for flag in parsed.flags]
    worst = len(RANKED_FIELDS)
    ranked: list[tuple[int, int]] = []
    for index, card in enumerate(deck.cards):
        if any(card.id not in ids for ids in flagged):
            continue
        texts = card_field_texts(deck, card) if terms else {}
        # Most cards lack some word of the query: one look at all their text tells.
        everything = fold("\n".join(texts.values()))
        folded: dict[str, str] = {}
        rank = worst
        for term, pattern, fields in terms:
            found = None
            if all(word in everything for word in term.words):
                found = _first_field_matching(pattern, fields, texts, folded)
            if (found is None) != term.negated:
                break
            if found is not None:
                rank = min(rank, RANKED_FIELDS.index(found))
        else:
            ranked.append((rank, index))
    if parsed.positive_terms:
        ranked.sort(key=lambda pair: pair[0])  # stable: the deck's order within a rank
    return [index for _, index in ranked]


def _first_field_matching(
    pattern: re.Pattern[str], fields: tuple[str, ...], texts: dict[str, str], folded: dict[str, str]
) -> str | None:
    """The first of ``fields`` whose folded text ``pattern`` finds (folded once, into
    ``folded``)."""
    for field in fields:
        text = folded.get(field)
        if text is None:
            text = folded[field] = fold(texts[field])
        if text and pattern.search(text):
            return field
    return None


def match_spans(text: str, query: str | Query, field: str | None = None) -> list[tuple[int, int]]:
    """Where ``query`` matches in ``text`` (a field's text as written), as (start, end).

    Positions are in ``text`` itself, not in its folded form, so a view can
    highlight exactly the characters shown. ``field`` limits the terms to those
    that may match in that field.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    terms = [t for t in parsed.positive_terms if field is None or t.field in (None, field)]
    if not terms or not text:
        return []
    folded, origin = _fold_with_origin(text)
    spans = []
    for term in terms:
        for match in term_pattern(term).finditer(folded):
            spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    return _merged(spans)


def _fold_with_origin(text: str) -> tuple[str, list[int]]:
    """``fold(text)``, and for each of its characters the index it came from."""
    if text.isascii():
        return text.casefold(), list(range(len(text)))
    pieces = []
    origin = []
    for index, char in enumerate(text):
        folded = fold(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
