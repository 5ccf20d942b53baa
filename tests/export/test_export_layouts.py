"""Each layout on paper: page counts, every card's text, marking and title on every page,
metadata, embedded fonts, paper sizes, long cards continued and never cut."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from export_helpers import flat, font_descriptors, long_body, page_texts, text_runs, words
from factories import make_card, make_deck
from pypdf import PdfReader

from briefing.core.model import Deck, Figure
from briefing.export.document import ExportError, make_pages, page_count
from briefing.export.faces import CONTINUED_IN_HANDOUT, CONTINUED_ON_NEXT_CARD
from briefing.export.layouts.handout import CONTINUED, CONTINUED_NEXT_PAGE, NOTES_LABEL
from briefing.export.options import LAYOUTS as LAYOUT_NAMES
from briefing.export.options import ExportOptions, takes
from briefing.export.pdf import export_pdf
from briefing.export.text import sources_line

LAYOUTS = [
    ("handout", 1),
    ("handout", 2),
    ("cards", 2),
    ("cards", 4),
    ("cards", 6),
    ("fold", 1),
    ("fold", 2),
    ("fold", 3),
    ("outline", 1),
]


def export(deck: Deck, path: Path, layout: str, per_page: int = 0, **options) -> int:
    opts = ExportOptions(layout, per_page, options.pop("page_size", "A4"), **options)
    return export_pdf(deck, deck.cards, opts, path)


@pytest.fixture(scope="module")
def bundled_pdfs(bundled, tmp_path_factory, qapp) -> dict[tuple[str, int], Path]:
    folder = tmp_path_factory.mktemp("bundled")
    pdfs = {}
    for layout, per_page in LAYOUTS:
        path = folder / f"{layout}-{per_page}.pdf"
        export(bundled, path, layout, per_page, notes=True)
        pdfs[layout, per_page] = path
    return pdfs


@pytest.fixture(scope="module")
def bundled_texts(bundled_pdfs) -> dict[tuple[str, int], list[str]]:
    """Each bundled PDF's page texts, extracted once (extraction is the slow part)."""

    class Texts(dict):
        def __missing__(self, key: tuple[str, int]) -> list[str]:
            self[key] = page_texts(bundled_pdfs[key])
            return self[key]

    return Texts()


@pytest.mark.parametrize(("layout", "per_page"), LAYOUTS)
def test_page_count_matches_what_is_painted(bundled, bundled_pdfs, bundled_texts, layout, per_page):
    """The count the print preview shows is the number of pages with something on them,
    and all of the deck is on them: no blank page, no page left out."""
    path = bundled_pdfs[layout, per_page]
    texts = bundled_texts[layout, per_page]
    options = ExportOptions(layout, per_page, "A4", notes=True)
    assert page_count(bundled, bundled.cards, options) == len(texts)
    for number, page in enumerate(PdfReader(path).pages):
        height = float(page.mediabox.height)
        # between the header and the footer: what the page is for
        body = [run.text for run in text_runs(path, number) if 0.1 < run.y / height < 0.88]
        assert len(" ".join(body).split()) > 3, f"page {number + 1} has only its header"
    everything = " ".join(texts).casefold()
    for card in (bundled.cards[0], bundled.cards[-1]):
        assert flat(card.title).casefold() in everything


@pytest.mark.parametrize(
    ("layout", "per_page", "pages"),
    [
        ("handout", 1, 7),  # short cards: one a page
        ("handout", 2, 4),
        ("cards", 2, 8),  # fronts and backs: 2 pages a sheet
        ("cards", 4, 4),
        ("cards", 6, 4),
        ("fold", 1, 7),
        ("fold", 2, 4),
        ("fold", 3, 3),
    ],
)
def test_page_counts_of_short_cards(tmp_path, layout, per_page, pages):
    deck = make_deck(7)
    assert export(deck, tmp_path / "out.pdf", layout, per_page) == pages
    assert len(PdfReader(tmp_path / "out.pdf").pages) == pages


def test_the_outline_flows_several_cards_onto_a_page(tmp_path):
    deck = make_deck(12)
    pages = export(deck, tmp_path / "out.pdf", "outline")
    assert pages <= 12 / 3
    texts = page_texts(tmp_path / "out.pdf")
    assert "Test deck" in texts[0] and "The test author" in texts[0]  # the title block
    assert all(f"Page {n} of {pages}" in t for n, t in enumerate(texts, 1))


@pytest.mark.parametrize(("layout", "per_page"), [("handout", 1), ("handout", 2), ("outline", 1)])
def test_every_word_of_every_card_is_printed(bundled, bundled_texts, layout, per_page):
    text = " ".join(bundled_texts[layout, per_page]).casefold()
    for card in bundled.cards:
        assert flat(card.title).casefold() in text
        assert flat(card.headline).casefold() in text
        for word in words(card.body) + words(card.notes):
            assert word.casefold() in text, (card.id, word)
        for quote in card.quotes:
            assert flat(quote.text).casefold() in text


@pytest.mark.parametrize(("layout", "per_page"), [("cards", 4), ("fold", 2)])
def test_card_sheets_show_every_title_and_headline(bundled, bundled_texts, layout, per_page):
    text = " ".join(bundled_texts[layout, per_page]).casefold()
    for card in bundled.cards:
        assert flat(card.title).casefold() in text
        assert flat(card.headline).casefold() in text


@pytest.mark.parametrize(("layout", "per_page"), LAYOUTS)
def test_marking_at_top_and_bottom_and_deck_title_on_every_page(
    bundled, bundled_pdfs, layout, per_page
):
    """The page's own banners, not the markings printed on the cards' faces: the
    marking within the page's top and bottom bands, the deck's title in its header."""
    path = bundled_pdfs[layout, per_page]
    for number, page in enumerate(PdfReader(path).pages):
        height = float(page.mediabox.height)
        top, bottom = height * 0.92, height * 0.08
        runs = text_runs(path, number)
        marked = [run.y for run in runs if bundled.marking in run.text]
        assert any(y > top for y in marked), f"page {number + 1}: no marking at the top"
        assert any(y < bottom for y in marked), f"page {number + 1}: no marking at the bottom"
        header = " ".join(run.text for run in runs if run.y > height * 0.88)
        assert bundled.title in header, f"page {number + 1}: no deck title in the header"


def test_no_marking_banner_without_a_marking(tmp_path):
    deck = make_deck(2, marking="")
    export(deck, tmp_path / "out.pdf", "handout")
    assert all("OFFICIAL" not in text for text in page_texts(tmp_path / "out.pdf"))


def test_handout_pages_are_numbered_and_cite_their_sources(bundled_texts):
    texts = bundled_texts["handout", 1]
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text
        assert "Sources: " in text or "Source: " in text


def test_pdf_metadata_names_the_deck_and_its_author(bundled, bundled_pdfs):
    metadata = PdfReader(bundled_pdfs["outline", 1]).metadata
    assert metadata.title == bundled.title
    assert metadata.author == bundled.author
    assert metadata.creator.startswith("Briefing")


@pytest.mark.parametrize(("layout", "per_page"), [("handout", 1), ("cards", 4), ("outline", 1)])
def test_the_bundled_fonts_are_embedded(bundled_pdfs, layout, per_page):
    descriptors = font_descriptors(bundled_pdfs[layout, per_page])
    families = {name.lstrip("/").split("-")[0].split("+")[-1] for name in descriptors}
    assert {"Inter", "NotoSerif"} <= families
    for name, descriptor in descriptors.items():
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, name


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792))])
@pytest.mark.parametrize("layout", ["handout", "cards", "fold", "outline"])
def test_paper_size(tmp_path, paper, size, layout):
    export(make_deck(2), tmp_path / "out.pdf", layout, page_size=paper)
    for page in PdfReader(tmp_path / "out.pdf").pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == size


def test_a_long_body_continues_on_the_next_pages_and_no_line_is_lost(tmp_path):
    card = make_card(1, body=long_body(120))
    deck = make_deck(0, cards=(card, make_card(2)))
    pages = export(deck, tmp_path / "out.pdf", "handout")
    texts = page_texts(tmp_path / "out.pdf")
    assert pages >= 4
    body_pages = [t for t in texts if "w0" in t]
    assert len(body_pages) >= 3
    for text in body_pages[:-1]:
        assert CONTINUED_NEXT_PAGE in text
    for text in body_pages[1:]:
        assert f"TOPIC 1 {CONTINUED}" in text
    everything = " ".join(texts)
    for n in range(120):
        assert everything.count(f"w{n:04d}") == 1  # every paragraph once: none cut or doubled
    assert "Topic 2".upper() in texts[-1]  # the next card starts on a page of its own


def test_long_notes_continue_in_a_labelled_box(tmp_path):
    card = make_card(1, notes=long_body(80))
    pages = export(make_deck(0, cards=(card,)), tmp_path / "out.pdf", "outline", notes=True)
    texts = page_texts(tmp_path / "out.pdf")
    assert pages >= 2
    assert NOTES_LABEL.upper() in texts[0]
    assert f"{NOTES_LABEL} {CONTINUED}".upper() in texts[1]
    everything = " ".join(texts)
    assert all(everything.count(f"w{n:04d}") == 1 for n in range(80))


def test_notes_are_printed_only_when_asked(tmp_path):
    deck = make_deck(1, cards=(make_card(1, notes="Say the secret word xylophone."),))
    export(deck, tmp_path / "without.pdf", "handout")
    export(deck, tmp_path / "with.pdf", "handout", notes=True)
    assert "xylophone" not in " ".join(page_texts(tmp_path / "without.pdf"))
    with_notes = " ".join(page_texts(tmp_path / "with.pdf"))
    assert "xylophone" in with_notes
    assert NOTES_LABEL.upper() in with_notes


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_notes_are_printed_by_exactly_the_layouts_that_say_they_take_them(tmp_path, layout):
    deck = make_deck(1, cards=(make_card(1, notes="Say the secret word xylophone."),))
    export(deck, tmp_path / "out.pdf", layout, notes=True)
    printed = "xylophone" in " ".join(page_texts(tmp_path / "out.pdf"))
    assert printed == takes(layout, "notes")


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_a_layout_is_handed_only_the_notes_and_offset_it_prints(layout):
    deck = make_deck(2)
    asked = ExportOptions(layout, 0, "A4", notes=True, offset_mm=(1.5, -1.0))
    given = make_pages(deck, deck.cards, asked).options
    assert given.notes == takes(layout, "notes")
    assert given.offset_mm == ((1.5, -1.0) if takes(layout, "offset") else (0.0, 0.0))


@pytest.mark.parametrize(("layout", "per_page"), [("cards", 6), ("fold", 3)])
def test_a_back_too_long_for_its_card_goes_on_over_continuation_cards(tmp_path, layout, per_page):
    """Nothing is dropped from a cut-out or fold card: a back too long for one face goes on
    ("continued on the next card") over extra cards headed "TITLE (continued)"."""
    deck = make_deck(0, cards=(make_card(1, body=long_body(60)), make_card(2)))
    export(deck, tmp_path / "out.pdf", layout, per_page)
    texts = page_texts(tmp_path / "out.pdf")
    text = " ".join(texts)
    assert CONTINUED_IN_HANDOUT not in text
    assert CONTINUED_ON_NEXT_CARD in text
    assert f"TOPIC 1 {CONTINUED}".upper() in text
    for n in range(60):
        assert f"w{n:04d}" in text  # every paragraph: none dropped
    assert "Body point of card 2" in text


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("layout", ["cards", "fold"])
def test_the_bundled_deck_prints_complete_on_cards_at_the_defaults(
    bundled, tmp_path, layout, page_size
):
    """At the default cards a page, every back of the bundled deck is printed to its last
    word (5 of its 6 backs used to end "…continued in the handout")."""
    path = tmp_path / "cards.pdf"
    export(bundled, path, layout, 0, page_size=page_size)
    text = " ".join(page_texts(path))
    assert CONTINUED_IN_HANDOUT not in text
    for card in bundled.cards:
        last_point = card.body.strip().splitlines()[-1].lstrip("-* ").strip()
        assert flat(last_point) in text, card.id
        for quote in card.quotes:
            assert flat(quote.text)[-30:] in text, card.id


def test_deck_text_is_printed_as_text_never_as_markup(tmp_path):
    card = make_card(1, title="<b>T</b>", headline="<i>h</i> & co", body="Hi <script>x</script>")
    export(make_deck(0, cards=(card,)), tmp_path / "out.pdf", "handout")
    text = page_texts(tmp_path / "out.pdf")[0]
    assert "<B>T</B>" in text  # the topic label is set in capitals
    assert "<i>h</i> & co" in text
    assert "<script>x</script>" in text


def test_an_image_is_scaled_to_fit_the_page(tmp_path):
    from PySide6.QtGui import QColor, QImage

    from briefing.core.model import Image
    from briefing.export import text
    from briefing.export.print_style import DOTS_PER_PT, palette

    picture = QImage(1200, 900, QImage.Format.Format_RGB32)  # 900 x 675 pt
    picture.fill(QColor("#0d4f6b"))
    picture.save(str(tmp_path / "big.png"))
    card = make_card(1, image=Image(tmp_path / "big.png", "a big picture"))
    deck = make_deck(0, cards=(card,), folder=tmp_path)
    export(deck, tmp_path / "out.pdf", "handout")
    assert len(PdfReader(tmp_path / "out.pdf").pages[0].images) == 1
    assert "a big picture" in " ".join(page_texts(tmp_path / "out.pdf"))
    document = text.back_document(deck, card, 300, 10, palette(), max_image_height_pt=200)
    size = document.size()
    assert size.width() / DOTS_PER_PT <= 300 + 0.5
    assert math.isclose(document.textWidth() / DOTS_PER_PT, 300)


def test_nothing_to_export_is_an_error(tmp_path):
    with pytest.raises(ExportError, match="no cards"):
        export_pdf(make_deck(1), [], ExportOptions("handout", 0, "A4"), tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()


def test_options_that_do_not_fit_the_layout_are_an_error(tmp_path):
    with pytest.raises(ExportError, match="1 or 2 per page"):
        export(make_deck(1), tmp_path / "out.pdf", "handout", 4)


@pytest.mark.parametrize("layout", ["handout", "cards", "outline"])
def test_figures_copy_out_of_the_pdf_as_written(tmp_path, layout):
    # Inter's contextual alternates would turn '+' after digits into a glyph with no text.
    card = make_card(1, figure=Figure("1,000,000+", "shells"), body="Over 2,000+ sites -> 3x4.")
    export(make_deck(0, cards=(card,)), tmp_path / "out.pdf", layout)
    text = " ".join(page_texts(tmp_path / "out.pdf"))
    assert "1,000,000+" in text
    assert "Over 2,000+ sites -> 3x4." in text


@pytest.mark.parametrize(("layout", "per_page"), [("handout", 1), ("cards", 4), ("outline", 1)])
def test_the_marking_banners_are_at_the_top_and_bottom_edges(
    bundled, bundled_pdfs, layout, per_page
):
    path = bundled_pdfs[layout, per_page]
    height = float(PdfReader(path).pages[-1].mediabox.height)
    runs = [r for r in text_runs(path, len(PdfReader(path).pages) - 1) if r.text == bundled.marking]
    assert any(r.y > height - 40 for r in runs)  # PDF y counts up from the bottom
    assert any(r.y < 40 for r in runs)


LONG_MARKINGS = [
    "DRAFT \u2014 NOT FOR DISTRIBUTION OUTSIDE THE WORKING GROUP \u2014 "
    "HANDLE VIA OFFICIAL CHANNELS ONLY",
    # too long for one line even across the page: the page banners take two lines too
    "DRAFT \u2014 NOT FOR DISTRIBUTION OUTSIDE THE WORKING GROUP \u2014 HANDLE VIA OFFICIAL "
    "CHANNELS ONLY \u2014 RELEASABLE TO THE STEERING COMMITTEE AND THE LEGAL ADVISER ON REQUEST",
]


@pytest.mark.parametrize("marking", LONG_MARKINGS, ids=["long", "longer"])
@pytest.mark.parametrize(("layout", "per_page"), LAYOUTS)
def test_a_long_marking_is_printed_whole_on_every_page_and_card_face(
    tmp_path, marking, layout, per_page
):
    """A handling marking is never cut: every page's two banners and every card face carry
    all of it (in smaller type or on two lines), never "DRAFT — NOT FOR DISTRI…"."""
    deck = make_deck(5, marking=marking)
    path = tmp_path / "marked.pdf"
    export(deck, path, layout, per_page)
    texts = page_texts(path)
    faces = {"cards": 2 * len(deck.cards), "fold": 2 * len(deck.cards)}.get(layout, 0)
    for text in texts:
        whole = text.count(marking)
        assert whole >= 2
        assert text.count("DRAFT") == whole  # every marking on the page is a whole one
    assert sum(text.count(marking) for text in texts) >= 2 * len(texts) + faces


LONG_FIGURES = [
    "123,456,789,012,345,678,901",
    "from 1,234,567,890-2,345,678,901 shells",
]


@pytest.mark.parametrize(("layout", "per_page"), LAYOUTS)
def test_a_long_figure_is_never_broken_inside_a_number(tmp_path, layout, per_page):
    """A figure too wide for its card is set smaller or broken at a space, never inside a
    number ("123,456,789,012,3" / "45,678,901"): the PDF's text has each one whole."""
    cards = tuple(
        make_card(n, figure=Figure(value, "a long figure"))
        for n, value in enumerate(LONG_FIGURES, 1)
    )
    deck = make_deck(cards=cards)
    path = tmp_path / "figures.pdf"
    export(deck, path, layout, per_page)
    text = " ".join(page_texts(path))
    for value in LONG_FIGURES:
        assert value in text


def _page_openings(path: Path) -> list[str]:
    """What each page starts with under its header: the first line's text, runs joined."""
    openings = []
    for number, page in enumerate(PdfReader(path).pages):
        below_header = float(page.mediabox.height) - 60
        runs = [run for run in text_runs(path, number) if run.y < below_header]
        top = max(run.y for run in runs)
        line = sorted((run for run in runs if abs(run.y - top) < 1), key=lambda run: run.x)
        openings.append(" ".join(run.text for run in line))
    return openings


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("notes", [False, True], ids=["plain", "notes"])
def test_one_card_a_page_starts_every_card_at_the_top_of_a_page(
    bundled, tmp_path, page_size, notes
):
    """One card a page: a card never starts under the end of the one before (as Commentary
    did, halfway down page 6 under NATO response's continuation, on A4)."""
    path = tmp_path / "handout.pdf"
    export(bundled, path, "handout", 1, page_size=page_size, notes=notes)
    openings = _page_openings(path)
    for card in bundled.cards:
        assert card.title.upper() in openings, (card.title, openings)


def test_two_cards_a_page_never_split_a_card_that_fits_a_page(tmp_path):
    """Two a page: a card that would fit a page of its own but not the room left under the
    page's first card starts a new page rather than being split."""
    cards = tuple(make_card(n, body=long_body(9), quotes=()) for n in range(1, 5))
    deck = make_deck(cards=cards)
    path = tmp_path / "handout.pdf"
    export(deck, path, "handout", 2)
    texts = page_texts(path)
    assert not any(CONTINUED in text for text in texts)
    for card in cards:
        assert sum(card.title.upper() in text.upper() for text in texts) == 1


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("per_page", [1, 2])
def test_the_footer_lists_every_source_of_its_page_whole(bundled, tmp_path, page_size, per_page):
    """The footer's source list is never cut ("…the UN …"): it takes smaller type or a
    second line, and each source of the page's cards is cited in full."""
    path = tmp_path / "handout.pdf"
    export(bundled, path, "handout", per_page, page_size=page_size)
    for number in range(len(PdfReader(path).pages)):
        under_the_rule = [run for run in text_runs(path, number) if 36 < run.y < 60]
        lines = sorted(under_the_rule, key=lambda run: -run.y)
        footer = flat(" ".join(run.text for run in lines if not run.text.startswith("Page ")))
        cited = [source for source in bundled.sources if source.title[:20] in footer]
        assert cited
        assert footer == flat(sources_line(cited))
