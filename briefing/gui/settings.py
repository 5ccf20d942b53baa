"""What the window remembers between sessions: the deck, where the reader was in it, the
window's size, theme, zoom and recent decks.

Everything goes through ``app_settings()``: one ini file, ``Briefing/Briefing.ini`` in the
user's config folder (``$XDG_CONFIG_HOME``, else ``~/.config``; where Qt itself keeps a
user's ini settings), shared with the export and presentation options. The rules:

- Every value is read through ``read``: a value that is missing, of the wrong type (one
  Qt or PySide cannot even convert, say) or that makes no sense gives its default. Reading
  costs time linear in the file; a list is used only up to what the window shows.
- The file is read and written only while it is a regular file (or a link to one) of at
  most ``MAX_FILE_BYTES``, or is not there yet. Anything else (a device, a pipe, a folder, a
  link to nothing, a pipe as Qt's lock file) is neither opened nor replaced: the settings
  are then kept in memory for the session, and a warning says so once.
- A deck's stars are one key per card, ``decks/<key>/stars/<card id> = true | false``. Qt
  merges keys under its own lock file when it saves, so two windows or two instances
  starring and unstarring cards of one deck add up; neither's list replaces the other's.
  The list that earlier versions kept (``decks/<key>/starred``) is read under them.
- Decks are keyed by the bytes of their path (``os.fsencode``), so a file name that is not
  UTF-8 has its place and stars too; a path that is UTF-8 keeps the key it always had.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QCryptographicHash, QSettings, QStandardPaths

from briefing.paths import bundled_deck_path

LAST_DECK_KEY = "session/last_deck"
RECENT_KEY = "session/recent"
GEOMETRY_KEY = "window/geometry"
THEME_KEY = "view/theme"
ZOOM_KEY = "view/zoom"
REDUCE_MOTION_KEY = "view/reduce_motion"
STAGE_KEY = "presentation/stage"
COUNTDOWN_KEY = "presentation/countdownMinutes"
NOTES_ZOOM_KEY = "presentation/notesZoom"  # the speaker notes' size, in percent
# The print and export options last chosen (read and checked by printing/export_settings)
EXPORT_KEYS = {
    "layout": "export/layout",
    "per_page": "export/per_page",
    "page_size": "export/page_size",
    "notes": "export/notes",
    "offset_x": "export/offset_x_mm",
    "offset_y": "export/offset_y_mm",
}
EXPORT_FOLDER_KEY = "export/folder"
_DECK_GROUP = "decks"  # decks/<key>/{path,card,side_back,stars/<id>} (and starred, before)
MAX_RECENT = 10
# Qt parses about 50 MB a second; a larger file is someone else's, not settings.
MAX_FILE_BYTES = 16 * 1024 * 1024


class SessionSettings:
    """Settings kept in memory for this session only, when the file may not be used."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def value(self, key: str, default: object = None) -> object:
        return self._values.get(key, default)

    def setValue(self, key: str, value: object) -> None:  # QSettings' name
        self._values[key] = value

    def child_keys(self, group: str) -> list[str]:
        prefix = f"{group}/"
        keys = (key[len(prefix) :] for key in self._values if key.startswith(prefix))
        return [key for key in keys if "/" not in key]

    def status(self) -> QSettings.Status:
        return QSettings.Status.NoError


Store = QSettings | SessionSettings
_sessions: dict[str, SessionSettings] = {}  # settings file -> what stands in for it
_parsed: dict[str, tuple[int, ...]] = {}  # file -> its identity when last parsed whole


def settings_path() -> str:
    """The file QSettings(IniFormat, UserScope, "Briefing", "Briefing") names, found
    without opening it (that QSettings would open three more, any of which could block)."""
    if sys.platform == "win32":
        config = os.environ.get("APPDATA") or os.path.expanduser("~/AppData/Roaming")
    elif sys.platform == "darwin":  # Qt's user ini folder there is not QStandardPaths'
        xdg = os.environ.get("XDG_CONFIG_HOME") or ".config"
        config = os.path.join(os.path.expanduser("~"), xdg)
    else:
        location = QStandardPaths.StandardLocation.GenericConfigLocation
        config = QStandardPaths.writableLocation(location)
    return os.path.join(config, "Briefing", "Briefing.ini")


def app_settings() -> Store:
    """The settings file, checked afresh each time (Qt writes it when the object goes), or
    this session's memory when the file is not one that may be read and written."""
    path = settings_path()
    try:
        identity = file_identity(path)
    except UnusableFile as problem:
        if path not in _sessions:
            _sessions[path] = SessionSettings()
            import logging

            logging.getLogger(__name__).warning(
                "%s; settings are kept for this session only, none are written", problem
            )
        return _sessions[path]
    settings = QSettings(path, QSettings.Format.IniFormat)
    if identity is not None and _parsed.get(path) != identity:
        # PySide unpickles a Python object in a section when Qt parses it, and Qt parses
        # every section before it saves: one that fails to unpickle there, in a destructor,
        # crashes the interpreter. Parsed here, it only raises.
        with contextlib.suppress(Exception):
            settings.childGroups()
        _parsed[path] = identity
    return settings


class UnusableFile(Exception):
    """The settings file is one that must be neither read nor written."""


def file_identity(path: str) -> tuple[int, ...] | None:
    """The settings file's identity (device, inode, size, time), None when it is not there
    yet; ``UnusableFile`` when it must not be used.

    Qt opens it to read (a pipe blocks for ever), and saves by writing a new file and
    renaming it over the link's target (a device node would become a plain file); its lock
    file is read too."""
    identity = None
    for name, limit in ((path, MAX_FILE_BYTES), (f"{path}.lock", 4096)):
        try:
            status = os.stat(name)
        except FileNotFoundError:
            if os.path.islink(name):
                raise UnusableFile(f"{name} is a link to nothing") from None
            continue
        except OSError as error:
            raise UnusableFile(f"{name}: {error.strerror or error}") from None
        if not stat.S_ISREG(status.st_mode):
            raise UnusableFile(f"{name} is not a regular file (a pipe or a device?)")
        if status.st_size > limit:
            raise UnusableFile(f"{name} is larger than {limit:,} bytes")
        if name == path:
            identity = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
    return identity


def readable_settings() -> Store | None:
    """The settings, or None when the file is there but unreadable (then use defaults)."""
    settings = app_settings()
    return settings if settings.status() == QSettings.Status.NoError else None


def read(settings: Store | None, key: str) -> object:
    """The value at ``key``, or None when there is none or it cannot be had."""
    if settings is None:
        return None
    # Qt parses a whole ini section at its first read; PySide raises then for a value it
    # cannot convert, or that failed to unpickle, even one under another key. The second
    # try gets this key's own value, or its own error.
    for _ in range(2):
        try:
            return settings.value(key)
        except Exception:  # whatever it is, the default stands in
            continue
    return None


def resolved(path: str | os.PathLike[str]) -> str:
    """A deck's path as settings key it: absolute, symlinks resolved."""
    return os.path.realpath(os.fspath(path))


def deck_key(path: str) -> str:
    """A settings group name for the deck at ``path`` (paths hold "/" which QSettings
    would read as nested groups), from the path's bytes: a name that is not UTF-8 has a key
    too. Qt's hash, not hashlib: importing hashlib loads OpenSSL, a few milliseconds of
    start-up for one digest."""
    digest = QCryptographicHash.hash(os.fsencode(resolved(path)), QCryptographicHash.Algorithm.Sha1)
    return bytes(digest.toHex().data()).decode("ascii")[:20]


def path_value(path: str) -> str | QByteArray:
    """``path`` as settings keep it: as text, or as its bytes when it is not UTF-8 (text
    would lose what is not)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return QByteArray(os.fsencode(path))
    return path


def as_path(value: object) -> str:
    """An absolute path read from settings (see ``path_value``), or "" for anything else."""
    if isinstance(value, QByteArray):
        value = os.fsdecode(bytes(value.data()))
    if type(value) is str and os.path.isabs(value) and "\0" not in value:
        return value
    return ""


def _str(settings: Store | None, key: str, default: str = "") -> str:
    value = read(settings, key)
    return value if type(value) is str else default


def _list(settings: Store | None, key: str) -> list[object]:
    value = read(settings, key)
    if isinstance(value, list):
        return value
    return [] if value is None or value == "" else [value]  # one item reads as itself


def _str_list(settings: Store | None, key: str) -> list[str]:
    return [item for item in _list(settings, key) if type(item) is str and item]


def _bool(settings: Store | None, key: str) -> bool:
    value = read(settings, key)
    return value is True or (type(value) is str and value.lower() == "true")


# -- the last deck and the recent list -------------------------------------------------------


def last_deck() -> str:
    return as_path(read(readable_settings(), LAST_DECK_KEY))


def start_deck_path() -> str:
    """The deck to open when none is named: the last one, if it is still there, else the
    bundled deck."""
    last = last_deck()
    return last if last and os.path.exists(last) else str(bundled_deck_path())


def recent_decks() -> list[str]:
    """Most recent first, at most ``MAX_RECENT``, no repeats."""
    recent: dict[str, None] = {}
    for item in _list(readable_settings(), RECENT_KEY):
        path = as_path(item)
        if path:
            recent[path] = None
            if len(recent) == MAX_RECENT:
                break
    return list(recent)


def remember_opened(path: str) -> list[str]:
    """Note ``path`` as the last deck and first of the recent ones; returns the new list."""
    path = resolved(path)
    before = recent_decks()
    recent = [path, *(p for p in before if p != path)][:MAX_RECENT]
    if recent == before and last_deck() == path:
        return recent  # a save costs a write to disk, each start
    settings = app_settings()
    settings.setValue(LAST_DECK_KEY, path_value(path))
    settings.setValue(RECENT_KEY, [path_value(p) for p in recent])
    return recent


def clear_recent() -> None:
    app_settings().setValue(RECENT_KEY, [])


# -- where the reader was, and the stars, per deck -------------------------------------------


class Place(NamedTuple):
    card_id: str = ""
    back: bool = False


def _deck_group(path: str) -> str:
    return f"{_DECK_GROUP}/{deck_key(path)}"


def deck_place(path: str) -> Place:
    """Where the reader left the deck at ``path``; the first card's front for a deck that
    has no path (one built in memory)."""
    if not path:
        return Place()
    settings = readable_settings()
    group = _deck_group(path)
    return Place(_str(settings, f"{group}/card"), _bool(settings, f"{group}/side_back"))


def save_deck_place(path: str, place: Place) -> None:
    group = _deck_group(path)
    if deck_place(path) == place and as_path(read(readable_settings(), f"{group}/path")):
        return  # a save costs a write to disk, each time a deck opens
    settings = app_settings()
    settings.setValue(f"{group}/path", path_value(resolved(path)))
    settings.setValue(f"{group}/card", place.card_id)
    settings.setValue(f"{group}/side_back", "true" if place.back else "false")


def starred_ids(path: str) -> list[str]:
    """The cards starred in the deck at ``path``; none for a deck that has no path."""
    if not path:
        return []
    settings = readable_settings()
    group = _deck_group(path)
    marks = _star_marks(settings, f"{group}/stars")
    earlier = (i for i in _str_list(settings, f"{group}/starred") if marks.get(i, True))
    return list(dict.fromkeys([*earlier, *(i for i, on in marks.items() if on)]))


def save_star(path: str, card_id: str, starred: bool) -> None:
    """Star or unstar one card of the deck at ``path``, leaving its other cards' stars as
    they are in the file, whoever set them. A card id that is not a slug (the loader
    allows none) is not kept."""
    from briefing.core.slugs import SLUG  # not at start-up: it imports unicodedata

    if not SLUG.fullmatch(card_id):
        return
    settings = app_settings()
    group = _deck_group(path)
    settings.setValue(f"{group}/path", path_value(resolved(path)))
    settings.setValue(f"{group}/stars/{card_id}", "true" if starred else "false")


def _star_marks(settings: Store | None, group: str) -> dict[str, bool]:
    """Each card starred (True) or unstarred (False) under ``group``."""
    if settings is None:
        return {}
    try:
        if isinstance(settings, SessionSettings):
            keys = settings.child_keys(group)
        else:
            settings.beginGroup(group)
            try:
                keys = settings.childKeys()
            finally:
                settings.endGroup()
    except Exception:  # a section that cannot be parsed: see ``read``
        return {}
    marks = {}
    for card_id in keys:
        value = read(settings, f"{group}/{card_id}")
        if type(value) is str and value in ("true", "false"):
            marks[card_id] = value == "true"
    return marks


# -- the window and view ---------------------------------------------------------------------


def geometry() -> QByteArray | None:
    value = read(readable_settings(), GEOMETRY_KEY)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_geometry(value: QByteArray) -> None:
    app_settings().setValue(GEOMETRY_KEY, value)


def theme(names: tuple[str, ...], default: str) -> str:
    value = _str(readable_settings(), THEME_KEY, default)
    return value if value in names else default


def save_theme(name: str) -> None:
    app_settings().setValue(THEME_KEY, name)


def zoom(steps: tuple[int, ...], default: int) -> int:
    value = read(readable_settings(), ZOOM_KEY)
    number = as_int(value, default)
    return number if number in steps else default


def as_int(value: object, default: int = 0) -> int:
    """An int read from settings: ini files keep numbers as text."""
    if type(value) is int:
        return value
    if type(value) is str:
        try:
            return int(value)
        except ValueError:
            pass
    return default


def save_zoom(percent: int) -> None:
    app_settings().setValue(ZOOM_KEY, str(percent))


def reduce_motion() -> bool:
    return _bool(readable_settings(), REDUCE_MOTION_KEY)


def save_reduce_motion(on: bool) -> None:
    app_settings().setValue(REDUCE_MOTION_KEY, "true" if on else "false")
