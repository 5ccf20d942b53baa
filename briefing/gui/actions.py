"""Actions with their keys in their tooltips."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence

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
