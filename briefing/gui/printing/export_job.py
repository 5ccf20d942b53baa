"""Running an export or a print on the GUI thread, page by page, without freezing the window.

The engine's steps (a card laid out, a page painted) run one per turn of Qt's event loop, on
a zero-delay timer, so repaints and the Cancel button are handled between pages without
re-entering the event loop; ``finished`` says how it ended. The engine and Qt's print
support are imported only when a job starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from briefing.core.errors import shown_name
from briefing.core.model import Card, Deck
from briefing.export.options import ExportOptions
from briefing.gui.printing.export_settings import with_pdf_suffix
from briefing.gui.widgets.notice_bar import NoticeBar

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from briefing.export.document import PaintSteps

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
    finished = Signal(object)  # the pages written, or None if cancelled or failed

    def __init__(self, notice: NoticeBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notice = notice
        self._steps: PaintSteps | None = None
        self._cancelled = False
        self._verb = self._cancelled_text = self._failed = ""
        self._on_cancel: Callable[[], object] | None = None
        self._on_done: Callable[[int], None] = lambda _pages: None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)  # started again after each step: events come first
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        notice.cancel_requested.connect(self.cancel)

    def is_running(self) -> bool:
        return self._steps is not None

    def cancel(self) -> None:
        self._cancelled = True

    def export_pdf(
        self, deck: Deck, cards: Sequence[Card], options: ExportOptions, path: str
    ) -> bool:
        """Start writing the PDF; False if a job is already running. ``finished`` gives the
        pages written, or None if it was cancelled or failed (the engine then leaves no
        file)."""
        from briefing.export import pdf

        def done(pages: int) -> None:
            self.notice.show_info(f"Exported {_pages(pages)} to {shown_name(path)}")

        return self._start(
            "Exporting",
            "Export cancelled; nothing was written.",
            "Couldn't export",
            lambda: pdf.export_steps(deck, cards, options, path),
            done,
        )

    def print_pages(
        self, printer: QPrinter, deck: Deck, cards: Sequence[Card], options: ExportOptions
    ) -> bool:
        """Start painting the pages on ``printer``, as the print dialog left it."""
        from PySide6.QtPrintSupport import QPrinter

        file_name = printer.outputFileName()
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and file_name:
            # Printing to a file: the export's atomic write, so a cancel leaves no half file.
            return self.export_pdf(deck, cards, options, file_name)

        from briefing.export import document

        def done(pages: int) -> None:
            name = printer.printerName() or "the printer"
            self.notice.show_info(f"Sent {_pages(pages)} to {name}")

        return self._start(
            "Printing",
            "Printing cancelled.",
            "Couldn't print",
            lambda: document.paint_steps(printer, deck, cards, options),
            done,
            on_cancel=printer.abort,  # the spooler never gets the pages already painted
        )

    def _start(
        self,
        verb: str,
        cancelled: str,
        failed: str,
        steps: Callable[[], PaintSteps],
        on_done: Callable[[int], None],
        on_cancel: Callable[[], object] | None = None,
    ) -> bool:
        if self.is_running():
            return False
        self._steps = steps()  # a generator: nothing is done until the first step
        self._cancelled, self._verb = False, verb
        self._cancelled_text, self._failed = cancelled, failed
        self._on_done, self._on_cancel = on_done, on_cancel
        self.running_changed.emit(True)
        self.notice.show_progress(f"{verb}\u2026", 0, 0)
        self._timer.start()
        return True

    def _step(self) -> None:
        from briefing.export.document import ExportCancelled, ExportError

        steps = self._steps
        assert steps is not None
        try:
            if self._cancelled:
                if self._on_cancel is not None:
                    self._on_cancel()
                steps.throw(ExportCancelled(self._cancelled_text))
            done, total = next(steps)
        except StopIteration as finished:
            self._finish(int(finished.value))
        except ExportCancelled:
            self.notice.show_info(self._cancelled_text)
            self._finish(None)
        except ExportError as error:
            self.notice.show_error(f"{self._failed}: {error}")
            self._finish(None)
        else:
            if total:
                self.notice.show_progress(f"{self._verb} page {done} of {total}", done, total)
            # else: still laying the pages out; the busy bar shown at the start stays
            self._timer.start()

    def _finish(self, pages: int | None) -> None:
        self._steps = None
        self.running_changed.emit(False)
        if pages is not None:
            self._on_done(pages)
        self.finished.emit(pages)
