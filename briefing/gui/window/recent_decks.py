"""File > Open Recent: the last decks opened, newest first, each named by its folder too."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QMenu

from briefing.core.errors import shown_name
from briefing.core.model import Deck
from briefing.gui import settings

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow

_RECENT_FOLDER_PX = 320  # the most of a recent deck's folder its menu entry shows


class RecentDecks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.clear_recent_action = QAction("&Clear Recent", self)
        self.clear_recent_action.triggered.connect(self.clear_recent)
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()
        window.deck_changed.connect(self.on_deck_changed)

    def on_deck_changed(self, deck: Deck) -> None:
        if deck.path:
            settings.remember_opened(deck.path)

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = settings.recent_decks()
        metrics = QFontMetrics(menu.font())
        for number, path in enumerate(recent, start=1):
            label = recent_label(path, metrics).replace("&", "&&")  # "&" is no mnemonic
            action = menu.addAction(f"&{number % 10} {label}")
            action.setToolTip(shown_name(path))
            action.setStatusTip(shown_name(path))
            action.setData(path)
            action.setEnabled(os.path.exists(path))
            action.triggered.connect(lambda _=False, path=path: self.window.open_deck(path))
        if not recent:
            menu.addAction("No Recent Decks").setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(recent))

    def clear_recent(self) -> None:
        settings.clear_recent()
        self.fill_recent_menu()


def recent_label(path: str, metrics: QFontMetrics) -> str:
    """ "cards \u2014 ~/work/briefing": the deck's name and the folder it is in, the folder
    elided in the middle when long (the whole path is the entry's tooltip)."""
    stripped = path.rstrip(os.sep) or path
    name = shown_name(os.path.basename(stripped) or stripped)
    folder = os.path.dirname(stripped)
    if not folder:
        return name
    home = os.path.expanduser("~")
    if home not in ("", "~", os.sep) and (folder == home or folder.startswith(home + os.sep)):
        folder = "~" + folder[len(home) :]
    where = metrics.elidedText(shown_name(folder), Qt.TextElideMode.ElideMiddle, _RECENT_FOLDER_PX)
    return f"{name} \u2014 {where}"
