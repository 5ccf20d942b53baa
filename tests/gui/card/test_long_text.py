"""Long texts are never cut without a sign: a card's title wraps whole on both sides (and
so when presenting, which shows the same card); an overview thumbnail that must shorten a
text ends it after a whole word with "…", and its tooltip holds the whole."""

from __future__ import annotations

from typing import Any

from conftest import MakeDeck
from factories import make_card
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel

from briefing.gui.card.painting import ELLIPSIS, elide_at_word
from briefing.gui.overview.deck_model import DeckListModel
from briefing.gui.window.main_window import MainWindow

LONG_TITLE = (
    "The Comprehensive Strategic Partnership Treaty between Russia and North Korea, Article Four"
)


def _shows_whole(label: QLabel) -> bool:
    """The label's whole text, laid out at its width, fits its height and width."""
    rect = label.contentsRect().toRectF()
    flags = int(Qt.AlignmentFlag.AlignLeft.value) | int(Qt.TextFlag.TextWordWrap.value)
    needed = QFontMetricsF(label.font()).boundingRect(rect, flags, label.text())
    return needed.height() <= rect.height() + 0.5 and needed.width() <= rect.width() + 0.5


def test_long_title_wraps_whole_on_the_front_and_the_back(
    window: MainWindow, make_deck: MakeDeck
) -> None:
    window.on_deck_loaded(make_deck(0, cards=(make_card(1, title=LONG_TITLE),)))
    window.resize(1000, 700)
    QApplication.processEvents()
    topic = window.card_view.front.topic_label
    assert _shows_whole(topic)
    assert topic.height() > 1.5 * QFontMetricsF(topic.font()).height()  # on two lines
    window.flip_card()
    QApplication.processEvents()
    assert _shows_whole(window.card_view.back.title_label)


def test_shortened_text_ends_after_a_whole_word_with_an_ellipsis(qtbot: Any) -> None:
    font = QFont()
    font.setPixelSize(14)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance("The Comprehensive Strategic Partner")
    shown = elide_at_word(metrics, LONG_TITLE, width)
    assert shown == "The Comprehensive Strategic" + ELLIPSIS
    assert metrics.horizontalAdvance(shown) <= width
    assert elide_at_word(metrics, "Short", width) == "Short"
    # A single word too long for the room is cut, but still with the sign.
    assert elide_at_word(metrics, "Unbreakableword" * 10, width).endswith(ELLIPSIS)


def test_overview_thumbnail_tooltip_holds_the_whole_title_and_headline(
    make_deck: MakeDeck,
) -> None:
    headline = " ".join(["A headline far too long for a thumbnail."] * 5)
    model = DeckListModel()
    model.set_deck(make_deck(0, cards=(make_card(1, title=LONG_TITLE, headline=headline),)))
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert LONG_TITLE in tip and headline in tip


def test_a_headline_too_long_for_its_box_fills_every_line_before_its_ellipsis(
    qtbot: Any,
) -> None:
    from briefing.gui.widgets.fit_label import FitLabel

    label = FitLabel(wrap=True, min_scale=0.55)
    qtbot.addWidget(label)
    font = QFont()
    font.setPixelSize(32)
    label.setFont(font)
    label.setText(" ".join([LONG_TITLE] * 6))
    label.resize(420, 120)
    shown = label.document()
    assert label.is_elided() and shown.toPlainText().endswith(ELLIPSIS)
    line = QFontMetricsF(label.fitted_font()).lineSpacing()
    # Five lines fit at the smallest size: the text is cut on the last of them, not the first.
    assert shown.size().height() >= 120 - 1.5 * line
