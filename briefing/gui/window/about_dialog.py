"""Help > About: the versions of Briefing, Qt and PySide6, and the licences."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from briefing import __version__
from briefing.gui.widgets.icons import app_icon

ICON_SIZE = 64


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
        self.icon = QLabel()
        self.icon.setObjectName("aboutIcon")
        self.icon.setPixmap(
            app_icon().pixmap(QSize(ICON_SIZE, ICON_SIZE), self.devicePixelRatioF())
        )
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.icon)
        row.addWidget(self.label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
