"""Write a file whole or not at all (after qutebrowser's ``qtutils.savefile_open``).

Every export goes through ``save_file``: the data goes to a new temporary file beside the
target, which is flushed, synced and renamed over the target only when all of it was
written. On any failure (or cancel) the temporary file is removed, an existing file at the
target is left as it was, and ``ExportError`` names the cause the system gave.

The file is created and renamed with the name's bytes (``os.fsencode``), not through Qt,
whose paths are Unicode: a name that is not UTF-8 is written exactly as asked. Qt's PDF
engine does not report write errors, so the device's own error state is checked at the end.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

import shiboken6
from PySide6.QtCore import QFile, QFileDevice, QIODevice

from briefing.core.errors import shown_name
from briefing.export.document import ExportCancelled, ExportError

_NO_ERROR = QFileDevice.FileError.NoError
_CREATE_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def check_target(path: str | bytes | os.PathLike[str]) -> None:
    """Raise ``ExportError`` with a clear reason when ``path`` cannot be written at all."""
    target = os.fsencode(path)
    shown = shown_name(target)
    if os.path.isdir(target):
        raise ExportError(f"cannot write {shown}: it is a folder")
    if os.path.lexists(target) and not os.path.isfile(target):
        # Renaming over a device or a pipe (as root, even /dev/null) would replace it.
        raise ExportError(f"cannot write {shown}: it is not a regular file")
    parent = os.path.dirname(target) or b"."
    if not os.path.exists(parent):
        raise ExportError(f"cannot write {shown}: the folder {shown_name(parent)} does not exist")
    if not os.path.isdir(parent):
        raise ExportError(f"cannot write {shown}: {shown_name(parent)} is not a folder")


@contextmanager
def save_file(
    path: str | os.PathLike[str], finish: Callable[[int], None] | None = None
) -> Iterator[QIODevice]:
    """A device open for writing ``path``; the file is put in place when the block ends
    normally, and ``ExportError`` raised (nothing left behind) if any of it failed.
    ``finish``, given the file's descriptor (open read-write), may amend what was written
    before it is put in place."""
    with _replacing(path) as (fd, shown):
        device = QFile()
        try:
            if not device.open(
                fd, QIODevice.OpenModeFlag.WriteOnly, QFileDevice.FileHandleFlag.DontCloseHandle
            ):
                raise ExportError(f"cannot write {shown}: {_device_cause(device, fd)}")
            try:
                yield device
            except ExportError as error:  # the PDF engine's "refused a new page": say why
                if isinstance(error, ExportCancelled) or device.error() == _NO_ERROR:
                    raise
                raise ExportError(f"could not write {shown}: {_device_cause(device, fd)}") from None
            if not device.flush() or device.error() != _NO_ERROR:
                raise ExportError(f"could not write {shown}: {_device_cause(device, fd)}")
            if finish is not None:
                try:
                    finish(fd)
                except OSError as error:
                    raise ExportError(f"could not write {shown}: {cause(error)}") from None
        finally:
            device.close()
            shiboken6.delete(device)


def save_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all; raises ``ExportError``."""
    with _replacing(path) as (fd, shown):
        view = memoryview(data)
        while view:
            try:
                view = view[os.write(fd, view) :]  # a short write: the rest, or the error
            except OSError as error:
                raise ExportError(f"could not write {shown}: {cause(error)}") from None


@contextmanager
def _replacing(path: str | os.PathLike[str]) -> Iterator[tuple[int, str]]:
    """A new file's descriptor and ``path`` as messages show it; the file replaces ``path``
    when the block ends normally, and is removed if it does not."""
    target = os.fsencode(path)
    shown = shown_name(target)
    check_target(target)
    if os.path.islink(target):  # write where it leads, and keep the link (as QSaveFile)
        target = os.path.realpath(target)
    try:
        fd, temporary = _create_temporary(target)
    except OSError as error:
        raise ExportError(
            f"cannot write {shown}: no file can be made there ({cause(error)})"
        ) from None
    try:
        yield fd, shown
        try:
            _keep_mode(fd, target)
            os.fsync(fd)  # a full disk may only show now
            os.close(fd)
            fd = -1
            os.replace(temporary, target)
        except OSError as error:
            raise ExportError(f"could not save {shown}: {cause(error)}") from None
        temporary = b""
    finally:
        if fd >= 0:
            os.close(fd)
        if temporary:
            _remove(temporary)


def _create_temporary(target: bytes) -> tuple[int, bytes]:
    """A new file beside ``target`` (so the rename stays on one disk), open for writing."""
    folder, name = os.path.split(target)
    for _ in range(100):
        # Shortened, so that a name near the system's limit still has room for a temporary.
        unique = b".%s.%s.part" % (name[:200], secrets.token_hex(4).encode())
        temporary = os.path.join(folder, unique)
        try:
            return os.open(temporary, _CREATE_FLAGS, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary name", os.fsdecode(folder))


def _keep_mode(fd: int, target: bytes) -> None:
    """A file replaced keeps its permissions (as QSaveFile does); a new one gets the umask's."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    os.fchmod(fd, stat.S_IMODE(mode))


def _remove(path: bytes) -> None:
    with suppress(OSError):
        os.unlink(path)


_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file is larger than this disk or the system allows",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EIO: "the disk reported an input/output error",
}


def cause(error: OSError) -> str:
    """Why the system refused a write, in words a user can act on."""
    if error.errno in _CAUSES:
        return _CAUSES[error.errno]
    return error.strerror or str(error)


def _device_cause(device: QFileDevice, fd: int) -> str:
    """Why Qt's write failed. Qt gives the system's message for some failures and
    "Unknown error" for others (a short write); then one more byte written to the
    temporary file, which is removed anyway, asks the system itself."""
    message = " ".join(device.errorString().split())
    for number, words in _CAUSES.items():
        if message == os.strerror(number):
            return words
    if message.lower() not in {"", "unknown error"}:
        return message
    try:
        os.write(fd, b"\n")
    except OSError as error:
        return cause(error)
    return "the data could not be written"
