"""Settings files the app did not write: values of any type, huge lists, and a file that is
a device, a pipe or a link to one. The app starts, every value that makes no sense is its
default, and nothing but a regular file is ever written."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from briefing.export.options import ExportOptions
from briefing.gui import settings
from briefing.gui.app import build_main_window
from briefing.gui.present.presentation import Presentation
from briefing.gui.present.presenter_window import PresenterWindow
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path

# Values as QSettings writes them into an ini file, none of the type any setting expects.
HOSTILE_VALUES = {
    # A QVariantPair: PySide has no converter for it and raises on every read.
    "pair": r"@Variant(\0\0\0:\0\0\0\0\xa\0\0\0\0\x2\0a\0\0\0\xa\0\0\0\0\x2\0b)",
    # Bytes are how a path that is not UTF-8 is kept: these are no path.
    "bytes": r"@ByteArray(\xff\0\x1)",
    "list": "true, 125, dark",
    "int": "1" * 5000,
    # A Python object that fails to unpickle (PySide unpickles when Qt parses the section).
    "bad pickle": r"@Variant(\0\0\0\x7f\0\0\0\x18PySide::PyObjectWrapper\0\0\0\0\x3\x80\x4\xff)",
}
_PER_DECK = ("path", "card", "side_back", "starred", "stars\\alpha", "stars\\beta")
_EVERYWHERE = {
    "session": ("last_deck", "recent"),
    "window": ("geometry",),
    "view": ("theme", "zoom", "reduce_motion"),
    "export": ("layout", "per_page", "page_size", "notes", "offset_x_mm", "offset_y_mm", "folder"),
    "presentation": ("stage", "countdownMinutes"),
}


def write_settings(text: str) -> Path:
    """The app's settings file, holding ``text`` as it is."""
    path = Path(settings.settings_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def every_setting(value: str, deck: Path) -> str:
    """An ini file with ``value`` for every setting the app reads, the deck's own included."""
    lines = []
    for section, keys in _EVERYWHERE.items():
        lines += [f"[{section}]", *(f"{key}={value}" for key in keys)]
    group = settings.deck_key(str(deck))
    lines += ["[decks]", *(f"{group}\\{key}={value}" for key in _PER_DECK)]
    return "\n".join(lines) + "\n"


def start(qtbot: Any) -> MainWindow:
    """The window as ``briefing`` starts it, with no deck named, shown and complete."""
    window = build_main_window(None, staged=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.is_complete)
    return window


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_setting_of_the_wrong_type_is_its_default_and_the_window_works(
    value: str,
    qtbot: Any,
    styled_app: QApplication,
    deck_folder: Path,
    instant_flip: None,
) -> None:
    write_settings(every_setting(value, deck_folder))

    window = start(qtbot)
    assert window.deck is not None
    assert settings.resolved(window.deck.path) == settings.resolved(bundled_deck_path())
    assert (window.appearance.theme, window.zooming.zoom) == ("system", 100)
    assert not window.appearance.reduce_motion_action.isChecked()
    assert settings.recent_decks() == [settings.resolved(bundled_deck_path())]
    assert window.printing.export_options() == ExportOptions().resolved()
    assert os.path.isdir(window.printing.export_folder())
    presentation = Presentation(window.deck, range(len(window.deck.cards)), home=window)
    assert presentation.stage == "dark" and presentation.clock.countdown_seconds == 0

    window.open_deck(str(deck_folder))  # its place and stars are nonsense too
    assert window.index == 0 and not window.card_view.is_flipped()
    assert not any(window.starring.stars.is_starred(i) for i in ("alpha", "beta"))
    window.go_to(1)
    window.flip_card()
    window.starring.star_action.trigger()
    window.close()

    again = start(qtbot)
    assert again.deck is not None and again.deck.title == "Good deck"
    assert again.index == 1 and again.card_view.is_flipped()
    stars = again.starring.stars
    assert stars.is_starred("beta") and not stars.is_starred("alpha")


def test_a_countdown_longer_than_the_presenter_offers_is_the_longest_it_offers(
    window: MainWindow, qtbot: Any
) -> None:
    write_settings("[presentation]\ncountdownMinutes=99999999999\n")
    assert window.deck is not None
    presentation = Presentation(window.deck, range(len(window.deck.cards)), home=window)
    presenter = PresenterWindow(presentation)
    qtbot.addWidget(presenter)
    assert presenter.countdown_box.value() == presenter.countdown_box.maximum()
    assert presentation.clock.countdown_seconds == presenter.countdown_box.maximum() * 60


def test_forty_thousand_recent_decks_read_in_linear_time_first_ten_kept(
    qtbot: Any, styled_app: QApplication, tmp_path: Path
) -> None:
    paths = [f"{tmp_path}/deck-{n:05d}" for n in range(40_000)]
    noise = ["@Invalid()", "12", "@ByteArray()", paths[0]]
    write_settings(f"[session]\nrecent={', '.join(noise + paths)}\n")

    began = time.perf_counter()
    recent = settings.recent_decks()
    assert time.perf_counter() - began < 2.0  # 20 s when each was looked for in the rest
    assert recent == paths[: settings.MAX_RECENT]
    menu = start(qtbot).recent_decks.recent_menu
    menu.aboutToShow.emit()
    assert len([a for a in menu.actions() if a.data()]) == settings.MAX_RECENT


# -- files that are not regular files ----------------------------------------------------------

# Starts the app's settings in a child, as a window does at start-up, and saves one value:
# a reading that blocks ends in the timeout instead of the suite hanging.
_SAVE_ONE = """
from briefing.gui import settings
assert settings.theme(("system", "dark"), "system") == "system"
settings.save_theme("dark")
assert settings.theme(("system", "dark"), "system") == "dark"
print("saved", settings.settings_path())
"""


def save_in_a_child(config: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "XDG_CONFIG_HOME": str(config)}
    return subprocess.run(
        [sys.executable, "-c", _SAVE_ONE],
        capture_output=True,
        text=True,
        env=environment,
        timeout=20,
        check=False,
    )


def settings_file_in(config: Path) -> Path:
    folder = config / "Briefing"
    folder.mkdir(parents=True)
    return folder / "Briefing.ini"


def device_node(path: Path) -> Path:
    """A character device like /dev/zero, made in the test's own folder (root only)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except (PermissionError, AttributeError, OSError) as error:
        pytest.skip(f"cannot make a device node: {error}")
    return path


NotRegular = Callable[[Path, Path], Path]  # (settings file, a folder to put targets in)


def _fifo(ini: Path, _elsewhere: Path) -> Path:
    os.mkfifo(ini)
    return ini


def _link_to_fifo(ini: Path, elsewhere: Path) -> Path:
    os.mkfifo(elsewhere / "pipe")
    ini.symlink_to(elsewhere / "pipe")
    return elsewhere / "pipe"


def _link_to_device(ini: Path, elsewhere: Path) -> Path:
    ini.symlink_to(device_node(elsewhere / "zero"))
    return elsewhere / "zero"


def _fifo_lock(ini: Path, _elsewhere: Path) -> Path:
    ini.write_text("[view]\ntheme=system\n", encoding="utf-8")
    lock = ini.with_name(ini.name + ".lock")
    os.mkfifo(lock)
    return lock


@pytest.mark.parametrize(
    "make",
    [_fifo, _link_to_fifo, _link_to_device, _fifo_lock],
    ids=["fifo", "link to fifo", "link to device", "fifo as lock file"],
)
def test_a_settings_file_that_is_not_a_regular_file_is_neither_read_nor_replaced(
    make: NotRegular, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    config = tmp_path / "config"
    node = make(settings_file_in(config), elsewhere)
    kind = stat.S_IFMT(node.lstat().st_mode)
    targets = sorted(elsewhere.iterdir())

    child = save_in_a_child(config)

    assert child.returncode == 0, child.stderr
    assert "settings are kept for this session only" in child.stderr
    assert stat.S_IFMT(node.lstat().st_mode) == kind  # still the pipe or device it was
    assert sorted(elsewhere.iterdir()) == targets  # nor a new file beside it


def test_a_window_keeps_its_settings_in_memory_while_the_file_is_a_link_to_a_device(
    new_window: Callable[[], MainWindow],
    deck_folder: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    zero = device_node(tmp_path / "zero")
    ini = Path(settings.settings_path())
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.symlink_to(zero)

    with caplog.at_level(logging.WARNING):
        window = new_window()
        window.open_deck(str(deck_folder))
        window.go_to(1)
        window.starring.star_action.trigger()
        window.zooming.set_zoom(125)
        window.close()
        second = new_window()
        second.open_deck(str(deck_folder))

    assert stat.S_ISCHR(zero.lstat().st_mode) and ini.is_symlink()
    assert second.index == 1 and second.starring.stars.ids() == ["beta"]
    assert second.zooming.zoom == 125
    warnings = [r for r in caplog.records if "session only" in r.getMessage()]
    assert len(warnings) == 1 and str(ini) in warnings[0].getMessage()


def test_a_settings_file_too_large_for_settings_is_neither_read_nor_replaced(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ini = Path(settings.settings_path())
    ini.parent.mkdir(parents=True, exist_ok=True)
    with ini.open("wb") as file:
        file.truncate(settings.MAX_FILE_BYTES + 1)  # sparse: no time spent writing it
    before = ini.stat()

    with caplog.at_level(logging.WARNING):
        settings.save_theme("dark")
        assert settings.theme(("system", "dark"), "system") == "dark"

    after = ini.stat()
    assert (after.st_ino, after.st_size) == (before.st_ino, before.st_size)
    assert any("larger than" in r.getMessage() for r in caplog.records)


def test_a_settings_file_linked_to_a_regular_file_is_written_through_the_link(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config"
    target = tmp_path / "dotfiles" / "briefing.ini"
    target.parent.mkdir()
    target.write_text("[view]\nzoom=125\n", encoding="utf-8")
    ini = settings_file_in(config)
    ini.symlink_to(target)

    child = save_in_a_child(config)

    assert child.returncode == 0, child.stderr
    assert ini.is_symlink()
    assert "theme=dark" in target.read_text(encoding="utf-8")
    assert "zoom=125" in target.read_text(encoding="utf-8")


def test_the_settings_file_is_where_qt_kept_it(tmp_path: Path) -> None:
    """Users keep their settings: the file is the one QSettings' user scope names."""
    code = (
        "from PySide6.QtCore import QSettings\n"
        "from briefing.gui import settings\n"
        "qt = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,"
        " 'Briefing', 'Briefing').fileName()\n"
        "print(qt == settings.settings_path(), qt)\n"
    )
    environment = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=20
    ).stdout
    assert out.split() == ["True", str(tmp_path / "Briefing" / "Briefing.ini")]
