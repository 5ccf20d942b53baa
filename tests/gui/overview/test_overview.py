from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from briefing.core.model import Deck
from briefing.gui.overview.deck_model import DeckListModel
from briefing.gui.window.main_window import MainWindow

MakeDeck = Callable[..., Deck]


def test_deck_model_passes_qt_model_tester(qtmodeltester: Any, make_deck: MakeDeck) -> None:
    model = DeckListModel()
    model.set_deck(make_deck(5))
    qtmodeltester.check(model)
    model.set_deck(None)
    qtmodeltester.check(model)


def test_deck_model_rows_are_cards(make_deck: MakeDeck) -> None:
    deck = make_deck(3)
    model = DeckListModel()
    model.set_deck(deck)
    assert model.rowCount() == 3
    index = model.index(1, 0)
    assert index.data() == "Topic 2"
    assert index.data(DeckListModel.CardRole) is deck.cards[1]


def test_g_opens_overview_with_current_card_selected(qtbot: Any, window: MainWindow) -> None:
    window.go_to(2)
    qtbot.keyClick(window.card_view, Qt.Key.Key_G)
    assert window.overview_visible()
    assert window.stack.currentWidget() is window.overview
    assert window.overview.selected_row() == 2
    assert window.overview.hasFocus()
    assert window.overview_action.isChecked()


def test_arrows_move_selection_in_overview_not_the_card(qtbot: Any, window: MainWindow) -> None:
    window.set_overview_visible(True)
    qtbot.keyClick(window.overview, Qt.Key.Key_Right)
    assert window.overview.selected_row() == 1
    assert window.index == 0
    assert not window.next_action.isEnabled()
    assert not window.flip_action.isEnabled()


def test_enter_in_overview_opens_chosen_card(qtbot: Any, window: MainWindow) -> None:
    window.set_overview_visible(True)
    qtbot.keyClick(window.overview, Qt.Key.Key_Right)
    qtbot.keyClick(window.overview, Qt.Key.Key_Right)
    qtbot.keyClick(window.overview, Qt.Key.Key_Return)
    assert not window.overview_visible()
    assert window.index == 2
    assert window.position_label.text() == "Card 3 of 6"
    assert not window.card_view.is_flipped()
    assert window.card_view.isVisible()


def test_double_click_in_overview_opens_card(qtbot: Any, window: MainWindow) -> None:
    window.set_overview_visible(True)
    viewport = window.overview.viewport()
    centre = window.overview.visualRect(window.overview.model().index(4, 0)).center()
    # What a platform sends for a double click (QTest's mouseDClick leaves out the 2nd press).
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=centre)
    double = QMouseEvent(
        QEvent.Type.MouseButtonDblClick,
        QPointF(centre),
        QPointF(viewport.mapToGlobal(centre)),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, double)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert not window.overview_visible()
    assert window.index == 4


def test_escape_leaves_overview_keeping_current_card(qtbot: Any, window: MainWindow) -> None:
    window.go_to(1)
    window.set_overview_visible(True)
    qtbot.keyClick(window.overview, Qt.Key.Key_Down)
    qtbot.keyClick(window.overview, Qt.Key.Key_Escape)
    assert not window.overview_visible()
    assert window.index == 1
    assert window.next_action.isEnabled()


def test_g_again_leaves_overview(qtbot: Any, window: MainWindow) -> None:
    window.set_overview_visible(True)
    qtbot.keyClick(window.overview, Qt.Key.Key_G)
    assert not window.overview_visible()


def test_toolbar_overview_button_toggles_overview(qtbot: Any, window: MainWindow) -> None:
    button = window.toolbar.widgetForAction(window.overview_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.overview_visible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not window.overview_visible()


def test_overview_paints_a_thumbnail_per_card(window: MainWindow) -> None:
    window.set_overview_visible(True)
    QApplication.processEvents()
    image = window.overview.viewport().grab().toImage()
    first = window.overview.visualRect(window.overview.model().index(0, 0))
    assert first.isValid()
    assert image.pixelColor(first.center()).lightness() > 240  # the white card


def test_overview_opens_scrolled_to_a_card_far_down_a_large_deck(
    qtbot: Any, window: MainWindow, make_deck: MakeDeck
) -> None:
    window.on_deck_loaded(make_deck(600))  # laid out in batches of 100
    window.go_to(590)
    window.set_overview_visible(True)
    assert window.overview.selected_row() == 590
    overview = window.overview

    def card_in_view() -> None:
        rect = overview.visualRect(overview.model().index(590, 0))
        assert rect.isValid()
        assert overview.viewport().rect().contains(rect.center())

    qtbot.waitUntil(card_in_view)


def test_single_click_in_overview_opens_card_and_a_double_click_does_not_flip_it(
    qtbot: Any, window: MainWindow
) -> None:
    window.set_overview_visible(True)
    viewport = window.overview.viewport()
    centre = window.overview.visualRect(window.overview.model().index(3, 0)).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert not window.overview_visible()
    assert window.index == 3
    # the second click of a double click lands on the card just opened
    window.card_view.clicked.emit()
    assert not window.card_view.is_flipped()
