"""An image on a back scales to the text's width, keeps its aspect ratio and has its caption
right under it: on screen (reading and presenting show the same back) and in print."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from briefing.core.loader import load_deck
from briefing.gui.window.main_window import MainWindow
from briefing.render.back_document import image_fragments

CAPTION = "The caption of the photo"
WIDE, HIGH = 800, 500


@pytest.fixture
def wide_image_deck(tmp_path: Path) -> Path:
    folder = tmp_path / "deck"
    folder.mkdir()
    picture = QImage(WIDE, HIGH, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3a7bd5"))
    assert picture.save(str(folder / "photo.png"))
    (folder / "deck.yaml").write_text("title: Pictures\n", encoding="utf-8")
    (folder / "a.yaml").write_text(
        f"title: A\nheadline: h\nbody: Before the image.\n"
        f"image: {{path: photo.png, alt: {CAPTION}}}\n",
        encoding="utf-8",
    )
    return folder


def _gap_above_caption(document: QTextDocument) -> float:
    """From the bottom of the image's line to the top of the caption's text."""
    layout = document.documentLayout()
    block = document.begin()
    image_bottom = None
    while block.isValid():
        if block.text() == CAPTION and image_bottom is not None:
            return layout.blockBoundingRect(block).top() - image_bottom
        if "\ufffc" in block.text():
            line = block.layout().lineAt(0)
            image_bottom = layout.blockBoundingRect(block).top() + line.y() + line.height()
        block = block.next()
    raise AssertionError("no image followed by its caption")


@pytest.mark.parametrize("size", [(800, 600), (1000, 700), (1920, 1080)])
def test_wide_image_fits_the_back_with_its_caption_right_under_it(
    window: MainWindow, wide_image_deck: Path, size: tuple[int, int]
) -> None:
    window.on_deck_loaded(load_deck(str(wide_image_deck)))
    window.resize(*size)
    window.flip_card()
    QApplication.processEvents()
    browser = window.card_view.back.browser
    assert browser.horizontalScrollBar().maximum() == 0  # nothing sticks out sideways
    document = browser.document()
    [(_, image_format)] = image_fragments(document)
    assert image_format.width() <= browser.viewport().width()
    assert image_format.width() / image_format.height() == pytest.approx(WIDE / HIGH, rel=0.01)
    assert 0 <= _gap_above_caption(document) <= 12


def test_printed_image_has_its_caption_right_under_it(wide_image_deck: Path) -> None:
    from briefing.export import text
    from briefing.export.print_style import DOTS_PER_PT, palette

    deck = load_deck(str(wide_image_deck))
    document = text.back_document(deck, deck.cards[0], 300, 10, palette(), max_image_height_pt=400)
    [(_, image_format)] = image_fragments(document)
    assert image_format.width() / image_format.height() == pytest.approx(WIDE / HIGH, rel=0.01)
    assert 0 <= _gap_above_caption(document) <= 12 * DOTS_PER_PT
