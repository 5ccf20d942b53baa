"""Make a PDF's text read as it was typed, for copying and searching.

Qt's PDF writer tells readers which characters each glyph stands for (a font's ``ToUnicode``
map) by looking the glyph up in the font's own character map, taking the lowest character
that maps to it. Where a font maps a glyph from a presentation form too, that form wins:
an Arabic letter joined to the next is written as U+FEDF (ARABIC LETTER LAM INITIAL FORM),
not U+0644, the Allah ligature as U+FDF2, and in a Japanese font that draws 面 (U+9762)
and the radical ⾯ (U+2FAF) with one glyph, the radical, so a search for "全面" finds
nothing. Here each such map is replaced by one with those characters normalised (NFKC):
the letters and ideographs a user types. The new maps are appended as an incremental
update (the PDF's own way to amend a file), so nothing Qt wrote is moved or rewritten and
memory stays small however large the file.
"""

from __future__ import annotations

import os
import re
import unicodedata

# Presentation forms and radicals that NFKC maps to the characters people type.
_FORMS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufdff\ufe70-\ufefe]")
_CMAP_START = b"/CIDInit /ProcSet findresource begin"
_OBJECT_HEAD = re.compile(rb"(\d+) 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n")
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_SECTION = re.compile(rb"begin(bfrange|bfchar)(.*?)end\1", re.DOTALL)
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")
_TAIL = 4096  # the end of the file that holds startxref
_HEAD = 256  # enough of an object to see its length and what its stream starts with


class NotQtPdf(ValueError):
    """The file is not laid out as Qt writes PDFs; it is left as it is."""


def typed_text(text: str) -> str:
    """``text`` with presentation forms and radicals as the characters they stand for."""
    return _FORMS.sub(lambda found: _typed(found[0]), text)


def _typed(form: str) -> str:
    """One form as typed. A right-to-left ligature (lam-alef, U+FEFB) is one glyph whose
    letters a reader puts in reading order along with the glyphs around it, reversing
    them: given in drawing order, they come out as typed (poppler's ``pdftotext``, and
    evince's search, give "السلام", not "السالم"; pypdf, which keeps drawing order, gives
    the whole word reversed rather than jumbled)."""
    letters = unicodedata.normalize("NFKC", form)
    if len(letters) > 1 and all(unicodedata.bidirectional(c) in ("R", "AL") for c in letters):
        return letters[::-1]
    return letters


def searchable_cmap(cmap: bytes) -> bytes | None:
    """``cmap`` (a ToUnicode map) with its characters as typed; None if none changes."""
    mapping: list[tuple[bytes, str]] = []
    for kind, body in _SECTION.findall(cmap):
        if kind == b"bfchar":
            mapping += [(code, _text(target)) for code, target in _CHAR.findall(body)]
            continue
        for low, high, target in _RANGE.findall(body):
            first, last, width = int(low, 16), int(high, 16), len(low)
            if target.startswith(b"["):
                targets = [_text(t) for t in _HEX.findall(target)]
            else:
                start = _text(target.strip(b"<>"))
                count = last - first + 1
                targets = [
                    start[:-1] + chr(ord(start[-1]) + i) if start else "" for i in range(count)
                ]
            for offset, value in enumerate(targets[: last - first + 1]):
                mapping.append((b"%0*X" % (width, first + offset), value))
    changed = [(code, typed_text(value)) for code, value in mapping]
    if changed == mapping:
        return None
    lines = []
    for at in range(0, len(changed), 100):  # a CMap section holds at most 100 entries
        chunk = changed[at : at + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        lines += [
            b"<%s> <%s>" % (code, value.encode("utf-16-be").hex().upper().encode())
            for code, value in chunk
        ]
        lines.append(b"endbfchar")
    first_section = _SECTION.search(cmap)
    assert first_section is not None  # the mapping read above came from one
    last_section = list(_SECTION.finditer(cmap))[-1]
    # "N beginbfrange" starts its line
    count_start = cmap.rfind(b"\n", 0, first_section.start()) + 1
    return cmap[:count_start] + b"\n".join(lines) + cmap[last_section.end() :]


def _text(hex_digits: bytes) -> str:
    data = bytes.fromhex(hex_digits.decode("ascii"))
    return data.decode("utf-16-be", errors="replace")


def make_searchable(fd: int) -> None:
    """Amend the PDF open read-write at ``fd`` (as Qt wrote it) so that its text reads as
    typed. Raises ``NotQtPdf`` if the file is not laid out as expected, ``OSError``."""
    size = os.fstat(fd).st_size
    tail = os.pread(fd, min(_TAIL, size), max(0, size - _TAIL))
    found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", tail)
    if found is None:
        raise NotQtPdf("no startxref")
    xref_at = int(found[1])
    offsets, trailer = _read_xref(fd, xref_at, size)
    amended: list[tuple[int, bytes]] = []
    for number, offset in offsets.items():
        head = os.pread(fd, _HEAD, offset)
        object_head = _OBJECT_HEAD.match(head)
        if object_head is None or int(object_head[1]) != number:
            continue
        start = offset + object_head.end()
        if not head[object_head.end() :].startswith(_CMAP_START[: _HEAD - object_head.end()]):
            continue
        cmap = os.pread(fd, int(object_head[2]), start)
        new = searchable_cmap(cmap)
        if new is not None:
            amended.append((number, new))
    if amended:
        _append_update(fd, size, xref_at, trailer, amended)


def _read_xref(fd: int, at: int, size: int) -> tuple[dict[int, int], bytes]:
    """The offsets of the objects in use, from the cross-reference table at ``at``, and
    the trailer dictionary's text."""
    head = os.pread(fd, 64, at)
    found = re.match(rb"xref\s+0 (\d+)\s*\n", head)
    if found is None:
        raise NotQtPdf("not one classic cross-reference section")
    count = int(found[1])
    table = os.pread(fd, count * 20, at + found.end())
    offsets = {}
    for number in range(count):
        entry = table[number * 20 : number * 20 + 20]
        if entry[17:18] == b"n":
            offsets[number] = int(entry[:10])
    rest = os.pread(fd, min(_TAIL, size - at), at + found.end() + count * 20)
    trailer = re.match(rb"\s*trailer\s*<<(.*?)>>\s*startxref", rest, re.DOTALL)
    if trailer is None or b"/Prev" in trailer[1]:
        raise NotQtPdf("no trailer, or one with an earlier update")
    return offsets, trailer[1]


def _append_update(
    fd: int, size: int, xref_at: int, trailer: bytes, amended: list[tuple[int, bytes]]
) -> None:
    position = size
    chunks = [b"\n"]
    position += 1
    entries = []
    for number, data in sorted(amended):
        entries.append(b"%d 1\n%010d 00000 n \n" % (number, position))
        chunk = b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
            number,
            len(data),
            data,
        )
        chunks.append(chunk)
        position += len(chunk)
    body = trailer.strip()
    chunks.append(b"xref\n" + b"".join(entries))
    chunks.append(
        b"trailer\n<< %s\n/Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (body, xref_at, position)
    )
    data = b"".join(chunks)
    written = 0
    while written < len(data):
        written += os.pwrite(fd, data[written:], size + written)
