"""Paint a deck's pages on any paged device: a PDF writer or a printer.

Every layout is planned first (so a footer can say "Page 3 of 12"), keeping only where each
part goes; then each page is built and painted in turn, so memory does not grow with the
deck. All drawing is in points from the paper's top left corner.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter

from briefing.core.model import Card, Deck
from briefing.export.canvas import Canvas
from briefing.export.geometry import PageFrame
from briefing.export.layout import Pages
from briefing.export.layouts.handout import Handout
from briefing.export.layouts.outline import Outline
from briefing.export.layouts.sheets import CutCards, FoldCards
from briefing.export.options import ExportOptions, OptionsError
from briefing.render.fonts import ensure_fonts

# on_page(done, total) after each page, and on_page(0, 0) now and then while the pages
# are being laid out; returning False cancels the export.
PageCallback = Callable[[int, int], bool]
# The same, as steps: each yields (done, total) as on_page gets it, and the last returns
# the page count; throwing ExportCancelled in stops it with nothing left behind.
PaintSteps = Generator[tuple[int, int], None, int]

_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


class ExportError(Exception):
    """An export could not be made; the message is one line for the user."""


class ExportCancelled(ExportError):
    """The user cancelled; nothing was written."""


def make_pages(deck: Deck, cards: Sequence[Card], options: ExportOptions) -> Pages:
    """The layout ``options`` asks for, over ``cards``; raises ``ExportError`` if it cannot be."""
    try:
        options = options.resolved().for_layout()  # a layout sees only what it prints
    except OptionsError as e:
        raise ExportError(str(e)) from None
    if not cards:
        raise ExportError("there are no cards to export")
    ensure_fonts()
    assert options.page_size is not None  # resolved
    frame = PageFrame.for_paper(options.page_size)
    if options.layout == "handout":
        return Handout(deck, cards, options, frame)
    if options.layout == "outline":
        return Outline(deck, cards, options, frame)
    if options.layout == "cards":
        return CutCards(deck, cards, options, frame)
    return FoldCards(deck, cards, options, frame)


def run_steps(steps: PaintSteps, on_page: PageCallback | None = None) -> int:
    """Run ``steps`` to the end, calling ``on_page`` after each; returns the page count.

    Raises ``ExportCancelled`` inside the steps (so they clean up) when ``on_page`` returns
    False."""
    try:
        step = next(steps)
        while True:
            if on_page is not None and on_page(*step) is False:
                step = steps.throw(ExportCancelled("export cancelled"))
            else:
                step = next(steps)
    except StopIteration as finished:
        return int(finished.value)


def page_layout(options: ExportOptions) -> QPageLayout:
    """Portrait paper of the options' size with no margins: the layouts draw their own."""
    page_size = options.resolved().page_size or "A4"
    return QPageLayout(
        QPageSize(_PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Point,
    )


def page_count(deck: Deck, cards: Sequence[Card], options: ExportOptions) -> int:
    """How many pages ``paint_deck`` would paint. Lays the text out (without painting) for
    the handout and the outline; arithmetic for the card sheets."""
    return make_pages(deck, cards, options).plan()


def paint_deck(
    device: QPagedPaintDevice,
    deck: Deck,
    cards: Sequence[Card],
    options: ExportOptions,
    on_page: PageCallback | None = None,
) -> int:
    """Set ``device``'s page layout from ``options`` and paint every page of ``cards``.

    Returns the number of pages. Raises ``ExportCancelled`` when ``on_page`` returns False,
    and ``ExportError`` when the options or the device cannot make the export. The painter
    is ended either way, so the pages painted so far stay on the device (a preview shows
    them); a caller printing to paper calls ``QPrinter.abort()`` to drop a cancelled job.
    """
    return run_steps(paint_steps(device, deck, cards, options), on_page)


def paint_steps(
    device: QPagedPaintDevice, deck: Deck, cards: Sequence[Card], options: ExportOptions
) -> PaintSteps:
    """``paint_deck`` one step at a time: (0, 0) for each card laid out, then (page, total)
    for each page painted."""
    pages = make_pages(deck, cards, options)
    planning = pages.planning()
    while True:
        try:
            next(planning)
        except StopIteration as planned:
            total = int(planned.value)
            break
        yield 0, 0
    # A printer may refuse margins below its own; then we draw inside what it gives.
    device.setPageLayout(page_layout(options))
    paint_rect = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("cannot start printing on this device")
    try:
        for page in range(total):
            if page and not device.newPage():
                raise ExportError("the device refused a new page")
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.scale(device.logicalDpiX() / 72, device.logicalDpiY() / 72)
            painter.translate(-paint_rect.left(), -paint_rect.top())
            pages.paint(Canvas(painter), page, total)
            painter.restore()
            yield page + 1, total
    finally:
        painter.end()
    return total
