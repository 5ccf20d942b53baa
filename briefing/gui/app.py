"""Start the app: ``run(path)`` shows the window on a deck and runs the event loop."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from briefing import __version__
from briefing.gui import settings, themes
from briefing.gui.fonts import register_fonts
from briefing.gui.qt_main_window import MainWindow

if TYPE_CHECKING:  # a message box is built only when something goes wrong
    from PySide6.QtWidgets import QMessageBox

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def run(path: str | None) -> int:
    """Open the deck at ``path`` (the bundled deck when None) and run until the window closes."""
    app = create_application()
    window = build_main_window(path, staged=True)
    install_excepthook(window)
    window.show()
    return app.exec()


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Briefing")
    app.setOrganizationName("Briefing")
    app.setApplicationVersion(__version__)
    return app


_fonts: list[str] = []


def prepare_application(app: QApplication) -> None:
    """Bundled fonts and the stylesheet of the chosen theme; safe to call more than once."""
    if not _fonts:
        _fonts.extend(register_fonts())
    style = themes.stylesheet(
        themes.effective(settings.theme(tuple(themes.THEMES), themes.DEFAULT))
    )
    if app.styleSheet() != style:  # setting it again would restyle every widget
        app.setStyleSheet(style)


def build_main_window(path: str | None, *, staged: bool = False) -> MainWindow:
    """The window on the deck at ``path`` (when None, the last deck or else the bundled one),
    not yet shown. ``staged``: only the card is built now, the rest once it is painted."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    prepare_application(app)
    window = MainWindow(staged=staged)
    window.open_start_deck(path)
    return window


def install_excepthook(parent: QWidget | None) -> ExceptHook:
    """Report uncaught exceptions in a non-modal message (the traceback goes to stderr
    only, for a developer's terminal); returns the old hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        print("".join(traceback.format_exception(kind, error, tb)), file=sys.stderr, end="")
        show_error_message(parent, error)

    sys.excepthook = hook
    return previous


_open_messages: set[QMessageBox] = set()  # a box without a parent needs a Python owner


def show_error_message(parent: QWidget | None, error: BaseException) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    _open_messages.add(box)
    box.finished.connect(lambda _result: _open_messages.discard(box))
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Briefing")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        "Something went wrong. Briefing is still running; your deck is unchanged.\n\n"
        f"{type(error).__name__}: {error}"
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
