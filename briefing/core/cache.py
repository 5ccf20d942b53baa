"""A cache of loaded decks, so re-opening an unchanged deck skips parsing.

An entry holds the deck and the size and modification time of every file it was
read from (metadata, cards, images). It is used only when all of them still
match, the same files are all still there, and it was written by this version of
Briefing; anything else (missing, corrupt, older, another deck's) is ignored and
rewritten. Entries live in the user's cache folder, never beside the deck. They are
written with ``marshal`` (plain lists, strings and numbers; several times faster to
read than JSON) and never with pickle: reading a cache must not be able to run code.
Deleting the folder is always safe, and the folder keeps itself small: writing an entry
removes entries of older layouts, temporary files a crash left behind, and, beyond
``MAX_BYTES`` in all, the entries used least recently.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.core.collector import collector_paused
from briefing.core.files import is_deck_file
from briefing.core.model import Card, Deck, Figure, Image, Quote, Source

FORMAT = f"briefing-deck-cache/3 {__version__}"

Stamp = list[int]  # [size, mtime in ns]

MAX_BYTES = 256 * 1024 * 1024  # all entries together; a 10,000-card deck's is about 13 MB
# Only files named as Briefing names them are ever removed, whatever else is in the folder.
_ENTRY_NAME = re.compile(r"[0-9a-f]{16}\.cache")
_OLDER_ENTRY_NAME = re.compile(r"[0-9a-f]{32}\.cache")  # as earlier layouts named them
_TEMPORARY_NAME = re.compile(r"\.tmp-[^/]+\.cache")  # see _atomic_file
_STALE_TEMPORARY_S = 3600  # a temporary file this old is not a write still under way


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

    def get(self, shown: str) -> Deck | None:
        """The cached deck for the path ``shown``, if every file is unchanged."""
        with collector_paused():
            return self._get(shown)

    def _get(self, shown: str) -> Deck | None:
        real = os.path.realpath(shown)
        path = _entry_path(self.folder, real)
        entry = _read_entry(path)
        if entry is None:
            return None
        try:
            root = Path(entry["root"])
            source = entry["source"]
            if entry["format"] != FORMAT or entry["shown"] != real:
                return None  # another version's, or another deck's under the same name
            if entry["stamps"] != _stamps(source, root, entry["images"]):
                return None
            # Shown paths as the loader makes them: a folder deck opened through its
            # deck.yaml is shown as the folder.
            deck_shown = (
                shown
                if not os.path.isdir(source) or os.path.isdir(shown)
                else (os.path.dirname(shown))
            )
            deck = _decode(entry["deck"], deck_shown, os.path.isdir(source), root)
        except (KeyError, TypeError, ValueError, IndexError, OSError):
            return None  # corrupt or from another layout: ignore
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: kept over entries unused longer
        return deck

    def put(self, shown: str, deck: Deck) -> None:
        """Remember ``deck``, loaded from ``shown``; failing to write is never an error."""
        root = deck.folder
        images = sorted({str(c.image.path.relative_to(root)) for c in deck.cards if c.image})
        try:
            source = os.path.realpath(deck.path)  # the folder, when shown is its deck.yaml
            real = os.path.realpath(shown)
            entry = {
                "format": FORMAT,
                "shown": real,
                "root": str(root),
                "source": source,
                "images": images,
                "stamps": _stamps(source, root, images),
                "deck": _encode(deck, root),
            }
            self.folder.mkdir(parents=True, exist_ok=True)
            data = marshal.dumps(entry)
            path = _entry_path(self.folder, real)
            with _atomic_file(path) as f:
                f.write(data)
            self.prune(keep=path)
        except (OSError, ValueError, TypeError):
            pass  # a read-only or full cache folder only costs the next open its speed

    def prune(self, keep: Path) -> None:
        """Remove what no open will read: entries named as older versions named them,
        temporary files left by a crash, and the least recently used entries beyond
        ``MAX_BYTES``. ``keep`` (the entry just written) stays, whatever its size."""
        entries: list[tuple[float, int, str]] = []  # (last used, size, path)
        now = time.time()
        with os.scandir(self.folder) as found:
            for item in found:
                try:
                    if not item.is_file(follow_symlinks=False) or item.path == str(keep):
                        continue
                    info = item.stat(follow_symlinks=False)
                except OSError:  # removed meanwhile, by another Briefing
                    continue
                if _ENTRY_NAME.fullmatch(item.name):
                    entries.append((info.st_mtime, info.st_size, item.path))
                elif _OLDER_ENTRY_NAME.fullmatch(item.name) or (
                    _TEMPORARY_NAME.fullmatch(item.name)
                    and now - info.st_mtime > _STALE_TEMPORARY_S
                ):
                    _remove(item.path)
        total = sum(size for _, size, _ in entries) + keep.stat().st_size
        for _, size, path in sorted(entries):  # least recently used first
            if total <= MAX_BYTES:
                break
            _remove(path)
            total -= size


def _entry_path(folder: Path, real: str) -> Path:
    """The entry for the deck whose real path is ``real``. Two checksums make a 64-bit
    name; two decks that share one take turns in it, as each entry names its deck.
    (hashlib would load OpenSSL at start-up for this.)"""
    name = real.encode("utf-8", "surrogatepass")
    return folder / f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}.cache"


def _read_entry(path: Path) -> dict[str, Any] | None:
    try:
        with open(path, "rb") as f:
            entry = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):  # missing or corrupt
        return None
    return entry if isinstance(entry, dict) else None


def _stamps(source: str, root: Path, images: list[str]) -> dict[str, Stamp]:
    """Size and modification time of each file the deck at ``source`` is read from."""
    stamps: dict[str, Stamp] = {}
    if os.path.isdir(source):
        with os.scandir(source) as entries:
            for entry in entries:
                if is_deck_file(entry.name):
                    info = entry.stat()  # follows links, as the loader does
                    stamps[entry.name] = [info.st_size, info.st_mtime_ns]
    else:
        info = os.stat(source)
        stamps[""] = [info.st_size, info.st_mtime_ns]
    for image in images:
        info = os.stat(root / image)
        stamps[f"image:{image}"] = [info.st_size, info.st_mtime_ns]
    return stamps


def _encode(deck: Deck, root: Path) -> dict[str, Any]:
    return {
        "meta": [deck.title, deck.subtitle, deck.date, deck.author, deck.marking],
        "sources": [[s.id, s.title, s.publisher, s.date, s.url] for s in deck.sources],
        "cards": [
            [
                c.id,
                c.title,
                c.headline,
                c.body,
                [c.figure.value, c.figure.label] if c.figure else None,
                [[q.text, q.by, q.source] for q in c.quotes],
                [str(c.image.path.relative_to(root)), c.image.alt] if c.image else None,
                c.notes,
                c.tags,  # tuples, which marshal keeps as tuples
                c.sources,
                os.path.basename(c.file),
            ]
            for c in deck.cards
        ],
    }


def _decode(data: dict[str, Any], shown: str, folder_deck: bool, root: Path) -> Deck:
    # Positional, in the model's field order, and with the classes in locals: a re-open of
    # a large deck is mostly this loop.
    cards = []
    add, make_card, make_figure, make_quote = cards.append, Card, Figure, Quote
    folder_prefix = os.path.join(shown, "")
    for cid, title, headline, body, figure, quotes, image, notes, tags, sources, name in data[
        "cards"
    ]:
        add(
            make_card(
                cid,
                title,
                headline,
                body,
                make_figure(*figure) if figure else None,
                tuple([make_quote(*q) for q in quotes]) if quotes else (),
                Image(root / image[0], image[1]) if image else None,
                notes,
                tags,
                sources,
                folder_prefix + name if folder_deck else shown,
            )
        )
    title, subtitle, date, author, marking = data["meta"]
    return Deck(
        title=title,
        subtitle=subtitle,
        date=date,
        author=author,
        marking=marking,
        sources=tuple(Source(*s) for s in data["sources"]),
        cards=tuple(cards),
        path=shown,
        folder=root,
    )


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):  # gone already, or another process has it open
        os.unlink(path)


@contextlib.contextmanager
def _atomic_file(path: Path) -> Iterator[Any]:
    """Write ``path`` whole or not at all: a temporary file beside it, then a rename."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".cache")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
