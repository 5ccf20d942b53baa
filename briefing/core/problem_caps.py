"""How many problems of one kind a deck's report lists.

A mistake made a hundred thousand times (an ``order`` of wrong ids, a key on every
card) is reported a hundred times and summed up, not listed in full: each listed
problem costs work (a did-you-mean lookup, a message), and nobody reads the rest.
"""

from __future__ import annotations

from collections import Counter
from typing import Final, NamedTuple

from briefing.core.errors import Problem

MAX_PER_KIND: Final = 100


class Kind(NamedTuple):
    one: str  # e.g. "unknown key"
    many: str  # e.g. "unknown keys"


class ProblemCaps:
    """Counts problems by kind; says which to list and sums up the rest."""

    def __init__(self, per_kind: int = MAX_PER_KIND) -> None:
        self.per_kind = per_kind
        self.listed: Counter[Kind] = Counter()
        self.omitted: Counter[Kind] = Counter()
        self.last_listed: dict[Kind, tuple[str, int, int]] = {}

    def admit(self, kind: Kind, path: str, line: int, column: int) -> bool:
        """Whether to list this problem (at PATH:LINE:COLUMN); if not, it is counted."""
        if self.listed[kind] < self.per_kind:
            self.listed[kind] += 1
            self.last_listed[kind] = (path, line, column)
            return True
        self.omitted[kind] += 1
        return False

    def summaries(self) -> list[Problem]:
        """One problem for each kind with some left out, placed at its last listed one
        (so that it sorts right after it)."""
        found = []
        for kind, count in self.omitted.items():
            what = f"{kind.one} is" if count == 1 else f"{kind.many} are"
            found.append(
                Problem(*self.last_listed[kind], f"... and {count:,} more {what} not listed")
            )
        return found
