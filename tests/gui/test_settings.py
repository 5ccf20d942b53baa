"""What the window remembers between sessions."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication

from briefing.gui import settings
from briefing.gui.app import build_main_window
from briefing.gui.settings import app_settings
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path

NewWindow = Callable[[], MainWindow]


def _start(qtbot: object, styled_app: QApplication) -> MainWindow:
    window = build_main_window(None)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    return window


def _deck_copy(tmp_path: Path, deck_folder: Path, name: str) -> Path:
    copy = tmp_path / name
    copy.mkdir()
    for file in deck_folder.iterdir():
        (copy / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def test_new_window_restores_deck_card_side_geometry_theme_and_zoom(
    new_window: NewWindow, qtbot: object, styled_app: QApplication, deck_folder: Path
) -> None:
    first = new_window()
    first.appearance.reduce_motion_action.setChecked(True)
    first.open_deck(str(deck_folder))
    first.go_to(1)
    first.flip_card()
    first.appearance.set_theme("dark")
    first.zooming.set_zoom(125)
    first.setGeometry(QRect(20, 30, 740, 540))
    first.close()

    second = _start(qtbot, styled_app)
    assert second.deck is not None and second.deck.title == "Good deck"
    assert second.index == 1
    assert second.card_view.is_flipped()
    assert second.appearance.theme == "dark"
    assert second.zooming.zoom == 125
    assert second.size().toTuple() == (740, 540)
    assert second.appearance.reduce_motion_action.isChecked()
    assert settings.recent_decks() == [settings.resolved(deck_folder)]


def test_place_is_remembered_per_deck(
    window: MainWindow, deck_folder: Path, tmp_path: Path
) -> None:
    other = _deck_copy(tmp_path, deck_folder, "other-deck")
    window.open_deck(str(deck_folder))
    window.go_to(1)
    window.open_deck(str(other))
    assert window.index == 0
    window.open_deck(str(deck_folder))
    assert window.index == 1 and not window.card_view.is_flipped()


def test_start_without_last_deck_opens_bundled_deck(
    qtbot: object, styled_app: QApplication
) -> None:
    window = _start(qtbot, styled_app)
    assert window.deck is not None
    assert settings.resolved(window.deck.path) == settings.resolved(bundled_deck_path())


def test_start_with_last_deck_gone_opens_bundled_deck(
    qtbot: object, styled_app: QApplication, tmp_path: Path
) -> None:
    app_settings().setValue(settings.LAST_DECK_KEY, str(tmp_path / "gone"))
    window = _start(qtbot, styled_app)
    assert window.deck is not None and window.deck.cards
    assert not window.error_panel.isVisibleTo(window)


def test_start_with_last_deck_broken_shows_its_errors_over_bundled_deck(
    qtbot: object, styled_app: QApplication, broken_folder: Path
) -> None:
    app_settings().setValue(settings.LAST_DECK_KEY, str(broken_folder))
    window = _start(qtbot, styled_app)
    assert window.deck is not None and window.deck.cards
    assert window.error_panel.isVisibleTo(window)
    assert all(line.startswith(str(broken_folder)) for line in window.error_panel.problem_lines())


def test_corrupt_settings_file_gives_defaults(
    qtbot: object, styled_app: QApplication, deck_folder: Path
) -> None:
    app_settings().setValue(settings.LAST_DECK_KEY, str(deck_folder))
    app_settings().sync()
    ini = Path(app_settings().fileName())
    ini.write_bytes(b"\x00\xff[[[garbage\n=\n\x89PNG\r\n[view]\nzoom=lots\ntheme=plaid\n" * 50)
    window = _start(qtbot, styled_app)
    assert window.deck is not None
    assert window.zooming.zoom == 100
    assert window.appearance.theme == "system"
    assert settings.recent_decks() == [] or all(isinstance(p, str) for p in settings.recent_decks())


def test_nonsense_values_fall_back_to_defaults(qtbot: object, styled_app: QApplication) -> None:
    store = app_settings()
    store.setValue(settings.ZOOM_KEY, "137")
    store.setValue(settings.THEME_KEY, "plaid")
    store.setValue(settings.GEOMETRY_KEY, "not a geometry")
    store.setValue(settings.RECENT_KEY, 42)
    window = _start(qtbot, styled_app)
    assert window.zooming.zoom == 100
    assert window.appearance.theme == "system"
    assert settings.recent_decks() == [settings.resolved(bundled_deck_path())]


def test_recent_menu_lists_most_recent_first_and_greys_missing(
    window: MainWindow, deck_folder: Path, tmp_path: Path
) -> None:
    decks = [_deck_copy(tmp_path, deck_folder, f"deck-{n}") for n in range(12)]
    for deck in decks:
        window.open_deck(str(deck))
    (decks[-2] / "alpha.yaml").unlink()
    for file in decks[-2].iterdir():
        file.unlink()
    decks[-2].rmdir()
    menu = window.recent_decks.recent_menu
    window.recent_decks.fill_recent_menu()
    entries = [a for a in menu.actions() if a.data()]
    assert len(entries) == settings.MAX_RECENT
    assert [a.data() for a in entries] == [settings.resolved(d) for d in reversed(decks)][:10]
    assert entries[0].text().startswith("&1 deck-11 \u2014 ")
    assert entries[0].isEnabled() and not entries[1].isEnabled()
    entries[2].trigger()
    assert window.deck is not None and window.deck.path == settings.resolved(decks[-3])
    window.recent_decks.clear_recent_action.trigger()
    assert [a for a in menu.actions() if a.data()] == []
    assert not window.recent_decks.clear_recent_action.isEnabled()


def test_recent_decks_show_where_they_are_with_home_as_a_tilde(
    window: MainWindow, deck_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "work").mkdir()
    (tmp_path / ("very-long-folder-name-" * 8) / "inner").mkdir(parents=True)
    near = _deck_copy(tmp_path / "work", deck_folder, "cards")
    far = _deck_copy(tmp_path / ("very-long-folder-name-" * 8) / "inner", deck_folder, "cards")
    for deck in (far, near):
        window.open_deck(str(deck))
    window.recent_decks.fill_recent_menu()
    entries = [a for a in window.recent_decks.recent_menu.actions() if a.data()]
    near_entry, long_entry = entries
    assert near_entry.text() == "&1 cards \u2014 ~/work"
    assert long_entry.text().startswith("&2 cards \u2014 ~/very-long")
    assert long_entry.text().endswith("/inner") and "\u2026" in long_entry.text()
    assert long_entry.toolTip() == settings.resolved(far)


def test_settings_file_is_the_apps_own(settings_folder: Path) -> None:
    store = app_settings()
    assert store.format() == QSettings.Format.IniFormat
    assert Path(store.fileName()).is_relative_to(settings_folder)


def test_keys_of_utf8_paths_are_the_keys_they_always_were() -> None:
    """Readers keep their places and stars: keyed by bytes, a UTF-8 path's key is unchanged."""
    assert settings.deck_key("/nonexistent-briefing/plain/deck") == "a907dd886b915e5d4b23"
    assert settings.deck_key("/nonexistent-briefing/D\u00e9cks/brief-2024") == (
        "7a1de59a42ca6068b6fc"
    )


def test_a_deck_whose_name_is_not_utf8_keeps_its_place_stars_and_recent_entry(
    new_window: NewWindow,
    qtbot: object,
    styled_app: QApplication,
    deck_folder: Path,
    tmp_path: Path,
    instant_flip: None,
) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/deck-\xff-\xfe"))
    odd.mkdir()
    for file in deck_folder.iterdir():
        (odd / file.name).write_bytes(file.read_bytes())
    first = new_window()
    assert first.open_deck(str(odd))
    first.go_to(1)
    first.flip_card()
    first.starring.star_action.trigger()
    first.close()

    assert settings.recent_decks() == [str(odd)]
    second = _start(qtbot, styled_app)  # the last deck: this one
    assert second.deck is not None and second.deck.path == str(odd)
    assert second.index == 1 and second.card_view.is_flipped()
    assert second.starring.stars.ids() == ["beta"]
    assert settings.deck_key(str(odd)) != settings.deck_key(str(odd).replace("\udcff", "\udcfe"))


def test_reopening_a_deck_where_it_was_left_writes_no_settings(
    new_window: NewWindow, deck_folder: Path, instant_flip: None
) -> None:
    """Each save is a new file written to disk: none when nothing changed."""
    first = new_window()
    first.open_deck(str(deck_folder))
    first.go_to(1)
    ini = Path(settings.settings_path())
    written = ini.stat().st_ino

    second = new_window()
    second.open_deck(str(deck_folder))
    assert second.index == 1
    assert ini.stat().st_ino == written


def _settings_keys_in(source: Path) -> list[str]:
    """The string constants in ``source`` shaped like a settings key ("view/theme")."""
    import ast
    import re

    shaped = re.compile(r"(session|window|view|presentation|export)/\w+")
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and shaped.fullmatch(node.value)
    ]


def test_every_settings_key_is_named_in_the_settings_module_alone() -> None:
    from briefing.gui import settings as settings_module

    owner = Path(settings_module.__file__)
    assert len(_settings_keys_in(owner)) >= 9
    elsewhere = {
        str(source.relative_to(owner.parents[2])): keys
        for source in sorted(owner.parents[1].rglob("*.py"))
        if source != owner and (keys := _settings_keys_in(source))
    }
    assert elsewhere == {}
