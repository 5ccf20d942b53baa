"""Reading keys behave as presenting's: Down / Page Down read a long card to its end before
the next card comes, Up / Page Up back up it to its top before the previous card."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import MakeDeck
from contrast_helpers import top_row_cuts_text
from factories import make_card
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing.core.errors import Problem
from briefing.gui.window.main_window import MainWindow

LONG_BODY = "\n\n".join(f"Paragraph {n} of a back much longer than the card." for n in range(60))


@pytest.fixture
def on_long_back(window: MainWindow, make_deck: MakeDeck) -> MainWindow:
    """The second of three cards, turned to a back far longer than the card."""
    cards = (make_card(1), make_card(2, body=LONG_BODY), make_card(3))
    window.on_deck_loaded(make_deck(0, cards=cards))
    window.go_to(1)
    window.flip_card()
    QApplication.processEvents()
    assert window.card_view.back.browser.verticalScrollBar().maximum() > 0
    return window


def _scrolled(window: MainWindow) -> int:
    return window.card_view.back.browser.verticalScrollBar().value()


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_PageDown], ids=["Down", "PgDown"])
def test_down_reads_a_long_back_to_its_end_then_goes_to_the_next_card(
    qtbot: Any, on_long_back: MainWindow, key: Qt.Key
) -> None:
    window = on_long_back
    bar = window.card_view.back.browser.verticalScrollBar()
    presses = 0
    while bar.value() < bar.maximum():
        before = bar.value()
        qtbot.keyClick(window.card_view, key)
        presses += 1
        assert window.index == 1 and window.card_view.is_flipped()
        assert bar.value() > before
        assert presses < 100
    assert presses >= 2  # a page at a time, not a jump to the end
    qtbot.keyClick(window.card_view, key)
    assert window.index == 2


@pytest.mark.parametrize("key", [Qt.Key.Key_Up, Qt.Key.Key_PageUp], ids=["Up", "PgUp"])
def test_up_backs_up_a_long_back_to_its_top_then_goes_to_the_previous_card(
    qtbot: Any, on_long_back: MainWindow, key: Qt.Key
) -> None:
    window = on_long_back
    bar = window.card_view.back.browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    while bar.value() > 0:
        qtbot.keyClick(window.card_view, key)
        assert window.index == 1
    qtbot.keyClick(window.card_view, key)
    assert window.index == 0


def test_right_and_left_change_the_card_without_reading_the_back(
    qtbot: Any, on_long_back: MainWindow
) -> None:
    qtbot.keyClick(on_long_back.card_view, Qt.Key.Key_Right)
    assert on_long_back.index == 2
    on_long_back.go_to(1)
    on_long_back.flip_card()
    qtbot.keyClick(on_long_back.card_view, Qt.Key.Key_Left)
    assert on_long_back.index == 0


def test_down_on_a_short_card_goes_to_the_next_card(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window.card_view, Qt.Key.Key_Down)
    assert window.index == 1
    qtbot.keyClick(window.card_view, Qt.Key.Key_Up)
    assert window.index == 0


def test_down_reads_a_zoomed_front_that_scrolls_before_the_next_card(
    qtbot: Any, window: MainWindow
) -> None:
    window.resize(800, 600)
    window.zooming.set_zoom(300)
    QApplication.processEvents()
    front = window.card_view.front
    assert front.scrolls()
    qtbot.keyClick(window.card_view, Qt.Key.Key_Down)
    assert window.index == 0
    assert front.scroll_area.verticalScrollBar().value() > 0


def test_problem_list_keeps_its_arrow_keys(qtbot: Any, window: MainWindow) -> None:
    problems = [Problem("deck.yaml", line, 1, f"problem {line}") for line in (1, 2, 3)]
    window.error_panel.show_problems("deck.yaml", problems, still_showing="Test deck")
    panel_list = window.error_panel.problem_list
    panel_list.setFocus()
    panel_list.setCurrentRow(0)
    qtbot.keyClick(panel_list, Qt.Key.Key_Down)
    assert panel_list.currentRow() == 1
    assert window.index == 0


@pytest.mark.parametrize("zoom", [100, 170, 300])
def test_paging_a_long_back_starts_every_page_on_a_whole_line(
    qtbot: Any, on_long_back: MainWindow, zoom: int
) -> None:
    window = on_long_back
    window.resize(800, 600)
    window.zooming.set_zoom(zoom)
    QApplication.processEvents()
    bar = window.card_view.back.browser.verticalScrollBar()
    pages = 0
    while bar.value() < bar.maximum():
        qtbot.keyClick(window.card_view, Qt.Key.Key_PageDown)
        if bar.value() < bar.maximum():  # the end is wherever the text ends
            pages += 1
            assert not top_row_cuts_text(window.card_view.back), f"page {pages} starts cut"
    assert pages >= 2
    while bar.value() > 0:
        qtbot.keyClick(window.card_view, Qt.Key.Key_PageUp)
        assert not top_row_cuts_text(window.card_view.back), "paging back up starts on a cut line"
