"""Printed text's documents at print resolution: made, measured, split between pages, drawn.

Every document is laid out against a 1,200 dpi device (``print_style.layout_device``),
so line breaks and glyph positions are the same on a PDF, a printer or a PNG; pages are
cut only between lines, and a short quote or the sources are kept together.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
    QTextTable,
)

from briefing.export.flow import valid_breaks
from briefing.export.print_style import DOTS_PER_PT, SCREEN_DPI, document_font, layout_device
from briefing.render.back_document import SECTION_PROPERTY, SOURCES_HEADING
from briefing.render.card_parts import SECTION_MARKS
from briefing.render.safe_document import SafeDocument

# The blocks of the sources at the end of a back: each source's lines and its URL, and the
# heading over them, which has no section.
_SOURCES_SECTIONS = (SECTION_MARKS["source"], SECTION_MARKS["source url"], "")


def px(points: float) -> float:
    """Points as the screen pixels Qt expects for margins and image sizes in a document."""
    return points * SCREEN_DPI / 72


def new_document() -> SafeDocument:
    document = SafeDocument()
    document.documentLayout().setPaintDevice(layout_device())
    document.setDocumentMargin(0)
    document.setDefaultFont(document_font())
    return document


def set_width(document: QTextDocument, width_pt: float) -> None:
    document.setTextWidth(width_pt * DOTS_PER_PT)


def height_pt(document: QTextDocument) -> float:
    return document.size().height() / DOTS_PER_PT


def line_breaks(document: QTextDocument, *, keep_together: bool = True) -> tuple[float, ...]:
    """Where ``document`` may be split between pages, in points (see ``flow.valid_breaks``).

    Besides splitting only between lines, a quote is not split from its attribution, nor
    the sources from one another, when they are short enough to keep together (unless
    ``keep_together`` is False: where the rest goes elsewhere anyway).
    """
    spans = _lines(document)
    if keep_together:
        spans += _kept_together(document)
    return valid_breaks(spans, height_pt(document))


_KEEP_TOGETHER_PT = 140.0


def _kept_together(document: QTextDocument) -> list[tuple[float, float]]:
    """Spans (top, bottom) in points that no page break should cut: each table (a quote,
    with its rule down to the table's bottom) and the sources section at the end."""
    layout = document.documentLayout()
    spans = []
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            rect = layout.frameBoundingRect(frame)
            first = document.findBlock(frame.firstPosition())
            top = layout.blockBoundingRect(first).top() / DOTS_PER_PT
            spans.append((top, rect.bottom() / DOTS_PER_PT))
    block = document.lastBlock()
    sources_top = None
    while (
        block.isValid()
        and block.blockFormat().stringProperty(SECTION_PROPERTY) in _SOURCES_SECTIONS
    ):
        if block.text() == SOURCES_HEADING:
            sources_top = layout.blockBoundingRect(block).top() / DOTS_PER_PT
            break
        block = block.previous()
    if sources_top is not None:
        spans.append((sources_top, height_pt(document)))
    return [(top, bottom) for top, bottom in spans if bottom - top <= _KEEP_TOGETHER_PT]


def _ink_bottom(document: QTextDocument, limit: float) -> float:
    """The lowest bottom of the lines that start above ``limit`` (points)."""
    lowest = 0.0
    for top, bottom in _lines(document):
        if top < limit - 0.01:
            lowest = max(lowest, bottom)
    return lowest


def _lines(document: QTextDocument) -> list[tuple[float, float]]:
    """Every line of ``document`` as (top, bottom) in points, table cells included."""
    layout = document.documentLayout()
    lines = []
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            y = top + line.y()
            lines.append((y / DOTS_PER_PT, (y + line.height()) / DOTS_PER_PT))
        block = block.next()
    return lines


def draw(
    painter: QPainter,
    document: QTextDocument,
    x: float,
    y: float,
    start: float,
    end: float,
    color: QColor,
) -> None:
    """Draw the part ``start``..``end`` (points down the document) with its top at ``x, y``.

    ``painter`` works in points; the part is clipped so a line beyond it is not drawn.
    """
    width = document.textWidth()
    overhang = 4 * DOTS_PER_PT  # italics and the quote rule reach a little outside
    if end < height_pt(document) - 0.01:
        # Clip under the last line drawn, not at the next one's top, so that not even a
        # sliver of its first glyphs shows on a low-resolution preview.
        end = min(end, _ink_bottom(document, end) + 0.5)
    clip = QRectF(-overhang, start * DOTS_PER_PT, width + 2 * overhang, (end - start) * DOTS_PER_PT)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, color)
    context.palette = palette
    painter.save()
    painter.translate(x, y)
    painter.scale(1 / DOTS_PER_PT, 1 / DOTS_PER_PT)
    painter.translate(0, -start * DOTS_PER_PT)
    painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
    document.documentLayout().draw(painter, context)
    painter.restore()
