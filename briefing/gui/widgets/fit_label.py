"""A plain-text label that shrinks its font until the text fits, instead of clipping."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QSizePolicy, QWidget

from briefing.gui.widgets.highlight_label import HighlightLabel


class FitLabel(HighlightLabel):
    """Paints its text at the stylesheet's font size, or smaller when that would not fit.

    The stylesheet's size is the largest used; the font steps down to ``min_scale`` of it.
    With ``wrap`` the text wraps onto as many lines as fit the height, otherwise it stays
    on one line. If even the smallest size does not fit, the text ends in an ellipsis
    rather than being cut mid-line (``min_scale=1`` gives a label that only elides);
    :meth:`height_at_smallest` is the room that avoids it, for a container that scrolls.
    """

    def __init__(
        self, parent: QWidget | None = None, *, wrap: bool = True, min_scale: float = 0.5
    ) -> None:
        super().__init__(parent)
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

    def painted_font(self) -> QFont:
        return self.fitted_font()

    def smallest_font(self) -> QFont:
        """The smallest size the text steps down to."""
        font = QFont(self.font())
        font.setPixelSize(self._smallest_pixels(font))
        return font

    def height_at_smallest(self, width: int) -> int:
        """The label's height (margins included) that shows its whole text, wrapped to
        ``width`` (margins included) at the smallest size: with this much room it never
        elides."""
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        bound = QFontMetricsF(self.smallest_font()).boundingRect(
            QRectF(0, 0, inner, 1_000_000), self._flags(), self.text()
        )
        return math.ceil(bound.height()) + margins.top() + margins.bottom()

    def wraps(self) -> bool:
        return self._wrap

    def is_elided(self) -> bool:
        """Whether even the smallest size is too big, so the text ends in an ellipsis."""
        return not self._fits(self.fitted_font(), self.contentsRect())

    def shown_text(self, font: QFont, rect: QRect) -> tuple[str, int]:
        text = self.text()
        if self._fits(font, rect):
            return text, len(text)
        if self._wrap:
            start = self._last_line_start(text, font, rect)
            head, rest = text[:start], text[start:]
        else:
            head, rest = "", text
        rest = rest.replace("\n", " ")
        elided = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, rect.width())
        kept = next(
            (i for i, (a, b) in enumerate(zip(elided, rest, strict=False)) if a != b),
            min(len(elided), len(rest)),
        )
        return head + elided, len(head) + kept

    def _last_line_start(self, text: str, font: QFont, rect: QRect) -> int:
        """Where the last line that fits the height starts, with the text laid out in full."""
        document = self.plain_document(text, font, rect.width())
        document.size()  # lays the text out: until then its blocks have no lines
        start = 0
        block = document.begin()
        while block.isValid():
            layout = block.layout()
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                if layout.position().y() + line.y() + line.height() > rect.height():
                    return start
                start = block.position() + line.textStart()
            block = block.next()
        return start

    def _flags(self) -> int:
        flags = int(self.alignment().value)
        return flags | int(Qt.TextFlag.TextWordWrap.value) if self._wrap else flags

    @staticmethod
    def _pixels(font: QFont) -> int:
        return font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 4 / 3)

    def _smallest_pixels(self, font: QFont) -> int:
        pixels = self._pixels(font)
        return min(pixels, max(9, round(pixels * self._min_scale)))

    def _fit(self, base: QFont, rect: QRect) -> QFont:
        pixels = self._pixels(base)
        smallest = self._smallest_pixels(base)
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
