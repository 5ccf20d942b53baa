"""The main window: the deck's card in the middle, toolbar and header above it.

The window is built in two stages so that the first card is on screen as soon as it can be:
the card, its banners and the deck's title first; then, once that has been painted, the
toolbar, menus, search, overview and everything else (``complete``). Tests and other callers
get the whole window at once unless they ask for ``staged``.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Deck
from briefing.gui import settings
from briefing.gui.actions import set_keys
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

    from briefing.gui.present.presentation import Presentation

# Narrower than this, the toolbar shows icons only (their tooltips name them), leaving
# room for the deck's title and the search box: at 1280 px the title was cut to a word.
_COMPACT_WIDTH = 1440
# The deck's title keeps this much of the header before the search box may be wider than
# its narrowest; the search box's width depends on the window's alone, so it never moves.
_TITLE_ROOM = 200
_SEARCH_WIDTH = (120, 240)  # the search box's narrowest (at 800 px) and widest
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

    # Made by complete() from window_actions.ACTIONS, one attribute each.
    open_file_action: QAction
    open_folder_action: QAction
    print_action: QAction
    export_pdf_action: QAction
    quit_action: QAction
    previous_action: QAction
    next_action: QAction
    read_on_action: QAction
    read_back_action: QAction
    first_action: QAction
    last_action: QAction
    flip_action: QAction
    overview_action: QAction
    leave_overview_action: QAction
    full_screen_action: QAction
    present_action: QAction
    presenter_view_action: QAction
    find_action: QAction
    next_match_action: QAction
    previous_match_action: QAction
    clear_search_action: QAction

    def __init__(self, parent: QWidget | None = None, *, staged: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.deck: Deck | None = None
        self.index = 0
        self._complete = False
        self._overview_shown = False
        self._opened_from_overview_at = -1e9
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
        self.opening: DeckOpening = DeckOpening(self)  # the start deck shows before complete()
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
        from briefing.gui.card.focus_ring import KeyboardFocusRing
        from briefing.gui.overview.deck_model import DeckListModel
        from briefing.gui.overview.overview_view import OverviewView
        from briefing.gui.printing.print_control import PrintControl
        from briefing.gui.search.search_session import SearchSession
        from briefing.gui.widgets.notice_bar import NoticeBar
        from briefing.gui.window.accessible_names import AccessibleNames
        from briefing.gui.window.appearance import Appearance
        from briefing.gui.window.empty_state import EmptyState
        from briefing.gui.window.error_panel import ErrorPanel
        from briefing.gui.window.help_menu import HelpMenu
        from briefing.gui.window.reading_place import ReadingPlace
        from briefing.gui.window.recent_decks import RecentDecks
        from briefing.gui.window.starring import Starring
        from briefing.gui.window.window_actions import create_actions, create_toolbar
        from briefing.gui.window.zoom_control import ZoomControl

        self.model = DeckListModel(self)
        # Annotated for mypy, which reads window_actions' lambdas before this method.
        self.search_session: SearchSession = SearchSession(self, self.model)
        self.printing: PrintControl = PrintControl(self)
        self.position_label = QLabel()
        self.position_label.setObjectName("positionLabel")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.search_count_label = self.header.status_label
        self.error_panel = ErrorPanel()
        self.error_panel.problem_list.installEventFilter(self)
        self.notice = NoticeBar(info_timeout_ms=_NOTICE_MS)
        self.opening.complete()
        self.overview = OverviewView(self.search_session.results_model)
        self.empty_state = EmptyState()
        self.stack.addWidget(self.overview)
        self.stack.addWidget(self.empty_state)

        # The window's actions, then its parts, one job each, some making actions of their
        # own (in this order: each uses those made before it; the zoom holds the reading
        # place, the theme inks the toolbar, names read its buttons); then the toolbar and
        # menus from their tables, in window_actions.
        create_actions(self)
        self.search_session.show_find_keys(self.find_action)
        self.reading_place = ReadingPlace(self)
        self.starring = Starring(self)
        self.zooming = ZoomControl(self, self.reading_place)
        self.toolbar = create_toolbar(self)
        self.appearance = Appearance(self, self.zooming)
        self.recent_decks = RecentDecks(self)
        self.help_menu = HelpMenu(self)
        self._create_menus()
        self._complete_layout()

        self.card_view.flipped.connect(self.update_state)
        self.overview.card_activated.connect(self.on_overview_card_activated)
        self.search_session.changed.connect(self.update_state)
        self.empty_state.open_file_requested.connect(self.opening.choose_deck_file)
        self.empty_state.open_folder_requested.connect(self.opening.choose_deck_folder)
        # A theme or a new button's name (Starred) changes the toolbar's width: the search
        # box follows.
        self.toolbar.installEventFilter(self)
        self._fit_toolbar(self.width())
        self.accessible_names = AccessibleNames(self, self.starring.stars)
        self.focus_ring = KeyboardFocusRing(self.card_view)
        self.update_state()
        # The card, not the search box (the first in the tab order), has the keys at first.
        if not self.isVisible() or QApplication.focusWidget() is None:
            self.card_view.setFocus()
        self.completed.emit()
        self.opening.open_pending_start()

    # -- building --------------------------------------------------------------------------

    def _create_menus(self) -> None:
        from briefing.gui.present.presentation import PresentMenu
        from briefing.gui.window.window_actions import fill_menus

        fill_menus(self)
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
        row.addWidget(self.search_session.field, 0, Qt.AlignmentFlag.AlignVCenter)
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
        match = self.search_session.card_match(index)
        self.card_view.set_card(self.deck, card, match, keep_side=keep_side)
        self.card_changed.emit(index)
        self.update_state()

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
            self.update_state()

    # -- overview --------------------------------------------------------------------------

    def overview_visible(self) -> bool:
        return self._overview_shown

    def set_overview_visible(self, visible: bool, focus: bool = True) -> None:
        """Show the overview grid (or the card); ``focus`` moves the keyboard focus there."""
        visible = visible and self.deck is not None
        changed = visible != self._overview_shown
        self._overview_shown = visible
        self.update_state()
        if changed and visible:
            self.overview.select_row(self.search_session.overview_row())
        if changed and focus:
            self.focus_stage()

    def focus_stage(self) -> None:
        """The keyboard focus to the card or the overview, whichever is showing."""
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
        index = self.search_session.results_model.source_row(row)
        if self.search_session.is_searching():
            self.search_session.open_match(index)
        else:
            self.go_to(index)
            self.set_overview_visible(False)

    # -- presenting ------------------------------------------------------------------------

    def start_presentation(self, presenter: bool = False, tag: str = "") -> Presentation | None:
        """F5: present from this card; only the search's matches while searching, or only the
        cards tagged ``tag``. Esc comes back here, on the card last shown."""
        if self.presentation is not None and self.presentation.is_running():
            return self.presentation
        from briefing.gui.present.presentation import present

        self.presentation = present(self, presenter=presenter, tag=tag)
        return self.presentation

    # -- keeping the window in step --------------------------------------------------------

    def update_state(self) -> None:
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

        search = self.search_session
        searching = deck is not None and search.is_searching()
        search.field.setEnabled(deck is not None)
        self.find_action.setEnabled(deck is not None)
        has_results = searching and search.has_results()
        self.next_match_action.setEnabled(has_results)
        self.previous_match_action.setEnabled(has_results)
        self.clear_search_action.setEnabled(searching)
        self.header.set_status(search.status() if searching else "")
        on_match = on_card and has_results and search.is_match(self.index)
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
        from briefing.gui.window.window_actions import keep_arrows_icon_only

        compact = width < _COMPACT_WIDTH
        self.toolbar.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        keep_arrows_icon_only(self, self.toolbar)  # the toolbar's style just overrode theirs
        self._fit_search_field(width)

    def _fit_search_field(self, width: int) -> None:
        bar = self.header.parentWidget()
        margins = bar.contentsMargins() if bar is not None else None
        row = width - (margins.left() + margins.right() if margins is not None else 0)
        room = row - self.toolbar.sizeHint().width() - _TITLE_ROOM
        field = self.search_session.field
        narrowest, widest = _SEARCH_WIDTH
        field.setFixedWidth(max(narrowest, min(room, widest)))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.card_view.flip_animation.stop()
        if self._complete:
            settings.save_geometry(self.saveGeometry())
            self.search_session.shutdown()
            self.opening.stop()
        super().closeEvent(event)
