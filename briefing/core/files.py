"""Opening files from untrusted decks without blocking, following loops or escaping."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

DECK_FILE_NAME = "deck.yaml"
CARD_SUFFIXES = (".yaml", ".yml")
# What an image a card names must start with, by its suffix, and how large it may be.
IMAGE_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".svg": (b"<svg", b"<?xml"),
}
MAX_IMAGE_BYTES = 20 * 1024 * 1024


def is_deck_file(name: str) -> bool:
    """Whether a folder deck reads the file ``name``: its deck.yaml or a card file, and
    never an editor's swap or backup file (those start with a dot)."""
    return name.endswith(CARD_SUFFIXES) and not name.startswith(".")


# A deck under these loads (or comes from the cache) in well under 100 ms; a larger one is
# loaded where waiting for it does not freeze anything (the window: off its thread).
SMALL_FOLDER_FILES = 300
SMALL_FILE_BYTES = 1_000_000


def is_small_deck(path: str) -> bool:
    """Whether the deck at ``path`` (a folder or a file) is small enough to load at once."""
    try:
        if os.path.isdir(path):
            with os.scandir(path) as entries:
                return sum(1 for _ in entries) < SMALL_FOLDER_FILES
        return os.path.getsize(path) < SMALL_FILE_BYTES
    except OSError:
        return True  # the loader reports what is wrong with it


_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_NO_LINK_FLAGS = getattr(os, "O_NOFOLLOW", 0)


class NotRegularFileError(OSError):
    """A path names a device, pipe or socket: reading it could block or never end."""


class OutsideFolderError(OSError):
    """A path leads outside the deck folder (or through a link), so it is not read."""


class TooLargeError(OSError):
    """A file is larger than its reader reads."""


def open_regular(path: str | os.PathLike[str], *, follow_link: bool = True) -> BinaryIO:
    """Open ``path`` for reading in binary, refusing anything but a regular file.

    Opened non-blocking and checked on the open descriptor, so a named pipe
    neither blocks the open nor can be swapped in after a check. With
    ``follow_link=False``, a path that is itself a symbolic link is refused.
    """
    return _regular(os.open(path, _FLAGS if follow_link else _FLAGS | _NO_LINK_FLAGS), path)


def _regular(fd: int, path: str | os.PathLike[str]) -> BinaryIO:
    """The open descriptor ``fd`` as a binary file if it is a regular file; closed if not."""
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(f"{os.fspath(path)} is a folder")
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(f"{os.fspath(path)} is not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


_FOLDER_FLAGS = (
    os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NO_LINK_FLAGS | getattr(os, "O_CLOEXEC", 0)
)
_WALKS_BY_FOLDER = _NO_LINK_FLAGS != 0 and os.open in os.supports_dir_fd


def read_inside(folder: Path, path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path`` inside ``folder`` (both resolved, as the loader
    gives them), found as the folder is now, at most ``limit`` of them.

    A deck can change after it was loaded: each folder on the way and the file itself are
    opened without following a link (where the system allows), so a file swapped for a
    link to anything outside is refused here, not read. Raises ``OSError``.
    """
    try:
        parts = path.relative_to(folder).parts
    except ValueError:
        raise OutsideFolderError(f"{path} is outside the deck folder") from None
    if not parts or any(part in (".", "..") for part in parts):
        raise OutsideFolderError(f"{path} is not a file in the deck folder")
    if not _WALKS_BY_FOLDER:
        target = resolved(path)
        if target is None or not target.is_relative_to(folder):
            raise OutsideFolderError(f"{path} leads outside the deck folder")
        with open_regular(target) as file:
            return _read_at_most(file, path, limit)
    fd = os.open(folder, _FOLDER_FLAGS)
    try:
        for part in parts[:-1]:
            inner = os.open(part, _FOLDER_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = inner
        file_fd = os.open(parts[-1], _FLAGS | _NO_LINK_FLAGS, dir_fd=fd)
    except OSError as e:
        if e.errno in (errno.ELOOP, errno.ENOTDIR):  # a link where a folder or file was
            raise OutsideFolderError(f"{path} leads through a link; it is not read") from None
        raise
    finally:
        os.close(fd)
    with _regular(file_fd, path) as file:
        return _read_at_most(file, path, limit)


def _read_at_most(file: BinaryIO, path: Path, limit: int) -> bytes:
    if os.fstat(file.fileno()).st_size > limit:
        raise TooLargeError(f"{path} is larger than {limit:,} bytes")
    data = file.read(limit + 1)
    if len(data) > limit:  # grew since
        raise TooLargeError(f"{path} is larger than {limit:,} bytes")
    return data


def resolved(path: Path) -> Path | None:
    """``path`` with every link followed, or None when that fails (a link loop, say)."""
    try:
        return path.resolve(strict=False)
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a loop, Python < 3.13
        return None


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, links followed, lies inside the (resolved) ``folder``."""
    target = resolved(path)
    return target is not None and target.is_relative_to(folder)


def describe_os_error(error: OSError) -> str:
    """A short message for a failed open or read."""
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(error, NotRegularFileError):
        return "not a regular file (a pipe or device?); not read"
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, (OutsideFolderError, TooLargeError)):
        return str(error)
    return f"cannot read file: {error.strerror or error}"
