"""Toolbar icons: drawn from their SVG at the size asked for, faded when disabled, in the
theme's ink, sharp on high-density screens."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QApplication

from briefing.gui.widgets.icons import icon, icon_name


def ink_pixels(image: QImage) -> list[QColor]:
    colours = (image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width()))
    return [colour for colour in colours if colour.alpha() > 0]


def test_an_icon_is_drawn_at_the_size_asked_for(qapp: QApplication) -> None:
    drawn = icon("flip")
    for side in (16, 20, 37):
        pixmap = drawn.pixmap(QSize(side, side))
        assert pixmap.size() == QSize(side, side)
        assert ink_pixels(pixmap.toImage())  # something is drawn


def test_a_high_density_screen_gets_twice_the_pixels(qapp: QApplication) -> None:
    pixmap = icon("flip").pixmap(QSize(20, 20), 2.0)
    assert pixmap.size() == QSize(40, 40)
    assert pixmap.devicePixelRatio() == 2.0


def test_a_disabled_icon_is_the_same_drawing_faded(qapp: QApplication) -> None:
    drawn = icon("next", QColor("#000000"))
    normal = drawn.pixmap(QSize(24, 24)).toImage()
    disabled = drawn.pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    strongest = max(colour.alpha() for colour in ink_pixels(normal))
    faded = max(colour.alpha() for colour in ink_pixels(disabled))
    assert faded < strongest * 0.5
    covered = {(x, y) for y in range(24) for x in range(24) if normal.pixelColor(x, y).alpha()}
    assert covered == {
        (x, y) for y in range(24) for x in range(24) if disabled.pixelColor(x, y).alpha()
    }


def test_an_icon_is_drawn_in_the_ink_given_and_remembers_its_name(qapp: QApplication) -> None:
    red = icon("open", QColor("#ff0000"))
    opaque = [c for c in ink_pixels(red.pixmap(QSize(32, 32)).toImage()) if c.alpha() == 255]
    assert opaque and all(c.red() == 255 and c.green() == 0 and c.blue() == 0 for c in opaque)
    assert icon_name(red) == "open"
    assert icon_name(QIcon()) is None
