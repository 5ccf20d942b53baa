"""The text of printed cards, as safe text documents laid out at print resolution.

The back is filled by the same ``fill_back`` as the screen (Markdown with HTML off, quotes,
image and sources inserted as plain text); fronts, notes and the outline's title block
insert deck text only as plain text. ``text_layout`` makes, measures, splits and draws them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
)

from briefing.core.model import Card, Deck, Source
from briefing.export.print_style import TRACKING, Palette, document_font, nominal_spacing
from briefing.export.text_layout import new_document, px, set_width
from briefing.render.back_document import (
    BackStyle,
    fill_back,
    image_fragments,
    natural_size,
)
from briefing.render.fonts import SANS, SERIF
from briefing.render.glyph_cover import cover_styled_runs
from briefing.render.safe_document import SafeDocument

_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
IMAGE_DPI = 300  # a card's image is decoded for print at this resolution, never above its own


def char_format(
    size_pt: float,
    *,
    family: str = SANS,
    color: QColor | None = None,
    weight: QFont.Weight = QFont.Weight.Normal,
    italic: bool = False,
    caps: bool = False,
) -> QTextCharFormat:
    """Capitals are tracked like ``print_style.font``'s."""
    result = QTextCharFormat()
    result.setFont(document_font(family, size_pt))
    result.setFontWeight(weight)
    result.setFontItalic(italic)
    if caps:
        result.setFontCapitalization(QFont.Capitalization.AllUppercase)
        result.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        result.setFontLetterSpacing(nominal_spacing(size_pt * TRACKING))
    if color is not None:
        result.setForeground(color)
    return result


def paragraph(*, top: float = 0.0, bottom: float = 0.0, line_height: int = 100) -> QTextBlockFormat:
    """A block format; margins in points, line height in percent."""
    result = QTextBlockFormat()
    result.setTopMargin(px(top))
    result.setBottomMargin(px(bottom))
    if line_height != 100:
        result.setLineHeight(line_height, _PROPORTIONAL)
    return result


class _Writer:
    """Appends plain-text paragraphs to a fresh document; deck text is never markup."""

    def __init__(self, document: QTextDocument) -> None:
        self.document = document
        self.cursor = QTextCursor(document)
        self.cursor.beginEditBlock()  # laid out once, when finished
        self.empty = True

    def finish(self, width_pt: float) -> None:
        cover_styled_runs(self.document)
        self.cursor.endEditBlock()
        set_width(self.document, width_pt)

    def paragraph(self, block: QTextBlockFormat, text: str, text_format: QTextCharFormat) -> None:
        if self.empty:
            self.cursor.setBlockFormat(block)
            self.cursor.setBlockCharFormat(text_format)
            self.empty = False
        else:
            self.cursor.insertBlock(block, text_format)
        self.cursor.insertText(text, text_format)

    def append(self, text: str, text_format: QTextCharFormat) -> None:
        self.cursor.insertText(text, text_format)


@dataclass(frozen=True)
class FrontSizes:
    topic: float = 9.0
    headline: float = 20.0
    figure: float = 24.0
    figure_label: float = 9.5
    title_heading: bool = False  # the outline: the title as a heading, not a small label
    figure_inline: bool = False  # the outline: the figure's label beside its value


def front_document(
    card: Card, width_pt: float, sizes: FrontSizes, palette: Palette
) -> SafeDocument:
    """Topic, headline and key figure (the front of the card), top to bottom."""
    document = new_document()
    writer = _Writer(document)
    if sizes.title_heading:
        writer.paragraph(
            paragraph(bottom=4),
            card.title,
            char_format(sizes.topic, color=palette.ink, weight=QFont.Weight.DemiBold),
        )
    else:
        writer.paragraph(
            paragraph(bottom=sizes.topic * 0.9),
            card.title,
            char_format(
                sizes.topic,
                color=palette.accent,
                weight=QFont.Weight.DemiBold,
                caps=True,
            ),
        )
    writer.paragraph(
        paragraph(line_height=100),
        card.headline,
        char_format(sizes.headline, family=SERIF, color=palette.ink),
    )
    figure = card.figure
    value_pt = unbroken_size(figure.value, width_pt, sizes.figure) if figure else sizes.figure
    if figure is not None and sizes.figure_inline:
        writer.paragraph(
            paragraph(top=sizes.figure * 0.4),
            figure.value,
            char_format(value_pt, color=palette.accent, weight=QFont.Weight.Bold),
        )
        if figure.label:
            writer.append("  " + figure.label, char_format(sizes.figure_label, color=palette.muted))
    elif figure is not None:
        writer.paragraph(
            paragraph(top=sizes.figure * 0.45),
            figure.value,
            char_format(value_pt, color=palette.accent, weight=QFont.Weight.Bold),
        )
        if figure.label:
            writer.paragraph(
                paragraph(top=1),
                figure.label,
                char_format(sizes.figure_label, color=palette.muted),
            )
    writer.finish(width_pt)
    return document


def headline_document(text: str, width_pt: float, size_pt: float, color: QColor) -> SafeDocument:
    """A headline alone, in the serif (a card face fits it by trying sizes)."""
    document = new_document()
    writer = _Writer(document)
    writer.paragraph(paragraph(), text, char_format(size_pt, family=SERIF, color=color))
    writer.finish(width_pt)
    return document


def figure_document(
    card: Card, width_pt: float, value_pt: float, label_pt: float, palette: Palette
) -> SafeDocument:
    """A card's key figure, its label under it."""
    document = new_document()
    writer = _Writer(document)
    assert card.figure is not None
    value = card.figure.value
    writer.paragraph(
        paragraph(),
        value,
        char_format(
            unbroken_size(value, width_pt, value_pt),
            color=palette.accent,
            weight=QFont.Weight.Bold,
        ),
    )
    if card.figure.label:
        writer.paragraph(
            paragraph(top=1, line_height=110),
            card.figure.label,
            char_format(label_pt, color=palette.muted),
        )
    writer.finish(width_pt)
    return document


MIN_FIGURE_PT = 4.0  # a figure is made no smaller: past this it may break (never seen)


def unbroken_size(value: str, width_pt: float, size_pt: float) -> float:
    """The largest size, from ``size_pt`` down in half points, at which the figure ``value``
    set in ``width_pt`` breaks its lines only at spaces: a number never breaks."""
    size = size_pt
    while size > MIN_FIGURE_PT and not _breaks_only_at_spaces(value, width_pt, size):
        size = max(MIN_FIGURE_PT, size - 0.5)
    return size


def _breaks_only_at_spaces(value: str, width_pt: float, size_pt: float) -> bool:
    document = new_document()
    writer = _Writer(document)
    writer.paragraph(paragraph(), value, char_format(size_pt, weight=QFont.Weight.Bold))
    writer.finish(width_pt)
    block = document.begin()
    layout = block.layout()
    text = block.text()
    for number in range(1, layout.lineCount()):
        start = layout.lineAt(number).textStart()
        if not text[start - 1].isspace():
            return False
    return True


def sources_line(sources: list[Source]) -> str:
    """A compact citation of ``sources``, for a footer or the outline."""
    if not sources:
        return ""
    cited = []
    for source in sources:
        text = source.title
        if source.publisher:
            text += f" ({source.publisher})"
        cited.append(text)
    return ("Source: " if len(cited) == 1 else "Sources: ") + "; ".join(cited)


def back_document(
    deck: Deck,
    card: Card,
    width_pt: float,
    body_pt: float,
    palette: Palette,
    *,
    max_image_height_pt: float,
    compact_sources: bool = False,
) -> SafeDocument:
    """Body, quotes, image and sources, as on the screen's card back; with
    ``compact_sources``, the sources in one line (for the outline)."""
    document = new_document()
    style = BackStyle(font=document_font(SANS, body_pt), muted=palette.muted, accent=palette.accent)
    batch = QTextCursor(document)
    batch.beginEditBlock()  # one layout at the end, not one per edit: 40% faster
    image_box = QSize(
        math.ceil(width_pt * IMAGE_DPI / 72), math.ceil(max_image_height_pt * IMAGE_DPI / 72)
    )
    fill_back(
        document, deck, card._replace(sources=()) if compact_sources else card, style, image_box
    )
    line = sources_line(deck.card_sources(card)) if compact_sources else ""
    if line:
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        text_format = char_format(body_pt * 0.82, color=palette.muted)
        cursor.insertBlock(paragraph(top=2, line_height=130), text_format)
        cursor.insertText(line, text_format)
    _for_paper(document)
    batch.endEditBlock()
    set_width(document, width_pt)
    fit_images_within(document, width_pt, max_image_height_pt)
    return document


def notes_document(
    deck: Deck, card: Card, width_pt: float, size_pt: float, palette: Palette
) -> SafeDocument:
    """The speaker notes' Markdown, read as safely as a card's body."""
    document = new_document()
    notes_only = card._replace(body=card.notes, quotes=(), image=None, sources=())
    style = BackStyle(font=document_font(SANS, size_pt), muted=palette.muted, accent=palette.accent)
    batch = QTextCursor(document)
    batch.beginEditBlock()
    fill_back(document, deck, notes_only, style, image_box=QSize())  # no image
    _for_paper(document)
    batch.endEditBlock()
    set_width(document, width_pt)
    return document


def title_document(deck: Deck, width_pt: float, palette: Palette, card_count: int) -> SafeDocument:
    """The outline's title block: title, subtitle, then date, author and marking."""
    document = new_document()
    writer = _Writer(document)
    writer.paragraph(
        paragraph(line_height=112), deck.title, char_format(24, family=SERIF, color=palette.ink)
    )
    if deck.subtitle:
        writer.paragraph(
            paragraph(top=6, line_height=125),
            deck.subtitle,
            char_format(11.5, color=palette.secondary),
        )
    count = f"{card_count} card{'s' if card_count != 1 else ''}"
    details = [part for part in (deck.date, deck.author, count) if part]
    writer.paragraph(
        paragraph(top=10),
        "  \u00b7  ".join(details),
        char_format(9, color=palette.muted),
    )
    if deck.marking:
        background, _ink = palette.banner_colors(deck.marking)
        writer.append("  \u00b7  ", char_format(9, color=palette.muted))
        writer.append(
            deck.marking,
            char_format(9, color=background, weight=QFont.Weight.Bold, caps=True),
        )
    writer.finish(width_pt)
    return document


def _for_paper(document: QTextDocument) -> None:
    """Adapt what ``fill_back`` made for the screen: no room for a scroll bar, and letter
    spacing no wider than ``TRACKING`` (a PDF reader would read wider gaps as spaces)."""
    root = document.rootFrame()
    root_format: QTextFrameFormat = root.frameFormat()
    root_format.setRightMargin(0)
    root.setFrameFormat(root_format)
    edits = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            text_format = fragment.charFormat()
            if text_format.fontLetterSpacing() > 0:
                edits.append((fragment.position(), fragment.length(), text_format))
            it += 1
        block = block.next()
    for position, length, text_format in edits:
        size = text_format.fontPointSize() or document.defaultFont().pointSizeF()
        tracked = QTextCharFormat(text_format)
        tracked.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        tracked.setFontLetterSpacing(
            min(text_format.fontLetterSpacing(), nominal_spacing(size * TRACKING))
        )
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(tracked)


def fit_images_within(document: QTextDocument, width_pt: float, height_pt_max: float) -> None:
    """Show the card's own image at its natural size (96 px to the inch) or smaller, so it
    fits ``width_pt`` by ``height_pt_max``."""
    for cursor, image_format in image_fragments(document):
        natural = natural_size(document, image_format)
        if natural is None:
            continue
        natural_w, natural_h = natural.width() * 0.75, natural.height() * 0.75  # 96 px = 72 pt
        scale = min(1.0, width_pt / natural_w, max(height_pt_max, 1.0) / natural_h)
        fitted = QTextImageFormat(image_format)
        fitted.setWidth(px(natural_w * scale))
        fitted.setHeight(px(natural_h * scale))
        cursor.setCharFormat(fitted)
