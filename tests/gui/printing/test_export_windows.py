"""What the print preview and File > Export PDF share: stopping a PDF being written, whether
the reader presses Esc or closes the window, leaves no file behind."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from print_helpers import EngineSpy, job_done
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefing.gui.printing.export_window import ExportWindowBase
from briefing.gui.window.main_window import MainWindow

OPENERS = ("open_print_preview", "open_export_dialog")


def open_writing(
    qtbot: Any, window: MainWindow, opener: str, tmp_path: Path
) -> tuple[ExportWindowBase, Path]:
    dialog = getattr(window.printing, opener)()
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
    with job_done(qtbot, dialog):
        dialog.on_export_requested()
    assert not target.exists()
    assert not dialog.isVisible()  # closed once the job had stopped, not before


@pytest.mark.parametrize("opener", OPENERS)
def test_esc_while_it_writes_cancels_and_keeps_the_window(
    qtbot: Any, window: MainWindow, engine: EngineSpy, tmp_path: Path, opener: str
) -> None:
    dialog, target = open_writing(qtbot, window, opener, tmp_path)
    engine.after_page = lambda page: page == 2 and QTimer.singleShot(0, dialog.reject)
    with job_done(qtbot, dialog):
        dialog.on_export_requested()
    assert not target.exists()
    assert dialog.isVisible()
    assert dialog.notice.text() == "Export cancelled; nothing was written."
    assert dialog.export_button.isEnabled()  # ready to try again


@pytest.mark.parametrize("opener", OPENERS)
def test_a_pdf_being_written_leaves_the_window_to_its_event_loop_and_cancels_cleanly(
    qtbot: Any,
    window: MainWindow,
    engine: EngineSpy,
    tmp_path: Path,
    opener: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog, target = open_writing(qtbot, window, opener, tmp_path)

    nested: list[str] = []  # the app's own calls; pytest-qt makes some of its own
    process_events = QApplication.processEvents

    def noting_nested_loops(*args: Any) -> None:
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__", "").startswith("briefing."):
                nested.append(frame.f_globals["__name__"])
            frame = frame.f_back
        process_events(*args)

    monkeypatch.setattr(QApplication, "processEvents", staticmethod(noting_nested_loops))
    handled_while_writing: list[bool] = []

    def at_page(page: int) -> None:
        if page == 1:  # a repaint or a click, queued as the user's would be
            QTimer.singleShot(0, lambda: handled_while_writing.append(dialog.job.is_running()))
        if page == 3:
            QTimer.singleShot(0, dialog.notice.cancel_button.click)

    engine.after_page = at_page
    with job_done(qtbot, dialog):
        dialog.on_export_requested()
        assert dialog.job.is_running()  # the click returned at once; the pages come later
    assert handled_while_writing == [True]
    assert nested == []
    assert dialog.notice.text() == "Export cancelled; nothing was written."
    assert list(tmp_path.iterdir()) == []
    assert not target.exists()
