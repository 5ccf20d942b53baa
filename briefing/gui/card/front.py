"""The front of a card: topic, headline and key figure."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from briefing.core.model import Card
from briefing.gui.stars import STARRED_TEXT
from briefing.gui.style_props import color_property
from briefing.gui.widgets.fit_label import FitLabel
from briefing.gui.widgets.highlight_label import HighlightLabel
from briefing.gui.widgets.labels import caps, plain_label
from briefing.render.card_parts import FRONT_PARTS
from briefing.render.highlight import CardMatch, match_format

FLIP_HINT = "Space to flip"
_BADGE_MARGIN = 16  # from the face's top right corner to the starred badge
_TAG_SEPARATOR = " \u00b7 "


def match_hint(match: CardMatch | None) -> str:
    """Where the search matched, if not on the front; "" when the front shows it (or no match)."""
    if match is None:
        return ""
    # with a search, so already imported
    from briefing.core.search.fields import BACK_FIELDS, FRONT_FIELDS, HIDDEN_FIELDS

    if not match.fields or match.fields & FRONT_FIELDS:
        return ""
    if match.fields & BACK_FIELDS:
        return f"Match on back \u2014 {FLIP_HINT}"
    names = " and ".join(name for key, name in HIDDEN_FIELDS.items() if key in match.fields)
    return f"Match in {names}, not shown on the card"


def _spans(text: str, match: CardMatch | None, field: str) -> list[tuple[int, int]]:
    if match is None:
        return []
    from briefing.core.search.matching import match_spans  # with a search, so already imported

    return match_spans(text, match.query, field)


def _wrapped_height(label: QLabel, text: str, width: int) -> int:
    """The height ``label`` needs for ``text`` wrapped to ``width``, margins included; a
    word wider than that never fits (a label does not break words)."""
    margins = label.contentsMargins()
    inner = max(1, width - margins.left() - margins.right())
    flags = int(Qt.TextFlag.TextWordWrap.value)
    bound = QFontMetricsF(label.font()).boundingRect(QRectF(0, 0, inner, 1e6), flags, text)
    if bound.width() > inner + 0.5:
        return 1_000_000
    return math.ceil(bound.height()) + margins.top() + margins.bottom()


def _one_line(label: QLabel, text: str, width: int) -> str:
    margins = label.contentsMargins()
    inner = max(1, width - margins.left() - margins.right())
    return QFontMetricsF(label.font()).elidedText(text, Qt.TextElideMode.ElideRight, inner)


def _height_at(widget: QWidget, width: int) -> int:
    """The height ``widget`` asks for at ``width``."""
    if widget.hasHeightForWidth():
        return widget.heightForWidth(width)
    return widget.sizeHint().height()


class CardFront(QFrame):
    """The front; with a search, its matches are marked and a match only on the back is named."""

    clicked = Signal()

    matchColor = color_property("_match_color", QPalette.ColorRole.Highlight)
    matchInkColor = color_property("_match_ink_color", QPalette.ColorRole.Text)

    def __init__(self, parent: QWidget | None = None, *, scrolls: bool = True) -> None:
        super().__init__(parent)
        # A front nobody can scroll (the audience's, the presenter's previews) keeps to its
        # card, its headline ending in "…" at the smallest size, as before fronts scrolled.
        self._scrolls = scrolls
        self._dropped: list[QWidget] = []  # parts left out to fit, on a front that can't scroll
        self._title = ""
        self.setObjectName("cardFace")
        self.setProperty("side", "front")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        self.topic_label = HighlightLabel()
        self.topic_label.setObjectName("cardTopic")
        caps(self.topic_label)
        self.topic_label.setWordWrap(True)  # a long title wraps whole, never cut
        self.headline_label = FitLabel(wrap=True, min_scale=0.55)
        self.headline_label.setObjectName("cardHeadline")
        self.headline_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.figure_value_label = FitLabel(wrap=False, min_scale=0.4)
        self.figure_value_label.setObjectName("figureValue")
        self.figure_label = HighlightLabel()
        self.figure_label.setObjectName("figureLabel")
        self.figure_label.setWordWrap(True)
        # Quiet, one line: "Tags: nato · sanctions", ending in "…" (whole in the tooltip).
        self.tags_label = FitLabel(wrap=False, min_scale=1.0)
        self.tags_label.setObjectName("cardTags")
        self.tags_label.hide()
        self.hint_label = QLabel(FLIP_HINT)
        self.hint_label.setObjectName("flipHint")
        self.match_hint_label = plain_label("matchHint")
        self.match_hint_label.hide()
        self.star_badge = QLabel(STARRED_TEXT, self)  # over the face, outside the layout
        self.star_badge.setObjectName("starBadge")
        self.star_badge.hide()

        # The parts scroll within the face's padding when zoomed text needs more room than
        # the card has; the headline then keeps its smallest size and is never cut.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("cardFrontScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the card
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if not scrolls:
            self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidgetResizable(False)  # sized by _fit_parts
        self.parts = QWidget()
        self.parts.setObjectName("cardFrontParts")
        self.scroll_area.setWidget(self.parts)
        self.parts.installEventFilter(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        # Spacing between the parts is the labels' margins in the stylesheet.
        layout = self._parts_layout = QVBoxLayout(self.parts)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.topic_label)
        layout.addWidget(self.headline_label, 1)
        layout.addWidget(self.figure_value_label)
        layout.addWidget(self.figure_label)
        layout.addWidget(self.tags_label)
        layout.addWidget(self.hint_label, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.match_hint_label, 0, Qt.AlignmentFlag.AlignRight)

    def set_card(self, card: Card, match: CardMatch | None = None) -> None:
        """Show ``card``; with ``match``, mark where the search matches."""
        self._dropped = []  # which parts show is decided afresh below
        self._title = card.title
        self.topic_label.setText(card.title)
        self.headline_label.setText(card.headline)
        figure = card.figure
        self.figure_value_label.setText(figure.value if figure else "")
        self.figure_label.setText(figure.label if figure else "")
        self.figure_value_label.setVisible(figure is not None)
        self.figure_label.setVisible(bool(figure and figure.label))
        tags = _TAG_SEPARATOR.join(card.tags)
        self.tags_label.setText(f"Tags: {tags}" if tags else "")
        self.tags_label.setToolTip(tags)
        # Tags are for finding cards: a front only looked at (a preview, the room's) has
        # its room for the headline.
        self.tags_label.setVisible(bool(tags) and self._scrolls)
        # A front nobody scrolls ends a text too long for it in "…": the whole is a tooltip.
        if not self._scrolls:
            self.headline_label.setToolTip(card.headline)
            self.figure_value_label.setToolTip(figure.value if figure else "")

        self.ensurePolished()
        char_format = match_format(self.matchColor, self.matchInkColor)
        for label, part in (
            (self.topic_label, "topic"),
            (self.headline_label, "headline"),
            (self.figure_value_label, "figure value"),
            (self.figure_label, "figure label"),
            (self.tags_label, "tags"),
        ):
            label.set_highlights(_spans(label.text(), match, FRONT_PARTS[part]), char_format)
        hint = match_hint(match)
        self.match_hint_label.setText(hint)
        self.match_hint_label.setVisible(bool(hint))
        self.hint_label.setVisible(not hint)
        self._fit_parts()
        self.scroll_area.verticalScrollBar().setValue(0)  # a new card is read from its top

    def scrolls(self) -> bool:
        """Whether the parts need more room than the face has, so the face scrolls."""
        return self.parts.height() > self.scroll_area.viewport().height()

    def scroll_by_page(self, step: int) -> bool:
        """Scroll a page down (``step`` 1) or up (-1), a line kept in view from the page
        before; False when already at that end."""
        bar = self.scroll_area.verticalScrollBar()
        line = round(QFontMetricsF(self.headline_label.fitted_font()).lineSpacing())
        page = max(bar.pageStep() - line, line)
        target = min(max(bar.value() + step * page, bar.minimum()), bar.maximum())
        if target == bar.value():
            return False
        bar.setValue(target)
        return True

    def _needed_height(self, width: int) -> int:
        """The parts' height at ``width`` with the headline whole at its smallest size."""
        layout = self._parts_layout
        # The headline's size policy is Ignored, so the layout counts it as nothing.
        if layout.hasHeightForWidth():
            others = layout.heightForWidth(width)
        else:
            others = layout.sizeHint().height()
        return others + self.headline_label.height_at_smallest(width)

    def _fit_parts(self) -> None:
        if not self.isVisible():
            return  # fitted as it shows: a hidden front (at start-up, or turned over) waits
        room = self.scroll_area.maximumViewportSize()
        width, height = room.width(), room.height()
        if not self._scrolls:
            self._drop_to_fit(width, height)
            if self.parts.size() != room:
                self.parts.resize(room)
            return
        needed = self._needed_height(width)
        if needed > height:  # a scroll bar will take some of the width
            width -= self.scroll_area.verticalScrollBar().sizeHint().width()
            needed = self._needed_height(width)
        size = QSize(max(width, 1), max(height, needed))
        if self.parts.size() != size:
            self.parts.resize(size)

    def _drop_to_fit(self, width: int, height: int) -> None:
        """On a front nobody can scroll that is too small for its parts (a preview on a
        small screen), leave out the least needed (the hints, the figure's label, then the
        figure) until the title and a line of the headline fit, rather than cut them."""
        optional: tuple[QWidget, ...] = (self.hint_label, self.match_hint_label)
        optional += (self.figure_label, self.figure_value_label)
        wanted = [part for part in optional if not part.isHidden() or part in self._dropped]
        kept: list[QWidget] = [self.topic_label, *wanted]
        line = self.headline_label.height_at_smallest(1_000_000)
        dropped: list[QWidget] = []
        for part in wanted:
            if sum(_height_at(each, width) for each in kept) + line <= height:
                break
            kept.remove(part)
            dropped.append(part)
        others = sum(_height_at(each, width) for each in kept if each is not self.topic_label)
        self._fit_title(width, height - line - others)
        if dropped == self._dropped:
            return
        for part in self._dropped:
            if part not in dropped:
                part.show()
        for part in dropped:
            part.hide()
        self._dropped = dropped

    def _fit_title(self, width: int, room: int) -> None:
        """The title whole where ``room`` holds it, else its first words and "…", the whole
        in the tooltip (a front nobody can scroll only)."""
        label, title = self.topic_label, self._title
        words = title.split()
        shown = title
        if _wrapped_height(label, title, width) > room:
            kept = next(
                (
                    n
                    for n in range(len(words) - 1, 0, -1)
                    if _wrapped_height(label, " ".join(words[:n]) + "\u2026", width) <= room
                ),
                0,
            )
            shown = " ".join(words[:kept]) + "\u2026" if kept else _one_line(label, title, width)
        if label.text() != shown:
            label.setText(shown)
            label.setToolTip(title if shown != title else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A zoom or a new card changes the parts' sizes: the layout asks again.
        if watched is self.parts and event.type() == QEvent.Type.LayoutRequest:
            self._fit_parts()
        return super().eventFilter(watched, event)

    def set_starred(self, starred: bool) -> None:
        self.star_badge.setVisible(starred)
        self._place_badge()

    def _place_badge(self) -> None:
        badge = self.star_badge
        badge.adjustSize()
        badge.move(self.width() - badge.width() - _BADGE_MARGIN, _BADGE_MARGIN)
        badge.raise_()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_parts()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_parts()
        self._place_badge()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)
