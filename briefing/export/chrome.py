"""Page furniture shared by every layout: marking banners, header and footer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from briefing.core.model import Deck
from briefing.export.canvas import Align, Canvas, line_height, text_width
from briefing.export.geometry import BANNER_MAX_HEIGHT, FOOTER_MAX_HEIGHT, PageFrame, Rect
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
        paint_banner(canvas, frame.banner_top(), deck.marking, palette, grows_down=True)
        paint_banner(canvas, frame.banner_bottom(), deck.marking, palette, grows_down=False)

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
    top = footer.y
    if footer_left:
        top = paint_footer_text(
            canvas, footer, footer.width - number_width - 24, footer_left, palette
        )
    canvas.line(footer.x, top - 4, footer.right, top - 4, palette.hairline, 0.6)


def paint_footer_text(
    canvas: Canvas, footer: Rect, width: float, footer_text: str, palette: Palette
) -> float:
    """``footer_text`` (a page's sources) whole at the footer's left, in smaller type or on
    more lines going up into the room above the footer, never cut; returns its top."""
    fitted = fit_lines(
        footer_text,
        lambda size: font(size_pt=size),
        width,
        FOOTER_MAX_HEIGHT,
        7.5,
        smallest_pt=5.0,
        max_lines=3,
    )
    bottom = footer.y + (footer.height + fitted.line_height) / 2  # one line: centred
    box = Rect(footer.x, bottom - fitted.height, width, fitted.height)
    paint_lines(canvas, box, fitted, palette.muted, Align.AlignLeft)
    return min(footer.y, box.y)


MARKING_FLOOR_PT = 3.0  # below this a marking is unreadable; a longer one takes more lines


@dataclass(frozen=True)
class FittedLines:
    """Text set to fit a width: its font and its lines (never elided)."""

    font: QFont
    lines: tuple[str, ...]

    @property
    def line_height(self) -> float:
        return line_height(self.font)

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height

    @property
    def width(self) -> float:
        return max(text_width(line, self.font) for line in self.lines)

    def fits(self, width: float, max_height: float, max_lines: int) -> bool:
        if self.width > width:
            return False
        return len(self.lines) == 1 or (len(self.lines) <= max_lines and self.height <= max_height)


def marking_font(size_pt: float) -> QFont:
    return font(size_pt=size_pt, weight=QFont.Weight.Bold, caps=True)


def fit_marking(
    marking: str,
    width: float,
    max_height: float,
    largest_pt: float,
    *,
    smallest_pt: float = MARKING_FLOOR_PT,
    max_lines: int = 2,
) -> FittedLines:
    """``marking`` in bold capitals, fitted by ``fit_lines``."""
    return fit_lines(
        marking,
        marking_font,
        width,
        max_height,
        largest_pt,
        smallest_pt=smallest_pt,
        max_lines=max_lines,
    )


def fit_lines(
    text: str,
    font_at: Callable[[float], QFont],
    width: float,
    max_height: float,
    largest_pt: float,
    *,
    smallest_pt: float,
    max_lines: int = 2,
) -> FittedLines:
    """``text`` in ``font_at(size)`` at the largest size, in half points from ``largest_pt`` down to
    ``smallest_pt``, at which it fits ``width`` in one line or, failing that, in up to
    ``max_lines`` lines within ``max_height``; if none fits, at ``smallest_pt`` in as many
    lines as it takes. Lines break only at spaces."""
    words = text.split() or [""]
    size = largest_pt
    while True:
        sized = font_at(size)
        fitted = FittedLines(sized, _wrapped(words, sized, width))
        if size <= smallest_pt or fitted.fits(width, max_height, max_lines):
            return fitted
        size = max(smallest_pt, size - 0.5)


def _wrapped(words: list[str], line_font: QFont, width: float) -> tuple[str, ...]:
    lines: list[str] = []
    for word in words:
        if lines and text_width(f"{lines[-1]} {word}", line_font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return tuple(lines)


def paint_lines(
    canvas: Canvas,
    rect: Rect,
    fitted: FittedLines,
    color: QColor,
    align: Align = Align.AlignHCenter,
) -> None:
    """``fitted``'s lines in the middle of ``rect``, whole (a line wider spills over)."""
    step = fitted.line_height
    y = rect.y + (rect.height - fitted.height) / 2
    for line in fitted.lines:
        canvas.text(
            Rect(rect.x, y, rect.width, step),
            line,
            fitted.font,
            color,
            align | Align.AlignVCenter,
            elide=False,
        )
        y += step


def paint_banner(
    canvas: Canvas, rect: Rect, marking: str, palette: Palette, *, grows_down: bool
) -> None:
    """The marking in a strip across ``rect``: smaller type, then two lines (the strip grows
    away from the paper's edge into the room before the header or footer), never cut."""
    background, ink = palette.banner_colors(marking)
    inner = rect.inset(6, 0)
    fitted = fit_marking(marking, inner.width, BANNER_MAX_HEIGHT - 2, 7.0)
    grow = max(0.0, fitted.height + 2 - rect.height)
    strip = Rect(rect.x, rect.y if grows_down else rect.y - grow, rect.width, rect.height + grow)
    canvas.fill(strip, background, radius=1.5)
    paint_lines(canvas, strip.inset(6, 0), fitted, ink)
