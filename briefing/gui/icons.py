"""Toolbar icons, read from ``resources/icons`` by path, drawn in the theme's ink."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from briefing.paths import resource_path

_DISABLED_OPACITY = 0.35
_PAINT = re.compile(r'(stroke|fill)="#[0-9a-fA-F]{3,8}"')
_names: dict[int, str] = {}  # an icon's cache key -> the file it was drawn from


class SvgIconEngine(QIconEngine):
    """Draws an SVG at the size and in the mode asked for, when first asked: a window's
    icons cost nothing until they are painted, and each size is drawn once."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer: QSvgRenderer | None = None
        self._pixmaps: dict[tuple[int, int, bool], QPixmap] = {}  # side, scale %, disabled

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svg)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """Sharp on a high-density screen: drawn at ``scale`` times the size asked for."""
        side = max(round(min(size.width(), size.height()) * scale), 1)
        disabled = mode == QIcon.Mode.Disabled
        key = (side, round(scale * 100), disabled)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = QPixmap(side, side)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self._draw(painter, QRect(0, 0, side, side), disabled)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            self._pixmaps[key] = pixmap
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._draw(painter, rect, mode == QIcon.Mode.Disabled)

    def _draw(self, painter: QPainter, rect: QRect, disabled: bool) -> None:
        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self._svg))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Faded, not Qt's default darker grey, so a disabled icon reads as the same drawing.
        painter.setOpacity(painter.opacity() * (_DISABLED_OPACITY if disabled else 1.0))
        self._renderer.render(painter, rect)
        painter.restore()


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The icon, its strokes in ``color`` (else as drawn); its disabled look is the same
    drawing, faded."""
    svg = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    if color is not None:
        svg = _PAINT.sub(lambda m: f'{m.group(1)}="{color.name()}"', svg)
    result = QIcon(SvgIconEngine(svg.encode("utf-8")))
    _names[result.cacheKey()] = name
    return result


def icon_name(drawn: QIcon) -> str | None:
    """The name ``icon`` drew ``drawn`` from, to draw it again in another colour."""
    return _names.get(drawn.cacheKey())


APP_ICON_FILE = "briefing.svg"


def app_icon() -> QIcon:
    """Briefing's own icon, the deck of cards: for its windows and About."""
    return QIcon(SvgIconEngine(resource_path(APP_ICON_FILE).read_bytes()))
