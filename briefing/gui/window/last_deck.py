"""Opening the last deck when none is named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core.errors import DeckError, LoadCancelled
from briefing.gui import settings
from briefing.paths import bundled_deck_path

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow


def open_last_deck(window: MainWindow) -> None:
    """With no deck named: the last deck, else the bundled one. A last deck now broken
    shows its problems over the bundled deck."""
    bundled = str(bundled_deck_path())
    last = settings.start_deck_path()
    if last != bundled:
        try:
            deck = window.loading.load(last)  # from the cache, or off the GUI thread if large
        except DeckError as error:
            window.open_deck(bundled)
            window.on_deck_failed(last, error.problems)
            return
        except (LoadCancelled, OSError):
            pass
        else:
            window.on_deck_loaded(deck)
            return
    window.open_deck(bundled)
