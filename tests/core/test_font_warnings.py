"""Which characters need a font beyond the bundled ones, and how a missing one is reported
(the Qt layer answers which fonts exist; here it is a stand-in)."""

from __future__ import annotations

import pytest

from briefing.core.loader import load_deck
from briefing.core.model import Card, Deck, Quote
from briefing.core.scripts import font_warnings, needs_font_check, unusual_characters
from briefing.paths import bundled_deck_path


def _card(card_id: str, text: str, file: str = "brief.yaml") -> Card:
    return Card(card_id, "Title", "Headline", "Body", quotes=(Quote(text, "Someone"),), file=file)


def _no_fonts_for(missing: str):
    def uncovered(text: str) -> list[str]:
        return [c for c in unusual_characters(text) if c in missing]

    return uncovered


def test_a_latin_deck_needs_no_font_check():
    deck = load_deck(bundled_deck_path())

    def never(_text: str) -> list[str]:
        raise AssertionError("fonts were asked about a Latin deck")

    assert font_warnings(deck, never) == []
    assert not needs_font_check("Café \u2013 naïve \u201cquotes\u201d €5 Łódź ½ ok")


@pytest.mark.parametrize("text", ["สวัสดี", "한국어", "全面", "नमस्ते", "🎉", "Ελλάδα", "Привет"])
def test_other_scripts_and_emoji_need_a_font_check(text):
    assert needs_font_check(text)


def test_a_warning_names_the_card_its_file_and_the_characters_by_script():
    deck = Deck(
        "Deck",
        (_card("fine", "plain"), _card("thai", "สวัสดีครับ 🎉 ok", file="cards/thai.yaml")),
        path="cards",
    )
    warnings = font_warnings(deck, _no_fonts_for("สวัดีครบ🎉"))
    assert warnings == [
        "cards/thai.yaml: card 'thai': warning: no installed font can show "
        "Thai (U+0E2A 'ส', U+0E27 'ว', U+0E31 'ั' and 5 more); "
        "emoji or symbols (U+1F389 '🎉'): they show as empty boxes"
    ]


def test_a_sign_named_only_by_its_script_is_listed_with_its_letters():
    deck = Deck("Deck", (_card("hi", "नमस्ते।"),), path="brief.yaml")
    (warning,) = font_warnings(deck, _no_fonts_for("नमस्ते।"))
    assert "Devanagari (U+0928 'न', U+092E 'म', U+0938 'स' and 4 more)" in warning
    assert "emoji" not in warning


def test_the_decks_own_details_are_checked_too():
    deck = Deck("ภาษาไทย", (_card("fine", "plain"),), path="brief.yaml")
    (warning,) = font_warnings(deck, _no_fonts_for("ภาษาไทย"))
    assert warning.startswith("brief.yaml: the deck's details: warning: no installed font")


def test_a_file_name_in_a_warning_is_escaped():
    deck = Deck("Deck", (_card("x", "ก", file="a\nb.yaml"),), path="a\nb.yaml")
    (warning,) = font_warnings(deck, _no_fonts_for("ก"))
    assert warning.startswith("a\\nb.yaml: card 'x': ")
    assert "\n" not in warning
