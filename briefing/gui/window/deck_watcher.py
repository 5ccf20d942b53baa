"""Watching the open deck's files, so the window can reload it when they change.

Qt's QFileSystemWatcher watches paths, not names: an editor that saves by writing a
new file and renaming it over the old one removes the watch on the old file, and a
folder deleted (or replaced) takes its watch with it. So the folder is watched too,
and every event re-arms the watch on each path that exists again (or now is another
file or folder by that name). While the deck's folder is missing, the nearest folder
above it that exists is watched instead, so the deck is found again when it comes back.
Events come in bursts (one save can be several); a short single-shot timer turns a
burst into one ``changed``. A folder event that changes none of the deck's files
(an exported PDF, an editor's swap file) emits nothing.

Qt names files in Unicode, so it cannot watch a file or folder whose name is not UTF-8
(``bad\xff.yaml``); those few are looked at on a slow timer instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import ClassVar

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from briefing.core.files import is_deck_file

_Stamp = tuple[int, int, int, int]  # inode, size, mtime and ctime in ns


class DeckWatcher(QObject):
    debounce_ms: ClassVar[int] = 250  # tests set 0
    poll_ms: ClassVar[int] = 1000  # for the paths Qt cannot watch

    changed = Signal()  # a file of the deck changed, appeared or went

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher: QFileSystemWatcher | None = None
        self._deck_path = ""
        self._folders: list[str] = []  # the deck's folder (a file's parent), image folders
        self._images: list[str] = []
        self._stamps: dict[str, _Stamp] = {}
        self._watched: dict[str, int] = {}  # each path watched, and its inode then
        self._polled: dict[str, _Stamp | None] = {}  # each path Qt cannot watch, as last seen
        self._file_touched = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._settled)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._on_poll)

    def watch(self, deck_path: str, images: Iterable[str] = ()) -> None:
        """Watch the deck at ``deck_path`` (a folder or a file) and the ``images`` it uses."""
        self.stop()
        path = os.path.abspath(deck_path)
        self._deck_path = path
        folder = path if os.path.isdir(path) else os.path.dirname(path)
        self._images = sorted({os.path.abspath(p) for p in images})
        self._folders = list(dict.fromkeys([folder, *(os.path.dirname(p) for p in self._images)]))
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._watcher.directoryChanged.connect(self._on_directory_changed)
        self._rewatch()
        self._stamps = self._snapshot()

    def stop(self) -> None:
        self._timer.stop()
        self._poll.stop()
        if self._watcher is not None:
            self._watcher.fileChanged.disconnect(self._on_file_changed)
            self._watcher.directoryChanged.disconnect(self._on_directory_changed)
            self._watcher.deleteLater()
            self._watcher = None
        self._deck_path = ""
        self._folders, self._images, self._stamps, self._watched = [], [], {}, {}
        self._polled = {}
        self._file_touched = False

    def watched_paths(self) -> list[str]:
        if self._watcher is None:
            return []
        return sorted(self._watcher.files() + self._watcher.directories())

    # -- events ------------------------------------------------------------------------------

    def _on_file_changed(self, _path: str) -> None:
        self._file_touched = True
        self._rewatch()
        self._timer.start(self.debounce_ms)

    def _on_directory_changed(self, _path: str) -> None:
        self._rewatch()
        self._timer.start(self.debounce_ms)

    def _on_poll(self) -> None:
        if any(_stamp(path) != stamp for path, stamp in self._polled.items()):
            self._rewatch()
            self._timer.start(self.debounce_ms)

    def _settled(self) -> None:
        if self._watcher is None:
            return
        self._rewatch()  # a file renamed over may have come back since the event
        stamps = self._snapshot()
        touched, self._file_touched = self._file_touched, False
        if stamps == self._stamps and not touched:
            return  # the folder changed, but none of the deck's files
        self._stamps = stamps
        self.changed.emit()

    # -- paths -------------------------------------------------------------------------------

    def _deck_files(self) -> list[str]:
        """The deck's files now: its YAML files (a folder deck) or the file, and images."""
        path = self._deck_path
        if not os.path.isdir(path):
            return [path, *self._images]
        try:
            with os.scandir(path) as entries:
                names = [e.name for e in entries if is_deck_file(e.name)]
        except OSError:
            names = []
        return [os.path.join(path, name) for name in sorted(names)] + self._images

    def _rewatch(self) -> None:
        watcher = self._watcher
        if watcher is None:
            return
        wanted: dict[str, int] = {}
        for path in [*self._folders, *self._deck_files()]:
            inode = _inode(path)
            if inode is None and path in self._folders:  # gone: wait for it above
                path = _nearest_folder(path)
                inode = _inode(path)
            if inode is not None:
                wanted[path] = inode
        self._poll_unnamable([p for p in wanted if not _qt_can_name(p)])
        wanted = {p: inode for p, inode in wanted.items() if _qt_can_name(p)}
        present = set(watcher.files()) | set(watcher.directories())
        # A path deleted and made again (or renamed over) is another file: Qt's watch, if
        # it still lists one, is on the old one.
        stale = [p for p in present if wanted.get(p) != self._watched.get(p)]
        if stale:
            watcher.removePaths(stale)
        fresh = [p for p in wanted if p not in present or p in stale]
        failed = set(watcher.addPaths(fresh)) if fresh else set()
        self._watched = {p: inode for p, inode in wanted.items() if p not in failed}

    def _poll_unnamable(self, paths: list[str]) -> None:
        self._polled = {path: _stamp(path) for path in paths}
        if not paths:
            self._poll.stop()
        elif not self._poll.isActive():
            self._poll.start(self.poll_ms)

    def _snapshot(self) -> dict[str, _Stamp]:
        stamps: dict[str, _Stamp] = {}
        for path in self._deck_files():
            stamp = _stamp(path)
            if stamp is not None:
                stamps[path] = stamp
        return stamps


def _inode(path: str) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _nearest_folder(path: str) -> str:
    """The nearest folder above ``path`` that exists."""
    parent = os.path.dirname(path)
    while not os.path.isdir(parent) and os.path.dirname(parent) != parent:
        parent = os.path.dirname(parent)
    return parent


def _stamp(path: str) -> _Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def _qt_can_name(path: str) -> bool:
    """Whether Qt can name ``path``: not if it holds bytes that are not UTF-8 (Qt would
    watch another name, with U+FFFD in their place)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
