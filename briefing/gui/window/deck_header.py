"""The deck's title, with its subtitle and date under it, or the search's count while
searching."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from briefing.core.model import Deck
from briefing.gui.widgets.fit_label import FitLabel


def window_title(deck: Deck | None) -> str:
    return f"{deck.title} \u2014 Briefing" if deck else "Briefing"


class DeckHeader(QWidget):
    """Both lines elide with "…" when the header is narrow; the whole text is the tooltip.

    The search's count takes the second line rather than a place beside the search box, so
    a long "No cards match …" never moves the search box or pushes toolbar buttons away.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deckHeader")
        self.title_label = FitLabel(wrap=False, min_scale=1.0)
        self.title_label.setObjectName("deckTitle")
        self.details_label = FitLabel(wrap=False, min_scale=1.0)
        self.details_label.setObjectName("deckDetails")
        self.status_label = FitLabel(wrap=False, min_scale=1.0)
        self.status_label.setObjectName("searchCount")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 16, 0)  # clear of the search box
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.status_label)
        self.set_deck(None)

    def set_deck(self, deck: Deck | None) -> None:
        self.title_label.setText(deck.title if deck else "Briefing")
        details = " \u00b7 ".join(p for p in (deck.subtitle, deck.date) if p) if deck else ""
        self.details_label.setText(details)
        self._show_second_line()

    def set_status(self, text: str) -> None:
        """Show the search's count ("2 of 6 cards") in place of the details; "" for none."""
        self.status_label.setText(text)
        self._show_second_line()

    def _show_second_line(self) -> None:
        status = bool(self.status_label.text())
        self.status_label.setVisible(status)
        self.details_label.setVisible(not status and bool(self.details_label.text()))
        self._update_tooltips()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltips()

    def _update_tooltips(self) -> None:
        for label in (self.title_label, self.details_label, self.status_label):
            label.setToolTip(label.text() if label.is_elided() else "")
