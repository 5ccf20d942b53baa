"""The deck cache's folder: the only place entries are written to or removed from.

Entries are written whole or not at all, only as regular files inside the folder, never
through a link and never over anything but an entry; the folder keeps itself small.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path

MAX_BYTES = 256 * 1024 * 1024  # all entries together
# Only files named as Briefing names them are ever removed, whatever else is in the folder.
_ENTRY_NAME = re.compile(r"[0-9a-f]{16}\.cache")
_OLDER_ENTRY_NAME = re.compile(r"[0-9a-f]{32}\.cache")  # as earlier layouts named them
_TEMPORARY_NAME = re.compile(r"\.tmp-[^/]+\.cache")  # see CacheFolder.write
_STALE_TEMPORARY_S = 3600  # a temporary file this old is not a write still under way

_NO_LINK = getattr(os, "O_NOFOLLOW", 0)
_NO_INHERIT = getattr(os, "O_CLOEXEC", 0)
OWNER = os.geteuid() if hasattr(os, "geteuid") else None  # None: no owners to check
_AT_FOLDER = {os.open, os.rename, os.unlink, os.stat} <= os.supports_dir_fd and (
    os.scandir in os.supports_fd
)


class CacheFolder:
    """The cache folder, opened without following a link, and the only place entries are
    written to or removed from: by name, inside it, never through a link."""

    def __init__(self, path: Path, create: bool) -> None:
        self.path = path
        self.create = create
        self.fd: int | None = None

    def __enter__(self) -> CacheFolder:
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
        if not stat.S_ISDIR(info.st_mode) or (OWNER is not None and info.st_uid != OWNER):
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
