"""The main window: the deck's card in the middle, toolbar and header above it."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
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

from briefing.core import loader
from briefing.core.errors import DeckError, Problem
from briefing.core.model import Deck
from briefing.gui.deck_model import DeckListModel
from briefing.gui.icons import icon
from briefing.gui.qt_card_view import CardView
from briefing.gui.qt_deck_header import DeckHeader
from briefing.gui.qt_empty_state import EmptyState
from briefing.gui.qt_error_panel import ErrorPanel
from briefing.gui.qt_marking_banner import MarkingBanner
from briefing.gui.qt_overview import OverviewView

DECK_FILE_FILTER = "Briefing decks (*.yaml *.yml);;All files (*)"


class MainWindow(QMainWindow):
    deck_changed = Signal(object)  # the Deck now on screen
    card_changed = Signal(int)  # index of the card now on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.deck: Deck | None = None
        self.index = 0
        self._overview_shown = False
        self.model = DeckListModel(self)

        self.top_banner = MarkingBanner()
        self.bottom_banner = MarkingBanner()
        self.header = DeckHeader()
        self.position_label = QLabel()
        self.position_label.setObjectName("positionLabel")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_panel = ErrorPanel()
        self.card_view = CardView()
        self.overview = OverviewView(self.model)
        self.empty_state = EmptyState()
        self.stack = QStackedWidget()
        self.stack.setObjectName("stage")
        for page in (self.card_view, self.overview, self.empty_state):
            self.stack.addWidget(page)

        self._create_actions()
        self.toolbar = self._create_toolbar()
        self._create_menus()
        self.setCentralWidget(self._layout())

        self.card_view.clicked.connect(self.flip_card)
        self.card_view.flipped.connect(self._update_state)
        self.overview.card_activated.connect(self.on_overview_card_activated)
        self.empty_state.open_file_requested.connect(self.choose_deck_file)
        self.empty_state.open_folder_requested.connect(self.choose_deck_folder)
        self.setAcceptDrops(True)
        self.setMinimumSize(720, 520)
        available = self.screen().availableGeometry()
        self.resize(min(1280, available.width() * 9 // 10), min(800, available.height() * 9 // 10))
        self._update_state()

    # -- building --------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        tip: str,
        shortcuts: Sequence[str | QKeySequence.StandardKey],
        slot: Callable[[], object],
        icon_name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        sequences = [QKeySequence(s) for s in shortcuts]
        unique = {sequence.toString(): sequence for sequence in sequences if not sequence.isEmpty()}
        action.setShortcuts(list(unique.values()))
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        # On the window as well as in a menu, so the keys work wherever the focus is.
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.open_file_action = self._action(
            "&Open Deck File\u2026", "Open a deck file", ["Ctrl+O"], self.choose_deck_file, "open"
        )
        self.open_folder_action = self._action(
            "Open Deck &Folder\u2026",
            "Open a deck folder",
            ["Ctrl+Shift+O"],
            self.choose_deck_folder,
        )
        self.quit_action = self._action("&Quit", "Quit Briefing", ["Ctrl+Q"], self.close)
        self.previous_action = self._action(
            "&Previous Card", "Previous card", ["Left", "PgUp"], self.previous_card, "previous"
        )
        self.next_action = self._action(
            "&Next Card", "Next card", ["Right", "PgDown"], self.next_card, "next"
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

    def _create_toolbar(self) -> QToolBar:
        self.open_file_action.setIconText("Open")
        self.flip_action.setIconText("Flip")
        self.overview_action.setIconText("Overview")
        toolbar = QToolBar("Cards")
        toolbar.setObjectName("cardToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.open_file_action)
        toolbar.addSeparator()
        toolbar.addAction(self.previous_action)
        toolbar.addWidget(self.position_label)
        toolbar.addAction(self.next_action)
        toolbar.addSeparator()
        toolbar.addAction(self.flip_action)
        toolbar.addAction(self.overview_action)
        for action in (self.previous_action, self.next_action):
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if widget is not None:
                widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return toolbar

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.open_file_action, self.open_folder_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        go_menu = self.menuBar().addMenu("&Go")
        go_menu.addActions([self.previous_action, self.next_action])
        go_menu.addActions([self.first_action, self.last_action])
        go_menu.addSeparator()
        go_menu.addAction(self.flip_action)
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions([self.overview_action, self.leave_overview_action])
        view_menu.addSeparator()
        view_menu.addAction(self.full_screen_action)

    def _layout(self) -> QWidget:
        header_bar = QFrame()
        header_bar.setObjectName("headerBar")
        header_row = QHBoxLayout(header_bar)
        header_row.setContentsMargins(0, 0, 0, 0)
        header_row.addWidget(self.header, 1)
        header_row.addWidget(self.toolbar, 0, Qt.AlignmentFlag.AlignVCenter)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        central = QWidget()
        central.setObjectName("central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_banner)
        column.addWidget(header_bar)
        column.addWidget(self.error_panel)
        column.addWidget(self.stack, 1)
        column.addWidget(self.bottom_banner)
        return central

    # -- opening decks ---------------------------------------------------------------------

    def open_deck(self, path: str | os.PathLike[str]) -> bool:
        """Show the deck at ``path``; if it has problems, list them and keep the current deck."""
        shown = os.fspath(path)
        try:
            deck = loader.load_deck(shown)
        except DeckError as error:
            self.on_deck_failed(shown, error.problems)
            return False
        except OSError as error:  # the loader reports these itself; a last safety net
            self.on_deck_failed(shown, [Problem(shown, 1, 1, error.strerror or str(error))])
            return False
        self.on_deck_loaded(deck)
        return True

    def on_deck_loaded(self, deck: Deck) -> None:
        self.deck = deck
        self.model.set_deck(deck)
        self.error_panel.hide()
        self.header.set_deck(deck)
        self.top_banner.set_marking(deck.marking)
        self.bottom_banner.set_marking(deck.marking)
        self.set_overview_visible(False)
        self.deck_changed.emit(deck)
        self.go_to(0)

    def on_deck_failed(self, path: str, problems: Sequence[Problem]) -> None:
        self.error_panel.show_problems(path, problems, self.deck.title if self.deck else "")
        self._update_state()

    def choose_deck_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Deck File", self._dialog_folder(), DECK_FILE_FILTER
        )
        if path:
            self.open_deck(path)

    def choose_deck_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Open Deck Folder", self._dialog_folder())
        if path:
            self.open_deck(path)

    def _dialog_folder(self) -> str:
        return str(self.deck.folder) if self.deck is not None else ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_files(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_files(event)

    def _accept_files(self, event: QDragMoveEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_deck(path)

    @staticmethod
    def _dropped_path(event: QDropEvent) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        return next((url.toLocalFile() for url in mime.urls() if url.isLocalFile()), None)

    # -- moving through the deck -----------------------------------------------------------

    def card_count(self) -> int:
        return len(self.deck.cards) if self.deck is not None else 0

    def go_to(self, index: int) -> None:
        if self.deck is None or not 0 <= index < len(self.deck.cards):
            return
        self.index = index
        self.card_view.set_card(self.deck, self.deck.cards[index])
        self.card_changed.emit(index)
        self._update_state()

    def next_card(self) -> None:
        self.go_to(self.index + 1)

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

    def set_overview_visible(self, visible: bool) -> None:
        visible = visible and self.deck is not None
        changed = visible != self._overview_shown
        self._overview_shown = visible
        self._update_state()
        if changed and visible:
            self.overview.select_row(self.index)
            self.overview.setFocus()
        elif changed:
            self.card_view.setFocus()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.full_screen_action.setChecked(self.isFullScreen())

    def on_overview_card_activated(self, row: int) -> None:
        self.go_to(row)
        self.set_overview_visible(False)

    # -- keeping the window in step --------------------------------------------------------

    def _update_state(self) -> None:
        deck = self.deck
        overview = self.overview_visible()
        page = self.empty_state if deck is None else self.overview if overview else self.card_view
        self.stack.setCurrentWidget(page)
        self.setWindowTitle(f"{deck.title} \u2014 Briefing" if deck else "Briefing")
        count = self.card_count()
        self.position_label.setText(f"Card {self.index + 1} of {count}" if count else "")
        on_card = deck is not None and not overview
        self.previous_action.setEnabled(on_card and self.index > 0)
        self.first_action.setEnabled(on_card and self.index > 0)
        self.next_action.setEnabled(on_card and self.index < count - 1)
        self.last_action.setEnabled(on_card and self.index < count - 1)
        self.flip_action.setEnabled(on_card)
        self.overview_action.setEnabled(deck is not None)
        self.leave_overview_action.setEnabled(overview)
        with_signals = self.overview_action.blockSignals(True)
        self.overview_action.setChecked(overview)
        self.overview_action.blockSignals(with_signals)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.card_view.flip_animation.stop()
        super().closeEvent(event)
