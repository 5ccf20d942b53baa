"""Small painting helpers shared by the card view and the overview thumbnails."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
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
    """The card's shadow, drawn as a nine-patch cut from one small rendered image.

    Painting the stacked layers costs 10-20 ms at full size, too slow for each frame of a
    flip and, once per size, a large part of start-up and of every resize. So the layers are
    painted once, per colour, round a small card whose straight edges are just long enough
    to have a middle row and column that no corner reaches; the image is then drawn round
    any card as nine pieces: the corners as they are, the edges and the middle stretched.
    Drawn through the painter, the shadow still follows its transform while the card turns.
    """

    def __init__(self, radius: float, blur: int = 28, offset_y: float = 10.0) -> None:
        self._radius = radius
        self._blur = blur
        self._offset_y = offset_y

    def paint(self, painter: QPainter, rect: QRectF, color: QColor) -> None:
        margin = self._blur + 2
        # The size the shadow is drawn for, as the whole-image version always rounded it.
        width, height = round(rect.width()), round(rect.height())
        patch = _shadow_patch(color.rgba(), self._radius, self._blur, self._offset_y)
        painter.save()
        # A blur needs no smooth resampling, and skipping it halves the cost under a turn.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        # Neighbouring pieces share their edges exactly; antialiased, each would cover a
        # shared edge only partly and leave a faint seam.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.translate(rect.left() - margin, rect.top() - margin)
        if width < patch.card.width() or height < patch.card.height():
            # Too small a card for the patch's corners to fit: render the whole shadow.
            painter.drawImage(
                QPointF(0, 0),
                _shadow_image(
                    QSize(width, height), color.rgba(), self._radius, self._blur, self._offset_y
                ),
            )
        else:
            _draw_nine_patch(
                painter, patch, width - patch.card.width(), height - patch.card.height()
            )
        painter.restore()


class _ShadowPatch(NamedTuple):
    image: QImage
    card: QSize  # the card the shadow was painted round, ``blur + 2`` px in from the corner
    middle: QPoint  # the column and row that are stretched; no corner reaches them


def _draw_nine_patch(painter: QPainter, patch: _ShadowPatch, wider: int, taller: int) -> None:
    """Draw ``patch`` at the painter's origin for a card ``wider`` and ``taller`` than its own.

    Every coordinate is a whole number in the painter's space, so pieces that meet share an
    edge exactly, whatever the transform.
    """
    image, middle = patch.image, patch.middle
    source_x = (0, middle.x(), middle.x() + 1, image.width())
    source_y = (0, middle.y(), middle.y() + 1, image.height())
    target_x = (0, middle.x(), middle.x() + 1 + wider, image.width() + wider)
    target_y = (0, middle.y(), middle.y() + 1 + taller, image.height() + taller)
    for column in range(3):
        for row in range(3):
            painter.drawImage(
                QRectF(
                    target_x[column],
                    target_y[row],
                    target_x[column + 1] - target_x[column],
                    target_y[row + 1] - target_y[row],
                ),
                image,
                QRectF(
                    source_x[column],
                    source_y[row],
                    source_x[column + 1] - source_x[column],
                    source_y[row + 1] - source_y[row],
                ),
            )


@lru_cache(maxsize=8)
def _shadow_patch(rgba: int, radius: float, blur: int, offset_y: float) -> _ShadowPatch:
    # Every layer is a rounded rectangle grown by ``grow`` with radius ``radius + grow``, so
    # its corner arcs end ``radius`` px inside the card's edge whatever the grow: its edges
    # are straight from there on. The main layers are moved down ``offset_y`` and the
    # contact layers 1 px, so the straight part of them all, vertically, is the card's less
    # the spread of those offsets. The middle column and row keep 1 px from every arc.
    lowest, highest = max(offset_y, 1.0), min(offset_y, 1.0)
    middle = QPoint(math.ceil(radius) + 1, math.ceil(lowest + radius) + 1)
    card = QSize(math.ceil(middle.x() + 2 + radius), math.ceil(middle.y() + 2 + radius - highest))
    margin = blur + 2
    image = _shadow_image(card, rgba, radius, blur, offset_y)
    return _ShadowPatch(image, card, middle + QPoint(margin, margin))


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


ELLIPSIS = "\u2026"


def elide_at_word(metrics: QFontMetricsF, text: str, width: float) -> str:
    """``text`` if it fits ``width``; otherwise as many whole words as fit, then "…"
    (a word cut mid-way only when not even the first one fits)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    room = width - metrics.horizontalAdvance(ELLIPSIS)
    words = text.split(" ")
    kept = ""
    for count in range(1, len(words) + 1):
        candidate = " ".join(words[:count]).rstrip(" ,;:")
        if metrics.horizontalAdvance(candidate) > room:
            break
        kept = candidate
    if kept:
        return kept + ELLIPSIS
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def draw_elided_paragraph(
    painter: QPainter, rect: QRectF, font: QFont, text: str, leading: float = 1.1
) -> None:
    """Wrap ``text`` into ``rect``; the last line that fits ends in an ellipsis, after a
    whole word, if cut."""
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
        shown = elide_at_word(metrics, chunk, rect.width()) if last else chunk.rstrip()
        baseline = QPointF(rect.left(), rect.top() + number * step + metrics.ascent())
        painter.drawText(baseline, shown)
