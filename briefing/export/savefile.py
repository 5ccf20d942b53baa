"""Write a file whole or not at all (after qutebrowser's ``qtutils.savefile_open``).

``QSaveFile`` writes to a temporary file beside the target and renames it over the target
on ``commit()``. Qt's PDF engine does not report write errors, so the file's own error state
and ``commit()``'s result are checked; on any failure (or cancel) ``cancelWriting()``
removes the temporary file and an existing file at the target is left as it was.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PySide6.QtCore import QFileDevice, QIODevice, QSaveFile

from briefing.export.document import ExportError


def check_target(path: Path) -> None:
    """Raise ``ExportError`` with a clear reason when ``path`` cannot be written at all."""
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    if path.exists() and not path.is_file():
        # QSaveFile would replace a device or a pipe (as root, even /dev/null) with a file.
        raise ExportError(f"cannot write {path}: it is not a regular file")
    parent = path.parent
    if not parent.exists():
        raise ExportError(f"cannot write {path}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: {parent} is not a folder")


@contextmanager
def save_file(path: str | os.PathLike[str]) -> Iterator[QSaveFile]:
    """A ``QSaveFile`` open for writing ``path``; committed when the block ends normally."""
    target = Path(path)
    check_target(target)
    save = QSaveFile(str(target))
    try:
        if not save.open(QIODevice.OpenModeFlag.WriteOnly):
            if not os.access(target.parent, os.W_OK):
                raise ExportError(f"cannot write {target}: the folder is read-only")
            reason = _reason(save, target)
            raise ExportError(f"cannot write {target}: no file can be made there ({reason})")
        try:
            yield save
            if save.error() != QFileDevice.FileError.NoError:
                raise ExportError(f"could not write {target}: {_reason(save, target)}")
            if not save.commit():
                reason = _reason(save, target, _BY_KIND[QFileDevice.FileError.RenameError])
                raise ExportError(f"could not save {target}: {reason}")
        except BaseException:
            save.cancelWriting()
            raise
    finally:
        # Now, not whenever Python collects it: an uncommitted file's temporary is removed.
        shiboken6.delete(save)


_UNHELPFUL = {"", "unknown error"}
_BY_KIND = {
    QFileDevice.FileError.WriteError: "the data could not be written (is the disk full?)",
    QFileDevice.FileError.RenameError: "the new file could not be put in place",
    QFileDevice.FileError.OpenError: "the file could not be created",
    QFileDevice.FileError.PermissionsError: "permission denied",
}


def _reason(save: QSaveFile, target: Path, default: str = "unknown error") -> str:
    """Qt's error in words a user can act on."""
    message = " ".join(save.errorString().split())
    if message.lower() in _UNHELPFUL:
        return _BY_KIND.get(save.error(), default)
    lowered = message.lower()
    if "no space" in lowered or os.strerror(errno.ENOSPC).lower() in lowered:
        return "the disk is full"
    if "permission" in lowered or "read-only" in lowered:
        return f"permission denied (is {target.parent} read-only?)"
    return message
