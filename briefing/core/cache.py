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
import itertools
import os
import re
import stat
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from briefing import __version__
from briefing.core.collector import collector_paused
from briefing.core.files import (
    DECK_FILE_NAME,
    IMAGE_SIGNATURES,
    MAX_IMAGE_BYTES,
    is_deck_file,
    open_regular,
)
from briefing.core.model import Card, Deck, Figure, Image, Quote, Source
from briefing.core.slugs import SLUG

FORMAT = f"briefing-deck-cache/4 {__version__}"

MAX_BYTES = 256 * 1024 * 1024  # all entries together
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # one entry; a 10,000-card deck's is about 13 MB
# Only files named as Briefing names them are ever removed, whatever else is in the folder.
_ENTRY_NAME = re.compile(r"[0-9a-f]{16}\.cache")
_OLDER_ENTRY_NAME = re.compile(r"[0-9a-f]{32}\.cache")  # as earlier layouts named them
_TEMPORARY_NAME = re.compile(r"\.tmp-[^/]+\.cache")  # see _CacheFolder.write
_STALE_TEMPORARY_S = 3600  # a temporary file this old is not a write still under way

_FIELD = "\x00"  # between an entry's fields
_ITEM = "\x01"  # between the items of a field that holds several
_HEADER_FIELDS = 10  # real path, source, file identities, images, 5 deck texts, sources
_CARD_FIELDS = 12  # as in _encode_card
_SOURCE_FIELDS = 5
_QUOTE_FIELDS = 3
# Text that is not UTF-8 (a file name in another encoding) round-trips as lone surrogates.
_UTF8 = ("utf-8", "surrogatepass")

_NO_LINK = getattr(os, "O_NOFOLLOW", 0)
_NO_INHERIT = getattr(os, "O_CLOEXEC", 0)
_OWNER = os.geteuid() if hasattr(os, "geteuid") else None  # None: no owners to check
_AT_FOLDER = {os.open, os.rename, os.unlink, os.stat} <= os.supports_dir_fd and (
    os.scandir in os.supports_fd
)


class _Odd(ValueError):
    """An entry that no Briefing would have written as it is: removed, never used."""


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
        name = _entry_name(real)
        if len(self._before_reading) > 16:  # looked for and never read (refused, say)
            self._before_reading.clear()
        files = self._before_reading[real] = _files_now(real)
        try:
            with open_regular(self.folder / name, follow_link=False) as f:
                info = os.fstat(f.fileno())
                if _OWNER is not None and info.st_uid != _OWNER:
                    return None  # not the cache's own: left alone
                if info.st_size > MAX_ENTRY_BYTES:
                    raise _Odd("too large")
                deck = _read(f.read(info.st_size + 1), info.st_size, shown, real, files)
                if deck is not None:
                    _mark_used(f.fileno(), self.folder / name)
                return deck
        except (ValueError, TypeError):  # _Odd, undecodable text, a field of the wrong shape
            with contextlib.suppress(OSError), _CacheFolder(self.folder, create=False) as folder:
                folder.remove(name)
            return None

    def put(self, shown: str, deck: Deck) -> None:
        """Remember ``deck``, loaded from ``shown``; failing to write is never an error."""
        try:
            real = os.path.realpath(shown)
            data = _entry(real, deck, self._before_reading.pop(real, None))
            if data is None or len(data) > MAX_ENTRY_BYTES:
                return
            with _CacheFolder(self.folder, create=True) as folder:
                name = _entry_name(real)
                folder.write(name, data)
                folder.prune(keep=name)
        except (OSError, ValueError, TypeError):
            pass  # a read-only or full cache folder only costs the next open its speed

    def prune(self, keep: Path) -> None:
        """Remove what no open will read (see ``_CacheFolder.prune``); ``keep`` stays."""
        with contextlib.suppress(OSError), _CacheFolder(self.folder, create=False) as folder:
            folder.prune(keep=keep.name)


def _entry_name(real: str) -> str:
    """The entry for the deck whose real path is ``real``. Two checksums make a 64-bit
    name; two decks that share one take turns in it, as each entry names its deck.
    (hashlib would load OpenSSL at start-up for this.)"""
    name = real.encode(*_UTF8)
    return f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}.cache"


def _mark_used(fd: int, path: Path) -> None:
    """Touch the entry: kept over entries unused longer."""
    with contextlib.suppress(OSError):
        os.utime(fd if os.utime in os.supports_fd else path)


# -- reading -------------------------------------------------------------------------------


def _read(data: bytes, size: int, shown: str, real: str, files: dict[str, str]) -> Deck | None:
    """The deck in the entry ``data``, or None when it is another deck's or the deck's
    ``files`` (see ``_files_now``) have changed since; raises ``_Odd`` when it is no entry
    Briefing writes."""
    if len(data) != size:
        raise _Odd("changed while read")
    first, checksum, payload = [*data.split(b"\n", 2), b"", b""][:3]
    if first != FORMAT.encode():
        raise _Odd("another version's")
    if checksum != b"%08x" % zlib.crc32(payload):
        raise _Odd("checksum")
    fields = payload.decode(*_UTF8).split(_FIELD)
    if len(fields) < _HEADER_FIELDS or (len(fields) - _HEADER_FIELDS) % _CARD_FIELDS:
        raise _Odd("shape")
    if fields[0] != real:
        return None  # another deck's, under the same name
    source = fields[1]
    if not _reads_from(real, source):
        raise _Odd("source")
    folder_deck = source != real or os.path.isdir(source)
    root = source if folder_deck else os.path.dirname(source)
    if fields[2] != files.get(source):
        return None  # a file changed, came or went
    images = fields[3].split(_ITEM)[::2] if fields[3] else []
    if fields[3] != _image_identities(root, images):
        return None
    # Shown paths as the loader makes them: a folder deck opened through its deck.yaml is
    # shown as the folder.
    deck_shown = shown if not folder_deck or os.path.isdir(shown) else os.path.dirname(shown)
    names = _names(fields[2]) - {DECK_FILE_NAME} if folder_deck else {""}
    return _decode(fields, deck_shown, folder_deck, Path(root), set(images), names)


def _files_now(real: str) -> dict[str, str]:
    """The identities of the files the deck at ``real`` may be read from, by source:
    itself, and its folder when it is a deck.yaml (see ``_reads_from``)."""
    found = {}
    for source in (real, os.path.dirname(real)):
        if _reads_from(real, source):
            with contextlib.suppress(OSError, ValueError):  # gone: not read from the cache
                found[source] = _deck_identities(source, os.path.isdir(source))
    return found


def _reads_from(real: str, source: str) -> bool:
    """Whether the deck at ``real`` may be read from ``source``: itself (a file or a
    folder), or the folder of the deck.yaml it is."""
    return source == real or (
        os.path.basename(real) == DECK_FILE_NAME and source == os.path.dirname(real)
    )


def _identity(info: os.stat_result) -> str:
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}"


def _deck_identities(source: str, folder_deck: bool) -> str:
    """The name and identity of each file the deck at ``source`` is read from, in the
    folder's own order (the same while the folder is unchanged). A same-size edit whose
    modification time was put back still changes the change time (or, replaced, the
    inode). A folder's files are stated as the loader reads them, following links."""
    if not folder_deck:
        return f"{_ITEM}{_identity(os.stat(source))}"
    item = _ITEM
    with os.scandir(source) as entries:  # one pass, keeping no status: this is the hot path
        files = [
            f"{e.name}{item}{(i := e.stat()).st_size} {i.st_mtime_ns} {i.st_ctime_ns} {i.st_ino}"
            for e in entries
            if is_deck_file(e.name)
        ]
    text = item.join(files)
    if text.count(item) != 2 * len(files) - 1 and files:
        raise ValueError("a file name no entry can hold")
    return text


def _names(identities: str) -> set[str]:
    """The names of the files in a folder deck's ``identities``."""
    return set(identities.split(_ITEM)[::2]) if identities else set()


def _image_identities(root: str, images: list[str]) -> str:
    """Each image's path and identity, checked by the loader's rules: a path to a PNG,
    JPEG or SVG that is a regular file, of at most ``MAX_IMAGE_BYTES``, inside the deck
    folder ``root`` (its own real path, so no link leads out of it)."""
    parts = []
    inside: dict[str, bool] = {}
    for image in images:
        steps = image.split(os.sep)
        if (
            os.path.isabs(image)
            or _ITEM in image
            or os.path.splitext(image)[1].lower() not in IMAGE_SIGNATURES
            or any(step in ("", ".", "..") for step in steps)
            or (os.altsep is not None and os.altsep in image)
        ):
            raise _Odd("image path")
        parent = os.path.join(root, *steps[:-1])
        if parent not in inside:
            inside[parent] = os.path.realpath(parent) == parent
        info = os.lstat(os.path.join(parent, steps[-1]))
        if not inside[parent] or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_IMAGE_BYTES:
            return ""  # a link or another kind of file now: the loader will say what is wrong
        parts.append(f"{image}{_ITEM}{_identity(info)}")
    return _ITEM.join(parts)


def _items(field: str) -> list[str]:
    """The items of a field that holds several (a deck with an empty tag, whose field
    would read back as no tags, is not cached: see ``_entry``)."""
    return field.split(_ITEM) if field else []


def _groups(items: list[str], size: int) -> Iterator[tuple[str, ...]]:
    """``items`` in consecutive groups of ``size``; a ValueError if any is left over."""
    return zip(*[iter(items)] * size, strict=True)


def _lists(column: list[str]) -> Iterator[tuple[str, ...]]:
    """Each card's tags (or source ids): few different lists, each made once, and shared."""
    made = {field: tuple(field.split(_ITEM)) if field else () for field in set(column)}
    return map(made.__getitem__, column)


def _quotes(column: list[str], declared: set[str]) -> list[tuple[Quote, ...]]:
    """Each card's quotes, from its field of three items (text, by, source) a quote, each
    source declared (or none)."""
    item, repeat = _ITEM, itertools.repeat
    texts = item.join(filter(None, column)).split(item) if any(column) else []
    made = map(tuple.__new__, repeat(Quote), zip(*[iter(texts)] * 3, strict=True))
    # A field of n quotes holds 3n - 1 item marks. The texts add up to three a quote
    # only if each field does: a field that does not would leave a remainder.
    counts = [(marks + 1) // 3 for marks in map(str.count, column, repeat(item))]
    if len(texts) != 3 * sum(counts):
        raise _Odd("a quote of the wrong shape")
    if not set(texts[2::3]) - {""} <= declared:
        raise _Odd("a quote from an undeclared source")
    take = itertools.islice
    return [tuple(take(made, count)) if count else () for count in counts]


def _pair(field: str) -> tuple[str, str]:
    first, second = field.split(_ITEM)  # a ValueError unless exactly two
    return first, second


def _decode(
    fields: list[str],
    shown: str,
    folder_deck: bool,
    root: Path,
    images: set[str],
    card_files: set[str],
) -> Deck:
    """The deck the entry's ``fields`` hold, checked by the loader's rules; a ValueError
    for any field of the wrong shape."""
    sources = tuple(Source(*s) for s in _groups(_items(fields[9]), _SOURCE_FIELDS))
    column = {name: fields[_HEADER_FIELDS + i :: _CARD_FIELDS] for i, name in enumerate(_COLUMNS)}
    _check_cards(column, sources, card_files)
    pictures: dict[str, Image | None] = {"": None}
    for field in set(column["image"]) - {""}:
        path, alt = _pair(field)
        if path not in images:
            raise _Odd("an image that was not checked")
        pictures[field] = Image(root / path, alt)
    # A column at a time, mostly in C: a re-open of a large deck is mostly this. The model's
    # tuples are made with tuple.__new__, their length checked here.
    new = tuple.__new__
    cards = map(
        new,
        itertools.repeat(Card),
        zip(
            column["id"],
            column["title"],
            column["headline"],
            column["body"],
            [
                new(Figure, (value, label)) if value else None  # a value is required
                for value, label in zip(column["figure"], column["label"], strict=True)
            ],
            _quotes(column["quotes"], {s.id for s in sources}),
            map(pictures.__getitem__, column["image"]),
            column["notes"],
            _lists(column["tags"]),
            _lists(column["sources"]),
            map(os.path.join(shown, "").__add__, column["file"])
            if folder_deck
            else itertools.repeat(shown, len(column["file"])),
            strict=True,
        ),
    )
    title, subtitle, date, author, marking = fields[4:9]
    return Deck(
        title=title,
        subtitle=subtitle,
        date=date,
        author=author,
        marking=marking,
        sources=sources,
        cards=tuple(cards),
        path=shown,
        folder=root,
    )


# The fields of a card in an entry, in the model's order (its figure as a value, empty when
# there is none, and a label; its image as a path and alt; its file as a name in the deck
# folder).
_SLUGS = re.compile(f"(?:{SLUG.pattern}(?: {SLUG.pattern})*)?")  # ids split by spaces

_COLUMNS = (
    *("id", "title", "headline", "body", "figure", "label", "quotes", "image", "notes"),
    *("tags", "sources", "file"),
)


def _check_cards(
    column: dict[str, list[str]], sources: tuple[Source, ...], files: set[str]
) -> None:
    """The loader's rules across cards, a column at a time: ids valid and unique, sources
    declared once and every one named declared, each card from a file of the deck."""
    ids, declared = column["id"], {s.id for s in sources}
    if len(set(ids)) != len(ids) or not _SLUGS.fullmatch(" ".join(ids)) or " " in "".join(ids):
        raise _Odd("card ids")
    if len(declared) != len(sources) or not all(map(SLUG.fullmatch, declared)):
        raise _Odd("source ids")
    if not set(column["file"]) <= files:
        raise _Odd("a card from no file of the deck")
    if not set(_items(_ITEM.join(filter(None, column["sources"])))) <= declared:
        raise _Odd("an undeclared source")  # and quotes' sources: see _quotes


# -- writing -------------------------------------------------------------------------------


def _entry(real: str, deck: Deck, before: dict[str, str] | None) -> bytes | None:
    """The entry for ``deck``, read from ``real``; None if it cannot hold it exactly, or if
    a file changed since ``before`` it was read (see ``_files_now``)."""
    source = os.path.realpath(deck.path)  # the folder, when opened through its deck.yaml
    folder_deck = os.path.isdir(source)
    root = source if folder_deck else os.path.dirname(source)
    if Path(root) != deck.folder or not _reads_from(real, source):
        return None
    files = _deck_identities(source, folder_deck)
    if before is not None and before.get(source) != files:
        return None  # edited while it was read: what was read may not be what is there
    images = sorted({str(c.image.path.relative_to(root)) for c in deck.cards if c.image})
    fields = [
        real,
        source,
        files,
        _image_identities(root, images),
        deck.title,
        deck.subtitle,
        deck.date,
        deck.author,
        deck.marking,
        _ITEM.join([f for s in deck.sources for f in s]),
    ]
    for card in deck.cards:
        fields += _encode_card(card, root, folder_deck)
    if images and not fields[3]:
        return None  # an image the loader accepted is not one a cache may name
    text = _FIELD.join(fields)
    # What is written must read back as exactly this deck: a text holding a separator,
    # say, would not (and such a deck is then simply not cached).
    card_files = {os.path.basename(c.file) for c in deck.cards} if folder_deck else {""}
    try:
        copy = _decode(
            text.split(_FIELD), deck.path, folder_deck, deck.folder, set(images), card_files
        )
    except (ValueError, TypeError):
        return None
    if copy != deck:
        return None
    payload = text.encode(*_UTF8)
    return b"%s\n%08x\n%s" % (FORMAT.encode(), zlib.crc32(payload), payload)


def _encode_card(card: Card, root: str, folder_deck: bool) -> list[str]:
    figure, image = card.figure, card.image
    return [
        card.id,
        card.title,
        card.headline,
        card.body,
        figure.value if figure else "",
        figure.label if figure else "",
        _ITEM.join([f for q in card.quotes for f in q]),
        _ITEM.join([str(image.path.relative_to(root)), image.alt]) if image else "",
        card.notes,
        _ITEM.join(card.tags),
        _ITEM.join(card.sources),
        os.path.basename(card.file) if folder_deck else "",
    ]


class _CacheFolder:
    """The cache folder, opened without following a link, and the only place entries are
    written to or removed from: by name, inside it, never through a link."""

    def __init__(self, path: Path, create: bool) -> None:
        self.path = path
        self.create = create
        self.fd: int | None = None

    def __enter__(self) -> _CacheFolder:
        if self.create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                os.mkdir(self.path, 0o700)
        if _AT_FOLDER:
            flags = os.O_RDONLY | _NO_LINK | getattr(os, "O_DIRECTORY", 0) | _NO_INHERIT
            self.fd = os.open(self.path, flags)
            info = os.fstat(self.fd)
        else:
            info = os.lstat(self.path)
        if not stat.S_ISDIR(info.st_mode) or (_OWNER is not None and info.st_uid != _OWNER):
            self.__exit__()
            raise NotADirectoryError(f"{self.path} is not the cache's own folder")
        return self

    def __exit__(self, *_: object) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def _at(self, name: str) -> tuple[str, int | None]:
        return (name, self.fd) if self.fd is not None else (str(self.path / name), None)

    def _status(self, name: str) -> os.stat_result | None:
        path, fd = self._at(name)
        try:
            return os.stat(path, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            return None

    def write(self, name: str, data: bytes) -> None:
        """Write the entry ``name`` whole or not at all: a temporary file, then a rename,
        and only over an entry, never over a link, pipe or anything else."""
        temporary = f".tmp-{os.urandom(6).hex()}.cache"
        path, fd = self._at(temporary)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_LINK | _NO_INHERIT
        flags |= getattr(os, "O_BINARY", 0)
        handle = os.open(path, flags, 0o600, dir_fd=fd)
        try:
            with os.fdopen(handle, "wb") as f:
                f.write(data)
            existing = self._status(name)
            if existing is not None and not stat.S_ISREG(existing.st_mode):
                raise FileExistsError(f"{name} in the cache folder is not an entry")
            target, _ = self._at(name)
            os.replace(path, target, src_dir_fd=fd, dst_dir_fd=fd)
        except BaseException:
            self._remove(temporary)
            raise

    def remove(self, name: str) -> None:
        """Remove the entry ``name``, if it is one: a regular file named as entries are."""
        info = self._status(name)
        if info is not None and stat.S_ISREG(info.st_mode) and _ENTRY_NAME.fullmatch(name):
            self._remove(name)

    def _remove(self, name: str) -> None:
        path, fd = self._at(name)
        with contextlib.suppress(OSError):  # gone already, or another process has it open
            os.unlink(path, dir_fd=fd)

    def prune(self, keep: str) -> None:
        """Remove what no open will read: entries named as older versions named them,
        temporary files left by a crash, and the least recently used entries beyond
        ``MAX_BYTES``. ``keep`` (the entry just written) stays, whatever its size."""
        entries: list[tuple[float, int, str]] = []  # (last used, size, name)
        now = time.time()
        folder: int | Path = self.fd if self.fd is not None else self.path
        with os.scandir(folder) as found:
            for item in found:
                try:
                    if not item.is_file(follow_symlinks=False) or item.name == keep:
                        continue
                    info = item.stat(follow_symlinks=False)
                except OSError:  # removed meanwhile, by another Briefing
                    continue
                if _ENTRY_NAME.fullmatch(item.name):
                    entries.append((info.st_mtime, info.st_size, item.name))
                elif _OLDER_ENTRY_NAME.fullmatch(item.name) or (
                    _TEMPORARY_NAME.fullmatch(item.name)
                    and now - info.st_mtime > _STALE_TEMPORARY_S
                ):
                    self._remove(item.name)
        kept = self._status(keep)
        total = sum(size for _, size, _ in entries) + (kept.st_size if kept else 0)
        for _, size, name in sorted(entries):  # least recently used first
            if total <= MAX_BYTES:
                break
            self._remove(name)
            total -= size
