"""Light, dark and high-contrast looks, and following the system's choice.

``resources/style.qss`` is the whole look in its light colours; a theme is a stylesheet in
``resources/themes/`` with colours only, appended after it, so its rules win.
"""

from __future__ import annotations

from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QGuiApplication

from briefing.paths import resource_path

SYSTEM = "system"
THEMES: dict[str, str] = {
    SYSTEM: "Follow &System",
    "light": "&Light",
    "dark": "&Dark",
    "high-contrast": "&High Contrast",
}
DEFAULT = SYSTEM


def system_theme() -> str:
    """What the platform asks for: high contrast, dark, else light."""
    hints = QGuiApplication.styleHints()
    if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return "high-contrast"
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def effective(name: str) -> str:
    """The theme shown for the setting ``name`` ("system" resolved)."""
    return system_theme() if name == SYSTEM else name if name in THEMES else "light"


def stylesheet(name: str) -> str:
    """The application's stylesheet for theme ``name`` (a resolved one, not "system")."""
    # Its images are named ``resources:...``, wherever Briefing is installed.
    QDir.setSearchPaths("resources", [str(resource_path())])
    base = resource_path("style.qss").read_text(encoding="utf-8")
    if name == "light":
        return base
    extra = resource_path("themes", f"{name}.qss").read_text(encoding="utf-8")
    return f"{base}\n{extra}"
