"""Reading Qt stylesheets (``resources/style.qss`` and the themes): the one parser the
window's zoom and the printed page's palette both use."""

from __future__ import annotations

import re

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def stylesheet_blocks(text: str) -> list[tuple[str, str]]:
    """``(selectors, body)`` for each rule of ``text`` in order, comments left out; the
    selectors as written (a group keeps its commas), whitespace made single spaces."""
    return [
        (" ".join(selectors.split()), body)
        for selectors, body in _RULE.findall(_COMMENT.sub("", text))
    ]


def stylesheet_rules(text: str) -> dict[str, dict[str, str]]:
    """``selector -> {property: value}`` for every rule of a Qt stylesheet (later rules win)."""
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in stylesheet_blocks(text):
        properties = {}
        for declaration in body.split(";"):
            name, colon, value = declaration.partition(":")
            if colon:
                properties[name.strip()] = value.strip()
        for selector in selectors.split(","):
            rules.setdefault(" ".join(selector.split()), {}).update(properties)
    return rules
