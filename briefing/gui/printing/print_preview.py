"""The print preview: the real pages, the options beside them, Print and Export PDF."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QKeySequence,
    QPainter,
    QPalette,
    QShowEvent,
)
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.actions import add_action
from briefing.gui.printing.export_window import ExportWindowBase
from briefing.gui.style_props import color_property
from briefing.gui.widgets.icons import icon

PrintDialogFactory = Callable[[QPrinter, QWidget], QDialog]


def preview_size(parent: QSize | None, dialog: QWidget) -> QSize:
    """Nine tenths of a large window, or 1100 x 760; never more than the screen has."""
    wanted = QSize(1100, 760)
    if parent is not None and parent.width() > 900:
        wanted = QSize(parent.width() * 9 // 10, parent.height() * 9 // 10)
    screen = dialog.screen()
    room = screen.availableGeometry().size() if screen is not None else wanted
    return wanted.boundedTo(room)


class PrintPreviewDialog(ExportWindowBase):
    """Non-blocking: ``open()`` it. Options and the cards chosen re-render the preview at once.

    ``print_dialog`` makes the print dialog (a ``QPrintDialog``); tests give one they can
    accept. ``ask_path(parent, suggested)`` asks where to export a PDF.
    """

    backdropColor = color_property("_backdrop_color", QPalette.ColorRole.Mid)
    page_limit = 24  # pages previewed: enough to judge a layout, quick on a long deck
    print_dialog: PrintDialogFactory = QPrintDialog
    object_name = "printPreview"
    title_verb = "Print"

    def _build(self) -> None:
        self.rendered_pages = 0
        self.total_pages = 0  # all the pages a print makes; the preview may show fewer
        self.active_print_dialog: QDialog | None = None
        self._printing = False  # the running job prints (the preview is redone after)

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview = QPrintPreviewWidget(self.printer)
        self.preview.setObjectName("previewPages")

        self.print_button = QPushButton("&Print\u2026")
        self.print_button.setObjectName("primaryButton")
        self.export_button.setText("Export P&DF\u2026")
        self.close_button.setToolTip("Close the preview (Esc)")
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.setAccessibleName("Page")
        self.page_spin.setKeyboardTracking(False)
        self.page_count_label = QLabel()
        self.page_count_label.setObjectName("pageCount")
        self._create_actions()
        self.toolbar = self._create_toolbar()
        self._lay_out()

        self.preview.paintRequested.connect(self.on_paint_requested)
        self.preview.previewChanged.connect(self.on_preview_changed)
        self.page_spin.valueChanged.connect(self.on_page_chosen)
        self.print_button.clicked.connect(self.print_action.trigger)
        self.export_button.clicked.connect(self.export_action.trigger)

        parent = self.parentWidget()
        self.resize(preview_size(parent.size() if parent is not None else None, self))
        self.update_preview()
        self.fit_page_action.trigger()
        self.panel.layout_combo.setFocus()

    # -- building ------------------------------------------------------------------------

    def _create_actions(self) -> None:
        self.print_action = add_action(
            self,
            "&Print\u2026",
            "Print these pages",
            [QKeySequence.StandardKey.Print, "Ctrl+P"],
            self.on_print_requested,
        )
        self.export_action = add_action(
            self,
            "Export P&DF\u2026",
            "Save these pages as a PDF",
            ["Ctrl+Shift+E"],
            self.on_export_requested,
        )
        self.first_page_action = add_action(
            self, "First", "First page", ["Ctrl+Home"], lambda: self.go_to_page(1)
        )
        self.previous_page_action = add_action(
            self,
            "Previous",
            "Previous page",
            ["PgUp"],
            lambda: self.go_to_page(self.current_page() - 1),
        )
        self.next_page_action = add_action(
            self, "Next", "Next page", ["PgDown"], lambda: self.go_to_page(self.current_page() + 1)
        )
        self.last_page_action = add_action(
            self, "Last", "Last page", ["Ctrl+End"], lambda: self.go_to_page(self.page_count())
        )
        self.zoom_out_action = add_action(
            self,
            "Zoom Out",
            "Zoom out",
            [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"],
            self.on_zoom_out,
        )
        self.zoom_in_action = add_action(
            self,
            "Zoom In",
            "Zoom in",
            [QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="],
            self.on_zoom_in,
        )
        self.fit_width_action = add_action(
            self, "Fit Width", "Fit the page width", ["Ctrl+1"], self.preview.fitToWidth
        )
        self.fit_page_action = add_action(
            self, "Fit Page", "Show whole pages", ["Ctrl+0"], self.preview.fitInView
        )
        self.zoom_group = QActionGroup(self)
        for action in (self.fit_width_action, self.fit_page_action):
            action.setCheckable(True)
            self.zoom_group.addAction(action)
        self.zoom_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.print_button.setToolTip(self.print_action.toolTip())
        self.export_button.setToolTip(self.export_action.toolTip())

    def _create_toolbar(self) -> QToolBar:
        toolbar = QToolBar("Pages")
        toolbar.setObjectName("previewToolbar")
        self.previous_page_action.setIcon(icon("previous"))
        self.next_page_action.setIcon(icon("next"))
        self.zoom_out_action.setIconText("\u2212")
        self.zoom_in_action.setIconText("+")
        toolbar.addAction(self.previous_page_action)
        toolbar.addWidget(QLabel("Page"))
        toolbar.addWidget(self.page_spin)
        toolbar.addWidget(self.page_count_label)
        toolbar.addAction(self.next_page_action)
        toolbar.addSeparator()
        toolbar.addAction(self.zoom_out_action)
        toolbar.addAction(self.zoom_in_action)
        toolbar.addAction(self.fit_width_action)
        toolbar.addAction(self.fit_page_action)
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):  # the keys reach them without focus
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return toolbar

    def _lay_out(self) -> None:
        side = QFrame()
        side.setObjectName("previewSide")
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.addWidget(self.panel)
        side_column.addStretch(1)
        buttons = QVBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        side_column.addLayout(buttons)

        pages = QVBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addWidget(self.toolbar)
        pages.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addLayout(pages, 1)
        row.addWidget(side)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(row, 1)
        column.addWidget(self.notice)
        self.setTabOrder(self.panel, self.print_button)
        self.setTabOrder(self.print_button, self.export_button)
        self.setTabOrder(self.export_button, self.close_button)
        self.setTabOrder(self.close_button, self.page_spin)
        self.setTabOrder(self.page_spin, self.preview)
        self.print_button.setDefault(True)

    # -- what is previewed ---------------------------------------------------------------

    def update_preview(self) -> None:
        self.preview.updatePreview()

    def page_count(self) -> int:
        return self.preview.pageCount()

    def current_page(self) -> int:
        return self.preview.currentPage()

    def go_to_page(self, page: int) -> None:
        if self.page_count():
            self.preview.setCurrentPage(min(max(page, 1), self.page_count()))
            self.on_preview_changed()  # the widget says so only when the user scrolls

    def on_paint_requested(self, printer: QPrinter) -> None:
        from briefing.export.document import ExportCancelled, ExportError, paint_deck

        # While this paints, the preview's scene still points at the pages being replaced, so
        # Qt must not handle events (and repaint it) until it is done: a long deck shows only
        # its first pages, to keep that wait short.
        def on_page(done: int, total: int) -> bool:
            self.total_pages = total
            return done < self.page_limit

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.rendered_pages = paint_deck(
                printer, self.choice.deck, self.cards(), self.options(), on_page
            )
        except ExportCancelled:
            self.rendered_pages = self.page_limit
        except ExportError as error:
            self.rendered_pages = self.total_pages = 0
            self.notice.show_error(f"Couldn't lay out the pages: {error}")
            QPainter(printer).end()  # a blank page, not the pages of the options before
        else:
            if self.notice.kind() == "error":
                self.notice.hide()
        finally:
            QApplication.restoreOverrideCursor()

    def on_preview_changed(self) -> None:
        count = self.page_count()
        blocked = self.page_spin.blockSignals(True)
        self.page_spin.setRange(1 if count else 0, count)
        self.page_spin.setValue(self.current_page())
        self.page_spin.blockSignals(blocked)
        if self.total_pages > count:
            self.page_count_label.setText(f"of {count} shown ({self.total_pages} in all)")
        else:
            self.page_count_label.setText(f"of {count}")
        self._update_enabled()

    def on_page_chosen(self, page: int) -> None:
        self.go_to_page(page)

    def on_options_changed(self) -> None:
        super().on_options_changed()
        self.update_preview()

    def on_zoom_in(self) -> None:
        self._uncheck_fit()
        self.preview.zoomIn()

    def on_zoom_out(self) -> None:
        self._uncheck_fit()
        self.preview.zoomOut()

    def _uncheck_fit(self) -> None:
        checked = self.zoom_group.checkedAction()
        if checked is not None:
            checked.setChecked(False)

    # -- printing and exporting ----------------------------------------------------------

    def can_start(self) -> bool:
        return super().can_start() and bool(self.rendered_pages)

    def has_pages(self) -> bool:
        return self.rendered_pages > 0 and self.page_count() > 0

    def job_controls(self) -> Sequence[QWidget | QAction]:
        return (self.print_action, self.export_action, self.print_button, self.export_button)

    def on_print_requested(self) -> None:
        if not self.can_start():
            return
        if self.options().layout == "cards":
            # The backs are laid out for turning the sheet over its long edge.
            self.printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
        dialog = self.print_dialog(self.printer, self)
        if isinstance(dialog, QPrintDialog):
            # The pages are all of the deck, on the paper chosen here: no page range or size.
            dialog.setOptions(
                QAbstractPrintDialog.PrintDialogOption.PrintToFile
                | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies
            )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.on_print_accepted)
        self.active_print_dialog = dialog
        QDialog.open(dialog)

    def on_print_accepted(self) -> None:
        self._printing = self.job.print_pages(
            self.printer, self.choice.deck, self.cards(), self.options()
        )

    def on_job_finished(self, pages: int | None) -> None:
        super().on_job_finished(pages)
        if self._printing:
            self._printing = False
            self.update_preview()  # the printer's settings may have changed

    def _update_enabled(self) -> None:
        super()._update_enabled()
        page = self.current_page()
        self.first_page_action.setEnabled(page > 1)
        self.previous_page_action.setEnabled(page > 1)
        self.next_page_action.setEnabled(page < self.page_count())
        self.last_page_action.setEnabled(page < self.page_count())
        self.page_spin.setEnabled(self.has_pages())

    def showEvent(self, event: QShowEvent) -> None:
        view = self.preview.findChild(QGraphicsView)
        if view is not None and view.scene() is not None:
            view.scene().setBackgroundBrush(self.backdropColor)
        self._recolor_page_icons()
        super().showEvent(event)

    def _recolor_page_icons(self) -> None:
        """The page arrows in the toolbar's ink, so they show on a dark theme's toolbar."""
        toolbar = self.findChild(QToolBar, "previewToolbar")
        button = toolbar.widgetForAction(self.next_page_action) if toolbar else None
        if button is None:
            return
        button.ensurePolished()
        ink = button.palette().color(QPalette.ColorRole.ButtonText)
        self.previous_page_action.setIcon(icon("previous", ink))
        self.next_page_action.setIcon(icon("next", ink))
