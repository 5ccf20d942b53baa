"""Text in any script is drawn in a font that has its glyphs, in every style, on screen and
on paper; never as empty boxes where an installed font could show it."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from factories import make_card
from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QRawFont, QTextDocument

from briefing.core.model import Deck, Quote
from briefing.core.scripts import needs_font_check
from briefing.export.options import ExportOptions
from briefing.export.pdf import export_pdf
from briefing.paths import resource_path
from briefing.render.back_document import BackStyle, fill_back
from briefing.render.fonts import FONT_FILES, SANS, ensure_fonts
from briefing.render.glyph_cover import fallback_face
from briefing.render.safe_document import SafeDocument

ARABIC = "السلام عليكم"


def _installed_upright(text: str) -> bool:
    """Whether an installed font has every letter of ``text`` in its upright face (what
    a test of the fallback needs; decided by asking Qt, not by assuming the machine's)."""
    return all(
        fallback_face(ord(c), QFont.Weight.Normal.value, False) is not None
        for c in text
        if not c.isspace()
    )


def _missing_in_italics(text: str) -> list[str]:
    """Letters of ``text`` no font in ``fallback_face``'s italic search reaches."""
    return [c for c in text if not c.isspace() and fallback_face(ord(c), 400, True) is None]


def _boxed_characters(document: QTextDocument, italic_only: bool = True) -> list[str]:
    """Characters of the document's styled runs that the run's own face has no glyph for
    (drawn as boxes: a styled run's fallback keeps its style)."""
    boxed = []
    default = document.defaultFont()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            font = fragment.charFormat().font().resolve(default)
            if font.italic() or not italic_only:
                raw = QRawFont.fromFont(font)
                shown = fragment.text().replace(" ", "")
                boxed += [c for c in shown if not raw.supportsCharacter(ord(c))]
            fragments += 1
        block = block.next()
    return boxed


def _back(quote: str) -> SafeDocument:
    ensure_fonts()
    document = SafeDocument()
    deck = Deck("Scripts", (make_card(1, quotes=(Quote(quote, "Speaker"),)),))
    style = BackStyle(QFont(SANS, 12), QColor("gray"), QColor("teal"))
    fill_back(document, deck, deck.cards[0], style, QSize(400, 300))
    return document


def test_an_arabic_quote_in_italics_is_drawn_in_a_face_with_arabic_letters(qapp):
    if not _installed_upright(ARABIC):
        pytest.skip("no installed font has Arabic letters")
    assert _boxed_characters(_back(ARABIC)) == []


def test_every_script_an_installed_font_covers_is_drawn_in_italics_too(qapp):
    samples = "한국어 全面 नमस्ते สวัสดี Ελληνικά Кириллица עברית 😀"
    covered = "".join(c for c in samples if not c.isspace() and _installed_upright(c))
    if not covered:
        pytest.skip("no installed font has any of the sample scripts")
    assert _missing_in_italics(covered) == []
    assert _boxed_characters(_back(covered)) == []


def test_an_exported_arabic_quote_in_italics_has_its_letters_in_the_pdf(qapp, tmp_path: Path):
    """Boxes carry no text: without a face for the quote, its letters are missing from the
    PDF's text layer as well as from the page."""
    if not _installed_upright(ARABIC):
        pytest.skip("no installed font has Arabic letters")
    deck = Deck("Scripts", (make_card(1, quotes=(Quote(ARABIC, "Speaker"),)),))
    path = tmp_path / "arabic.pdf"
    export_pdf(deck, list(deck.cards), ExportOptions("handout", 1, "A4"), path)
    text = unicodedata.normalize("NFKC", PdfReader(path).pages[0].extract_text())
    # pypdf gives right-to-left text in drawing order (and ligatures as their letters): only
    # that every letter is there is checked here.
    assert Counter(ARABIC.replace(" ", "")) <= Counter(text)


def test_what_needs_no_font_check_every_bundled_face_shows(qapp):
    """The characters ``needs_font_check`` lets pass unasked (so a Latin deck validates
    without Qt) must never be boxes in any style of the bundled fonts."""
    faces = {name: QRawFont(str(resource_path("fonts", name)), 12) for name in FONT_FILES}
    unasked = [
        code
        for code in range(0x20, 0x3000)
        if not needs_font_check(chr(code))
        and unicodedata.category(chr(code)) not in ("Cc", "Cf", "Cn", "Zs", "Zl", "Zp")
    ]
    assert len(unasked) > 800
    missing = {
        name: [f"U+{code:04X}" for code in unasked if not face.supportsCharacter(code)]
        for name, face in faces.items()
    }
    assert missing == {name: [] for name in faces}
