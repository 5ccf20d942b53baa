"""A painter that measures in points; text goes through at layout resolution.

Shapes are drawn in points. Text is drawn with fonts sized in layout dots (1/1,200 inch)
under a matching scale, so glyph positions are computed at 1,200 dpi on every device rather
than rounded to whole points.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from briefing.export.geometry import Rect
from briefing.export.print_style import DOTS_PER_PT, layout_device, letter_spacing_factor

Align = Qt.AlignmentFlag


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


class Canvas:
    def __init__(self, painter: QPainter) -> None:
        self.painter = painter

    def fill(self, rect: Rect, color: QColor, radius: float = 0.0) -> None:
        painter = self.painter
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        if radius:
            painter.drawRoundedRect(qrect(rect), radius, radius)
        else:
            painter.drawRect(qrect(rect))
        painter.restore()

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        color: QColor,
        width: float = 0.5,
        dash: tuple[float, float] | None = None,
    ) -> None:
        painter = self.painter
        painter.save()
        pen = QPen(color, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if dash:
            pen.setDashPattern([dash[0] / width, dash[1] / width])
        painter.setPen(pen)
        painter.drawLine(QLineF(QPointF(x1, y1), QPointF(x2, y2)))
        painter.restore()

    def frame(self, rect: Rect, color: QColor, width: float = 0.5, radius: float = 0.0) -> None:
        painter = self.painter
        painter.save()
        painter.setPen(QPen(color, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2
        inner = QRectF(rect.x + half, rect.y + half, rect.width - width, rect.height - width)
        if radius:
            painter.drawRoundedRect(inner, radius, radius)
        else:
            painter.drawRect(inner)
        painter.restore()

    def text(
        self,
        rect: Rect,
        text: str,
        font: QFont,
        color: QColor,
        align: Qt.AlignmentFlag = Align.AlignLeft | Align.AlignVCenter,
        *,
        elide: bool = True,
    ) -> float:
        """One line of plain text in ``rect``, elided to fit; returns its width in points."""
        metrics = _metrics(font)
        width = rect.width * DOTS_PER_PT
        line = " ".join(text.split())
        if elide:
            line = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
        painter = self.painter
        painter.save()
        painter.scale(1 / DOTS_PER_PT, 1 / DOTS_PER_PT)
        painter.setFont(_for_device(font, painter))
        painter.setPen(color)
        box = QRectF(
            rect.x * DOTS_PER_PT,
            rect.y * DOTS_PER_PT,
            width,
            rect.height * DOTS_PER_PT,
        )
        painter.drawText(box, int(align | Qt.TextFlag.TextSingleLine), line)
        painter.restore()
        return metrics.horizontalAdvance(line) / DOTS_PER_PT


def _metrics(font: QFont) -> QFontMetricsF:
    """Metrics as laid out for print (letter spacing included)."""
    return QFontMetricsF(QFont(font, layout_device()))


def _for_device(font: QFont, painter: QPainter) -> QFont:
    """``font`` with its letter spacing adjusted to come out as laid out on ``painter``'s
    device (the PDF writer works at the layout resolution and needs nothing)."""
    spacing = font.letterSpacing()
    if not spacing or font.letterSpacingType() != QFont.SpacingType.AbsoluteSpacing:
        return font
    wanted = letter_spacing_factor(layout_device())
    actual = letter_spacing_factor(painter.device())
    if actual == wanted:
        return font
    adjusted = QFont(font)
    adjusted.setLetterSpacing(
        QFont.SpacingType.AbsoluteSpacing, spacing * wanted / actual if actual > 0 else 0.0
    )
    return adjusted


def text_width(text: str, font: QFont) -> float:
    return _metrics(font).horizontalAdvance(text) / DOTS_PER_PT


def line_height(font: QFont) -> float:
    return _metrics(font).height() / DOTS_PER_PT
