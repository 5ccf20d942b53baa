"""Put one deck through everything a user can do with it, in this process, and print
what happened as one JSON line: ``python matrix_driver.py DECK OUT_FOLDER``.

Run by ``test_hostile_matrix.py`` in a subprocess, so that the time and peak memory of
each deck are its own and a hang or a crash fails one case instead of the test run.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import json
import os
import resource
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_cli(argv: list[str]) -> dict[str, Any]:
    from briefing import cli

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(argv)
    return {
        "seconds": time.perf_counter() - start,
        "status": status,
        "output": out.getvalue()[-4000:] + err.getvalue()[-4000:],
    }


def run_window(deck: str) -> dict[str, Any]:
    """Open the deck in the window, then turn over every card and search it."""
    from PySide6.QtWidgets import QApplication

    from briefing.gui.app import build_main_window, create_application
    from briefing.gui.card.card_view import CardView

    errors: list[str] = []
    sys.excepthook = lambda kind, error, tb: errors.append(
        "".join(traceback.format_exception(kind, error, tb))
    )
    CardView.flip_duration_ms = 0
    start = time.perf_counter()
    create_application()
    window = build_main_window(deck)
    window.show()
    QApplication.processEvents()
    cards = window.card_count()
    for index in range(cards):
        window.go_to(index)
        window.flip_card()
        QApplication.processEvents()
    window.search_session.search.start_indexing()
    window.search_session.field.setText("shells")
    deadline = time.perf_counter() + 60
    while window.search_session.search.is_indexing() and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()
    window.close()
    return {
        "seconds": time.perf_counter() - start,
        "status": 0 if not errors else 3,
        "cards": cards,
        "refused": window.deck is None,
        "output": "\n".join(errors)[-4000:],
    }


def guarded(phase: Callable[[Any], dict[str, Any]], argument: Any) -> dict[str, Any]:
    """The phase's report; an exception escaping it (a bug the user would meet as a
    crash) is reported with its traceback."""
    start = time.perf_counter()
    try:
        return phase(argument)
    except BaseException:
        return {
            "seconds": time.perf_counter() - start,
            "status": 3,
            "output": traceback.format_exc()[-4000:],
        }


def peak_mb() -> float:
    """This process's own peak memory. Linux carries ``ru_maxrss`` across exec, so it
    reports the test runner's size when that was larger; VmHWM is this program's alone."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    deck, out = sys.argv[1], Path(sys.argv[2])
    # A bomb that gets past every bound fails this case, not the machine.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    faulthandler.dump_traceback_later(100, exit=True)  # where it hung, for the report
    # The window first: a headless export makes a QGuiApplication, after which no
    # QApplication can be made in this process, while an export can use the window's.
    report = {
        "window": guarded(run_window, deck),
        "validate": guarded(run_cli, ["validate", deck]),
        "search": guarded(run_cli, ["search", deck, "shells"]),
        "export": guarded(run_cli, ["export", deck, "-o", str(out / "out.pdf")]),
        "peak_mb": peak_mb(),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
