"""A one-line bar for what an export or a print is doing, did, or why it failed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QProgressBar, QPushButton, QWidget

from briefing.gui.style_props import restyle
from briefing.gui.widgets.fit_label import FitLabel


def one_line(text: str) -> str:
    return " ".join(text.split())


class NoticeBar(QFrame):
    """Progress with a Cancel button, or a message with a Dismiss button. It never blocks."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None, info_timeout_ms: int = 0) -> None:
        """``info_timeout_ms``: how long a message that needs no answer stays (0: until
        dismissed)."""
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.info_timer = QTimer(self)
        self.info_timer.setSingleShot(True)
        self.info_timer.setInterval(info_timeout_ms)
        self.info_timer.timeout.connect(self.hide)
        self.message_label = FitLabel(wrap=False, min_scale=1.0)
        self.message_label.setObjectName("noticeMessage")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("noticeProgress")
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("noticeButton")
        self.cancel_button.setToolTip("Stop; nothing is written (Esc)")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setObjectName("noticeButton")
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dismiss_button.clicked.connect(self.hide)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.message_label, 1)
        row.addWidget(self.progress_bar)
        row.addWidget(self.cancel_button)
        row.addWidget(self.dismiss_button)
        self.hide()

    def kind(self) -> str:
        return str(self.property("kind") or "")

    def text(self) -> str:
        return self.message_label.text()

    def show_progress(self, text: str, done: int, total: int) -> None:
        self._set("progress", text)
        self.progress_bar.setRange(0, max(total, 0))
        self.progress_bar.setValue(min(done, total) if total > 0 else 0)

    def show_info(self, text: str) -> None:
        self._set("info", text)
        if self.info_timer.interval() > 0:
            self.info_timer.start()

    def show_error(self, text: str) -> None:
        self._set("error", text)

    def _set(self, kind: str, text: str) -> None:
        self.info_timer.stop()
        text = one_line(text)
        self.message_label.setText(text)
        self.message_label.setToolTip(text)
        busy = kind == "progress"
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.dismiss_button.setVisible(not busy)
        if self.kind() != kind:
            self.setProperty("kind", kind)
            restyle(self)
            restyle(self.message_label)
        self.show()
