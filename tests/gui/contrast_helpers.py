"""Contrast read from pixels: the colours a widget's text is actually drawn in, against what
is actually behind it, as the WCAG ratio."""

from __future__ import annotations

import numpy
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from briefing.gui.card.back import CardBack

MINIMUM = 4.5  # WCAG AA, normal text
MINIMUM_LARGE = 3.0  # WCAG AA, large text: 24 px, or 18.67 px bold


def relative_luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_and_background(image: QImage) -> tuple[QColor, QColor]:
    """The background is the commonest colour; the text is the colour, among those drawn in
    at least a few pixels (glyph stems, not stray antialiasing), furthest from it."""
    colours, first, counts = numpy.unique(_pixels(image), return_index=True, return_counts=True)
    # Of colours as common, the one met first (a gradient's rows tie): top left wins.
    commonest = numpy.flatnonzero(counts == counts.max())
    background = QColor(int(colours[commonest[first[commonest].argmin()]]) & 0xFFFFFF)
    drawn = [QColor(int(rgb) & 0xFFFFFF) for rgb in colours[counts >= 3]] or [background]
    text = max(drawn, key=lambda color: contrast_ratio(color, background))
    return text, background


def _pixels(image: QImage) -> numpy.ndarray:
    """The image's pixels as 32-bit RGB values (alpha always 0xFF), row after row; a copy,
    as the converted image's memory goes with it."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height, line = rgb.width(), rgb.height(), rgb.bytesPerLine() // 4
    rows = numpy.frombuffer(rgb.constBits(), dtype=numpy.uint32, count=height * line)
    return rows.reshape(height, line)[:, :width].copy().ravel()


def is_large_text(widget: QWidget) -> bool:
    font = widget.font()
    size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
    return size >= 24 or (font.bold() and size >= 18.6)


def text_contrast(
    window_image: QImage, window: QWidget, widget: QWidget, area: QRect | None = None
) -> float:
    """The contrast of ``widget``'s text in ``window_image``, a grab of ``window`` (grabbing
    the widget alone would not show what its parent paints behind it). ``area``, in the
    widget's coordinates, leaves out a frame or arrow drawn around the text."""
    part = area if area is not None else widget.rect()
    top_left = widget.mapTo(window, part.topLeft())
    ratio = window_image.devicePixelRatio()
    scaled = QRect(
        int(top_left.x() * ratio),
        int(top_left.y() * ratio),
        int(part.width() * ratio),
        int(part.height() * ratio),
    )
    text, background = text_and_background(window_image.copy(scaled))
    return contrast_ratio(text, background)


def inside_frame(widget: QWidget, frame: int = 4, right: int = 0) -> QRect:
    """The widget's rectangle less a frame around it (and ``right`` px for an arrow)."""
    return widget.rect().adjusted(frame, frame, -frame - right, -frame)


def required(widget: QWidget) -> float:
    return MINIMUM_LARGE if is_large_text(widget) else MINIMUM


QUOTE_BAR_ROOM = 8


def top_row_cuts_text(back: CardBack) -> bool:
    """Whether the first row of pixels of a card back's text crosses a line of text: a line
    cut in half at the top."""
    image = back.browser.viewport().grab().toImage()
    background = image.pixelColor(image.width() - 2, 0)
    # A quote's bar runs down its left edge, through every line: only text counts.
    row = (image.pixelColor(x, 0) for x in range(QUOTE_BAR_ROOM, image.width()))
    return any(abs(c.lightness() - background.lightness()) > 40 for c in row)
