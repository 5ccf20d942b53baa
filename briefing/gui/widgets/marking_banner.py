"""The handling marking (``UNCLASSIFIED``, ``DRAFT``...) in a strip across the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from briefing.gui.style_props import restyle
from briefing.render.marking import marking_level


class MarkingBanner(QLabel):
    """Hidden when the deck has no marking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markingBanner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)  # a long marking takes two lines rather than being cut
        font = self.font()
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2.0)
        self.setFont(font)
        self.set_marking("")

    def set_marking(self, marking: str) -> None:
        self.setText(marking)
        self.setProperty("level", marking_level(marking))
        restyle(self)
        self.setVisible(bool(marking))
