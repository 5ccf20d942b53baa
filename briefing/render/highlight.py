"""Marking search matches in text documents, without ever reading deck text as markup."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from briefing.render.document_edits import one_edit

if TYPE_CHECKING:
    from briefing.core.search.query import Query

# Set on every highlight's format, so a view (or a test) can find the marked text.
MATCH_PROPERTY = QTextFormat.Property.UserProperty + 1

Span = tuple[int, int]


class CardMatch(NamedTuple):
    """A search that the card on screen matches: the query, and the fields it matched in."""

    query: Query
    fields: frozenset[str]


def match_format(background: QColor, ink: QColor) -> QTextCharFormat:
    """The look of a match: a tinted background, and underlined so colour is not the only sign.

    Underlined rather than bold, so a highlight never widens the text it marks.
    """
    char_format = QTextCharFormat()
    char_format.setBackground(background)
    char_format.setForeground(ink)
    char_format.setFontUnderline(True)
    char_format.setUnderlineColor(ink)
    char_format.setProperty(MATCH_PROPERTY, True)
    return char_format


def highlight_spans(
    document: QTextDocument, spans: Iterable[Span], char_format: QTextCharFormat, offset: int = 0
) -> None:
    """Merge ``char_format`` over each (start, end) span, counted from ``offset``."""
    cursor = QTextCursor(document)
    last = max(document.characterCount() - 1, 0)
    with one_edit(document):
        for start, end in spans:
            start, end = min(offset + start, last), min(offset + end, last)
            if start >= end:
                continue
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(char_format)


def highlighted_ranges(document: QTextDocument) -> Iterator[Span]:
    """The (start, end) document positions of the text marked as matches."""
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().boolProperty(MATCH_PROPERTY):
                yield fragment.position(), fragment.position() + fragment.length()
            it += 1
        block = block.next()


def clipped(spans: Iterable[Span], length: int) -> tuple[Span, ...]:
    """The spans, cut to the first ``length`` characters."""
    return tuple((start, min(end, length)) for start, end in spans if start < length)
