"""What the print preview and the export dialog share: the options panel on a card choice, the
export job and its notice, exporting a PDF, and closing that cancels a running job first."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from briefing.core.model import Card
from briefing.export.options import ExportOptions
from briefing.gui.printing.export_job import ExportJob, ask_pdf_path
from briefing.gui.printing.export_settings import CardChoice, Scope, pdf_file_name
from briefing.gui.printing.options_panel import ExportOptionsPanel
from briefing.gui.widgets.notice_bar import NoticeBar


class ExportWindowBase(QDialog):
    """Non-blocking: ``open()`` it. ``ask_path(parent, suggested)`` asks where to export a PDF.

    A subclass names itself (``object_name``, ``title_verb``), lays out ``panel``, ``notice``,
    ``export_button`` and ``close_button`` with its own parts (``_build``), and says which
    controls wait for the job (``job_controls``) and whether it closes once the PDF is written
    (``close_after_export``).
    """

    options_changed = Signal(object, str)  # ExportOptions as set, scope
    exported = Signal(str, str)  # what was done, for the window to confirm too; the PDF or ""

    ask_path: Callable[[QWidget, str], str] = staticmethod(ask_pdf_path)
    object_name = ""
    title_verb = ""
    close_after_export = False

    def __init__(
        self,
        choice: CardChoice,
        options: ExportOptions,
        scope: Scope,
        folder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(self.object_name)
        self.setWindowTitle(f"{self.title_verb} \u2014 {choice.deck.title}")
        self.choice = choice
        self.folder = folder
        self._close_when_idle = False
        self._exporting_to = ""  # the PDF the running job writes; "" when it prints
        self.panel = ExportOptionsPanel()
        self.panel.set_choice(choice)
        self.panel.set_options(options)
        self.panel.set_scope(scope)
        self.notice = NoticeBar()
        self.job = ExportJob(self.notice, self)
        self.export_button = QPushButton()
        self.close_button = QPushButton("Close")
        self.panel.changed.connect(self.on_options_changed)
        self.close_button.clicked.connect(self.reject)
        self.job.running_changed.connect(self.on_job_running)
        self.job.finished.connect(self.on_job_finished)
        self.finished.connect(self.job.cancel)
        self._build()

    def _build(self) -> None:
        """The subclass's own parts, the layout, and where the focus starts."""
        raise NotImplementedError

    # -- what is exported ------------------------------------------------------------------

    def options(self) -> ExportOptions:
        return self.panel.options()

    def cards(self) -> tuple[Card, ...]:
        return self.choice.cards(self.panel.scope())

    def on_options_changed(self) -> None:
        self.options_changed.emit(self.panel.remembered(), self.panel.scope())

    # -- exporting -------------------------------------------------------------------------

    def can_start(self) -> bool:
        """Whether a print or an export may start now."""
        return not self.job.is_running()

    def has_pages(self) -> bool:
        """Whether there is anything to print or export (the controls say so)."""
        return True

    def job_controls(self) -> Sequence[QWidget | QAction]:
        """What starts a job: enabled when idle and there are pages."""
        return (self.export_button,)

    def on_export_requested(self) -> None:
        if not self.can_start():
            return
        path = self.ask_path(self, os.path.join(self.folder, pdf_file_name(self.choice.deck.title)))
        if not path:
            return
        if self.job.export_pdf(self.choice.deck, self.cards(), self.options(), path):
            self._exporting_to = path

    def on_job_finished(self, pages: int | None) -> None:
        path, self._exporting_to = self._exporting_to, ""
        if pages is None:
            return
        if path:
            self.folder = os.path.dirname(path)
        self.exported.emit(self.notice.text(), path)
        if self.close_after_export:
            self.accept()

    def on_job_running(self, running: bool) -> None:
        self._update_enabled()
        if running:
            self.notice.cancel_button.setFocus()
        elif self._close_when_idle:
            self.reject()

    def _update_enabled(self) -> None:
        idle = not self.job.is_running()
        ready = idle and self.has_pages()
        self.panel.setEnabled(idle)
        for control in self.job_controls():
            control.setEnabled(ready)

    # -- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, Close and the window's close button: cancel a running job first."""
        if self.job.is_running():
            self.job.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job.is_running():
            self.job.cancel()
            self._close_when_idle = True
            event.ignore()
            return
        super().closeEvent(event)
