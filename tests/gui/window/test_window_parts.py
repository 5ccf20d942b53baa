from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factories import make_card
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from briefing.core.model import Deck
from briefing.gui.widgets.fit_label import FitLabel
from briefing.gui.window.main_window import MainWindow
from briefing.render.marking import marking_level

MakeDeck = Callable[..., Deck]


def test_marking_banner_shown_top_and_bottom_when_deck_has_marking(
    window: MainWindow, make_deck: MakeDeck
) -> None:
    window.on_deck_loaded(make_deck(2, marking="UNCLASSIFIED"))
    for banner in (window.top_banner, window.bottom_banner):
        assert banner.isVisible()
        assert banner.text() == "UNCLASSIFIED"
        assert banner.property("level") == "unclassified"


def test_marking_banner_hidden_without_marking(window: MainWindow, make_deck: MakeDeck) -> None:
    window.on_deck_loaded(make_deck(2, marking="SECRET"))
    window.on_deck_loaded(make_deck(2, marking=""))
    assert not window.top_banner.isVisible()
    assert not window.bottom_banner.isVisible()


def test_marking_levels_pick_banner_colours() -> None:
    assert marking_level("TOP SECRET//NOFORN") == "top-secret"
    assert marking_level("SECRET") == "secret"
    assert marking_level("Unclassified") == "unclassified"
    assert marking_level("OFFICIAL-SENSITIVE") == "official"
    assert marking_level("DRAFT") == "other"


def test_a_cards_tags_show_quietly_on_its_front(window: MainWindow, make_deck: MakeDeck) -> None:
    tagged = make_card(1, tags=("nato", "sanctions"))
    window.on_deck_loaded(make_deck(0, cards=(tagged, make_card(2))))
    tags = window.card_view.front.tags_label
    assert tags.isVisible()
    assert tags.text() == "Tags: nato \u00b7 sanctions"
    assert tags.font().pixelSize() < window.card_view.front.headline_label.font().pixelSize()
    window.go_to(1)
    assert not tags.isVisible()  # no tags, no line


def test_card_without_figure_hides_figure(window: MainWindow, make_deck: MakeDeck) -> None:
    window.on_deck_loaded(make_deck(0, cards=(make_card(1, figure=None),)))
    assert not window.card_view.front.figure_value_label.isVisible()
    assert not window.card_view.front.figure_label.isVisible()
    assert window.card_view.front.hint_label.text() == "Space to flip"


def test_long_headline_shrinks_to_fit_instead_of_clipping(
    window: MainWindow, make_deck: MakeDeck
) -> None:
    short = make_card(1, headline="Short.")
    long = make_card(2, headline=" ".join(["A long headline that keeps going and going."] * 4))
    window.on_deck_loaded(make_deck(0, cards=(short, long)))
    label = window.card_view.front.headline_label
    QApplication.processEvents()
    short_size = label.fitted_font().pixelSize()
    window.next_card()
    QApplication.processEvents()
    assert label.fitted_font().pixelSize() < short_size
    assert not label.is_elided()
    flags = int(label.alignment().value) | int(Qt.TextFlag.TextWordWrap.value)
    needed = QFontMetricsF(label.fitted_font()).boundingRect(
        label.contentsRect().toRectF(), flags, label.text()
    )
    assert needed.height() <= label.contentsRect().height()


def test_absurdly_long_headline_scrolls_whole_instead_of_ending_in_ellipsis(
    window: MainWindow, make_deck: MakeDeck
) -> None:
    endless = make_card(1, headline=" ".join(["Words without end."] * 200))
    window.on_deck_loaded(make_deck(0, cards=(endless,)))
    front = window.card_view.front
    assert front.scrolls()
    assert not front.headline_label.is_elided()
    assert front.headline_label.document().toPlainText() == endless.headline
    front.grab()  # paints the long text without error


def test_fit_label_keeps_stylesheet_size_when_text_fits(qtbot: Any) -> None:
    label = FitLabel()
    qtbot.addWidget(label)
    font = label.font()
    font.setPixelSize(30)
    label.setFont(font)
    label.setText("Fits")
    label.resize(400, 200)
    assert label.fitted_font().pixelSize() == 30


def test_card_is_three_by_two_and_centred(window: MainWindow) -> None:
    rect = window.card_view.card_rect()
    assert abs(rect.width() / rect.height() - 1.5) < 0.01
    assert rect.width() <= 1000
    assert abs(rect.center().x() - window.card_view.width() / 2) < 1
    assert window.card_view.front.geometry() == rect.toRect()


def test_previous_and_next_stay_icons_after_the_window_narrows_and_widens(
    qtbot: Any, window: MainWindow
) -> None:
    window.resize(900, 700)
    window.resize(1500, 800)
    for action in (window.previous_action, window.next_action):
        button = window.toolbar.widgetForAction(action)
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    flip_button = window.toolbar.widgetForAction(window.flip_action)
    assert flip_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_list_indent_on_screen_grows_with_the_type_so_zoomed_bullets_fit(qtbot: Any) -> None:
    from PySide6.QtGui import QColor, QFont

    from briefing.render.back_document import BackStyle

    small, large = QFont(), QFont()
    small.setPixelSize(16)
    large.setPixelSize(48)
    colour = QColor("black")
    # 26 px at 16 px type, as the back was designed; three times the type, three times the room
    assert BackStyle.on_screen(small, colour, colour).indent == 26
    assert BackStyle.on_screen(large, colour, colour).indent == 77


LONG_MARKING = (
    "DRAFT \u2014 NOT FOR DISTRIBUTION OUTSIDE THE WORKING GROUP \u2014 "
    "HANDLE VIA OFFICIAL CHANNELS ONLY"
)


def test_long_marking_banner_wraps_whole_in_an_800_px_window(
    window: MainWindow, make_deck: MakeDeck, qtbot: Any
) -> None:
    """A handling marking is never cut: at 800 px wide it takes two lines, all of it shown,
    and the window stays 800 px wide."""
    window.on_deck_loaded(make_deck(2, marking=LONG_MARKING))
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800)
    QApplication.processEvents()
    for banner in (window.top_banner, window.bottom_banner):
        metrics = QFontMetricsF(banner.font())
        contents = banner.contentsRect()
        assert contents.width() <= 800
        assert metrics.horizontalAdvance(LONG_MARKING) > contents.width()  # cannot be one line
        needed = metrics.boundingRect(
            contents.toRectF(), int(Qt.TextFlag.TextWordWrap), LONG_MARKING
        ).height()
        assert contents.height() >= needed - 1
