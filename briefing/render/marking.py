"""The level of a handling marking (``UNCLASSIFIED``, ``DRAFT``...), which picks its colours
in the window's banner and on printed pages."""

from __future__ import annotations

# Conventional banner colours by level; the stylesheets map each level to its colour.
_LEVELS = (
    ("top secret", "top-secret"),
    ("unclassified", "unclassified"),
    ("secret", "secret"),
    ("confidential", "confidential"),
    ("restricted", "restricted"),
    ("official", "official"),
)


def marking_level(marking: str) -> str:
    lowered = marking.lower()
    return next((level for word, level in _LEVELS if word in lowered), "other")
