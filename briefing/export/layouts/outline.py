"""The outline: the whole deck as one compact document, flowing from page to page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QTextDocument

from briefing.core.model import Card, Deck
from briefing.export import text, text_layout
from briefing.export.canvas import Align, Canvas
from briefing.export.chrome import paint_page_furniture
from briefing.export.flow import Block, Piece, flow
from briefing.export.geometry import PageFrame, Rect
from briefing.export.layout import Layout, Planning
from briefing.export.layouts.handout import CONTINUED, NOTES_LABEL
from briefing.export.options import ExportOptions
from briefing.export.print_style import font

_HEADING = text.FrontSizes(
    topic=12.5, headline=11, figure=11, figure_label=8.5, title_heading=True, figure_inline=True
)
_BODY_PT = 9.5
_NOTES_PT = 8.5
_CARD_GAP = 24.0  # above each card; a rule runs in it
_BACK_GAP = 6.0
_NOTES_GAP = 10.0
_NOTES_PAD = 9.0
_NOTES_HEAD = 20.0
_TITLE = -1  # the "card" the title block belongs to


@dataclass
class _Part:
    document: QTextDocument
    color: QColor
    kind: str  # "title", "heading", "back" or "notes"


class Outline(Layout):
    def __init__(
        self, deck: Deck, cards: Sequence[Card], options: ExportOptions, frame: PageFrame
    ) -> None:
        super().__init__(deck, cards, options, frame)
        self.content = frame.content()
        self._owners: list[tuple[int, int]] = []  # per block: (card or _TITLE, part number)
        self._pages: list[list[Piece]] = []
        self._cache: dict[int, list[_Part]] = {}

    def planning(self) -> Planning:
        blocks: list[Block] = []
        self._owners.clear()
        for card_index in [_TITLE, *range(len(self.cards))]:
            yield
            for number, part in enumerate(self._build(card_index)):
                blocks.append(self._block(part))
                self._owners.append((card_index, number))
        self._pages = flow(blocks, lambda _number: self.content.height)
        return max(1, len(self._pages))

    def _build(self, card_index: int) -> list[_Part]:
        width = self.content.width
        palette = self.palette
        if card_index == _TITLE:
            title = text.title_document(self.deck, width, palette, len(self.cards))
            return [_Part(title, palette.ink, "title")]
        card = self.cards[card_index]
        parts = [
            _Part(text.front_document(card, width, _HEADING, palette), palette.ink, "heading"),
            _Part(
                text.back_document(
                    self.deck,
                    card,
                    width,
                    _BODY_PT,
                    palette,
                    max_image_height_pt=self.content.height * 0.35,
                    compact_sources=True,
                ),
                palette.body,
                "back",
            ),
        ]
        if self.options.notes and card.notes:
            notes = text.notes_document(self.deck, card, width - 2 * _NOTES_PAD, _NOTES_PT, palette)
            parts.append(_Part(notes, palette.secondary, "notes"))
        return parts

    @staticmethod
    def _block(part: _Part) -> Block:
        height = text_layout.height_pt(part.document)
        breaks = text_layout.line_breaks(part.document)
        if part.kind == "title":
            return Block(height, (height,), keep_with_next=True)
        if part.kind == "heading":
            return Block(height, (height,), space_before=_CARD_GAP, keep_with_next=True)
        if part.kind == "notes":
            return Block(
                height,
                breaks,
                space_before=_NOTES_GAP,
                head=_NOTES_HEAD,
                head_continued=_NOTES_HEAD,
                foot=_NOTES_PAD,
            )
        return Block(height, breaks, space_before=_BACK_GAP)

    def _parts(self, card_index: int) -> list[_Part]:
        if card_index not in self._cache:
            self._cache[card_index] = self._build(card_index)
        return self._cache[card_index]

    def paint(self, canvas: Canvas, page: int, pages: int) -> None:
        paint_page_furniture(
            canvas,
            self.frame,
            self.deck,
            self.palette,
            header_right=self.deck.date,
            footer_left=self.deck.author,
            page=page + 1,
            pages=pages,
        )
        pieces = self._pages[page] if page < len(self._pages) else []
        wanted = {self._owners[piece.block][0] for piece in pieces}
        self._cache = {k: v for k, v in self._cache.items() if k in wanted}
        palette = self.palette
        area = self.content
        for piece in pieces:
            card_index, number = self._owners[piece.block]
            part = self._parts(card_index)[number]
            y = area.y + piece.top
            x = area.x
            if part.kind == "heading" and piece.top > 0:
                rule = y - _CARD_GAP / 2
                canvas.line(area.x, rule, area.right, rule, palette.hairline, 0.6)
            if part.kind == "notes":
                height = piece.head + piece.end - piece.start + _NOTES_PAD
                canvas.fill(Rect(area.x, y, area.width, height), palette.tint, radius=3)
                label = NOTES_LABEL + (f" {CONTINUED}" if piece.continued else "")
                if piece.top == 0 and card_index != _TITLE:  # away from its card: name it
                    label += f" \u00b7 {self.cards[card_index].title}"
                canvas.text(
                    Rect(area.x + _NOTES_PAD, y + _NOTES_PAD * 0.7, area.width - 20, 10),
                    label,
                    font(size_pt=7, weight=QFont.Weight.DemiBold, caps=True),
                    palette.accent,
                    Align.AlignLeft | Align.AlignTop,
                )
                x += _NOTES_PAD
            text_layout.draw(
                canvas.painter, part.document, x, y + piece.head, piece.start, piece.end, part.color
            )
