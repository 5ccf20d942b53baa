"""A cache of loaded decks, so re-opening an unchanged deck skips parsing.

An entry is a verified copy of a deck. It names the identity (size, modification and
change times, inode) of every file the deck was read from (metadata, cards,
images), and carries a checksum of all it holds. It is used only when it is the cache's
own regular file of bounded size, its checksum holds, every file still has the same
identity (an edit that keeps the size and restores the modification time, as ``tar``,
``unzip`` and ``cp -p`` do, still changes the change time or the inode), and all it
holds passes the rules a freshly loaded deck passes: every field of the right shape, ids
unique, sources declared, images regular files inside the deck folder. Anything else is
ignored (missing, another version's, another deck's, stale) or, if odd, removed; the deck
is then read from its files. The identities are taken when the deck is looked for, before
it is read, and a deck whose files changed while it was read is not cached.

The layout is Briefing's own, decoded without trusting it: a format line, a CRC-32, and
UTF-8 text whose fields are split by NUL (the items of a field by U+0001), so decoding
makes only strings and cannot crash, allocate beyond the entry's size or run code (as
``marshal`` and ``pickle`` can on crafted input), and it reads faster than ``marshal`` did.
The checksum catches corruption (torn writes, bit flips), not a deliberate forger; what a
forger can write is still only text of a valid deck shape, shown as a deck would show it,
and only as the user: entries owned by anyone else are never read.

Entries live in the user's cache folder, never beside the deck, and are written only as
regular files inside that folder: never through a link, never over anything but an entry.
Deleting the folder is always safe, and the folder keeps itself small: writing an entry
removes entries of older layouts, temporary files a crash left behind, and, beyond
``MAX_BYTES`` in all, the entries used least recently.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from briefing.core.cache_folder import OWNER, CacheFolder
from briefing.core.cache_format import (
    FIELD,
    ITEM,
    OddEntry,
    card_fields,
    deck_from_fields,
    sealed,
    unsealed,
)
from briefing.core.cache_identity import (
    deck_identities,
    entry_name,
    file_names,
    files_now,
    image_identities,
    reads_from,
)
from briefing.core.collector import collector_paused
from briefing.core.files import DECK_FILE_NAME, open_regular
from briefing.core.model import Deck

MAX_ENTRY_BYTES = 64 * 1024 * 1024  # one entry; a 10,000-card deck's is about 13 MB


def default_cache_dir() -> Path:
    """The user's cache folder for Briefing, as each platform names it."""
    override = os.environ.get("BRIEFING_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
        return Path(base) / "Briefing" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Briefing"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing"


class DeckCache:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_cache_dir()
        # The deck's files as they were when it was looked for, before it was read: an
        # edit made while it was read must not be cached as what was read.
        self._before_reading: dict[str, dict[str, str]] = {}

    def get(self, shown: str) -> Deck | None:
        """The cached deck for the path ``shown``, if every file is unchanged."""
        with collector_paused():
            try:
                return self._get(shown)
            except (OSError, ValueError):  # no entry, not ours, or the deck is gone
                return None

    def _get(self, shown: str) -> Deck | None:
        real = os.path.realpath(shown)
        name = entry_name(real)
        if len(self._before_reading) > 16:  # looked for and never read (refused, say)
            self._before_reading.clear()
        files = self._before_reading[real] = files_now(real)
        try:
            with open_regular(self.folder / name, follow_link=False) as f:
                info = os.fstat(f.fileno())
                if OWNER is not None and info.st_uid != OWNER:
                    return None  # not the cache's own: left alone
                if info.st_size > MAX_ENTRY_BYTES:
                    raise OddEntry("too large")
                deck = _read(f.read(info.st_size + 1), info.st_size, shown, real, files)
                if deck is not None:
                    _mark_used(f.fileno(), self.folder / name)
                return deck
        except (ValueError, TypeError):  # OddEntry, undecodable text, a field of the wrong shape
            with contextlib.suppress(OSError), CacheFolder(self.folder, create=False) as folder:
                folder.remove(name)
            return None

    def put(self, shown: str, deck: Deck) -> None:
        """Remember ``deck``, loaded from ``shown``; failing to write is never an error."""
        try:
            real = os.path.realpath(shown)
            data = _entry(real, deck, self._before_reading.pop(real, None))
            if data is None or len(data) > MAX_ENTRY_BYTES:
                return
            with CacheFolder(self.folder, create=True) as folder:
                name = entry_name(real)
                folder.write(name, data)
                folder.prune(keep=name)
        except (OSError, ValueError, TypeError):
            pass  # a read-only or full cache folder only costs the next open its speed

    def prune(self, keep: Path) -> None:
        """Remove what no open will read (see ``CacheFolder.prune``); ``keep`` stays."""
        with contextlib.suppress(OSError), CacheFolder(self.folder, create=False) as folder:
            folder.prune(keep=keep.name)


def _mark_used(fd: int, path: Path) -> None:
    """Touch the entry: kept over entries unused longer."""
    with contextlib.suppress(OSError):
        os.utime(fd if os.utime in os.supports_fd else path)


# -- reading -------------------------------------------------------------------------------


def _read(data: bytes, size: int, shown: str, real: str, files: dict[str, str]) -> Deck | None:
    """The deck in the entry ``data``, or None when it is another deck's or the deck's
    ``files`` (see ``files_now``) have changed since; raises ``OddEntry`` when it is no entry
    Briefing writes."""
    fields = unsealed(data, size)
    if fields[0] != real:
        return None  # another deck's, under the same name
    source = fields[1]
    if not reads_from(real, source):
        raise OddEntry("source")
    folder_deck = source != real or os.path.isdir(source)
    root = source if folder_deck else os.path.dirname(source)
    if fields[2] != files.get(source):
        return None  # a file changed, came or went
    images = fields[3].split(ITEM)[::2] if fields[3] else []
    if fields[3] != image_identities(root, images):
        return None
    # Shown paths as the loader makes them: a folder deck opened through its deck.yaml is
    # shown as the folder.
    deck_shown = shown if not folder_deck or os.path.isdir(shown) else os.path.dirname(shown)
    names = file_names(fields[2]) - {DECK_FILE_NAME} if folder_deck else {""}
    return deck_from_fields(fields, deck_shown, folder_deck, Path(root), set(images), names)


# -- writing -------------------------------------------------------------------------------


def _entry(real: str, deck: Deck, before: dict[str, str] | None) -> bytes | None:
    """The entry for ``deck``, read from ``real``; None if it cannot hold it exactly, or if
    a file changed since ``before`` it was read (see ``files_now``)."""
    source = os.path.realpath(deck.path)  # the folder, when opened through its deck.yaml
    folder_deck = os.path.isdir(source)
    root = source if folder_deck else os.path.dirname(source)
    if Path(root) != deck.folder or not reads_from(real, source):
        return None
    files = deck_identities(source, folder_deck)
    if before is not None and before.get(source) != files:
        return None  # edited while it was read: what was read may not be what is there
    images = sorted({str(c.image.path.relative_to(root)) for c in deck.cards if c.image})
    fields = [
        real,
        source,
        files,
        image_identities(root, images),
        deck.title,
        deck.subtitle,
        deck.date,
        deck.author,
        deck.marking,
        ITEM.join([f for s in deck.sources for f in s]),
    ]
    for card in deck.cards:
        fields += card_fields(card, root, folder_deck)
    if images and not fields[3]:
        return None  # an image the loader accepted is not one a cache may name
    text = FIELD.join(fields)
    # What is written must read back as exactly this deck: a text holding a separator,
    # say, would not (and such a deck is then simply not cached).
    card_files = {os.path.basename(c.file) for c in deck.cards} if folder_deck else {""}
    try:
        copy = deck_from_fields(
            text.split(FIELD), deck.path, folder_deck, deck.folder, set(images), card_files
        )
    except (ValueError, TypeError):
        return None
    if copy != deck:
        return None
    return sealed(text)
