"""Where things go on a printed page, in points (1/72 inch), origin at the paper's top left.

Pure Python, like ``options``: the tests check the duplex arithmetic against it without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

PT_PER_MM = 72 / 25.4
# Paper as Qt's PDF engine writes it in the MediaBox (whole points).
PAPER_PT: dict[str, tuple[float, float]] = {"A4": (595.0, 842.0), "Letter": (612.0, 792.0)}

# Page furniture, the same on every layout.
MARGIN_X = 54.0  # left and right
BANNER_INSET = 20.0  # paper edge to the marking banner (outside most printers' dead zone)
BANNER_HEIGHT = 13.0
BANNER_MAX_HEIGHT = 20.0  # a long marking's two lines: still clear of the header and footer
HEADER_TOP = 42.0  # the deck title's line
HEADER_RULE = 60.0  # hairline under the header
FOOTER_RULE = 60.0  # hairline above the footer, from the bottom edge
FOOTER_TEXT = 46.0  # the footer's line, from the bottom edge (its bottom)
FOOTER_MAX_HEIGHT = 24.0  # a long footer's lines: still under the content (CONTENT_TOP up)
CONTENT_TOP = 76.0  # text pages: handout and outline
SHEET_TOP = 84.0  # card sheets: leaves room for the crop marks
GUTTER = 24.0  # between cut-out cards and between fold pairs
CROP_GAP = 3.0  # from a card's corner to its crop mark
CROP_LENGTH = 8.0  # kept under GUTTER / 2 - CROP_GAP so marks never reach the next card
FOLD_MAX_ASPECT = 1.45  # a fold card's face is at most this tall for its width

# Cut-out cards: cards per sheet -> (columns, rows).
CARD_GRID: dict[int, tuple[int, int]] = {2: (1, 2), 4: (2, 2), 6: (2, 3)}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def moved(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.width, self.height)

    def inset(self, dx: float, dy: float | None = None) -> Rect:
        dy = dx if dy is None else dy
        return Rect(self.x + dx, self.y + dy, self.width - 2 * dx, self.height - 2 * dy)


@dataclass(frozen=True)
class PageFrame:
    """The fixed parts of a page of ``width`` x ``height`` points."""

    width: float
    height: float

    @classmethod
    def for_paper(cls, page_size: str) -> PageFrame:
        return cls(*PAPER_PT[page_size])

    @property
    def text_width(self) -> float:
        return self.width - 2 * MARGIN_X

    def banner_top(self) -> Rect:
        return Rect(MARGIN_X, BANNER_INSET, self.text_width, BANNER_HEIGHT)

    def banner_bottom(self) -> Rect:
        return Rect(
            MARGIN_X, self.height - BANNER_INSET - BANNER_HEIGHT, self.text_width, BANNER_HEIGHT
        )

    def header(self) -> Rect:
        return Rect(MARGIN_X, HEADER_TOP, self.text_width, HEADER_RULE - HEADER_TOP - 4)

    def footer(self) -> Rect:
        top = self.height - FOOTER_RULE + 4
        return Rect(MARGIN_X, top, self.text_width, self.height - FOOTER_TEXT - top)

    def content(self) -> Rect:
        """Where a handout or outline page's text goes."""
        return Rect(MARGIN_X, CONTENT_TOP, self.text_width, self.height - 2 * CONTENT_TOP)

    def sheet(self) -> Rect:
        """Where cut-out cards and fold pairs go."""
        return Rect(MARGIN_X, SHEET_TOP, self.text_width, self.height - 2 * SHEET_TOP)


def card_cells(frame: PageFrame, per_page: int) -> list[Rect]:
    """The cut-out cards of a front page, row by row, left to right."""
    columns, rows = CARD_GRID[per_page]
    area = frame.sheet()
    width = (area.width - (columns - 1) * GUTTER) / columns
    height = (area.height - (rows - 1) * GUTTER) / rows
    return [
        Rect(area.x + c * (width + GUTTER), area.y + r * (height + GUTTER), width, height)
        for r in range(rows)
        for c in range(columns)
    ]


def back_cells(
    frame: PageFrame, per_page: int, offset_mm: tuple[float, float] = (0.0, 0.0)
) -> list[Rect]:
    """Where each front's back goes on the following page, in the fronts' order.

    Printed double-sided with a long-edge flip, the sheet turns about its vertical axis:
    the card at column ``c`` lands at column ``columns - 1 - c`` and rows stay. Each back is
    then moved by the printer offset (x right, y down, in millimetres).
    """
    columns, _rows = CARD_GRID[per_page]
    fronts = card_cells(frame, per_page)
    dx, dy = offset_mm[0] * PT_PER_MM, offset_mm[1] * PT_PER_MM
    backs = []
    for index, _front in enumerate(fronts):
        row, column = divmod(index, columns)
        mirrored = fronts[row * columns + (columns - 1 - column)]
        backs.append(mirrored.moved(dx, dy))
    return backs


def fold_pairs(frame: PageFrame, per_page: int) -> list[tuple[Rect, Rect]]:
    """(front, back) faces side by side, the fold between them, ``per_page`` pairs a sheet."""
    area = frame.sheet()
    face_width = area.width / 2
    height = (area.height - (per_page - 1) * GUTTER) / per_page
    height = min(height, face_width * FOLD_MAX_ASPECT)
    used = per_page * height + (per_page - 1) * GUTTER
    top = area.y + (area.height - used) / 2
    pairs = []
    for index in range(per_page):
        y = top + index * (height + GUTTER)
        pairs.append(
            (Rect(area.x, y, face_width, height), Rect(area.x + face_width, y, face_width, height))
        )
    return pairs


def crop_marks(card: Rect) -> list[tuple[float, float, float, float]]:
    """Short lines (x1, y1, x2, y2) continuing each edge of ``card`` outside its corners."""
    marks = []
    near, far = CROP_GAP, CROP_GAP + CROP_LENGTH
    for x, sx in ((card.x, -1), (card.right, 1)):
        for y, sy in ((card.y, -1), (card.bottom, 1)):
            marks.append((x + sx * near, y, x + sx * far, y))  # along the horizontal edge
            marks.append((x, y + sy * near, x, y + sy * far))  # along the vertical edge
    return marks
