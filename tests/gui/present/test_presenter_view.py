"""The presenter view in use: clicker keys reach the presentation whatever has focus,
every label readable in every theme, and the audience sees the deck's marking."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from contrast_helpers import (
    MINIMUM_LARGE,
    contrast_ratio,
    inside_frame,
    relative_luminance,
    required,
    text_and_background,
    text_contrast,
)
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionSpinBox,
    QWidget,
)

from briefing.core.model import Card, Deck
from briefing.gui.present.clock import PresentationClock
from briefing.gui.present.presentation import Presentation
from briefing.gui.present.presenter_window import PresenterWindow
from briefing.gui.widgets.marking_banner import MarkingBanner
from briefing.gui.window.main_window import MainWindow

Start = Callable[..., Presentation]  # the conftest fixture `start`


def _presenter(shown: Presentation) -> PresenterWindow:
    assert shown.presenter is not None
    return shown.presenter


# -- clicker keys, whatever has focus ---------------------------------------------------------


@pytest.fixture
def countdown_focused(start: Start, qtbot: Any) -> tuple[Presentation, QWidget]:
    shown = start(presenter=True)
    box = _presenter(shown).countdown_box
    box.setValue(20)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    return shown, box


@pytest.mark.parametrize("next_key", [Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down])
def test_clicker_next_keys_move_on_with_the_countdown_box_focused(
    countdown_focused: tuple[Presentation, QWidget], qtbot: Any, next_key: Qt.Key
) -> None:
    shown, box = countdown_focused
    qtbot.keyClick(box, next_key)
    assert shown.index == 1
    assert _presenter(shown).countdown_box.value() == 20  # the countdown is untouched
    assert _presenter(shown).position_label.text() == "Card 2 of 6"


@pytest.mark.parametrize("previous_key", [Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up])
def test_clicker_previous_keys_go_back_with_the_countdown_box_focused(
    countdown_focused: tuple[Presentation, QWidget], qtbot: Any, previous_key: Qt.Key
) -> None:
    shown, box = countdown_focused
    shown.go_to(3)
    qtbot.keyClick(box, previous_key)
    assert shown.index == 2
    assert _presenter(shown).countdown_box.value() == 20


def test_space_flips_and_esc_ends_with_the_countdown_box_focused(
    countdown_focused: tuple[Presentation, QWidget], qtbot: Any
) -> None:
    shown, box = countdown_focused
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert shown.showing_back and _presenter(shown).showing_back()
    qtbot.keyClick(box, Qt.Key.Key_B)
    assert shown.blank == "black"
    qtbot.keyClick(box, Qt.Key.Key_Right)  # any key brings the card back
    assert shown.blank == ""
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not shown.is_running()


def test_presenting_keys_reach_the_presentation_from_the_stage_box(
    start: Start, qtbot: Any
) -> None:
    shown = start(presenter=True)
    stage_box = _presenter(shown).stage_box
    stage_box.setFocus()
    qtbot.keyClick(stage_box, Qt.Key.Key_Down)
    qtbot.keyClick(stage_box, Qt.Key.Key_PageDown)
    assert shown.index == 2
    assert shown.stage == "dark"  # the stage did not change under the key


# -- readable in every theme, on either stage -------------------------------------------------


def _readable_parts(presenter: PresenterWindow) -> dict[str, tuple[QWidget, QRect | None]]:
    """What the presenter reads, and the part of each to measure."""
    parts: dict[str, tuple[QWidget, QRect | None]] = {
        "position": (presenter.position_label, None),
        "blank status": (presenter.blank_label, None),
        "elapsed": (presenter.elapsed_label, None),
        "clock": (presenter.clock_label, None),
        "countdown": (presenter.countdown_label, None),
        "front caption": (presenter.front_caption, None),
        "back caption": (presenter.back_caption, None),
        "next caption": (presenter.next_caption, None),
        "notes": (presenter.notes, inside_frame(presenter.notes, 8)),
        "countdown box": (presenter.countdown_box, inside_frame(presenter.countdown_box, 4, 24)),
        "stage box": (presenter.stage_box, inside_frame(presenter.stage_box, 4, 24)),
    }
    for button in (
        presenter.restart_button,
        presenter.cards_button,
        presenter.keys_button,
        presenter.swap_button,
        presenter.end_button,
    ):
        parts[button.text()] = (button, inside_frame(button, 4))
    notes_caption = next(
        label
        for label in presenter.findChildren(QLabel, "presenterCaption")
        if label.text().lower().startswith("speaker notes")
    )
    parts["notes caption"] = (notes_caption, None)
    return parts


def _contrast_failures(presenter: PresenterWindow) -> list[str]:
    image = presenter.grab().toImage()
    failures = []
    for name, (widget, area) in _readable_parts(presenter).items():
        if not widget.isVisible():
            continue
        ratio = text_contrast(image, presenter, widget, area)
        if ratio < required(widget):
            failures.append(f"{name} {ratio:.2f}:1")
    return failures


@pytest.mark.parametrize("stage", ["dark", "light"])
@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_presenter_view_text_is_readable_in_every_theme_and_stage(
    window: MainWindow, start: Start, theme: str, stage: str
) -> None:
    window.appearance.set_theme(theme)
    shown = start(presenter=True)
    shown.set_stage(stage)
    presenter = _presenter(shown)
    presenter.resize(1280, 800)
    now = [1000.0]
    shown.clock = PresentationClock(now=lambda: now[0])
    presenter.countdown_box.setValue(10)
    failures: list[str] = []
    for state, seconds in (("normal", 0), ("amber", 8 * 60), ("over", 3 * 60)):
        now[0] += seconds
        presenter.refresh_timers()
        assert presenter.countdown_label.property("state") == state
        failures += [f"[{state}] {failure}" for failure in _contrast_failures(presenter)]
    shown.set_blank("black")
    failures += [f"[blank] {failure}" for failure in _contrast_failures(presenter)]
    shown.set_blank("")
    presenter.keys_overlay.show_over_parent()
    image = presenter.grab().toImage()
    for label in presenter.keys_overlay.findChildren(QLabel):
        ratio = text_contrast(image, presenter, label)
        if ratio < required(label):
            failures.append(f"[keys] {label.text()} {ratio:.2f}:1")
    presenter.keys_overlay.hide()
    presenter.show_card_grid()
    image = presenter.grab().toImage()
    for label in presenter.card_grid.findChildren(QLabel):
        if label.isVisible():
            ratio = text_contrast(image, presenter, label)
            if ratio < required(label):
                failures.append(f"[all cards] {label.text()} {ratio:.2f}:1")
    assert not failures, f"{theme} theme, {stage} stage: {failures}"


def _ink_pixels(image: QImage, area: QRect) -> int:
    """Pixels in ``area`` that stand out at 3:1 from its commonest colour (a drawn mark)."""
    part = image.copy(area)
    _text, background = text_and_background(part)
    return sum(
        contrast_ratio(QColor(part.pixel(x, y)), background) >= MINIMUM_LARGE
        for y in range(part.height())
        for x in range(part.width())
    )  # a box's button: a few hundred pixels


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_countdown_and_stage_boxes_draw_whole_arrows(
    window: MainWindow, start: Start, theme: str
) -> None:
    window.appearance.set_theme(theme)
    presenter = _presenter(start(presenter=True))
    presenter.countdown_box.setValue(5)  # both arrows live
    image = presenter.grab().toImage()
    option = QStyleOptionSpinBox()
    presenter.countdown_box.initStyleOption(option)  # type: ignore[attr-defined]
    style = presenter.countdown_box.style()
    spin = QStyle.ComplexControl.CC_SpinBox
    for button in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        area = style.subControlRect(spin, option, button, presenter.countdown_box)
        area.translate(presenter.countdown_box.mapTo(presenter, QPoint(0, 0)))
        assert _ink_pixels(image, area.adjusted(2, 2, -2, -2)) >= 20, (theme, button)
    combo = presenter.stage_box
    combo_option = QStyleOptionComboBox()
    combo.initStyleOption(combo_option)  # type: ignore[attr-defined]
    arrow = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, combo_option, QStyle.SubControl.SC_ComboBoxArrow, combo
    )
    arrow.translate(combo.mapTo(presenter, QPoint(0, 0)))
    assert _ink_pixels(image, arrow.adjusted(2, 2, -2, -2)) >= 20, theme


def _face_colour(image: QImage, view: QWidget, presenter: QWidget) -> QColor:
    face = next(f for f in view.findChildren(QFrame, "cardFace") if f.isVisible())
    inside = face.mapTo(presenter, QPoint(6, face.height() // 2))
    return QColor(image.pixel(inside))


@pytest.mark.parametrize("stage", ["dark", "light"])
@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_presenter_previews_show_the_stage_the_room_sees(
    window: MainWindow, start: Start, theme: str, stage: str
) -> None:
    window.appearance.set_theme(theme)
    shown = start()
    shown.set_stage(stage)
    presenter = PresenterWindow(shown)  # as on a second screen
    presenter.show()
    try:
        image = presenter.grab().toImage()
        assert shown.audience is not None
        room = shown.audience.grab().toImage()
        room_face = _face_colour(room, shown.audience.card_view, shown.audience)
        if stage == "dark":
            assert relative_luminance(room_face) < 0.05
        else:  # the light stage is light in every theme
            assert relative_luminance(room_face) > 0.9
        for view in (presenter.front_view, presenter.back_view, presenter.next_view):
            assert _face_colour(image, view, presenter) == room_face
        headline = shown.audience.card_view.front.findChild(QLabel, "cardHeadline")
        assert text_contrast(room, shown.audience, headline) >= required(headline)
    finally:
        presenter.close()


# -- the marking, on every screen the room sees ------------------------------------------------


def _banner_texts(window: QWidget) -> list[str]:
    return [
        banner.text()
        for banner in window.findChildren(MarkingBanner)
        if banner.isVisible() and banner.height() > 0
    ]


def test_a_marked_deck_is_marked_above_and_below_on_the_audience_screen(
    window: MainWindow, make_deck: Any, start: Start, qtbot: Any
) -> None:
    window.on_deck_loaded(make_deck(3, marking="UNCLASSIFIED // DRAFT"))
    shown = start()
    audience = shown.audience
    assert audience is not None
    assert _banner_texts(audience) == ["UNCLASSIFIED // DRAFT"] * 2
    card = audience.card_view.geometry()
    assert audience.top_banner.geometry().bottom() < card.top()
    assert audience.bottom_banner.geometry().top() > card.bottom()
    assert audience.bottom_banner.geometry().bottom() == audience.height() - 1
    qtbot.keyClick(audience, Qt.Key.Key_Right)  # still there on the next card
    assert _banner_texts(audience) == ["UNCLASSIFIED // DRAFT"] * 2
    shown.set_stage("light")
    assert _banner_texts(audience) == ["UNCLASSIFIED // DRAFT"] * 2


def test_the_presenter_view_is_marked_too(window: MainWindow, make_deck: Any, start: Start) -> None:
    window.on_deck_loaded(make_deck(3, marking="SECRET"))
    presenter = _presenter(start(presenter=True))
    assert _banner_texts(presenter) == ["SECRET"] * 2


def test_an_unmarked_deck_shows_no_banner_when_presenting(start: Start) -> None:
    shown = start()
    assert shown.audience is not None and _banner_texts(shown.audience) == []


# -- the print dialog, readable in every theme -------------------------------------------------


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_print_dialog_options_are_readable_in_every_theme(
    window: MainWindow, qtbot: Any, engine: Any, theme: str
) -> None:
    window.appearance.set_theme(theme)
    window.printing.open_print_preview()
    preview = window.printing.print_preview
    assert preview is not None
    qtbot.waitExposed(preview)
    preview.resize(1100, 760)
    image = preview.grab().toImage()
    readable = (QLabel, QAbstractButton, QComboBox, QAbstractSpinBox)
    failures = []
    for widget in preview.findChildren(QWidget):
        if not isinstance(widget, readable) or not widget.isVisible():
            continue
        if not widget.isEnabled():
            continue  # disabled controls are exempt
        if isinstance(widget, (QLabel, QAbstractButton)) and not widget.text():
            continue  # nothing written
        indicator = 22 if isinstance(widget, (QCheckBox, QRadioButton)) else 0
        area = widget.rect().adjusted(indicator, 0, 0, 0)
        if isinstance(widget, (QComboBox, QAbstractSpinBox)):
            area = inside_frame(widget, 3, 20)
        elif isinstance(widget, QPushButton):
            area = inside_frame(widget, 4)
        ratio = text_contrast(image, preview, widget, area)
        if ratio < required(widget):
            shown = widget.currentText() if isinstance(widget, QComboBox) else ""
            name = shown or getattr(widget, "text", lambda: "")() or type(widget).__name__
            failures.append(f"{name} {ratio:.2f}:1")
    preview.close()
    assert not failures, f"{theme}: {failures}"


def test_the_previews_never_offer_a_scroll_bar_nobody_can_use(qtbot: Any) -> None:
    """A reader's front scrolls when zoomed text needs it; the presenter's previews and
    the room's card cannot be scrolled, so their headline ends in "…" instead."""
    from briefing.gui.card.card_view import CardView
    from briefing.gui.present.audience_window import StageCardView
    from briefing.gui.present.presenter_window import PreviewCardView

    long_headline = "A headline far too long for a small card. " * 12
    deck = Deck(title="T", cards=(Card(id="a", title="A", headline=long_headline, body="b"),))
    for view_type, scrolls in ((PreviewCardView, False), (StageCardView, False), (CardView, True)):
        view = view_type()
        qtbot.addWidget(view)
        view.resize(320, 200)
        view.set_card(deck, deck.cards[0])
        view.show()
        qtbot.waitExposed(view)
        assert view.front.scrolls() is scrolls, view_type.__name__
        if not scrolls:
            assert not view.front.scroll_area.verticalScrollBar().isVisible()


def test_a_new_stage_keeps_the_back_on_screen_even_with_flips_animated(start: Start) -> None:
    """The stage restyles the room's card by setting it again, front up: it is turned back
    over at once, never left mid-turn."""
    shown = start()
    audience = shown.audience
    assert audience is not None
    view = audience.card_view
    shown.flip()  # instant: the window fixture's flips are
    view.flip_duration_ms = 400
    shown.set_stage("light")
    assert view.is_flipped()
    assert view.back.isVisible() and not view.front.isVisible()
    assert view.flip_animation.state() != view.flip_animation.State.Running
