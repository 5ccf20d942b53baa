"""Actions with their keys in their tooltips."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Keys = Sequence[str | QKeySequence.StandardKey]


def set_keys(action: QAction, shortcuts: Keys) -> None:
    """Give ``action`` these keys (duplicates dropped) and name them in its tooltip."""
    sequences = [QKeySequence(s) for s in shortcuts]
    unique = {sequence.toString(): sequence for sequence in sequences if not sequence.isEmpty()}
    if [s.toString() for s in action.shortcuts()] == list(unique):
        return
    action.setShortcuts(list(unique.values()))
    keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
    tip = action.statusTip()
    action.setToolTip(f"{tip} ({keys})" if keys else tip)


def add_action(
    owner: QWidget, text: str, tip: str, keys: Keys, slot: Callable[[], object]
) -> QAction:
    """An action of ``owner``'s with these keys, named in its tooltip, that calls ``slot``.

    Added to ``owner`` as well as to any menu or toolbar, so its keys work wherever the focus
    is in that window.
    """
    action = QAction(text, owner)
    action.setStatusTip(tip)
    set_keys(action, keys)
    action.triggered.connect(slot)
    owner.addAction(action)
    return action
