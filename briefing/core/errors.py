"""Deck problems, reported like a compiler: ``PATH:LINE:COLUMN: message``."""

from __future__ import annotations

import os
import re
from typing import NamedTuple


class Problem(NamedTuple):  # sorts by place, then message
    path: str  # as the user gave it
    line: int  # 1-based
    column: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{shown_name(self.path)}:{self.line}:{self.column}: {self.message}"


class LoadCancelled(Exception):
    """A progress callback stopped a load (the user cancelled it)."""


class DeckError(Exception):
    """A deck could not be loaded; ``problems`` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))


# Control characters (a newline would fake a line of output), line and paragraph
# separators, bidirectional overrides (they reorder what follows on screen), and the
# surrogates that stand for bytes of a file name that are not UTF-8.
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNPRINTABLE_OR_BACKSLASH = re.compile(_UNPRINTABLE.pattern[:-1] + r"\\]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\"}
_QUOTED_LIMIT = 60


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _ESCAPES:
        return _ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode kept it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown_name(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name as messages show it, on one line and printable in any encoding.

    Escaped as Python writes strings: ``bad\\xff.yaml`` for a byte that is not UTF-8,
    ``a\\nb.yaml`` for a newline, and a backslash doubled so that no two names look
    alike. An ordinary name is shown as it is, so ``PATH:LINE:COLUMN`` stays clickable.
    """
    name = os.fsdecode(path)
    return _UNPRINTABLE_OR_BACKSLASH.sub(_escape, name)


def quoted(text: str) -> str:
    """Author text for a one-line message: quoted, escaped, shortened."""
    if len(text) > _QUOTED_LIMIT:
        text = text[: _QUOTED_LIMIT - 1] + "…"
    return "'" + _UNPRINTABLE.sub(_escape, text) + "'"
