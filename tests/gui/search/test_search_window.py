"""Searching from the window: Ctrl+F, results in the overview, opening and stepping through
matches, Esc, and keys that must stay with the search box."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from factories import make_card
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from search_helpers import (
    shown_card_id,
    shown_ids,
    type_query,
    wait_for_index,
    wait_for_results,
)

from briefing.core.loader import load_deck
from briefing.core.model import Deck
from briefing.core.search import index as search
from briefing.core.search.index import SearchIndex
from briefing.gui.overview.deck_model import DeckListModel
from briefing.gui.search.results_model import SearchResultsModel
from briefing.gui.window.main_window import MainWindow
from briefing.paths import bundled_deck_path

MakeDeck = Callable[..., Deck]


@pytest.fixture(scope="module")
def bundled_deck() -> Deck:
    return load_deck(bundled_deck_path())


@pytest.fixture
def bundled(window: MainWindow, bundled_deck: Deck, qtbot: Any) -> MainWindow:
    """The window on the bundled deck (six cards; "stolt" matches two), index built."""
    window.on_deck_loaded(bundled_deck)
    wait_for_index(qtbot, window)
    return window


# -- finding -----------------------------------------------------------------------------


def test_the_card_not_the_search_field_has_the_keys_at_first(
    qtbot: Any, styled_app: QApplication, make_deck: MakeDeck
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.on_deck_loaded(make_deck(3))  # as the app does: the deck, then the window shows
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is window.card_view


def test_ctrl_f_focuses_the_search_field(qtbot: Any, window: MainWindow) -> None:
    assert window.search_session.field.isVisible()
    assert window.search_session.field.placeholderText() == "Search cards (Ctrl+F)"
    assert window.search_session.field.isClearButtonEnabled()
    qtbot.keyClick(window.card_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_session.field.hasFocus()


def test_typing_shows_only_matching_cards_with_a_count(qtbot: Any, bundled: MainWindow) -> None:
    type_query(qtbot, bundled, "stolt")
    assert bundled.overview_visible()
    assert shown_ids(bundled) == ["weapons", "nato-response"]
    assert bundled.search_count_label.isVisible()
    assert bundled.search_count_label.text() == "2 of 6 cards"
    assert bundled.search_session.field.hasFocus()  # typing goes on in the field


def test_results_update_on_every_keystroke(qtbot: Any, bundled: MainWindow) -> None:
    type_query(qtbot, bundled, "st")
    broad = len(shown_ids(bundled))
    qtbot.keyClicks(bundled.search_session.field, "olt")
    wait_for_results(qtbot, bundled)
    assert bundled.search_session.field.text() == "stolt"
    assert len(shown_ids(bundled)) == 2 < broad


def test_card_matching_in_its_title_comes_before_one_matching_in_its_body(
    qtbot: Any, window: MainWindow, make_deck: MakeDeck
) -> None:
    cards = (
        make_card(1, body="A zebra crossing in the body."),
        make_card(2, title="Zebra"),
        make_card(3),
    )
    window.on_deck_loaded(make_deck(0, cards=cards))
    type_query(qtbot, window, "zebra")
    assert shown_ids(window) == ["card-2", "card-1"]
    # The overview still numbers each card by its place in the deck.
    numbers = [
        window.search_session.results_model.index(row, 0).data(DeckListModel.NumberRole)
        for row in (0, 1)
    ]
    assert numbers == [2, 1]


def test_a_phrase_found_nowhere_is_echoed_in_its_own_quotes(
    qtbot: Any, bundled: MainWindow
) -> None:
    type_query(qtbot, bundled, '"million zebras"')
    assert bundled.search_count_label.text() == 'No cards match "million zebras"'


def test_nothing_found_says_so_and_echoes_the_query(qtbot: Any, bundled: MainWindow) -> None:
    type_query(qtbot, bundled, "zzzz")
    assert shown_ids(bundled) == []
    assert bundled.search_count_label.text() == "No cards match \u201czzzz\u201d"
    assert bundled.overview.placeholder_label.isVisible()
    assert not bundled.next_match_action.isEnabled()


@pytest.mark.parametrize("text", ['"', "tag:", "-", "  -", 'tag:"'])
def test_half_typed_query_shows_every_card(qtbot: Any, bundled: MainWindow, text: str) -> None:
    type_query(qtbot, bundled, text)
    assert len(shown_ids(bundled)) == 6
    assert bundled.search_count_label.text() == "6 of 6 cards"


# -- opening and stepping through matches -----------------------------------------------------


def test_enter_opens_the_first_match(qtbot: Any, bundled: MainWindow) -> None:
    type_query(qtbot, bundled, "stolt")
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Return)
    assert not bundled.overview_visible()
    assert shown_card_id(bundled) == "weapons"
    assert bundled.search_count_label.text() == "Match 1 of 2"
    assert bundled.card_view.hasFocus()
    assert bundled.search_session.field.text() == "stolt"  # the search stays on


def test_down_then_enter_opens_the_second_match(qtbot: Any, bundled: MainWindow) -> None:
    type_query(qtbot, bundled, "stolt")
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Down)
    assert bundled.overview.selected_row() == 1
    assert bundled.search_session.field.hasFocus()
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Down)  # stops at the last match
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Up)
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Down)
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Enter)
    assert shown_card_id(bundled) == "nato-response"
    assert bundled.search_count_label.text() == "Match 2 of 2"


def test_activating_a_result_in_the_grid_opens_it(qtbot: Any, bundled: MainWindow) -> None:
    type_query(qtbot, bundled, "stolt")
    bundled.overview.activated.emit(bundled.search_session.results_model.index(1, 0))
    assert not bundled.overview_visible()
    assert shown_card_id(bundled) == "nato-response"


def test_f3_and_shift_f3_step_through_matches_in_the_card_view(
    qtbot: Any, bundled: MainWindow
) -> None:
    type_query(qtbot, bundled, "pact")
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Return)
    total = len(shown_ids(bundled))
    assert total > 2
    assert bundled.search_count_label.text() == f"Match 1 of {total}"
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_F3)
    assert bundled.search_count_label.text() == f"Match 2 of {total}"
    assert shown_card_id(bundled) == shown_ids(bundled)[1]
    assert not bundled.overview_visible()
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bundled.search_count_label.text() == f"Match {total} of {total}"  # round the end
    assert shown_card_id(bundled) == shown_ids(bundled)[-1]


def test_enter_on_a_matching_card_goes_to_the_next_match_and_space_still_flips(
    qtbot: Any, bundled: MainWindow
) -> None:
    type_query(qtbot, bundled, "stolt")
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Return)
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_Return)
    assert shown_card_id(bundled) == "nato-response"
    assert not bundled.card_view.is_flipped()
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert shown_card_id(bundled) == "weapons"
    assert bundled.search_count_label.text() == "Match 1 of 2"
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_Space)
    assert bundled.card_view.is_flipped()


def test_arrow_keys_still_move_through_the_whole_deck(qtbot: Any, bundled: MainWindow) -> None:
    type_query(qtbot, bundled, "stolt")
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Return)
    start = bundled.index
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_Right)
    assert bundled.index == start + 1
    assert bundled.search_count_label.text() == "2 of 6 cards"  # not itself a match
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_Return)  # not on a match: Enter flips
    assert bundled.card_view.is_flipped()


def test_no_two_actions_share_a_shortcut_while_stepping_through_matches(
    qtbot: Any, bundled: MainWindow
) -> None:
    type_query(qtbot, bundled, "stolt")
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Return)
    keys = [s.toString() for a in bundled.findChildren(QAction) for s in a.shortcuts()]
    assert len(keys) == len(set(keys))
    assert "F3" in bundled.next_match_action.toolTip()
    assert "Return" in bundled.next_match_action.toolTip()
    assert "Return" not in bundled.flip_action.toolTip()


# -- Esc ---------------------------------------------------------------------------------


def test_esc_clears_the_search_and_returns_to_the_card_that_was_showing(
    qtbot: Any, bundled: MainWindow
) -> None:
    bundled.go_to(2)
    type_query(qtbot, bundled, "stolt")
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Escape)
    assert bundled.search_session.field.text() == ""
    assert not bundled.overview_visible()
    assert bundled.index == 2
    assert bundled.search_session.results_model.rowCount() == 6
    assert not bundled.search_count_label.isVisible()
    assert bundled.card_view.hasFocus()


def test_esc_after_opening_a_match_stays_on_it(qtbot: Any, bundled: MainWindow) -> None:
    bundled.go_to(2)
    type_query(qtbot, bundled, "stolt")
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Return)
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_F3)
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_Escape)
    assert bundled.search_session.field.text() == ""
    assert shown_card_id(bundled) == "nato-response"
    assert not bundled.overview_visible()
    assert len(shown_ids(bundled)) == 6
    assert bundled.flip_action.isEnabled()
    qtbot.keyClick(bundled.card_view, Qt.Key.Key_Return)  # Enter flips again
    assert bundled.card_view.is_flipped()


def test_esc_from_a_search_begun_in_the_overview_returns_to_the_overview(
    qtbot: Any, bundled: MainWindow
) -> None:
    bundled.go_to(4)
    bundled.set_overview_visible(True)
    type_query(qtbot, bundled, "stolt")
    qtbot.keyClick(bundled.search_session.field, Qt.Key.Key_Escape)
    assert bundled.overview_visible()
    assert bundled.overview.selected_row() == 4
    qtbot.keyClick(bundled.overview, Qt.Key.Key_Escape)  # a second Esc leaves the overview
    assert not bundled.overview_visible()


def test_clear_button_ends_the_search_too(qtbot: Any, bundled: MainWindow) -> None:
    type_query(qtbot, bundled, "stolt")
    bundled.search_session.field.clear()
    assert not bundled.overview_visible()
    assert bundled.search_session.results_model.rows() is None


# -- keys that belong to the search box --------------------------------------------------------


def test_typing_g_in_the_field_does_not_trigger_the_overview_shortcut(
    qtbot: Any, window: MainWindow
) -> None:
    qtbot.keyClick(window.card_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    with qtbot.assertNotEmitted(window.overview_action.triggered):
        qtbot.keyClicks(window.search_session.field, "g")
    assert window.search_session.field.text() == "g"


def test_space_and_arrows_in_the_field_edit_text_not_cards(qtbot: Any, window: MainWindow) -> None:
    window.go_to(2)
    qtbot.keyClick(window.card_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_session.field, "a b")
    qtbot.keyClick(window.search_session.field, Qt.Key.Key_Left)
    qtbot.keyClick(window.search_session.field, Qt.Key.Key_Right)
    qtbot.keyClick(window.search_session.field, Qt.Key.Key_Home)
    assert window.search_session.field.text() == "a b"
    assert window.search_session.field.cursorPosition() == 0
    assert window.index == 2
    assert not window.card_view.is_flipped()


# -- building the index off the GUI thread -----------------------------------------------------


class _HeldIndex(SearchIndex):
    """A SearchIndex whose build waits until the test lets it go."""

    release = threading.Event()

    def __init__(self, deck: Deck) -> None:
        assert self.release.wait(10)
        super().__init__(deck)


@pytest.fixture
def held_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[_HeldIndex]]:
    _HeldIndex.release = threading.Event()
    monkeypatch.setattr(search, "SearchIndex", _HeldIndex)
    yield _HeldIndex
    _HeldIndex.release.set()


def test_query_typed_while_indexing_runs_when_the_index_is_ready(
    qtbot: Any, window: MainWindow, bundled_deck: Deck, held_index: type[_HeldIndex]
) -> None:
    window.on_deck_loaded(bundled_deck)
    qtbot.keyClick(window.card_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_session.field, "stolt")
    qtbot.waitUntil(lambda: window.search_session.search.searched == "stolt")
    assert window.search_count_label.text() == "Indexing\u2026"
    assert window.search_session.results_model.rowCount() == 6
    with qtbot.waitSignal(window.search_session.search.index_ready):
        held_index.release.set()
    assert window.search_count_label.text() == "2 of 6 cards"
    assert shown_ids(window) == ["weapons", "nato-response"]


def test_index_of_a_deck_since_replaced_is_discarded(
    qtbot: Any,
    window: MainWindow,
    bundled_deck: Deck,
    make_deck: MakeDeck,
    held_index: type[_HeldIndex],
) -> None:
    window.on_deck_loaded(bundled_deck)
    newer = make_deck(3)
    window.on_deck_loaded(newer)
    with qtbot.waitSignal(window.search_session.search.index_ready):
        held_index.release.set()
    assert window.search_session.search.index is not None
    assert window.search_session.search.index.deck is newer
    type_query(qtbot, window, "stolt")
    assert window.search_count_label.text() == "No cards match \u201cstolt\u201d"


def test_an_index_that_fails_to_build_is_reported_on_the_gui_thread(
    qtbot: Any, window: MainWindow, make_deck: MakeDeck, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(deck: Deck) -> SearchIndex:
        raise ValueError("no index today")

    monkeypatch.setattr(search, "SearchIndex", broken)
    with qtbot.captureExceptions() as exceptions:
        window.on_deck_loaded(make_deck(2))
        qtbot.waitUntil(lambda: bool(exceptions))
    [(kind, error, _)] = exceptions
    assert kind is ValueError and str(error) == "no index today"
    assert window.search_session.search.index is None


def test_a_long_query_is_shortened_where_it_is_echoed(qtbot: Any, bundled: MainWindow) -> None:
    type_query(qtbot, bundled, "nothing matches this very long query at all")
    assert (
        bundled.search_count_label.text()
        == "No cards match \u201cnothing matches this very l\u2026\u201d"
    )


def test_loading_a_deck_ends_the_search(
    qtbot: Any, bundled: MainWindow, make_deck: MakeDeck
) -> None:
    type_query(qtbot, bundled, "stolt")
    bundled.on_deck_loaded(make_deck(3))
    assert bundled.search_session.field.text() == ""
    assert not bundled.overview_visible()
    assert bundled.index == 0
    assert bundled.search_session.results_model.rowCount() == 3


# -- the results model ------------------------------------------------------------------------


def test_results_model_passes_qt_model_tester(qtmodeltester: Any, make_deck: MakeDeck) -> None:
    deck_model = DeckListModel()
    deck_model.set_deck(make_deck(5))
    results = SearchResultsModel(deck_model)
    qtmodeltester.check(results)
    results.set_rows([3, 0, 4])
    qtmodeltester.check(results)
    results.set_rows([])
    qtmodeltester.check(results)
    results.set_rows(None)
    deck_model.set_deck(make_deck(2))
    qtmodeltester.check(results)


def test_results_model_maps_rows_both_ways(make_deck: MakeDeck) -> None:
    deck = make_deck(5)
    deck_model = DeckListModel()
    deck_model.set_deck(deck)
    results = SearchResultsModel(deck_model)
    results.set_rows([3, 0])
    assert results.rowCount() == 2
    assert results.index(0, 0).data(DeckListModel.CardRole) is deck.cards[3]
    assert results.index(1, 0).data() == "Topic 1"
    assert results.map_to_source(results.index(0, 0)).row() == 3
    assert results.map_from_source(deck_model.index(0, 0)).row() == 1
    assert not results.map_from_source(deck_model.index(2, 0)).isValid()
    assert (results.source_row(1), results.row_of(3), results.row_of(2)) == (0, 0, -1)
    deck_model.set_deck(make_deck(2))  # a new deck shows in full
    assert results.rows() is None
    assert results.rowCount() == 2
