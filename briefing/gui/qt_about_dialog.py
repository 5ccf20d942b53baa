"""Help > About: the versions of Briefing, Qt and PySide6, and the licences."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from briefing import __version__


def about_text() -> str:
    return "\n".join(
        (
            f"Briefing {__version__}",
            "Read, print and present briefing decks of flip cards.",
            "",
            f"Qt {qVersion()} \u00b7 PySide6 {PySide6.__version__}",
            "Licence: MIT",
            "Fonts: Inter and Noto Serif, under the SIL Open Font License (OFL) 1.1",
        )
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Briefing")
        self.setModal(False)
        self.label = QLabel(about_text())
        self.label.setObjectName("aboutText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
