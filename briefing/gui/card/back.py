"""The back of a card: its title, then body, quotes, image and sources in one scrolling view."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from briefing.core.model import Card, Deck
from briefing.gui.style_props import color_property
from briefing.gui.widgets.fit_label import FitLabel
from briefing.gui.widgets.labels import caps
from briefing.render.back_document import BackStyle, fill_back, fit_images, highlight_back
from briefing.render.highlight import CardMatch, match_format
from briefing.render.safe_document import SafeDocument

# The most of the face's height a title takes before its type steps down.
_TITLE_SHARE = 0.4


class _SafeBrowser(QTextBrowser):
    """Shows its document; never follows a link or loads a resource on its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Keyboard focus stays with the card so Space and the arrows keep working.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalScrollBar().rangeChanged.connect(self._absorb_trailing_space)

    def _absorb_trailing_space(self) -> None:
        """No scroll bar for an overflow that is only the space under the last line (its
        line height's leading): the viewport reaches that far below the visible area."""
        document = self.document()
        height = document.size().height()
        last = document.documentLayout().blockBoundingRect(document.lastBlock())
        overflow = height - self.contentsRect().height()
        absorbed = math.ceil(overflow) if 0 < overflow <= height - last.bottom() else 0
        if self.viewportMargins().bottom() != -absorbed:
            self.setViewportMargins(0, 0, 0, -absorbed)

    def loadResource(self, type: int, name: QUrl | str) -> object:
        return None


class _BottomFade(QWidget):
    """A fade over the last lines of text while there is more to scroll to."""

    height_px = 36

    def __init__(self, browser: QTextBrowser, color: Callable[[], QColor]) -> None:
        # A child of the scroll area, not of its viewport, so it does not scroll with the text.
        super().__init__(browser)
        self._browser = browser
        self._color = color
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bar = browser.verticalScrollBar()
        bar.valueChanged.connect(self.refresh)
        bar.rangeChanged.connect(self.refresh)

    def refresh(self) -> None:
        viewport = self._browser.viewport().geometry()
        self.setGeometry(
            viewport.left(),
            viewport.bottom() - self.height_px + 1,
            viewport.width(),
            self.height_px,
        )
        bar = self._browser.verticalScrollBar()
        self.setVisible(bar.value() < bar.maximum())

    def paintEvent(self, event: QPaintEvent) -> None:
        solid = self._color()
        clear = QColor(solid)
        clear.setAlpha(0)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0, clear)
        gradient.setColorAt(1, solid)
        QPainter(self).fillRect(self.rect(), gradient)


class CardBack(QFrame):
    """The back; with a search, its matches are marked and the first is scrolled into view."""

    clicked = Signal()

    accentColor = color_property("_accent_color", QPalette.ColorRole.Highlight)
    mutedColor = color_property("_muted_color", QPalette.ColorRole.PlaceholderText)
    fadeColor = color_property("_fade_color", QPalette.ColorRole.Base)
    matchColor = color_property("_match_color", QPalette.ColorRole.Highlight)
    matchInkColor = color_property("_match_ink_color", QPalette.ColorRole.Text)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardFace")
        self.setProperty("side", "back")
        # A long title wraps whole; if that would take more than its share of the face
        # (a small card, zoomed type), it steps its type down, and at the smallest size
        # ends in "…", whole in its tooltip: never clipped.
        self.title_label = FitLabel(wrap=True, min_scale=0.6)
        caps(self.title_label)
        # Its height is set by _fit_title; the body takes the rest.
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.title_label.setObjectName("cardBackTitle")
        self.title_label.installEventFilter(self)
        self.browser = _SafeBrowser()
        self.browser.setObjectName("cardBody")
        self.browser.setDocument(SafeDocument(self.browser))
        self.browser.viewport().installEventFilter(self)
        self.fade = _BottomFade(self.browser, lambda: self.fadeColor)
        self._press: QPointF | None = None
        self._first_match = -1  # scrolled to once the back is laid out and shown
        self._hidden_scroll: int | None = None  # where it was scrolled to while hidden
        self._pending_scroll: int | None = None  # where to, once the range is there
        self.browser.verticalScrollBar().rangeChanged.connect(self._on_range_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.browser, 1)

    @property
    def document(self) -> SafeDocument:
        document = self.browser.document()
        assert isinstance(document, SafeDocument)
        return document

    def set_card(self, deck: Deck, card: Card, match: CardMatch | None = None) -> None:
        """Show ``card``'s back; with ``match``, mark where the search matches."""
        self.ensurePolished()
        self.browser.ensurePolished()
        self.title_label.setText(card.title)
        self._fit_title()
        style = BackStyle.on_screen(self.browser.font(), self.mutedColor, self.accentColor)
        document = SafeDocument(self.browser)
        fill_back(document, deck, card, style, self._image_box())
        first_match = -1
        if match is not None:
            char_format = match_format(self.matchColor, self.matchInkColor)
            first_match = highlight_back(document, match.query, char_format)
        old = self.browser.document()
        self.browser.setDocument(document)
        if old.parent() is self.browser:
            old.deleteLater()
        self._first_match = first_match
        self._hidden_scroll = None
        self._pending_scroll = None
        self._fit_images()
        self._scroll_to_first_match()
        self.fade.refresh()

    def scroll_by_page(self, step: int) -> bool:
        """Scroll a page down (``step`` 1) or up (-1), keeping the line the fade covered in
        view; False when the text is already at that end."""
        bar = self.browser.verticalScrollBar()
        line = self.browser.fontMetrics().lineSpacing()
        page = max(bar.pageStep() - self.fade.height_px - line, line)
        now = bar.value() if self._hidden_scroll is None else self._hidden_scroll
        target = min(max(now + step * page, bar.minimum()), bar.maximum())
        if target == now:
            return False
        if bar.minimum() < target < bar.maximum():
            whole = self._line_top(target)  # a page starts with a whole line, never a half
            if (whole - now) * step > 0:
                target = whole
        self._scroll_to(target)
        return True

    def _line_top(self, y: int) -> int:
        """The top of the line of text at height ``y`` of the document, or ``y``."""
        document = self.browser.document()
        position = document.documentLayout().hitTest(
            QPointF(document.documentMargin(), y), Qt.HitTestAccuracy.FuzzyHit
        )
        block = document.findBlock(position)
        text_layout = block.layout()
        if position < 0 or not block.isValid() or text_layout is None:
            return y
        line = text_layout.lineForTextPosition(position - block.position())
        if not line.isValid():
            return y
        # The block's rectangle is in the document's coordinates, its layout's in its frame's.
        block_top = document.documentLayout().blockBoundingRect(block).top()
        return math.floor(block_top - text_layout.boundingRect().top() + line.y())

    def scroll_position(self) -> int:
        """How far down the text is scrolled, in pixels (where it will be, while hidden)."""
        bar = self.browser.verticalScrollBar()
        return bar.value() if self._hidden_scroll is None else self._hidden_scroll

    def scroll_to(self, position: int) -> None:
        """Scroll to ``position``, also once the scroll bar's range, which follows a new
        document's layout a little later, reaches it."""
        self._scroll_to(position)
        bar = self.browser.verticalScrollBar()
        self._pending_scroll = position if bar.value() != position else None

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self._pending_scroll is not None and maximum >= self._pending_scroll:
            position, self._pending_scroll = self._pending_scroll, None
            self._scroll_to(position)

    def scroll_fraction(self) -> float:
        """How far down the text is scrolled: 0 at the top, 1 at the end."""
        bar = self.browser.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        self._scroll_to(round(fraction * self.browser.verticalScrollBar().maximum()))

    def _scroll_to(self, value: int) -> None:
        self.browser.verticalScrollBar().setValue(value)
        # A text browser scrolls back to its cursor, at the top, when it is first shown:
        # scrolled while hidden (turning over, say), it is scrolled again when shown.
        self._hidden_scroll = None if self.browser.isVisible() else value

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._scroll_to_first_match()
        self._first_match = -1  # from now on, where to scroll is the reader's choice
        if self._hidden_scroll is not None:
            self.browser.verticalScrollBar().setValue(self._hidden_scroll)
            self._hidden_scroll = None

    def _scroll_to_first_match(self) -> None:
        """Bring the first match into view a quarter of the way down, clear of the fade.

        Done again as the back is laid out (it may be hidden, and so unsized, when filled).
        """
        if self._first_match < 0:
            return
        document = self.browser.document()
        block = document.findBlock(self._first_match)
        top = document.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(self._first_match - block.position())
        if line.isValid():
            top += line.y()
        viewport = self.browser.viewport().height()
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(top - viewport / 4) if top > viewport - 2 * self.fade.height_px else 0)

    def _fit_title(self) -> None:
        """The title's height: all it needs at its full size, up to its share of the face."""
        title = self.title_label
        margins = title.contentsMargins()
        width = max(1, self.contentsRect().width() - margins.left() - margins.right())
        flags = int(Qt.AlignmentFlag.AlignLeft.value) | int(Qt.TextFlag.TextWordWrap.value)
        needed = QFontMetricsF(title.font()).boundingRect(
            QRectF(0, 0, width, 1_000_000), flags, title.text()
        )
        extra = margins.top() + margins.bottom()
        smallest_line = math.ceil(QFontMetricsF(title.smallest_font()).height())
        share = max(round(self.contentsRect().height() * _TITLE_SHARE), smallest_line)
        height = min(math.ceil(needed.height()) + extra, share + extra)
        if title.height() != height or title.minimumHeight() != height:
            title.setFixedHeight(height)
        title.setToolTip(title.text() if title.is_elided() else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.title_label and event.type() == QEvent.Type.FontChange:
            self._fit_title()  # zoomed
        elif watched is self.browser.viewport():
            if event.type() == QEvent.Type.Resize:
                self._fit_images()
                self._scroll_to_first_match()
                self.fade.refresh()
            elif event.type() == QEvent.Type.MouseButtonPress:
                assert isinstance(event, QMouseEvent)
                self._press = event.position()
            elif event.type() == QEvent.Type.MouseButtonRelease:
                assert isinstance(event, QMouseEvent)
                self._on_browser_release(event)
        return super().eventFilter(watched, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def _on_browser_release(self, event: QMouseEvent) -> None:
        # A click flips the card back; a drag that selected text does not.
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        moved = (event.position() - press).manhattanLength()
        if moved < 4 and not self.browser.textCursor().hasSelection():
            self.clicked.emit()

    def _image_box(self) -> QSize:
        """The most device pixels an image can take here: the whole screen."""
        screen = self.screen()
        return screen.size() * screen.devicePixelRatio()

    def _fit_images(self) -> None:
        # Fitted as if the scroll bar showed: a fitted image can bring the bar, and the
        # narrower viewport then gets no second fit, so the image would stick out under a
        # horizontal scroll bar.
        bar = self.browser.verticalScrollBar()
        width = self.browser.viewport().width()
        if not bar.isVisible():
            width -= bar.sizeHint().width()
        fit_images(self.browser.document(), width - 4)
