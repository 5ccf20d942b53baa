"""Pausing Python's cycle collector while a deck is built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """A deck is many small acyclic objects; the cycle collector would walk them again and
    again as they are made (half the time of a large single-file deck)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
