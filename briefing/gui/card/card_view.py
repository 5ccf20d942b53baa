"""The card in the middle of the window, and its 3D flip."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QPointF,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from briefing.core.model import Card, Deck
from briefing.gui.card import zoom
from briefing.gui.card.front import CardFront
from briefing.gui.card.painting import ShadowCache
from briefing.gui.style_props import color_property, restyle
from briefing.render.highlight import CardMatch

if TYPE_CHECKING:  # the back is built when first shown, not at start-up
    from briefing.gui.card.back import CardBack


class CardView(QWidget):
    """Shows one card, front or back, centred at 3:2 and as large as the window allows.

    A flip grabs both faces as pixmaps and paints them turning about the card's vertical
    axis (front up to 90 degrees, then the back), so the turn has perspective.
    """

    flipped = Signal(bool)  # a flip settled; True when the back is showing
    clicked = Signal()

    flip_duration_ms: ClassVar[int] = 350
    front_scrolls: ClassVar[bool] = True  # a reader can scroll a front too tall for its card
    max_card_width: ClassVar[int] = 1000
    aspect: ClassVar[float] = 1.5
    margin: ClassVar[int] = 36
    radius: ClassVar[float] = 14.0
    # The reader zooms the type (set_text_zoom). A view nobody zooms (the room's card) has
    # its type sized for a card this wide, and scales it with the card, so that a small
    # screen shows the whole card as a large one does; 0: the type keeps its size.
    type_card_width: ClassVar[int] = 0
    smallest_type_percent: ClassVar[int] = 40

    shadowColor = color_property("_shadow_color", QPalette.ColorRole.Shadow)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.front = CardFront(self, scrolls=self.front_scrolls)
        self.front.clicked.connect(self.clicked)
        self._back: CardBack | None = None
        self._focus_ring = False
        self._card: tuple[Deck, Card, CardMatch | None] | None = None
        self.reduced_motion = False  # View > Reduce Motion: every flip instant

        self.flip_animation = QVariantAnimation(self)
        self.flip_animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.flip_animation.valueChanged.connect(self.update)
        self.flip_animation.finished.connect(self._on_flip_finished)
        self._showing_back = False
        self._faces: tuple[QPixmap, QPixmap] | None = None
        self._shadow = ShadowCache(self.radius)

    @property
    def back(self) -> CardBack:
        """The back face, built on first use: a card opens front up, and the back's text
        browser and document machinery cost start-up time the first card does not need."""
        if self._back is None:
            from briefing.gui.card.back import CardBack

            self._back = CardBack(self)
            self._back.hide()
            self._back.setProperty("focusRing", self._focus_ring)
            self._back.ensurePolished()  # its colours, set by the stylesheet, read at once
            self._back.clicked.connect(self.clicked)
            self._back.setGeometry(self.card_rect().toRect())
            if self._card is not None:
                self._back.set_card(*self._card)
        return self._back

    def faces(self) -> list[QWidget]:
        """The faces built so far: the front, and the back once it has been needed."""
        return [self.front] if self._back is None else [self.front, self._back]

    def set_text_zoom(self, percent: int) -> None:
        """The card's text at ``percent`` of the sizes the application's stylesheet gives."""
        app = QApplication.instance()
        sheet = app.styleSheet() if isinstance(app, QApplication) else ""
        rules = zoom.scaled_font_rules(sheet, percent, zoom.CARD_PARTS)
        if self.styleSheet() != rules:  # setting it again would lay the card out again
            self.setStyleSheet(rules)

    def type_percent(self, card_width: int) -> int:
        """The type's size for a card ``card_width`` wide, in steps of 5% (each step lays
        the card out again) from ``smallest_type_percent`` to 100%."""
        percent = 100 * card_width / self.type_card_width
        return max(self.smallest_type_percent, min(100, int(percent // 5) * 5))

    def show_focus_ring(self, shown: bool) -> None:
        """A ring round the card (``[focusRing="true"]`` in the stylesheet)."""
        self._focus_ring = shown
        for face in self.faces():
            if face.property("focusRing") != shown:
                face.setProperty("focusRing", shown)
                restyle(face)

    # -- state -----------------------------------------------------------------------------

    def is_flipped(self) -> bool:
        """Which side the card is on, or is turning to."""
        return self._showing_back

    def show_side(self, back: bool) -> None:
        """The back (``back``) or the front up at once, without turning, if it is not."""
        if back != self._showing_back:
            self.flip(animated=False)

    @property
    def showing_back(self) -> bool:
        return self._showing_back

    def is_animating(self) -> bool:
        return self.flip_animation.state() == QAbstractAnimation.State.Running

    def angle(self) -> float:
        """The card's turn in degrees: 0 is the front facing the viewer, 180 the back."""
        if self._faces is not None:
            return float(self.flip_animation.currentValue())
        return 180.0 if self._showing_back else 0.0

    def set_card(
        self, deck: Deck, card: Card, match: CardMatch | None = None, *, keep_side: bool = False
    ) -> None:
        """Show ``card``, front up; with ``match``, its search matches marked on both sides.

        With ``keep_side``, on the side the card view shows (or is turning to), scrolled
        where it was: the same card again, with other marks."""
        back_up = keep_side and self._showing_back
        scrolled = self._back.scroll_position() if back_up and self._back is not None else 0
        self.flip_animation.stop()
        self._faces = None
        self._showing_back = back_up
        self._card = (deck, card, match)
        self.front.set_card(card, match)
        if self._back is not None:
            self._back.set_card(deck, card, match)
            if back_up:
                self._back.scroll_to(scrolled)
        self._show_face()

    def scroll_by_page(self, step: int) -> bool:
        """Scroll the side showing a page down (``step`` 1) or up (-1); False when it is
        already at that end (or does not scroll)."""
        if self._showing_back:
            return self.back.scroll_by_page(step)
        return self.front.scroll_by_page(step)

    # -- flipping --------------------------------------------------------------------------

    def flip(self, animated: bool = True) -> None:
        """Turn the card over; during a turn, turn back the way it came."""
        start = self.angle()
        self._showing_back = not self._showing_back
        end = 180.0 if self._showing_back else 0.0
        if self.flip_duration_ms <= 0 or self.reduced_motion or not animated:
            self.flip_animation.stop()
            self._on_flip_finished()
            return
        if self._faces is None:
            self._faces = (self._grab(self.front), self._grab(self.back))
        self.flip_animation.stop()
        self.flip_animation.setStartValue(start)
        self.flip_animation.setEndValue(end)
        self.flip_animation.setDuration(
            max(1, round(self.flip_duration_ms * abs(end - start) / 180))
        )
        self.front.hide()
        self.back.hide()
        self.flip_animation.start()

    def _on_flip_finished(self) -> None:
        self._faces = None
        self._show_face()
        self.flipped.emit(self._showing_back)

    def _show_face(self) -> None:
        self.front.setVisible(not self._showing_back)
        if self._showing_back or self._back is not None:
            self.back.setVisible(self._showing_back)
        self.update()

    def _grab(self, face: QWidget) -> QPixmap:
        face.setGeometry(self.card_rect().toRect())
        image = face.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        # The grab has square corners; clear them so the turning card stays rounded.
        outside = QPainterPath()
        outside.addRect(QRectF(face.rect()))
        inside = QPainterPath()
        inside.addRoundedRect(QRectF(face.rect()), self.radius, self.radius)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        painter.fillPath(outside.subtracted(inside), Qt.GlobalColor.black)
        painter.end()
        return QPixmap.fromImage(image)

    # -- geometry and painting -------------------------------------------------------------

    def card_rect(self) -> QRectF:
        area = QRectF(self.rect()).adjusted(self.margin, self.margin, -self.margin, -self.margin)
        width = min(area.width(), area.height() * self.aspect, float(self.max_card_width))
        width = max(width, 1.0)
        height = width / self.aspect
        return QRectF(area.center().x() - width / 2, area.center().y() - height / 2, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        rect = self.card_rect().toRect()
        if self.type_card_width:
            self.set_text_zoom(self.type_percent(rect.width()))
        self.front.setGeometry(rect)
        if self._back is not None:
            self._back.setGeometry(rect)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        rect = self.card_rect()
        if self._faces is None:
            self._shadow.paint(painter, rect, self.shadowColor)
            return
        angle = self.angle()
        face = self._faces[0] if angle < 90 else self._faces[1]
        turn = angle if angle < 90 else angle - 180
        painter.setTransform(self._turn(rect, turn))
        self._shadow.paint(painter, rect, self.shadowColor)
        painter.drawPixmap(rect.toRect(), face)
        # The card darkens a little as it turns edge-on, which sells the depth.
        shade = self.shadowColor
        shade.setAlphaF(0.22 * math.sin(math.radians(abs(turn))))
        path = QPainterPath()
        path.addRoundedRect(rect, self.radius, self.radius)
        painter.fillPath(path, shade)

    def _turn(self, rect: QRectF, degrees: float) -> QTransform:
        centre: QPointF = rect.center()
        transform = QTransform()
        transform.translate(centre.x(), centre.y())
        # Lifted off the table a little while it turns, so the near edge stays in view...
        lift = 1 - 0.12 * math.sin(math.radians(abs(degrees)))
        transform.scale(lift, lift)
        # ...and seen from about four card widths away: depth without a fish-eye edge.
        transform.rotate(degrees, Qt.Axis.YAxis, max(rect.width(), 1.0) * 4)
        transform.translate(-centre.x(), -centre.y())
        return transform
