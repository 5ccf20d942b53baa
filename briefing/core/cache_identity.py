"""What a deck-cache entry is kept under and checked against: its name, from the deck's
real path, and the identity (size, modification and change times, inode) of every file
the deck is read from, taken as the loader reads them.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zlib

from briefing.core.cache_format import ITEM, UTF8, OddEntry
from briefing.core.files import DECK_FILE_NAME, IMAGE_SIGNATURES, MAX_IMAGE_BYTES, is_deck_file


def entry_name(real: str) -> str:
    """The entry for the deck whose real path is ``real``. Two checksums make a 64-bit
    name; two decks that share one take turns in it, as each entry names its deck.
    (hashlib would load OpenSSL at start-up for this.)"""
    name = real.encode(*UTF8)
    return f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}.cache"


def files_now(real: str) -> dict[str, str]:
    """The identities of the files the deck at ``real`` may be read from, by source:
    itself, and its folder when it is a deck.yaml (see ``reads_from``)."""
    found = {}
    for source in (real, os.path.dirname(real)):
        if reads_from(real, source):
            with contextlib.suppress(OSError, ValueError):  # gone: not read from the cache
                found[source] = deck_identities(source, os.path.isdir(source))
    return found


def reads_from(real: str, source: str) -> bool:
    """Whether the deck at ``real`` may be read from ``source``: itself (a file or a
    folder), or the folder of the deck.yaml it is."""
    return source == real or (
        os.path.basename(real) == DECK_FILE_NAME and source == os.path.dirname(real)
    )


def _identity(info: os.stat_result) -> str:
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}"


def deck_identities(source: str, folder_deck: bool) -> str:
    """The name and identity of each file the deck at ``source`` is read from, in the
    folder's own order (the same while the folder is unchanged). A same-size edit whose
    modification time was put back still changes the change time (or, replaced, the
    inode). A folder's files are stated as the loader reads them, following links."""
    if not folder_deck:
        return f"{ITEM}{_identity(os.stat(source))}"
    item = ITEM
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


def file_names(identities: str) -> set[str]:
    """The names of the files in a folder deck's ``identities``."""
    return set(identities.split(ITEM)[::2]) if identities else set()


def image_identities(root: str, images: list[str]) -> str:
    """Each image's path and identity, checked by the loader's rules: a path to a PNG,
    JPEG or SVG that is a regular file, of at most ``MAX_IMAGE_BYTES``, inside the deck
    folder ``root`` (its own real path, so no link leads out of it)."""
    parts = []
    inside: dict[str, bool] = {}
    for image in images:
        steps = image.split(os.sep)
        if (
            os.path.isabs(image)
            or ITEM in image
            or os.path.splitext(image)[1].lower() not in IMAGE_SIGNATURES
            or any(step in ("", ".", "..") for step in steps)
            or (os.altsep is not None and os.altsep in image)
        ):
            raise OddEntry("image path")
        parent = os.path.join(root, *steps[:-1])
        if parent not in inside:
            inside[parent] = os.path.realpath(parent) == parent
        info = os.lstat(os.path.join(parent, steps[-1]))
        if not inside[parent] or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_IMAGE_BYTES:
            return ""  # a link or another kind of file now: the loader will say what is wrong
        parts.append(f"{image}{ITEM}{_identity(info)}")
    return ITEM.join(parts)
