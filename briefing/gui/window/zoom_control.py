"""Zooming the card's text: View > Zoom In, Zoom Out and Actual Size, remembered, and the
percentage shown over the card for a moment after each change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from briefing.gui import settings
from briefing.gui.actions import add_action
from briefing.gui.card import zoom

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow
    from briefing.gui.window.reading_place import ReadingPlace

ZOOM_INDICATOR_MS = 1500


class ZoomControl(QObject):
    def __init__(self, window: MainWindow, reading_place: ReadingPlace) -> None:
        super().__init__(window)
        self.window = window
        self.reading_place = reading_place
        self.zoom = settings.zoom(zoom.STEPS, zoom.DEFAULT)

        window.card_view.installEventFilter(self)
        self.zoom_indicator = QLabel(window.card_view)
        self.zoom_indicator.setObjectName("zoomIndicator")
        self.zoom_indicator.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_indicator.hide()
        self.zoom_timer = QTimer(self)
        self.zoom_timer.setSingleShot(True)
        self.zoom_timer.setInterval(ZOOM_INDICATOR_MS)
        self.zoom_timer.timeout.connect(self.zoom_indicator.hide)

        self.zoom_in_action = add_action(
            window,
            "Zoom &In",
            "Larger card text",
            ["Ctrl++", "Ctrl+=", QKeySequence.StandardKey.ZoomIn],
            lambda: self.set_zoom(zoom.zoom_in(self.zoom)),
        )
        self.zoom_out_action = add_action(
            window,
            "Zoom &Out",
            "Smaller card text",
            ["Ctrl+-", QKeySequence.StandardKey.ZoomOut],
            lambda: self.set_zoom(zoom.zoom_out(self.zoom)),
        )
        self.zoom_reset_action = add_action(
            window,
            "&Actual Size",
            "Card text at 100%",
            ["Ctrl+0"],
            lambda: self.set_zoom(zoom.DEFAULT),
        )
        self.apply_zoom(show=False)

    def set_zoom(self, percent: int) -> None:
        if percent not in zoom.STEPS or percent == self.zoom:
            self._flash_zoom()
            return
        self.zoom = percent
        settings.save_zoom(percent)
        self.apply_zoom()

    def apply_zoom(self, show: bool = True) -> None:
        self.window.card_view.set_text_zoom(self.zoom)
        self.zoom_in_action.setEnabled(self.zoom < zoom.STEPS[-1])
        self.zoom_out_action.setEnabled(self.zoom > zoom.STEPS[0])
        self._refresh_card()
        if show:
            self._flash_zoom()

    def _flash_zoom(self) -> None:
        self.zoom_indicator.setText(f"{self.zoom}%")
        self.zoom_indicator.setAccessibleName(f"Zoom {self.zoom}%")
        self.zoom_indicator.adjustSize()
        self._place_zoom_indicator()
        self.zoom_indicator.show()
        self.zoom_indicator.raise_()
        self.zoom_timer.start()

    def _place_zoom_indicator(self) -> None:
        view = self.window.card_view
        self.zoom_indicator.move((view.width() - self.zoom_indicator.width()) // 2, 8)

    def _refresh_card(self) -> None:
        """Lay the card out again in the new fonts, on the same side."""
        w = self.window
        if w.deck is None or not w.deck.cards:
            return
        back = w.card_view.is_flipped()
        with self.reading_place.held():  # no saving midway
            w.go_to(w.index)
            w.card_view.show_side(back)
        self.reading_place.save()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window.card_view and event.type() == QEvent.Type.Resize:
            self._place_zoom_indicator()
        return False
