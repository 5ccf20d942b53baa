"""What the print preview and File > Export PDF share: stopping a PDF being written, whether
the reader presses Esc or closes the window, leaves no file behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from print_helpers import EngineSpy
from PySide6.QtCore import QTimer

from briefing.gui.export_window import ExportWindowBase
from briefing.gui.qt_main_window import MainWindow

OPENERS = ("open_print_preview", "open_export_dialog")


def open_writing(
    qtbot: Any, window: MainWindow, opener: str, tmp_path: Path
) -> tuple[ExportWindowBase, Path]:
    dialog = getattr(window, opener)()
    assert isinstance(dialog, ExportWindowBase)
    qtbot.waitExposed(dialog)
    target = tmp_path / "deck.pdf"
    dialog.ask_path = lambda _parent, _suggested: str(target)
    return dialog, target


@pytest.mark.parametrize("opener", OPENERS)
def test_closing_the_window_while_it_writes_cancels_and_then_closes(
    qtbot: Any, window: MainWindow, engine: EngineSpy, tmp_path: Path, opener: str
) -> None:
    dialog, target = open_writing(qtbot, window, opener, tmp_path)
    engine.after_page = lambda page: page == 2 and QTimer.singleShot(0, dialog.close)
    dialog.on_export_requested()
    assert not target.exists()
    assert not dialog.isVisible()  # closed once the job had stopped, not before


@pytest.mark.parametrize("opener", OPENERS)
def test_esc_while_it_writes_cancels_and_keeps_the_window(
    qtbot: Any, window: MainWindow, engine: EngineSpy, tmp_path: Path, opener: str
) -> None:
    dialog, target = open_writing(qtbot, window, opener, tmp_path)
    engine.after_page = lambda page: page == 2 and QTimer.singleShot(0, dialog.reject)
    dialog.on_export_requested()
    assert not target.exists()
    assert dialog.isVisible()
    assert dialog.notice.text() == "Export cancelled; nothing was written."
    assert dialog.export_button.isEnabled()  # ready to try again
