"""Ids as slugs, and the closest-name suggestions of error messages."""

from __future__ import annotations

import re
import unicodedata

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


def suggestion(word: str, choices: tuple[str, ...]) -> str | None:
    import difflib  # only for a deck with a mistake in it

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None
