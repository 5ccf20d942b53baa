"""Start-up loads only what the first card needs, and builds the rest of the window after
that card is painted; search, export and print machinery wait until they are used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Never at start-up: loaded when the user first searches, prints or exports.
LATE_MODULES = (
    "numpy",
    "briefing.core.search.index",
    "briefing.export.document",
    "briefing.export.pdf",
    "PySide6.QtPrintSupport",
)
# Not before the first card is painted: the rest of the window, the YAML parser (the deck
# comes from the cache), hashlib (OpenSSL) and dataclasses (a few milliseconds each, for
# nothing the card needs), and what serves later starts of the session (QtNetwork): until
# then they wait in the socket's backlog.
AFTER_FIRST_CARD = (
    "yaml",
    "hashlib",
    "dataclasses",
    "briefing.core.loader",
    "briefing.gui.search.card_search",
    "briefing.gui.window.starring",
    "briefing.gui.window.window_actions",
    "briefing.gui.window.deck_loading",
    "briefing.gui.window.zoom_control",
    "briefing.gui.window.appearance",
    "briefing.gui.window.recent_decks",
    "briefing.gui.window.help_menu",
    "briefing.gui.window.reading_place",
    "briefing.gui.window.accessible_names",
    "briefing.gui.card.focus_ring",
    "briefing.gui.widgets.icons",
    "briefing.gui.overview.overview_view",
    "briefing.gui.search.search_field",
    "briefing.gui.search.search_session",
    "briefing.gui.present.presentation",
    "briefing.gui.printing.print_control",
    "briefing.gui.card.back",
    "PySide6.QtNetwork",
    "briefing.gui.instance_server",
)

# Starts the app as `briefing` does, and prints which of the modules named in argv were
# imported when the window first painted, and when it was complete.
_START = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import briefing.gui.app as start

watched = sys.argv[1].split(",")
build = start.build_main_window

def loaded():
    return ",".join(m for m in watched if m in sys.modules) or "-"

class FirstPaint(QObject):
    def eventFilter(self, window, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            print("painted", window.is_complete(), window.card_view.isVisible(), loaded())
        return False

first_paint = FirstPaint()

def watched_build(path, **options):
    window = build(path, **options)
    window.installEventFilter(first_paint)
    def completed():
        print("complete", window.card_count(), loaded(), flush=True)
        QTimer.singleShot(0, QApplication.instance().quit)
    window.completed.connect(lambda: QTimer.singleShot(0, completed))
    return window

start.build_main_window = watched_build
from briefing.cli import main
main([])
"""


def start_twice(tmp_path: Path, watched: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Two starts with settings and a deck cache of their own: the first caches the deck."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
    }
    runs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", _START, ",".join(watched)],
            capture_output=True,
            text=True,
            env=environment,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        runs.append(done.stdout.split("\n"))
    return runs[0], runs[1]


def test_the_first_card_is_painted_before_the_rest_of_the_window_is_built(tmp_path: Path):
    _first, again = start_twice(tmp_path, AFTER_FIRST_CARD)
    painted, complete = again[0].split(), again[1].split()
    assert painted == ["painted", "False", "True", "-"]  # the card, and nothing more loaded
    assert complete[:2] == ["complete", "6"]
    assert "yaml" not in complete[2]  # the deck came from the cache


def test_starting_up_imports_no_search_export_or_print_machinery(tmp_path: Path):
    first, again = start_twice(tmp_path, LATE_MODULES)
    for run in (first, again):
        complete = next(line for line in run if line.startswith("complete"))
        assert complete.split() == ["complete", "6", "-"]


def test_a_deck_not_yet_cached_opens_once_the_window_is_complete(tmp_path: Path):
    first, _again = start_twice(tmp_path, ("yaml",))
    painted, complete = first[0].split(), first[1].split()
    assert painted[:3] == ["painted", "False", "False"]  # a blank stage, not an empty card
    assert complete == ["complete", "6", "yaml"]  # parsed, then cached for next time
