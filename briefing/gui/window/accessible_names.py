"""Names and descriptions for screen readers: the window's controls once, the card each
time it changes (which card, which side, what it says, whether it is starred); and every
toolbar button in the Tab order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QToolButton

from briefing.gui.stars import Stars

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow


class AccessibleNames(QObject):
    def __init__(self, window: MainWindow, stars: Stars) -> None:
        super().__init__(window)
        self.window = window
        self.stars = stars
        self.label_controls()
        window.card_changed.connect(self.on_card_changed)
        window.card_view.flipped.connect(self.on_card_flipped)
        stars.changed.connect(self.describe_card)

    def label_controls(self) -> None:
        """Names for screen readers, and every toolbar button in the Tab order."""
        w = self.window
        field = w.search_session.field
        field.setAccessibleName("Search cards")
        field.setAccessibleDescription(field.toolTip())
        w.overview.setAccessibleName("All cards")
        w.overview.setAccessibleDescription("Arrow keys to choose a card, Enter to open it")
        w.position_label.setAccessibleName("Position in the deck")
        for action in w.toolbar.actions():
            button = w.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                button.setAccessibleName(action.iconText() or action.text().replace("&", ""))
                button.setAccessibleDescription(action.toolTip())

    def on_card_changed(self, _index: int) -> None:
        self.describe_card()

    def on_card_flipped(self, _back: bool) -> None:
        self.describe_card()

    def describe_card(self) -> None:
        w = self.window
        view = w.card_view
        if w.deck is None or not w.deck.cards:
            view.setAccessibleName("No card")
            view.setAccessibleDescription("")
            return
        card = w.deck.cards[w.index]
        back = view.is_flipped()
        star = ", starred" if self.stars.is_starred(card.id) else ""
        side = "back" if back else "front"
        view.setAccessibleName(f"Card {w.index + 1} of {len(w.deck.cards)}, {card.title}, {side}")
        if back:
            description = card.body
        else:
            figure = f" {card.figure.value} {card.figure.label}" if card.figure else ""
            description = f"{card.headline}{figure}"
        view.setAccessibleDescription(description.strip() + star)
