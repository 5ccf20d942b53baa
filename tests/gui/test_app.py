from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.gui import app as gui_app
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path
from briefing.render.fonts import SANS, SERIF


def test_build_main_window_opens_bundled_deck_without_path(
    qtbot: Any, styled_app: QApplication
) -> None:
    window = gui_app.build_main_window(None)
    qtbot.addWidget(window)
    assert window.deck is not None
    assert window.deck.path == str(bundled_deck_path())
    assert window.windowTitle() == f"{window.deck.title} \u2014 Briefing"
    assert window.position_label.text() == f"Card 1 of {len(window.deck.cards)}"


def test_bundled_fonts_are_registered(styled_app: QApplication) -> None:
    families = QFontDatabase.families()
    assert SANS in families
    assert SERIF in families


def test_stylesheet_is_applied(styled_app: QApplication) -> None:
    assert "#cardHeadline" in styled_app.styleSheet()


def test_run_shows_window_and_returns_exit_code(
    qtbot: Any, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown: list[MainWindow] = []

    def exec_(app: QApplication) -> int:
        # Instead of an event loop: note the windows run() showed, as exec would see them.
        shown.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    assert gui_app.run(None) == 0
    for window in shown:
        qtbot.addWidget(window)
    assert [w.windowTitle().endswith("\u2014 Briefing") for w in shown] == [True]
    assert qapp.applicationName() == "Briefing"
    assert qapp.organizationName() == "Briefing"
    assert "install_excepthook" in sys.excepthook.__qualname__


def test_uncaught_exception_shows_non_modal_message_and_logs_it(
    qtbot: Any, styled_app: QApplication, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    gui_app.install_excepthook(None)
    try:
        raise ValueError("<b>boom</b>")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert len(boxes) == 1
    box = boxes[0]
    qtbot.addWidget(box)
    assert box.isVisible()
    assert not box.isModal()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "ValueError: <b>boom</b>" in box.text()
    assert "Traceback" in capsys.readouterr().err
