"""The window's search session: the search box, the search over the deck, and the matches the
overview shows, from the first letter typed until the search is cleared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from briefing.gui.search.card_search import CardSearch
from briefing.gui.search.results_model import SearchResultsModel
from briefing.gui.search.search_field import SearchField

if TYPE_CHECKING:  # the window assembles this part; the part only calls its public methods
    from PySide6.QtCore import QAbstractItemModel

    from briefing.core.model import Deck
    from briefing.gui.window.main_window import MainWindow
    from briefing.render.highlight import CardMatch

NO_MATCH_HINT = "Try fewer or shorter words, or press Esc to see every card."
_ECHO_LENGTH = 28  # of a query quoted back in the header, beyond which it ends in "…"


class SearchSession(QObject):
    """Typing in ``field`` searches the deck (``search``); ``results_model`` is what the
    overview shows. The window moves through the deck and shows or hides the overview; the
    session asks it to, and says through ``changed`` when what the window shows of the
    search (its status, keys and actions) may have changed."""

    changed = Signal()

    def __init__(self, window: MainWindow, cards: QAbstractItemModel) -> None:
        super().__init__(window)
        self._window = window
        self.results_model = SearchResultsModel(cards, self)
        self.search = CardSearch(self)
        self.field = SearchField()
        # While searching: the card and view to go back to on Esc, and whether the user
        # opened a match (then Esc stays on it).
        self._origin: tuple[int, bool] | None = None
        self._opened_match = False
        self.field.textChanged.connect(self.on_text_changed)
        self.field.accepted.connect(self.on_accepted)
        self.field.step_requested.connect(self.on_step_requested)
        self.field.escape_pressed.connect(self.on_escape_pressed)
        self.search.results_changed.connect(self.on_results_changed)

    def show_find_keys(self, find_action: QAction) -> None:
        """Name the search box after ``find_action``'s key: "Search cards (Ctrl+F)"."""
        find_keys = find_action.shortcuts()
        key = find_keys[0].toString(QKeySequence.SequenceFormat.NativeText) if find_keys else ""
        placeholder = f"Search cards ({key})" if key else "Search cards"
        self.field.setPlaceholderText(placeholder)
        # A narrow window cuts the placeholder short ("Search car…"): the tooltip has it whole.
        self.field.setToolTip(
            f"{placeholder}: titles, headlines, text, quotes and sources. "
            'Words must all match; "a phrase", -word to exclude, tag:word for one field.'
        )

    # -- what the window shows -------------------------------------------------------------

    def is_searching(self) -> bool:
        """Whether there is search text (even text that matches nothing)."""
        return self.search.is_active()

    def has_results(self) -> bool:
        """Whether a search is on and some cards match it."""
        return self.search.is_active() and bool(self.search.results)

    def is_match(self, index: int) -> bool:
        """Whether the card at ``index`` is one of the results shown."""
        return self.results_model.row_of(index) >= 0

    def overview_row(self) -> int:
        """The overview's row to pick: the best match while searching, else the card on
        screen's."""
        return 0 if self.is_searching() else self.results_model.row_of(self._window.index)

    def matches(self) -> tuple[int, ...] | None:
        """The cards matching the search, best first; None when there is no search or its
        results are not ready."""
        if not self.search.is_active() or self.search.results is None:
            return None
        return tuple(self.search.results)

    def card_match(self, index: int) -> CardMatch | None:
        """What to mark on the card at ``index``: nothing unless it is one of the results."""
        search = self.search
        if not search.is_active() or not search.results or not self.is_match(index):
            return None
        from briefing.render.highlight import CardMatch

        return CardMatch(search.query, search.matched_fields(index))

    def status(self) -> str:
        """The header's line: "Indexing…", "No cards match …", "Match 2 of 5", "5 of 40 cards"."""
        window = self._window
        results = self.search.results
        if self.search.is_indexing():
            return "Indexing\u2026"
        if results is None:
            return ""
        if not results:
            text = self.search.text.strip()
            if len(text) > _ECHO_LENGTH:
                text = text[: _ECHO_LENGTH - 1].rstrip() + "\u2026"
            # A phrase is echoed in the quotes it was typed with, not quoted twice.
            echoed = text if '"' in text else f"\u201c{text}\u201d"
            return f"No cards match {echoed}"
        position = self.results_model.row_of(window.index)
        if not window.overview_visible() and position >= 0:
            return f"Match {position + 1} of {len(results)}"
        return f"{len(results)} of {window.card_count()} cards"

    # -- the deck ----------------------------------------------------------------------------

    def open_deck(self, deck: Deck) -> None:
        """A new deck: forget the search without going back anywhere, and search ``deck``."""
        self.drop()
        self.search.set_deck(deck)

    def reload_deck(self, deck: Deck) -> None:
        """The deck on screen, loaded again: the search text stays and searches it again once
        it is indexed."""
        self.search.set_deck(deck)
        if self.search.is_active():
            self.search.start_indexing()

    def set_flags(self, flags: dict[str, list[str]]) -> None:
        """The card ids each ``is:NAME`` finds (e.g. "starred"); a search on screen runs
        again with them."""
        self.search.set_flags(flags)
        if self.search.is_active():
            self.search.run_now()

    def drop(self) -> None:
        """Forget the search without going back anywhere (a new deck is coming)."""
        self._origin = None
        self._opened_match = False
        blocked = self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(blocked)
        self.search.set_text("")
        self.search.run_now()

    def shutdown(self) -> None:
        self.search.shutdown()

    # -- the user's search -------------------------------------------------------------------

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        """End the search: every card again, on the card shown before it or the match opened."""
        self.field.clear()
        self._window.focus_stage()

    def on_text_changed(self, text: str) -> None:
        window = self._window
        if not text.strip():
            self.search.set_text(text)
            self._end()
            return
        self.search.set_text(text)
        if self._origin is None:
            self._origin = (window.index, window.overview_visible())
            self._opened_match = False
            # At once, so the grid's first layout is of the results, not of the whole deck.
            self.search.run_now()
        window.set_overview_visible(True, focus=False)

    def on_results_changed(self) -> None:
        window = self._window
        searching = self.search.is_active()
        self.results_model.set_rows(self.search.results if searching else None)
        window.overview.set_placeholder(NO_MATCH_HINT if searching else "")
        # Selecting scrolls, which lays the grid out: not worth it while the grid is hidden
        # (set_overview_visible selects when it shows it).
        if window.overview_visible():
            window.overview.select_row(self.overview_row())
        self.changed.emit()

    def on_accepted(self, backwards: bool) -> None:
        if not self.has_results():
            return
        overview = self._window.overview
        if self._window.overview_visible():
            self.open_match(self.results_model.source_row(max(overview.selected_row(), 0)))
        else:
            self.step_match(-1 if backwards else 1)

    def on_step_requested(self, step: int) -> None:
        if self._window.overview_visible():
            self._move_selection(step)
        else:
            self.step_match(step)

    def on_escape_pressed(self) -> None:
        if self.field.text():
            self.clear()
        else:
            self._window.focus_stage()

    def open_match(self, index: int) -> None:
        """Show the matching card at ``index`` in the card view."""
        self._opened_match = True
        self._window.go_to(index)
        self._window.set_overview_visible(False)

    def step_match(self, step: int) -> None:
        """To the next (``step`` 1) or previous (-1) match, round the results."""
        results = self.search.results
        if not results or not self.has_results():
            return
        if self._window.overview_visible():
            self._move_selection(step)
            return
        position = self.results_model.row_of(self._window.index)
        if position < 0:
            position = 0 if step > 0 else len(results) - 1
        else:
            position = (position + step) % len(results)
        self.open_match(results[position])

    def _move_selection(self, step: int) -> None:
        overview = self._window.overview
        rows = self.results_model.rowCount()
        if rows:
            overview.select_row(min(max(overview.selected_row() + step, 0), rows - 1))

    def _end(self) -> None:
        window = self._window
        origin, self._origin = self._origin, None
        opened, self._opened_match = self._opened_match, False
        self.search.run_now()
        if origin is None or window.deck is None:
            self.changed.emit()
            return
        index, overview = (window.index, False) if opened else origin
        window.go_to(index, keep_side=opened)  # the match opened stays as the reader turned it
        window.set_overview_visible(overview, focus=not self.field.hasFocus())
        if overview:
            window.overview.select_row(self.overview_row())
