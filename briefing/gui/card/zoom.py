"""Zooming the card's text: the steps, and the card's font sizes scaled from the stylesheet.

The stylesheet holds the card's font sizes at 100%; a zoom gives the card view a small
stylesheet of its own with those sizes scaled, so layout and colours stay in one place.
"""

from __future__ import annotations

import re

from briefing.render.stylesheet import stylesheet_blocks

STEPS: tuple[int, ...] = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
DEFAULT = 100
# Selectors naming these are the card's text; only their font sizes are scaled.
CARD_PARTS = (
    "cardTopic",
    "cardBackTitle",
    "cardHeadline",
    "figureValue",
    "figureLabel",
    "flipHint",
    "matchHint",
    "cardBody",
    "starBadge",
)
_FONT_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")


def zoom_in(percent: int) -> int:
    return next((step for step in STEPS if step > percent), STEPS[-1])


def zoom_out(percent: int) -> int:
    return next((step for step in reversed(STEPS) if step < percent), STEPS[0])


def scaled_font_rules(stylesheet: str, percent: int, parts: tuple[str, ...]) -> str:
    """Rules setting the font sizes ``stylesheet`` gives the widgets named ``parts`` (the
    card's text, say), scaled to ``percent``; "" at 100%."""
    if percent == DEFAULT:
        return ""
    rules = []
    for selector, body in stylesheet_blocks(stylesheet):
        size = _FONT_SIZE.search(body)
        if size is None or not any(part in selector for part in parts):
            continue
        scaled = max(6, round(float(size.group(1)) * percent / 100))
        rules.append(f"{selector} {{ font-size: {scaled}px; }}")
    return "\n".join(rules)
