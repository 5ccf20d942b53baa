"""Fonts for the characters the bundled ones lack, in every style; and which have none.

Qt falls back to an installed font for a character its font lacks, but in the same style:
an italic Arabic quote asks for the system's Arabic font in italic, and where that family's
italic face has no Arabic (DejaVu Sans Oblique has none, its upright face has) every letter
is an empty box. ``cover_styled_runs`` sets such runs in a face that has their glyphs,
slanted or emboldened by Qt where only the upright or regular face has them.

``uncovered`` says which characters no installed font can show at all. Only QtGui: the
command line uses it without a window (it needs a ``QGuiApplication``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import cache, lru_cache

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QRawFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from briefing.core.scripts import needs_font_check, unusual_characters
from briefing.render.fonts import SANS, SERIF, ensure_fonts

_WS = QFontDatabase.WritingSystem
# (first code point, last, writing system): where to look first for a character's font.
_SCRIPT_RANGES: tuple[tuple[int, int, QFontDatabase.WritingSystem], ...] = (
    (0x0370, 0x03FF, _WS.Greek),
    (0x0400, 0x052F, _WS.Cyrillic),
    (0x0530, 0x058F, _WS.Armenian),
    (0x0590, 0x05FF, _WS.Hebrew),
    (0x0600, 0x06FF, _WS.Arabic),
    (0x0700, 0x074F, _WS.Syriac),
    (0x0750, 0x077F, _WS.Arabic),
    (0x0780, 0x07BF, _WS.Thaana),
    (0x07C0, 0x07FF, _WS.Nko),
    (0x08A0, 0x08FF, _WS.Arabic),
    (0x0900, 0x097F, _WS.Devanagari),
    (0x0980, 0x09FF, _WS.Bengali),
    (0x0A00, 0x0A7F, _WS.Gurmukhi),
    (0x0A80, 0x0AFF, _WS.Gujarati),
    (0x0B00, 0x0B7F, _WS.Oriya),
    (0x0B80, 0x0BFF, _WS.Tamil),
    (0x0C00, 0x0C7F, _WS.Telugu),
    (0x0C80, 0x0CFF, _WS.Kannada),
    (0x0D00, 0x0D7F, _WS.Malayalam),
    (0x0D80, 0x0DFF, _WS.Sinhala),
    (0x0E00, 0x0E7F, _WS.Thai),
    (0x0E80, 0x0EFF, _WS.Lao),
    (0x0F00, 0x0FFF, _WS.Tibetan),
    (0x1000, 0x109F, _WS.Myanmar),
    (0x10A0, 0x10FF, _WS.Georgian),
    (0x1100, 0x11FF, _WS.Korean),
    (0x1780, 0x17FF, _WS.Khmer),
    (0x3040, 0x30FF, _WS.Japanese),
    (0x3130, 0x318F, _WS.Korean),
    (0x3400, 0x9FFF, _WS.SimplifiedChinese),
    (0xAC00, 0xD7AF, _WS.Korean),
    (0xF900, 0xFAFF, _WS.SimplifiedChinese),
    (0xFB50, 0xFDFF, _WS.Arabic),
    (0xFE70, 0xFEFF, _WS.Arabic),
)
_RANGE_STARTS = [first for first, _last, _ws in _SCRIPT_RANGES]
_ATTACHED = frozenset((0x200C, 0x200D))  # joiners stay with the letters they join


def _writing_system(code: int) -> QFontDatabase.WritingSystem | None:
    at = bisect.bisect_right(_RANGE_STARTS, code) - 1
    if at >= 0 and code <= _SCRIPT_RANGES[at][1]:
        return _SCRIPT_RANGES[at][2]
    return None


@cache
def _families(writing_system: QFontDatabase.WritingSystem | None) -> tuple[str, ...]:
    """Installed families, those said to write ``writing_system`` first; fixed-pitch ones
    last (a quote in a typewriter face is a poor fallback)."""
    every = [f for f in QFontDatabase.families() if f and not QFontDatabase.isPrivateFamily(f)]
    first = set(QFontDatabase.families(writing_system)) if writing_system is not None else set()
    return tuple(sorted(every, key=lambda f: (f not in first, QFontDatabase.isFixedPitch(f))))


@lru_cache(maxsize=128)  # not every installed font kept open for good
def _raw(family: str, weight: int, italic: bool) -> QRawFont:
    font = QFont(family)
    font.setWeight(QFont.Weight(weight))
    font.setItalic(italic)
    return QRawFont.fromFont(font)


def _lacking(raw: QRawFont, codes: list[int]) -> list[int]:
    """Those of ``codes`` that ``raw`` has no glyph for; one call into Qt for them all
    (a deck may hold tens of thousands of distinct characters)."""
    if not raw.isValid():
        return codes
    glyphs = raw.glyphIndexesForString("".join(map(chr, codes)))
    if len(glyphs) != len(codes):  # not one glyph a character: ask one by one
        return [code for code in codes if not raw.supportsCharacter(code)]
    return [code for code, glyph in zip(codes, glyphs, strict=True) if glyph == 0]


Face = tuple[str, str]  # family, style name ("": the face of the style asked for)
_faces: dict[tuple[int, int, bool], Face | None] = {}


def fallback_faces(codes: Iterable[int], weight: int, italic: bool) -> dict[int, Face | None]:
    """For each of ``codes``, an installed face that has a glyph for it, or None if no
    installed font has one: (family, style name), the style name "" where the family's
    face in the asked style has it, else that of its upright (or regular) face, for Qt to
    slant or embolden."""
    wanted = list(dict.fromkeys(codes))
    todo: dict[QFontDatabase.WritingSystem | None, list[int]] = {}
    for code in wanted:
        if (code, weight, italic) not in _faces:
            todo.setdefault(_writing_system(code), []).append(code)
    styles = list(
        dict.fromkeys(((weight, italic), (weight, False), (QFont.Weight.Normal.value, False)))
    )
    regular = (QFont.Weight.Normal.value, False)
    for writing_system, group in todo.items():
        for family in _families(writing_system):
            if not group:
                break
            # A family's regular face has (nearly always) every glyph its others have: what
            # it lacks is not asked of them, so a character no font has costs one call a
            # family, not three.
            lacking = _lacking(_raw(family, *regular), group)
            absent = set(lacking)
            candidates = [code for code in group if code not in absent]
            for style_weight, style_italic in styles:
                if not candidates:
                    break
                raw = _raw(family, style_weight, style_italic)
                still = _lacking(raw, candidates)
                style_name = (
                    "" if (style_weight, style_italic) == (weight, italic) else raw.styleName()
                )
                for code in set(candidates).difference(still):
                    _faces[code, weight, italic] = (family, style_name)
                candidates = still
            group = lacking + candidates
        for code in group:
            _faces[code, weight, italic] = None
    return {code: _faces[code, weight, italic] for code in wanted}


def fallback_face(code: int, weight: int, italic: bool) -> Face | None:
    """``fallback_faces`` for one character."""
    return fallback_faces((code,), weight, italic)[code]


def uncovered(text: str) -> list[str]:
    """The distinct characters of ``text`` that no installed font can show, in order."""
    if not needs_font_check(text):
        return []
    ensure_fonts()
    codes = [ord(char) for char in unusual_characters(text)]
    for family in (SANS, SERIF):
        codes = _lacking(_raw(family, QFont.Weight.Normal.value, False), codes)
    faces = fallback_faces(codes, QFont.Weight.Normal.value, False)
    return [chr(code) for code in codes if faces[code] is None]


def cover_styled_runs(document: QTextDocument) -> None:
    """Set each run of italic or bold text whose face lacks its glyphs in a face that has
    them (upright text is left to Qt's own fallback, which finds them)."""
    if not needs_font_check(document.toPlainText()):
        return
    default = document.defaultFont()
    changes: list[tuple[int, int, Face]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            font = fragment.charFormat().font().resolve(default)
            if font.italic() or font.weight() > QFont.Weight.Normal.value:
                changes += _missing_runs(fragment.text(), fragment.position(), font)
            fragments += 1
        block = block.next()
    if not changes:
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for start, end, (family, style_name) in changes:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fallback = QTextCharFormat()
        fallback.setFontFamilies([family])
        if style_name:
            fallback.setFontStyleName(style_name)
        cursor.mergeCharFormat(fallback)
    cursor.endEditBlock()


def _missing_runs(text: str, position: int, font: QFont) -> list[tuple[int, int, Face]]:
    """(start, end, face) for each run of ``text`` (at ``position``, in UTF-16 units as the
    document counts) that ``font`` has no glyphs for and an installed face has."""
    weight, italic = font.weight(), font.italic()
    families = font.families() or [font.family()]
    asked = sorted({ord(c) for c in text if ord(c) > 0x7F and not 0xD800 <= ord(c) <= 0xDFFF})
    lacking = _lacking(_raw(families[0], weight, italic), asked) if asked else []
    faces = fallback_faces(lacking, weight, italic) if lacking else {}
    runs: list[tuple[int, int, Face]] = []
    for char in text:
        code = ord(char)
        width = 2 if code > 0xFFFF else 1
        attached = code in _ATTACHED or (0xFE00 <= code <= 0xFE0F)
        if runs and runs[-1][1] == position and attached:
            runs[-1] = (runs[-1][0], position + width, runs[-1][2])
        elif (face := faces.get(code)) is not None:
            if runs and runs[-1][1] == position and runs[-1][2] == face:
                runs[-1] = (runs[-1][0], position + width, face)
            else:
                runs.append((position, position + width, face))
        position += width
    return runs
