"""The card shadow drawn as a nine-patch looks like the stacked layers it is cut from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QApplication

from briefing.gui.card import painting
from briefing.gui.card.painting import ShadowCache, paint_soft_shadow

CARD_VIEW = {"radius": 14.0, "blur": 28, "offset_y": 10.0}  # CardView's shadow
THUMBNAIL = {"radius": 10.0, "blur": 10, "offset_y": 3.0}  # the overview's
SHADOW = QColor(118, 118, 118)  # the default palette's shadow, fully opaque


@pytest.fixture(autouse=True)
def fresh_caches(qapp: QApplication) -> Iterator[None]:
    painting._shadow_patch.cache_clear()
    painting._shadow_image.cache_clear()
    yield
    painting._shadow_patch.cache_clear()
    painting._shadow_image.cache_clear()


def canvas(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


def alpha(image: QImage) -> np.ndarray:
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, 3 : image.width() * 4 : 4].astype(int)


def painter_on(image: QImage, transform: QTransform | None = None) -> QPainter:
    painter = QPainter(image)
    # As the card view paints: both hints on, which the shadow turns off for itself.
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
    )
    if transform is not None:
        painter.setTransform(transform)
    return painter


def stacked_layers(rect: QRectF, color: QColor, shape: dict[str, Any]) -> QImage:
    image = canvas(rect.toRect().right() + 80, rect.toRect().bottom() + 80)
    painter = painter_on(image)
    paint_soft_shadow(
        painter, rect, shape["radius"], color, blur=shape["blur"], offset_y=shape["offset_y"]
    )
    painter.end()
    return image


def cached(
    rect: QRectF,
    color: QColor,
    shape: dict[str, Any],
    size: tuple[int, int],
    transform: QTransform | None = None,
) -> QImage:
    image = canvas(*size)
    painter = painter_on(image, transform)
    ShadowCache(shape["radius"], blur=shape["blur"], offset_y=shape["offset_y"]).paint(
        painter, rect, color
    )
    painter.end()
    return image


@pytest.mark.parametrize("shape", [CARD_VIEW, THUMBNAIL], ids=["card", "thumbnail"])
@pytest.mark.parametrize(
    "color", [SHADOW, QColor(0, 0, 0, 255), QColor(20, 30, 50, 70)], ids=["grey", "black", "faint"]
)
@pytest.mark.parametrize(
    "size",
    [(900, 600), (400, 267), (248, 160), (61, 41), (40, 27)],
    ids=lambda s: "x".join(map(str, s)),
)
def test_nine_patch_matches_stacked_layers(
    shape: dict[str, Any], color: QColor, size: tuple[int, int]
) -> None:
    rect = QRectF(50, 40, *size)
    expected = stacked_layers(rect, color, shape)
    drawn = cached(rect, color, shape, (expected.width(), expected.height()))
    assert alpha(expected).max() > 0
    assert np.abs(alpha(drawn) - alpha(expected)).max() <= 3


@pytest.mark.parametrize("degrees", [40, -25, 75])
@pytest.mark.parametrize("size", [(1000, 667), (400, 267)], ids=lambda s: "x".join(map(str, s)))
def test_nine_patch_follows_a_turn_without_seams(degrees: float, size: tuple[int, int]) -> None:
    """Under the flip's perspective it matches the whole shadow drawn as one image."""
    rect = QRectF(100.3, 80.6, *size)
    centre = rect.center()
    turn = QTransform()
    turn.translate(centre.x(), centre.y())
    turn.rotate(degrees, Qt.Axis.YAxis, 4000)
    turn.translate(-centre.x(), -centre.y())
    area = (size[0] + 200, size[1] + 200)
    whole = painting._shadow_image(
        rect.size().toSize(), SHADOW.rgba(), CARD_VIEW["radius"], CARD_VIEW["blur"], 10.0
    )
    expected = canvas(*area)
    painter = painter_on(expected, turn)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    margin = CARD_VIEW["blur"] + 2
    painter.drawImage(QPointF(rect.left() - margin, rect.top() - margin), whole)
    painter.end()
    drawn = cached(rect, SHADOW, CARD_VIEW, area, turn)
    assert alpha(expected).max() > 0
    assert np.abs(alpha(drawn) - alpha(expected)).max() <= 3


def test_new_size_reuses_the_rendered_layers(monkeypatch: pytest.MonkeyPatch) -> None:
    layers: list[QRectF] = []

    def counted(painter: QPainter, rect: QRectF, *args: Any, **kwargs: Any) -> None:
        layers.append(rect)
        paint_soft_shadow(painter, rect, *args, **kwargs)

    monkeypatch.setattr(painting, "paint_soft_shadow", counted)
    shadow = ShadowCache(CARD_VIEW["radius"])
    for width, height in [(1000, 667), (990, 660), (400, 267), (1000, 667)]:
        image = canvas(1100, 800)
        painter = painter_on(image)
        shadow.paint(painter, QRectF(40.5, 40.5, width, height), SHADOW)
        painter.end()
    assert len(layers) == 1  # one small rendering, whatever the card's size
    assert layers[0].width() < 100 and layers[0].height() < 100
    assert painting._shadow_patch.cache_info().currsize == 1
