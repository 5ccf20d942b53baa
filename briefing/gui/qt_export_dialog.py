"""File > Export PDF: the export options, then where to save; progress while it writes."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from briefing.export.options import ExportOptions
from briefing.gui.export_settings import CardChoice, Scope
from briefing.gui.export_window import ExportWindowBase


class ExportPdfDialog(ExportWindowBase):
    """Non-blocking: ``open()`` it. Closes itself once the PDF is written; stays open, saying
    why, when the export fails or is cancelled. ``ask_path(parent, suggested)`` asks where to
    save."""

    close_after_export = True

    def __init__(
        self,
        choice: CardChoice,
        options: ExportOptions,
        scope: Scope,
        folder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("exportDialog", "Export PDF", choice, options, scope, folder, parent)
        self.export_button.setText("&Export\u2026")
        self.export_button.setObjectName("primaryButton")
        self.export_button.setToolTip("Choose where to save the PDF, then write it (Enter)")
        self.export_button.setDefault(True)
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

        self._connect_job()
        self.export_button.clicked.connect(self.on_export_requested)
        self.setMinimumWidth(440)
        self.panel.layout_combo.setFocus()
