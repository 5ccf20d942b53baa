"""In the window, a card's image is read as the deck folder is when the card is shown: an
image swapped for a link outside after the deck was opened is not shown, and a picture
of the deck's own is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

import briefing.render.deck_images as deck_images
from briefing.core.loader import load_deck
from briefing.gui.window.main_window import MainWindow

MAGENTA = QColor("#ff00ff")
TEAL = QColor("#008080")


@pytest.fixture(autouse=True)
def _nothing_decoded_yet() -> Iterator[None]:
    deck_images.forget_images()
    yield
    deck_images.forget_images()


def png_bytes(colour: QColor) -> bytes:
    image = QImage(240, 160, QImage.Format.Format_RGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def shows(image: QImage, colour: QColor) -> bool:
    return any(
        image.pixelColor(x, y).rgb() == colour.rgb()
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


@pytest.fixture
def picture_deck(tmp_path: Path) -> Path:
    """A deck whose second card shows a teal photo, and a magenta secret beside the deck."""
    (tmp_path / "secret.png").write_bytes(png_bytes(MAGENTA))
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "deck.yaml").write_text("title: Pictures\n", encoding="utf-8")
    (folder / "a.yaml").write_text("title: A\nheadline: h\nbody: b\n", encoding="utf-8")
    (folder / "b.yaml").write_text(
        "title: B\nheadline: h\nbody: b\nimage: {path: photo.png, alt: The photo}\n",
        encoding="utf-8",
    )
    (folder / "photo.png").write_bytes(png_bytes(TEAL))
    return folder


def back_of_second_card(window: MainWindow) -> tuple[QImage, str]:
    window.go_to(1)
    window.flip_card()
    back = window.card_view.back
    return back.grab().toImage(), back.document.toPlainText()


def test_the_decks_own_picture_is_shown_on_the_back(window: MainWindow, picture_deck: Path):
    window.on_deck_loaded(load_deck(picture_deck))
    grabbed, text = back_of_second_card(window)
    assert shows(grabbed, TEAL)
    assert "[image not shown" not in text


def test_an_image_swapped_for_a_link_outside_while_open_is_not_shown(
    window: MainWindow, picture_deck: Path
):
    window.on_deck_loaded(load_deck(picture_deck))
    photo = picture_deck / "photo.png"
    photo.unlink()
    try:
        photo.symlink_to(picture_deck.parent / "secret.png")
    except OSError:
        pytest.skip("cannot create symlinks here")
    grabbed, text = back_of_second_card(window)
    assert not shows(grabbed, MAGENTA)
    assert "[image not shown: The photo]" in text
