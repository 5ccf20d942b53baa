"""The bundled typefaces: Inter for interface and body text, Noto Serif for headlines."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from briefing.paths import resource_path

SANS = "Inter"
SERIF = "Noto Serif"

FONT_FILES = (
    "Inter-Regular.otf",
    "Inter-Italic.otf",
    "Inter-SemiBold.otf",
    "Inter-Bold.otf",
    "NotoSerif-Regular.ttf",
    "NotoSerif-Italic.ttf",
    "NotoSerif-Bold.ttf",
)


def register_fonts() -> list[str]:
    """Add the bundled fonts to the application; returns the families that loaded."""
    families: set[str] = set()
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


def ensure_fonts() -> None:
    """Register the bundled fonts unless the application already has them."""
    families = set(QFontDatabase.families())
    if SANS not in families or SERIF not in families:
        register_fonts()
