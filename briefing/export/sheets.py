"""Sheets of cards to cut out: duplex cut-out cards, and fold cards for simplex printers."""

from __future__ import annotations

import math
from collections.abc import Sequence

from briefing.core.model import Card, Deck
from briefing.export.canvas import Align, Canvas, text_width
from briefing.export.chrome import paint_page_furniture
from briefing.export.document import Layout, Tick
from briefing.export.faces import paint_back, paint_front
from briefing.export.geometry import (
    CROP_GAP,
    PageFrame,
    Rect,
    back_cells,
    card_cells,
    crop_marks,
    fold_pairs,
)
from briefing.export.options import ExportOptions
from briefing.export.print_style import Palette, font

CARDS_HINT = "Print double-sided, flipping on the long edge; cut along the marks."
FOLD_HINT = "Cut along the marks; fold along the dashed line."
FOLD_LABEL = "fold"


def _paint_crop_marks(canvas: Canvas, card: Rect, palette: Palette) -> None:
    for x1, y1, x2, y2 in crop_marks(card):
        canvas.line(x1, y1, x2, y2, palette.marks, 0.4)


class CutCards(Layout):
    """Fronts on one page, their backs on the next, mirrored to land behind them."""

    def __init__(
        self, deck: Deck, cards: Sequence[Card], options: ExportOptions, frame: PageFrame
    ) -> None:
        super().__init__(deck, cards, options, frame)
        self.fronts = card_cells(frame, self.per_page)
        self.backs = back_cells(frame, self.per_page, options.offset_mm)

    def plan(self, tick: Tick | None = None) -> int:  # arithmetic: nothing to wait for
        return 2 * max(1, math.ceil(len(self.cards) / self.per_page))

    def paint(self, canvas: Canvas, page: int, pages: int) -> None:
        sheet, side = divmod(page, 2)
        sheets = pages // 2
        which = "backs" if side else "fronts"
        paint_page_furniture(
            canvas,
            self.frame,
            self.deck,
            self.palette,
            header_right=f"Sheet {sheet + 1} of {sheets}, {which}",
            footer_left=CARDS_HINT,
            page=page + 1,
            pages=pages,
        )
        cards = self.cards[sheet * self.per_page : (sheet + 1) * self.per_page]
        cells = self.backs if side else self.fronts
        paint = paint_back if side else paint_front
        for card, cell in zip(cards, cells, strict=False):
            paint(canvas, cell, self.deck, card, self.palette)
            _paint_crop_marks(canvas, cell, self.palette)


class FoldCards(Layout):
    """Each card's front and back side by side, to cut out as one and fold down the middle."""

    def __init__(
        self, deck: Deck, cards: Sequence[Card], options: ExportOptions, frame: PageFrame
    ) -> None:
        super().__init__(deck, cards, options, frame)
        self.pairs = fold_pairs(frame, self.per_page)

    def plan(self, tick: Tick | None = None) -> int:
        return max(1, math.ceil(len(self.cards) / self.per_page))

    def paint(self, canvas: Canvas, page: int, pages: int) -> None:
        paint_page_furniture(
            canvas,
            self.frame,
            self.deck,
            self.palette,
            header_right=f"Sheet {page + 1} of {pages}",
            footer_left=FOLD_HINT,
            page=page + 1,
            pages=pages,
        )
        palette = self.palette
        cards = self.cards[page * self.per_page : (page + 1) * self.per_page]
        for card, (front, back) in zip(cards, self.pairs, strict=False):
            paint_front(canvas, front, self.deck, card, palette)
            paint_back(canvas, back, self.deck, card, palette)
            pair = Rect(front.x, front.y, back.right - front.x, front.height)
            _paint_crop_marks(canvas, pair, palette)
            x = front.right
            canvas.line(x, pair.y, x, pair.bottom, palette.faint, 0.5, dash=(3, 2.5))
            label_font = font(size_pt=6, italic=True)
            width = text_width(FOLD_LABEL, label_font) + 2
            canvas.text(
                Rect(x - width / 2, pair.y - CROP_GAP - 9, width, 8),
                FOLD_LABEL,
                label_font,
                palette.faint,
                Align.AlignCenter,
            )
            canvas.line(x, pair.bottom + CROP_GAP, x, pair.bottom + 9, palette.faint, 0.5)
