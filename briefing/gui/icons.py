"""Toolbar icons, read from ``resources/icons`` by path, drawn in the theme's ink."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from briefing.paths import resource_path

_DISABLED_OPACITY = 0.35
_SIZES = (16, 20, 24, 32, 48)
_PAINT = re.compile(r'(stroke|fill)="#[0-9a-fA-F]{3,8}"')
_names: dict[int, str] = {}  # an icon's cache key -> the file it was drawn from


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The icon, its strokes in ``color`` (else as drawn); its disabled look is the same
    drawing, faded (Qt's default greys it darker)."""
    svg = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    if color is not None:
        svg = _PAINT.sub(lambda m: f'{m.group(1)}="{color.name()}"', svg)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in _SIZES:
        for mode, opacity in ((QIcon.Mode.Normal, 1.0), (QIcon.Mode.Disabled, _DISABLED_OPACITY)):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setOpacity(opacity)
            renderer.render(painter)
            painter.end()
            result.addPixmap(pixmap, mode)
    _names[result.cacheKey()] = name
    return result


def icon_name(drawn: QIcon) -> str | None:
    """The name ``icon`` drew ``drawn`` from, to draw it again in another colour."""
    return _names.get(drawn.cacheKey())
