"""Export one card face as a PNG image, for an email or a slide."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter

from briefing.core.model import Card, Deck
from briefing.export.canvas import Canvas
from briefing.export.document import ExportError
from briefing.export.faces import paint_back, paint_front
from briefing.export.geometry import Rect
from briefing.export.options import Side
from briefing.export.print_style import LAYOUT_DPI, palette
from briefing.export.savefile import save_bytes
from briefing.render.fonts import ensure_fonts

# The face of a card image, in points: 5 x 3.33 inches, landscape like the card on screen.
FACE = Rect(0, 0, 360, 240)
MAX_WIDTH_PX = 8000


def image_size(width_px: int) -> tuple[int, int]:
    """The (width, height) in pixels of a card image ``width_px`` wide."""
    return width_px, round(width_px * FACE.height / FACE.width)


def render_card_image(deck: Deck, card: Card, side: Side, width_px: int = 1600) -> QImage:
    if side not in ("front", "back"):
        raise ExportError(f"a card has a front and a back, not {side!r}")
    if not 16 <= width_px <= MAX_WIDTH_PX:
        raise ExportError(f"an image is 16 to {MAX_WIDTH_PX} pixels wide, not {width_px}")
    ensure_fonts()
    width, height = image_size(width_px)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    # Painted at the layout resolution so letter spacing comes out as in a PDF; the file
    # then says the resolution the face really has.
    layout_dpm = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(layout_dpm)
    image.setDotsPerMeterY(layout_dpm)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(width / FACE.width, height / FACE.height)
        if side == "front":
            paint_front(Canvas(painter), FACE, deck, card, palette())
        else:
            paint_back(Canvas(painter), FACE, deck, card, palette())
    finally:
        painter.end()
    real_dpm = round(width / (FACE.width / 72) / 0.0254)
    image.setDotsPerMeterX(real_dpm)
    image.setDotsPerMeterY(real_dpm)
    return image


def export_card_image(
    deck: Deck,
    card: Card,
    side: Side,
    path: str | os.PathLike[str],
    width_px: int = 1600,
) -> None:
    """Write ``card``'s ``side`` ("front" or "back") to the PNG file ``path``, whole or not at
    all; raises ``ExportError`` with a one-line message."""
    image = render_card_image(deck, card, side, width_px)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs ask for bytes; PySide6 takes the format only as str.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ExportError("could not encode the card as PNG")
    buffer.close()
    save_bytes(path, bytes(data.data()))
