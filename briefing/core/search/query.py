"""The search query language, parsed forgivingly.

    stolt               a word prefix, anywhere on the card
    north korea         every word must match (in any fields)
    "a million shells"  a phrase
    -drones             cards without the word
    tag:military        a word in one field (the names in ``search_fields``)
    is:starred          cards with a flag (what flags exist is up to the caller)

Parsing never fails: a half-typed query (a lone ``"``, ``tag:`` alone, ``-``)
means what can be made of it, so results can update on every keystroke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.search.fields import FIELD_NAMES
from briefing.core.slugs import fold

FLAG_FIELD = "is"

_WORD = re.compile(r"\w+")
# a term: optional '-', optional 'field:', then a "phrase" (maybe unclosed) or a bare run
_TERM = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)("?)|(\S+))?')


@dataclass(frozen=True)
class Term:
    """Folded words that must appear in this order (one word for a plain term)."""

    words: tuple[str, ...]
    field: str | None = None  # None: any field
    negated: bool = False
    # The last word may be the start of a longer word: true while the user can
    # still be typing it (a bare word, or a phrase whose closing quote is missing).
    prefix: bool = True


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...] = ()
    flags: tuple[str, ...] = ()  # from is:NAME

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.flags

    @property
    def positive_terms(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.negated)


def words_of(text: str) -> list[str]:
    """The folded words of ``text``, as the index and queries see them."""
    return _WORD.findall(fold(text))


def words_of_folded(folded: str) -> list[str]:
    return _WORD.findall(folded)


def parse_query(text: str) -> Query:
    terms: list[Term] = []
    flags: list[str] = []
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        match = _TERM.match(text, position)
        assert match is not None  # every group is optional
        position = max(match.end(), position + 1)
        minus, field_name, phrase, closing_quote, bare = match.groups()
        field = FIELD_NAMES.get(field_name.lower()) if field_name else None
        if field_name and field is None and field_name.lower() == FLAG_FIELD:
            flags.extend(words_of(phrase if phrase is not None else bare or ""))
            continue
        if field_name and field is None:  # not a field name: all of it is text
            phrase, bare = None, match.group(0).removeprefix(minus)
        words = tuple(words_of(phrase if phrase is not None else bare or ""))
        if words:
            # A closed "phrase" ends with a whole word; anything else may still be typed.
            prefix = not (phrase is not None and closing_quote)
            terms.append(Term(words, field, bool(minus), prefix))
    return Query(tuple(terms), tuple(flags))
