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
    icons cost nothing until they are painted, and each size is drawn once.

    With ``svg_on``, a checked action's icon (state On) is that drawing: a filled star.
    """

    def __init__(self, svg: bytes, svg_on: bytes | None = None) -> None:
        super().__init__()
        self._svg = svg
        self._svg_on = svg_on
        self._renderers: dict[bool, QSvgRenderer] = {}
        # side, scale %, disabled, on
        self._pixmaps: dict[tuple[int, int, bool, bool], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svg, self._svg_on)

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
        on = self._is_on(state)
        key = (side, round(scale * 100), disabled, on)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = QPixmap(side, side)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self._draw(painter, QRect(0, 0, side, side), disabled, on)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            self._pixmaps[key] = pixmap
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._draw(painter, rect, mode == QIcon.Mode.Disabled, self._is_on(state))

    def _is_on(self, state: QIcon.State) -> bool:
        return self._svg_on is not None and state == QIcon.State.On

    def _draw(self, painter: QPainter, rect: QRect, disabled: bool, on: bool = False) -> None:
        renderer = self._renderers.get(on)
        if renderer is None:
            svg = self._svg_on if on and self._svg_on is not None else self._svg
            renderer = self._renderers[on] = QSvgRenderer(QByteArray(svg))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Faded, not Qt's default darker grey, so a disabled icon reads as the same drawing.
        painter.setOpacity(painter.opacity() * (_DISABLED_OPACITY if disabled else 1.0))
        renderer.render(painter, rect)
        painter.restore()


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The icon, its strokes in ``color`` (else as drawn); its disabled look is the same
    drawing, faded. ``NAME-on.svg``, where there is one, is its look when checked."""

    def read(file: str) -> bytes | None:
        path = resource_path("icons", file)
        if not path.is_file():
            return None
        svg = path.read_text(encoding="utf-8")
        if color is not None:
            svg = _PAINT.sub(lambda m: f'{m.group(1)}="{color.name()}"', svg)
        return svg.encode("utf-8")

    svg = read(f"{name}.svg")
    if svg is None:
        raise FileNotFoundError(resource_path("icons", f"{name}.svg"))
    result = QIcon(SvgIconEngine(svg, read(f"{name}-on.svg")))
    _names[result.cacheKey()] = name
    return result


def icon_name(drawn: QIcon) -> str | None:
    """The name ``icon`` drew ``drawn`` from, to draw it again in another colour."""
    return _names.get(drawn.cacheKey())


APP_ICON_FILE = "briefing.svg"


def app_icon() -> QIcon:
    """Briefing's own icon, the deck of cards: for its windows and About."""
    return QIcon(SvgIconEngine(resource_path(APP_ICON_FILE).read_bytes()))
