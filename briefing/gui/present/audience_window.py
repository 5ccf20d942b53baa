"""The audience's window: the card alone, full screen, in large type on a dark or light stage.

Also the parts the presenter window shares with it: the keys overlay, the typed card number
and the key handling that sends keys to the presentation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.card import zoom
from briefing.gui.card.card_view import CardView
from briefing.gui.present.keys import HelpRows, key_help
from briefing.gui.style_props import restyle
from briefing.gui.widgets.labels import plain_label
from briefing.gui.widgets.marking_banner import MarkingBanner

if TYPE_CHECKING:
    from briefing.gui.present.presentation import Presentation

CURSOR_HIDE_MS = 2000


class StageCardView(CardView):
    """The card as large as the screen allows (its type set large by the stylesheet)."""

    front_scrolls: ClassVar[bool] = False  # nobody scrolls it: no scroll bar shown
    max_card_width: ClassVar[int] = 100_000
    margin: ClassVar[int] = 40
    radius: ClassVar[float] = 20.0
    type_card_width: ClassVar[int] = 1440  # the card on a 1920x1080 screen


_KEYS_PARTS = ("keysHeading", "keysKey", "keysMeaning", "keysFooter")


class KeysOverlay(QFrame):
    """The list of keys, over the window, until any key is pressed."""

    def __init__(self, parent: QWidget, rows: HelpRows | None = None) -> None:
        super().__init__(parent)
        rows = key_help() if rows is None else rows
        self.setObjectName("keysOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        panel = self.panel = QFrame()
        panel.setObjectName("keysPanel")
        grid = QGridLayout(panel)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        heading = plain_label("keysHeading")
        heading.setText("Keys")
        grid.addWidget(heading, 0, 0, 1, 2)
        for row, (keys, meaning) in enumerate(rows, start=1):
            key_label = plain_label("keysKey")
            key_label.setText(keys)
            meaning_label = plain_label("keysMeaning")
            meaning_label.setText(meaning)
            grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(meaning_label, row, 1)
        footer = plain_label("keysFooter")
        footer.setText("Press any key to close")
        grid.addWidget(footer, len(rows) + 1, 0, 1, 2, Qt.AlignmentFlag.AlignCenter)
        column = self._column = QVBoxLayout(self)
        column.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_over_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(between_banners(parent))
        self.raise_()
        self.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_panel()

    def _fit_panel(self) -> None:
        """The list in the stylesheet's type where it fits the window, else smaller type
        (down to half), so a small window shows every key whole."""
        app = QApplication.instance()
        sheet = app.styleSheet() if isinstance(app, QApplication) else ""
        margins = self.contentsMargins() + self._column.contentsMargins()
        room = self.contentsRect().size().shrunkBy(margins)
        for percent in reversed(zoom.STEPS[: zoom.STEPS.index(zoom.DEFAULT) + 1]):
            rules = zoom.scaled_font_rules(sheet, percent, _KEYS_PARTS)
            if self.panel.styleSheet() != rules:
                self.panel.setStyleSheet(rules)
            needed = self.panel.sizeHint()
            if needed.width() <= room.width() and needed.height() <= room.height():
                return


def between_banners(window: QWidget) -> QRect:
    """The part of ``window`` between its marking banners: an overlay there leaves the
    deck's marking in plain view."""
    area = window.rect()
    for banner in window.findChildren(MarkingBanner):
        if banner.isVisible():
            edge = banner.geometry()
            if edge.top() <= area.top():
                area.setTop(edge.bottom() + 1)
            elif edge.bottom() >= area.bottom():
                area.setBottom(edge.top() - 1)
    return area


class PresentationKeys:
    """Key handling shared by the audience and presenter windows."""

    presentation: Presentation
    keys_overlay: KeysOverlay

    def dispatch_key(self, event: QKeyEvent) -> bool:
        """The overlay closes on any key and ``?`` opens it; other keys go to the
        presentation. True when the key was used."""
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        if self.keys_overlay.isVisible():
            if event.key() in _MODIFIERS:
                return False
            self.keys_overlay.hide()
            return True
        if not self.presentation.blank and event.text() == "?":
            self.keys_overlay.show_over_parent()
            return True
        return self.presentation.handle_key(event.key(), event.text())


_MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta}


def typed_number_label(parent: QWidget) -> QLabel:
    label = plain_label("typedNumber", parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.hide()
    return label


def show_typed(label: QLabel, typed: str, count: int) -> None:
    """The number typed so far, in the window's bottom-right corner."""
    label.setText(f"Go to {typed} of {count}")
    label.setVisible(bool(typed))
    label.adjustSize()
    parent = label.parentWidget()
    if parent is not None:
        label.move(parent.width() - label.width() - 24, parent.height() - label.height() - 24)
    label.raise_()


def marking_banners(marking: str) -> tuple[MarkingBanner, MarkingBanner]:
    """The deck's handling marking above and below what the room sees (hidden when none)."""
    banners = (MarkingBanner(), MarkingBanner())
    for banner in banners:
        banner.set_marking(marking)
    return banners


class AudienceWindow(PresentationKeys, QWidget):
    """What the room sees: the card, and nothing else."""

    def __init__(self, presentation: Presentation, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("audienceWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(f"{presentation.deck.title} \u2014 Presenting")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.presentation = presentation
        self.setProperty("stage", presentation.stage)
        self.card_view = StageCardView()
        self.card_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.top_banner, self.bottom_banner = marking_banners(presentation.deck.marking)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_banner)
        layout.addWidget(self.card_view, 1)
        layout.addWidget(self.bottom_banner)
        self.blank_cover = QWidget(self)
        self.blank_cover.setObjectName("blankCover")
        self.blank_cover.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.blank_cover.hide()
        self.typed_label = typed_number_label(self)
        self.keys_overlay = KeysOverlay(self)

        # The pointer hides when it has not moved for a while, and comes back when it does.
        self.cursor_timer = QTimer(self)
        self.cursor_timer.setSingleShot(True)
        self.cursor_timer.setInterval(CURSOR_HIDE_MS)
        self.cursor_timer.timeout.connect(self.hide_cursor)
        self._cursor_hidden = False
        for widget in (self, *self.findChildren(QWidget)):
            widget.setMouseTracking(True)
            widget.installEventFilter(self)

        self.card_view.clicked.connect(presentation.flip)
        back = self.card_view.back
        back.browser.verticalScrollBar().valueChanged.connect(
            lambda _value: presentation.back_scrolled.emit(back.scroll_fraction())
        )
        presentation.card_changed.connect(self.on_card_changed)
        presentation.side_changed.connect(self.on_side_changed)
        presentation.blank_changed.connect(self.on_blank_changed)
        presentation.stage_changed.connect(self.on_stage_changed)
        presentation.typed_changed.connect(self.on_typed_changed)
        self.on_card_changed()
        self.cursor_timer.start()

    # -- following the presentation --------------------------------------------------------

    def on_card_changed(self) -> None:
        presentation = self.presentation
        self.card_view.set_card(presentation.deck, presentation.card)
        self.card_view.front.hint_label.hide()  # the room does not press Space
        if presentation.showing_back:
            self.on_side_changed(True)

    def on_side_changed(self, back: bool) -> None:
        if self.card_view.is_flipped() != back:
            self.card_view.flip()

    def on_blank_changed(self, blank: str) -> None:
        self.blank_cover.setProperty("kind", blank)
        restyle(self.blank_cover, with_children=True)
        self.blank_cover.setGeometry(self.rect())
        self.blank_cover.raise_()
        self.blank_cover.setVisible(bool(blank))

    def on_stage_changed(self, stage: str) -> None:
        self.setProperty("stage", stage)
        restyle(self, with_children=True)
        # The back's text takes its colours from the stylesheet when it is filled.
        back = self.card_view.is_flipped()
        self.card_view.set_card(self.presentation.deck, self.presentation.card)
        self.card_view.front.hint_label.hide()
        self.card_view.show_side(back)

    def on_typed_changed(self, typed: str) -> None:
        show_typed(self.typed_label, typed, self.presentation.count())

    # -- the pointer -----------------------------------------------------------------------

    def cursor_hidden(self) -> bool:
        return self._cursor_hidden

    def hide_cursor(self) -> None:
        self._cursor_hidden = True
        for widget in (self, *self.findChildren(QWidget)):
            widget.setCursor(Qt.CursorShape.BlankCursor)

    def show_cursor(self) -> None:
        if self._cursor_hidden:
            self._cursor_hidden = False
            for widget in (self, *self.findChildren(QWidget)):
                widget.unsetCursor()
            self.card_view.front.setCursor(Qt.CursorShape.PointingHandCursor)
        self.cursor_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove:
            self.show_cursor()
        return super().eventFilter(watched, event)

    # -- Qt events -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.dispatch_key(event):
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.blank_cover.setGeometry(self.rect())
        if self.keys_overlay.isVisible():
            self.keys_overlay.setGeometry(between_banners(self))
        show_typed(self.typed_label, self.presentation.typed, self.presentation.count())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cursor_timer.stop()
        self.card_view.flip_animation.stop()
        super().closeEvent(event)
        self.presentation.end()  # closed by the window manager: the presentation is over
