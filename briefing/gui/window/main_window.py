"""The main window: the deck's card in the middle, toolbar and header above it.

The window is built in two stages so that the first card is on screen as soon as it can be:
the card, its banners and the deck's title first; then, once that has been painted, the
toolbar, menus, search, overview and everything else (``complete``). Tests and other callers
get the whole window at once unless they ask for ``staged``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Deck
from briefing.gui import settings
from briefing.gui.actions import Keys, add_action, set_keys
from briefing.gui.card import zoom
from briefing.gui.card.card_view import CardView
from briefing.gui.widgets.marking_banner import MarkingBanner
from briefing.gui.window.deck_header import DeckHeader, window_title
from briefing.gui.window.deck_opening import DeckOpening

if TYPE_CHECKING:  # built by complete(), after the first card is painted
    from PySide6.QtGui import (
        QCloseEvent,
        QDragEnterEvent,
        QDragMoveEvent,
        QDropEvent,
        QResizeEvent,
    )

    from briefing.export.options import ExportOptions
    from briefing.gui.present.presentation import Presentation
    from briefing.gui.printing.export_dialog import ExportPdfDialog
    from briefing.gui.printing.export_settings import CardChoice, Scope
    from briefing.gui.printing.print_preview import PrintPreviewDialog
    from briefing.render.highlight import CardMatch

NO_MATCH_HINT = "Try fewer or shorter words, or press Esc to see every card."
# Narrower than this, the toolbar shows icons only (their tooltips name them), leaving
# room for the deck's title and the search box: at 1280 px the title was cut to a word.
_COMPACT_WIDTH = 1440
# The deck's title keeps this much of the header before the search box may be wider than
# its narrowest; the search box's width depends on the window's alone, so it never moves.
_TITLE_ROOM = 200
_SEARCH_WIDTH = (120, 240)  # the search box's narrowest (at 800 px) and widest
_ECHO_LENGTH = 28  # of a query quoted back in the header, beyond which it ends in "…"
_NOTICE_MS = 12_000  # how long "Exported 12 pages to ..." stays
# If the window is never painted (started minimised), it is completed after this anyway.
_COMPLETE_UNPAINTED_MS = 1000
# Keys the problem list moves by, which the window's actions would otherwise take.
_LIST_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
MENU_TITLES = ("&File", "&Go", "&View", "P&resent", "&Help")


class MainWindow(QMainWindow):
    deck_changed = Signal(object)  # the Deck now on screen
    card_changed = Signal(int)  # index of the card now on screen
    completed = Signal()  # the whole window is built (at once, unless staged)
    deck_failed = Signal(str, object)  # a deck's path and its problems, listed in the window

    def __init__(self, parent: QWidget | None = None, *, staged: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.deck: Deck | None = None
        self.index = 0
        self._complete = False
        self._overview_shown = False
        self._opened_from_overview_at = -1e9
        # While searching: the card and view to go back to on Esc, and whether the user
        # opened a match (then Esc stays on it).
        self._search_origin: tuple[int, bool] | None = None
        self._opened_match = False
        # The last export options, scope and folder; the options outlast the session too.
        self._export_options: ExportOptions | None = None
        self.export_scope: Scope = "deck"
        self._export_folder: str | None = None
        self.print_preview: PrintPreviewDialog | None = None
        self.export_dialog: ExportPdfDialog | None = None
        self.presentation: Presentation | None = None

        self.top_banner = MarkingBanner()
        self.bottom_banner = MarkingBanner()
        self.header = DeckHeader()
        self.card_view = CardView()
        self.card_view.set_text_zoom(settings.zoom(zoom.STEPS, zoom.DEFAULT))
        self.stack = QStackedWidget()
        self.stack.setObjectName("stage")
        self.stack.addWidget(QWidget())  # blank until a deck is on screen
        self.stack.addWidget(self.card_view)
        # The menus are filled in complete(); the bar and their titles are here from the first
        # frame, so neither the card nor the bar changes when they are.
        self.menus = {title: self.menuBar().addMenu(title) for title in MENU_TITLES}
        self.setCentralWidget(self._layout())

        self.card_view.clicked.connect(self.on_card_clicked)
        self.opening = DeckOpening(self)  # the start deck shows before complete()
        self.setAcceptDrops(True)
        self.setMinimumSize(720, 520)
        available = self.screen().availableGeometry()
        self.resize(min(1280, available.width() * 9 // 10), min(800, available.height() * 9 // 10))
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if staged:
            self.installEventFilter(self)
            QTimer.singleShot(_COMPLETE_UNPAINTED_MS, self.complete)
        else:
            self.complete()

    def is_complete(self) -> bool:
        return self._complete

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self.complete)  # after this paint reaches the screen
        elif watched is self:  # the window watches itself only until its first paint
            pass
        elif (
            watched is self.error_panel.problem_list
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _LIST_KEYS
        ):
            event.accept()  # the problem list's own arrows, not Read On / Read Back
            return True
        elif watched is self.toolbar and event.type() == QEvent.Type.Resize:
            self._fit_search_field(self.width())  # the toolbar's width changed
        return False

    def complete(self) -> None:
        """Build the rest of the window: toolbar, menus, search, overview, live reload and
        the remembered settings; then finish opening the start deck."""
        if self._complete:
            return
        self._complete = True
        from briefing.gui.overview.deck_model import DeckListModel
        from briefing.gui.overview.overview_view import OverviewView
        from briefing.gui.search.card_search import CardSearch
        from briefing.gui.search.results_model import SearchResultsModel
        from briefing.gui.search.search_field import SearchField
        from briefing.gui.widgets.notice_bar import NoticeBar
        from briefing.gui.window.comfort import WindowComfort
        from briefing.gui.window.empty_state import EmptyState
        from briefing.gui.window.error_panel import ErrorPanel

        self.model = DeckListModel(self)
        self.results_model = SearchResultsModel(self.model, self)
        self.search = CardSearch(self)
        self.position_label = QLabel()
        self.position_label.setObjectName("positionLabel")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.search_field = SearchField()
        self.search_count_label = self.header.status_label
        self.error_panel = ErrorPanel()
        self.error_panel.problem_list.installEventFilter(self)
        self.notice = NoticeBar(info_timeout_ms=_NOTICE_MS)
        self.opening.complete()
        self.overview = OverviewView(self.results_model)
        self.empty_state = EmptyState()
        self.stack.addWidget(self.overview)
        self.stack.addWidget(self.empty_state)

        self._create_actions()
        self.toolbar = self._create_toolbar()
        self._create_menus()
        self._complete_layout()

        self.card_view.flipped.connect(self._update_state)
        self.overview.card_activated.connect(self.on_overview_card_activated)
        self.search_field.textChanged.connect(self.on_search_text_changed)
        self.search_field.accepted.connect(self.on_search_accepted)
        self.search_field.step_requested.connect(self.on_search_step_requested)
        self.search_field.escape_pressed.connect(self.on_search_escape_pressed)
        self.search.results_changed.connect(self.on_search_results_changed)
        self.empty_state.open_file_requested.connect(self.opening.choose_deck_file)
        self.empty_state.open_folder_requested.connect(self.opening.choose_deck_folder)
        # A theme or a new button (Star) changes the toolbar's width: the search box follows.
        self.toolbar.installEventFilter(self)
        self._fit_toolbar(self.width())
        # Remembered state, stars, zoom, themes, Help.
        self.comfort = WindowComfort(self)
        self._update_state()
        # The card, not the search box (the first in the tab order), has the keys at first.
        if not self.isVisible() or QApplication.focusWidget() is None:
            self.card_view.setFocus()
        self.completed.emit()
        self.opening.open_pending_start()

    # -- building --------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        tip: str,
        shortcuts: Keys,
        slot: Callable[[], object],
        icon_name: str = "",
    ) -> QAction:
        from briefing.gui.widgets.icons import icon

        action = add_action(self, text, tip, shortcuts, slot)
        if icon_name:
            action.setIcon(icon(icon_name))
        return action

    def _create_actions(self) -> None:
        self.open_file_action = self._action(
            "&Open Deck File\u2026",
            "Open a deck file",
            ["Ctrl+O"],
            self.opening.choose_deck_file,
            "open",
        )
        self.open_folder_action = self._action(
            "Open Deck &Folder\u2026",
            "Open a deck folder",
            ["Ctrl+Shift+O"],
            self.opening.choose_deck_folder,
        )
        self.print_action = self._action(
            "&Print\u2026",
            "Preview and print the cards",
            [QKeySequence.StandardKey.Print, "Ctrl+P"],
            self.open_print_preview,
        )
        self.export_pdf_action = self._action(
            "&Export PDF\u2026",
            "Save the cards as a PDF",
            ["Ctrl+Shift+E"],
            self.open_export_dialog,
        )
        self.quit_action = self._action("&Quit", "Quit Briefing", ["Ctrl+Q"], self.close)
        self.previous_action = self._action(
            "&Previous Card", "Previous card", ["Left"], self.previous_card, "previous"
        )
        self.next_action = self._action(
            "&Next Card", "Next card", ["Right"], self.next_card, "next"
        )
        # As when presenting: a long card is read to its end before the next card comes.
        self.read_on_action = self._action(
            "&Read On",
            "Next page of a long card, then the next card",
            ["PgDown", "Down"],
            lambda: self.read_on(1),
        )
        self.read_back_action = self._action(
            "Read &Back",
            "Previous page of a long card, then the previous card",
            ["PgUp", "Up"],
            lambda: self.read_on(-1),
        )
        self.first_action = self._action("&First Card", "First card", ["Home"], self.first_card)
        self.last_action = self._action("&Last Card", "Last card", ["End"], self.last_card)
        self.flip_action = self._action(
            "F&lip Card", "Flip the card", ["Space", "Return", "Enter"], self.flip_card, "flip"
        )
        self.overview_action = self._action(
            "&Overview", "Show all cards", ["G", "Ctrl+Shift+G"], lambda: None, "overview"
        )
        self.overview_action.setCheckable(True)
        self.overview_action.toggled.connect(self.set_overview_visible)
        self.leave_overview_action = self._action(
            "Back to Card", "Leave the overview", ["Esc"], lambda: self.set_overview_visible(False)
        )
        self.full_screen_action = self._action(
            "&Full Screen",
            "Full screen, for presenting",
            [QKeySequence.StandardKey.FullScreen, "F11"],
            self.toggle_full_screen,
        )
        self.full_screen_action.setCheckable(True)
        self.present_action = self._action(
            "&Present",
            "Present from this card, full screen",
            ["F5"],
            self.start_presentation,
            "present",
        )
        self.presenter_view_action = self._action(
            "Presenter &View",
            "Present with the speaker notes, next card and timers in a window of their own",
            ["Alt+F5"],
            lambda: self.start_presentation(presenter=True),
        )
        self.find_action = self._action(
            "&Find Cards\u2026",
            "Search cards",
            [QKeySequence.StandardKey.Find, "Ctrl+F"],
            self.focus_search,
        )
        # Enter and Esc move between these and the flip and overview actions as a search
        # starts and ends (see _assign_keys); F3 stays with them.
        self.next_match_action = self._action(
            "Next &Match", "Next matching card", ["F3"], lambda: self.step_match(1)
        )
        self.previous_match_action = self._action(
            "Pre&vious Match", "Previous matching card", ["Shift+F3"], lambda: self.step_match(-1)
        )
        self.clear_search_action = self._action(
            "&Clear Search", "Clear the search and show every card", [], self.clear_search
        )
        find_keys = self.find_action.shortcuts()
        key = find_keys[0].toString(QKeySequence.SequenceFormat.NativeText) if find_keys else ""
        placeholder = f"Search cards ({key})" if key else "Search cards"
        self.search_field.setPlaceholderText(placeholder)
        # A narrow window cuts the placeholder short ("Search car…"): the tooltip has it whole.
        self.search_field.setToolTip(
            f"{placeholder}: titles, headlines, text, quotes and sources. "
            'Words must all match; "a phrase", -word to exclude, tag:word for one field.'
        )

    def _create_toolbar(self) -> QToolBar:
        self.open_file_action.setIconText("Open")
        self.flip_action.setIconText("Flip")
        self.overview_action.setIconText("Overview")
        toolbar = QToolBar("Cards")
        toolbar.setObjectName("cardToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # The title and then the search box give way first; the toolbar never hides a button.
        toolbar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        toolbar.addAction(self.open_file_action)
        toolbar.addSeparator()
        toolbar.addAction(self.previous_action)
        toolbar.addWidget(self.position_label)
        toolbar.addAction(self.next_action)
        toolbar.addSeparator()
        toolbar.addAction(self.flip_action)
        toolbar.addAction(self.overview_action)
        toolbar.addAction(self.present_action)
        self._keep_arrows_icon_only(toolbar)
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if widget is not None:
                widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return toolbar

    def _create_menus(self) -> None:
        from briefing.gui.present.presentation import PresentMenu

        file_menu = self.menus["&File"]
        file_menu.addActions([self.open_file_action, self.open_folder_action])
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.export_pdf_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        go_menu = self.menus["&Go"]
        go_menu.addActions([self.previous_action, self.next_action])
        go_menu.addActions([self.read_back_action, self.read_on_action])
        go_menu.addActions([self.first_action, self.last_action])
        go_menu.addSeparator()
        go_menu.addAction(self.flip_action)
        go_menu.addSeparator()
        go_menu.addActions([self.find_action, self.next_match_action, self.previous_match_action])
        go_menu.addAction(self.clear_search_action)
        view_menu = self.menus["&View"]
        view_menu.addActions([self.overview_action, self.leave_overview_action])
        view_menu.addSeparator()
        view_menu.addAction(self.full_screen_action)
        # The Present menu fills itself; it takes the place of the title shown until now.
        title_only = self.menus["P&resent"]
        self.menus["P&resent"] = PresentMenu(self)
        self.menuBar().insertMenu(title_only.menuAction(), self.menus["P&resent"])
        self.menuBar().removeAction(title_only.menuAction())
        title_only.deleteLater()

    def _layout(self) -> QWidget:
        header_bar = QFrame()
        header_bar.setObjectName("headerBar")
        self._header_row = QHBoxLayout(header_bar)
        self._header_row.setContentsMargins(0, 0, 0, 0)
        self._header_row.setSpacing(0)
        self._header_row.addWidget(self.header, 1)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        central = QWidget()
        central.setObjectName("central")
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.top_banner)
        self._column.addWidget(header_bar)
        self._column.addWidget(self.stack, 1)
        self._column.addWidget(self.bottom_banner)
        return central

    def _complete_layout(self) -> None:
        """The search box and toolbar beside the title; the problems panel under it and the
        notice bar over the bottom banner."""
        row = self._header_row
        row.addWidget(self.search_field, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.toolbar, 0, Qt.AlignmentFlag.AlignVCenter)
        column = self._column
        column.insertWidget(column.indexOf(self.stack), self.error_panel)
        column.insertWidget(column.indexOf(self.bottom_banner), self.notice)

    # -- opening decks (DeckOpening does it) -----------------------------------------------

    def open_deck(self, path: str | os.PathLike[str]) -> bool:
        """Open the deck at ``path``: True if it is on screen on return; a large deck loads
        in the background and ``deck_changed`` or ``deck_failed`` says how it ended."""
        return self.opening.open_deck(path)

    def on_deck_loaded(self, deck: Deck) -> None:
        """Show ``deck``, loaded already, in place of the deck on screen."""
        self.opening.on_deck_loaded(deck)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.opening.accept_files(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.opening.accept_files(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.opening.drop(event)

    # -- moving through the deck -----------------------------------------------------------

    def card_count(self) -> int:
        return len(self.deck.cards) if self.deck is not None else 0

    def go_to(self, index: int, keep_side: bool = False) -> None:
        """Show the card at ``index``, front up; with ``keep_side``, on the side and at the
        place the card shown is at (for the same card with new marks)."""
        if self.deck is None or not 0 <= index < len(self.deck.cards):
            return
        keep_side = keep_side and index == self.index
        self.index = index
        card = self.deck.cards[index]
        self.card_view.set_card(self.deck, card, self._card_match(index), keep_side=keep_side)
        self.card_changed.emit(index)
        self._update_state()

    def next_card(self) -> None:
        self.go_to(self.index + 1)

    def read_on(self, step: int) -> None:
        """Page Down (``step`` 1) or Page Up (-1): the next page of the side showing if it
        has more that way, otherwise the next card (or the previous one)."""
        if self.deck is None or self.overview_visible():
            return
        if not self.card_view.scroll_by_page(step):
            self.go_to(self.index + step)

    def previous_card(self) -> None:
        self.go_to(self.index - 1)

    def first_card(self) -> None:
        self.go_to(0)

    def last_card(self) -> None:
        self.go_to(self.card_count() - 1)

    def flip_card(self) -> None:
        if self.deck is not None and not self.overview_visible():
            self.card_view.flip()
            self._update_state()

    # -- overview --------------------------------------------------------------------------

    def overview_visible(self) -> bool:
        return self._overview_shown

    def set_overview_visible(self, visible: bool, focus: bool = True) -> None:
        """Show the overview grid (or the card); ``focus`` moves the keyboard focus there."""
        visible = visible and self.deck is not None
        changed = visible != self._overview_shown
        self._overview_shown = visible
        self._update_state()
        if changed and visible:
            searching = self.search.is_active()
            self.overview.select_row(0 if searching else self.results_model.row_of(self.index))
        if changed and focus:
            self._focus_stage()

    def _focus_stage(self) -> None:
        (self.overview if self._overview_shown else self.card_view).setFocus()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.full_screen_action.setChecked(self.isFullScreen())

    def on_card_clicked(self) -> None:
        # The second click of a double click on a thumbnail lands on the card it opened.
        since_opened = time.monotonic() - self._opened_from_overview_at
        if since_opened * 1000 > QApplication.doubleClickInterval():
            self.flip_card()

    def on_overview_card_activated(self, row: int) -> None:
        self._opened_from_overview_at = time.monotonic()
        index = self.results_model.source_row(row)
        if self.search.is_active():
            self.open_match(index)
        else:
            self.go_to(index)
            self.set_overview_visible(False)

    # -- search ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def clear_search(self) -> None:
        """End the search: every card again, on the card shown before it or the match opened."""
        self.search_field.clear()
        self._focus_stage()

    def on_search_text_changed(self, text: str) -> None:
        if not text.strip():
            self.search.set_text(text)
            self._end_search()
            return
        self.search.set_text(text)
        if self._search_origin is None:
            self._search_origin = (self.index, self._overview_shown)
            self._opened_match = False
            # At once, so the grid's first layout is of the results, not of the whole deck.
            self.search.run_now()
        self.set_overview_visible(True, focus=False)

    def on_search_results_changed(self) -> None:
        searching = self.search.is_active()
        self.results_model.set_rows(self.search.results if searching else None)
        self.overview.set_placeholder(NO_MATCH_HINT if searching else "")
        # Selecting scrolls, which lays the grid out: not worth it while the grid is hidden
        # (set_overview_visible selects when it shows it).
        if self._overview_shown:
            self.overview.select_row(0 if searching else self.results_model.row_of(self.index))
        self._update_state()

    def on_search_accepted(self, backwards: bool) -> None:
        if not self.search.results or not self.search.is_active():
            return
        if self._overview_shown:
            self.open_match(self.results_model.source_row(max(self.overview.selected_row(), 0)))
        else:
            self.step_match(-1 if backwards else 1)

    def on_search_step_requested(self, step: int) -> None:
        if self._overview_shown:
            self._move_selection(step)
        else:
            self.step_match(step)

    def on_search_escape_pressed(self) -> None:
        if self.search_field.text():
            self.clear_search()
        else:
            self._focus_stage()

    def open_match(self, index: int) -> None:
        """Show the matching card at ``index`` in the card view."""
        self._opened_match = True
        self.go_to(index)
        self.set_overview_visible(False)

    def step_match(self, step: int) -> None:
        """To the next (``step`` 1) or previous (-1) match, round the results."""
        results = self.search.results
        if not results or not self.search.is_active():
            return
        if self._overview_shown:
            self._move_selection(step)
            return
        position = self.results_model.row_of(self.index)
        if position < 0:
            position = 0 if step > 0 else len(results) - 1
        else:
            position = (position + step) % len(results)
        self.open_match(results[position])

    def _move_selection(self, step: int) -> None:
        rows = self.results_model.rowCount()
        if rows:
            self.overview.select_row(min(max(self.overview.selected_row() + step, 0), rows - 1))

    def _end_search(self) -> None:
        origin, self._search_origin = self._search_origin, None
        opened, self._opened_match = self._opened_match, False
        self.search.run_now()
        if origin is None or self.deck is None:
            self._update_state()
            return
        index, overview = (self.index, False) if opened else origin
        self.go_to(index, keep_side=opened)  # the match opened stays as the reader turned it
        self.set_overview_visible(overview, focus=not self.search_field.hasFocus())
        if overview:
            self.overview.select_row(self.results_model.row_of(self.index))

    def _drop_search(self) -> None:
        """Forget the search without going back anywhere (a new deck is coming)."""
        self._search_origin = None
        self._opened_match = False
        blocked = self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(blocked)
        self.search.set_text("")
        self.search.run_now()

    def _card_match(self, index: int) -> CardMatch | None:
        """What to mark on the card at ``index``: nothing unless it is one of the results."""
        search = self.search
        if not search.is_active() or not search.results or self.results_model.row_of(index) < 0:
            return None
        from briefing.render.highlight import CardMatch

        return CardMatch(search.query, search.matched_fields(index))

    def _search_status(self) -> str:
        results = self.search.results
        if self.search.is_indexing():
            return "Indexing\u2026"
        if results is None:
            return ""
        if not results:
            text = self.search.text.strip()
            if len(text) > _ECHO_LENGTH:
                text = text[: _ECHO_LENGTH - 1].rstrip() + "\u2026"
            # A phrase is echoed in the quotes it was typed with, not quoted twice.
            echoed = text if '"' in text else f"\u201c{text}\u201d"
            return f"No cards match {echoed}"
        position = self.results_model.row_of(self.index)
        if not self._overview_shown and position >= 0:
            return f"Match {position + 1} of {len(results)}"
        return f"{len(results)} of {self.card_count()} cards"

    # -- printing and exporting ------------------------------------------------------------

    def card_choice(self) -> CardChoice | None:
        """What can be printed: the deck, the search's matches, the card on screen."""
        if self.deck is None:
            return None
        searching = self.search.is_active() and self.search.results is not None
        matches = tuple(self.search.results or ()) if searching else None
        from briefing.gui.printing.export_settings import CardChoice

        return CardChoice(self.deck, self.index, matches)

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

        choice = self.card_choice()
        if choice is None or not choice.deck.cards:
            return None
        dialog = PrintPreviewDialog(
            choice, self.export_options(), self.export_scope, self.export_folder(), self
        )
        self.print_preview = dialog
        self._open_export_window(dialog)
        return dialog

    def open_export_dialog(self) -> ExportPdfDialog | None:
        """File > Export PDF, opened without blocking; None when there is nothing to export."""
        from briefing.gui.printing.export_dialog import ExportPdfDialog

        choice = self.card_choice()
        if choice is None or not choice.deck.cards:
            return None
        dialog = ExportPdfDialog(
            choice, self.export_options(), self.export_scope, self.export_folder(), self
        )
        self.export_dialog = dialog
        self._open_export_window(dialog)
        return dialog

    def _open_export_window(self, dialog: PrintPreviewDialog | ExportPdfDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.options_changed.connect(self.on_export_options_changed)
        dialog.exported.connect(self.on_exported)
        dialog.finished.connect(self.on_export_window_closed)
        dialog.open()

    def on_export_options_changed(self, options: ExportOptions, scope: Scope) -> None:
        self._export_options = options
        self.export_scope = scope
        from briefing.gui.printing.export_settings import save_options

        save_options(settings.app_settings(), options)

    def on_exported(self, message: str, path: str) -> None:
        self.notice.show_info(message)
        if path:
            self._export_folder = os.path.dirname(path)
            from briefing.gui.printing.export_settings import save_folder

            save_folder(settings.app_settings(), self._export_folder)

    def on_export_window_closed(self) -> None:
        self.print_preview = None
        self.export_dialog = None

    def start_presentation(self, presenter: bool = False, tag: str = "") -> Presentation | None:
        """F5: present from this card; only the search's matches while searching, or only the
        cards tagged ``tag``. Esc comes back here, on the card last shown."""
        if self.presentation is not None and self.presentation.is_running():
            return self.presentation
        from briefing.gui.present.presentation import present

        self.presentation = present(self, presenter=presenter, tag=tag)
        return self.presentation

    # -- keeping the window in step --------------------------------------------------------

    def _update_state(self) -> None:
        deck = self.deck
        overview = self.overview_visible()
        page = self.empty_state if deck is None else self.overview if overview else self.card_view
        self.stack.setCurrentWidget(page)
        self.setWindowTitle(window_title(deck))
        count = self.card_count()
        self.position_label.setText(f"Card {self.index + 1} of {count}" if count else "")
        on_card = deck is not None and not overview
        self.previous_action.setEnabled(on_card and self.index > 0)
        self.first_action.setEnabled(on_card and self.index > 0)
        self.next_action.setEnabled(on_card and self.index < count - 1)
        self.last_action.setEnabled(on_card and self.index < count - 1)
        self.read_on_action.setEnabled(on_card)
        self.read_back_action.setEnabled(on_card)
        self.flip_action.setEnabled(on_card)
        self.overview_action.setEnabled(deck is not None)
        self.print_action.setEnabled(count > 0)
        self.export_pdf_action.setEnabled(count > 0)
        self.present_action.setEnabled(count > 0)
        self.presenter_view_action.setEnabled(count > 0)
        self.leave_overview_action.setEnabled(overview)
        with_signals = self.overview_action.blockSignals(True)
        self.overview_action.setChecked(overview)
        self.overview_action.blockSignals(with_signals)

        searching = deck is not None and self.search.is_active()
        self.search_field.setEnabled(deck is not None)
        self.find_action.setEnabled(deck is not None)
        has_results = searching and bool(self.search.results)
        self.next_match_action.setEnabled(has_results)
        self.previous_match_action.setEnabled(has_results)
        self.clear_search_action.setEnabled(searching)
        self.header.set_status(self._search_status() if searching else "")
        on_match = on_card and has_results and self.results_model.row_of(self.index) >= 0
        self._assign_keys(searching, on_match)

    def _assign_keys(self, searching: bool, on_match: bool) -> None:
        """Esc clears a search before it leaves the overview; on a matching card, Enter goes
        to the next match rather than flipping (Space still flips)."""
        set_keys(self.clear_search_action, ["Esc"] if searching else [])
        set_keys(self.leave_overview_action, [] if searching else ["Esc"])
        enter = ["Return", "Enter"]
        set_keys(self.flip_action, ["Space"] if on_match else ["Space", *enter])
        set_keys(self.next_match_action, ["F3", *enter] if on_match else ["F3"])
        set_keys(
            self.previous_match_action,
            ["Shift+F3", "Shift+Return", "Shift+Enter"] if on_match else ["Shift+F3"],
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._complete:
            self._fit_toolbar(event.size().width())
        super().resizeEvent(event)

    def _fit_toolbar(self, width: int) -> None:
        compact = width < _COMPACT_WIDTH
        self.toolbar.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        self._keep_arrows_icon_only()  # the toolbar's style just overrode theirs
        self._fit_search_field(width)

    def _fit_search_field(self, width: int) -> None:
        bar = self.header.parentWidget()
        margins = bar.contentsMargins() if bar is not None else None
        row = width - (margins.left() + margins.right() if margins is not None else 0)
        room = row - self.toolbar.sizeHint().width() - _TITLE_ROOM
        field = self.search_field
        narrowest, widest = _SEARCH_WIDTH
        field.setFixedWidth(max(narrowest, min(room, widest)))

    def _keep_arrows_icon_only(self, toolbar: QToolBar | None = None) -> None:
        toolbar = toolbar or self.toolbar
        for action in (self.previous_action, self.next_action):
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.card_view.flip_animation.stop()
        if self._complete:
            self.search.shutdown()
            self.opening.stop()
        super().closeEvent(event)
