"""Starring cards from the window: the Star action (the Go menu and the toolbar show it), and
the stars shown on the card, in the overview and to the search's ``is:starred``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from briefing.core.model import Deck
from briefing.gui.actions import add_action
from briefing.gui.stars import Stars
from briefing.gui.widgets.icons import icon

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow


class Starring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.stars = Stars(self)
        self.star_action = add_action(
            window,
            "&Star Card",
            "Star the card, to find it later",
            ["Ctrl+D", "*"],
            self.toggle_star,
        )
        self.star_action.setCheckable(True)
        self.star_action.setIconText("Star")
        self.star_action.setEnabled(False)  # until a card is shown (_show_star)
        self.star_action.setIcon(icon("star"))
        window.deck_changed.connect(self.on_deck_changed)
        window.card_changed.connect(self.on_card_changed)
        window.card_view.flipped.connect(self.on_card_flipped)
        self.stars.changed.connect(self.on_stars_changed)

    def on_deck_changed(self, deck: Deck) -> None:
        self.stars.set_deck(deck)

    def on_card_changed(self, _index: int) -> None:
        self._show_star()

    def on_card_flipped(self, _back: bool) -> None:
        self._show_star()

    def current_card_id(self) -> str | None:
        deck = self.window.deck
        return deck.cards[self.window.index].id if deck is not None and deck.cards else None

    def toggle_star(self) -> None:
        """Star the card on screen, or in the overview the card chosen there."""
        w = self.window
        if w.deck is None or not w.deck.cards:
            return
        index = w.index
        if w.overview_visible():
            row = w.overview.selected_row()
            if row < 0:  # no card chosen (a search that matched none): nothing to star
                self._show_star()  # the checkable action has already checked itself
                return
            index = w.search_session.results_model.source_row(row)
        self.stars.toggle(w.deck.cards[index].id)

    def on_stars_changed(self) -> None:
        w = self.window
        ids = self.stars.ids()
        w.model.set_starred(ids)
        w.overview.viewport().update()
        w.search_session.set_flags({"starred": ids})
        self._show_star()

    def _show_star(self) -> None:
        card_id = self.current_card_id()
        starred = card_id is not None and self.stars.is_starred(card_id)
        self.star_action.setEnabled(card_id is not None)
        self.star_action.setChecked(starred)
        self.star_action.setText("Un&star Card" if starred else "&Star Card")
        self.star_action.setIconText("Starred" if starred else "Star")
        self.window.card_view.front.set_starred(starred)
