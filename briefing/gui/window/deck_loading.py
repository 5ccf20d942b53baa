"""Loading a deck without freezing the window.

A small deck loads at once. A large one (many files, or a big file) loads on a
worker thread while a local event loop keeps the window repainting, like a
dialog's ``exec()``; after a moment the notice bar shows progress with a Cancel
button. The caller still gets the deck (or the exception) back from ``load``, and
the deck on screen stays until the new one is ready.

Cancel returns from ``load`` at once. The worker stops at the loader's next chance
(its progress callback raises) and whatever it ends with is dropped; another deck
can open meanwhile, and its wait is not ended by the old worker finishing.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal

from briefing.core.errors import LoadCancelled, shown_name
from briefing.core.files import is_small_deck
from briefing.core.model import Deck

if TYPE_CHECKING:
    from briefing.core.cache import DeckCache
    from briefing.gui.widgets.notice_bar import NoticeBar


class DeckLoading(QObject):
    progress_delay_ms: ClassVar[int] = 100
    progress_interval_ms: ClassVar[int] = 50

    _worker_done = Signal(object)  # a load's stop flag; emitted on its worker thread

    def __init__(self, notice: NoticeBar, cache: DeckCache | None, parent: QObject) -> None:
        super().__init__(parent)
        self.notice = notice
        self.cache = cache
        self.busy = False
        self._stop: threading.Event | None = None  # the load waited for, if any
        self._loop: QEventLoop | None = None
        self._worker_done.connect(self._on_worker_done)
        notice.cancel_requested.connect(self.cancel)

    def load(self, path: str) -> Deck:
        """The deck at ``path``; raises ``DeckError``, or ``LoadCancelled`` if cancelled."""
        from briefing.core.loader import load_deck  # not needed for a start from the cache

        if is_small_deck(path):
            return load_deck(path, cache=self.cache)
        return self._load_in_background(path)

    def cancel(self) -> None:
        """Stop waiting for the load at once; its worker stops at its next check (a card,
        a file, a step of the checks) and what it finds is dropped."""
        if self._stop is not None and self._loop is not None:
            self._stop.set()
            self._loop.quit()

    def _on_worker_done(self, stop: threading.Event) -> None:
        if stop is self._stop and self._loop is not None:
            self._loop.quit()  # a load cancelled earlier finishing late is not this one

    def _load_in_background(self, path: str) -> Deck:
        from briefing.core.loader import load_deck

        window = self.notice.window()
        if not window.isVisible():
            window.show()  # at start-up: show the window first, so its progress is seen
        stop = threading.Event()
        done = [0, 0]
        outcome: list[Deck | BaseException] = []

        def progress(count: int, total: int) -> None:  # on the worker thread
            if stop.is_set():
                raise LoadCancelled(path)
            done[:] = [count, total]

        def work() -> None:
            try:
                outcome.append(load_deck(path, cache=self.cache, progress=progress))
            except BaseException as error:  # handed to the GUI thread below
                outcome.append(error)
            self._worker_done.emit(stop)

        loop = QEventLoop()
        shown = shown_name(os.path.basename(os.path.normpath(path)) or path)
        started = time.monotonic()

        def show_progress() -> None:
            if (time.monotonic() - started) * 1000 >= self.progress_delay_ms:
                self.notice.show_progress(f"Opening {shown}\u2026", done[0], done[1])

        ticker = QTimer(self)
        ticker.setInterval(self.progress_interval_ms)
        ticker.timeout.connect(show_progress)
        ticker.start()
        self.busy, self._stop, self._loop = True, stop, loop
        worker = threading.Thread(target=work, name="deck-loader", daemon=True)
        worker.start()
        try:
            if not outcome:
                loop.exec()
        finally:
            ticker.stop()
            ticker.deleteLater()
            self.notice.hide()
            self.busy, self._stop, self._loop = False, None, None
        if stop.is_set() or not outcome:
            stop.set()  # the worker may still be running: it stops at its next check
            raise LoadCancelled(path)
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        return result
