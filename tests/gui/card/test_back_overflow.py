"""A back whose only overflow is the space under its last line shows no scroll bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from briefing.core.loader import load_deck
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path


def test_no_scroll_bar_for_an_overflow_of_only_the_space_under_the_last_line(
    qtbot: Any, window: MainWindow
) -> None:
    window.on_deck_loaded(load_deck(bundled_deck_path()))
    window.card_view.flip(animated=False)
    browser = window.card_view.back.browser
    bar = browser.verticalScrollBar()
    absorbed = overflowing = 0
    # Heights around the one where the first back's leading under its last line overflowed
    for height in range(770, 830, 2):
        window.resize(1280, height)
        QApplication.processEvents()
        document = browser.document()
        last = document.documentLayout().blockBoundingRect(document.lastBlock())
        visible = browser.contentsRect().height()
        text_fits = last.bottom() <= visible
        overflow = document.size().height() - visible
        if text_fits and overflow > 0:
            absorbed += 1
            assert bar.maximum() == 0 and not bar.isVisible(), height
        elif not text_fits:
            overflowing += 1
            assert bar.maximum() > 0 and bar.isVisible(), height  # real overflow still scrolls
    assert absorbed and overflowing  # both cases were met
