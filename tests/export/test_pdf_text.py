"""An exported PDF's text reads as typed: copying or searching finds the words a user
wrote, not the presentation forms and radicals Qt's writer names some glyphs by.

Whether this machine has a font for a script is asked of Qt, not assumed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from factories import make_card
from pypdf import PdfReader
from PySide6.QtGui import QFont

from briefing.core.model import Deck, Quote
from briefing.export.options import ExportOptions
from briefing.export.pdf import export_pdf
from briefing.export.pdf_text import NotQtPdf, make_searchable, searchable_cmap
from briefing.render.glyph_cover import fallback_face

ARABIC = "السلام عليكم ورحمة الله"  # lam-alef and the Allah ligature among them
CHINESE = "全面合作"
PRESENTATION_FORMS = range(0xFB50, 0xFF00)

QT_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfrange
<0000> <0000> <0000>
<0001> <0003> [<5168> <2FAF> <FEFC> ]
<0004> <0005> <0041>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _installed(text: str) -> bool:
    return all(
        fallback_face(ord(c), QFont.Weight.Normal.value, False) is not None
        for c in text
        if not c.isspace()
    )


def _export(tmp_path: Path, quote: str, body: str = "Body.") -> Path:
    deck = Deck("Scripts", (make_card(1, body=body, quotes=(Quote(quote, "Someone"),)),))
    path = tmp_path / "scripts.pdf"
    export_pdf(deck, list(deck.cards), ExportOptions("handout", 1, "A4"), path)
    return path


def _pypdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_glyph_named_by_a_radical_or_a_presentation_form_reads_as_typed():
    """面 drawn with the glyph a Japanese font shares with the radical ⾯ (U+2FAF), and the
    lam-alef ligature, in a map as Qt writes it; ranges keep their other characters."""
    cmap = searchable_cmap(QT_CMAP)
    assert cmap is not None
    assert b"<0002> <9762>" in cmap  # 面, not ⾯
    assert b"<0003> <06270644>" in cmap  # lam-alef's letters, in drawing order
    assert b"<0001> <5168>" in cmap and b"<0004> <0041>" in cmap and b"<0005> <0042>" in cmap
    assert cmap.startswith(QT_CMAP[: QT_CMAP.index(b"3 beginbfrange")])
    assert cmap.endswith(QT_CMAP[QT_CMAP.index(b"endcmap") :])


def test_a_map_with_nothing_to_change_is_left_alone():
    plain = QT_CMAP.replace(b"<2FAF> <FEFC>", b"<9762> <0644>")
    assert searchable_cmap(plain) is None


def test_a_file_not_laid_out_as_qt_writes_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "other.pdf"
    path.write_bytes(b"%PDF-1.7\nnot what Qt writes\n%%EOF\n")
    with path.open("r+b") as file, pytest.raises(NotQtPdf):
        make_searchable(file.fileno())
    assert path.read_bytes() == b"%PDF-1.7\nnot what Qt writes\n%%EOF\n"


def test_exported_arabic_is_letters_as_typed_not_presentation_forms(tmp_path: Path):
    if not _installed(ARABIC):
        pytest.skip("no installed font has Arabic letters")
    text = _pypdf_text(_export(tmp_path, ARABIC))
    assert [c for c in text if ord(c) in PRESENTATION_FORMS] == []
    for word in ARABIC.split():  # pypdf keeps drawing order: right to left, reversed
        assert word[::-1] in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is absent")
def test_a_pdf_reader_finds_arabic_words_as_typed(tmp_path: Path):
    if not _installed(ARABIC):
        pytest.skip("no installed font has Arabic letters")
    path = _export(tmp_path, ARABIC)
    shown = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    for word in ARABIC.split():
        assert word in shown


def test_exported_chinese_is_found_by_a_search_for_what_was_typed(tmp_path: Path):
    if not _installed(CHINESE):
        pytest.skip("no installed font has these ideographs")
    assert CHINESE in _pypdf_text(_export(tmp_path, CHINESE))


@pytest.mark.xfail(
    strict=True,
    reason="Qt's PDF writer names a glyph by the characters of the Basic Multilingual Plane "
    "only (QFontSubset::getReverseMap looks up U+0000 to U+FFFF), so a character beyond "
    "U+FFFF, such as an emoji, gets no text; which glyph it was is not in the file either",
)
def test_an_emoji_a_font_can_show_is_in_the_text(tmp_path: Path):
    emoji = "\U0001f600"
    if not _installed(emoji):
        pytest.skip("no installed font has this emoji")  # (a skip is not an xfail pass)
    assert emoji in _pypdf_text(_export(tmp_path, "Quote", body=f"Body {emoji} here."))
