"""Page furniture shared by every layout: marking banners, header and footer."""

from __future__ import annotations

from PySide6.QtGui import QFont

from briefing.core.model import Deck
from briefing.export.canvas import Align, Canvas, text_width
from briefing.export.geometry import PageFrame, Rect
from briefing.export.print_style import Palette, font


def paint_page_furniture(
    canvas: Canvas,
    frame: PageFrame,
    deck: Deck,
    palette: Palette,
    *,
    header_right: str,
    footer_left: str,
    page: int,
    pages: int,
) -> None:
    """Marking banners, the deck title and ``header_right`` above, ``footer_left`` and
    "Page N of M" below."""
    if deck.marking:
        for rect in (frame.banner_top(), frame.banner_bottom()):
            paint_banner(canvas, rect, deck.marking, palette)

    header = frame.header()
    right_font = font(size_pt=8.5)
    right_width = min(text_width(header_right, right_font) + 1, header.width * 0.45)
    canvas.text(
        Rect(header.x, header.y, header.width - right_width - 16, header.height),
        deck.title,
        font(size_pt=9, weight=QFont.Weight.DemiBold),
        palette.ink,
        Align.AlignLeft | Align.AlignBottom,
    )
    if header_right:
        canvas.text(
            Rect(header.right - right_width, header.y, right_width, header.height),
            header_right,
            right_font,
            palette.muted,
            Align.AlignRight | Align.AlignBottom,
        )
    rule_y = header.bottom + 4
    canvas.line(header.x, rule_y, header.right, rule_y, palette.hairline, 0.6)

    footer = frame.footer()
    canvas.line(footer.x, footer.y - 4, footer.right, footer.y - 4, palette.hairline, 0.6)
    number = f"Page {page} of {pages}"
    number_font = font(size_pt=8)
    number_width = text_width(number, number_font)
    canvas.text(
        Rect(footer.right - number_width - 1, footer.y, number_width + 1, footer.height),
        number,
        number_font,
        palette.muted,
        Align.AlignRight | Align.AlignVCenter,
    )
    if footer_left:
        canvas.text(
            Rect(footer.x, footer.y, footer.width - number_width - 24, footer.height),
            footer_left,
            font(size_pt=7.5),
            palette.muted,
            Align.AlignLeft | Align.AlignVCenter,
        )


def paint_banner(canvas: Canvas, rect: Rect, marking: str, palette: Palette) -> None:
    background, ink = palette.banner_colors(marking)
    canvas.fill(rect, background, radius=1.5)
    canvas.text(
        rect.inset(6, 0),
        marking,
        font(size_pt=7, weight=QFont.Weight.Bold, caps=True),
        ink,
        Align.AlignCenter,
    )
