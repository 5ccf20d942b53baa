"""The printed look: colours read from the app's stylesheet, the bundled fonts, type sizes.

Paper and screen share one palette: the colours come from ``resources/style.qss`` (the
card's topic, headline, body and figure label, the marking banner's levels), so a change of
the design there reaches the printouts too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPaintDevice

from briefing.paths import resource_path
from briefing.render.fonts import SANS
from briefing.render.marking import marking_level
from briefing.render.stylesheet import stylesheet_rules

LAYOUT_DPI = 1200  # text is laid out at this resolution, whatever the device
DOTS_PER_PT = LAYOUT_DPI / 72
SCREEN_DPI = 96  # lengths fill_back gives in screen pixels are scaled from this by Qt
# Letter spacing of small capitals, in ems. More (0.1 em and up) and PDF readers take the
# gaps for spaces: a search for "WEAPONS" would not find "W E A P O N S".
TRACKING = 0.07


@dataclass(frozen=True)
class Palette:
    ink: QColor  # headlines
    body: QColor  # running text
    secondary: QColor  # notes, header
    muted: QColor  # labels, captions, page numbers
    faint: QColor  # card ids, the fold label
    hairline: QColor  # rules
    accent: QColor  # topic labels, figures, quote rules
    tint: QColor  # the speaker notes' box
    marks: QColor  # crop marks and the fold line
    banner_ink: dict[str, QColor]  # marking level -> text colour
    banner: dict[str, QColor]  # marking level -> background

    def banner_colors(self, marking: str) -> tuple[QColor, QColor]:
        """(background, text) of the banner for ``marking``."""
        level = marking_level(marking)
        background = self.banner.get(level, self.banner["other"])
        ink = self.banner_ink.get(level, self.banner_ink["other"])
        return background, ink


@cache
def palette() -> Palette:
    try:
        rules = stylesheet_rules(resource_path("style.qss").read_text(encoding="utf-8"))
    except (OSError, UnicodeError):
        rules = {}

    def color(selector: str, name: str, fallback: str) -> QColor:
        value = QColor(rules.get(selector, {}).get(name, fallback))
        return value if value.isValid() else QColor(fallback)

    banner = {"other": color("QLabel#markingBanner", "background", "#4a525c")}
    banner_ink = {"other": color("QLabel#markingBanner", "color", "#ffffff")}
    for selector in rules:
        found = re.fullmatch(r'QLabel#markingBanner\[level="([a-z-]+)"\]', selector)
        if found:
            banner[found[1]] = color(selector, "background", "#4a525c")
            banner_ink[found[1]] = color(selector, "color", banner_ink["other"].name())
    return Palette(
        ink=color("QLabel#cardHeadline", "color", "#1b1f24"),
        body=color("QTextBrowser#cardBody", "color", "#2a3038"),
        secondary=color("QLabel#positionLabel", "color", "#3d4551"),
        muted=color("QLabel#figureLabel", "color", "#6b7480"),
        faint=color("QLabel#flipHint", "color", "#9aa1aa"),
        hairline=_border_color(rules.get("QMenu", {}).get("border", ""), "#d9dde3"),
        accent=color("QLabel#cardTopic", "color", "#0d4f6b"),
        tint=color("QLabel#matchHint", "background", "#e1ecf1"),
        marks=QColor("#1b1f24"),
        banner_ink=banner_ink,
        banner=banner,
    )


def _border_color(border: str, fallback: str) -> QColor:
    found = re.search(r"#[0-9a-fA-F]{3,8}\b", border)
    value = QColor(found[0]) if found else QColor(fallback)
    return value if value.isValid() else QColor(fallback)


@cache
def layout_device() -> QImage:
    """A 1,200 dpi stand-in device that all print text is laid out against."""
    device = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    device.setDotsPerMeterX(dots_per_metre)
    device.setDotsPerMeterY(dots_per_metre)
    return device


_spacing_factors: dict[int, float] = {}


def letter_spacing_factor(device: QPaintDevice) -> float:
    """How much Qt multiplies an absolute letter spacing by on ``device``.

    Qt scales it with the device's resolution (about dpi / 100, in whole steps), unlike a
    pixel-sized font; measured rather than assumed.
    """
    dpi = device.logicalDpiY()
    if dpi not in _spacing_factors:
        plain = QFont(SANS)
        plain.setPixelSize(100)
        spaced = QFont(plain)
        spaced.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 100)
        extra = QFontMetricsF(QFont(spaced, device)).horizontalAdvance("II")
        extra -= QFontMetricsF(QFont(plain, device)).horizontalAdvance("II")
        _spacing_factors[dpi] = extra / 200
    return _spacing_factors[dpi]


def nominal_spacing(spacing_pt: float, device: QPaintDevice | None = None) -> float:
    """The absolute letter spacing to ask Qt for, so ``spacing_pt`` results on ``device``
    (by default the layout device)."""
    factor = letter_spacing_factor(device if device is not None else layout_device())
    return spacing_pt * DOTS_PER_PT / factor if factor > 0 else 0.0


def font(
    family: str = SANS,
    size_pt: float = 10.0,
    *,
    weight: QFont.Weight = QFont.Weight.Normal,
    italic: bool = False,
    caps: bool = False,
    tracked: bool | None = None,
) -> QFont:
    """A font for painting in layout dots: its size is in pixels, so any device draws it alike.

    Capitals are ``tracked`` (letter-spaced) unless told otherwise."""
    result = QFont(family)
    result.setPixelSize(max(1, round(size_pt * DOTS_PER_PT)))
    result.setWeight(weight)
    result.setItalic(italic)
    if caps:
        result.setCapitalization(QFont.Capitalization.AllUppercase)
    if caps if tracked is None else tracked:
        spacing = nominal_spacing(size_pt * TRACKING)
        result.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return plain_figures(result)


def document_font(family: str = SANS, size_pt: float = 10.0) -> QFont:
    """A font for a text document laid out at ``LAYOUT_DPI``: its size is in points."""
    result = QFont(family)
    result.setPointSizeF(size_pt)
    return plain_figures(result)


def plain_figures(value: QFont) -> QFont:
    """No contextual alternates: Inter swaps '+' after digits for a glyph with no character,
    which a PDF reader then cannot copy or search ('1,000,000+' would read '1,000,000')."""
    value.setFeature(QFont.Tag("calt"), 0)
    return value
