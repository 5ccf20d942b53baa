"""The front of a card: topic, headline and key figure."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from briefing.core.model import Card
from briefing.gui.qt_fit_label import FitLabel


def plain_label(object_name: str, parent: QWidget | None = None) -> QLabel:
    """A label for deck text: never interpreted as rich text."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setIndent(0)
    return label


def caps_label(object_name: str, parent: QWidget | None = None) -> QLabel:
    """A small uppercase, letter-spaced label; size and colour come from the stylesheet."""
    label = plain_label(object_name, parent)
    font = label.font()
    # Stylesheets cannot set these two; the stylesheet's size and family merge over them.
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.6)
    label.setFont(font)
    return label


class CardFront(QFrame):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardFace")
        self.setProperty("side", "front")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        self.topic_label = caps_label("cardTopic")
        self.headline_label = FitLabel(wrap=True, min_scale=0.55)
        self.headline_label.setObjectName("cardHeadline")
        self.headline_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.figure_value_label = FitLabel(wrap=False, min_scale=0.4)
        self.figure_value_label.setObjectName("figureValue")
        self.figure_label = plain_label("figureLabel")
        self.figure_label.setWordWrap(True)
        self.hint_label = QLabel("Space to flip")
        self.hint_label.setObjectName("flipHint")

        # Spacing between the parts is the labels' margins in the stylesheet.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.topic_label)
        layout.addWidget(self.headline_label, 1)
        layout.addWidget(self.figure_value_label)
        layout.addWidget(self.figure_label)
        layout.addWidget(self.hint_label, 0, Qt.AlignmentFlag.AlignRight)

    def set_card(self, card: Card) -> None:
        self.topic_label.setText(card.title)
        self.headline_label.setText(card.headline)
        figure = card.figure
        self.figure_value_label.setText(figure.value if figure else "")
        self.figure_label.setText(figure.label if figure else "")
        self.figure_value_label.setVisible(figure is not None)
        self.figure_label.setVisible(bool(figure and figure.label))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)
