"""Deck problems, reported like a compiler: ``PATH:LINE:COLUMN: message``."""

from __future__ import annotations

import re
from typing import NamedTuple


class Problem(NamedTuple):  # sorts by place, then message
    path: str  # as the user gave it
    line: int  # 1-based
    column: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class LoadCancelled(Exception):
    """A progress callback stopped a load (the user cancelled it)."""


class DeckError(Exception):
    """A deck could not be loaded; ``problems`` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_QUOTED_LIMIT = 60


def quoted(text: str) -> str:
    """Author text for a one-line message: quoted, escaped, shortened."""
    if len(text) > _QUOTED_LIMIT:
        text = text[: _QUOTED_LIMIT - 1] + "…"
    return "'" + _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text) + "'"
