"""Opening decks in the main window: the start deck, Open, a drop, a recent deck, and the
deck on screen again when its files change (live reload).

``DeckOpening`` asks ``DeckLoading`` for a deck and shows whatever answer comes back, at
once for a small deck or later for a large one: the deck; or its problems, listed over the
deck on screen (a broken deck never replaces a good one); or, when the user cancelled, a
word that the deck on screen stays. Showing a deck gives up any load still on its way, so
an answer meant for a screen that is gone is never shown; so does opening another deck
(the one asked for last is wanted). The deck on screen changing while another loads is
reloaded once that load has ended.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from briefing.core.errors import DeckError, Problem, shown_name
from briefing.core.files import is_small_deck
from briefing.core.model import Deck
from briefing.gui import settings
from briefing.gui.window.deck_header import window_title
from briefing.paths import bundled_deck_path

if TYPE_CHECKING:
    from PySide6.QtGui import QDragMoveEvent, QDropEvent

    from briefing.gui.window.deck_loading import DeckLoading, LoadRequest, Purpose
    from briefing.gui.window.deck_watcher import DeckWatcher
    from briefing.gui.window.main_window import MainWindow

DECK_FILE_FILTER = "Briefing decks (*.yaml *.yml);;All files (*)"


class DeckOpening(QObject):
    loading: DeckLoading  # built by complete(), with the rest of the window
    watcher: DeckWatcher  # live reload: the open deck's files

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # The start deck asked for before the window was complete (see open_start_deck): its
        # path (None: the last deck), and the deck if it is already on screen from the cache.
        self._start_pending = False
        self._start_path: str | None = None
        self._first_deck: Deck | None = None
        self._shown: LoadRequest | None = None  # the last request whose deck went on screen
        # The deck on screen changed while another load was on its way: its path, reloaded
        # when that load ends if it is still the deck on screen.
        self._reload_after: str | None = None

    def complete(self) -> None:
        """Loading and live reload, once the window has its notice bar."""
        from briefing.core.cache import DeckCache
        from briefing.gui.window.deck_loading import DeckLoading
        from briefing.gui.window.deck_watcher import DeckWatcher

        self.loading = DeckLoading(self.window.notice, DeckCache(), self)
        self.loading.loaded.connect(self.on_load_done)
        self.loading.failed.connect(self.on_load_failed)
        self.loading.cancelled.connect(self.on_load_cancelled)
        self.watcher = DeckWatcher(self)
        self.watcher.changed.connect(self.reload_deck)

    def stop(self) -> None:
        """The window is closing: nothing more is loaded or watched."""
        self.loading.abandon()
        self.watcher.stop()

    # -- the start deck --------------------------------------------------------------------

    def open_start_deck(self, path: str | None = None) -> None:
        """Open the deck at ``path``; with none, the last deck, else the bundled one.

        Before the window is complete, a deck unchanged since it was last opened shows from
        the cache at once, and opening it finishes in ``open_pending_start``.
        """
        if not self.window.is_complete():
            from briefing.core.cache import DeckCache

            self._start_pending, self._start_path = True, path
            target = path or settings.start_deck_path()
            # A large deck, even from the cache, opens once the window is complete: off the
            # GUI thread, with its progress shown.
            deck = DeckCache().get(target) if is_small_deck(target) else None
            if deck is not None:
                self._show_first_card(deck)
            return
        if path is None:
            self.open_last_deck()
        else:
            self._request(path, "open")

    def open_pending_start(self) -> None:
        """The window is complete: finish opening the start deck, if one was asked for."""
        first_deck, self._first_deck = self._first_deck, None
        if first_deck is not None:
            self.on_deck_loaded(first_deck)
        elif self._start_pending:
            self.open_start_deck(self._start_path)
        self._start_pending = False

    def open_last_deck(self) -> None:
        """With no deck named: the last deck, else the bundled one. A last deck now broken
        shows its problems over the bundled deck (see on_load_failed)."""
        bundled = str(bundled_deck_path())
        last = settings.start_deck_path()
        request = self._request(last, "last") if last != bundled else None
        if request is None:
            self.open_deck(bundled)

    def _show_first_card(self, deck: Deck) -> None:
        """The card the reader left the deck on, on the same side, alone on screen."""
        w = self.window
        self._first_deck = deck
        self._show_deck_heading(deck)
        w.setWindowTitle(window_title(deck))
        if not deck.cards:
            return
        place = settings.deck_place(deck.path)
        index = deck.index_of(place.card_id) if place.card_id else None
        card = deck.cards[index or 0]
        w.card_view.set_card(deck, card)
        w.card_view.front.set_starred(card.id in settings.starred_ids(deck.path))
        w.card_view.show_side(place.back)
        w.stack.setCurrentWidget(w.card_view)

    def _show_deck_heading(self, deck: Deck) -> None:
        """The deck's title above the card and its marking above and below everything."""
        w = self.window
        w.header.set_deck(deck)
        w.top_banner.set_marking(deck.marking)
        w.bottom_banner.set_marking(deck.marking)

    # -- opening and reloading -------------------------------------------------------------

    def open_deck(self, path: str | os.PathLike[str]) -> bool:
        """Show the deck at ``path``; if it has problems, list them and keep the current deck.

        True if the deck is on screen on return. A large deck is still loading then: the
        window's ``deck_changed`` or ``deck_failed`` says how it ends.
        """
        self.window.complete()
        # The deck asked for last is the one wanted: a load still on its way gives way. A
        # reload it gives up is still wanted if this deck does not take the screen.
        given_up = self.loading.pending
        if given_up is not None and given_up.purpose == "reload":
            self._reload_after = given_up.path
        self.loading.abandon()
        request = self._request(os.fspath(path), "open")
        return request is not None and self._shown is request

    def reload_deck(self) -> bool:
        """Load the deck on screen again (its files changed), keeping the card, its side,
        the search and the overview; if it now has problems, list them and keep it. True if
        the deck is reloaded on return (a large one is still loading then)."""
        deck = self.window.deck
        if deck is None or not deck.path:
            return False
        request = self._request(deck.path, "reload")
        if request is None:  # another load is on its way: reload once it has ended
            self._reload_after = deck.path
            return False
        return self._shown is request

    def _request(self, path: str, purpose: Purpose) -> LoadRequest | None:
        """The request loading (or already answered, for a small deck); None while another
        deck loads."""
        from briefing.gui.window.deck_loading import LoadRequest  # not before complete()

        request = LoadRequest(path, purpose)
        return request if self.loading.start(request) else None

    def on_load_done(self, request: LoadRequest, deck: Deck) -> None:
        if request.purpose == "reload":
            self._show_reloaded(deck)
        else:
            self.on_deck_loaded(deck)
        self._shown = request
        self._reload_if_changed_meanwhile()

    def on_load_failed(self, request: LoadRequest, error: DeckError | OSError) -> None:
        path = request.path
        if request.purpose == "last":
            self.open_deck(str(bundled_deck_path()))
            if isinstance(error, DeckError):  # an OSError is not worth a word at start
                self.on_deck_failed(path, error.problems)
        else:
            if isinstance(error, DeckError):
                problems = error.problems
            else:  # the loader reports these itself; a last safety net
                problems = [Problem(path, 1, 1, error.strerror or str(error))]
            self.on_deck_failed(path, problems, reloading=request.purpose == "reload")
        self._reload_if_changed_meanwhile()

    def on_load_cancelled(self, request: LoadRequest) -> None:
        w = self.window
        if request.purpose == "last":
            self.open_deck(str(bundled_deck_path()))
        elif request.purpose == "open":
            still = f"; still showing {w.deck.title}" if w.deck else ""
            w.notice.show_info(f"Opening {shown_name(request.path)} cancelled{still}.")
        self._reload_if_changed_meanwhile()

    def _reload_if_changed_meanwhile(self) -> None:
        wanted, self._reload_after = self._reload_after, None
        deck = self.window.deck
        if wanted is not None and deck is not None and deck.path == wanted:
            self.reload_deck()

    def on_deck_loaded(self, deck: Deck) -> None:
        """Show ``deck`` on its first card, in place of the deck on screen."""
        w = self.window
        self.loading.abandon()  # a load still on its way was for the screen that is going
        w.deck = deck
        w.index = 0  # the old deck's place means nothing in this one
        w.search_session.open_deck(deck)
        w.model.set_deck(deck)
        w.error_panel.hide()
        w.notice.hide()
        self._show_deck_heading(deck)
        w.set_overview_visible(False)
        w.deck_changed.emit(deck)
        w.go_to(0)
        w.reading_place.on_deck_shown(deck)
        self._watch(deck)

    def _show_reloaded(self, deck: Deck) -> None:
        """The deck on screen, loaded again: on the same card and side, with the same search
        and view, and a word on what changed."""
        w = self.window
        old = w.deck
        if old is None:
            return
        card_id = old.cards[w.index].id if old.cards else ""
        previous, back = w.index, w.card_view.is_flipped()
        kept = deck.index_of(card_id)  # else the card now where it was, or the last
        w.deck = deck
        w.index = kept if kept is not None else max(0, min(previous, len(deck.cards) - 1))
        w.model.set_deck(deck)
        w.search_session.reload_deck(deck)  # keeps the search text
        w.error_panel.hide()
        self._show_deck_heading(deck)
        w.deck_changed.emit(deck)
        w.go_to(w.index)
        if deck.cards:
            w.card_view.show_side(back)
        w.reading_place.on_deck_shown(deck)
        if w.overview_visible() and not w.search_session.is_searching():
            w.overview.select_row(w.search_session.overview_row())
        self._watch(deck)
        from briefing.core.deck_changes import describe_changes

        w.notice.show_info(describe_changes(old, deck))
        w.update_state()

    def on_deck_failed(
        self, path: str, problems: Sequence[Problem], reloading: bool = False
    ) -> None:
        w = self.window
        shown = w.deck.title if w.deck else ""
        w.error_panel.show_problems(path, problems, shown, reloading)
        w.update_state()
        w.deck_failed.emit(path, problems)

    def _watch(self, deck: Deck) -> None:
        if deck.path:
            self.watcher.watch(deck.path, [str(c.image.path) for c in deck.cards if c.image])
        else:
            self.watcher.stop()

    # -- asking for a deck -----------------------------------------------------------------

    def choose_deck_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open Deck File", self._dialog_folder(), DECK_FILE_FILTER
        )
        if path:
            self.open_deck(path)

    def choose_deck_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(
            self.window, "Open Deck Folder", self._dialog_folder()
        )
        if path:
            self.open_deck(path)

    def _dialog_folder(self) -> str:
        deck = self.window.deck
        return str(deck.folder) if deck is not None else ""

    def accept_files(self, event: QDragMoveEvent) -> None:
        """A drag over the window: taken if it carries a file or folder."""
        if dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        path = dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_deck(path)


def dropped_path(event: QDropEvent) -> str | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    return next((url.toLocalFile() for url in mime.urls() if url.isLocalFile()), None)
