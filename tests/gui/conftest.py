"""Fixtures for the GUI tests: hand-built decks, a shown window, instant flips."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path
from typing import Any

import factories
import pytest
from print_helpers import EngineSpy
from PySide6.QtWidgets import QApplication

from briefing.core.model import Deck, Source
from briefing.gui.app import prepare_application
from briefing.gui.card.card_view import CardView
from briefing.gui.present import presentation as presentation_module
from briefing.gui.present.presentation import Presentation
from briefing.gui.search.card_search import CardSearch
from briefing.gui.window.main_window import MainWindow

MakeDeck = Callable[..., Deck]
Start = Callable[..., Presentation]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Qt's offscreen platform warns about size hints it cannot pass on to a real window.
    marker = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
    for item in items:
        if Path(__file__).parent in Path(str(item.fspath)).parents:
            item.add_marker(marker)


@pytest.fixture(autouse=True)
def _index_decks_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window waits a moment after a deck opens before indexing it; tests need not."""
    monkeypatch.setattr(CardSearch, "build_delay_ms", 0)


@pytest.fixture(autouse=True)
def settings_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Where the app's settings go during a test (their config folder): never the
    developer's own."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> EngineSpy:
    """The export engine, its calls noted (see ``EngineSpy``)."""
    spy = EngineSpy()
    spy.install(monkeypatch)
    return spy


# The window's tests read an unmarked deck with a subtitle and a source with a URL.
_WINDOW_DECK: dict[str, Any] = {
    "subtitle": "A subtitle",
    "date": "2024-06-21",
    "author": "",
    "marking": "",
    "sources": (Source("src", "A source", "Publisher", "2024", "https://example.org/a"),),
}


@pytest.fixture
def make_deck() -> MakeDeck:
    """``make_deck(3, title=..., cards=(...))``: a deck of numbered cards."""

    def make(n_cards: int = 6, **fields: Any) -> Deck:
        return factories.make_deck(n_cards, **{**_WINDOW_DECK, **fields})

    return make


@pytest.fixture
def instant_flip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CardView, "flip_duration_ms", 0)


@pytest.fixture
def styled_app(qapp: QApplication) -> QApplication:
    prepare_application(qapp)
    return qapp


@pytest.fixture
def new_window(qtbot: Any, styled_app: QApplication) -> Callable[[], MainWindow]:
    """Shown, active main windows with no deck yet."""

    def make() -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make


@pytest.fixture
def window(
    new_window: Callable[[], MainWindow], make_deck: MakeDeck, instant_flip: None
) -> MainWindow:
    """A shown window on a six-card deck, flips instant."""
    shown = new_window()
    shown.on_deck_loaded(make_deck(6))
    return shown


@pytest.fixture
def deck_folder(tmp_path: Path) -> Path:
    """A valid two-card folder deck on disk, for the real loader."""
    folder = tmp_path / "good-deck"
    folder.mkdir()
    (folder / "deck.yaml").write_text(
        "title: Good deck\nsubtitle: From disk\nsources:\n  - id: s\n    title: Source S\n",
        encoding="utf-8",
    )
    (folder / "alpha.yaml").write_text(
        "title: Alpha\nheadline: First headline.\nbody: First body.\nsources: [s]\n",
        encoding="utf-8",
    )
    (folder / "beta.yaml").write_text(
        "title: Beta\nheadline: Second headline.\nbody: Second body.\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def broken_folder(tmp_path: Path) -> Path:
    """A folder deck whose deck.yaml is not YAML."""
    folder = tmp_path / "broken-deck"
    folder.mkdir()
    (folder / "deck.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    return folder


@pytest.fixture
def screen_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """Presenting asks the desktop to keep the screen awake; tests send nothing (a module
    that checks the request overrides this fixture with a fake that notes it)."""
    monkeypatch.setattr(presentation_module, "inhibit_screen_sleep", lambda _why: lambda: None)


@pytest.fixture
def start(window: MainWindow, screen_sleep: object, qtbot: Any) -> Start:
    """Start presenting ``window``'s deck (F5, or Alt+F5 with ``presenter=True``)."""

    def begin(presenter: bool = False, tag: str = "") -> Presentation:
        shown = window.start_presentation(presenter=presenter, tag=tag)
        assert shown is not None
        for each in (shown.audience, shown.presenter):
            if each is not None:
                qtbot.addWidget(each)
        focus = shown.presenter or shown.audience
        qtbot.waitUntil(lambda: QApplication.activeWindow() is focus)
        return shown

    return begin
