"""Start-up loads only what the first card needs: no search, export or print machinery."""

from __future__ import annotations

import subprocess
import sys

LATE_MODULES = (
    "numpy",
    "briefing.core.search",
    "briefing.export.document",
    "briefing.export.pdf",
    "PySide6.QtPrintSupport",
)


def test_showing_the_first_card_imports_no_search_export_or_print_machinery():
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from briefing.gui.app import build_main_window, create_application\n"
        "app = create_application()\n"
        "window = build_main_window(None)\n"
        "window.show()\n"
        "for _ in range(5):\n"
        "    app.processEvents()\n"
        "assert window.card_count() == 6\n"
        f"print(','.join(m for m in {LATE_MODULES!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
