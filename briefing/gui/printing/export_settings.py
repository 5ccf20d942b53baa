"""What to print or export: the cards chosen, the options remembered, the PDF's name.

Nothing here imports the painting engine or Qt's print support.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from PySide6.QtCore import QStandardPaths

from briefing.core.model import Card, Deck
from briefing.export.options import (
    LAYOUTS,
    MAX_OFFSET_MM,
    PAGE_SIZES,
    PER_PAGE,
    ExportOptions,
    OptionsError,
)
from briefing.gui.settings import (
    EXPORT_FOLDER_KEY,
    EXPORT_KEYS,
    Store,
    as_int,
    as_path,
    path_value,
    read,
)

Scope = Literal["deck", "search", "card"]
SCOPES: tuple[str, ...] = get_args(Scope)

_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class CardChoice:
    """The cards the window can offer to print: the deck, its search results, the card on
    screen."""

    deck: Deck
    current: int = 0
    matches: tuple[int, ...] | None = None  # card indices; None when there is no search

    def count(self, scope: Scope) -> int:
        return len(self.indices(scope))

    def available(self, scope: Scope) -> bool:
        return self.count(scope) > 0

    def indices(self, scope: Scope) -> tuple[int, ...]:
        n_cards = len(self.deck.cards)
        if scope == "search":
            # In deck order: a subset of the deck reads in the order the deck tells it.
            return tuple(sorted(i for i in set(self.matches or ()) if 0 <= i < n_cards))
        if scope == "card":
            return (self.current,) if 0 <= self.current < n_cards else ()
        return tuple(range(n_cards))

    def cards(self, scope: Scope) -> tuple[Card, ...]:
        return tuple(self.deck.cards[i] for i in self.indices(scope))


def load_options(settings: Store) -> ExportOptions:
    """The options last saved; any value that is missing, of the wrong type or makes no
    sense is the default."""
    layout = _text(read(settings, EXPORT_KEYS["layout"]))
    if layout not in LAYOUTS:
        layout = "handout"
    per_page = as_int(read(settings, EXPORT_KEYS["per_page"]))
    if per_page not in PER_PAGE[layout]:
        per_page = 0
    page_size = _text(read(settings, EXPORT_KEYS["page_size"]))
    notes = _text(read(settings, EXPORT_KEYS["notes"])).lower() == "true"
    offset = (
        _offset(read(settings, EXPORT_KEYS["offset_x"])),
        _offset(read(settings, EXPORT_KEYS["offset_y"])),
    )
    options = ExportOptions(
        layout,  # type: ignore[arg-type]
        per_page,
        page_size if page_size in PAGE_SIZES else None,  # type: ignore[arg-type]
        notes,
        offset,
    )
    try:
        return options.resolved()
    except OptionsError:
        return ExportOptions().resolved()


def save_options(settings: Store, options: ExportOptions) -> None:
    settings.setValue(EXPORT_KEYS["layout"], options.layout)
    settings.setValue(EXPORT_KEYS["per_page"], options.per_page)
    settings.setValue(EXPORT_KEYS["page_size"], options.page_size or "")
    settings.setValue(EXPORT_KEYS["notes"], "true" if options.notes else "false")
    settings.setValue(EXPORT_KEYS["offset_x"], options.offset_mm[0])
    settings.setValue(EXPORT_KEYS["offset_y"], options.offset_mm[1])


def _text(value: object) -> str:
    return value if type(value) is str else ""


def _offset(value: object) -> float:
    if not isinstance(value, int | float | str):
        return 0.0
    try:
        number = float(value)
    except ValueError:
        return 0.0
    return number if math.isfinite(number) and abs(number) <= MAX_OFFSET_MM else 0.0


def pdf_file_name(title: str) -> str:
    """A file name for a deck's PDF: its title, without what file systems refuse."""
    stem = " ".join(_UNSAFE_IN_NAMES.sub(" ", title).split()).strip(". ")
    return f"{stem or 'Briefing'}.pdf"


def with_pdf_suffix(path: str) -> str:
    return path if path.lower().endswith(".pdf") else f"{path}.pdf"


def load_folder(settings: Store) -> str:
    """Where a save dialog starts: the folder last exported to, else Documents, else home."""
    return default_folder(as_path(read(settings, EXPORT_FOLDER_KEY)))


def save_folder(settings: Store, folder: str) -> None:
    settings.setValue(EXPORT_FOLDER_KEY, path_value(folder))


def default_folder(folder: str) -> str:
    """``folder`` if it is one, else Documents, else home."""
    if folder and os.path.isdir(folder):
        return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and os.path.isdir(documents) else str(Path.home())
