"""Labels for deck text, plain and in small capitals, as every part of the window makes them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(object_name: str, parent: QWidget | None = None) -> QLabel:
    """A label for deck text: never interpreted as rich text."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setIndent(0)
    return label


def caps_label(object_name: str, parent: QWidget | None = None) -> QLabel:
    """A small uppercase, letter-spaced label; size and colour come from the stylesheet."""
    return caps(plain_label(object_name, parent))


def caps(label: QLabel) -> QLabel:
    font = label.font()
    # Stylesheets cannot set these two; the stylesheet's size and family merge over them.
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.6)
    label.setFont(font)
    return label
