"""One card face as a PNG: the size asked for, a real PNG, written whole or not at all."""

from __future__ import annotations

import os

import pytest
from factories import make_card, make_deck
from PySide6.QtGui import QImage

from briefing.export.document import ExportError
from briefing.export.image import export_card_image, image_size, render_card_image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("side", ["front", "back"])
def test_a_card_face_is_a_png_of_the_width_asked_for(tmp_path, bundled, side):
    path = tmp_path / "card.png"
    export_card_image(bundled, bundled.cards[1], side, path, width_px=800)
    assert path.read_bytes().startswith(PNG_SIGNATURE)
    image = QImage(str(path))
    assert (image.width(), image.height()) == image_size(800) == (800, 533)


def test_the_default_width_is_1600_pixels(tmp_path):
    deck = make_deck(1)
    export_card_image(deck, deck.cards[0], "front", tmp_path / "card.png")
    assert QImage(str(tmp_path / "card.png")).width() == 1600


def test_front_and_back_differ_and_are_not_blank():
    deck = make_deck(1, cards=(make_card(1, body="Only on the back."),))
    front = render_card_image(deck, deck.cards[0], "front", 320)
    back = render_card_image(deck, deck.cards[0], "back", 320)
    assert front != back
    for image in (front, back):
        colours = {image.pixel(x, y) for x in range(0, 320, 4) for y in range(0, 213, 4)}
        assert len(colours) > 4


@pytest.mark.parametrize(("side", "width"), [("inside", 800), ("front", 0), ("back", 100_000)])
def test_bad_sides_and_widths_are_refused(tmp_path, side, width):
    deck = make_deck(1)
    with pytest.raises(ExportError):
        export_card_image(deck, deck.cards[0], side, tmp_path / "card.png", width)
    assert os.listdir(tmp_path) == []
