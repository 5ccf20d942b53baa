"""File > Export PDF: options, the file name, progress, cancel, errors, the confirmation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from print_helpers import EngineSpy, job_done
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from briefing.export import document
from briefing.export.options import ExportOptions
from briefing.gui.printing.export_dialog import ExportPdfDialog
from briefing.gui.window.main_window import MainWindow


def open_export(qtbot: Any, window: MainWindow) -> ExportPdfDialog:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        window.card_view,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.printing.export_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The save dialog answers with the path in ``save_as[0]``; the names it suggested are
    appended after it."""
    answers = [""]

    def get_save_file_name(parent: Any, caption: str, suggested: str, filter_: str) -> Any:
        answers.append(suggested)
        return answers[0], filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return answers


def test_ctrl_shift_e_opens_the_options_without_blocking(
    qtbot: Any, window: MainWindow, engine: EngineSpy
) -> None:
    dialog = open_export(qtbot, window)
    assert dialog.isVisible()
    assert dialog.windowModality() != Qt.WindowModality.ApplicationModal
    assert dialog.panel.layout_name() == "handout"
    assert engine.calls == []  # nothing is painted until the user exports


def test_export_writes_the_pdf_and_says_where(
    qtbot: Any, window: MainWindow, engine: EngineSpy, save_as: list[str], tmp_path: Path
) -> None:
    dialog = open_export(qtbot, window)
    save_as[0] = str(tmp_path / "briefing")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    written = tmp_path / "briefing.pdf"  # .pdf added
    assert written.read_bytes().startswith(b"%PDF")
    assert Path(save_as[1]).name == "Test deck.pdf"  # from the deck's title
    assert window.notice.isVisible()
    assert window.notice.kind() == "info"
    pages = document.page_count(window.deck, window.deck.cards, dialog.panel.options())
    assert window.notice.text() == f"Exported {pages} pages to {written}"
    assert window.printing.export_dialog is None
    assert window.notice.info_timer.isActive()  # the message goes by itself
    window.notice.info_timer.timeout.emit()
    assert not window.notice.isVisible()


def test_the_next_export_starts_in_the_folder_of_the_last(
    qtbot: Any, window: MainWindow, engine: EngineSpy, save_as: list[str], tmp_path: Path
) -> None:
    dialog = open_export(qtbot, window)
    save_as[0] = str(tmp_path / "first.pdf")
    with job_done(qtbot, dialog):
        dialog.export_button.click()
    dialog = open_export(qtbot, window)
    save_as[0] = ""
    dialog.export_button.click()
    assert Path(save_as[-1]).parent == tmp_path


def test_closing_the_save_dialog_exports_nothing(
    qtbot: Any, window: MainWindow, engine: EngineSpy, save_as: list[str]
) -> None:
    dialog = open_export(qtbot, window)
    dialog.export_button.click()
    assert engine.calls == []
    assert dialog.isVisible()
    assert not dialog.notice.isVisible()


def test_the_dialog_passes_the_options_chosen(
    qtbot: Any, window: MainWindow, engine: EngineSpy, save_as: list[str], tmp_path: Path
) -> None:
    window.go_to(4)
    dialog = open_export(qtbot, window)
    panel = dialog.panel
    panel.layout_combo.setCurrentIndex(panel.layout_combo.findData("fold"))
    panel.per_page_combo.setCurrentIndex(panel.per_page_combo.findData(3))
    panel.paper_combo.setCurrentIndex(panel.paper_combo.findData("A4"))
    panel.scope_buttons["card"].click()
    save_as[0] = str(tmp_path / "fold.pdf")
    with job_done(qtbot, dialog):
        dialog.export_button.click()
    assert engine.calls == [(("card-5",), ExportOptions("fold", 3, "A4", False, (0.0, 0.0)))]


def test_progress_names_the_page_and_cancel_leaves_no_file(
    qtbot: Any, window: MainWindow, engine: EngineSpy, save_as: list[str], tmp_path: Path
) -> None:
    dialog = open_export(qtbot, window)
    seen: list[str] = []

    def at_page(page: int) -> None:  # page painted, the window not yet told
        seen.append(dialog.notice.text())
        if page == 3:
            # A click that arrives while the export runs, as the user's would.
            QTimer.singleShot(0, dialog.notice.cancel_button.click)

    engine.after_page = at_page
    save_as[0] = str(tmp_path / "cancelled.pdf")
    with job_done(qtbot, dialog):
        dialog.export_button.click()
    total = document.page_count(window.deck, window.deck.cards, dialog.panel.options())
    assert total > 3
    assert seen == [
        "Exporting\u2026",
        f"Exporting page 1 of {total}",
        f"Exporting page 2 of {total}",
    ]
    assert dialog.notice.cancel_button.isVisible() is False
    assert dialog.notice.text() == "Export cancelled; nothing was written."
    assert list(tmp_path.iterdir()) == []
    assert dialog.isVisible()

    engine.after_page = None
    with job_done(qtbot, dialog):
        dialog.export_button.click()  # still usable
    assert (tmp_path / "cancelled.pdf").exists()


def test_controls_are_off_while_exporting_and_events_are_handled_between_pages(
    qtbot: Any, window: MainWindow, engine: EngineSpy, save_as: list[str], tmp_path: Path
) -> None:
    dialog = open_export(qtbot, window)
    during: list[tuple[bool, bool, bool]] = []
    handled: list[int] = []

    def at_page(page: int) -> None:
        progress = dialog.notice.progress_bar
        during.append(
            (dialog.panel.isEnabled(), dialog.export_button.isEnabled(), progress.isVisible())
        )
        QTimer.singleShot(0, lambda: handled.append(page))

    engine.after_page = at_page
    save_as[0] = str(tmp_path / "x.pdf")
    with job_done(qtbot, dialog):
        dialog.export_button.click()
    assert during and all(state == (False, False, True) for state in during)
    assert handled == list(range(1, len(during) + 1))  # each before the next page


def test_esc_during_an_export_cancels_it_and_keeps_the_dialog(
    qtbot: Any, window: MainWindow, engine: EngineSpy, save_as: list[str], tmp_path: Path
) -> None:
    dialog = open_export(qtbot, window)
    engine.after_page = lambda page: page == 2 and QTimer.singleShot(0, dialog.reject)
    save_as[0] = str(tmp_path / "x.pdf")
    with job_done(qtbot, dialog):
        dialog.export_button.click()
    assert dialog.isVisible()
    assert not (tmp_path / "x.pdf").exists()
    dialog.reject()
    assert not dialog.isVisible()


def test_an_export_error_shows_one_line_and_the_dialog_stays(
    qtbot: Any, window: MainWindow, engine: EngineSpy, save_as: list[str], tmp_path: Path
) -> None:
    dialog = open_export(qtbot, window)
    save_as[0] = str(tmp_path / "missing" / "folder" / "x.pdf")
    with job_done(qtbot, dialog):
        dialog.export_button.click()
    assert dialog.isVisible()
    assert dialog.notice.kind() == "error"
    assert dialog.notice.text().startswith("Couldn't export: cannot write ")
    assert dialog.notice.text().endswith("does not exist")
    assert "\n" not in dialog.notice.text()
    assert dialog.export_button.isEnabled()
    assert not window.notice.isVisible()


def test_the_options_last_used_come_back_and_survive_a_bad_setting(
    qtbot: Any, window: MainWindow, new_window: Any, engine: EngineSpy
) -> None:
    from briefing.gui.settings import app_settings

    dialog = open_export(qtbot, window)
    dialog.panel.layout_combo.setCurrentIndex(dialog.panel.layout_combo.findData("cards"))
    dialog.panel.offset_x.setValue(2.5)
    dialog.reject()
    again = open_export(qtbot, window)
    assert again.panel.remembered().offset_mm == (2.5, 0.0)
    again.reject()

    app_settings().setValue("export/layout", "poster")
    app_settings().setValue("export/offset_x_mm", "far")
    fresh = new_window()
    assert fresh.printing.export_options().layout == "handout"
    assert fresh.printing.export_options().offset_mm == (0.0, 0.0)
