"""What the window remembers between sessions: the deck, where the reader was in it, the
window's size, theme, zoom and recent decks.

Everything goes through ``app_settings()`` (the same ini file as the export options). Like
``export_settings.load_options``, every reader falls back to the default for a value that is
missing or makes no sense; an ini file QSettings cannot read at all gives every default.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QCryptographicHash, QSettings

from briefing.paths import bundled_deck_path

LAST_DECK_KEY = "session/last_deck"
RECENT_KEY = "session/recent"
GEOMETRY_KEY = "window/geometry"
THEME_KEY = "view/theme"
ZOOM_KEY = "view/zoom"
REDUCE_MOTION_KEY = "view/reduce_motion"
_DECK_GROUP = "decks"  # decks/<key>/{path,card,side,starred}
MAX_RECENT = 10


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Briefing", "Briefing")


def readable_settings() -> QSettings | None:
    """The settings, or None when the file is there but unreadable (then use defaults)."""
    settings = app_settings()
    return settings if settings.status() == QSettings.Status.NoError else None


def resolved(path: str | os.PathLike[str]) -> str:
    """A deck's path as settings key it: absolute, symlinks resolved."""
    return os.path.realpath(os.fspath(path))


def deck_key(path: str) -> str:
    """A settings group name for the deck at ``path`` (paths hold "/" which QSettings
    would read as nested groups). Qt's hash, not hashlib: importing hashlib loads OpenSSL,
    a few milliseconds of start-up for one digest."""
    digest = QCryptographicHash.hash(
        resolved(path).encode("utf-8"), QCryptographicHash.Algorithm.Sha1
    )
    return bytes(digest.toHex().data()).decode("ascii")[:20]


def _str(settings: QSettings | None, key: str, default: str = "") -> str:
    if settings is None:
        return default
    value = settings.value(key, default)
    return value if isinstance(value, str) else default


def _str_list(settings: QSettings | None, key: str) -> list[str]:
    if settings is None:
        return []
    value = settings.value(key, [])
    if isinstance(value, str):  # QSettings returns a one-item list as a plain string
        value = [value] if value else []
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, str) and item]


def _bool(settings: QSettings | None, key: str) -> bool:
    return _str(settings, key, "false").lower() == "true"


# -- the last deck and the recent list -------------------------------------------------------


def last_deck() -> str:
    return _str(readable_settings(), LAST_DECK_KEY)


def start_deck_path() -> str:
    """The deck to open when none is named: the last one, if it is still there, else the
    bundled deck."""
    last = last_deck()
    return last if last and os.path.exists(last) else str(bundled_deck_path())


def recent_decks() -> list[str]:
    """Most recent first, at most ``MAX_RECENT``, no repeats."""
    seen: list[str] = []
    for path in _str_list(readable_settings(), RECENT_KEY):
        if path not in seen:
            seen.append(path)
    return seen[:MAX_RECENT]


def remember_opened(path: str) -> list[str]:
    """Note ``path`` as the last deck and first of the recent ones; returns the new list."""
    path = resolved(path)
    recent = [path, *(p for p in recent_decks() if p != path)][:MAX_RECENT]
    settings = app_settings()
    settings.setValue(LAST_DECK_KEY, path)
    settings.setValue(RECENT_KEY, recent)
    return recent


def clear_recent() -> None:
    app_settings().setValue(RECENT_KEY, [])


# -- where the reader was, per deck ----------------------------------------------------------


class Place(NamedTuple):
    card_id: str = ""
    back: bool = False


def deck_place(path: str) -> Place:
    """Where the reader left the deck at ``path``; the first card's front for a deck that
    has no path (one built in memory)."""
    if not path:
        return Place()
    settings = readable_settings()
    group = f"{_DECK_GROUP}/{deck_key(path)}"
    return Place(_str(settings, f"{group}/card"), _bool(settings, f"{group}/side_back"))


def save_deck_place(path: str, place: Place) -> None:
    settings = app_settings()
    group = f"{_DECK_GROUP}/{deck_key(path)}"
    settings.setValue(f"{group}/path", resolved(path))
    settings.setValue(f"{group}/card", place.card_id)
    settings.setValue(f"{group}/side_back", "true" if place.back else "false")


def starred_ids(path: str) -> list[str]:
    """The cards starred in the deck at ``path``; none for a deck that has no path."""
    if not path:
        return []
    return _str_list(readable_settings(), f"{_DECK_GROUP}/{deck_key(path)}/starred")


def save_starred_ids(path: str, ids: list[str]) -> None:
    settings = app_settings()
    group = f"{_DECK_GROUP}/{deck_key(path)}"
    settings.setValue(f"{group}/path", resolved(path))
    settings.setValue(f"{group}/starred", list(ids))


# -- the window and view ---------------------------------------------------------------------


def geometry() -> QByteArray | None:
    settings = readable_settings()
    value = settings.value(GEOMETRY_KEY) if settings is not None else None
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_geometry(value: QByteArray) -> None:
    app_settings().setValue(GEOMETRY_KEY, value)


def theme(names: tuple[str, ...], default: str) -> str:
    value = _str(readable_settings(), THEME_KEY, default)
    return value if value in names else default


def save_theme(name: str) -> None:
    app_settings().setValue(THEME_KEY, name)


def zoom(steps: tuple[int, ...], default: int) -> int:
    value = _str(readable_settings(), ZOOM_KEY, str(default))
    try:
        number = int(value)
    except ValueError:
        return default
    return number if number in steps else default


def save_zoom(percent: int) -> None:
    app_settings().setValue(ZOOM_KEY, str(percent))


def reduce_motion() -> bool:
    return _bool(readable_settings(), REDUCE_MOTION_KEY)


def save_reduce_motion(on: bool) -> None:
    app_settings().setValue(REDUCE_MOTION_KEY, "true" if on else "false")
