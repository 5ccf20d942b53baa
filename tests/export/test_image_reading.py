"""A card's image is read as the deck is now, when it is drawn: a file changed since the
deck was loaded (an SVG that names a file outside, a link, a pipe, a bomb) is not drawn,
the card shows "[image not shown: ...]" instead, and nothing blocks or runs unbounded. One
large image shared by many cards is decoded once per export and embedded once."""

from __future__ import annotations

import base64
import contextlib
import os
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageReader

import briefing.render.deck_images as deck_images
from briefing.core.loader import load_deck
from briefing.core.model import Deck
from briefing.export import text
from briefing.export.image import render_card_image
from briefing.export.options import ExportOptions
from briefing.export.pdf import export_pdf
from briefing.export.print_style import palette

MAGENTA = QColor("#ff00ff")  # the secret outside the deck: never seen on a card
TEAL = QColor("#008080")  # the deck's own picture
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' width="300" height="200">{}</svg>\n'
)
OWN_SVG = SVG.format('<rect width="300" height="200" fill="#008080"/>')
PLACEHOLDER = "[image not shown: A chart]"

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture(autouse=True)
def _nothing_decoded_yet() -> Iterator[None]:
    deck_images.forget_images()
    yield
    deck_images.forget_images()


def png_bytes(colour: QColor, width: int = 120, height: int = 80) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(colour)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def write_deck(folder: Path, image_name: str, content: bytes | str, cards: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deck.yaml").write_text("title: Images\n", encoding="utf-8")
    for n in range(cards):
        (folder / f"c{n:02d}.yaml").write_text(
            f"title: Card {n}\nheadline: h\nbody: b\nimage: {{path: {image_name}, alt: A chart}}\n",
            encoding="utf-8",
        )
    image = folder / image_name
    image.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        image.write_text(content, encoding="utf-8")
    else:
        image.write_bytes(content)
    return folder


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A magenta PNG outside any deck."""
    path = tmp_path / "outside" / "secret.png"
    path.parent.mkdir()
    path.write_bytes(png_bytes(MAGENTA))
    return path


def colour_share(image: QImage, colour: QColor) -> float:
    """How much of ``image`` (sampled) is close to ``colour``."""
    hits = total = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixelColor(x, y)
            total += 1
            if all(
                abs(a - b) < 24
                for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)
            ):
                hits += 1
    return hits / max(total, 1)


def back_text(deck: Deck) -> str:
    document = text.back_document(deck, deck.cards[0], 300, 10, palette(), max_image_height_pt=200)
    return document.toPlainText()


def back_image(deck: Deck) -> QImage:
    return render_card_image(deck, deck.cards[0], "back", 360)


def test_the_decks_own_image_is_drawn(tmp_path):
    # The control for every test below: a drawn image is seen.
    deck = load_deck(write_deck(tmp_path / "deck", "chart.svg", OWN_SVG))
    assert colour_share(back_image(deck), TEAL) > 0.05
    assert PLACEHOLDER not in back_text(deck)


def test_an_image_embedded_in_an_svg_is_drawn(tmp_path):
    embedded = base64.b64encode(png_bytes(MAGENTA)).decode()
    content = SVG.format(
        f'<image width="300" height="200" xlink:href="data:image/png;base64,{embedded}"/>'
    )
    deck = load_deck(write_deck(tmp_path / "deck", "chart.svg", content))
    assert colour_share(back_image(deck), MAGENTA) > 0.05


@pytest.mark.parametrize("reference", ["absolute", "relative"])
def test_an_svg_rewritten_to_name_a_file_outside_is_not_drawn(tmp_path, secret, reference):
    folder = write_deck(tmp_path / "deck", "chart.svg", OWN_SVG)
    deck = load_deck(folder)
    href = str(secret) if reference == "absolute" else "../outside/secret.png"
    (folder / "chart.svg").write_text(
        SVG.format(f'<image width="300" height="200" xlink:href="{href}"/>'), encoding="utf-8"
    )
    assert colour_share(back_image(deck), MAGENTA) == 0
    assert PLACEHOLDER in back_text(deck)
    export_pdf(deck, deck.cards, ExportOptions("handout", 1, "A4"), tmp_path / "out.pdf")
    assert not PdfReader(tmp_path / "out.pdf").pages[0]["/Resources"].get("/XObject")


@pytest.mark.parametrize("swapped", ["file", "folder"])
def test_an_image_swapped_for_a_link_outside_after_loading_is_not_drawn(tmp_path, secret, swapped):
    folder = write_deck(tmp_path / "deck", "img/photo.png", png_bytes(TEAL))
    deck = load_deck(folder)
    try:
        if swapped == "file":
            (folder / "img" / "photo.png").unlink()
            (folder / "img" / "photo.png").symlink_to(secret)
        else:
            (secret.parent / "photo.png").write_bytes(secret.read_bytes())
            (folder / "img" / "photo.png").unlink()
            (folder / "img").rmdir()
            (folder / "img").symlink_to(secret.parent)
    except OSError:
        pytest.skip("cannot create symlinks here")
    assert colour_share(back_image(deck), MAGENTA) == 0
    assert PLACEHOLDER in back_text(deck)


def _unblock(fifo: Path, done: threading.Event) -> None:
    """Until ``done``: if anything is blocked opening ``fifo`` to read, let it through (a
    reader that hangs makes the test fail on time instead of hanging the suite)."""
    while not done.wait(0.5):
        with contextlib.suppress(OSError):  # nobody is reading
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


@needs_fifo
@pytest.mark.parametrize("what", ["svg naming a pipe", "image swapped for a pipe"])
def test_a_pipe_is_never_opened_and_nothing_blocks(tmp_path, what):
    folder = write_deck(tmp_path / "deck", "chart.svg", OWN_SVG)
    deck = load_deck(folder)
    if what == "svg naming a pipe":
        fifo = folder / "pipe.png"
        (folder / "chart.svg").write_text(
            SVG.format('<image width="300" height="200" xlink:href="pipe.png"/>'),
            encoding="utf-8",
        )
    else:
        fifo = folder / "chart.svg"
        fifo.unlink()
    os.mkfifo(fifo)
    done = threading.Event()
    watchdog = threading.Thread(target=_unblock, args=(fifo, done), daemon=True)
    watchdog.start()
    started = time.perf_counter()
    try:
        shown = back_text(deck)
        back_image(deck)
    finally:
        done.set()
        watchdog.join()
    assert time.perf_counter() - started < 2
    assert PLACEHOLDER in shown


def test_an_svg_rewritten_with_nested_uses_is_refused_at_once(tmp_path):
    folder = write_deck(tmp_path / "deck", "chart.svg", OWN_SVG)
    deck = load_deck(folder)
    rects = '<rect width="3" height="3" fill="#ff00ff"/>' * 10
    levels = [f'<g id="g0">{rects}</g>']
    levels += [
        f'<g id="g{n}">' + f'<use xlink:href="#g{n - 1}"/>' * 10 + "</g>" for n in range(1, 9)
    ]
    (folder / "chart.svg").write_text(
        SVG.format("<defs>" + "".join(levels) + '</defs><use xlink:href="#g8"/>'),
        encoding="utf-8",
    )
    started = time.perf_counter()
    shown = back_text(deck)
    assert time.perf_counter() - started < 2
    assert PLACEHOLDER in shown


def decompression_bomb(side: int = 30_000) -> bytes:
    """A valid black-and-white PNG of ``side`` x ``side`` pixels, in half a megabyte."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
        )

    rows = bytes(1 + side // 8) * 1000
    packer = zlib.compressobj(1)
    pixels = b"".join(packer.compress(rows) for _ in range(side // 1000)) + packer.flush()
    header = side.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])  # 1 bit, grey
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_a_png_swapped_for_a_decompression_bomb_is_refused_whatever_qts_limit(tmp_path):
    folder = write_deck(tmp_path / "deck", "photo.png", png_bytes(TEAL))
    deck = load_deck(folder)
    (folder / "photo.png").write_bytes(decompression_bomb())
    QImageReader.setAllocationLimit(0)  # as an environment may set it (QT_IMAGEIO_MAXALLOC)
    try:
        started = time.perf_counter()
        shown = back_text(deck)
        assert time.perf_counter() - started < 2
    finally:
        QImageReader.setAllocationLimit(256)
    assert PLACEHOLDER in shown


def test_one_large_image_on_twenty_cards_is_decoded_once_and_embedded_once_at_print_size(
    tmp_path, monkeypatch
):
    side = 2000
    deck = load_deck(write_deck(tmp_path / "deck", "big.png", png_bytes(TEAL, side, side), 20))
    decodes = []
    decode = deck_images._decode

    def counted(*args):
        decodes.append(args[0])
        return decode(*args)

    monkeypatch.setattr(deck_images, "_decode", counted)
    export_pdf(deck, deck.cards, ExportOptions("handout", 1, "A4"), tmp_path / "out.pdf")
    embedded = {}
    for page in PdfReader(tmp_path / "out.pdf").pages:
        for reference in page["/Resources"].get("/XObject", {}).values():
            obj = reference.get_object()
            embedded[reference.idnum] = (obj["/Width"], obj["/Height"])
    assert len(embedded) == 1  # the same image object on every page
    ((width, height),) = embedded.values()
    assert width < side and height < side  # no more pixels than 300 dpi on the page
    assert len(decodes) == 1
