"""A plain-text label that shrinks its font until the text fits, instead of clipping."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from briefing.gui.painting import draw_elided_paragraph


class FitLabel(QLabel):
    """Paints its text at the stylesheet's font size, or smaller when that would not fit.

    The stylesheet's size is the largest used; the font steps down to ``min_scale`` of it.
    With ``wrap`` the text wraps onto as many lines as fit the height, otherwise it stays
    on one line. If even the smallest size does not fit, the text ends in an ellipsis
    rather than being cut mid-line (``min_scale=1`` gives a label that only elides).
    """

    def __init__(
        self, parent: QWidget | None = None, *, wrap: bool = True, min_scale: float = 0.5
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setIndent(0)
        self._wrap = wrap
        self._min_scale = min_scale
        self._cache: tuple[tuple[object, ...], QFont] | None = None
        vertical = QSizePolicy.Policy.Ignored if wrap else QSizePolicy.Policy.Fixed
        self.setSizePolicy(QSizePolicy.Policy.Ignored, vertical)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        line = QFontMetricsF(self.font()).height()
        return QSize(100, round(line) + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height()) if not self._wrap else QSize(0, 0)

    def fitted_font(self) -> QFont:
        """The font the text is painted in at the current size."""
        rect = self.contentsRect()
        base = self.font()
        key = (self.text(), rect.width(), rect.height(), base.key())
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._fit(base, rect))
        return self._cache[1]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.fitted_font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        font = painter.font()
        if self._wrap and not self._fits(font, rect):
            draw_elided_paragraph(painter, rect.toRectF(), font, self.text(), leading=1.0)
            return
        text = self.text()
        if not self._wrap:
            metrics = QFontMetricsF(font)
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, self._flags(), text)

    def is_elided(self) -> bool:
        """Whether even the smallest size is too big, so the text ends in an ellipsis."""
        return not self._fits(self.fitted_font(), self.contentsRect())

    def _flags(self) -> int:
        flags = int(self.alignment().value)
        return flags | int(Qt.TextFlag.TextWordWrap.value) if self._wrap else flags

    def _fit(self, base: QFont, rect: QRect) -> QFont:
        pixels = base.pixelSize() if base.pixelSize() > 0 else round(base.pointSizeF() * 4 / 3)
        smallest = min(pixels, max(9, round(pixels * self._min_scale)))
        font = QFont(base)
        for size in range(pixels, smallest - 1, -1):
            font.setPixelSize(size)
            if self._fits(font, rect):
                break
        return font

    def _fits(self, font: QFont, rect: QRect) -> bool:
        metrics = QFontMetricsF(font)
        if not self._wrap:
            return metrics.horizontalAdvance(self.text()) <= rect.width()
        bound = metrics.boundingRect(rect.toRectF(), self._flags(), self.text())
        return bound.height() <= rect.height() and bound.width() <= rect.width() + 0.5
