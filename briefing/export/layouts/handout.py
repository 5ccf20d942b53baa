"""The handout: one or two cards a page, front above back, notes optional.

A card too long for the room left continues on the next page ("continued on next page" at the
bottom, "TITLE (continued)" at the top of the next), split only between lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QTextDocument

from briefing.core.model import Card, Deck, Source
from briefing.export import text, text_layout
from briefing.export.canvas import Align, Canvas, line_height, text_width
from briefing.export.chrome import paint_page_furniture
from briefing.export.flow import Block, Piece, flow
from briefing.export.geometry import PageFrame, Rect
from briefing.export.layout import Layout, Planning
from briefing.export.options import ExportOptions
from briefing.export.print_style import font

CONTINUED_NEXT_PAGE = "continued on next page \u2192"
CONTINUED = "(continued)"
NOTES_LABEL = "Speaker notes"

_SLOT_GAP = 30.0  # above a card in the middle of a page (a rule runs in its middle)
_MIN_ROOM = 0.4  # of the page, left for a second card to start on it
_MARKER = 16.0  # reserved at the bottom of a page for "continued on next page"
_CONTINUED_HEAD = 24.0  # over a card's later parts, for "TITLE (continued)"
_BACK_GAP = 20.0  # between the front's figure and the body (a rule runs in its middle)
_NOTES_GAP = 16.0
_NOTES_PAD = 10.0  # inside the notes' box
_NOTES_HEAD = 22.0  # the box's top padding and its label


@dataclass(frozen=True)
class _Sizes:
    front: text.FrontSizes
    body: float
    notes: float


_SIZES = {
    1: _Sizes(text.FrontSizes(topic=9, headline=20, figure=26, figure_label=9.5), 10.0, 9.0),
    2: _Sizes(text.FrontSizes(topic=8, headline=15, figure=19, figure_label=8.5), 9.0, 8.5),
}


@dataclass(frozen=True)
class _Placed:
    """Frame ``frame`` of card ``card``, drawn from ``top`` down a page."""

    card: int
    frame: int
    top: float


@dataclass
class _Part:
    document: QTextDocument
    color: QColor
    kind: str  # "front", "back" or "notes"


class Handout(Layout):
    """Cards down the pages: each starts a page or, two a page, follows the page's first
    card when enough of the page is left.

    A card longer than the room left continues at the top of the next page, as many pages
    as it needs; the next card starts below its end or on a page of its own.
    """

    def __init__(
        self, deck: Deck, cards: Sequence[Card], options: ExportOptions, frame: PageFrame
    ) -> None:
        super().__init__(deck, cards, options, frame)
        self.sizes = _SIZES[self.per_page]
        self.content = frame.content()
        self._frames: list[list[list[Piece]]] = []  # per card, its pieces in each frame
        self._pages: list[list[_Placed]] = []
        self._cached: tuple[int, list[_Part]] | None = None

    # ---- planning ------------------------------------------------------------------------

    def planning(self) -> Planning:
        self._frames.clear()
        self._pages = [[]]
        top = self.content.y
        started = 0  # cards on the current page, a continued card's end included
        whole_page = self.content.height - _MARKER
        for index, card in enumerate(self.cards):
            yield
            blocks = [self._block(part) for part in self._parts(card)]
            frames = flow(blocks, self._frame_heights(self.content.bottom - top - _MARKER))
            if started and len(frames) > 1:
                on_a_page = flow(blocks, self._frame_heights(whole_page))
                if len(on_a_page) == 1:  # it fits a page of its own: never split it
                    self._pages.append([])
                    top = self.content.y
                    started = 0
                    frames = on_a_page
            self._frames.append(frames)
            for number in range(len(frames)):
                if number:
                    self._pages.append([])
                    top = self.content.y
                self._pages[-1].append(_Placed(index, number, top))
            started = 1 if len(frames) > 1 else started + 1
            last = frames[-1]
            used = max(p.bottom + blocks[p.block].foot for p in last) if last else 0.0
            end = top + (_CONTINUED_HEAD if len(frames) > 1 else 0.0) + used
            top = end + _SLOT_GAP
            room = self.content.bottom - top
            if index + 1 < len(self.cards) and (
                started >= self.per_page or room < _MIN_ROOM * self.content.height
            ):
                self._pages.append([])
                top = self.content.y
                started = 0
        return len(self._pages)

    def _frame_heights(self, first: float) -> Callable[[int], float]:
        """The room for a card's frames: ``first`` on its first page, a page after that."""
        later = self.content.height - _MARKER - _CONTINUED_HEAD
        return lambda number: first if number == 0 else later

    def _parts(self, card: Card) -> list[_Part]:
        if self._cached is not None and self._cached[0] == id(card):
            return self._cached[1]
        width = self.content.width
        sizes = self.sizes
        parts = [
            _Part(
                text.front_document(card, width, sizes.front, self.palette),
                self.palette.ink,
                "front",
            ),
            _Part(
                text.back_document(
                    self.deck,
                    card,
                    width,
                    sizes.body,
                    self.palette,
                    max_image_height_pt=self.content.height * 0.4 / self.per_page,
                    compact_sources=self.per_page > 1,  # two a page: every line counts
                ),
                self.palette.body,
                "back",
            ),
        ]
        if self.options.notes and card.notes:
            notes = text.notes_document(
                self.deck, card, width - 2 * _NOTES_PAD, sizes.notes, self.palette
            )
            parts.append(_Part(notes, self.palette.secondary, "notes"))
        self._cached = (id(card), parts)
        return parts

    @staticmethod
    def _block(part: _Part) -> Block:
        height = text_layout.height_pt(part.document)
        breaks = text_layout.line_breaks(part.document)
        if part.kind == "back":
            return Block(height, breaks, space_before=_BACK_GAP)
        if part.kind == "notes":
            return Block(
                height,
                breaks,
                space_before=_NOTES_GAP,
                head=_NOTES_HEAD,
                head_continued=_NOTES_HEAD,
                foot=_NOTES_PAD,
            )
        return Block(height, breaks)

    # ---- painting ------------------------------------------------------------------------

    def paint(self, canvas: Canvas, page: int, pages: int) -> None:
        placed = self._pages[page]
        sources: list[Source] = []
        for item in placed:
            for source in self.deck.card_sources(self.cards[item.card]):
                if source not in sources:
                    sources.append(source)
        paint_page_furniture(
            canvas,
            self.frame,
            self.deck,
            self.palette,
            header_right=self.deck.date,
            footer_left=text.sources_line(sources),
            page=page + 1,
            pages=pages,
        )
        content = self.content
        for item in placed:
            if item.top > content.y + 1:  # a second card on the page: a rule above it
                y = item.top - _SLOT_GAP / 2
                canvas.line(content.x, y, content.right, y, self.palette.hairline, 0.75)
            self._paint_frame(canvas, item)

    def _paint_frame(self, canvas: Canvas, item: _Placed) -> None:
        card = self.cards[item.card]
        parts = self._parts(card)
        frames = self._frames[item.card]
        palette = self.palette
        content = self.content
        top = item.top
        if item.frame:
            self._paint_continued_head(canvas, card.title)
            top += _CONTINUED_HEAD
        for piece in frames[item.frame]:
            part = parts[piece.block]
            y = top + piece.top
            if part.kind == "back" and not piece.continued and piece.top > 0:
                rule = y - _BACK_GAP / 2
                canvas.line(content.x, rule, content.right, rule, palette.hairline, 0.6)
            x = content.x
            if part.kind == "notes":
                self._paint_notes_box(canvas, y, piece)
                x += _NOTES_PAD
            text_layout.draw(
                canvas.painter,
                part.document,
                x,
                y + piece.head,
                piece.start,
                piece.end,
                part.color,
            )
        if item.frame + 1 < len(frames):
            canvas.text(
                Rect(content.x, content.bottom - _MARKER, content.width, _MARKER),
                CONTINUED_NEXT_PAGE,
                font(size_pt=8, italic=True, weight=QFont.Weight.DemiBold),
                palette.accent,
                Align.AlignRight | Align.AlignBottom,
            )

    def _paint_continued_head(self, canvas: Canvas, title: str) -> None:
        palette = self.palette
        content = self.content
        size = self.sizes.front.topic
        title_font = font(size_pt=size, weight=QFont.Weight.DemiBold, caps=True)
        height = line_height(title_font)
        continued_font = font(size_pt=size, italic=True)
        gap = size * 0.5
        continued_width = text_width(CONTINUED, continued_font) + 2
        title_width = canvas.text(
            Rect(content.x, content.y, content.width - continued_width - gap, height),
            title,
            title_font,
            palette.accent,
        )
        canvas.text(
            Rect(content.x + title_width + gap, content.y, continued_width, height),
            CONTINUED,
            continued_font,
            palette.muted,
        )

    def _paint_notes_box(self, canvas: Canvas, y: float, piece: Piece) -> None:
        palette = self.palette
        content = self.content
        height = piece.head + piece.end - piece.start + _NOTES_PAD
        canvas.fill(Rect(content.x, y, content.width, height), palette.tint, radius=3)
        label = NOTES_LABEL + (f" {CONTINUED}" if piece.continued else "")
        size = self.sizes.notes * 0.82
        canvas.text(
            Rect(content.x + _NOTES_PAD, y + _NOTES_PAD * 0.7, content.width - 2 * _NOTES_PAD, 10),
            label,
            font(size_pt=size, weight=QFont.Weight.DemiBold, caps=True),
            palette.accent,
            Align.AlignLeft | Align.AlignTop,
        )
