"""The Help menu: Keyboard Shortcuts (F1) and About, each a dialog made on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from briefing.gui.actions import add_action

if TYPE_CHECKING:
    from briefing.gui.window.about_dialog import AboutDialog
    from briefing.gui.window.main_window import MainWindow
    from briefing.gui.window.shortcuts_dialog import ShortcutsDialog


class HelpMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.shortcuts_action = add_action(
            window, "&Keyboard Shortcuts", "Every key the window knows", ["F1"], self.show_shortcuts
        )
        self.about_action = add_action(
            window, "&About Briefing", "Versions and licences", [], self.show_about
        )

    def show_shortcuts(self) -> ShortcutsDialog:
        from briefing.gui.window.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.refresh()
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog

    def show_about(self) -> AboutDialog:
        from briefing.gui.window.about_dialog import AboutDialog

        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self.window)
        self.about_dialog.show()
        return self.about_dialog
