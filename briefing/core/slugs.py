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


# Cyrillic and Greek written in Latin letters, for ids only (search keeps the script):
# a title in either script still makes a readable id.
_TRANSLITERATED = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},  # noqa: RUF001
        **{"ъ": "", "ь": "", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g"},  # noqa: RUF001
        **{"ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz"},  # noqa: RUF001
        **dict(zip("αβγδεζηικλμνξοπρστυφω", "avgdeziiklmnxoprstyfo", strict=True)),
        **{"ς": "s", "θ": "th", "χ": "ch", "ψ": "ps"},
    }
)


def slugify(text: str) -> str:
    """``Putin's visit`` -> ``putins-visit``; empty when nothing usable is left."""
    text = fold(text.casefold().translate(_TRANSLITERATED)) if not text.isascii() else fold(text)
    if not text.isascii():  # Greek accents come off in fold: spell what they were on
        text = text.translate(_TRANSLITERATED)
    return _NOT_SLUG.sub("-", text.replace("'", "").replace("\u2019", "")).strip("-")


def derived_id(text: str) -> str:
    """The id a card gets from its title or file name: its slug, or for a script with no
    Latin spelling here (``朝鲜``) ``card-`` and a short fingerprint of the text, the same
    on every load. Empty when the text has no letter or digit at all."""
    slug = slugify(text)
    if slug or not any(c.isalnum() for c in text):
        return slug
    import hashlib  # only for titles in such a script

    normal = unicodedata.normalize("NFC", text.strip()).casefold()
    return "card-" + hashlib.blake2s(normal.encode(), digest_size=4).hexdigest()


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
