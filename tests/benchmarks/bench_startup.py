"""Start-up: process start to the first card painted, against a bare PySide6 window.

Run: python tests/benchmarks/bench_startup.py [RUNS]
Each run is a fresh interpreter. The baseline shows one QLabel; the app opens the
bundled deck as `briefing` does. Runs alternate and medians are compared. Peak
memory is the process's maximum RSS when its first paint is done.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_SANDBOX = Path(tempfile.mkdtemp(prefix="briefing-startup-"))

# Both children end the same way: after their first paint, print the wall-clock
# time and peak RSS, and quit.
_REPORT = """
import resource, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(time.time(), rss, flush=True)
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
watcher = FirstPaint()
label.installEventFilter(watcher)
label.show()
app.exec()
"""
)

APP = (
    _REPORT
    + """
from briefing.gui.app import build_main_window, create_application
app = create_application()
window = build_main_window(None)
watcher = FirstPaint()
window.card_view.installEventFilter(watcher)
window.show()
app.exec()
"""
)


def first_paint(code: str) -> tuple[float, float]:
    """Seconds from starting a Python process to its first paint, and its peak RSS (MB)."""
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # As users run it: with compiled bytecode cached (a development shell may turn it off).
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    # Settings and the deck cache of their own, so a deck the developer left open is not
    # what starts (the warm-up run fills the cache, as any earlier start would).
    environment["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
    environment["BRIEFING_CACHE_DIR"] = str(_SANDBOX / "cache")
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    ).stdout.split()
    return float(out[0]) - start, float(out[1])


def main(runs: int) -> dict[str, float]:
    first_paint(BARE), first_paint(APP)  # warm up: bytecode written, files in the page cache
    bare, app = [], []
    for _ in range(runs):
        bare.append(first_paint(BARE))
        app.append(first_paint(APP))
    bare_s = statistics.median(t for t, _ in bare)
    app_s = statistics.median(t for t, _ in app)
    bare_mb = statistics.median(m for _, m in bare)
    app_mb = statistics.median(m for _, m in app)
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"start-up, median of {runs} alternating runs (platform {platform})")
    print(f"bare PySide6 window: {bare_s * 1000:6.0f} ms  {bare_mb:5.0f} MB")
    print(f"Briefing first card: {app_s * 1000:6.0f} ms  {app_mb:5.0f} MB")
    print(f"ratio:               {app_s / bare_s:6.2f} x    {app_mb / bare_mb:5.2f} x")
    return {"bare_s": bare_s, "app_s": app_s, "bare_mb": bare_mb, "app_mb": app_mb}


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
