"""The ``briefing`` command: open the app, or check decks without a window.

Only the Qt-free core is imported here; the GUI is imported when it is started,
so ``briefing validate`` starts fast and runs where Qt cannot.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from briefing import __version__

if TYPE_CHECKING:
    from briefing.core.model import Deck

USAGE_ERROR = 2
SUBCOMMANDS = ("validate", "search", "export")
_fonts_app: object = None  # the application fonts are asked through, kept while it runs


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "validate":
            return _validate(args[1:])
        if args and args[0] == "search":
            return _search(args[1:])
        if args and args[0] == "export":
            return _export(args[1:])
        return _open_app(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `briefing validate ... | head`
        return 0
    except Exception as e:  # a bug of ours: one clear line, not a traceback
        print(f"briefing: internal error: {e!r}; please report it", file=sys.stderr)
        return 3


def _open_app(args: list[str]) -> int:
    # Plain `briefing`, the usual start, needs no parser: building one and reading its
    # messages' translations is a measurable part of start-up.
    options = _app_parser().parse_args(args) if args else None
    path = options.path if options else None
    if options and (options.install_desktop or options.uninstall_desktop):
        from briefing import desktop

        return desktop.install() if options.install_desktop else desktop.uninstall()

    from briefing import instance

    # One window per session: a deck for the running window goes there, and this start ends.
    if not (options and options.new_window) and instance.hand_off(path):
        if path and not os.path.lexists(path):  # the running window shows it; say it here too
            from briefing.core.errors import shown_name

            print(f"briefing: {shown_name(path)}: no such file or folder", file=sys.stderr)
        return 0
    try:
        from briefing.gui.app import run
    except ImportError as e:  # Qt missing or its system libraries absent
        print(f"briefing: cannot start the window: {e}", file=sys.stderr)
        print("('briefing validate' works without Qt.)", file=sys.stderr)
        return 1
    return run(path, instance.listen())


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read a briefing deck as flip cards. Without PATH, opens the deck you "
        "had open last (the bundled deck at first). "
        "While Briefing is running, PATH opens in its window.",
        epilog="Other commands: 'briefing validate PATH...' checks decks without a window; "
        "'briefing search DECK QUERY' prints the matching cards; "
        "'briefing export DECK -o OUT.pdf' prints a deck to PDF (or one card to PNG).",
    )
    parser.add_argument("path", nargs="?", help="a deck folder (with deck.yaml) or a deck file")
    parser.add_argument(
        "--new-window",
        action="store_true",
        help="open another window, even if Briefing is running",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="add Briefing to your desktop's menu, its icon and the deck file type "
        "(in $XDG_DATA_HOME, else ~/.local/share)",
    )
    desktop.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="remove what --install-desktop wrote",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def _validate(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing validate",
        description="Check decks against the deck format and print every problem as "
        "PATH:LINE:COLUMN: message. Exit status: 0 all valid, 1 a deck has problems, "
        "2 usage error.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="deck folders or deck files")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    options = parser.parse_args(args)

    from briefing.core.errors import shown_name
    from briefing.core.loader import DeckError, load_deck

    status = 0
    for path in options.paths:
        try:
            deck = load_deck(path)
        except DeckError as e:
            status = 1
            for problem in e.problems:
                print(problem)
            continue
        if not options.quiet:
            count = len(deck.cards)
            print(f"{shown_name(path)}: ok, {count} card{'s' if count != 1 else ''}")
        for warning in _font_warnings(deck):
            print(warning)
    return status


def _font_warnings(deck: Deck) -> list[str]:
    """What no installed font can show in ``deck``; Qt is asked only when the deck has
    characters beyond those the bundled fonts always cover (a Latin deck imports no Qt)."""
    from briefing.core.scripts import deck_texts, font_warnings, needs_font_check

    if not any(needs_font_check(text) for _card, text in deck_texts(deck)):
        return []
    try:
        from PySide6.QtGui import QGuiApplication

        from briefing.render.glyph_cover import uncovered
    except ImportError:  # Qt missing or its system libraries absent: no fonts to ask
        return []
    global _fonts_app
    if QGuiApplication.instance() is None:  # asking fonts needs no window nor display
        _fonts_app = QGuiApplication(["briefing", "-platform", "offscreen"])
    return font_warnings(deck, uncovered)


def _search(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing search",
        usage="briefing search [-h] DECK QUERY...",
        description="Print the cards of DECK that match QUERY, best first, one per line as "
        "ID<TAB>TITLE. Exit status: 0 something matched, 1 nothing did, 2 usage error or a "
        "deck with problems (printed on stderr).",
        epilog="Query language: words match word starts anywhere on a card (all must match); "
        '"a phrase"; -word excludes; field:word restricts to title, headline, figure, body, '
        "quote, by, image, notes, tag, source or id. Case and accents are ignored.",
    )
    parser.add_argument("deck", metavar="DECK", help="a deck folder or deck file")
    parser.add_argument(
        "query",
        nargs=argparse.REMAINDER,  # so '-word' (exclude) is part of the query, not an option
        metavar="QUERY",
        help="the query; may be several arguments",
    )
    options = parser.parse_args(args)
    if not options.query:
        parser.error("a QUERY is required")

    from briefing.core.loader import DeckError, load_deck
    from briefing.core.search.matching import scan_search  # one query: no index to build

    try:
        deck = load_deck(options.deck)
    except DeckError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        return USAGE_ERROR
    hits = scan_search(deck, " ".join(options.query))
    for index in hits:
        card = deck.cards[index]
        print(f"{card.id}\t{_one_line(card.title)}")
    return 0 if hits else 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _export(args: list[str]) -> int:
    from briefing.export.options import (
        LAYOUTS,
        PAGE_SIZES,
        ExportOptions,
        Extra,
        OptionsError,
        layouts_taking,
        not_taken,
        takes,
    )

    parser = argparse.ArgumentParser(
        prog="briefing export",
        usage="briefing export [-h] DECK -o OUT.pdf [--layout LAYOUT] [--per-page N] "
        "[--page-size A4|Letter] [--notes] [--offset X,Y] [--query QUERY]\n"
        "       briefing export [-h] DECK -o OUT.png --card ID [--side front|back] [--width PX]",
        description="Print DECK to a PDF file, or one card's face to a PNG image, without a "
        "window. Exit status: 0 written, 1 the deck has problems or the file could not be "
        "written (nothing is left half-written), 2 usage error.",
        epilog="Layouts: handout (1 or 2 cards a page, front above back), cards (2, 4 or 6 "
        "cut-out cards a sheet, backs on the next page for double-sided printing), fold "
        "(1, 2 or 3 cards a sheet, front and back side by side to fold), outline (the whole "
        "deck as one flowing document). A negative offset is written --offset=-1,0.5.",
    )
    parser.add_argument("deck", metavar="DECK", help="a deck folder or deck file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    parser.add_argument("--layout", choices=LAYOUTS, default="handout", help="default: handout")
    parser.add_argument(
        "--per-page", type=int, default=0, metavar="N", help="cards a page or sheet"
    )
    parser.add_argument(
        "--page-size",
        type=_page_size(PAGE_SIZES),
        metavar="A4|Letter",
        help="paper; default: the usual one where you are (from the locale)",
    )
    parser.add_argument(
        "--notes",
        action="store_true",
        help=f"add speaker notes ({' and '.join(layouts_taking('notes'))} layouts)",
    )
    parser.add_argument(
        "--offset",
        type=_offset,
        metavar="X,Y",
        help="move the backs of double-sided cards by X mm right and Y mm down, for a "
        f"printer that shifts the back side ({' and '.join(layouts_taking('offset'))} layout)",
    )
    parser.add_argument("--query", metavar="QUERY", help="only the cards matching this search")
    parser.add_argument("--card", metavar="ID", help="write this card's face as a PNG image")
    parser.add_argument("--side", choices=("front", "back"), default="front")
    parser.add_argument("--width", type=int, default=1600, metavar="PX", help="PNG width")
    options = parser.parse_args(args)

    png = options.output.lower().endswith(".png")
    if options.card is not None and not png:
        parser.error("--card writes a PNG image; name the output something.png")
    if options.card is None and png:
        parser.error("a PNG image holds one card face; add --card ID")
    if options.card is not None and options.query is not None:
        parser.error("choose the cards with --card or --query, not both")
    export_options = ExportOptions(
        layout=options.layout,
        per_page=options.per_page,
        page_size=options.page_size,
        notes=options.notes,
        offset_mm=options.offset or (0.0, 0.0),
    )
    try:
        export_options = export_options.resolved()
    except OptionsError as e:
        parser.error(str(e))
    asked: dict[Extra, bool] = {"notes": options.notes, "offset": options.offset is not None}
    for extra, given in asked.items():  # what this layout would not print: said, not dropped
        if given and not png and not takes(options.layout, extra):
            parser.error(f"argument --{extra}: {not_taken(options.layout, extra)}")

    from briefing.core.errors import shown_name
    from briefing.core.loader import DeckError, load_deck

    try:
        deck = load_deck(options.deck)
    except DeckError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        return 1
    if options.card is not None:
        index = deck.index_of(options.card)
        if index is None:
            ids = [card.id for card in deck.cards]
            print(f"briefing: {_unknown_card(options.card, ids)}", file=sys.stderr)
            return 1
        cards = [deck.cards[index]]
    elif options.query is not None:
        from briefing.core.search.matching import scan_search

        hits = scan_search(deck, options.query)
        if not hits:
            print(f"briefing: no card matches {options.query!r}", file=sys.stderr)
            return 1
        cards = [deck.cards[i] for i in sorted(hits)]  # printed in the deck's order
    else:
        cards = list(deck.cards)

    # Export never opens a window: without a platform chosen, use the offscreen one, so
    # it runs on a server or in CI with no display.
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from PySide6.QtCore import QLoggingCategory
        from PySide6.QtGui import QGuiApplication

        from briefing.export.document import ExportError
        from briefing.export.image import export_card_image, image_size
        from briefing.export.pdf import export_pdf
    except ImportError as e:  # Qt missing or its system libraries absent
        print(f"briefing: cannot export: {e}", file=sys.stderr)
        return 1
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["briefing"])  # lives until the export is done
    # Qt's complaint about each installed font that cannot shape a script, hundreds of
    # lines; the warning below names what shows as boxes instead.
    QLoggingCategory.setFilterRules("qt.text.font.db=false")

    for warning in _font_warnings(deck._replace(cards=tuple(cards))):  # those exported
        print(warning, file=sys.stderr)  # a warning: the export goes on
    try:
        if options.card is not None:
            export_card_image(deck, cards[0], options.side, options.output, options.width)
            width, height = image_size(options.width)
            written = shown_name(options.output)
            print(f"wrote {written}: the {options.side} of {cards[0].id} ({width}x{height})")
            return 0
        pages = export_pdf(deck, cards, export_options, options.output)
    except ExportError as e:
        print(f"briefing: {e}", file=sys.stderr)
        return 1
    layout = export_options.layout
    per_page = f", {export_options.per_page} per page" if export_options.per_page > 1 else ""
    plural = "s" if pages != 1 else ""
    print(
        f"wrote {shown_name(options.output)}: {pages} page{plural} "
        f"({layout}{per_page}, {export_options.page_size})"
    )
    return 0


def _page_size(choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        for choice in choices:
            if choice.lower() == text.lower():
                return choice
        raise argparse.ArgumentTypeError(f"choose {' or '.join(choices)}, not {text!r}")

    return parse


def _offset(text: str) -> tuple[float, float]:
    parts = text.split(",")
    try:
        if len(parts) != 2:
            raise ValueError
        x, y = (float(part) for part in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"write the offset as X,Y in mm, not {text!r}") from None
    return x, y


def _unknown_card(card_id: str, ids: list[str]) -> str:
    import difflib  # only when a card id was mistyped

    close = difflib.get_close_matches(card_id, ids, n=3, cutoff=0.6)
    message = f"no card has the id {card_id!r}"
    if close:
        message += "; did you mean " + " or ".join(repr(c) for c in close) + "?"
    return message
