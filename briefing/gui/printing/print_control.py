"""File > Print and File > Export PDF for the window: which cards there are to print, the
preview or export dialog open for them, and the options and folder remembered between them."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt

from briefing.gui import settings

if TYPE_CHECKING:  # the window assembles this part; the part only calls its public methods
    from briefing.export.options import ExportOptions
    from briefing.gui.printing.export_dialog import ExportPdfDialog
    from briefing.gui.printing.export_settings import CardChoice, Scope
    from briefing.gui.printing.export_window import ExportWindowBase
    from briefing.gui.printing.print_preview import PrintPreviewDialog
    from briefing.gui.window.main_window import MainWindow

Window = TypeVar("Window", bound="ExportWindowBase")


class PrintControl(QObject):
    """Opens the print preview and the export dialog over ``window``'s deck, without
    blocking, and keeps what the reader chose in them for the next one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        # The last export options, scope and folder; the options outlast the session too.
        self._export_options: ExportOptions | None = None
        self.export_scope: Scope = "deck"
        self._export_folder: str | None = None
        self.print_preview: PrintPreviewDialog | None = None
        self.export_dialog: ExportPdfDialog | None = None

    def card_choice(self) -> CardChoice | None:
        """What can be printed: the deck, the search's matches, the card on screen."""
        window = self._window
        if window.deck is None:
            return None
        matches = window.search_session.matches()
        from briefing.gui.printing.export_settings import CardChoice

        return CardChoice(window.deck, window.index, matches)

    def export_options(self) -> ExportOptions:
        from briefing.gui.printing.export_settings import load_options

        if self._export_options is None:
            self._export_options = load_options(settings.app_settings())
        return self._export_options

    def export_folder(self) -> str:
        from briefing.gui.printing.export_settings import load_folder

        if self._export_folder is None:
            self._export_folder = load_folder(settings.app_settings())
        return self._export_folder

    def open_print_preview(self) -> PrintPreviewDialog | None:
        """The print preview, opened without blocking; None when there is nothing to print."""
        from briefing.gui.printing.print_preview import PrintPreviewDialog

        dialog = self._made(PrintPreviewDialog)
        if dialog is not None:
            self.print_preview = dialog
            dialog.open()
        return dialog

    def open_export_dialog(self) -> ExportPdfDialog | None:
        """File > Export PDF, opened without blocking; None when there is nothing to export."""
        from briefing.gui.printing.export_dialog import ExportPdfDialog

        dialog = self._made(ExportPdfDialog)
        if dialog is not None:
            self.export_dialog = dialog
            dialog.open()
        return dialog

    def _made(self, kind: type[Window]) -> Window | None:
        """A ``kind`` of dialog over the cards there are to print, not yet open; None when
        there are none."""
        choice = self.card_choice()
        if choice is None or not choice.deck.cards:
            return None
        options, folder = self.export_options(), self.export_folder()
        dialog = kind(choice, options, self.export_scope, folder, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.options_changed.connect(self.on_export_options_changed)
        dialog.exported.connect(self.on_exported)
        dialog.finished.connect(self.on_export_window_closed)
        return dialog

    def on_export_options_changed(self, options: ExportOptions, scope: Scope) -> None:
        self._export_options = options
        self.export_scope = scope
        from briefing.gui.printing.export_settings import save_options

        save_options(settings.app_settings(), options)

    def on_exported(self, message: str, path: str) -> None:
        self._window.notice.show_info(message)
        if path:
            self._export_folder = os.path.dirname(path)
            from briefing.gui.printing.export_settings import save_folder

            save_folder(settings.app_settings(), self._export_folder)

    def on_export_window_closed(self) -> None:
        self.print_preview = None
        self.export_dialog = None
