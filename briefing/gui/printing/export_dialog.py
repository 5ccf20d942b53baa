"""File > Export PDF: the export options, then where to save; progress while it writes."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from briefing.gui.printing.export_window import ExportWindowBase


class ExportPdfDialog(ExportWindowBase):
    """Non-blocking: ``open()`` it. Closes itself once the PDF is written; stays open, saying
    why, when the export fails or is cancelled. ``ask_path(parent, suggested)`` asks where to
    save."""

    object_name = "exportDialog"
    title_verb = "Export PDF"
    close_after_export = True

    def _build(self) -> None:
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

        self.export_button.clicked.connect(self.on_export_requested)
        self.setMinimumWidth(440)
        self.panel.layout_combo.setFocus()
