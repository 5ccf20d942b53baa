"""Reading exported PDFs back: text, positions, fonts (the decks come from ``factories``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def long_body(paragraphs: int) -> str:
    """A body of numbered paragraphs, each with its own marker word ``wNNNN``."""
    return "\n\n".join(
        f"w{n:04d} starts paragraph {n} and goes on for a while about nothing much at all."
        for n in range(paragraphs)
    )


def flat(text: str) -> str:
    """Text with every run of white space made one space (PDF text comes out in pieces)."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


def words(markdown: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", markdown)


@dataclass(frozen=True)
class Run:
    """A piece of text as drawn: where its first glyph sits, in points from the bottom left."""

    text: str
    x: float
    y: float


def text_runs(path: Path, page: int) -> list[Run]:
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            runs.append(Run(flat(text), x, y))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return runs


def font_descriptors(path: Path) -> dict[str, DictionaryObject]:
    """Every font used on any page: base font name -> its font descriptor."""
    found: dict[str, DictionaryObject] = {}
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font")
        if fonts is None:
            continue
        for font in fonts.get_object().values():
            font = font.get_object()
            described = font
            if font.get("/Subtype") == "/Type0":
                described = font["/DescendantFonts"][0].get_object()
            found[str(font["/BaseFont"])] = described["/FontDescriptor"].get_object()
    return found
