"""The keys of a presentation, in one table that both handles them and lists them (the
"?" overlay and Help > Keyboard Shortcuts), so no key works unlisted or is listed idle.

Also the one way keys are named, for these lists and for the window's shortcuts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from briefing.gui.present.presentation import Presentation
    from briefing.gui.present.presenter_window import PresenterWindow

Command = Callable[["Presentation"], object]
PresenterCommand = Callable[["PresenterWindow"], object]
HelpRows = tuple[tuple[str, str], ...]  # (keys, what they do)
Key = Qt.Key

# Words for the named keys, arrows for the arrow keys, and Return shown as the Enter it is
# on a keyboard; punctuation as a word where a lone sign would read as a separator.
_KEY_NAMES = {
    "PgUp": "Page Up",
    "PgDown": "Page Down",
    "Return": "Enter",
    "Left": "\u2190",
    "Right": "\u2192",
    "Up": "\u2191",
    "Down": "\u2193",
    "Del": "Delete",
    "Ins": "Insert",
}
_LAST_KEY = {"+": "Plus", "-": "Minus", "=": "Equals", ".": "Period", ",": "Comma"}
_NAME = re.compile(r"[^+]+|\+$")


def key_name(key: QKeySequence | Key) -> str:
    """How a key (with its modifiers) is named to a reader: "Page Up", not "PgUp"."""
    sequence = key if isinstance(key, QKeySequence) else QKeySequence(key)
    parts = _NAME.findall(sequence.toString(QKeySequence.SequenceFormat.PortableText))
    if parts and parts[-1] in _LAST_KEY:
        parts[-1] = _LAST_KEY[parts[-1]]
    return "+".join(_KEY_NAMES.get(part, part) for part in parts)


def joined_names(keys: Iterable[QKeySequence | Key]) -> str:
    """The keys' names, each once (both Enter keys are one "Enter"), comma-separated."""
    return ", ".join(dict.fromkeys(key_name(key) for key in keys))


class Binding(NamedTuple):
    """Keys that do one thing to the presentation."""

    keys: tuple[Key, ...]
    command: Command


class KeyRow(NamedTuple):
    """One row of the help: its bindings' keys (" / " between bindings) and what they do.

    ``special`` names what the row also covers that is not a plain key → command binding:
    a click, a typed number, or a key a window handles itself ("?", the presenter's own).
    """

    meaning: str
    bindings: tuple[Binding, ...] = ()
    special: tuple[str, ...] = ()

    @property
    def names(self) -> str:
        bound = " / ".join(joined_names(binding.keys) for binding in self.bindings)
        return ", ".join(part for part in (bound, *self.special) if part)


def _read_on(presentation: Presentation) -> None:
    """On a back with more to read, its next page; else the next card."""
    if not presentation.page_back(1):
        presentation.next()


def _read_back(presentation: Presentation) -> None:
    if not presentation.page_back(-1):
        presentation.previous()


# The keys of both windows, in the order the help lists them. Handled before this table
# (see ``Presentation.handle_key``): any key while blanked, digits typed as a card number,
# then Enter (go) or Backspace (correct); "?" is the windows' own (``PresentationKeys``).
KEY_TABLE: tuple[KeyRow, ...] = (
    KeyRow(
        "Flip the card",
        (Binding((Key.Key_Space, Key.Key_Return, Key.Key_Enter), lambda p: p.flip()),),
        special=("click",),
    ),
    KeyRow(
        "Next / previous card",
        (
            Binding((Key.Key_Right, Key.Key_N), lambda p: p.next()),
            Binding((Key.Key_Left, Key.Key_P, Key.Key_Backspace), lambda p: p.previous()),
        ),
    ),
    KeyRow(
        "Next card; on a long back, the rest of it first",
        (Binding((Key.Key_Down, Key.Key_PageDown), _read_on),),
    ),
    KeyRow(
        "Previous card; on a long back, back up it first",
        (Binding((Key.Key_Up, Key.Key_PageUp), _read_back),),
    ),
    KeyRow(
        "First / last card",
        (
            Binding((Key.Key_Home,), lambda p: p.first()),
            Binding((Key.Key_End,), lambda p: p.last()),
        ),
    ),
    KeyRow("Go to that card", special=("Number, then Enter",)),
    KeyRow(
        "Black / white screen (any key returns)",
        (
            Binding((Key.Key_B, Key.Key_Period), lambda p: p.set_blank("black")),
            Binding((Key.Key_W, Key.Key_Comma), lambda p: p.set_blank("white")),
        ),
    ),
    KeyRow("Swap screens", (Binding((Key.Key_S,), lambda p: p.swap_screens()),)),
    KeyRow("Restart the timer", (Binding((Key.Key_R,), lambda p: p.clock.restart()),)),
    KeyRow("Show these keys", special=("?",)),
    KeyRow("End the presentation", (Binding((Key.Key_Escape,), lambda p: p.end()),)),
)


class PresenterKey(NamedTuple):
    """A key of the presenter view alone: one of ``texts`` as typed (on any keyboard
    layout, wherever + is), or one of ``keys`` pressed with Ctrl (``control``) or alone."""

    command: PresenterCommand
    texts: tuple[str, ...] = ()
    keys: tuple[Key, ...] = ()
    control: bool = False

    @property
    def name(self) -> str:
        if self.texts:
            return self.texts[0]
        held = Qt.KeyboardModifier.ControlModifier if self.control else Qt.KeyboardModifier(0)
        return key_name(QKeySequence(held | self.keys[0]))

    def matches(self, key: int, text: str, modifiers: Qt.KeyboardModifier) -> bool:
        if text and text in self.texts:
            return True
        if key not in self.keys:
            return False
        if self.control:
            return bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        return modifiers == Qt.KeyboardModifier.NoModifier


class PresenterKeyRow(NamedTuple):
    """One row of the presenter's own keys: groups of keys (" / " within a group, ", "
    between groups) and what they do."""

    meaning: str
    groups: tuple[tuple[PresenterKey, ...], ...]

    @property
    def names(self) -> str:
        return ", ".join(" / ".join(key.name for key in group) for group in self.groups)


_NOTES_LARGER = PresenterKey(
    lambda w: w.notes_zoom_in(), ("+", "="), (Key.Key_Plus, Key.Key_Equal), control=True
)
_NOTES_SMALLER = PresenterKey(lambda w: w.notes_zoom_out(), ("-",), (Key.Key_Minus,), True)
_NOTES_USUAL = PresenterKey(lambda w: w.notes_zoom_reset(), keys=(Key.Key_0,), control=True)

# Keys only the presenter view has, handled by it (``PresenterWindow._presenter_key``)
# after its card grid and "?" list; its "?" list shows them before Esc.
PRESENTER_KEY_TABLE: tuple[PresenterKeyRow, ...] = (
    PresenterKeyRow(
        "All cards, to go to any of them",
        ((PresenterKey(lambda w: w.show_card_grid(), keys=(Key.Key_G,)),),),
    ),
    PresenterKeyRow(
        "Larger / smaller speaker notes; their usual size",
        ((_NOTES_LARGER, _NOTES_SMALLER), (_NOTES_USUAL,)),
    ),
)


def presenter_command_for(
    key: int, text: str, modifiers: Qt.KeyboardModifier
) -> PresenterCommand | None:
    """What a key does in the presenter view alone, by its table; None if nothing."""
    for row in PRESENTER_KEY_TABLE:
        for group in row.groups:
            for presenter_key in group:
                if presenter_key.matches(key, text, modifiers):
                    return presenter_key.command
    return None


def command_for(key: Key) -> Command | None:
    """What ``key`` does in a presentation, by the table; None if it is not in it."""
    for row in KEY_TABLE:
        for binding in row.bindings:
            if key in binding.keys:
                return binding.command
    return None


def _help(rows: Iterable[KeyRow | PresenterKeyRow]) -> HelpRows:
    return tuple((row.names, row.meaning) for row in rows)


def key_help() -> HelpRows:
    """(keys, what they do) for the keys of both windows."""
    return _help(KEY_TABLE)


def presenter_only_key_help() -> HelpRows:
    return _help(PRESENTER_KEY_TABLE)


def presenter_key_help() -> HelpRows:
    """The presenter view's list: its own keys go before Esc, which ends the list."""
    return _help((*KEY_TABLE[:-1], *PRESENTER_KEY_TABLE, KEY_TABLE[-1]))
