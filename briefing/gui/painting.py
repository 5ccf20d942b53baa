"""Small painting helpers shared by the card view and the overview thumbnails."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QTextLayout


def paint_soft_shadow(
    painter: QPainter,
    rect: QRectF,
    radius: float,
    color: QColor,
    *,
    blur: int = 28,
    offset_y: float = 10.0,
) -> None:
    """A soft drop shadow under ``rect``, with a tight contact shadow at its edge.

    ``color``'s alpha is the darkness right at the edge; it fades out, quadratically, over
    ``blur`` px. Drawn as stacked translucent rounded rectangles, so it needs no blur pass
    and follows the painter's transform (the card keeps its shadow while it turns).
    """
    if blur <= 0 or color.alpha() == 0:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    _fading_layers(painter, rect.translated(0, offset_y), radius, color, 0.7, blur)
    _fading_layers(painter, rect.translated(0, 1), radius, color, 0.5, max(2, blur // 8))
    painter.restore()


def _fading_layers(
    painter: QPainter, rect: QRectF, radius: float, color: QColor, strength: float, blur: int
) -> None:
    def darkness(distance: int) -> float:
        return color.alphaF() * strength * (1 - distance / blur) ** 2

    layer = QColor(color)
    for grow in range(blur, 0, -1):
        layer.setAlphaF(max(0.0, darkness(grow - 1) - darkness(grow)))
        painter.setBrush(layer)
        painter.drawRoundedRect(
            rect.adjusted(-grow, -grow, grow, grow), radius + grow, radius + grow
        )


class ShadowCache:
    """The card's shadow rendered once per size and colour, then drawn as an image.

    Painting the stacked layers costs about 10 ms at full size, too slow for each frame of
    a flip; drawing the cached image, even through the flip's perspective, costs ~1 ms.
    """

    def __init__(self, radius: float, blur: int = 28, offset_y: float = 10.0) -> None:
        self._radius = radius
        self._blur = blur
        self._offset_y = offset_y

    def paint(self, painter: QPainter, rect: QRectF, color: QColor) -> None:
        margin = self._blur + 2
        image = _shadow_image(
            QSize(round(rect.width()), round(rect.height())),
            color.rgba(),
            self._radius,
            self._blur,
            self._offset_y,
        )
        painter.save()
        # A blur needs no smooth resampling, and skipping it halves the cost under a turn.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QPointF(rect.left() - margin, rect.top() - margin), image)
        painter.restore()


@lru_cache(maxsize=8)
def _shadow_image(size: QSize, rgba: int, radius: float, blur: int, offset_y: float) -> QImage:
    margin = blur + 2
    image = QImage(
        size.width() + 2 * margin,
        size.height() + 2 * margin + round(offset_y),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    rect = QRectF(margin, margin, size.width(), size.height())
    paint_soft_shadow(painter, rect, radius, QColor.fromRgba(rgba), blur=blur, offset_y=offset_y)
    painter.end()
    return image


def draw_elided_paragraph(
    painter: QPainter, rect: QRectF, font: QFont, text: str, leading: float = 1.1
) -> None:
    """Wrap ``text`` into ``rect``; the last line that fits ends in an ellipsis if cut."""
    metrics = QFontMetricsF(font)
    text = " ".join(text.split())
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[tuple[int, int]] = []
    step = metrics.lineSpacing() * leading
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    fitting = max(0, int(rect.height() // step))
    for number, (start, length) in enumerate(lines[:fitting]):
        last = number == fitting - 1 and number < len(lines) - 1
        chunk = text[start:] if last else text[start : start + length]
        shown = (
            metrics.elidedText(chunk, Qt.TextElideMode.ElideRight, rect.width())
            if last
            else chunk.rstrip()
        )
        baseline = QPointF(rect.left(), rect.top() + number * step + metrics.ascent())
        painter.drawText(baseline, shown)
