"""Page furniture shared by every layout: marking banners, header and footer."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from briefing.core.model import Deck
from briefing.export.canvas import Align, Canvas, line_height, text_width
from briefing.export.geometry import BANNER_MAX_HEIGHT, PageFrame, Rect
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


MARKING_FLOOR_PT = 3.0  # below this a marking is unreadable; a longer one takes more lines


@dataclass(frozen=True)
class FittedMarking:
    """A marking set to fit a width: its font and its lines (never elided)."""

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
) -> FittedMarking:
    """``marking`` at the largest size, in half points from ``largest_pt`` down to
    ``smallest_pt``, at which it fits ``width`` in one line or, failing that, in up to
    ``max_lines`` lines within ``max_height``; if none fits, at ``smallest_pt`` in as many
    lines as it takes. Lines break only at spaces."""
    words = marking.split() or [""]
    size = largest_pt
    while True:
        fitted = FittedMarking(marking_font(size), _wrapped(words, marking_font(size), width))
        if size <= smallest_pt or fitted.fits(width, max_height, max_lines):
            return fitted
        size = max(smallest_pt, size - 0.5)


def _wrapped(words: list[str], marking_font: QFont, width: float) -> tuple[str, ...]:
    lines: list[str] = []
    for word in words:
        if lines and text_width(f"{lines[-1]} {word}", marking_font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return tuple(lines)


def paint_marking_lines(canvas: Canvas, rect: Rect, fitted: FittedMarking, color: QColor) -> None:
    """``fitted``'s lines centred in ``rect``, whole (a line wider than it spills over)."""
    step = fitted.line_height
    y = rect.y + (rect.height - fitted.height) / 2
    for line in fitted.lines:
        canvas.text(
            Rect(rect.x, y, rect.width, step),
            line,
            fitted.font,
            color,
            Align.AlignCenter,
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
    paint_marking_lines(canvas, strip.inset(6, 0), fitted, ink)
