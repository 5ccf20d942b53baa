"""Export a deck as a PDF file, atomically."""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import suppress

import shiboken6
from PySide6.QtGui import QPdfWriter

from briefing import __version__
from briefing.core.model import Card, Deck
from briefing.export.document import PageCallback, PaintSteps, paint_steps, run_steps
from briefing.export.options import ExportOptions
from briefing.export.pdf_text import NotQtPdf, make_searchable
from briefing.export.print_style import LAYOUT_DPI
from briefing.export.savefile import save_file


def export_pdf(
    deck: Deck,
    cards: Sequence[Card],
    options: ExportOptions,
    path: str | os.PathLike[str],
    on_page: PageCallback | None = None,
) -> int:
    """Write ``cards`` of ``deck`` to the PDF file ``path``; returns the page count.

    The PDF is streamed into a temporary file (memory stays flat however long the deck)
    that replaces ``path`` only once it is complete (``save_file``). Raises ``ExportError``
    with a one-line message (the file is then untouched) and ``ExportCancelled`` if
    ``on_page`` returns False.
    """
    return run_steps(export_steps(deck, cards, options, path), on_page)


def export_steps(
    deck: Deck, cards: Sequence[Card], options: ExportOptions, path: str | os.PathLike[str]
) -> PaintSteps:
    """``export_pdf`` one step at a time (see ``paint_steps``)."""
    with save_file(path, finish=_searchable) as device:
        writer = QPdfWriter(device)
        try:
            writer.setResolution(LAYOUT_DPI)
            writer.setTitle(deck.title)
            writer.setCreator(f"Briefing {__version__}")
            if deck.author:
                _set_author(writer, deck.author)
            pages = yield from paint_steps(writer, deck, cards, options)
        finally:
            shiboken6.delete(writer)  # before its device; the PDF is complete after painting
    return pages


def _searchable(fd: int) -> None:
    with suppress(NotQtPdf):  # laid out otherwise by another Qt: its text stays as written
        make_searchable(fd)


def _set_author(writer: QPdfWriter, author: str) -> None:
    # QPdfWriter.setAuthor is new in Qt 6.9; on 6.8 the PDF goes without an /Author.
    set_author = getattr(writer, "setAuthor", None)
    if set_author is not None:
        set_author(author)
