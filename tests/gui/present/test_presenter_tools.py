"""The presenter's own tools: speaker notes sized by keys, a grid of every card to jump to,
and a view that fits a small laptop screen without cutting a word."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from briefing.gui.present import keys as presenting_keys
from briefing.gui.present.presentation import Presentation, windowed_geometry
from briefing.gui.present.presenter_window import PresenterWindow
from briefing.gui.window.main_window import MainWindow

Start = Callable[..., Presentation]  # the conftest fixture `start`


@pytest.fixture
def presenter(start: Start) -> PresenterWindow:
    shown = start(presenter=True)
    assert shown.presenter is not None
    return shown.presenter


def _notes_pixels(presenter: PresenterWindow) -> int:
    return presenter.notes.font().pixelSize()


# -- speaker notes size -----------------------------------------------------------------------


def test_plus_and_minus_size_the_speaker_notes_and_ctrl_0_restores_them(
    presenter: PresenterWindow, qtbot: Any
) -> None:
    usual = _notes_pixels(presenter)
    qtbot.keyClicks(presenter, "++")
    assert _notes_pixels(presenter) > usual
    assert presenter.notes_caption.text().endswith("125%")
    qtbot.keyClicks(presenter, "----")
    assert _notes_pixels(presenter) < usual
    qtbot.keyClick(presenter, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert _notes_pixels(presenter) == usual
    assert presenter.notes_caption.text().lower() == "speaker notes"
    assert presenter.presentation.position == 0  # no key moved the card


def test_notes_size_keys_work_with_the_countdown_box_focused(
    presenter: PresenterWindow, qtbot: Any
) -> None:
    usual = _notes_pixels(presenter)
    box = presenter.countdown_box
    box.setValue(20)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Plus)
    assert _notes_pixels(presenter) > usual
    assert box.value() == 20


def test_the_notes_size_is_kept_for_the_next_presentation(
    window: MainWindow, start: Start, qtbot: Any
) -> None:
    first = start(presenter=True)
    assert first.presenter is not None
    usual = _notes_pixels(first.presenter)
    qtbot.keyClicks(first.presenter, "+++")
    larger = _notes_pixels(first.presenter)
    first.end()
    again = start(presenter=True)
    assert again.presenter is not None
    assert _notes_pixels(again.presenter) == larger > usual


def test_notes_size_stays_within_its_steps(presenter: PresenterWindow, qtbot: Any) -> None:
    qtbot.keyClicks(presenter, "+" * 30)
    largest = _notes_pixels(presenter)
    assert presenter.notes_caption.text().endswith("300%")
    qtbot.keyClicks(presenter, "-" * 30)
    assert presenter.notes_caption.text().endswith("50%")
    assert 0 < _notes_pixels(presenter) < largest


# -- all the cards, to jump to one -------------------------------------------------------------


def test_g_shows_every_presented_card_with_this_one_picked(
    presenter: PresenterWindow, qtbot: Any
) -> None:
    presenter.presentation.go_to(2)
    qtbot.keyClick(presenter, Qt.Key.Key_G)
    grid = presenter.card_grid
    assert grid.isVisible()
    assert grid.model.rowCount() == presenter.presentation.count()
    assert grid.view.selected_row() == 2


def test_arrows_and_enter_in_the_grid_go_to_that_card_and_close_it(
    presenter: PresenterWindow, qtbot: Any
) -> None:
    qtbot.keyClick(presenter, Qt.Key.Key_G)
    view = presenter.card_grid.view
    qtbot.waitUntil(lambda: view.visualRect(view.currentIndex()).isValid())
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert presenter.presentation.position == 0  # moving in the grid is not presenting
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert presenter.presentation.position == 2
    assert not presenter.presentation.showing_back  # Enter picked the card, did not flip it
    assert not presenter.card_grid.isVisible()
    assert presenter.position_label.text() == "Card 3 of 6"


def test_a_click_on_a_card_in_the_grid_goes_to_it(presenter: PresenterWindow, qtbot: Any) -> None:
    presenter.show_card_grid()
    view = presenter.card_grid.view
    index = view.model().index(4, 0)
    qtbot.waitUntil(lambda: view.visualRect(index).isValid())
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert presenter.presentation.position == 4
    assert not presenter.card_grid.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_G])
def test_esc_or_g_closes_the_grid_and_goes_on_presenting(
    presenter: PresenterWindow, qtbot: Any, key: Qt.Key
) -> None:
    presenter.show_card_grid()
    qtbot.keyClick(presenter.card_grid.view, key)
    assert not presenter.card_grid.isVisible()
    assert presenter.presentation.is_running()
    assert presenter.presentation.position == 0


def test_presenting_keys_do_nothing_behind_the_open_grid(
    presenter: PresenterWindow, qtbot: Any
) -> None:
    presenter.show_card_grid()
    shown = presenter.presentation
    for key in (Qt.Key.Key_B, Qt.Key.Key_W, Qt.Key.Key_Space, Qt.Key.Key_Question):
        qtbot.keyClick(presenter.card_grid.view, key)
        assert shown.blank == "" and not shown.showing_back, key
        assert not presenter.keys_overlay.isVisible() and presenter.card_grid.isVisible()


def test_the_grid_leaves_the_marking_in_view(
    window: MainWindow, make_deck: Any, start: Start
) -> None:
    window.on_deck_loaded(make_deck(4, marking="SECRET // NOFORN"))
    shown = start(presenter=True)
    presenter = shown.presenter
    assert presenter is not None
    presenter.show_card_grid()
    grid = presenter.card_grid.geometry()
    assert presenter.top_banner.geometry().bottom() < grid.top()
    assert presenter.bottom_banner.geometry().top() > grid.bottom()


def test_the_grid_shows_only_the_cards_presented(
    window: MainWindow, make_deck: Any, start: Start
) -> None:
    from factories import make_card

    cards = tuple(make_card(n, tags=("nato",) if n % 2 else ()) for n in range(1, 7))
    window.on_deck_loaded(make_deck(cards=cards))
    shown = start(presenter=True, tag="nato")
    assert shown.presenter is not None
    shown.presenter.show_card_grid()
    model = shown.presenter.card_grid.model
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert titles == [cards[i].title for i in (0, 2, 4)]


# -- a small laptop screen ---------------------------------------------------------------------


def _outside(widget: QWidget, window: QWidget) -> bool:
    corner = widget.mapTo(window, QPoint(widget.width() - 1, widget.height() - 1))
    return corner.x() >= window.width() or corner.y() >= window.height()


@pytest.mark.parametrize("size", [(800, 600), (1024, 768), (1920, 1080)])
def test_the_presenter_view_fits_the_screen_with_every_control_whole(
    presenter: PresenterWindow, size: tuple[int, int]
) -> None:
    presenter.showNormal()
    presenter.resize(*size)
    QApplication.processEvents()
    assert (presenter.width(), presenter.height()) == size
    for control in (
        presenter.countdown_box,
        presenter.restart_button,
        presenter.stage_box,
        presenter.cards_button,
        presenter.keys_button,
        presenter.swap_button,
        presenter.end_button,
    ):
        assert not _outside(control, presenter), control.text()
        assert control.width() >= control.minimumSizeHint().width(), control.text()


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_small_previews_leave_parts_out_rather_than_cut_them(
    presenter: PresenterWindow, size: tuple[int, int]
) -> None:
    presenter.showNormal()
    presenter.resize(*size)
    for position in range(presenter.presentation.count()):
        presenter.presentation.go_to(position)
        QApplication.processEvents()
        for view in (presenter.front_view, presenter.next_view):
            if not view.isVisible():
                continue
            for label in view.front.parts.findChildren(QLabel):
                if label.isVisible() and label.wordWrap() and label.text():
                    needed = label.heightForWidth(label.width())
                    assert label.height() >= needed, (position, label.objectName())
            headline = view.front.headline_label
            assert headline.height() >= headline.height_at_smallest(1_000_000)


def _cut_labels(overlay: QWidget) -> list[str]:
    """Labels of ``overlay`` narrower than their text or reaching outside it."""
    cut = []
    for label in overlay.findChildren(QLabel):
        if not label.isVisible():
            continue
        box = label.geometry().translated(label.parentWidget().mapTo(overlay, QPoint(0, 0)))
        if label.width() < label.sizeHint().width() or not overlay.rect().contains(box):
            cut.append(label.text())
    return cut


@pytest.mark.parametrize("size", [(640, 470), (800, 600), (1920, 1080)])
def test_the_keys_list_fits_the_window_whole(
    presenter: PresenterWindow, qtbot: Any, size: tuple[int, int]
) -> None:
    presenter.showNormal()
    presenter.resize(*size)
    qtbot.keyClick(presenter, Qt.Key.Key_Question)
    QApplication.processEvents()
    overlay = presenter.keys_overlay
    assert overlay.isVisible()
    assert _cut_labels(overlay) == []
    heading = overlay.findChild(QLabel, "keysHeading")
    assert heading is not None and heading.font().pixelSize() >= 13  # smaller, still legible


@pytest.mark.parametrize(
    ("screen", "expected"),
    [
        (QRect(0, 0, 1920, 1080), QRect(192, 108, 1536, 864)),  # four fifths, centred
        (QRect(0, 0, 800, 600), QRect(80, 30, 640, 540)),  # as tall as the view needs
        (QRect(0, 0, 560, 420), QRect(0, 0, 560, 420)),  # all of a tiny screen, no more
    ],
)
def test_a_presenter_window_of_its_own_is_never_smaller_than_it_needs(
    screen: QRect, expected: QRect
) -> None:
    assert windowed_geometry(screen, QSize(600, 540)) == expected


def test_at_its_smallest_the_presenter_view_keeps_the_previews_readable(
    presenter: PresenterWindow,
) -> None:
    presenter.showNormal()
    presenter.resize(presenter.minimumSizeHint())
    QApplication.processEvents()
    for view in (presenter.front_view, presenter.back_view):
        assert view.height() >= view.min_readable_height


def _presenter_keys() -> list[presenting_keys.PresenterKey]:
    table = presenting_keys.PRESENTER_KEY_TABLE
    return [key for row in table for group in row.groups for key in group]


def test_the_presenter_keys_come_from_their_table_and_its_list(
    monkeypatch: pytest.MonkeyPatch, presenter: PresenterWindow, qtbot: Any
) -> None:
    """The presenter view's own keys (G, + and -, Ctrl+0) are handled by the table its "?"
    list and Keyboard Shortcuts are made from: one taken out stops working and leaves it."""
    listed = {keys for keys, _ in presenting_keys.presenter_key_help()}
    assert {"G", "+ / -, Ctrl+0"} <= listed
    assert len(_presenter_keys()) == 4
    without_grid = tuple(
        row for row in presenting_keys.PRESENTER_KEY_TABLE if not row.meaning.startswith("All")
    )
    monkeypatch.setattr(presenting_keys, "PRESENTER_KEY_TABLE", without_grid)
    qtbot.keyClick(presenter, Qt.Key.Key_G)
    assert not presenter.card_grid.isVisible()
    assert "G" not in {keys for keys, _ in presenting_keys.presenter_key_help()}
    qtbot.keyClicks(presenter, "+")  # the rest of the table still works
    assert presenter.notes_zoom > 100
