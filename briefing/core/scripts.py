"""Which characters of a deck may need a font beyond the bundled ones.

The bundled typefaces cover Latin (with its extensions) and the common punctuation in every
style. Text with anything else (Arabic, Korean, Thai, emoji …) is drawn with whatever font
the system has for it, or as empty boxes where it has none; the Qt layers check which. This
module only finds such characters, cheaply, so that a Latin deck needs no such check.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

from briefing.core.errors import quoted, shown_name
from briefing.core.model import Card, Deck

# Shown by every face of the bundled fonts (a test checks): Basic Latin to Latin
# Extended-B but four letters Inter lacks, the spacing modifier letters and combining accents,
# Latin Extended Additional, general punctuation and the currency signs to U+20BF; and the
# variation selectors, which draw nothing.
_ALWAYS_COVERED = frozenset(
    chr(code)
    for first, last in (
        (0x0000, 0x0148),
        (0x014A, 0x01C3),
        (0x01C5, 0x031E),
        (0x0321, 0x036F),
        (0x1E00, 0x1EFF),
        (0x2000, 0x20BF),
        (0xFE00, 0xFE0F),
    )
    for code in range(first, last + 1)
)  # a set, not a regular expression: that took a millisecond to compile, on every start
# Characters that draw nothing of their own (spaces, controls, joiners, marks of direction),
# and halves of a character (surrogates), which no font draws.
_INVISIBLE = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp", "Cs"))


def needs_font_check(text: str) -> bool:
    """Whether ``text`` has a character the bundled fonts may not cover."""
    return not _ALWAYS_COVERED.issuperset(text)


def unusual_characters(text: str) -> list[str]:
    """The distinct visible characters of ``text`` outside the always-covered set, in order."""
    return [
        char
        for char in dict.fromkeys(text)
        if char not in _ALWAYS_COVERED and unicodedata.category(char) not in _INVISIBLE
    ]


def card_text(card: Card) -> str:
    """All the text of ``card`` that is shown or printed, one field a line."""
    parts = [card.title, card.headline, card.body, card.notes, *card.tags]
    if card.figure is not None:
        parts += [card.figure.value, card.figure.label]
    for quote in card.quotes:
        parts += [quote.text, quote.by]
    if card.image is not None:
        parts.append(card.image.alt)
    return "\n".join(parts)


def deck_texts(deck: Deck) -> Iterator[tuple[Card | None, str]]:
    """(card, its text) for every card, and (None, the deck's own text) first."""
    own = [deck.title, deck.subtitle, deck.date, deck.author, deck.marking]
    own += [f"{source.title}\n{source.publisher}" for source in deck.sources]
    yield None, "\n".join(own)
    for card in deck.cards:
        yield card, card_text(card)


def script_name(char: str) -> str:
    """The script a character belongs to, as its Unicode name begins ("Thai", "Hangul");
    "" for symbols and emoji, whose names say no script."""
    name = unicodedata.name(char, "")
    for marker in (" LETTER ", " CHARACTER ", " SYLLABLE ", " VOWEL SIGN ", " SIGN ", " DIGIT "):
        head, found, _rest = name.partition(marker)
        if found and head:
            words = [word for word in head.split() if word not in ("CAPITAL", "SMALL")]
            return " ".join(word.capitalize() for word in words)
    if name.startswith("CJK "):
        return "Han"
    return ""


def font_warnings(deck: Deck, uncovered: Callable[[str], list[str]]) -> list[str]:
    """One warning for each card (and the deck's own details) with characters no installed
    font can show, per ``uncovered`` (which the Qt layer answers)."""
    warnings = []
    for card, text in deck_texts(deck):
        if not needs_font_check(text):
            continue
        missing = uncovered(text)
        if not missing:
            continue
        if card is None:
            where = f"{shown_name(deck.path)}: the deck's details"
        else:
            where = f"{shown_name(card.file or deck.path)}: card {quoted(card.id)}"
        warnings.append(f"{where}: warning: no installed font can show {_listed(missing)}")
    return warnings


def _listed(chars: list[str], shown: int = 3) -> str:
    """``Thai (U+0E01 'ก', U+0E2A 'ส' and 5 more); emoji or symbols (U+1F389 '🎉')``."""
    scripts = {char: script_name(char) for char in chars}
    # A sign named for its script alone ("DEVANAGARI DANDA") joins its script's letters.
    named = {name.upper(): name for name in scripts.values() if name}
    by_script: dict[str, list[str]] = {}
    for char, script in scripts.items():
        if not script:
            first_word = unicodedata.name(char, "").partition(" ")[0]
            script = named.get(first_word, "emoji or symbols")
        by_script.setdefault(script, []).append(char)
    parts = []
    for script, group in by_script.items():
        listed = ", ".join(f"U+{ord(c):04X} {quoted(c)}" for c in group[:shown])
        more = f" and {len(group) - shown} more" if len(group) > shown else ""
        parts.append(f"{script} ({listed}{more})")
    return "; ".join(parts) + ": they show as empty boxes"
