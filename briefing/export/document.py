"""Paint a deck's pages on any paged device: a PDF writer or a printer.

PLACEHOLDER SIGNATURES, being implemented now; the API below is the contract.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QPagedPaintDevice

from briefing.core.model import Card, Deck
from briefing.export.options import ExportOptions

# on_page(done, total) after each page; returning False cancels the export.
PageCallback = Callable[[int, int], bool]


class ExportError(Exception):
    """An export could not be made; the message is one line for the user."""


class ExportCancelled(ExportError):
    """The user cancelled; nothing was written."""


def paint_deck(
    device: QPagedPaintDevice,
    deck: Deck,
    cards: Sequence[Card],
    options: ExportOptions,
    on_page: PageCallback | None = None,
) -> int:
    """Set ``device``'s page layout from ``options`` and paint every page of ``cards``.

    Returns the number of pages. Raises ``ExportCancelled`` when ``on_page`` returns False.
    """
    raise NotImplementedError
