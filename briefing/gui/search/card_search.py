"""Searching the deck on screen: the index is built off the GUI thread, queries run on it."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from briefing.core.model import Deck
from briefing.core.search.query import Query, parse_query

if TYPE_CHECKING:
    from briefing.core.search.index import SearchIndex


class CardSearch(QObject):
    """The search text, the deck's index and the cards that match, best first.

    Building a ``SearchIndex`` can take a second or more on a large deck, so each deck's
    index is built on a worker thread; the worker touches no Qt object and hands the index
    back through a queued signal. Text set while the index builds is kept and searched once
    it is ready. Searches run on the GUI thread (about a millisecond), one per burst of
    keystrokes.
    """

    build_delay_ms: ClassVar[int] = 400  # after a deck opens; tests set 0

    results_changed = Signal()  # the results, or whether they are ready, changed
    index_ready = Signal()
    _built = Signal(object, object)  # (deck, index or error), emitted on the worker thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deck: Deck | None = None
        self.index: SearchIndex | None = None
        self.text = ""
        self.query = Query()
        self.results: list[int] | None = None
        self.flags: dict[str, list[str]] = {}  # card ids for ``is:NAME`` (e.g. "starred")
        self.searched = ""  # the text the last search ran for
        self._lock = threading.Lock()
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run)
        self._building: Deck | None = None
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.timeout.connect(self.start_indexing)
        self._built.connect(self._on_built)

    # -- state -------------------------------------------------------------------------------

    def is_active(self) -> bool:
        """Whether there is search text (even text that parses to no query)."""
        return bool(self.text.strip())

    def is_indexing(self) -> bool:
        return self.deck is not None and self.index is None

    def matched_fields(self, card_index: int) -> frozenset[str]:
        if self.index is None or self.query.is_empty:
            return frozenset()
        return frozenset(self.index.matched_fields(card_index, self.query))

    # -- input -------------------------------------------------------------------------------

    def set_deck(self, deck: Deck | None) -> None:
        """Search ``deck`` from now on; its index is built soon, or at the first search."""
        self.deck = deck
        self.index = None
        self.results = None
        self._building = None
        if deck is not None:
            # Not at once: the first card is painted before any search machinery loads.
            self._build_timer.start(self.build_delay_ms)
        self.results_changed.emit()

    def set_flags(self, flags: dict[str, list[str]]) -> None:
        """The card ids each ``is:NAME`` finds (e.g. "starred") from the next search on."""
        self.flags = flags

    def set_text(self, text: str) -> None:
        """Search for ``text`` once the current burst of keystrokes is over."""
        self.text = text
        self.start_indexing()
        self._timer.start()

    def start_indexing(self) -> None:
        """Start building the current deck's index now, if it is not built or building."""
        self._build_timer.stop()
        deck = self.deck
        if deck is None or self.index is not None or self._building is deck or self._closed:
            return
        self._building = deck
        # A daemon thread, so quitting never waits for a build of a large deck.
        worker = threading.Thread(
            target=self._build, args=(deck,), name="search-index", daemon=True
        )
        worker.start()

    def run_now(self) -> None:
        """Search for the current text without waiting for the event loop."""
        self._timer.stop()
        self._run()

    def shutdown(self) -> None:
        """Stop handing results back (the window is closing); a running build is left to end."""
        with self._lock:
            self._closed = True
        self._timer.stop()
        self._build_timer.stop()

    # -- work --------------------------------------------------------------------------------

    def _run(self) -> None:
        self.query = parse_query(self.text)
        if self.index is None or not self.is_active():
            self.results = None
        else:
            self.results = self.index.search(self.query, flags=self.flags)
        self.searched = self.text
        self.results_changed.emit()

    def _build(self, deck: Deck) -> None:
        # On the worker thread: nothing here may touch Qt but the queued signal.
        result: SearchIndex | BaseException
        try:
            from briefing.core.search.index import SearchIndex  # NumPy: not needed at start-up

            result = SearchIndex(deck)
        except Exception as error:
            result = error
        with self._lock:
            if not self._closed and isValid(self) and deck is self.deck:
                self._built.emit(deck, result)

    def _on_built(self, deck: Deck, index: SearchIndex | BaseException) -> None:
        if deck is not self.deck:
            return  # a deck since replaced
        if isinstance(index, BaseException):
            raise index  # on the GUI thread, where the app reports it
        self.index = index
        self.index_ready.emit()
        self._run()
