"""Start-up: process start to the first card painted, against a bare PySide6 window.

Run: python tests/benchmarks/bench_startup.py [RUNS]
Each run is a fresh interpreter. The baseline shows one QLabel; the app runs the
`briefing` command's entry point with no deck named, which opens the bundled deck.
Runs alternate and medians are compared. Briefing paints its card first and builds
the rest of its window after; both times are reported. A third child, for scale, shows
one line of text in the bundled fonts under a stylesheet: the least a styled card costs.
Peak memory is the process's maximum RSS once it is ready (Briefing's window complete).
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_SANDBOX = Path(tempfile.mkdtemp(prefix="briefing-startup-"))
_FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"

# Both children end the same way: they print the wall-clock time at which their first paint
# was done, the time they were ready (the bare window: the same; Briefing: its window
# complete) and their peak RSS then, and quit. A paint is done when the event that painted
# it has returned (a 0 ms timer posted from it fires after). Briefing's window finishes
# building on such a timer too, but posted after this one: its own filter is older.
_REPORT = """
import resource, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class Report(QObject):
    painted_at = 0.0
    is_ready = False
    card_first = True  # whether the first paint shows the card
    seen = None  # the widget whose first paint counts

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.painted_at and not self.seen:
            self.seen = watched
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self):
        self.painted_at = time.time()
        if self.is_ready:
            self.report()

    def ready(self):
        self.is_ready = True
        if self.painted_at:
            QTimer.singleShot(0, self.report)  # after the work now under way

    def report(self):
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(self.painted_at, time.time(), rss, int(self.card_first), flush=True)
        QApplication.instance().quit()
"""

BARE = (
    _REPORT
    + """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Briefing")
label.resize(1280, 800)  # the size Briefing opens at, so both paint as much
report = Report()
label.installEventFilter(report)
label.show()
report.ready()
app.exec()
"""
)

# For scale, not a target: the least a styled card needs. One line of text in the bundled
# fonts, under a stylesheet, in a main window, painted through a QTextDocument as the card
# paints its text, with Qt's enums used from Python as any real window uses them.
STYLED_LINE = (
    _REPORT
    + f"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPainter, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

class Line(QLabel):
    def paintEvent(self, event):
        painter = QPainter(self)
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setTextWidth(self.width())
        document.setPlainText(self.text())
        document.drawContents(painter)

app = QApplication(sys.argv[:1])
for name in ("Inter-Regular.otf", "Inter-SemiBold.otf", "Inter-Bold.otf", "NotoSerif-Regular.ttf"):
    QFontDatabase.addApplicationFont({str(_FONTS)!r} + "/" + name)
app.setStyleSheet("QLabel#line {{ font-family: 'Noto Serif'; font-size: 32px; }}")
window = QMainWindow()
central = QWidget()
column = QVBoxLayout(central)
line = Line("Since invading Ukraine in 2022, Russia has drawn closer to North Korea.")
line.setObjectName("line")
line.setTextFormat(Qt.TextFormat.PlainText)
line.setAlignment(Qt.AlignmentFlag.AlignCenter)
column.addWidget(line)
window.setCentralWidget(central)
window.resize(1280, 800)
report = Report()
window.installEventFilter(report)
window.show()
report.ready()
app.exec()
"""
)

# As a user starts it: the `briefing` command's own entry point, with no deck named. The
# deck comes from the cache (the warm-up run filled it), so the first paint shows the card.
APP = (
    _REPORT
    + """
import briefing.gui.app as start
report = Report()
build = start.build_main_window

def watched_build(path, **options):
    window = build(path, **options)
    report.card_first = window.card_view.isVisibleTo(window)
    window.installEventFilter(report)
    if window.is_complete():
        report.ready()
    else:
        window.completed.connect(report.ready)
    return window

start.build_main_window = watched_build
from briefing.cli import main
main([])
"""
)


def first_paint(code: str) -> tuple[float, float, float]:
    """Seconds from starting a Python process to its first paint and to being ready, and its
    peak RSS (MB) when ready."""
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # As users run it: with compiled bytecode cached (a development shell may turn it off).
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    # Settings and the deck cache of their own, so a deck the developer left open is not
    # what starts (the warm-up run fills the cache, as any earlier start would).
    environment["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
    environment["BRIEFING_CACHE_DIR"] = str(_SANDBOX / "cache")
    # And a runtime folder of their own: a Briefing the developer has open is not asked to
    # show the deck instead (one window per session).
    (_SANDBOX / "runtime").mkdir(mode=0o700, exist_ok=True)
    environment["XDG_RUNTIME_DIR"] = str(_SANDBOX / "runtime")
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    ).stdout.split()
    painted, ready, rss, card_first = (float(value) for value in out[:4])
    if not card_first:
        raise RuntimeError("the window's first paint did not show the card")
    return painted - start, ready - start, rss


def main(runs: int) -> dict[str, float]:
    first_paint(BARE)  # warm up: bytecode written, files in the page cache, the deck cached
    with contextlib.suppress(RuntimeError):
        first_paint(APP)
    bare, styled, app = [], [], []
    for _ in range(runs):
        bare.append(first_paint(BARE))
        styled.append(first_paint(STYLED_LINE))
        app.append(first_paint(APP))
    bare_s, _, bare_mb = (statistics.median(run[i] for run in bare) for i in range(3))
    styled_s = statistics.median(run[0] for run in styled)
    app_s, app_ready_s, app_mb = (statistics.median(run[i] for run in app) for i in range(3))
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"start-up, median of {runs} alternating runs (platform {platform})")
    print(f"bare PySide6 window:     {bare_s * 1000:6.0f} ms  {bare_mb:5.0f} MB")
    scale = f"({styled_s / bare_s:.2f} x, for scale)"
    print(f"one styled line of text: {styled_s * 1000:6.0f} ms  {scale}")
    print(f"Briefing first card:     {app_s * 1000:6.0f} ms")
    print(f"Briefing window complete:{app_ready_s * 1000:6.0f} ms  {app_mb:5.0f} MB")
    print(f"ratio, first card:       {app_s / bare_s:6.2f} x    {app_mb / bare_mb:5.2f} x")
    print(f"ratio, window complete:  {app_ready_s / bare_s:6.2f} x")
    return {
        "bare_s": bare_s,
        "styled_s": styled_s,
        "app_s": app_s,
        "app_ready_s": app_ready_s,
        "bare_mb": bare_mb,
        "app_mb": app_mb,
    }


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
