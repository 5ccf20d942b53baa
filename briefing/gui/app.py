"""Start the app: ``run(path)`` shows the window on a deck and runs the event loop."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from briefing import APP_ID, __version__
from briefing.gui import settings, themes
from briefing.gui.window.main_window import MainWindow
from briefing.render.fonts import register_fonts

if TYPE_CHECKING:  # a message box is built only when something goes wrong
    from PySide6.QtWidgets import QMessageBox

    from briefing.core.errors import Problem
    from briefing.core.model import Deck
    from briefing.instance import Listener

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def run(path: str | None, listener: Listener | None = None) -> int:
    """Open the deck at ``path`` (the bundled deck when None) and run until the window closes;
    with a ``listener``, later starts of the session hand their decks to this window."""
    app = create_application()
    window = build_main_window(path, staged=True)
    install_excepthook(window)
    if path:
        report_start_problems(window)
    # Off the start-up path: the icon (Qt's SVG renderer) and the server (QtNetwork, some
    # 12 ms to import) wait until the window is complete and a turn of the event loop has
    # passed; later starts wait in the socket's backlog meanwhile.
    window.completed.connect(
        lambda: QTimer.singleShot(0, lambda: _after_first_card(window, listener))
    )
    window.show()
    try:
        return app.exec()
    finally:
        if listener is not None:
            listener.remove()


def _after_first_card(window: MainWindow, listener: Listener | None) -> None:
    from briefing.gui.widgets.icons import app_icon

    QApplication.setWindowIcon(app_icon())
    if listener is not None:
        from briefing.gui.instance_server import InstanceServer

        server = InstanceServer(listener, window)
        server.deck_requested.connect(lambda deck, token: show_requested_deck(window, deck, token))


def show_requested_deck(window: MainWindow, deck: str | None, token: str) -> None:
    """A later start's deck, in this window, brought to the front."""
    if token:  # lets Wayland bring the window forward, as the launcher allowed that start
        os.environ["XDG_ACTIVATION_TOKEN"] = token
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    os.environ.pop("XDG_ACTIVATION_TOKEN", None)  # used once (Qt reads it on activating)
    if deck is not None:
        window.open_deck(deck)


def report_start_problems(window: MainWindow) -> None:
    """If the deck named on the command line cannot be opened, say why on the terminal too
    (the window shows it as well)."""

    def failed(_path: str, problems: list[Problem]) -> None:
        for problem in problems:
            print(problem, file=sys.stderr)
        done()

    def done(_deck: Deck | None = None) -> None:
        window.deck_failed.disconnect(failed)
        window.deck_changed.disconnect(done)

    window.deck_failed.connect(failed)
    window.deck_changed.connect(done)


def create_application() -> QApplication:
    existing = QApplication.instance()
    # Named so, not after sys.argv[0], which is `__main__.py` under `python3 -m briefing`.
    app = existing if isinstance(existing, QApplication) else QApplication([APP_ID])
    app.setDesktopFileName(APP_ID)
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
    window.opening.open_start_deck(path)
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
