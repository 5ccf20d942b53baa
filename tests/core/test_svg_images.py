"""An SVG image may not reach outside itself or make the renderer work without bound:
``briefing validate`` refuses it, located in the SVG, and says which reference is wrong."""

from __future__ import annotations

import base64
import time

import pytest

from briefing.cli import main
from briefing.core.loader import load_deck
from briefing.core.svg_check import MAX_DRAWN, check_svg

DECK = "title: A deck\n"
CARD = "title: A card\nheadline: The takeaway.\nbody: b\nimage: {{path: {path}, alt: A chart}}\n"
SVG_OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' width="40" height="40">\n'
)
# A 1x1 PNG, as an author's tool would embed it.
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


def svg(*lines: str) -> str:
    return SVG_OPEN + "".join(f"{line}\n" for line in lines) + "</svg>\n"


def svg_deck(write_folder_deck, content: str | bytes, name: str = "chart.svg") -> str:
    return write_folder_deck(DECK, {"a.yaml": CARD.format(path=name), name: content})


def nested_uses(depth: int, copies: int = 10) -> str:
    """``copies`` rectangles, then groups each using the previous one ``copies`` times."""
    rects = "".join(f'<rect x="{i}" width="1" height="1"/>' for i in range(copies))
    lines = [f'<defs><g id="g0">{rects}</g>']
    for level in range(1, depth):
        uses = f'<use xlink:href="#g{level - 1}"/>' * copies
        lines.append(f'<g id="g{level}">{uses}</g>')
    lines.append(f'</defs><use xlink:href="#g{depth - 1}"/>')
    return svg(*lines)


# --- what an SVG may hold --------------------------------------------------------


def test_svg_with_its_own_gradients_uses_and_an_embedded_png_loads(write_folder_deck):
    embedded = base64.b64encode(TINY_PNG).decode()
    content = svg(
        "<defs><style>rect { fill: url(#fade) }</style>",
        '<linearGradient id="fade"><stop offset="0"/></linearGradient>',
        '<g id="dot"><circle r="2" style="fill: url(\'#fade\')"/></g></defs>',
        '<use xlink:href="#dot"/><use href="#dot"/>',
        f'<image width="4" height="4" xlink:href="data:image/png;base64,{embedded}"/>',
    )
    folder = svg_deck(write_folder_deck, content)
    assert load_deck(folder).cards[0].image.path.name == "chart.svg"


def test_svg_with_a_standard_doctype_loads(write_folder_deck):
    content = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"'
        ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + svg("<rect/>")
    )
    assert load_deck(svg_deck(write_folder_deck, content)).cards[0].image is not None


# --- references outside the SVG ---------------------------------------------------


@pytest.mark.parametrize(
    "reference", ["/abs/path/secret.png", "../../outside/secret.png", "secret.png", "file:///x.png"]
)
def test_svg_image_referring_to_a_file_is_refused_at_the_reference(
    write_folder_deck, problems_of, reference
):
    content = svg(
        '<rect width="4" height="4"/>', f'  <image width="9" height="9" xlink:href="{reference}"/>'
    )
    assert problems_of(svg_deck(write_folder_deck, content)) == [
        f"cards/chart.svg:3:3: the SVG image refers to '{reference}'; an SVG image may refer "
        "only to its own parts (#id) and embedded data: images"
    ]


def test_svg_in_a_subfolder_is_named_by_its_path_in_the_deck(write_folder_deck, problems_of):
    content = svg('<image href="/etc/secret.png"/>')
    (problem,) = problems_of(svg_deck(write_folder_deck, content, name="img/chart.svg"))
    assert problem.startswith("cards/img/chart.svg:2:1: the SVG image refers to '/etc/secret.png'")


def test_image_element_whose_reference_looks_like_an_id_is_refused(problems_of, write_folder_deck):
    # Qt reads an <image>'s reference as a file name unless it is a data: URI.
    (problem,) = problems_of(svg_deck(write_folder_deck, svg('<image href="#pipe"/>')))
    assert problem.startswith("cards/chart.svg:2:1: the SVG image refers to '#pipe'")


@pytest.mark.parametrize(
    "line",
    [
        "<style>rect { fill: url(/etc/pattern.svg#p) }</style>",
        '<rect style="fill: url(&quot;other.svg#p&quot;)"/>',
        '<rect fill="url(other.svg#p)"/>',
        '<style>@import "/etc/style.css";</style>',
        '<rect style="fill: u\\72l(/etc/x.svg)"/>',
    ],
)
def test_svg_style_referring_outside_is_refused(write_folder_deck, problems_of, line):
    (problem,) = problems_of(svg_deck(write_folder_deck, svg(line)))
    assert problem.startswith("cards/chart.svg:2:1: the SVG image")


def test_svg_stylesheet_instruction_is_refused(write_folder_deck, problems_of):
    content = '<?xml version="1.0"?>\n<?xml-stylesheet type="text/css" href="/etc/a.css"?>\n'
    (problem,) = problems_of(svg_deck(write_folder_deck, content + svg("<rect/>")))
    assert problem == (
        "cards/chart.svg:2:1: an SVG image may not hold processing instructions"
        " (<?xml-stylesheet ...?>)"
    )


@pytest.mark.parametrize(
    "payload",
    [
        base64.b64encode(b'<svg><image href="/etc/secret.png"/></svg>').decode(),  # an SVG
        "not base64 at all",
        base64.b64encode(b"GIF89a").decode(),
    ],
)
def test_svg_embedding_anything_but_png_or_jpeg_is_refused(write_folder_deck, problems_of, payload):
    content = svg(f'<image width="4" height="4" href="data:image/png;base64,{payload}"/>')
    (problem,) = problems_of(svg_deck(write_folder_deck, content))
    assert problem.startswith("cards/chart.svg:2:1: an image embedded in the SVG")


def test_svg_embedding_a_png_bomb_is_refused(write_folder_deck, problems_of):
    bomb = bytearray(TINY_PNG)
    bomb[16:24] = (50_000).to_bytes(4, "big") * 2  # declares 50,000 x 50,000 pixels
    content = svg(f'<image href="data:image/png;base64,{base64.b64encode(bomb).decode()}"/>')
    (problem,) = problems_of(svg_deck(write_folder_deck, content))
    assert "embedded in the SVG hold more than 16 megapixels in all" in problem


def test_svg_embedding_one_image_many_times_is_refused(write_folder_deck, problems_of):
    # Qt decodes each copy and keeps them all: 200 copies of 1 megapixel is 800 MB.
    image = bytearray(TINY_PNG)
    image[16:24] = (1000).to_bytes(4, "big") * 2
    uri = f"data:image/png;base64,{base64.b64encode(image).decode()}"
    content = svg(*[f'<image width="4" height="4" href="{uri}"/>' for _ in range(200)])
    (problem,) = problems_of(svg_deck(write_folder_deck, content))
    assert "more than 16 megapixels in all" in problem


# --- entities and unbounded work --------------------------------------------------------


def test_svg_declaring_entities_is_refused_without_expanding_them(write_folder_deck, problems_of):
    laughs = '<!ENTITY a "hahahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    content = f'<?xml version="1.0"?>\n<!DOCTYPE svg [{laughs}]>\n<svg>&j;</svg>\n'
    started = time.perf_counter()
    (problem,) = problems_of(svg_deck(write_folder_deck, content))
    assert time.perf_counter() - started < 2
    assert problem.startswith("cards/chart.svg:2:") and "may not declare entities" in problem


def test_svg_with_uses_nested_nine_deep_is_refused_at_once(write_folder_deck, problems_of):
    content = nested_uses(depth=9)
    assert len(content) < 2500  # a small file that would draw a billion rectangles
    started = time.perf_counter()
    (problem,) = problems_of(svg_deck(write_folder_deck, content))
    assert time.perf_counter() - started < 2
    assert problem.startswith("cards/chart.svg:")
    assert f"draws more than {MAX_DRAWN:,} elements" in problem


def test_svg_with_a_few_nested_uses_loads(write_folder_deck):
    assert load_deck(svg_deck(write_folder_deck, nested_uses(depth=4))).cards


def test_svg_using_itself_is_refused(write_folder_deck, problems_of):
    content = svg('<g id="a"><g id="b"><use href="#a"/></g></g>')
    (problem,) = problems_of(svg_deck(write_folder_deck, content))
    assert problem == "cards/chart.svg:2:21: the SVG image refers to itself in a loop"


def test_svg_nested_too_deep_is_refused(write_folder_deck, problems_of):
    content = svg("<g>" * 1000 + "</g>" * 1000)
    (problem,) = problems_of(svg_deck(write_folder_deck, content))
    assert "nests elements deeper than" in problem


def test_svg_that_is_not_well_formed_is_located(write_folder_deck, problems_of):
    (problem,) = problems_of(svg_deck(write_folder_deck, svg("<g><rect></g>")))
    assert problem.startswith("cards/chart.svg:2:12: the SVG is not well-formed XML")


def test_svg_shown_on_many_cards_is_reported_once(write_folder_deck, problems_of):
    files: dict[str, str | bytes] = {f"c{n}.yaml": CARD.format(path="chart.svg") for n in range(5)}
    files["chart.svg"] = svg('<image href="/etc/secret.png"/>')
    assert len(problems_of(write_folder_deck(DECK, files))) == 1


def test_validate_prints_the_located_problem_and_fails(write_folder_deck, capsys):
    folder = svg_deck(write_folder_deck, svg('<image xlink:href="/etc/secret.png"/>'))
    assert main(["validate", folder]) == 1
    assert (
        "cards/chart.svg:2:1: the SVG image refers to '/etc/secret.png'" in capsys.readouterr().out
    )


def test_png_declaring_too_many_pixels_is_refused(write_folder_deck, problems_of):
    bomb = bytearray(TINY_PNG)
    bomb[16:24] = (50_000).to_bytes(4, "big") * 2
    folder = write_folder_deck(
        DECK, {"a.yaml": CARD.format(path="bomb.png"), "bomb.png": bytes(bomb)}
    )
    assert problems_of(folder) == [
        "cards/a.yaml:4:15: image 'bomb.png' is 50,000 x 50,000 pixels; at most 67 megapixels"
    ]


def test_jpeg_declaring_too_many_pixels_is_refused(write_folder_deck, problems_of):
    exif = b"\xff\xe1" + (1002).to_bytes(2, "big") + bytes(1000)  # metadata before the frame
    frame = b"\xff\xc0\x00\x11\x08" + (60_000).to_bytes(2, "big") * 2 + bytes(12)
    jpeg = b"\xff\xd8" + exif + frame + b"\xff\xd9"
    folder = write_folder_deck(DECK, {"a.yaml": CARD.format(path="bomb.jpg"), "bomb.jpg": jpeg})
    assert problems_of(folder) == [
        "cards/a.yaml:4:15: image 'bomb.jpg' is 60,000 x 60,000 pixels; at most 67 megapixels"
    ]


def test_svg_with_an_encoding_declaration_is_accepted():
    assert check_svg(b'<?xml version="1.0" encoding="UTF-8"?>\n<svg/>') is None
