"""Toolbar icons, read from ``resources/icons`` by path."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from briefing.paths import resource_path

_DISABLED_OPACITY = 0.35
_SIZES = (16, 20, 24, 32, 48)


def icon(name: str) -> QIcon:
    """The icon; its disabled look is the same drawing, faded (Qt's default greys it darker)."""
    result = QIcon(str(resource_path("icons", f"{name}.svg")))
    for size in _SIZES:
        normal = result.pixmap(QSize(size, size))
        faded = QPixmap(normal.size())
        faded.setDevicePixelRatio(normal.devicePixelRatio())
        faded.fill(Qt.GlobalColor.transparent)
        painter = QPainter(faded)
        painter.setOpacity(_DISABLED_OPACITY)
        painter.drawPixmap(0, 0, normal)
        painter.end()
        result.addPixmap(faded, QIcon.Mode.Disabled)
    return result
