"""Start-up loads only what the first card needs: no search, export or print machinery."""

from __future__ import annotations

import os
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


def test_a_deck_from_the_cache_starts_without_importing_the_yaml_parser(tmp_path):
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from briefing.gui.app import build_main_window, create_application\n"
        "app = create_application()\n"
        "window = build_main_window(sys.argv[1])\n"
        "assert window.card_count() == 6\n"
        "print('yaml' in sys.modules)\n"
    )
    from briefing.paths import bundled_deck_path

    environment = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", code, str(bundled_deck_path())]
    first = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    again = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    assert first.returncode == 0 and again.returncode == 0, first.stderr + again.stderr
    assert first.stdout.strip() == "True"  # parsed, and cached
    assert again.stdout.strip() == "False"
