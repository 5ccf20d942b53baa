"""The options panel shared by the print preview and Export PDF, and what is remembered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from briefing.core.model import Deck
from briefing.export.options import PER_PAGE, ExportOptions
from briefing.gui.printing.export_settings import (
    CardChoice,
    load_options,
    pdf_file_name,
    save_options,
    with_pdf_suffix,
)
from briefing.gui.printing.options_panel import OFFSET_HINT, ExportOptionsPanel

MakeDeck = Callable[..., Deck]


@pytest.fixture
def panel(qtbot: Any) -> ExportOptionsPanel:
    widget = ExportOptionsPanel()
    qtbot.addWidget(widget)
    return widget


def pick(combo: Any, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def per_page_choices(panel: ExportOptionsPanel) -> list[int]:
    return [panel.per_page_combo.itemData(i) for i in range(panel.per_page_combo.count())]


@pytest.mark.parametrize("layout", list(PER_PAGE))
def test_each_layout_offers_its_cards_per_page_with_its_default_chosen(
    panel: ExportOptionsPanel, layout: str
) -> None:
    pick(panel.layout_combo, layout)
    assert per_page_choices(panel) == sorted(PER_PAGE[layout])
    assert panel.options().per_page == PER_PAGE[layout][0]


def test_layouts_have_names_a_user_reads(panel: ExportOptionsPanel) -> None:
    names = [panel.layout_combo.itemText(i) for i in range(panel.layout_combo.count())]
    assert names == ["Handout", "Cut-out cards (duplex)", "Fold cards", "Outline"]


def test_a_layout_keeps_the_cards_per_page_chosen_for_it(panel: ExportOptionsPanel) -> None:
    pick(panel.layout_combo, "cards")
    pick(panel.per_page_combo, 6)
    pick(panel.layout_combo, "handout")
    pick(panel.layout_combo, "cards")
    assert panel.options().per_page == 6


def test_one_change_is_one_signal(qtbot: Any, panel: ExportOptionsPanel) -> None:
    emitted: list[None] = []
    panel.changed.connect(lambda: emitted.append(None))
    pick(panel.layout_combo, "fold")  # refills cards per page too
    assert len(emitted) == 1
    panel.set_options(ExportOptions("cards", 2, "A4", True, (1.0, 1.0)))
    assert len(emitted) == 1  # setting is not a change the user made


def test_notes_are_for_handouts_and_outlines_offsets_for_cut_out_cards(
    panel: ExportOptionsPanel,
) -> None:
    panel.set_options(ExportOptions("handout", 2, "A4", True, (3.0, -1.0)))
    assert panel.notes_check.isEnabled()
    assert not panel.offset_x.isEnabled()
    assert panel.options() == ExportOptions("handout", 2, "A4", True, (0.0, 0.0))
    assert panel.remembered() == ExportOptions("handout", 2, "A4", True, (3.0, -1.0))
    pick(panel.layout_combo, "cards")
    assert not panel.notes_check.isEnabled()
    assert panel.offset_x.isEnabled() and panel.offset_y.isEnabled()
    assert panel.offset_hint.text() == OFFSET_HINT
    assert panel.options() == ExportOptions("cards", 4, "A4", False, (3.0, -1.0))


def test_offsets_stay_within_what_the_engine_takes(panel: ExportOptionsPanel) -> None:
    pick(panel.layout_combo, "cards")
    panel.offset_x.setValue(99)
    assert panel.options().resolved().offset_mm[0] == 20.0


def test_paper_defaults_to_the_locale(
    panel: ExportOptionsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.gui.printing import options_panel as qt_export_options

    monkeypatch.setattr(qt_export_options, "default_page_size", lambda: "Letter")
    panel.set_options(ExportOptions())
    assert panel.options().page_size == "Letter"


def test_the_scopes_name_their_cards_and_only_offer_what_exists(
    panel: ExportOptionsPanel, make_deck: MakeDeck
) -> None:
    deck = make_deck(6)
    panel.set_choice(CardChoice(deck, current=1, matches=None))
    buttons = panel.scope_buttons
    assert buttons["deck"].text() == "&Whole deck (6 cards)"
    assert not buttons["search"].isEnabled()
    assert buttons["card"].text() == "The &card on screen (card 2)"
    panel.set_choice(CardChoice(deck, current=1, matches=()))
    assert buttons["search"].text() == "Cards matching the &search (none)"
    assert not buttons["search"].isEnabled()
    panel.set_choice(CardChoice(deck, current=1, matches=(4, 0)))
    buttons["search"].click()
    assert panel.scope() == "search"
    panel.set_choice(CardChoice(deck, current=1, matches=None))  # the search ended
    assert panel.scope() == "deck"


def test_search_results_print_in_deck_order(make_deck: MakeDeck) -> None:
    choice = CardChoice(make_deck(6), current=0, matches=(4, 0, 2))
    assert [c.id for c in choice.cards("search")] == ["card-1", "card-3", "card-5"]
    assert [c.id for c in choice.cards("card")] == ["card-1"]
    assert len(choice.cards("deck")) == 6


def test_options_saved_are_the_options_loaded(settings_folder: Any) -> None:
    settings = QSettings(str(settings_folder / "s.ini"), QSettings.Format.IniFormat)
    options = ExportOptions("cards", 6, "Letter", True, (1.5, -0.5))
    save_options(settings, options)
    assert load_options(settings) == options


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("export/layout", "poster"),
        ("export/per_page", "many"),
        ("export/per_page", "5"),
        ("export/page_size", "A0"),
        ("export/offset_x_mm", "nan"),
        ("export/offset_y_mm", "400"),
    ],
)
def test_a_bad_setting_falls_back_to_its_default(
    settings_folder: Any, key: str, value: str
) -> None:
    settings = QSettings(str(settings_folder / "s.ini"), QSettings.Format.IniFormat)
    save_options(settings, ExportOptions("cards", 2, "A4", False, (1.0, 1.0)))
    settings.setValue(key, value)
    loaded = load_options(settings)
    assert loaded.resolved() == loaded
    default = ExportOptions().resolved()
    field = key.split("/")[1]
    if field == "layout":
        assert loaded.layout == default.layout
    elif field == "per_page":
        assert loaded.per_page == 4  # the cards layout's default
    elif field == "page_size":
        assert loaded.page_size == default.page_size
    else:
        assert 0.0 in loaded.offset_mm


def test_pdf_names_come_from_the_title_without_what_file_systems_refuse() -> None:
    assert pdf_file_name("Russia\u2013North Korea defence pact") == (
        "Russia\u2013North Korea defence pact.pdf"
    )
    assert pdf_file_name('Q3: "plans" / risks?') == "Q3 plans risks.pdf"
    assert pdf_file_name("...") == "Briefing.pdf"
    assert with_pdf_suffix("/tmp/x") == "/tmp/x.pdf"
    assert with_pdf_suffix("/tmp/x.PDF") == "/tmp/x.PDF"
