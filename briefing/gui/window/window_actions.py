"""The main window's actions, menus and toolbar, as tables.

Each of the window's actions is written once (its text, tip, keys, icon and what it does);
each menu and the toolbar are the names of their entries in order, the window's own and its
parts' (the star, zoom, theme, recent decks and Help, whose parts make those actions). The
window gets each of its own as an attribute of the same name (``window.flip_action``),
declared on ``MainWindow`` for the type checker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QToolButton

from briefing.gui.actions import Keys, add_action

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow

Run = Callable[["MainWindow"], object]
Toggled = Callable[["MainWindow", bool], object]
StandardKey = QKeySequence.StandardKey
SEPARATOR = "-"


class WindowAction(NamedTuple):
    attribute: str  # the window's attribute holding it
    text: str
    tip: str
    keys: Keys
    run: Run | None = None
    icon: str = ""
    label: str = ""  # the toolbar's short name, when it shows names
    checkable: bool = False
    toggled: Toggled | None = None  # what a checkable action does as it is checked


ACTIONS: tuple[WindowAction, ...] = (
    WindowAction(
        "open_file_action",
        "&Open Deck File\u2026",
        "Open a deck file",
        ["Ctrl+O"],
        lambda w: w.opening.choose_deck_file(),
        "open",
        "Open",
    ),
    WindowAction(
        "open_folder_action",
        "Open Deck &Folder\u2026",
        "Open a deck folder",
        ["Ctrl+Shift+O"],
        lambda w: w.opening.choose_deck_folder(),
    ),
    WindowAction(
        "print_action",
        "&Print\u2026",
        "Preview and print the cards",
        [StandardKey.Print, "Ctrl+P"],
        lambda w: w.printing.open_print_preview(),
    ),
    WindowAction(
        "export_pdf_action",
        "&Export PDF\u2026",
        "Save the cards as a PDF",
        ["Ctrl+Shift+E"],
        lambda w: w.printing.open_export_dialog(),
    ),
    WindowAction("quit_action", "&Quit", "Quit Briefing", ["Ctrl+Q"], lambda w: w.close()),
    WindowAction(
        "previous_action",
        "&Previous Card",
        "Previous card",
        ["Left"],
        lambda w: w.previous_card(),
        "previous",
    ),
    WindowAction(
        "next_action", "&Next Card", "Next card", ["Right"], lambda w: w.next_card(), "next"
    ),
    # As when presenting: a long card is read to its end before the next card comes.
    WindowAction(
        "read_on_action",
        "&Read On",
        "Next page of a long card, then the next card",
        ["PgDown", "Down"],
        lambda w: w.read_on(1),
    ),
    WindowAction(
        "read_back_action",
        "Read &Back",
        "Previous page of a long card, then the previous card",
        ["PgUp", "Up"],
        lambda w: w.read_on(-1),
    ),
    WindowAction("first_action", "&First Card", "First card", ["Home"], lambda w: w.first_card()),
    WindowAction("last_action", "&Last Card", "Last card", ["End"], lambda w: w.last_card()),
    WindowAction(
        "flip_action",
        "F&lip Card",
        "Flip the card",
        ["Space", "Return", "Enter"],
        lambda w: w.flip_card(),
        "flip",
        "Flip",
    ),
    WindowAction(
        "overview_action",
        "&Overview",
        "Show all cards",
        ["G", "Ctrl+Shift+G"],
        icon="overview",
        label="Overview",
        checkable=True,
        toggled=lambda w, on: w.set_overview_visible(on),
    ),
    WindowAction(
        "leave_overview_action",
        "Back to Card",
        "Leave the overview",
        ["Esc"],
        lambda w: w.set_overview_visible(False),
    ),
    WindowAction(
        "full_screen_action",
        "&Full Screen",
        "Full screen, for presenting",
        [StandardKey.FullScreen, "F11"],
        lambda w: w.toggle_full_screen(),
        checkable=True,
    ),
    WindowAction(
        "present_action",
        "&Present",
        "Present from this card, full screen",
        ["F5"],
        lambda w: w.start_presentation(),
        "present",
    ),
    WindowAction(
        "presenter_view_action",
        "Presenter &View",
        "Present with the speaker notes, next card and timers in a window of their own",
        ["Alt+F5"],
        lambda w: w.start_presentation(presenter=True),
    ),
    WindowAction(
        "find_action",
        "&Find Cards\u2026",
        "Search cards",
        [StandardKey.Find, "Ctrl+F"],
        lambda w: w.search_session.focus(),
    ),
    # Enter and Esc move between these and the flip and overview actions as a search starts
    # and ends (MainWindow._assign_keys); F3 stays with them.
    WindowAction(
        "next_match_action",
        "Next &Match",
        "Next matching card",
        ["F3"],
        lambda w: w.search_session.step_match(1),
    ),
    WindowAction(
        "previous_match_action",
        "Pre&vious Match",
        "Previous matching card",
        ["Shift+F3"],
        lambda w: w.search_session.step_match(-1),
    ),
    WindowAction(
        "clear_search_action",
        "&Clear Search",
        "Clear the search and show every card",
        [],
        lambda w: w.search_session.clear(),
    ),
)

# Each menu's entries in order: the window's actions by name, and those of its parts (a
# submenu too) by the part's attribute and theirs ("starring.star_action").
MENUS: dict[str, tuple[str, ...]] = {
    "&File": (
        "open_file_action",
        "open_folder_action",
        "recent_decks.recent_menu",
        SEPARATOR,
        "print_action",
        "export_pdf_action",
        SEPARATOR,
        "quit_action",
    ),
    "&Go": (
        "previous_action",
        "next_action",
        "read_back_action",
        "read_on_action",
        "first_action",
        "last_action",
        SEPARATOR,
        "flip_action",
        SEPARATOR,
        "find_action",
        "next_match_action",
        "previous_match_action",
        "clear_search_action",
        SEPARATOR,
        "starring.star_action",
    ),
    "&View": (
        "overview_action",
        "leave_overview_action",
        SEPARATOR,
        "full_screen_action",
        SEPARATOR,
        "zooming.zoom_in_action",
        "zooming.zoom_out_action",
        "zooming.zoom_reset_action",
        SEPARATOR,
        "appearance.theme_menu",
        "appearance.reduce_motion_action",
    ),
    # The Present menu fills itself (present.presentation.PresentMenu).
    "&Help": ("help_menu.shortcuts_action", "help_menu.about_action"),
}
# The position label ("Card 2 of 6") sits between the arrows.
POSITION = "position_label"
TOOLBAR: tuple[str, ...] = (
    "open_file_action",
    SEPARATOR,
    "previous_action",
    POSITION,
    "next_action",
    SEPARATOR,
    "flip_action",
    "overview_action",
    "present_action",
    "starring.star_action",
)
# Always icons alone, whatever the toolbar's style: the arrows read better than their names.
ICON_ONLY = ("previous_action", "next_action")


def create_actions(window: MainWindow) -> None:
    """Every action of the table, as the window's attribute of its name."""
    from briefing.gui.widgets.icons import icon

    for spec in ACTIONS:
        run = spec.run
        action = add_action(window, spec.text, spec.tip, spec.keys, _slot(window, run))
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.label:
            action.setIconText(spec.label)
        action.setCheckable(spec.checkable)
        toggled = spec.toggled
        if toggled is not None:
            action.toggled.connect(lambda on, toggled=toggled: toggled(window, on))
        setattr(window, spec.attribute, action)


def _slot(window: MainWindow, run: Run | None) -> Callable[[], object]:
    return (lambda: run(window)) if run is not None else (lambda: None)


def fill_menus(window: MainWindow) -> None:
    for title, names in MENUS.items():
        menu = window.menus[title]
        for name in names:
            entry = None if name == SEPARATOR else entry_of(window, name)
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)


def create_toolbar(window: MainWindow) -> QToolBar:
    toolbar = QToolBar("Cards")
    toolbar.setObjectName("cardToolbar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    # The title and then the search box give way first; the toolbar never hides a button.
    toolbar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
    for name in TOOLBAR:
        if name == SEPARATOR:
            toolbar.addSeparator()
        elif name == POSITION:
            toolbar.addWidget(window.position_label)
        else:
            toolbar.addAction(_action(window, name))
    keep_arrows_icon_only(window, toolbar)
    for action in toolbar.actions():
        widget = toolbar.widgetForAction(action)
        if widget is not None:
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return toolbar


def keep_arrows_icon_only(window: MainWindow, toolbar: QToolBar) -> None:
    for name in ICON_ONLY:
        button = toolbar.widgetForAction(_action(window, name))
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)


def entry_of(window: MainWindow, name: str) -> QAction | QMenu:
    """The action or submenu a table names: ``flip_action`` or ``starring.star_action``."""
    entry: object = window
    for attribute in name.split("."):
        entry = getattr(entry, attribute)
    assert isinstance(entry, QAction | QMenu), name
    return entry


def _action(window: MainWindow, name: str) -> QAction:
    action = entry_of(window, name)
    assert isinstance(action, QAction), name
    return action
