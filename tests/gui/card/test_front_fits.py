"""The front shows its whole headline at every window size and zoom: fitted, wrapped,
and scrolled when zoomed type needs more room than the card has; never cut."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from briefing.core.loader import load_deck
from briefing.gui.card import zoom
from briefing.gui.card.front import CardFront
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path


def _headline_is_whole(front: CardFront) -> bool:
    label = front.headline_label
    rect = label.contentsRect()
    flags = int(label.alignment().value) | int(Qt.TextFlag.TextWordWrap.value)
    needed = QFontMetricsF(label.fitted_font()).boundingRect(rect.toRectF(), flags, label.text())
    return (
        not label.is_elided()
        and label.document().toPlainText() == label.text()
        and needed.height() <= rect.height()
        and needed.width() <= rect.width() + 0.5
        # inside the scrolled parts, so scrolling reaches all of it
        and label.geometry().bottom() < front.parts.height()
    )


@pytest.mark.parametrize("size", [(800, 600), (1280, 800), (1920, 1080)])
def test_longest_bundled_headline_is_whole_at_every_zoom(
    window: MainWindow, size: tuple[int, int]
) -> None:
    deck = load_deck(bundled_deck_path())
    longest = max(range(len(deck.cards)), key=lambda i: len(deck.cards[i].headline))
    window.on_deck_loaded(deck)
    window.go_to(longest)
    window.resize(*size)
    front = window.card_view.front
    assert front.headline_label.text() == deck.cards[longest].headline
    cut = []
    for percent in zoom.STEPS:
        window.zooming.set_zoom(percent)
        QApplication.processEvents()
        if not _headline_is_whole(front):
            cut.append(percent)
    assert cut == []


def test_zoomed_front_that_overflows_scrolls_to_the_end_of_its_headline(
    window: MainWindow,
) -> None:
    deck = load_deck(bundled_deck_path())
    longest = max(range(len(deck.cards)), key=lambda i: len(deck.cards[i].headline))
    window.on_deck_loaded(deck)
    window.go_to(longest)
    window.resize(800, 600)
    window.zooming.set_zoom(300)
    QApplication.processEvents()
    front = window.card_view.front
    assert front.scrolls()
    bar = front.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    headline = front.headline_label.geometry()
    assert headline.bottom() <= bar.maximum() + front.scroll_area.viewport().height()
    window.next_card()  # a new card is read from its top
    assert front.scroll_area.verticalScrollBar().value() == 0


def test_front_without_overflow_does_not_scroll(window: MainWindow) -> None:
    window.resize(1280, 800)
    QApplication.processEvents()
    assert not window.card_view.front.scrolls()


def test_clicking_a_scrolling_front_still_flips_it(qtbot: Any, window: MainWindow) -> None:
    window.resize(800, 600)
    window.zooming.set_zoom(300)
    QApplication.processEvents()
    front = window.card_view.front
    assert front.scrolls()
    viewport = front.scroll_area.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    assert window.card_view.is_flipped()
