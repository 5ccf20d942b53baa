"""Ids as slugs, and the closest-name suggestions of error messages."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

SLUG = re.compile(r"[a-z0-9-]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


# Letters Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "\u0131": "i",  # dotless i
        "þ": "th",
        "Þ": "TH",
        "ð": "d",
        "Ð": "D",
    }
)


def fold(text: str) -> str:
    """Lower-case ``text`` without accents: ``Óleg`` -> ``oleg``, ``Ørsted`` -> ``orsted``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slugify(text: str) -> str:
    """``Putin's visit`` -> ``putins-visit``; empty when nothing usable is left."""
    return _NOT_SLUG.sub("-", fold(text).replace("'", "").replace("\u2019", "")).strip("-")


# Work one load may spend on did-you-mean suggestions, in characters compared (a
# word's length times its choices' total length): at most about a quarter of a
# second (difflib takes up to 150 ns for each; far less on unlike names). A deck
# with thousands of mistyped ids gets suggestions for the first ones, not a frozen
# window. Words longer than this get none: difflib's cost grows with their square.
SUGGESTION_BUDGET: Final = 2_000_000
MAX_SUGGESTED_LENGTH: Final = 64


class Suggestions:
    """Closest-name suggestions for the messages of one load, within a budget of work."""

    def __init__(self, budget: int = SUGGESTION_BUDGET) -> None:
        self.left = budget
        self._sizes: dict[int, tuple[tuple[str, ...], int]] = {}

    def closest(self, word: str, choices: tuple[str, ...]) -> str | None:
        """The choice closest to ``word``, if one is close; None when none is or when
        the budget would not cover the lookup."""
        if len(word) > MAX_SUGGESTED_LENGTH:
            return None
        cost = len(word) * self._size(choices)
        if cost > self.left:
            return None
        self.left -= cost
        import difflib  # only for a deck with a mistake in it

        close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
        return close[0] if close else None

    def _size(self, choices: tuple[str, ...]) -> int:
        """Total length of ``choices``, measured once per tuple (callers reuse theirs)."""
        known = self._sizes.get(id(choices))
        if known is None or known[0] is not choices:
            known = self._sizes[id(choices)] = (choices, sum(map(len, choices)))
        return known[1]
