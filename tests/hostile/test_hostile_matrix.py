"""Every hostile deck through everything a user does with it: ``briefing validate``,
``briefing search``, ``briefing export`` and the window (open it, turn over every card,
search it). Each must end in bounded time and memory, with a clear message and never a
traceback or an "internal error". The decks are built at test time; each runs in a
process of its own (``matrix_driver.py``) so its time and peak memory are its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("matrix_driver.py")
SECONDS = 20.0  # for each of the four
PEAK_MB = 400.0  # the whole process: Qt, the deck and all four
CARD = "title: {title}\nheadline: A headline.\nbody: Body text.\n"


def folder_deck(root: Path, deck_yaml: str = "title: Hostile\n", **cards: str) -> Path:
    folder = root / "deck"
    folder.mkdir()
    (folder / "deck.yaml").write_text(deck_yaml, encoding="utf-8")
    for name, text in cards.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def png(width: int, height: int, channels: int = 1) -> bytes:
    """A grey (1 channel) or colour (3) PNG of any size, small on disk (it is all zeros,
    compressed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    colour_type = {1: 0, 3: 2}[channels]
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, colour_type, 0, 0, 0])
    compressor = zlib.compressobj(9)
    row = bytes(width * channels + 1)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def image_card(name: str) -> str:
    return CARD.format(title=name) + f"image: {{path: {name}, alt: A picture}}\n"


# --- the decks ------------------------------------------------------------------------


def alias_text_bomb(root: Path) -> Path:
    """One 100 KB text, aliased four times in each of 2,000 cards: 800 MB expanded."""
    anchor = "x " * 50_000
    cards = "".join(
        f"  - {{title: C{i}, headline: *t, body: *t, notes: *t, figure: {{value: *t}}}}\n"
        for i in range(2_000)
    )
    path = root / "bomb.yaml"
    path.write_text(f"title: &t {anchor}\ncards:\n{cards}", encoding="utf-8")
    return path


def wrong_ids_in_order(root: Path) -> Path:
    """An ``order`` of 20,000 ids no card has: each one a did-you-mean lookup."""
    order = "".join(f"  - card-number-{i}\n" for i in range(20_000))
    return folder_deck(root, f"title: Hostile\norder:\n{order}", a=CARD.format(title="A"))


def undeclared_sources(root: Path) -> Path:
    """20,000 sources cited that the deck never declares."""
    cited = ", ".join(f"source-{i}" for i in range(20_000))
    return folder_deck(root, a=CARD.format(title="A") + f"sources: [{cited}]\n")


def unknown_keys(root: Path) -> Path:
    """200,000 keys a card does not have."""
    keys = "".join(f"colour{i}: red\n" for i in range(200_000))
    return folder_deck(root, a=CARD.format(title="A") + keys)


def markdown_table_of_100_000_rows(root: Path) -> Path:
    rows = "".join(f"      | {i} | cell |\n" for i in range(100_000))
    card = "  - title: A\n    headline: H.\n    body: |\n      | n | text |\n      |---|---|\n"
    path = root / "table.yaml"
    path.write_text(f"title: T\ncards:\n{card}{rows}", "utf-8")
    return path


def deeply_nested_markdown_lists(root: Path) -> Path:
    lines = "".join("      " + "- " * 10_000 + "x\n" for _ in range(50))
    path = root / "lists.yaml"
    path.write_text(
        f"title: T\ncards:\n  - title: A\n    headline: H.\n    body: |\n{lines}", "utf-8"
    )
    return path


def svg_with_an_image(root: Path, href: str) -> Path:
    """A deck whose one image is an SVG drawing the image at ``href``."""
    folder = folder_deck(root, a=image_card("a.svg"))
    (folder / "a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"><image xlink:href="{href}" width="10" height="10"/></svg>',
        encoding="utf-8",
    )
    return folder


def svg_naming_a_fifo(root: Path) -> Path:
    folder = svg_with_an_image(root, "pipe.png")
    os.mkfifo(folder / "pipe.png")
    return folder


def svg_naming_stdin(root: Path) -> Path:
    return svg_with_an_image(root, "/dev/stdin")


def svg_naming_a_file_outside(root: Path) -> Path:
    (root / "secret.png").write_bytes(png(4, 4, channels=3))
    return svg_with_an_image(root, "../secret.png")


def svg_of_nested_uses(root: Path) -> Path:
    """Each level uses the one below ten times: 10^9 shapes from a 2 KB file."""
    levels = ['<g id="l0"><rect width="1" height="1"/></g>']
    for level in range(1, 10):
        uses = "".join(f'<use xlink:href="#l{level - 1}"/>' for _ in range(10))
        levels.append(f'<g id="l{level}">{uses}</g>')
    folder = folder_deck(root, a=image_card("a.svg"))
    (folder / "a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="100" height="100"><defs>{"".join(levels)}</defs>'
        '<use xlink:href="#l9"/></svg>',
        encoding="utf-8",
    )
    return folder


def one_huge_image_on_twenty_cards(root: Path) -> Path:
    image = "image: {path: big.png, alt: A picture}\n"
    folder = folder_deck(
        root, **{f"c{i:02}": CARD.format(title=f"C{i}") + image for i in range(20)}
    )
    (folder / "big.png").write_bytes(png(8_000, 8_000))
    return folder


def one_huge_colour_image_on_twenty_cards(root: Path) -> Path:
    folder = one_huge_image_on_twenty_cards(root)
    (folder / "big.png").write_bytes(png(8_000, 8_000, channels=3))
    return folder


def image_declaring_a_gigapixel(root: Path) -> Path:
    """A 2.5-gigapixel PNG in a few kilobytes: its pixels are never there to read."""
    folder = folder_deck(root, a=image_card("bomb.png"))
    whole = png(50_000, 10)  # ten rows of pixels, declared as fifty thousand
    height = (50_000).to_bytes(4, "big")
    header_at = whole.index(b"IHDR") + 4
    ihdr = whole[header_at - 4 : header_at + 13]
    patched = ihdr[:8] + height + ihdr[12:]
    crc = zlib.crc32(patched).to_bytes(4, "big")
    (folder / "bomb.png").write_bytes(
        whole[: header_at - 4] + patched + crc + whole[header_at + 17 :]
    )
    return folder


def card_file_named_in_latin_1(root: Path) -> Path:
    folder = folder_deck(root, a=CARD.format(title="A"))
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.yaml"), "wb") as card:
        card.write(CARD.format(title="B").encode())
    return folder


def card_file_named_with_a_newline(root: Path) -> Path:
    return folder_deck(root, **{"a\nb.yaml: fake problem\nc": "title: [unclosed\n"})


DECKS: dict[str, Callable[[Path], Path]] = {
    fn.__name__: fn
    for fn in (
        alias_text_bomb,
        wrong_ids_in_order,
        undeclared_sources,
        unknown_keys,
        markdown_table_of_100_000_rows,
        deeply_nested_markdown_lists,
        svg_naming_a_fifo,
        svg_naming_stdin,
        svg_naming_a_file_outside,
        svg_of_nested_uses,
        one_huge_image_on_twenty_cards,
        one_huge_colour_image_on_twenty_cards,
        image_declaring_a_gigapixel,
        card_file_named_in_latin_1,
        card_file_named_with_a_newline,
    )
}


# What `briefing validate` must say of each: refused (1), or a deck that loads (0).
LOADS = {"one_huge_image_on_twenty_cards", "one_huge_colour_image_on_twenty_cards"}
LOADS |= {"card_file_named_in_latin_1"}


def run_driver(deck: Path, out: Path) -> dict:
    """The driver's report on ``deck``; it never runs longer than all four may."""
    limit = 4 * SECONDS + 30
    try:
        done = subprocess.run(
            [sys.executable, str(DRIVER), str(deck), str(out)],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {limit:.0f} s")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    return json.loads(done.stdout.decode(errors="replace").strip().splitlines()[-1])


@pytest.mark.parametrize("name", sorted(DECKS))
def test_a_hostile_deck_is_met_calmly_everywhere(tmp_path, name):
    source = tmp_path / "in"
    source.mkdir()
    deck = DECKS[name](source)
    report = run_driver(deck, tmp_path)
    for phase in ("validate", "search", "export", "window"):
        result = report[phase]
        assert result["seconds"] < SECONDS, f"{phase} took {result['seconds']:.1f} s"
        assert result["status"] in (0, 1, 2), f"{phase}: {result['output']}"
        assert "Traceback" not in result["output"], f"{phase}: {result['output']}"
        assert "internal error" not in result["output"], f"{phase}: {result['output']}"
    assert report["validate"]["status"] == (0 if name in LOADS else 1), report["validate"]
    assert report["window"]["refused"] == (name not in LOADS)
    assert report["peak_mb"] < PEAK_MB, f"peak memory {report['peak_mb']:.0f} MB"
