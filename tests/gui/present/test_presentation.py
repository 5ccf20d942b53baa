"""Presenting: the keys in the audience and presenter windows, keeping both in step,
presenting a subset, the pointer, and ending back on the card last shown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from contrast_helpers import top_row_cuts_text
from factories import make_card
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from briefing.gui.present import presentation as presentation_module
from briefing.gui.present.audience_window import AudienceWindow
from briefing.gui.present.clock import PresentationClock
from briefing.gui.present.presentation import Presentation, PresentMenu
from briefing.gui.window.main_window import MainWindow

Start = Callable[..., Presentation]  # the conftest fixture `start`


class FakeInhibitor:
    def __init__(self) -> None:
        self.reasons: list[str] = []
        self.released = 0

    def __call__(self, reason: str) -> Callable[[], None]:
        self.reasons.append(reason)
        return self.release

    def release(self) -> None:
        self.released += 1


@pytest.fixture
def inhibitor(monkeypatch: pytest.MonkeyPatch) -> FakeInhibitor:
    fake = FakeInhibitor()
    monkeypatch.setattr(presentation_module, "inhibit_screen_sleep", fake)
    return fake


@pytest.fixture
def screen_sleep(inhibitor: FakeInhibitor) -> FakeInhibitor:
    """Presenting here asks the fake, so tests can see what was asked."""
    return inhibitor


def key(widget: QWidget, qtbot: Any, name: Qt.Key, text: str = "") -> None:
    qtbot.keyClick(widget, name) if not text else qtbot.keyClicks(widget, text)


def test_f5_presents_the_current_card_full_screen(window: MainWindow, start: Start) -> None:
    window.go_to(2)
    shown = start()
    assert shown.audience is not None and shown.presenter is None
    assert shown.audience.isFullScreen()
    assert shown.audience.card_view.front.topic_label.text() == "Topic 3"
    assert not shown.audience.card_view.is_flipped()


def test_present_toolbar_button_and_f5_share_one_action(window: MainWindow) -> None:
    assert window.toolbar.widgetForAction(window.present_action) is not None
    assert [s.toString() for s in window.present_action.shortcuts()] == ["F5"]
    assert [s.toString() for s in window.presenter_view_action.shortcuts()] == ["Alt+F5"]


@pytest.mark.parametrize("flip_key", [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_space_and_enter_flip(start: Start, qtbot: Any, flip_key: Qt.Key) -> None:
    audience = start().audience
    assert audience is not None
    qtbot.keyClick(audience, flip_key)
    assert audience.card_view.is_flipped()
    qtbot.keyClick(audience, flip_key)
    assert not audience.card_view.is_flipped()


def test_click_flips(start: Start, qtbot: Any) -> None:
    audience = start().audience
    assert audience is not None
    qtbot.mouseClick(audience.card_view.front, Qt.MouseButton.LeftButton)
    assert audience.card_view.is_flipped()


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([Qt.Key.Key_Right], 3),
        ([Qt.Key.Key_PageDown], 3),
        ([Qt.Key.Key_Left], 1),
        ([Qt.Key.Key_PageUp], 1),
        ([Qt.Key.Key_Home], 0),
        ([Qt.Key.Key_End], 5),
        ([Qt.Key.Key_End, Qt.Key.Key_Right], 5),
        ([Qt.Key.Key_Home, Qt.Key.Key_PageUp], 0),
    ],
)
def test_navigation_keys(
    window: MainWindow, start: Start, qtbot: Any, keys: list[Qt.Key], expected: int
) -> None:
    window.go_to(2)
    shown = start()
    assert shown.audience is not None
    for each in keys:
        qtbot.keyClick(shown.audience, each)
    assert shown.index == expected
    assert shown.audience.card_view.front.topic_label.text() == f"Topic {expected + 1}"


def test_moving_shows_the_next_card_front_up(start: Start, qtbot: Any) -> None:
    shown = start()
    assert shown.audience is not None
    qtbot.keyClick(shown.audience, Qt.Key.Key_Space)
    qtbot.keyClick(shown.audience, Qt.Key.Key_Right)
    assert not shown.audience.card_view.is_flipped()


def test_typing_a_number_then_enter_jumps_to_that_card(start: Start, qtbot: Any) -> None:
    shown = start()
    audience = shown.audience
    assert audience is not None
    qtbot.keyClicks(audience, "5")
    assert audience.typed_label.isVisible()
    assert "5" in audience.typed_label.text()
    assert shown.index == 0
    qtbot.keyClick(audience, Qt.Key.Key_Return)
    assert shown.index == 4
    assert not audience.typed_label.isVisible()
    assert not audience.card_view.is_flipped()  # Enter jumped; it did not flip


def test_a_typed_number_beyond_the_deck_goes_to_the_last_card(start: Start, qtbot: Any) -> None:
    shown = start()
    assert shown.audience is not None
    qtbot.keyClicks(shown.audience, "42")
    qtbot.keyClick(shown.audience, Qt.Key.Key_Enter)
    assert shown.index == 5


def test_a_typed_number_is_forgotten_after_a_pause(start: Start, qtbot: Any) -> None:
    shown = start()
    assert shown.audience is not None
    qtbot.keyClicks(shown.audience, "3")
    shown.typed_timer.timeout.emit()
    assert not shown.audience.typed_label.isVisible()
    qtbot.keyClick(shown.audience, Qt.Key.Key_Return)
    assert shown.index == 0 and shown.audience.card_view.is_flipped()


@pytest.mark.parametrize(("letter", "kind"), [("b", "black"), ("w", "white")])
def test_b_and_w_blank_the_screen_and_any_key_brings_it_back(
    start: Start, qtbot: Any, letter: str, kind: str
) -> None:
    shown = start()
    audience = shown.audience
    assert audience is not None
    qtbot.keyClicks(audience, letter)
    assert audience.blank_cover.isVisible()
    assert audience.blank_cover.property("kind") == kind
    qtbot.keyClick(audience, Qt.Key.Key_Right)
    assert not audience.blank_cover.isVisible()
    assert shown.index == 0  # the key only brought the card back


def test_question_mark_shows_the_keys_and_any_key_closes_them(start: Start, qtbot: Any) -> None:
    shown = start()
    audience = shown.audience
    assert audience is not None
    qtbot.keyClicks(audience, "?")
    assert audience.keys_overlay.isVisible()
    texts = [
        label.text() for label in audience.keys_overlay.findChildren(type(audience.typed_label))
    ]
    assert "Swap screens" in texts and "End the presentation" in texts
    qtbot.keyClick(audience, Qt.Key.Key_Escape)
    assert not audience.keys_overlay.isVisible()
    assert shown.is_running()  # Esc closed the overlay, not the presentation


def test_esc_ends_and_the_main_window_lands_on_the_card_last_shown(
    window: MainWindow, start: Start, qtbot: Any, inhibitor: FakeInhibitor
) -> None:
    window.go_to(1)
    shown = start()
    audience = shown.audience
    assert audience is not None
    assert inhibitor.reasons and inhibitor.released == 0
    qtbot.keyClick(audience, Qt.Key.Key_Right)
    qtbot.keyClick(audience, Qt.Key.Key_Right)
    with qtbot.waitSignal(shown.ended) as ended:
        qtbot.keyClick(audience, Qt.Key.Key_Escape)
    assert ended.args == [3]
    assert not shown.is_running() and shown.audience is None
    assert window.index == 3
    assert window.card_view.front.topic_label.text() == "Topic 4"
    assert inhibitor.released == 1


def test_closing_the_audience_window_ends_the_presentation(
    window: MainWindow, start: Start
) -> None:
    shown = start()
    assert shown.audience is not None
    shown.audience.close()
    assert not shown.is_running()


def test_presenter_and_audience_show_the_same_card_and_side(
    start: Start, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = start()
    from briefing.gui.present.presenter_window import PresenterWindow

    presenter = PresenterWindow(shown)  # as on a second screen
    qtbot.addWidget(presenter)
    presenter.show()
    audience = shown.audience
    assert audience is not None
    qtbot.keyClick(presenter, Qt.Key.Key_Right)
    qtbot.keyClick(presenter, Qt.Key.Key_Space)
    assert audience.card_view.front.topic_label.text() == "Topic 2"
    assert audience.card_view.is_flipped() and presenter.showing_back()
    assert presenter.front_view.front.topic_label.text() == "Topic 2"
    assert presenter.back_view.is_flipped()
    assert presenter.next_caption.text() == "Next: Topic 3"
    qtbot.keyClick(audience, Qt.Key.Key_Space)
    assert not presenter.showing_back() and not audience.card_view.is_flipped()
    qtbot.keyClick(audience, Qt.Key.Key_End)
    assert presenter.position_label.text() == "Card 6 of 6"
    assert presenter.next_caption.text() == "End of deck"
    assert not presenter.next_view.isVisible()
    qtbot.keyClicks(presenter, "b")
    assert audience.blank_cover.isVisible() and presenter.blank_label.isVisible()
    qtbot.keyClick(presenter, Qt.Key.Key_Space)
    assert not audience.blank_cover.isVisible()


def test_presenter_view_alone_on_one_screen(start: Start, qtbot: Any) -> None:
    shown = start(presenter=True)
    assert shown.audience is None
    presenter = shown.presenter
    assert presenter is not None
    assert presenter.isVisible() and not presenter.isFullScreen()
    assert not presenter.swap_button.isEnabled()
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
    assert presenter.front_view.front.topic_label.text() == "Topic 2"


def test_presenter_shows_notes_as_markdown_without_html(
    window: MainWindow, make_deck: Any, start: Start
) -> None:
    notes = "Say **this**. <b>not bold</b> <img src='/etc/passwd'>"
    window.on_deck_loaded(make_deck(2, cards=(make_card(1, notes=notes), make_card(2))))
    presenter = start(presenter=True).presenter
    assert presenter is not None
    text = presenter.notes.document().toPlainText()
    assert "Say this." in text
    assert "<b>not bold</b>" in text  # shown as typed, not interpreted
    presenter.presentation.next()
    assert presenter.notes.document().toPlainText() == "No speaker notes for this card."


def test_countdown_shown_in_words_and_colour(start: Start) -> None:
    shown = start(presenter=True)
    presenter = shown.presenter
    assert presenter is not None
    now = [1000.0]
    shown.clock = PresentationClock(now=lambda: now[0])
    presenter.countdown_box.setValue(10)
    assert presenter.countdown_label.text() == "10:00 left"
    assert presenter.countdown_label.property("state") == "normal"
    now[0] += 8 * 60
    presenter.refresh_timers()
    assert presenter.countdown_label.text() == "2:00 left"
    assert presenter.countdown_label.property("state") == "amber"
    assert presenter.elapsed_label.text() == "Elapsed 8:00"
    now[0] += 155
    presenter.refresh_timers()
    assert presenter.countdown_label.text() == "Over by 0:35"
    assert presenter.countdown_label.property("state") == "over"
    presenter.countdown_box.setValue(0)
    assert not presenter.countdown_label.isVisible()


def test_stage_is_dark_by_default_and_light_when_chosen(window: MainWindow, start: Start) -> None:
    shown = start()
    assert shown.audience is not None
    assert shown.audience.property("stage") == "dark"
    shown.set_stage("light")
    assert shown.audience.property("stage") == "light"
    shown.end()
    again = start()  # the choice is remembered
    assert again.audience is not None and again.audience.property("stage") == "light"
    menu = window.findChild(PresentMenu)
    menu.on_about_to_show()
    assert menu.stage_actions["light"].isChecked()


def test_presenting_a_search_shows_only_its_matches_in_deck_order(
    window: MainWindow, start: Start, qtbot: Any
) -> None:
    window.search_session.field.setText("topic 2 OR topic 5")
    window.search_session.search.run_now()
    window.search_session.search.results = [4, 1]  # however the search ranked them
    window.go_to(4)
    shown = start()
    assert shown.cards == (1, 4)
    assert shown.index == 4
    assert shown.audience is not None
    qtbot.keyClick(shown.audience, Qt.Key.Key_Home)
    assert shown.index == 1
    qtbot.keyClick(shown.audience, Qt.Key.Key_End)
    assert shown.index == 4
    assert len(window.deck.cards) == 6  # the deck is unchanged


def test_presenting_a_tag_shows_only_its_cards(
    window: MainWindow, make_deck: Any, start: Start, qtbot: Any
) -> None:
    cards = tuple(make_card(i, tags=("economy",) if i in (2, 4) else ()) for i in range(1, 6))
    window.on_deck_loaded(make_deck(5, cards=cards))
    menu = window.findChild(PresentMenu)
    menu.fill_tag_menu()
    assert [a.text() for a in menu.tag_menu.actions()] == ["economy (2 cards)"]
    shown = start(tag="economy")
    assert shown.cards == (1, 3)
    assert shown.audience is not None
    qtbot.keyClick(shown.audience, Qt.Key.Key_Right)
    assert shown.index == 3
    qtbot.keyClick(shown.audience, Qt.Key.Key_Right)
    assert shown.index == 3


def test_pointer_hides_when_still_and_returns_when_moved(start: Start, qtbot: Any) -> None:
    audience = start().audience
    assert audience is not None
    assert audience.cursor_timer.isActive()
    assert audience.cursor_timer.interval() == 2000
    audience.cursor_timer.timeout.emit()
    assert audience.cursor_hidden()
    assert audience.card_view.cursor().shape() == Qt.CursorShape.BlankCursor
    moved = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(20, 20),
        QPointF(20, 20),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(audience.card_view, moved)
    assert not audience.cursor_hidden()
    assert audience.cursor_timer.isActive()


def test_screen_sleep_inhibitor_says_why_when_it_cannot(caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger=presentation_module.__name__)
    release = presentation_module.inhibit_screen_sleep("test")
    release()
    # Either the desktop took the request, or the log says why not.
    messages = [r.getMessage() for r in caplog.records]
    assert all(m.startswith("Screen sleep not inhibited") for m in messages)


LONG_BODY = "\n\n".join(
    f"Paragraph {n}: " + "a sentence of the back's long text. " * 4 for n in range(8)
)


@pytest.fixture
def long_back_window(window: MainWindow, make_deck: Any) -> MainWindow:
    cards = [make_card(n) for n in range(1, 4)]
    cards[1] = make_card(2, body=LONG_BODY)
    window.on_deck_loaded(make_deck(cards=tuple(cards)))
    window.go_to(1)
    return window


@pytest.fixture
def on_long_back(
    long_back_window: MainWindow, start: Start, qtbot: Any
) -> tuple[Presentation, AudienceWindow]:
    """Presenting, turned over to a back longer than the screen."""
    shown = start()
    audience = shown.audience
    assert audience is not None
    qtbot.keyClick(audience, Qt.Key.Key_Space)
    return shown, audience


def test_page_down_reads_a_long_back_to_its_end_before_the_next_card(
    on_long_back: tuple[Presentation, AudienceWindow], qtbot: Any
) -> None:
    shown, audience = on_long_back
    bar = audience.card_view.back.browser.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0

    pages = 0
    while shown.index == 1 and pages < 100:
        before, end = bar.value(), bar.maximum()
        qtbot.keyClick(audience, Qt.Key.Key_PageDown)
        pages += 1
        if shown.index == 1:
            assert bar.value() > before
    assert shown.index == 2 and pages > 2
    assert before == end  # the key that moved on was pressed at the end of the back


def test_paging_the_rooms_view_of_a_long_back_starts_every_page_on_a_whole_line(
    on_long_back: tuple[Presentation, AudienceWindow], qtbot: Any
) -> None:
    shown, audience = on_long_back
    back = audience.card_view.back
    bar = back.browser.verticalScrollBar()
    while shown.index == 1:
        qtbot.keyClick(audience, Qt.Key.Key_PageDown)
        if shown.index == 1 and bar.value() < bar.maximum():
            assert not top_row_cuts_text(back), f"the page at {bar.value()} px starts cut"


def test_page_up_scrolls_back_up_before_the_previous_card(
    on_long_back: tuple[Presentation, AudienceWindow], qtbot: Any
) -> None:
    shown, audience = on_long_back
    bar = audience.card_view.back.browser.verticalScrollBar()
    qtbot.keyClick(audience, Qt.Key.Key_Down)
    qtbot.keyClick(audience, Qt.Key.Key_Down)
    assert bar.value() > 0
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)
    qtbot.keyClick(audience, Qt.Key.Key_Up)
    assert shown.index == 1 and bar.value() == 0
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)
    assert shown.index == 0


def test_right_arrow_moves_on_even_with_more_of_the_back_to_read(
    on_long_back: tuple[Presentation, AudienceWindow], qtbot: Any
) -> None:
    shown, audience = on_long_back
    qtbot.keyClick(audience, Qt.Key.Key_Right)
    assert shown.index == 2


def test_the_presenter_back_preview_scrolls_with_the_room(
    long_back_window: MainWindow, start: Start, qtbot: Any
) -> None:
    shown = start()
    from briefing.gui.present.presenter_window import PresenterWindow

    presenter = PresenterWindow(shown)  # as on a second screen
    qtbot.addWidget(presenter)
    presenter.show()
    qtbot.keyClick(presenter, Qt.Key.Key_Space)
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
    assert shown.audience is not None
    room = shown.audience.card_view.back.scroll_fraction()
    assert 0 < room < 1
    assert presenter.back_view.back.scroll_fraction() == pytest.approx(room, abs=0.02)


def test_paging_while_the_card_turns_over_is_kept_when_the_back_shows(
    long_back_window: MainWindow, start: Start, qtbot: Any
) -> None:
    shown = start()
    audience = shown.audience
    assert audience is not None
    audience.card_view.flip_duration_ms = 200  # the fixture's flips are instant
    qtbot.keyClick(audience, Qt.Key.Key_Space)
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    assert audience.card_view.is_animating()
    qtbot.waitUntil(lambda: not audience.card_view.is_animating(), timeout=3000)
    assert audience.card_view.back.isVisible()
    assert audience.card_view.back.browser.verticalScrollBar().value() > 0


@pytest.mark.parametrize("flips", [1, 2])
def test_esc_lands_on_the_side_last_shown_too(
    window: MainWindow, start: Start, qtbot: Any, flips: int
) -> None:
    """Presenting a card's back and pressing Esc leaves the window on that back; flipped
    back to the front, on the front."""
    window.go_to(1)
    shown = start()
    audience = shown.audience
    assert audience is not None
    qtbot.keyClick(audience, Qt.Key.Key_Right)
    for _ in range(flips):
        qtbot.keyClick(audience, Qt.Key.Key_Space)
    with qtbot.waitSignal(shown.ended):
        qtbot.keyClick(audience, Qt.Key.Key_Escape)
    assert window.index == 2
    assert window.card_view.is_flipped() is (flips == 1)
    assert window.flip_action.isEnabled()


def test_esc_lands_on_the_card_last_shown_after_the_deck_was_reloaded_meanwhile(
    window: MainWindow, start: Start, qtbot: Any, deck_folder: Path
) -> None:
    """A card removed while presenting moves the ones after it up: Esc still comes back on
    the card the room last saw, not on whichever card now has its old place (found by the
    sequences audit)."""
    for name in ("charlie", "delta"):
        (deck_folder / f"{name}.yaml").write_text(
            f"title: {name.title()}\nheadline: H.\nbody: B.\n", encoding="utf-8"
        )
    assert window.open_deck(deck_folder)
    shown = start()
    audience = shown.audience
    assert audience is not None
    qtbot.keyClick(audience, Qt.Key.Key_End)
    qtbot.keyClick(audience, Qt.Key.Key_Left)  # Charlie, third of four
    (deck_folder / "alpha.yaml").unlink()
    assert window.opening.reload_deck()  # as the watcher does
    qtbot.keyClick(audience, Qt.Key.Key_Escape)
    assert window.card_view.front.topic_label.text() == "Charlie"
    assert window.position_label.text() == "Card 2 of 3"
