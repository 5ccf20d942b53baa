"""File > Export PDF: the export options, then where to save; progress while it writes."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from briefing.export.options import ExportOptions
from briefing.gui.export_job import ExportJob, ask_pdf_path
from briefing.gui.export_settings import CardChoice, Scope, pdf_file_name
from briefing.gui.qt_export_options import ExportOptionsPanel
from briefing.gui.qt_notice_bar import NoticeBar


class ExportPdfDialog(QDialog):
    """Non-blocking: ``open()`` it. Closes itself once the PDF is written; stays open, saying
    why, when the export fails or is cancelled. ``ask_path(parent, suggested)`` asks where to
    save."""

    options_changed = Signal(object, str)  # ExportOptions as set, scope
    exported = Signal(str, str)  # "Exported 12 pages to ...", the PDF's path

    ask_path: Callable[[QWidget, str], str] = staticmethod(ask_pdf_path)

    def __init__(
        self,
        choice: CardChoice,
        options: ExportOptions,
        scope: Scope,
        folder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(f"Export PDF \u2014 {choice.deck.title}")
        self.choice = choice
        self.folder = folder
        self._close_when_idle = False
        self.panel = ExportOptionsPanel()
        self.panel.set_choice(choice)
        self.panel.set_options(options)
        self.panel.set_scope(scope)
        self.notice = NoticeBar()
        self.job = ExportJob(self.notice, self)
        self.export_button = QPushButton("&Export\u2026")
        self.export_button.setObjectName("primaryButton")
        self.export_button.setToolTip("Choose where to save the PDF, then write it (Enter)")
        self.export_button.setDefault(True)
        self.close_button = QPushButton("Close")
        self.close_button.setToolTip("Close without exporting (Esc)")

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(16)
        column.addWidget(self.panel)
        column.addWidget(self.notice)
        column.addLayout(buttons)

        self.panel.changed.connect(self.on_options_changed)
        self.export_button.clicked.connect(self.on_export_requested)
        self.close_button.clicked.connect(self.reject)
        self.job.running_changed.connect(self.on_job_running)
        self.finished.connect(self.job.cancel)
        self.setMinimumWidth(440)
        self.panel.layout_combo.setFocus()

    def on_options_changed(self) -> None:
        self.options_changed.emit(self.panel.remembered(), self.panel.scope())

    def on_export_requested(self) -> None:
        if self.job.is_running():
            return
        suggested = os.path.join(self.folder, pdf_file_name(self.choice.deck.title))
        path = self.ask_path(self, suggested)
        if not path:
            return
        cards = self.choice.cards(self.panel.scope())
        pages = self.job.export_pdf(self.choice.deck, cards, self.panel.options(), path)
        if pages is None:
            return
        self.folder = os.path.dirname(path)
        self.exported.emit(self.notice.text(), path)
        self.accept()

    def on_job_running(self, running: bool) -> None:
        self.panel.setEnabled(not running)
        self.export_button.setEnabled(not running)
        if running:
            self.notice.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._close_when_idle:
            self.reject()

    def reject(self) -> None:
        """Esc and Close: cancel a running export first."""
        if self.job.is_running():
            self.job.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job.is_running():
            self.job.cancel()
            self._close_when_idle = True
            event.ignore()
            return
        super().closeEvent(event)
