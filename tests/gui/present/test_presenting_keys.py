"""One key table drives both the presentation's keys and every list of them (the "?"
overlay in both windows, Help > Keyboard Shortcuts): no key works unlisted, none is listed
idle."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from factories import make_card
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from briefing.core.model import Deck
from briefing.gui.present import keys as presenting_keys
from briefing.gui.present.audience_window import KeysOverlay
from briefing.gui.present.keys import KEY_TABLE, key_help, key_name, presenter_key_help
from briefing.gui.present.presentation import Presentation
from briefing.gui.window.shortcuts_dialog import WHILE_PRESENTING, shortcut_groups

Start = Callable[..., Presentation]  # the conftest fixture `start`
Key = Qt.Key
MIDDLE = 2  # a card with cards either side, so next and previous both move


def _presentation() -> Presentation:
    deck = Deck("Keys", tuple(make_card(number) for number in range(1, 7)))
    return Presentation(deck, range(len(deck.cards)), start=MIDDLE)


def _text_of(key: Key) -> str:
    """What the key types on a US keyboard, as a key event would carry it."""
    value = key.value
    return chr(value) if 0x20 < value < 0x7F else ""


def _taken_keys() -> set[Key]:
    """Every key the presentation does something with, asked of it key by key."""
    taken = set()
    for key in Key:
        if _presentation().handle_key(key, _text_of(key)):
            taken.add(key)
    return taken


def _listed(rows: tuple[tuple[str, str], ...]) -> set[str]:
    """The key names a help list shows, each on its own."""
    return {name for keys, _ in rows for name in re.split(r", | / ", keys)}


def _table_keys() -> set[Key]:
    return {key for row in presenting_keys.KEY_TABLE for b in row.bindings for key in b.keys}


def _overlay_keys(parent: QWidget) -> tuple[tuple[str, str], ...]:
    overlay = KeysOverlay(parent)
    return tuple((label.text(), "") for label in overlay.findChildren(QLabel, "keysKey"))


def _presenting_shortcuts(parent: QWidget) -> tuple[tuple[str, str], ...]:
    rows = dict(shortcut_groups(parent))[WHILE_PRESENTING]
    return tuple((keys, meaning) for meaning, keys in rows)


def test_every_key_the_presentation_takes_is_in_every_list_of_keys(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    lists = {
        "? overlay": _listed(_overlay_keys(parent)),
        "presenter's ? overlay": _listed(presenter_key_help()),
        "Keyboard Shortcuts": _listed(_presenting_shortcuts(parent)),
    }
    digits = {getattr(Key, f"Key_{digit}") for digit in range(10)}
    taken = _taken_keys()
    assert digits <= taken  # typed as a card number, listed as "Number, then Enter"
    for where, listed in lists.items():
        assert "Number" in " ".join(listed), where
        unlisted = {key_name(key) for key in taken - digits} - listed
        assert not unlisted, f"work but are not in the {where}: {sorted(unlisted)}"
    for drifted in ("N", "P", "Backspace", "Period", "Comma"):  # once working, unlisted
        assert drifted in lists["? overlay"]


def test_every_key_listed_in_the_table_works() -> None:
    assert _table_keys() <= _taken_keys()


@pytest.mark.parametrize(
    ("key", "like"),
    [
        (Key.Key_N, Key.Key_Right),
        (Key.Key_P, Key.Key_Left),
        (Key.Key_Backspace, Key.Key_Left),
        (Key.Key_Period, Key.Key_B),
        (Key.Key_Comma, Key.Key_W),
    ],
    ids=["N", "P", "Backspace", "Period", "Comma"],
)
def test_n_p_backspace_period_and_comma_do_what_their_row_says(key: Key, like: Key) -> None:
    pressed, compared = _presentation(), _presentation()
    assert pressed.handle_key(key, _text_of(key))
    compared.handle_key(like, _text_of(like))
    assert (pressed.position, pressed.blank) == (compared.position, compared.blank)
    assert (pressed.position, pressed.blank) != (MIDDLE, "")
    row = next(keys for keys, _ in key_help() if key_name(key) in _listed(((keys, ""),)))
    assert key_name(like) in row  # on the same help row as the key it works like


def test_the_new_keys_work_in_the_audience_window(start: Start, qtbot: Any) -> None:
    shown = start()
    audience = shown.audience
    assert audience is not None
    shown.go_to(MIDDLE)
    qtbot.keyClick(audience, Key.Key_N)
    qtbot.keyClick(audience, Key.Key_N)
    assert shown.index == MIDDLE + 2
    qtbot.keyClick(audience, Key.Key_P)
    qtbot.keyClick(audience, Key.Key_Backspace)
    assert shown.index == MIDDLE
    qtbot.keyClicks(audience, ".")
    assert audience.blank_cover.isVisible() and audience.blank_cover.property("kind") == "black"
    qtbot.keyClick(audience, Key.Key_N)  # any key brings the card back, and only that
    qtbot.keyClicks(audience, ",")
    assert audience.blank_cover.property("kind") == "white" and shown.index == MIDDLE


def _without(key: Key) -> tuple[presenting_keys.KeyRow, ...]:
    def trimmed(binding: presenting_keys.Binding) -> presenting_keys.Binding:
        return binding._replace(keys=tuple(k for k in binding.keys if k != key))

    return tuple(
        row._replace(bindings=tuple(trimmed(b) for b in row.bindings)) for row in KEY_TABLE
    )


def test_a_key_taken_out_of_the_table_stops_working_and_leaves_every_list(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(presenting_keys, "KEY_TABLE", _without(Key.Key_N))
    shown = _presentation()
    assert not shown.handle_key(Key.Key_N, "n") and shown.position == MIDDLE
    assert shown.handle_key(Key.Key_Right) and shown.position == MIDDLE + 1  # its row stays
    for listed in (
        _listed(_overlay_keys(parent)),
        _listed(presenter_key_help()),
        _listed(_presenting_shortcuts(parent)),
    ):
        assert "N" not in listed and "\u2192" in listed


def test_a_key_put_into_the_table_works_and_joins_every_list(
    monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    extra = presenting_keys.KeyRow(
        "Last card", (presenting_keys.Binding((Key.Key_X,), lambda p: p.last()),)
    )
    monkeypatch.setattr(presenting_keys, "KEY_TABLE", (extra, *KEY_TABLE))
    shown = _presentation()
    assert shown.handle_key(Key.Key_X, "x") and shown.position == shown.count() - 1
    for listed in (
        _listed(_overlay_keys(parent)),
        _listed(presenter_key_help()),
        _listed(_presenting_shortcuts(parent)),
    ):
        assert "X" in listed
