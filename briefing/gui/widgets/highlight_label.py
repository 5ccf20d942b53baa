"""A plain-text label that can mark parts of its text, such as search matches."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QWidget

from briefing.render.highlight import Span, clipped, highlight_spans


class HighlightLabel(QLabel):
    """A ``QLabel`` for deck text whose text is painted from a ``QTextDocument``.

    The document is filled with ``insertText``, so the text is never read as markup, and
    the spans given to :meth:`set_highlights` get a character format merged over them.
    Size hints are ``QLabel``'s own for plain text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setIndent(0)
        self._spans: tuple[Span, ...] = ()
        self._match_format = QTextCharFormat()
        self._document: tuple[tuple[object, ...], QTextDocument] | None = None

    def set_highlights(
        self, spans: Iterable[Span], char_format: QTextCharFormat | None = None
    ) -> None:
        """Mark each (start, end) span of the text; no spans clears the marks."""
        self._spans = tuple(spans)
        if char_format is not None:
            self._match_format = QTextCharFormat(char_format)
        self._document = None
        self.update()

    def highlights(self) -> tuple[Span, ...]:
        return self._spans

    def document(self) -> QTextDocument:
        """The document painted at the label's current size."""
        rect = self.contentsRect()
        font = self.painted_font()
        key = (
            self.text(),
            rect.width(),
            rect.height(),
            font.key(),
            int(self.alignment().value),
            self.wraps(),
        )
        if self._document is None or self._document[0] != key:
            text, kept = self.shown_text(font, rect)
            document = self.plain_document(text, font, rect.width())
            highlight_spans(document, clipped(self._spans, kept), self._match_format)
            self._document = (key, document)
        return self._document[1]

    def painted_font(self) -> QFont:
        return self.font()

    def wraps(self) -> bool:
        return self.wordWrap()

    def shown_text(self, font: QFont, rect: QRect) -> tuple[str, int]:
        """The text to paint, and how many of its first characters are the label's own."""
        return self.text(), len(self.text())

    def plain_document(self, text: str, font: QFont, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(font)
        option = QTextOption(self.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask)
        option.setWrapMode(
            QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
            if self.wraps()
            else QTextOption.WrapMode.NoWrap
        )
        document.setDefaultTextOption(option)
        document.setTextWidth(max(width, 1.0))
        QTextCursor(document).insertText(text)
        return document

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.drawFrame(painter)
        document = self.document()
        rect = self.contentsRect()
        spare = rect.height() - document.size().height()
        vertical = self.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
        if vertical & Qt.AlignmentFlag.AlignBottom:
            top = rect.top() + spare
        elif vertical & Qt.AlignmentFlag.AlignVCenter:
            top = rect.top() + spare / 2
        else:
            top = rect.top()
        painter.translate(rect.left(), top)
        context = QAbstractTextDocumentLayout.PaintContext()
        ink = self.palette().color(self.foregroundRole())
        context.palette.setColor(QPalette.ColorRole.Text, ink)
        document.documentLayout().draw(painter, context)
