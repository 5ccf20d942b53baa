"""Briefing as the desktop sees it: its window class and desktop entry name whichever way it
is started, its icon on every window and in About, one window per session for real, and a
deck named on the command line that cannot be opened is reported on the terminal too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from briefing.gui import app as gui_app
from briefing.gui.widgets.icons import app_icon
from briefing.gui.window.about_dialog import AboutDialog
from briefing.gui.window.main_window import MainWindow

# Starts the app as `python3 -m briefing ARGS` does, prints what the desktop sees once the
# first card is painted, then the title of every deck shown; quits after `quit_after` decks.
_START = """
import runpy, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import briefing.gui.app as start

quit_after = int(sys.argv[1])
serve = start._after_first_card

def after_first_card(window, listener):
    serve(window, listener)
    app = QApplication.instance()
    icon = not app.windowIcon().isNull() and not window.windowIcon().isNull()
    print("desktop", app.arguments()[0], app.desktopFileName(), icon, flush=True)
    shown = []
    def on_deck(deck):
        shown.append(deck.title)
        print("deck", deck.title, flush=True)
        if len(shown) >= quit_after:
            QTimer.singleShot(0, app.quit)
    window.deck_changed.connect(on_deck)
    if window.deck is not None:
        on_deck(window.deck)
    QTimer.singleShot(20_000, app.quit)  # never outlive the test

start._after_first_card = after_first_card
sys.argv = ["-m", *sys.argv[2:]]
runpy.run_module("briefing", run_name="__main__", alter_sys=True)
"""


def start_app(quit_after: int, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _START, str(quit_after), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_python_m_briefing_has_the_briefing_window_class_icon_and_desktop_entry(
    deck_folder: Path,
) -> None:
    first = start_app(2, str(deck_folder))
    assert first.stdout is not None
    assert first.stdout.readline().split() == ["desktop", "briefing", "briefing", "True"]
    assert first.stdout.readline().split() == ["deck", "Good", "deck"]
    # A second start, as a user types it: the running window shows its deck, and it ends.
    second = subprocess.run(
        [sys.executable, "-m", "briefing", "cards"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (second.returncode, second.stderr) == (0, "")
    out, err = first.communicate(timeout=60)
    assert out.split("\n")[0].startswith("deck Russia")  # the bundled deck, in the first window
    assert first.returncode == 0, err
    assert not list(Path(os.environ["XDG_RUNTIME_DIR"]).glob("*.sock"))  # gone with it


def test_a_deck_on_the_command_line_that_cannot_be_opened_is_reported_on_the_terminal(
    qtbot: Any,
    styled_app: QApplication,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown: list[MainWindow] = []

    def exec_(app: QApplication) -> int:
        # Instead of an event loop: the window run() showed, completed as its first paint would.
        shown.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        for window in shown:
            window.complete()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    previous_icon = styled_app.windowIcon()
    missing = tmp_path / "missing.yaml"
    try:
        assert gui_app.run(str(missing)) == 0
    finally:
        styled_app.setWindowIcon(previous_icon)
    for window in shown:
        qtbot.addWidget(window)
    [window] = shown
    assert window.error_panel.isVisibleTo(window)  # the window shows it
    err = capsys.readouterr().err
    assert err.startswith(f"{missing}:1:1: ") and "no such file" in err
    window.open_deck(str(missing))  # later failures are the window's alone
    assert capsys.readouterr().err == ""


def test_a_folder_that_is_not_a_deck_is_reported_on_the_terminal(
    qtbot: Any, styled_app: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = gui_app.build_main_window(str(tmp_path), staged=True)
    qtbot.addWidget(window)
    gui_app.report_start_problems(window)
    window.complete()
    assert "deck.yaml" in capsys.readouterr().err


def same_picture(first: QImage, second: QImage) -> bool:
    return first.convertToFormat(QImage.Format.Format_ARGB32) == second.convertToFormat(
        QImage.Format.Format_ARGB32
    )


def test_the_presentation_windows_and_about_show_the_app_icon(
    qtbot: Any, window: MainWindow, qapp: QApplication
) -> None:
    previous = qapp.windowIcon()
    gui_app._after_first_card(window, None)
    try:
        expected = app_icon().pixmap(QSize(32, 32)).toImage()
        assert same_picture(window.windowIcon().pixmap(QSize(32, 32)).toImage(), expected)
        for presenter in (False, True):  # one screen: the audience's window, or the presenter's
            presentation = window.start_presentation(presenter=presenter)
            assert presentation is not None
            shown = presentation.presenter if presenter else presentation.audience
            assert shown is not None
            assert same_picture(shown.windowIcon().pixmap(QSize(32, 32)).toImage(), expected)
            presentation.end()
        about = AboutDialog(window)
        qtbot.addWidget(about)
        assert same_picture(about.icon.pixmap().toImage(), app_icon().pixmap(64).toImage())
    finally:
        qapp.setWindowIcon(previous)


def test_the_icon_reads_at_every_size_a_desktop_asks_for() -> None:
    for side in (16, 32, 64, 256):
        picture = app_icon().pixmap(QSize(side, side)).toImage()
        assert (picture.width(), picture.height()) == (side, side)
        opaque = sum(
            picture.pixelColor(x, y).alpha() > 128 for x in range(side) for y in range(side)
        )
        assert opaque > side * side // 3  # drawn, and fills the square
