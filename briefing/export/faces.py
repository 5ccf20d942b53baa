"""One card face in a fixed rectangle: for cut-out cards, fold cards and card images.

A face never overflows: the headline and then the body shrink, within limits, to fit; what
still does not fit ends at a line with a visible "…continued in the handout".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QTextDocument

from briefing.core.model import Card, Deck
from briefing.export import text, text_layout
from briefing.export.canvas import Align, Canvas, line_height
from briefing.export.chrome import fit_lines, fit_marking, paint_lines
from briefing.export.geometry import Rect
from briefing.export.print_style import Palette, font
from briefing.render.fonts import SANS
from briefing.render.safe_document import SafeDocument

CONTINUED_IN_HANDOUT = "\u2026continued in the handout"  # a card image: one face only
CONTINUED_ON_NEXT_CARD = "continued on the next card \u2192"
CONTINUED = "(continued)"
MIN_BODY_PT = 7.0
MIN_HEADLINE_PT = 8.0
MIN_TOPIC_PT = 5.0  # a long topic label: two lines, then type down to this, then more lines
ID_PT = 5.0
MARKING_PT = 5.5  # a face's marking, in its pill at the top line's right
MIN_MARKING_PT = 4.5  # smaller than this, a long marking takes a strip of its own
_PILL_PAD = 4.0
_REFERENCE_AREA = 231.0 * 335.0  # a quarter of an A4 sheet: the type sizes below are for it


@dataclass(frozen=True)
class FaceMetrics:
    padding: float
    topic: float
    headline: float
    figure: float
    figure_label: float
    body: float

    @classmethod
    def for_face(cls, face: Rect) -> FaceMetrics:
        k = min(1.3, max(0.8, math.sqrt(face.width * face.height / _REFERENCE_AREA)))
        return cls(
            padding=max(12.0, 15.0 * k),
            topic=7.0 * k,
            headline=15.0 * k,
            figure=21.0 * k,
            figure_label=7.0 * k,
            body=8.5 * k,
        )


def id_position(face: Rect) -> tuple[float, float]:
    """Where a face's card id starts (its left end and its top), the same on both sides."""
    padding = FaceMetrics.for_face(face).padding
    return face.x + padding, face.bottom - padding * 0.6 - line_height(_id_font())


def paint_front(canvas: Canvas, face: Rect, deck: Deck, card: Card, palette: Palette) -> None:
    metrics = FaceMetrics.for_face(face)
    inner = face.inset(metrics.padding)
    top = _paint_top_line(canvas, inner, card.title, deck.marking, metrics, palette)
    bottom = _paint_id(canvas, face, card, palette) - metrics.padding * 0.5
    if card.figure is not None:
        figure = text.figure_document(
            card, inner.width, metrics.figure, metrics.figure_label, palette
        )
        figure_height = text_layout.height_pt(figure)
        bottom -= figure_height
        text_layout.draw(canvas.painter, figure, inner.x, bottom, 0, figure_height, palette.accent)
        bottom -= metrics.figure * 0.5
    region = Rect(inner.x, top + metrics.topic * 1.2, inner.width, 0)
    region = Rect(region.x, region.y, region.width, max(0.0, bottom - region.y))
    size = metrics.headline
    while True:
        headline = text.headline_document(card.headline, inner.width, size, palette.ink)
        if text_layout.height_pt(headline) <= region.height or size <= MIN_HEADLINE_PT:
            break
        size = max(MIN_HEADLINE_PT, size - 0.5)
    _draw_fitted(canvas, headline, region, palette, palette.ink)


@dataclass(frozen=True)
class BackPlan:
    """A card's back set on faces of one size: its type size, and the part of it (points
    down its document) that each face holds, the first face behind the front."""

    points: float
    compact: bool  # the sources in one line, as the handout's two a page has them
    parts: tuple[tuple[float, float], ...]


def plan_back(face: Rect, deck: Deck, card: Card, palette: Palette) -> BackPlan:
    """The back at the largest size that fits ``face``; one that does not fit at
    ``MIN_BODY_PT`` is split between lines over as many faces as it needs."""
    metrics = FaceMetrics.for_face(face)
    # A long title "(continued)" may take a line more: every part fits the smaller room.
    region = min(
        (
            _back_region(None, face, deck, card, metrics, palette, title)
            for title in (card.title, f"{card.title} {CONTINUED}")
        ),
        key=lambda rect: rect.height,
    )
    body, points, compact = _fitted_back(deck, card, region, metrics.body, palette)
    height = text_layout.height_pt(body)
    room = region.height - _marker_height()
    breaks = text_layout.line_breaks(body, keep_together=False)
    parts = []
    start = 0.0
    while height - start > region.height + 0.01:
        fitting = [b for b in breaks if start + 0.01 < b <= start + room]
        end = fitting[-1] if fitting else start + max(room, 1.0)
        parts.append((start, end))
        start = end
    parts.append((start, height))
    return BackPlan(points, compact, tuple(parts))


def paint_back(
    canvas: Canvas,
    face: Rect,
    deck: Deck,
    card: Card,
    palette: Palette,
    plan: BackPlan | None = None,
    part: int = 0,
) -> None:
    """The back on one face; with ``plan``, its part ``part`` (a long back continues on the
    faces after it), else as much as fits, ending "…continued in the handout"."""
    metrics = FaceMetrics.for_face(face)
    title = f"{card.title} {CONTINUED}" if part else card.title
    region = _back_region(canvas, face, deck, card, metrics, palette, title)
    if plan is None:
        body, _points, _compact = _fitted_back(deck, card, region, metrics.body, palette)
        _draw_fitted(canvas, body, region, palette, palette.body)
        return
    body = _back_document(deck, card, region, plan.points, palette, plan.compact)
    start, end = plan.parts[part]
    text_layout.draw(canvas.painter, body, region.x, region.y, start, end, palette.body)
    if part + 1 < len(plan.parts):
        _paint_marker(canvas, region, CONTINUED_ON_NEXT_CARD, palette)


def _back_region(
    canvas: Canvas | None,
    face: Rect,
    deck: Deck,
    card: Card,
    metrics: FaceMetrics,
    palette: Palette,
    title: str = "",
) -> Rect:
    """Where a back's text goes on ``face``, under its top line and above its card id (both
    painted, with ``canvas``)."""
    inner = face.inset(metrics.padding)
    top = _paint_top_line(canvas, inner, title or card.title, deck.marking, metrics, palette)
    if canvas is not None:
        _paint_id(canvas, face, card, palette)
    bottom = id_position(face)[1] - metrics.padding * 0.4
    y = top + metrics.topic * 1.3
    return Rect(inner.x, y, inner.width, max(0.0, bottom - y))


def _back_document(
    deck: Deck, card: Card, region: Rect, points: float, palette: Palette, compact: bool
) -> SafeDocument:
    return text.back_document(
        deck,
        card,
        region.width,
        points,
        palette,
        max_image_height_pt=region.height * 0.45,
        compact_sources=compact,
    )


def _fitted_back(
    deck: Deck, card: Card, region: Rect, size: float, palette: Palette
) -> tuple[SafeDocument, float, bool]:
    """The back's document at the largest size (in half points, from ``size`` down to
    ``MIN_BODY_PT``) at which it fits ``region``, that size, and whether its sources are
    compact (in one line, when the back fits no other way); at the smallest size, compact,
    if nothing fits."""
    for compact in (False, True):
        document = _back_document(deck, card, region, size, palette, compact)
        height = text_layout.height_pt(document)
        if height <= region.height:
            return document, size, compact
        # Height goes roughly with the square of the type size: guess, then step down.
        guess = size * math.sqrt(region.height / max(height, 1.0))
        points = max(MIN_BODY_PT, min(size - 0.5, math.floor(guess * 2) / 2 + 0.5))
        while True:
            document = _back_document(deck, card, region, points, palette, compact)
            if text_layout.height_pt(document) <= region.height:
                return document, points, compact
            if points <= MIN_BODY_PT:
                break
            points = max(MIN_BODY_PT, points - 0.5)
    return document, MIN_BODY_PT, True


def _marker_font() -> QFont:
    return font(size_pt=7, italic=True, weight=QFont.Weight.DemiBold)


def _marker_height() -> float:
    return line_height(_marker_font()) * 1.3


def _paint_marker(canvas: Canvas, region: Rect, marker: str, palette: Palette) -> None:
    """``marker`` on the last line of ``region``: the text goes on elsewhere."""
    height = _marker_height()
    canvas.text(
        Rect(region.x, region.bottom - height, region.width, height),
        marker,
        _marker_font(),
        palette.accent,
        Align.AlignLeft | Align.AlignBottom,
    )


def _draw_fitted(
    canvas: Canvas, document: QTextDocument, region: Rect, palette: Palette, color: QColor
) -> None:
    """Draw ``document`` in ``region``; if it is too long, up to a line break and a marker."""
    height = text_layout.height_pt(document)
    if height <= region.height + 0.01:
        text_layout.draw(canvas.painter, document, region.x, region.y, 0, height, color)
        return
    limit = region.height - _marker_height()
    breaks = [b for b in text_layout.line_breaks(document, keep_together=False) if b <= limit]
    end = breaks[-1] if breaks else max(limit, 0.0)
    text_layout.draw(canvas.painter, document, region.x, region.y, 0, end, color)
    _paint_marker(canvas, region, CONTINUED_IN_HANDOUT, palette)


def _paint_top_line(
    canvas: Canvas | None,
    inner: Rect,
    title: str,
    marking: str,
    metrics: FaceMetrics,
    palette: Palette,
) -> float:
    """The topic label and the marking; returns the bottom of what they take.

    A short marking sits small at the line's right; a long one gets a strip of its own above
    the topic, across the face, in smaller type or two lines: a marking is never cut. Nor is
    a long topic: it takes two lines, then smaller type. Without ``canvas``, only measures."""
    topic_font = font(
        SANS,
        metrics.topic,
        weight=QFont.Weight.DemiBold,
        caps=True,
    )
    height = line_height(topic_font)
    top = inner.y
    marking_width = 0.0
    if marking:
        background, ink = palette.banner_colors(marking)
        pill_room = inner.width * 0.45 - 2 * _PILL_PAD
        fitted = fit_marking(
            marking, pill_room, 0.0, MARKING_PT, smallest_pt=MIN_MARKING_PT, max_lines=1
        )
        if fitted.fits(pill_room, 0.0, max_lines=1):
            marking_width = fitted.width + 2 * _PILL_PAD
            pill = Rect(inner.right - marking_width, inner.y + (height - 9) / 2, marking_width, 9)
        else:
            fitted = fit_marking(marking, inner.width - 2 * _PILL_PAD, 2 * 9.0, MARKING_PT)
            pill = Rect(inner.x, inner.y, inner.width, max(9.0, fitted.height + 2))
            top = pill.bottom + metrics.topic * 0.6
        if canvas is not None:
            canvas.fill(pill, background, radius=1.5)
            paint_lines(canvas, pill.inset(_PILL_PAD, 0), fitted, ink)
    room = inner.width - marking_width - 8
    topic = fit_lines(
        title,
        lambda size: font(SANS, size, weight=QFont.Weight.DemiBold, caps=True),
        room,
        2 * height,
        metrics.topic,
        smallest_pt=max(MIN_TOPIC_PT, metrics.topic * 0.75),
    )
    if canvas is not None:
        paint_lines(
            canvas, Rect(inner.x, top, room, topic.height), topic, palette.accent, Align.AlignLeft
        )
    return top + max(height, topic.height)


def _id_font() -> QFont:
    return font(size_pt=ID_PT, tracked=True)


def _paint_id(canvas: Canvas, face: Rect, card: Card, palette: Palette) -> float:
    """The card id, tiny, at the face's bottom left (to match fronts and backs); returns its top."""
    x, y = id_position(face)
    id_font = _id_font()
    height = line_height(id_font)
    canvas.text(
        Rect(x, y, face.right - x - 12, height),
        card.id,
        id_font,
        palette.faint,
        Align.AlignLeft | Align.AlignTop,
    )
    return y
