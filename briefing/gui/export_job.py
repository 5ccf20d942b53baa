"""Running an export or a print on the GUI thread, page by page, without freezing the window.

The engine calls back after each page; the callback lets Qt handle pending events (repaints,
the Cancel button) and tells the engine to stop once the user has cancelled. The engine and
Qt's print support are imported only when a job starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from briefing.core.errors import shown_name
from briefing.core.model import Card, Deck
from briefing.export.options import ExportOptions
from briefing.gui.export_settings import with_pdf_suffix
from briefing.gui.qt_notice_bar import NoticeBar

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PageCallback = Callable[[int, int], bool]
PDF_FILTER = "PDF files (*.pdf)"


def ask_pdf_path(parent: QWidget, suggested: str) -> str:
    """The file to export to, ``.pdf`` added when missing; "" when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export PDF", suggested, PDF_FILTER)
    return with_pdf_suffix(path) if path else ""


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"


class ExportJob(QObject):
    """One export or print at a time; progress, outcome and errors go to ``notice``."""

    running_changed = Signal(bool)

    def __init__(self, notice: NoticeBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notice = notice
        self._running = False
        self._cancelled = False
        self._verb = ""
        notice.cancel_requested.connect(self.cancel)

    def is_running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        self._cancelled = True

    def export_pdf(
        self, deck: Deck, cards: Sequence[Card], options: ExportOptions, path: str
    ) -> int | None:
        """Write the PDF; the pages written, or None if it was cancelled or failed (the engine
        then leaves no file)."""
        from briefing.export.pdf import export_pdf

        pages = self._run(
            "Exporting",
            "Export cancelled; nothing was written.",
            "Couldn't export",
            lambda on_page: export_pdf(deck, cards, options, path, on_page),
        )
        if pages is not None:
            self.notice.show_info(f"Exported {_pages(pages)} to {shown_name(path)}")
        return pages

    def print_pages(
        self, printer: QPrinter, deck: Deck, cards: Sequence[Card], options: ExportOptions
    ) -> int | None:
        """Paint the pages on ``printer``, as the print dialog left it."""
        from PySide6.QtPrintSupport import QPrinter

        file_name = printer.outputFileName()
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and file_name:
            # Printing to a file: the export's atomic write, so a cancel leaves no half file.
            return self.export_pdf(deck, cards, options, file_name)

        from briefing.export.document import paint_deck

        def on_page(done: int, total: int) -> bool:
            going_on = self.on_page(done, total)
            if not going_on:
                printer.abort()  # the spooler never gets the pages already painted
            return going_on

        pages = self._run(
            "Printing",
            "Printing cancelled.",
            "Couldn't print",
            lambda _: paint_deck(printer, deck, cards, options, on_page),
        )
        if pages is not None:
            name = printer.printerName() or "the printer"
            self.notice.show_info(f"Sent {_pages(pages)} to {name}")
        return pages

    def on_page(self, done: int, total: int) -> bool:
        if total:
            self.notice.show_progress(f"{self._verb} page {done} of {total}", done, total)
        # else: still laying the pages out; the busy bar shown at the start stays
        QApplication.processEvents()
        return not self._cancelled

    def _run(
        self, verb: str, cancelled: str, failed: str, work: Callable[[PageCallback], int]
    ) -> int | None:
        from briefing.export.document import ExportCancelled, ExportError

        if self._running:
            return None
        self._running, self._cancelled, self._verb = True, False, verb
        self.running_changed.emit(True)
        self.notice.show_progress(f"{verb}\u2026", 0, 0)
        QApplication.processEvents()
        try:
            if self._cancelled:
                raise ExportCancelled(cancelled)
            return work(self.on_page)
        except ExportCancelled:
            self.notice.show_info(cancelled)
            return None
        except ExportError as error:
            self.notice.show_error(f"{failed}: {error}")
            return None
        finally:
            self._running = False
            self.running_changed.emit(False)
