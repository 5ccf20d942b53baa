"""What the window shows before any deck has opened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    open_file_requested = Signal()
    open_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        title = QLabel("No deck open")
        title.setObjectName("emptyTitle")
        hint = QLabel("Open a deck file (.yaml) or a deck folder, or drop one on this window.")
        hint.setObjectName("emptyHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_file_button = QPushButton("Open Deck File\u2026")
        self.open_file_button.setObjectName("primaryButton")
        self.open_folder_button = QPushButton("Open Deck Folder\u2026")
        self.open_file_button.clicked.connect(self.open_file_requested)
        self.open_folder_button.clicked.connect(self.open_folder_requested)

        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addStretch(1)
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(hint)
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addStretch(2)
