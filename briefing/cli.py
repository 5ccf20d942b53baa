"""The ``briefing`` command: open the app, or check decks without a window.

Only the Qt-free core is imported here; the GUI is imported when it is started,
so ``briefing validate`` starts fast and runs where Qt cannot.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from briefing import __version__

USAGE_ERROR = 2
SUBCOMMANDS = ("validate", "search")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "validate":
            return _validate(args[1:])
        if args and args[0] == "search":
            return _search(args[1:])
        return _open_app(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `briefing validate ... | head`
        return 0
    except Exception as e:  # a bug of ours: one clear line, not a traceback
        print(f"briefing: internal error: {e!r}; please report it", file=sys.stderr)
        return 3


def _open_app(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read a briefing deck as flip cards. Without PATH, opens the bundled deck.",
        epilog="Other commands: 'briefing validate PATH...' checks decks without a window; "
        "'briefing search DECK QUERY' prints the matching cards.",
    )
    parser.add_argument("path", nargs="?", help="a deck folder (with deck.yaml) or a deck file")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    options = parser.parse_args(args)

    try:
        from briefing.gui.app import run
    except ImportError as e:  # Qt missing or its system libraries absent
        print(f"briefing: cannot start the window: {e}", file=sys.stderr)
        print("('briefing validate' works without Qt.)", file=sys.stderr)
        return 1
    return run(options.path)


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
            print(f"{path}: ok, {count} card{'s' if count != 1 else ''}")
    return status


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
    from briefing.core.search import SearchIndex

    try:
        deck = load_deck(options.deck)
    except DeckError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        return USAGE_ERROR
    hits = SearchIndex(deck).search(" ".join(options.query))
    for index in hits:
        card = deck.cards[index]
        print(f"{card.id}\t{_one_line(card.title)}")
    return 0 if hits else 1


def _one_line(text: str) -> str:
    return " ".join(text.split())
