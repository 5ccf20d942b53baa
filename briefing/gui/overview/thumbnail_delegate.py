"""Paints a card's front in miniature for the overview grid."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from briefing.core.model import Card
from briefing.gui.card.painting import ShadowCache, draw_elided_paragraph, elide_at_word
from briefing.gui.overview.deck_model import DeckListModel
from briefing.gui.stars import STARRED_TEXT
from briefing.render.fonts import SERIF

_Index = QModelIndex | QPersistentModelIndex


class CardThumbnailDelegate(QStyledItemDelegate):
    """Topic, headline (wrapped, elided) and figure on a small white card.

    Colours come from the view's ``cardColor``, ``inkColor``, ``accentColor``, ``mutedColor``,
    ``shadowColor``, ``selectionColor`` and ``outlineColor`` (transparent: no outline)
    properties, which the stylesheet sets.
    """

    item_size = QSize(272, 184)
    radius = 10.0
    # One image for every thumbnail: painting the layers for each card was most of the
    # grid's repaint, which a search pays on every keystroke.
    _shadow = ShadowCache(radius, blur=10, offset_y=3)
    cached_layers = 96  # a screenful or two of thumbnails

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text_layers: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(self.item_size)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        card = index.data(DeckListModel.CardRole)
        if not isinstance(card, Card):
            return
        colors = _Colors(option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(12, 10, -12, -14)
        self._shadow.paint(painter, rect, colors.shadow)
        path = QPainterPath()
        path.addRoundedRect(rect, self.radius, self.radius)
        painter.fillPath(path, colors.card)
        if colors.outline.alpha():  # high contrast: a card edge that does not need a shadow
            painter.setPen(QPen(colors.outline, 1.5))
            painter.drawPath(path)
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(colors.selection, 3))
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), self.radius + 4, self.radius + 4)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(QPen(colors.muted, 1))
            painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), self.radius + 2, self.radius + 2)
        inner = rect.adjusted(18, 16, -18, -14)
        painter.drawPixmap(inner.topLeft(), self._text_layer(painter, inner, option, card, index))
        painter.restore()

    def _text_layer(
        self,
        painter: QPainter,
        inner: QRectF,
        option: QStyleOptionViewItem,
        card: Card,
        index: _Index,
    ) -> QPixmap:
        """The thumbnail's text, laid out once and kept: a search repaints the grid on
        every keystroke, and laying out wrapped text was most of that."""
        colors = _Colors(option.widget)
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        number = index.data(DeckListModel.NumberRole)
        starred = bool(index.data(DeckListModel.StarredRole))
        key = (
            card,
            number,
            starred,
            inner.size().toSize().toTuple(),
            ratio,
            option.font.key(),
            colors.key,
        )
        layer = self._text_layers.get(key)
        if layer is not None:
            self._text_layers.move_to_end(key)
            return layer
        size = inner.size().toSize()
        layer = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
        layer.setDevicePixelRatio(ratio)
        layer.fill(Qt.GlobalColor.transparent)
        text_painter = QPainter(layer)
        text_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        area = QRectF(0, 0, inner.width(), inner.height())
        self._paint_text(text_painter, area, option.font, card, index, colors)
        text_painter.end()
        self._text_layers[key] = layer
        if len(self._text_layers) > self.cached_layers:
            self._text_layers.popitem(last=False)
        return layer

    def _paint_text(
        self,
        painter: QPainter,
        inner: QRectF,
        base: QFont,
        card: Card,
        index: _Index,
        colors: _Colors,
    ) -> None:
        size = base.pixelSize() if base.pixelSize() > 0 else round(base.pointSizeF() * 4 / 3)
        topic = QFont(base)
        topic.setPixelSize(round(size * 0.8))
        topic.setWeight(QFont.Weight.DemiBold)
        topic.setCapitalization(QFont.Capitalization.AllUppercase)
        topic.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.2)
        topic_metrics = QFontMetricsF(topic)
        number = f"{index.data(DeckListModel.NumberRole)}"
        if index.data(DeckListModel.StarredRole):  # a mark and a word, not only a colour
            number = f"{STARRED_TEXT} \u00b7 {number}"
        painter.setFont(topic)
        painter.setPen(colors.muted)
        number_width = topic_metrics.horizontalAdvance(number) + 8
        painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, number)
        painter.setPen(colors.accent)
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width() - number_width, topic_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            elide_at_word(topic_metrics, card.title, inner.width() - number_width),
        )
        bottom = inner.bottom()
        if card.figure is not None:
            figure = QFont(base)
            figure.setPixelSize(round(size * 1.55))
            figure.setWeight(QFont.Weight.Bold)
            figure_metrics = QFontMetricsF(figure)
            painter.setFont(figure)
            painter.setPen(colors.accent)
            painter.drawText(
                QRectF(
                    inner.left(),
                    bottom - figure_metrics.height(),
                    inner.width(),
                    figure_metrics.height(),
                ),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                elide_at_word(figure_metrics, card.figure.value, inner.width()),
            )
            bottom -= figure_metrics.height() + 4
        headline = QFont(base)
        headline.setFamilies([SERIF])
        headline.setPixelSize(round(size * 1.15))
        top = inner.top() + topic_metrics.height() + 10
        painter.setFont(headline)
        painter.setPen(colors.ink)
        draw_elided_paragraph(
            painter, QRectF(inner.left(), top, inner.width(), bottom - top), headline, card.headline
        )


class _Colors:
    def __init__(self, view: QWidget | None) -> None:
        palette = view.palette() if view is not None else QPalette()

        def read(name: str, fallback: QPalette.ColorRole) -> QColor:
            value = view.property(name) if view is not None else None
            return QColor(value) if isinstance(value, QColor) else palette.color(fallback)

        Role = QPalette.ColorRole
        self.card = read("cardColor", Role.Base)
        self.ink = read("inkColor", Role.Text)
        self.accent = read("accentColor", Role.Highlight)
        self.muted = read("mutedColor", Role.PlaceholderText)
        self.shadow = read("shadowColor", Role.Shadow)
        self.selection = read("selectionColor", Role.Highlight)
        outline = view.property("outlineColor") if view is not None else None
        self.outline = QColor(outline) if isinstance(outline, QColor) else QColor(0, 0, 0, 0)
        self.key = tuple(c.rgba() for c in (self.ink, self.accent, self.muted))
