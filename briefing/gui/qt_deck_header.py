"""The deck's title, with its subtitle and date under it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from briefing.core.model import Deck
from briefing.gui.qt_fit_label import FitLabel


class DeckHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deckHeader")
        self.title_label = FitLabel(wrap=False, min_scale=1.0)
        self.title_label.setObjectName("deckTitle")
        self.details_label = FitLabel(wrap=False, min_scale=1.0)
        self.details_label.setObjectName("deckDetails")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.details_label)
        self.set_deck(None)

    def set_deck(self, deck: Deck | None) -> None:
        self.title_label.setText(deck.title if deck else "Briefing")
        details = " \u00b7 ".join(p for p in (deck.subtitle, deck.date) if p) if deck else ""
        self.details_label.setText(details)
        self.details_label.setVisible(bool(details))
