"""Fill a card's back: body Markdown, quotes, image and sources, as one safe document.

Deck text never goes through HTML: the body is Markdown read with raw HTML switched off, and
everything else is inserted as plain text with explicit formats.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTableCellFormat,
    QTextTableFormat,
)

from briefing.core.model import Card, Deck, Image, Quote, Source
from briefing.core.search.matching import match_spans
from briefing.core.search.query import Query
from briefing.render.card_parts import SECTION_MARKS
from briefing.render.document_edits import one_edit
from briefing.render.fonts import SERIF
from briefing.render.glyph_cover import cover_styled_runs
from briefing.render.highlight import highlight_spans
from briefing.render.safe_document import SafeDocument, is_own_resource

if TYPE_CHECKING:
    from briefing.render.deck_images import DeckImage

MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
_LINE_HEIGHT = 140  # percent
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
# On each block of deck text: the search fields (space-separated) whose text it shows, as
# ``card_parts`` marks its section.
SECTION_PROPERTY = QTextFormat.Property.UserProperty + 2
# Over a card's sources, at the end of the back.
SOURCES_HEADING = "Sources"
# On the card's image: the size its file declares (its pixels may be fewer).
NATURAL_SIZE_PROPERTY = QTextFormat.Property.UserProperty + 3


@dataclass(frozen=True)
class BackStyle:
    """What the document needs from the stylesheet (see ``CardBack``'s properties)."""

    font: QFont
    muted: QColor
    accent: QColor
    indent: float = 26  # of a list level, in the document's units

    @classmethod
    def on_screen(cls, font: QFont, muted: QColor, accent: QColor) -> BackStyle:
        """For a widget: list indents grow with the type, so zoomed bullets are not cut off."""
        return cls(font, muted, accent, indent=round(1.6 * QFontInfo(font).pixelSize()))


def fill_back(
    document: SafeDocument, deck: Deck, card: Card, style: BackStyle, image_box: QSize
) -> None:
    """``image_box``: the most device pixels the card's image can be drawn on."""
    document.setDefaultFont(style.font)
    document.setDocumentMargin(0)
    document.setIndentWidth(style.indent)
    document.setMarkdown(card.body, MARKDOWN)
    root = document.rootFrame().frameFormat()
    root.setRightMargin(18)  # keeps text off the scroll bar
    document.rootFrame().setFrameFormat(root)
    with one_edit(document):
        _neutralise(document, style)
        _space_out(document)
        _mark_section(document, SECTION_MARKS["body"])
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    for quote in card.quotes:
        _insert_quote(cursor, quote, deck.source(quote.source), style)
    if card.image is not None:
        # Imported here: reading images (hashing, the SVG check) stays off the start path.
        from briefing.render.deck_images import read_deck_image

        loaded = read_deck_image(deck.folder, card.image.path, image_box)
        _insert_image(cursor, document, loaded, card.image, style)
    sources = deck.card_sources(card)
    if sources:
        _insert_sources(cursor, sources, style)
    cover_styled_runs(document)


def fill_notes(document: SafeDocument, notes: str, style: BackStyle) -> None:
    """A card's speaker notes for the presenter: Markdown read with raw HTML off, images and
    links turned into plain text, as on the back."""
    document.setDefaultFont(style.font)
    document.setDocumentMargin(0)
    document.setIndentWidth(style.indent)
    document.setMarkdown(notes, MARKDOWN)
    with one_edit(document):
        _neutralise(document, style)
        _space_out(document)
    cover_styled_runs(document)


def highlight_back(document: QTextDocument, query: Query, char_format: QTextCharFormat) -> int:
    """Mark where ``query`` matches in each block, per the fields the block shows.

    Returns the position of the first mark, or -1 if there is none.
    """
    first = -1
    block = document.begin()
    while block.isValid():
        fields = block.blockFormat().stringProperty(SECTION_PROPERTY).split()
        text = block.text()
        spans = sorted({span for field in fields for span in match_spans(text, query, field)})
        highlight_spans(document, spans, char_format, block.position())
        if spans and first < 0:
            first = block.position() + spans[0][0]
        block = block.next()
    return first


def fit_images(document: QTextDocument, width: float) -> None:
    """Scale the app's own images down to the text's width in a view ``width`` wide (the
    root frame's margins, such as the room kept for the scroll bar, taken off), never up."""
    root = document.rootFrame().frameFormat()
    room = width - root.leftMargin() - root.rightMargin() - 2 * document.documentMargin()
    for cursor, image_format in image_fragments(document):
        natural = natural_size(document, image_format)
        if natural is None:
            continue
        scaled = min(natural.width(), max(room, 1.0))
        image_format.setWidth(scaled)
        image_format.setHeight(scaled * natural.height() / max(natural.width(), 1.0))
        cursor.setCharFormat(image_format)


def natural_size(document: QTextDocument, image_format: QTextImageFormat) -> QSizeF | None:
    """The size the card's own image declares, or None for an image that is not the app's."""
    if not is_own_resource(image_format.name()):
        return None
    image = document.resource(QTextDocument.ResourceType.ImageResource, image_format.name())
    if not isinstance(image, QImage) or image.isNull():
        return None
    natural = image_format.property(NATURAL_SIZE_PROPERTY)
    return natural if isinstance(natural, QSizeF) else None


def _neutralise(document: QTextDocument, style: BackStyle) -> None:
    """Turn Markdown images into their alt text and links into plain "text (url)"."""
    edits: list[tuple[int, int, str, QTextCharFormat]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            char_format = fragment.charFormat()
            if char_format.isImageFormat():
                alt = char_format.stringProperty(QTextFormat.Property.ImageAltText)
                muted = QTextCharFormat()
                muted.setForeground(style.muted)
                text = f"[image not shown: {alt}]" if alt else "[image not shown]"
                edits.append((fragment.position(), fragment.length(), text, muted))
            elif char_format.isAnchor():
                plain = QTextCharFormat(char_format)
                plain.setAnchor(False)
                plain.setAnchorHref("")
                plain.clearForeground()
                plain.setFontUnderline(False)
                href = char_format.anchorHref()
                text = fragment.text()
                if href and href != text and f"mailto:{text}" != href:
                    text = f"{text} ({href})"
                edits.append((fragment.position(), fragment.length(), text, plain))
            it += 1
        block = block.next()
    for position, length, text, char_format in reversed(edits):
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, char_format)


def _space_out(document: QTextDocument) -> None:
    """Reading line height for the body, and air between paragraphs and list items."""
    block = document.begin()
    while block.isValid():
        block_format = block.blockFormat()
        block_format.setLineHeight(_LINE_HEIGHT, _PROPORTIONAL)
        if block.textList() is not None:
            block_format.setBottomMargin(6)
        else:
            block_format.setBottomMargin(max(block_format.bottomMargin(), 12))
        cursor = QTextCursor(block)
        cursor.setBlockFormat(block_format)
        block = block.next()


def _mark_section(document: QTextDocument, fields: str) -> None:
    block = document.begin()
    while block.isValid():
        block_format = block.blockFormat()
        block_format.setProperty(SECTION_PROPERTY, fields)
        QTextCursor(block).setBlockFormat(block_format)
        block = block.next()


def image_fragments(document: QTextDocument) -> list[tuple[QTextCursor, QTextImageFormat]]:
    """Each image in ``document``: a cursor selecting it, and its format."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isImageFormat():
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                found.append((cursor, fragment.charFormat().toImageFormat()))
            it += 1
        block = block.next()
    return found


def _paragraph(
    top: float = 0, bottom: float = 0, indent: float = 0, section: str = ""
) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    if section:
        block_format.setProperty(SECTION_PROPERTY, section)
    block_format.setTopMargin(top)
    block_format.setBottomMargin(bottom)
    block_format.setLeftMargin(indent)
    block_format.setLineHeight(_LINE_HEIGHT, _PROPORTIONAL)
    return block_format


def _text(
    style: BackStyle,
    *,
    color: QColor | None = None,
    family: str | None = None,
    scale: float = 1.0,
    italic: bool = False,
    weight: QFont.Weight = QFont.Weight.Normal,
    spacing: float = 0,
    caps: bool = False,
) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setFontFamilies([family or style.font.family()])
    size = style.font.pixelSize()
    if size > 0:
        char_format.setProperty(QTextFormat.Property.FontPixelSize, round(size * scale))
    else:
        char_format.setFontPointSize(style.font.pointSizeF() * scale)
    char_format.setFontItalic(italic)
    char_format.setFontWeight(weight)
    if spacing:
        char_format.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        char_format.setFontLetterSpacing(spacing)
    if caps:
        char_format.setFontCapitalization(QFont.Capitalization.AllUppercase)
    if color is not None:
        char_format.setForeground(color)
    return char_format


def _insert_quote(
    cursor: QTextCursor, quote: Quote, source: Source | None, style: BackStyle
) -> None:
    cursor.insertBlock(_paragraph(top=8), _text(style))
    table_format = QTextTableFormat()
    table_format.setBorderCollapse(True)
    table_format.setBorder(0)
    table_format.setCellPadding(0)
    table_format.setCellSpacing(0)
    table_format.setMargin(0)
    table_format.setTopMargin(4)
    table_format.setBottomMargin(8)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table = cursor.insertTable(1, 1, table_format)
    cell = table.cellAt(0, 0)
    cell_format = QTextTableCellFormat()
    cell_format.setLeftBorder(3)
    cell_format.setLeftBorderBrush(style.accent)
    cell_format.setLeftBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    for side in ("Top", "Right", "Bottom"):
        getattr(cell_format, f"set{side}Border")(0)
    cell_format.setLeftPadding(20)
    cell_format.setTopPadding(2)
    cell_format.setBottomPadding(2)
    cell.setFormat(cell_format)
    inner = cell.firstCursorPosition()
    inner.setBlockFormat(_paragraph(bottom=6, section=SECTION_MARKS["quote"]))
    inner.insertText(quote.text, _text(style, family=SERIF, scale=1.12, italic=True))
    attribution = f"\u2014 {quote.by}"
    if source is not None:
        attribution += f", {source.title}"
    # The attribution names the speaker and, after them, the quote's source.
    inner.insertBlock(
        _paragraph(section=SECTION_MARKS["attribution"]),
        _text(style, color=style.muted, scale=0.875),
    )
    inner.insertText(attribution)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _insert_image(
    cursor: QTextCursor,
    document: SafeDocument,
    loaded: DeckImage | None,
    image: Image,
    style: BackStyle,
) -> None:
    if loaded is None:
        cursor.insertBlock(
            _paragraph(top=16, section=SECTION_MARKS["image"]),
            _text(style, color=style.muted, italic=True),
        )
        cursor.insertText(f"[image not shown: {image.alt}]")
        return
    image_format = QTextImageFormat()
    image_format.setName(document.add_image(loaded.pixels).toString())
    image_format.setWidth(loaded.natural.width())
    image_format.setHeight(loaded.natural.height())
    image_format.setProperty(NATURAL_SIZE_PROPERTY, QSizeF(loaded.natural))
    image_format.setProperty(QTextFormat.Property.ImageAltText, image.alt)
    # The text's proportional line height would stretch the image's line by as much again
    # below it, a gap before the caption; the image's line is the image alone.
    image_block = _paragraph(top=20)
    image_block.setLineHeight(100, _PROPORTIONAL)
    cursor.insertBlock(image_block, _text(style))
    cursor.insertImage(image_format)
    cursor.insertBlock(
        _paragraph(top=6, section=SECTION_MARKS["image"]),
        _text(style, color=style.muted, scale=0.875, italic=True),
    )
    cursor.insertText(image.alt)


def _insert_sources(cursor: QTextCursor, sources: list[Source], style: BackStyle) -> None:
    cursor.insertBlock(
        _paragraph(top=28, bottom=6),
        _text(
            style,
            color=style.accent,
            scale=0.75,
            weight=QFont.Weight.DemiBold,
            spacing=1.2,
            caps=True,
        ),
    )
    cursor.insertText(SOURCES_HEADING)
    for source in sources:
        cursor.insertBlock(
            _paragraph(top=8, section=SECTION_MARKS["source"]),
            _text(style, scale=0.875, weight=QFont.Weight.DemiBold),
        )
        cursor.insertText(source.title)
        details = " \u00b7 ".join(part for part in (source.publisher, source.date) if part)
        # The URL is not searched, so it is never marked.
        for line, section in (
            (details, SECTION_MARKS["source"]),
            (source.url, SECTION_MARKS["source url"]),
        ):
            if line:
                cursor.insertBlock(
                    _paragraph(section=section), _text(style, color=style.muted, scale=0.8125)
                )
                cursor.insertText(line)
