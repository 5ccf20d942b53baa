"""Load a deck (a folder or a single file) into the model, checking every rule.

``load_deck`` either returns a ``Deck`` or raises ``DeckError`` listing every
problem found, each as ``PATH:LINE:COLUMN: message``. It never raises anything
else for any input, reads nothing outside the deck folder and fetches nothing.
"""

from __future__ import annotations

import os

from briefing.core.cache import DeckCache
from briefing.core.collector import collector_paused
from briefing.core.deck_loaders import FileLoader, FolderLoader
from briefing.core.errors import DeckError, Problem
from briefing.core.model import Deck
from briefing.core.yaml_nodes import Progress

MAX_PROBLEMS = 1000


def load_deck(
    path: str | os.PathLike[str],
    cache: DeckCache | None = None,
    progress: Progress | None = None,
) -> Deck:
    """Load the deck at ``path`` (a folder with deck.yaml, or one YAML file).

    With a ``cache``, an unchanged deck comes from it, and a loaded one goes into it.
    ``progress(done, total)`` is called as files (folder) or cards (single file) are
    read; an exception it raises (``LoadCancelled``) stops the load and propagates.
    """
    shown = os.fspath(path)
    if not shown:
        raise DeckError([Problem(shown, 1, 1, "no deck path given")])
    with collector_paused():
        return _load(shown, cache, progress)


def _load(shown: str, cache: DeckCache | None, progress: Progress | None) -> Deck:
    cached = cache.get(shown) if cache is not None else None
    if cached is not None:
        return cached
    try:
        loader: FolderLoader | FileLoader = (
            FolderLoader(shown, progress) if os.path.isdir(shown) else FileLoader(shown, progress)
        )
        deck = loader.load()
    except DeckError as e:
        if len(e.problems) <= MAX_PROBLEMS:
            raise
        listed = e.problems[:MAX_PROBLEMS]
        rest = len(e.problems) - MAX_PROBLEMS
        last = listed[-1]  # same place as the last one listed, so it sorts after it
        more = Problem(last.path, last.line, last.column, f"{rest:,} more problems after this")
        raise DeckError([*listed, more]) from None
    except (OSError, ValueError, RuntimeError) as e:  # a vanished folder, a link loop
        raise DeckError([Problem(shown, 1, 1, f"cannot open deck: {e}")]) from None
    if cache is not None:
        cache.put(shown, deck)
    return deck


__all__ = ["DeckError", "Problem", "load_deck"]
