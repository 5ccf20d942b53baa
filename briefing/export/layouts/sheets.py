"""Sheets of cards to cut out: duplex cut-out cards, and fold cards for simplex printers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.core.model import Card, Deck
from briefing.export.canvas import Align, Canvas, text_width
from briefing.export.chrome import paint_page_furniture
from briefing.export.faces import BackPlan, paint_back, paint_front, plan_back
from briefing.export.geometry import (
    CROP_GAP,
    PageFrame,
    Rect,
    back_cells,
    card_cells,
    crop_marks,
    fold_pairs,
)
from briefing.export.layout import Layout, Planning
from briefing.export.options import ExportOptions
from briefing.export.print_style import Palette, font

CARDS_HINT = "Print double-sided, flipping on the long edge; cut along the marks."
FOLD_HINT = "Cut along the marks; fold along the dashed line."
FOLD_LABEL = "fold"


def _paint_crop_marks(canvas: Canvas, card: Rect, palette: Palette) -> None:
    for x1, y1, x2, y2 in crop_marks(card):
        canvas.line(x1, y1, x2, y2, palette.marks, 0.4)


FRONT = -1  # a face's part: the card's front; 0, 1... are parts of its back


@dataclass(frozen=True)
class Face:
    card: int
    part: int


def _slots(plans: Sequence[BackPlan]) -> list[tuple[Face, Face | None]]:
    """Each card to cut out, as (front side, back side): a card's own (front, first part of
    the back), then for a back too long for one face, continuation cards holding the rest,
    two parts each."""
    slots: list[tuple[Face, Face | None]] = []
    for index, plan in enumerate(plans):
        slots.append((Face(index, FRONT), Face(index, 0)))
        for part in range(1, len(plan.parts), 2):
            after = Face(index, part + 1) if part + 1 < len(plan.parts) else None
            slots.append((Face(index, part), after))
    return slots


class _Sheets(Layout):
    """Cards in slots on sheets; a long back goes on over continuation cards."""

    face: Rect  # the size of every face on the sheet

    def planning(self) -> Planning:
        self.plans: list[BackPlan] = []
        for card in self.cards:
            yield
            self.plans.append(plan_back(self.face, self.deck, card, self.palette))
        self.slots = _slots(self.plans)
        return self.sheets()

    def sheets(self) -> int:
        return max(1, math.ceil(len(self.slots) / self.per_page))

    def paint_face(self, canvas: Canvas, cell: Rect, face: Face | None) -> None:
        if face is None:
            return
        card = self.cards[face.card]
        if face.part == FRONT:
            paint_front(canvas, cell, self.deck, card, self.palette)
        else:
            plan = self.plans[face.card]
            paint_back(canvas, cell, self.deck, card, self.palette, plan, face.part)


class CutCards(_Sheets):
    """Fronts on one page, their backs on the next, mirrored to land behind them."""

    def __init__(
        self, deck: Deck, cards: Sequence[Card], options: ExportOptions, frame: PageFrame
    ) -> None:
        super().__init__(deck, cards, options, frame)
        self.fronts = card_cells(frame, self.per_page)
        self.backs = back_cells(frame, self.per_page, options.offset_mm)
        self.face = self.fronts[0]

    def planning(self) -> Planning:
        sheets = yield from super().planning()
        last = self.slots[(sheets - 1) * self.per_page :]
        if last and all(back is None for _front, back in last):
            return 2 * sheets - 1  # the last sheet's backs page would be blank: left out
        return 2 * sheets

    def paint(self, canvas: Canvas, page: int, pages: int) -> None:
        sheet, side = divmod(page, 2)
        sheets = self.sheets()
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
        slots = self.slots[sheet * self.per_page : (sheet + 1) * self.per_page]
        cells = self.backs if side else self.fronts
        for slot, cell in zip(slots, cells, strict=False):
            self.paint_face(canvas, cell, slot[side])
            _paint_crop_marks(canvas, cell, self.palette)


class FoldCards(_Sheets):
    """Each card's front and back side by side, to cut out as one and fold down the middle."""

    def __init__(
        self, deck: Deck, cards: Sequence[Card], options: ExportOptions, frame: PageFrame
    ) -> None:
        super().__init__(deck, cards, options, frame)
        self.pairs = fold_pairs(frame, self.per_page)
        self.face = self.pairs[0][0]

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
        slots = self.slots[page * self.per_page : (page + 1) * self.per_page]
        for (first, second), (front, back) in zip(slots, self.pairs, strict=False):
            self.paint_face(canvas, front, first)
            self.paint_face(canvas, back, second)
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
