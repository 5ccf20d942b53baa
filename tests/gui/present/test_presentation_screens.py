"""Which screen each window goes to: with two screens the audience gets the one the main
window is not on, and S swaps them; with one, the audience takes it.

Qt picks its platform (and so its screens) when the application starts, so the two-screen
case runs in a fresh Python with the offscreen platform set up with two screens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from briefing.gui.window.main_window import MainWindow

SCREENS = {
    "screens": [
        {
            "name": "laptop",
            "x": 0,
            "y": 0,
            "width": 1280,
            "height": 800,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
        {
            "name": "projector",
            "x": 1280,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
    ]
}

TWO_SCREENS = """
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from briefing.gui.present import presentation
from briefing.gui.app import build_main_window, create_application

presentation.inhibit_screen_sleep = lambda reason: lambda: None
app = create_application()
assert [s.name() for s in QGuiApplication.screens()] == ["laptop", "projector"]
window = build_main_window(None)
window.show()
app.processEvents()
assert window.screen().name() == "laptop", window.screen().name()
shown = window.start_presentation()
app.processEvents()
audience, presenter = shown.audience, shown.presenter
assert audience is not None and presenter is not None, "F5 opens both with two screens"
assert audience.screen().name() == "projector", audience.screen().name()
assert audience.isFullScreen()
assert audience.geometry() == QGuiApplication.screens()[1].geometry(), audience.geometry()
assert presenter.screen().name() == "laptop", presenter.screen().name()
assert presenter.swap_button.isEnabled()
QTest.keyClick(presenter, Qt.Key.Key_S)
app.processEvents()
assert audience.screen().name() == "laptop", audience.screen().name()
assert audience.geometry() == QGuiApplication.screens()[0].geometry(), audience.geometry()
assert presenter.screen().name() == "projector", presenter.screen().name()
QTest.keyClick(audience, Qt.Key.Key_S)
app.processEvents()
assert audience.screen().name() == "projector"
assert presenter.screen().name() == "laptop"
QTest.keyClick(audience, Qt.Key.Key_Escape)
app.processEvents()
assert not shown.is_running()
print("ok")
"""


def test_two_screens_audience_on_the_projector_and_s_swaps(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # settings away from the developer's own
    done = subprocess.run(
        [sys.executable, "-c", TWO_SCREENS], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_one_screen_audience_takes_it_and_s_does_nothing(
    window: MainWindow, qtbot: Any, monkeypatch: Any
) -> None:
    from briefing.gui.present import presentation

    monkeypatch.setattr(presentation, "inhibit_screen_sleep", lambda reason: lambda: None)
    shown = window.start_presentation()
    assert shown is not None and shown.audience is not None
    qtbot.addWidget(shown.audience)
    assert shown.presenter is None
    assert shown.projector_screen() is None
    assert shown.audience.screen() is window.screen()
    assert shown.audience.isFullScreen()
    qtbot.keyClick(shown.audience, "s")
    assert not shown.swapped
    assert shown.audience.screen() is window.screen()
