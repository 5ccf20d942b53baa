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
SUBCOMMANDS = ("validate",)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            return _validate(args[1:])
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
        epilog="Other commands: 'briefing validate PATH...' checks decks without a window.",
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
