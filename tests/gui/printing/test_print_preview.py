"""File > Print: the preview window, its options, and printing from it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from print_helpers import EngineSpy, job_done
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from search_helpers import type_query, wait_for_index

from briefing.core.loader import load_deck
from briefing.core.model import Deck
from briefing.export import document
from briefing.export.document import ExportError
from briefing.export.options import PER_PAGE, ExportOptions
from briefing.gui.printing.print_preview import PrintPreviewDialog
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path


@pytest.fixture(scope="module")
def bundled_deck() -> Deck:
    return load_deck(bundled_deck_path())


def open_preview(qtbot: Any, window: MainWindow) -> PrintPreviewDialog:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.card_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = window.printing.print_preview
    assert preview is not None
    qtbot.waitExposed(preview)
    preview.activateWindow()  # as a window manager does; the offscreen platform does not
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    return preview


def expected_pages(window: MainWindow, preview: PrintPreviewDialog) -> int:
    """What the engine makes of the cards and options the preview shows."""
    assert window.deck is not None
    return document.page_count(window.deck, preview.cards(), preview.options())


def choose(combo: Any, data: object) -> None:
    """Pick the item the way a user does, so the combo box's signals fire."""
    combo.setCurrentIndex(combo.findData(data))


def test_ctrl_p_opens_a_preview_of_the_real_pages_without_blocking(
    qtbot: Any, window: MainWindow, engine: EngineSpy
) -> None:
    preview = open_preview(qtbot, window)
    assert isinstance(preview, PrintPreviewDialog)
    assert preview.isVisible()
    assert preview.windowModality() != Qt.WindowModality.ApplicationModal
    assert isinstance(preview.preview, QPrintPreviewWidget)
    pages = expected_pages(window, preview)
    assert pages > 1
    assert preview.page_count() == pages
    assert preview.page_count_label.text() == f"of {pages}"
    assert [ids for ids, _ in engine.calls] == [tuple(f"card-{i}" for i in range(1, 7))]


@pytest.mark.parametrize("window_size", [(800, 600), (1920, 1080)])
def test_the_preview_fits_on_the_screen_whatever_the_window_size(
    qtbot: Any, window: MainWindow, engine: EngineSpy, window_size: tuple[int, int]
) -> None:
    window.resize(*window_size)
    preview = open_preview(qtbot, window)
    room = preview.screen().availableGeometry().size()
    assert preview.width() <= room.width() and preview.height() <= room.height()
    assert preview.width() >= preview.minimumSizeHint().width()


def test_print_and_export_are_in_the_file_menu_with_their_keys(window: MainWindow) -> None:
    first = window.menuBar().actions()[0]
    # the menu that the menu bar's first title opens (QAction.menu() itself loses its
    # menu's wrapper in PySide6 before 6.11.2)
    (file_menu,) = (menu for menu in window.menus.values() if menu.menuAction() is first)
    assert window.print_action in file_menu.actions()
    assert window.export_pdf_action in file_menu.actions()
    assert window.print_action.toolTip() == "Preview and print the cards (Ctrl+P)"
    assert window.export_pdf_action.toolTip() == "Save the cards as a PDF (Ctrl+Shift+E)"


def test_print_is_disabled_without_a_deck(new_window: Any) -> None:
    window = new_window()
    assert not window.print_action.isEnabled()
    assert not window.export_pdf_action.isEnabled()
    assert window.printing.open_print_preview() is None


@pytest.mark.parametrize(
    ("layout", "per_page"),
    [(layout, n) for layout, choices in PER_PAGE.items() for n in choices],
)
def test_the_page_count_follows_layout_and_cards_per_page(
    qtbot: Any, window: MainWindow, engine: EngineSpy, layout: str, per_page: int
) -> None:
    preview = open_preview(qtbot, window)
    choose(preview.panel.layout_combo, layout)
    choose(preview.panel.per_page_combo, per_page)
    assert preview.page_count() == expected_pages(window, preview)
    assert engine.calls[-1][1].layout == layout
    assert engine.calls[-1][1].per_page == per_page


def test_changing_the_paper_renders_again_on_that_paper(
    qtbot: Any, window: MainWindow, engine: EngineSpy
) -> None:
    preview = open_preview(qtbot, window)
    choose(preview.panel.paper_combo, "A4")
    renders = len(engine.calls)
    with qtbot.waitSignal(preview.preview.previewChanged):
        choose(preview.panel.paper_combo, "Letter")
    assert len(engine.calls) == renders + 1
    assert engine.calls[-1][1].page_size == "Letter"
    assert preview.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter


def test_the_panel_passes_notes_and_offset_only_to_layouts_that_use_them(
    qtbot: Any, window: MainWindow, engine: EngineSpy
) -> None:
    preview = open_preview(qtbot, window)
    panel = preview.panel
    choose(panel.layout_combo, "handout")
    panel.notes_check.setChecked(True)
    assert engine.calls[-1][1].notes is True
    choose(panel.layout_combo, "cards")
    assert not panel.notes_check.isEnabled()
    assert panel.offset_x.isEnabled()
    panel.offset_x.setValue(1.5)
    panel.offset_y.setValue(-2.0)
    paper = panel.paper_combo.currentData()
    assert engine.calls[-1][1] == ExportOptions("cards", 4, paper, False, (1.5, -2.0))
    choose(panel.layout_combo, "outline")
    assert not panel.offset_x.isEnabled()
    assert not panel.per_page_combo.isEnabled()
    assert engine.calls[-1][1] == ExportOptions("outline", 1, paper, True, (0.0, 0.0))


def test_cards_matching_the_search_prints_only_those(
    qtbot: Any, window: MainWindow, bundled_deck: Deck, engine: EngineSpy
) -> None:
    window.on_deck_loaded(bundled_deck)
    wait_for_index(qtbot, window)
    type_query(qtbot, window, "stolt")
    window.card_view.setFocus()
    preview = open_preview(qtbot, window)
    search_button = preview.panel.scope_buttons["search"]
    assert search_button.isEnabled()
    assert search_button.text() == "Cards matching the &search (2)"
    search_button.click()
    assert engine.calls[-1][0] == ("weapons", "nato-response")  # in deck order
    assert preview.page_count() == expected_pages(window, preview)


def test_cards_matching_the_search_is_off_without_a_search(
    qtbot: Any, window: MainWindow, engine: EngineSpy
) -> None:
    preview = open_preview(qtbot, window)
    assert not preview.panel.scope_buttons["search"].isEnabled()
    assert preview.panel.scope() == "deck"


def test_the_card_on_screen_prints_alone(qtbot: Any, window: MainWindow, engine: EngineSpy) -> None:
    window.go_to(2)
    preview = open_preview(qtbot, window)
    button = preview.panel.scope_buttons["card"]
    assert button.text() == "The &card on screen (card 3)"
    button.click()
    assert engine.calls[-1][0] == ("card-3",)
    assert preview.page_count() == expected_pages(window, preview)


def test_esc_closes_the_preview(qtbot: Any, window: MainWindow, engine: EngineSpy) -> None:
    preview = open_preview(qtbot, window)
    with qtbot.waitSignal(preview.finished):
        qtbot.keyClick(preview.panel.layout_combo, Qt.Key.Key_Escape)
    assert not preview.isVisible()
    assert window.printing.print_preview is None


def test_page_keys_and_zoom_buttons_move_the_preview(
    qtbot: Any, window: MainWindow, engine: EngineSpy
) -> None:
    preview = open_preview(qtbot, window)
    assert preview.fit_page_action.isChecked()
    assert preview.preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitInView
    qtbot.keyClick(preview.preview, Qt.Key.Key_PageDown)
    assert preview.current_page() == 2
    assert preview.page_spin.value() == 2
    qtbot.keyClick(preview.preview, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert preview.current_page() == 6
    assert not preview.next_page_action.isEnabled()
    preview.page_spin.setValue(3)
    assert preview.current_page() == 3
    qtbot.keyClick(preview.preview, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert preview.preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    assert preview.fit_width_action.isChecked()
    preview.zoom_in_action.trigger()
    assert preview.preview.zoomMode() == QPrintPreviewWidget.ZoomMode.CustomZoom
    assert not preview.fit_width_action.isChecked()


def test_tooltips_name_the_keys(qtbot: Any, window: MainWindow, engine: EngineSpy) -> None:
    preview = open_preview(qtbot, window)
    assert preview.print_button.toolTip() == "Print these pages (Ctrl+P)"
    assert preview.export_button.toolTip() == "Save these pages as a PDF (Ctrl+Shift+E)"
    assert preview.next_page_action.toolTip() == "Next page (PgDown)"
    assert preview.fit_width_action.toolTip() == "Fit the page width (Ctrl+1)"
    assert "Esc" in preview.close_button.toolTip()


class AcceptedPrintDialog(QDialog):
    """Stands in for ``QPrintDialog``: the user picked a printer and pressed Print."""

    def __init__(self, printer: QPrinter, parent: QWidget, output: Path) -> None:
        super().__init__(parent)
        printer.setOutputFileName(str(output))


def test_print_opens_the_print_dialog_then_prints_what_is_previewed(
    qtbot: Any, window: MainWindow, engine: EngineSpy, tmp_path: Path
) -> None:
    output = tmp_path / "printed.pdf"
    preview = open_preview(qtbot, window)
    preview.print_dialog = lambda printer, parent: AcceptedPrintDialog(printer, parent, output)
    preview.panel.scope_buttons["card"].click()
    preview.print_button.click()
    dialog = preview.active_print_dialog
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    with job_done(qtbot, preview):
        dialog.accept()
    assert output.read_bytes().startswith(b"%PDF")
    assert engine.calls[-1][0] == ("card-1",)
    pages = expected_pages(window, preview)
    assert preview.notice.text() == f"Exported {pages} page{'s' * (pages > 1)} to {output}"
    assert window.notice.text() == preview.notice.text()


@pytest.mark.qt_log_ignore("QPainter::begin", "This plugin does not support propagateSizeHints")
def test_a_print_that_fails_says_why_in_one_line(
    qtbot: Any, window: MainWindow, engine: EngineSpy
) -> None:
    preview = open_preview(qtbot, window)
    preview.printer.setOutputFileName("")
    preview.print_dialog = lambda printer, parent: QDialog(parent)
    preview.print_button.click()
    with job_done(qtbot, preview):
        preview.active_print_dialog.accept()
    assert preview.notice.kind() == "error"
    assert preview.notice.text() == "Couldn't print: cannot start printing on this device"
    assert preview.print_button.isEnabled()


def test_export_pdf_from_the_preview(
    qtbot: Any, window: MainWindow, engine: EngineSpy, tmp_path: Path
) -> None:
    preview = open_preview(qtbot, window)
    asked: list[str] = []
    preview.ask_path = lambda parent, suggested: asked.append(suggested) or str(tmp_path / "x.pdf")
    with job_done(qtbot, preview):
        qtbot.keyClick(
            preview.preview,
            Qt.Key.Key_E,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert Path(asked[0]).name == "Test deck.pdf"
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    pages = expected_pages(window, preview)
    assert preview.notice.text() == f"Exported {pages} pages to {tmp_path / 'x.pdf'}"
    assert preview.isVisible()
    assert window.printing.export_folder() == str(tmp_path)


def test_options_chosen_in_the_preview_are_remembered(
    qtbot: Any, window: MainWindow, engine: EngineSpy, new_window: Any
) -> None:
    preview = open_preview(qtbot, window)
    choose(preview.panel.layout_combo, "fold")
    choose(preview.panel.per_page_combo, 3)
    preview.panel.scope_buttons["card"].click()
    preview.reject()
    again = open_preview(qtbot, window)
    assert again.panel.layout_name() == "fold"
    assert again.options().per_page == 3
    assert again.panel.scope() == "card"
    assert new_window().printing.export_options().layout == "fold"  # from the settings


def test_a_preview_error_shows_in_the_window_and_printing_is_off(
    qtbot: Any, window: MainWindow, engine: EngineSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = open_preview(qtbot, window)

    def fail(*args: object) -> int:
        raise ExportError("a card is too tall\nfor the page")

    monkeypatch.setattr(document, "paint_deck", fail)
    preview.update_preview()
    assert preview.notice.kind() == "error"
    assert "\n" not in preview.notice.text()
    assert preview.notice.text() == "Couldn't lay out the pages: a card is too tall for the page"
    assert preview.page_count() <= 1  # blank, not the pages of the options before
    assert not preview.print_button.isEnabled()
    assert not preview.export_action.isEnabled()


def test_nothing_of_printing_is_imported_until_the_user_prints() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from briefing.gui.app import build_main_window\n"
        "window = build_main_window(None)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "loaded = [m for m in sys.modules if m.startswith(('briefing.export.document',"
        " 'briefing.export.pdf', 'PySide6.QtPrintSupport',"
        " 'briefing.gui.printing.print_preview'))]\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.stdout.strip() == "[]"


def test_cut_out_cards_ask_the_printer_for_both_sides_turned_on_the_long_edge(
    qtbot: Any, window: MainWindow, engine: EngineSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[QPrinter.DuplexMode] = []  # a PDF printer, all there is here, has one side
    monkeypatch.setattr(QPrinter, "setDuplex", lambda printer, mode: asked.append(mode))
    preview = open_preview(qtbot, window)
    preview.print_dialog = lambda printer, parent: QDialog(parent)
    preview.print_button.click()
    preview.active_print_dialog.reject()
    assert asked == []  # a handout: the printer's own choice
    choose(preview.panel.layout_combo, "cards")
    preview.print_button.click()
    assert asked == [QPrinter.DuplexMode.DuplexLongSide]
    assert preview.active_print_dialog is not None
    preview.active_print_dialog.reject()
    assert engine.calls[-1][1].layout == "cards"
    assert len(engine.calls) == 2  # the two previews; nothing printed


def test_a_long_deck_previews_its_first_pages_and_prints_them_all(
    qtbot: Any, window: MainWindow, engine: EngineSpy, tmp_path: Path
) -> None:
    preview = open_preview(qtbot, window)
    total = expected_pages(window, preview)
    preview.page_limit = 3
    preview.update_preview()
    assert preview.page_count() == 3
    assert preview.page_count_label.text() == f"of 3 shown ({total} in all)"
    assert preview.print_button.isEnabled()
    preview.ask_path = lambda parent, suggested: str(tmp_path / "all.pdf")
    with job_done(qtbot, preview):
        preview.export_button.click()
    assert preview.notice.text() == f"Exported {total} pages to {tmp_path / 'all.pdf'}"
