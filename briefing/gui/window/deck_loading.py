"""Loading a deck without freezing the window.

A small deck loads at once: ``start`` has said how it went (``loaded`` or ``failed``)
before it returns. A large one (many files, or a big file) loads on a worker thread while
the window's own event loop goes on; after a moment the notice bar shows progress with a
Cancel button, and ``loaded``, ``failed`` or ``cancelled`` says how it ended. The deck on
screen stays until the new one is ready.

One load at a time. Each ``start`` names its ``LoadRequest``, and only the request being
loaded is answered: a worker that ends after its load was cancelled or given up reports
on a request nobody waits for any more, and what it found is dropped. Cancel answers at
once; the worker stops at the loader's next chance (its progress callback raises).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
import time
from typing import TYPE_CHECKING, ClassVar, Literal

from PySide6.QtCore import QObject, QTimer, Signal

from briefing.core.errors import DeckError, LoadCancelled, shown_name
from briefing.core.files import is_small_deck
from briefing.core.model import Deck

if TYPE_CHECKING:
    from briefing.core.cache import DeckCache
    from briefing.gui.widgets.notice_bar import NoticeBar

Purpose = Literal["open", "reload", "last"]  # "last": the last deck, at start
_numbers = itertools.count(1)


class LoadRequest:
    """One deck asked for: where, and what for (the asker's business, carried back). Each
    is its own: two requests for the same deck are two loads."""

    __slots__ = ("number", "path", "purpose")

    def __init__(self, path: str, purpose: Purpose = "open") -> None:
        self.path = path
        self.purpose = purpose
        self.number = next(_numbers)

    def __repr__(self) -> str:
        return f"LoadRequest({self.path!r}, {self.purpose!r}, number={self.number})"


class DeckLoading(QObject):
    progress_delay_ms: ClassVar[int] = 100
    progress_interval_ms: ClassVar[int] = 50

    loaded = Signal(object, object)  # the LoadRequest and its Deck
    failed = Signal(object, object)  # the LoadRequest and why: a DeckError or an OSError
    cancelled = Signal(object)  # the LoadRequest the user cancelled
    _worker_done = Signal(object, object)  # a request and its Deck or error; from its worker

    def __init__(self, notice: NoticeBar, cache: DeckCache | None, parent: QObject) -> None:
        super().__init__(parent)
        self.notice = notice
        self.cache = cache
        self.pending: LoadRequest | None = None  # the request a worker is loading for
        self._stop = threading.Event()  # the pending load's: set, its worker gives up
        self._progress = [0, 0]  # the pending load's files (or lines) read, of how many
        self._started = 0.0
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._show_progress)
        self._worker_done.connect(self._on_worker_done)
        notice.cancel_requested.connect(self.cancel)

    @property
    def busy(self) -> bool:
        return self.pending is not None

    def start(self, request: LoadRequest) -> bool:
        """Load the deck ``request`` names; False, and nothing done, while another loads."""
        if self.pending is not None:
            return False
        from briefing.core.loader import load_deck  # not needed for a start from the cache

        if not is_small_deck(request.path):
            self._load_in_background(request)
            return True
        try:
            deck = load_deck(request.path, cache=self.cache)
        except (DeckError, OSError) as error:
            self.failed.emit(request, error)
        else:
            self.loaded.emit(request, deck)
        return True

    def cancel(self) -> None:
        """The user's Cancel: answered at once; the worker stops at its next check (a card,
        a file, a step of the checks) and what it finds is dropped."""
        request = self.pending
        if request is not None:
            self._end()
            self.cancelled.emit(request)

    def abandon(self) -> None:
        """Give up the pending load without a word (another deck is on screen, or the
        window is closing)."""
        if self.pending is not None:
            self._end()

    def _end(self) -> None:
        self._stop.set()  # the worker may still be running: it stops at its next check
        self.pending = None
        self._ticker.stop()
        self.notice.hide()

    def _load_in_background(self, request: LoadRequest) -> None:
        from briefing.core.loader import load_deck

        window = self.notice.window()
        if not window.isVisible():
            window.show()  # at start-up: show the window first, so its progress is seen
        stop, done = threading.Event(), [0, 0]
        path, cache, report = request.path, self.cache, self._worker_done

        def progress(count: int, total: int) -> None:  # on the worker thread
            if stop.is_set():
                raise LoadCancelled(path)
            done[:] = [count, total]

        def work() -> None:
            outcome: Deck | BaseException
            try:
                outcome = load_deck(path, cache=cache, progress=progress)
            except BaseException as error:  # handed to the GUI thread
                outcome = error
            with contextlib.suppress(RuntimeError):  # the window is deleted: nobody waits
                report.emit(request, outcome)

        self.pending, self._stop, self._progress = request, stop, done
        self._started = time.monotonic()
        self._ticker.start(self.progress_interval_ms)
        threading.Thread(target=work, name="deck-loader", daemon=True).start()

    def _show_progress(self) -> None:
        request = self.pending
        if request is None or (time.monotonic() - self._started) * 1000 < self.progress_delay_ms:
            return
        path = request.path
        shown = shown_name(os.path.basename(os.path.normpath(path)) or path)
        done, total = self._progress
        self.notice.show_progress(f"Opening {shown}\u2026", done, total)

    def _on_worker_done(self, request: LoadRequest, outcome: Deck | BaseException) -> None:
        if request is not self.pending:
            return  # cancelled or given up earlier: its answer is wanted no more
        self._end()
        if isinstance(outcome, Deck):
            self.loaded.emit(request, outcome)
        elif isinstance(outcome, LoadCancelled):
            self.cancelled.emit(request)
        elif isinstance(outcome, DeckError | OSError):
            self.failed.emit(request, outcome)
        else:
            raise outcome  # a bug: the application's excepthook reports it
