"""Every rule of the deck format (../shared/deck-format.md), one behaviour per test.

Decks are written into ``tmp_path`` (the current directory), so problems read
``cards/a.yaml:3:5: message`` and each LINE:COLUMN can be checked against the YAML
right above it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from briefing.core.errors import DeckError, Problem
from briefing.core.loader import load_deck
from briefing.core.model import Figure, Image, Quote, Source

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17)

DECK = "title: A deck\n"
CARD = "title: A card\nheadline: The takeaway.\nbody: The back.\n"


# --- decks that load -------------------------------------------------------------


def test_folder_deck_loads_metadata_and_every_field_of_a_card(write_folder_deck):
    folder = write_folder_deck(
        """\
        title: Pact
        subtitle: One line
        date: June 2024
        author: Analyst
        marking: DRAFT
        sources:
          - id: tda
            title: Explainer
            publisher: TDA
            date: 2024-06-20
            url: https://example.org/a
        """,
        {
            "weapons.yaml": """\
                title: Weapons
                headline: Shells went north.
                figure:
                  value: 1,000,000+
                  label: shells
                body: |
                  First paragraph.

                  - a bullet
                quotes:
                  - text: We will help.
                    by: A minister
                    source: tda
                image:
                  path: img/map.png
                  alt: A map
                notes: Say it slowly.
                tags: [arms, trade]
                sources: [tda]
                """,
            "img/map.png": PNG,
        },
    )
    deck = load_deck(folder)
    assert (deck.title, deck.subtitle, deck.date, deck.author, deck.marking) == (
        "Pact",
        "One line",
        "June 2024",
        "Analyst",
        "DRAFT",
    )
    assert deck.sources == (
        Source("tda", "Explainer", "TDA", "2024-06-20", "https://example.org/a"),
    )
    assert deck.path == "cards"
    assert deck.folder == Path("cards").resolve()
    (card,) = deck.cards
    assert card.id == "weapons"
    assert card.title == "Weapons"
    assert card.headline == "Shells went north."
    assert card.figure == Figure("1,000,000+", "shells")
    assert card.body == "First paragraph.\n\n- a bullet\n"
    assert card.quotes == (Quote("We will help.", "A minister", "tda"),)
    assert card.image == Image(Path("cards/img/map.png").resolve(), "A map")
    assert card.notes == "Say it slowly."
    assert card.tags == ("arms", "trade")
    assert card.sources == ("tda",)
    assert card.file == os.path.join("cards", "weapons.yaml")


def test_optional_fields_default_to_empty(write_folder_deck):
    deck = load_deck(write_folder_deck(DECK, {"a.yaml": CARD}))
    assert (deck.subtitle, deck.date, deck.author, deck.marking, deck.sources) == (
        "",
        "",
        "",
        "",
        (),
    )
    (card,) = deck.cards
    assert card.figure is None
    assert card.image is None
    assert (card.quotes, card.notes, card.tags, card.sources) == ((), "", (), ())


def test_single_file_deck_loads_its_cards(write_file_deck):
    path = write_file_deck(
        """\
        title: One file
        marking: UNCLASSIFIED
        cards:
          - title: First
            headline: h1
            body: b1
          - id: custom
            title: Second
            headline: h2
            body: b2
        """
    )
    deck = load_deck(path)
    assert deck.title == "One file"
    assert deck.marking == "UNCLASSIFIED"
    assert deck.path == "brief.yaml"
    assert [(c.id, c.title, c.headline, c.body) for c in deck.cards] == [
        ("first", "First", "h1", "b1"),
        ("custom", "Second", "h2", "b2"),
    ]
    assert all(card.file == "brief.yaml" for card in deck.cards)


def test_folder_deck_card_id_defaults_to_the_file_stem(write_folder_deck):
    deck = load_deck(write_folder_deck(DECK, {"putins-visit.yaml": CARD, "pact.yml": CARD}))
    assert [card.id for card in deck.cards] == ["pact", "putins-visit"]


def test_single_file_card_id_defaults_to_the_title_as_a_slug(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: Putin's visit
            headline: h
            body: b
          - title: NATO Réponse 2024
            headline: h
            body: b
        """
    )
    assert [card.id for card in load_deck(path).cards] == ["putins-visit", "nato-reponse-2024"]


def test_folder_cards_are_ordered_by_file_name_without_order(write_folder_deck):
    folder = write_folder_deck(
        DECK,
        {
            "c.yaml": "title: C\nheadline: h\nbody: b\n",
            "a.yaml": "title: A\nheadline: h\nbody: b\n",
            "b.yml": "title: B\nheadline: h\nbody: b\n",
        },
    )
    assert [card.title for card in load_deck(folder).cards] == ["A", "B", "C"]


def test_single_file_cards_keep_list_order_without_order(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        cards:
          - {title: Zulu, headline: h, body: b}
          - {title: Alpha, headline: h, body: b}
          - {title: Mike, headline: h, body: b}
        """
    )
    assert [card.id for card in load_deck(path).cards] == ["zulu", "alpha", "mike"]


def test_order_reorders_folder_cards(write_folder_deck):
    folder = write_folder_deck(
        """\
        title: T
        order: [c, a, b]
        """,
        {"a.yaml": CARD, "b.yaml": CARD, "c.yaml": CARD},
    )
    assert [card.id for card in load_deck(folder).cards] == ["c", "a", "b"]


def test_order_reorders_single_file_cards(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        order:
          - second
          - first
        cards:
          - {id: first, title: A, headline: h, body: b}
          - {id: second, title: B, headline: h, body: b}
        """
    )
    assert [card.id for card in load_deck(path).cards] == ["second", "first"]


def test_anchors_and_aliases_may_share_a_list_between_cards(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        sources:
          - {id: tda, title: Explainer}
        cards:
          - {title: A, headline: h, body: b, sources: &both [tda]}
          - {title: B, headline: h, body: b, sources: *both}
        """
    )
    assert [card.sources for card in load_deck(path).cards] == [("tda",), ("tda",)]


# --- text is kept exactly as written --------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["NO", "yes", "Off", "1.10", "0o17", "0x1F", ".inf", "-.NaN", "1e3", "12:30:00", "2024-06-21"],
)
def test_plain_scalars_are_the_text_written_not_yaml_1_1_values(write_file_deck, written):
    path = write_file_deck(
        f"""\
        title: {written}
        cards:
          - id: c
            title: {written}
            headline: {written}
            body: {written}
            figure: {{value: {written}, label: {written}}}
            tags: [{written}]
        """
    )
    deck = load_deck(path)
    card = deck.cards[0]
    assert deck.title == written
    assert (card.title, card.headline, card.body) == (written, written, written)
    assert card.figure == Figure(written, written)
    assert card.tags == (written,)


def test_figure_value_1_10_stays_1_10(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: h
            body: b
            figure:
              value: 1.10
        """
    )
    assert load_deck(path).cards[0].figure == Figure("1.10", "")


def test_iso_date_is_kept_as_written(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        date: 2024-06-21
        cards:
          - {title: A, headline: h, body: b}
        """
    )
    assert load_deck(path).date == "2024-06-21"


def test_free_text_date_is_accepted_as_written(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        date: Summer '24, before the vote
        cards:
          - {title: A, headline: h, body: b}
        """
    )
    assert load_deck(path).date == "Summer '24, before the vote"


def test_raw_html_and_markdown_are_kept_as_literal_text(write_file_deck):
    path = write_file_deck(
        """\
        title: <b>bold</b>
        cards:
          - title: A
            headline: "<script>alert(1)</script>"
            body: |
              <img src=x onerror=alert(1)>
              **kept** & [link](http://example.org)
        """
    )
    deck = load_deck(path)
    assert deck.title == "<b>bold</b>"
    assert deck.cards[0].headline == "<script>alert(1)</script>"
    assert deck.cards[0].body == (
        "<img src=x onerror=alert(1)>\n**kept** & [link](http://example.org)\n"
    )


def test_tilde_headline_is_empty_and_reported_as_required(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: ~
            body: b
        """
    )
    assert problems_of(path) == ["brief.yaml:4:15: 'headline' is empty (required)"]


def test_blank_headline_is_reported_as_required(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline:
            body: b
        """
    )
    assert problems_of(path) == ["brief.yaml:4:14: 'headline' is empty (required)"]


def test_empty_optional_fields_are_allowed(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        subtitle:
        sources: ~
        cards:
          - title: A
            headline: h
            body: b
            figure:
            image: null
            tags:
            notes: ~
        """
    )
    card = load_deck(path).cards[0]
    assert (card.figure, card.image, card.tags, card.notes) == (None, None, (), "")


def test_unicode_line_separator_is_refused_rather_than_read_as_a_line_break(
    write_file_deck, problems_of
):
    # YAML 1.2 reads U+2028 as an ordinary character; libyaml (YAML 1.1) breaks the
    # line there, which would change the text and every position after it.
    path = write_file_deck("title: one\u2028two\ncards:\n  - {title: A, headline: h, body: b}\n")
    assert problems_of(path) == [
        "brief.yaml:1:11: character U+2028 (LINE SEPARATOR) is read as a line break "
        "by YAML parsers; use an ordinary line break"
    ]


def test_quoted_tilde_is_the_text_tilde(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        cards:
          - {title: A, headline: "~", body: 'null'}
        """
    )
    card = load_deck(path).cards[0]
    assert (card.headline, card.body) == ("~", "null")


# --- unknown and misplaced keys -------------------------------------------------


def test_unknown_card_key_suggests_closest_name(write_folder_deck, problems_of):
    folder = write_folder_deck(
        DECK,
        {
            "a.yaml": """\
                title: A
                heading: The takeaway.
                body: b
                """
        },
    )
    assert problems_of(folder) == [
        "cards/a.yaml:1:1: a card has no 'headline' (required)",
        "cards/a.yaml:2:1: 'heading' is not a card key; did you mean 'headline'?",
    ]


def test_unknown_key_without_close_match_lists_allowed_keys(write_folder_deck, problems_of):
    folder = write_folder_deck(
        """\
        title: T
        colour: red
        """,
        {"a.yaml": CARD},
    )
    assert problems_of(folder) == [
        "cards/deck.yaml:2:1: 'colour' is not a deck key "
        "(allowed: title, subtitle, date, author, marking, sources, order)"
    ]


def test_unknown_keys_in_nested_mappings_are_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        sources:
          - {id: s, title: S, publsher: P}
        cards:
          - title: A
            headline: h
            body: b
            figure: {value: "1", lable: l}
            quotes:
              - {text: t, by: b, who: w}
        """
    )
    assert problems_of(path) == [
        "brief.yaml:3:23: 'publsher' is not a source key; did you mean 'publisher'?",
        "brief.yaml:8:26: 'lable' is not a figure key; did you mean 'label'?",
        "brief.yaml:10:26: 'who' is not a quote key (allowed: text, by, source)",
    ]


def test_cards_in_folder_deck_metadata_is_refused_with_a_hint(write_folder_deck, problems_of):
    folder = write_folder_deck(
        """\
        title: T
        cards:
          - {title: A, headline: h, body: b}
        """,
        {"a.yaml": CARD},
    )
    assert problems_of(folder) == [
        "cards/deck.yaml:2:1: 'cards' is not a deck key in a folder deck: "
        "each card is its own file beside deck.yaml"
    ]


def test_card_key_in_deck_metadata_says_where_it_belongs(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        headline: h
        cards:
          - {title: A, headline: h, body: b}
        """
    )
    assert problems_of(path) == [
        "brief.yaml:2:1: 'headline' is not a deck key: it is a card key; "
        "put it on a card in 'cards'"
    ]


# --- duplicates -----------------------------------------------------------------


def test_duplicate_key_is_reported_at_the_second_naming_the_first_line(
    write_folder_deck, problems_of
):
    folder = write_folder_deck(
        DECK,
        {
            "a.yaml": """\
                title: A
                headline: First.
                body: b
                headline: Second.
                """
        },
    )
    assert problems_of(folder) == [
        "cards/a.yaml:4:1: duplicate key 'headline' (first given on line 2)"
    ]


def test_duplicate_key_in_a_flow_mapping_is_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - {title: A, headline: h, body: b, title: B}
        """
    )
    assert problems_of(path) == ["brief.yaml:3:38: duplicate key 'title' (first given on line 3)"]


def test_duplicate_card_ids_across_files_name_both_files(write_folder_deck, problems_of):
    folder = write_folder_deck(
        DECK,
        {
            "a.yaml": CARD,
            "b.yaml": """\
                id: a
                title: B
                headline: h
                body: b
                """,
        },
    )
    assert problems_of(folder) == [
        "cards/b.yaml:1:5: card id 'a' is also used by the card at cards/a.yaml:1:1"
    ]


def test_default_ids_from_stems_that_clash_are_reported(write_folder_deck, problems_of):
    folder = write_folder_deck(DECK, {"a.yaml": CARD, "a.yml": CARD})
    assert problems_of(folder) == [
        "cards/a.yml:1:1: card id 'a' is also used by the card at cards/a.yaml:1:1"
    ]


def test_duplicate_card_ids_in_one_file_are_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - {id: same, title: A, headline: h, body: b}
          - {id: same, title: B, headline: h, body: b}
        """
    )
    assert problems_of(path) == [
        "brief.yaml:4:10: card id 'same' is also used by the card at brief.yaml:3:10"
    ]


def test_source_id_declared_twice_is_reported_at_the_second(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        sources:
          - id: tda
            title: One
          - id: tda
            title: Two
        cards:
          - {title: A, headline: h, body: b, sources: [tda]}
        """
    )
    assert problems_of(path) == ["brief.yaml:5:5: source id 'tda' is declared twice"]


def test_source_declared_twice_after_an_invalid_source_is_reported_at_the_second(
    write_file_deck, problems_of
):
    path = write_file_deck(
        """\
        title: T
        sources:
          - id: Not A Slug
            title: Zero
          - id: tda
            title: One
          - id: tda
            title: Two
        cards:
          - {title: A, headline: h, body: b, sources: [tda]}
        """
    )
    assert problems_of(path) == [
        "brief.yaml:3:9: 'Not A Slug' is not a valid id: use lower-case letters, digits and '-' "
        "(e.g. 'not-a-slug')",
        "brief.yaml:7:5: source id 'tda' is declared twice",
    ]


# --- sources --------------------------------------------------------------------


def test_undeclared_card_source_suggests_a_declared_one(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        sources:
          - {id: pact-report, title: Report}
        cards:
          - title: A
            headline: h
            body: b
            sources: [pact-reprot]
        """
    )
    assert problems_of(path) == [
        "brief.yaml:8:15: source 'pact-reprot' is not declared in the deck; "
        "did you mean 'pact-report'?"
    ]


def test_undeclared_quote_source_is_reported(write_folder_deck, problems_of):
    folder = write_folder_deck(
        """\
        title: T
        sources:
          - {id: tda, title: Explainer}
        """,
        {
            "a.yaml": """\
                title: A
                headline: h
                body: b
                quotes:
                  - text: Words.
                    by: Someone
                    source: tdb
                """
        },
    )
    assert problems_of(folder) == [
        "cards/a.yaml:7:13: source 'tdb' is not declared in the deck; did you mean 'tda'?"
    ]


def test_undeclared_source_without_close_match_lists_declared_ids(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        sources:
          - {id: alpha, title: A}
          - {id: beta, title: B}
        cards:
          - {title: A, headline: h, body: b, sources: [zzz]}
        """
    )
    assert problems_of(path) == [
        "brief.yaml:6:48: source 'zzz' is not declared in the deck (declared: alpha, beta)"
    ]


def test_source_used_when_deck_declares_none_says_so(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - {title: A, headline: h, body: b, sources: [tda]}
        """
    )
    assert problems_of(path) == [
        "brief.yaml:3:48: source 'tda' is not declared in the deck (the deck declares no sources)"
    ]


# --- ids and order --------------------------------------------------------------


def test_card_id_that_is_not_a_slug_is_refused_with_a_suggestion(write_folder_deck, problems_of):
    folder = write_folder_deck(
        DECK,
        {
            "a.yaml": """\
                id: Putin's Visit
                title: A
                headline: h
                body: b
                """
        },
    )
    assert problems_of(folder) == [
        "cards/a.yaml:1:5: 'Putin's Visit' is not a valid id: use lower-case letters, digits "
        "and '-' (e.g. 'putins-visit')"
    ]


def test_single_file_card_with_a_bad_id_gets_only_the_bad_id_problem(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - id: Bad_Id
            title: A usable title
            headline: h
            body: b
        """
    )
    assert problems_of(path) == [
        "brief.yaml:3:9: 'Bad_Id' is not a valid id: use lower-case letters, digits and '-' "
        "(e.g. 'bad-id')"
    ]


def test_cyrillic_and_greek_titles_give_ids_spelt_in_latin_letters(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: Пакт о взаимной обороне
            headline: h
            body: b
          - title: Щука и ёж
            headline: h
            body: b
          - title: Συμφωνία άμυνας
            headline: h
            body: b
        """  # noqa: RUF001
    )
    ids = [card.id for card in load_deck(path).cards]
    assert ids == ["pakt-o-vzaimnoy-oborone", "shchuka-i-ezh", "symfonia-amynas"]


def test_title_in_a_script_without_latin_spelling_gets_a_stable_id_of_its_own(
    write_file_deck,
):
    cards = """\
        title: T
        cards:
          - title: 朝鲜 全面
            headline: h
            body: b
          - title: 전략적 동반자
            headline: h
            body: b
        """
    first = [card.id for card in load_deck(write_file_deck(cards)).cards]
    again = [card.id for card in load_deck(write_file_deck(cards)).cards]
    assert first == again  # stars and the reading place are kept by id
    assert len(set(first)) == 2
    assert all(re.fullmatch(r"card-[0-9a-f]{8}", card_id) for card_id in first)


def test_folder_deck_card_files_named_in_cyrillic_get_distinct_ids(write_folder_deck):
    deck = load_deck(write_folder_deck(DECK, {"пакт.yaml": CARD, "визит.yaml": CARD}))
    assert sorted(card.id for card in deck.cards) == ["pakt", "vizit"]


def test_card_whose_title_makes_no_slug_must_be_given_an_id(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: "!!!"
            headline: h
            body: b
        """
    )
    assert problems_of(path) == [
        "brief.yaml:3:5: give this card an 'id': its title makes no usable id"
    ]


def test_source_id_that_is_not_a_slug_is_refused(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        sources:
          - id: TDA
            title: Explainer
        cards:
          - {title: A, headline: h, body: b}
        """
    )
    assert problems_of(path) == [
        "brief.yaml:3:9: 'TDA' is not a valid id: use lower-case letters, digits and '-' "
        "(e.g. 'tda')"
    ]


def test_order_naming_an_unknown_card_suggests_the_closest(write_folder_deck, problems_of):
    folder = write_folder_deck(
        """\
        title: T
        order:
          - background
          - weapns
        """,
        {"background.yaml": CARD, "weapons.yaml": CARD},
    )
    assert problems_of(folder) == [
        "cards/deck.yaml:3:3: order does not name card 'weapons' (cards/weapons.yaml)",
        "cards/deck.yaml:4:5: order names 'weapns', but no card has that id; "
        "did you mean 'weapons'?",
    ]


def test_order_naming_a_card_twice_is_reported_at_the_second(write_folder_deck, problems_of):
    folder = write_folder_deck(
        """\
        title: T
        order: [a, b, a]
        """,
        {"a.yaml": CARD, "b.yaml": CARD},
    )
    assert problems_of(folder) == ["cards/deck.yaml:2:15: order names card 'a' twice"]


def test_order_missing_a_card_names_the_card_and_its_file(write_folder_deck, problems_of):
    folder = write_folder_deck(
        """\
        title: T
        order:
          - a
        """,
        {"a.yaml": CARD, "b.yaml": CARD},
    )
    assert problems_of(folder) == [
        "cards/deck.yaml:3:3: order does not name card 'b' (cards/b.yaml)"
    ]


# --- required keys --------------------------------------------------------------


def test_card_without_title_headline_and_body_reports_each(write_folder_deck, problems_of):
    folder = write_folder_deck(DECK, {"a.yaml": "notes: only notes\n"})
    assert problems_of(folder) == [
        "cards/a.yaml:1:1: a card has no 'title' (required)",
        "cards/a.yaml:1:1: a card has no 'headline' (required)",
        "cards/a.yaml:1:1: a card has no 'body' (required)",
    ]


def test_deck_without_title_is_reported(write_folder_deck, problems_of):
    folder = write_folder_deck("subtitle: no title here\n", {"a.yaml": CARD})
    assert problems_of(folder) == [
        "cards/deck.yaml:1:1: the deck metadata has no 'title' (required)"
    ]


def test_single_file_deck_without_cards_is_reported(write_file_deck, problems_of):
    assert problems_of(write_file_deck("title: T\n")) == [
        "brief.yaml:1:1: a deck has no 'cards' (required)"
    ]


def test_single_file_deck_with_an_empty_card_list_is_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards: []
        """
    )
    assert problems_of(path) == ["brief.yaml:2:8: 'cards' is empty: a deck needs at least one card"]


def test_figure_without_value_is_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: h
            body: b
            figure:
              label: shells
        """
    )
    assert problems_of(path) == ["brief.yaml:7:7: a figure has no 'value' (required)"]


def test_quote_without_text_or_by_is_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: h
            body: b
            quotes:
              - by: Someone
              - text: Words.
        """
    )
    assert problems_of(path) == [
        "brief.yaml:7:9: a quote has no 'text' (required)",
        "brief.yaml:8:9: a quote has no 'by' (required)",
    ]


def test_image_without_path_or_alt_is_reported(write_folder_deck, problems_of):
    folder = write_folder_deck(
        DECK,
        {
            "a.yaml": CARD + "image:\n  alt: A map\n",
            "b.yaml": CARD + "image:\n  path: map.png\n",
            "map.png": PNG,
        },
    )
    assert problems_of(folder) == [
        "cards/a.yaml:5:3: an image has no 'path' (required)",
        "cards/b.yaml:5:3: an image has no 'alt' (required)",
    ]


def test_source_without_id_or_title_is_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        sources:
          - title: No id
          - id: no-title
        cards:
          - {title: A, headline: h, body: b}
        """
    )
    assert problems_of(path) == [
        "brief.yaml:3:5: a source has no 'id' (required)",
        "brief.yaml:4:5: a source has no 'title' (required)",
    ]


# --- wrong types ----------------------------------------------------------------


def test_list_where_text_is_expected_is_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: [A, B]
        cards:
          - title: A
            headline:
              - one
            body: b
        """
    )
    assert problems_of(path) == [
        "brief.yaml:1:8: 'title' must be text, not a list",
        "brief.yaml:5:7: 'headline' must be text, not a list",
    ]


def test_mapping_where_text_is_expected_is_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - {title: A, headline: h, body: {text: b}}
        """
    )
    assert problems_of(path) == ["brief.yaml:3:35: 'body' must be text, not a mapping"]


def test_scalar_where_a_mapping_is_expected_is_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: h
            body: b
            figure: 1,000
            image: map.png
            quotes:
              - Just words
          - a card that is text
        """
    )
    assert problems_of(path) == [
        "brief.yaml:6:13: a figure must be a mapping of keys, not text",
        "brief.yaml:7:12: an image must be a mapping of keys, not text",
        "brief.yaml:9:9: a quote must be a mapping of keys, not text",
        "brief.yaml:10:5: a card must be a mapping of keys, not text",
    ]


def test_card_file_that_is_a_list_is_reported(write_folder_deck, problems_of):
    folder = write_folder_deck(DECK, {"a.yaml": "- title: A\n"})
    assert problems_of(folder) == ["cards/a.yaml:1:1: a card must be a mapping of keys, not a list"]


def test_tags_that_are_not_a_list_are_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: h
            body: b
            tags: arms, trade
        """
    )
    assert problems_of(path) == ["brief.yaml:6:11: 'tags' must be a list, not text"]


def test_tags_that_are_not_text_are_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: h
            body: b
            tags: [arms, [nested], {a: b}]
        """
    )
    assert problems_of(path) == [
        "brief.yaml:6:18: each item of 'tags' must be text, not a list",
        "brief.yaml:6:28: each item of 'tags' must be text, not a mapping",
    ]


def test_deck_sources_that_are_not_a_list_are_reported_once(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        sources: tda
        cards:
          - {title: A, headline: h, body: b}
        """
    )
    assert problems_of(path) == ["brief.yaml:2:10: 'sources' must be a list, not text"]


def test_key_that_is_not_text_is_reported(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - {title: A, headline: h, body: b}
        ? [a, b]
        : value
        """
    )
    assert problems_of(path)[0] == "brief.yaml:4:3: a key must be plain text"


# --- dates ----------------------------------------------------------------------


def test_iso_date_that_does_not_exist_is_refused(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        date: 2024-02-30
        sources:
          - {id: s, title: S, date: 2023-13-01}
        cards:
          - {title: A, headline: h, body: b}
        """
    )
    assert problems_of(path) == [
        "brief.yaml:2:7: '2024-02-30' is not a real date (write YYYY-MM-DD)",
        "brief.yaml:4:29: '2023-13-01' is not a real date (write YYYY-MM-DD)",
    ]


def test_leap_day_is_a_real_date(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        date: 2024-02-29
        cards:
          - {title: A, headline: h, body: b}
        """
    )
    assert load_deck(path).date == "2024-02-29"


# --- images ---------------------------------------------------------------------


def _image_card(path: str) -> str:
    return CARD + f"image:\n  path: {path}\n  alt: A picture\n"


def test_valid_png_inside_the_folder_loads_with_its_resolved_path(write_folder_deck):
    folder = write_folder_deck(DECK, {"a.yaml": _image_card("img/map.png"), "img/map.png": PNG})
    image = load_deck(folder).cards[0].image
    assert image == Image(Path("cards/img/map.png").resolve(), "A picture")
    assert image.path.is_absolute()


def test_jpeg_and_svg_images_load(write_folder_deck):
    folder = write_folder_deck(
        DECK,
        {
            "a.yaml": _image_card("photo.JPG"),
            "b.yaml": _image_card("chart.svg"),
            "photo.JPG": b"\xff\xd8\xff\xe0" + bytes(20),
            "chart.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        },
    )
    assert [card.image.path.name for card in load_deck(folder).cards] == ["photo.JPG", "chart.svg"]


def test_missing_image_file_is_reported(write_folder_deck, problems_of):
    folder = write_folder_deck(DECK, {"a.yaml": _image_card("img/nope.png")})
    assert problems_of(folder) == ["cards/a.yaml:5:9: image 'img/nope.png' does not exist"]


def test_image_outside_the_folder_via_dotdot_is_refused(write_folder_deck, problems_of, in_tmp):
    (in_tmp / "secret.png").write_bytes(PNG)
    folder = write_folder_deck(DECK, {"a.yaml": _image_card("../secret.png")})
    assert problems_of(folder) == [
        "cards/a.yaml:5:9: image '../secret.png' is outside the deck folder; it is not read"
    ]


def test_image_with_an_absolute_path_is_refused(write_folder_deck, problems_of):
    folder = write_folder_deck(DECK, {"a.yaml": _image_card("/srv/secret.png")})
    assert problems_of(folder) == [
        "cards/a.yaml:5:9: image '/srv/secret.png' must be a path relative to the deck folder"
    ]


def test_image_symlinked_outside_the_folder_is_refused(write_folder_deck, problems_of, in_tmp):
    (in_tmp / "secret.png").write_bytes(PNG)
    folder = write_folder_deck(DECK, {"a.yaml": _image_card("link.png")})
    try:
        (in_tmp / folder / "link.png").symlink_to(in_tmp / "secret.png")
    except OSError:
        pytest.skip("cannot create symlinks here")
    assert problems_of(folder) == [
        "cards/a.yaml:5:9: image 'link.png' is outside the deck folder; it is not read"
    ]


def test_image_with_an_unsupported_extension_is_refused(write_folder_deck, problems_of):
    folder = write_folder_deck(DECK, {"a.yaml": _image_card("anim.gif"), "anim.gif": b"GIF89a"})
    assert problems_of(folder) == [
        "cards/a.yaml:5:9: image 'anim.gif' must be a PNG, JPEG or SVG file"
    ]


def test_png_that_is_not_a_png_is_refused(write_folder_deck, problems_of):
    folder = write_folder_deck(
        DECK, {"a.yaml": _image_card("fake.png"), "fake.png": "<html>not a picture</html>\n"}
    )
    assert problems_of(folder) == ["cards/a.yaml:5:9: image 'fake.png' is not a PNG file"]


def test_image_path_that_is_a_folder_is_reported(write_folder_deck, problems_of, in_tmp):
    folder = write_folder_deck(DECK, {"a.yaml": _image_card("dir.png")})
    (in_tmp / folder / "dir.png").mkdir()
    (line,) = problems_of(folder)
    assert line == "cards/a.yaml:5:9: image 'dir.png': is a folder, not a file"


def test_image_of_a_single_file_deck_is_read_beside_the_file(write_file_deck, in_tmp):
    (in_tmp / "map.png").write_bytes(PNG)
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: h
            body: b
            image: {path: map.png, alt: A map}
        """
    )
    assert load_deck(path).cards[0].image == Image((in_tmp / "map.png").resolve(), "A map")


# --- which files are read -------------------------------------------------------


def test_card_file_symlinked_outside_the_folder_is_refused_and_not_read(
    write_folder_deck, problems_of, in_tmp
):
    outside = in_tmp / "outside.yaml"
    outside.write_text("this: [is not read\n", encoding="utf-8")
    folder = write_folder_deck(DECK, {"a.yaml": CARD})
    try:
        (in_tmp / folder / "b.yaml").symlink_to(outside)
    except OSError:
        pytest.skip("cannot create symlinks here")
    assert problems_of(folder) == [
        "cards/b.yaml:1:1: a link to outside the deck folder (or a loop); not read"
    ]


def test_deck_yaml_symlinked_outside_the_folder_is_refused(write_folder_deck, problems_of, in_tmp):
    outside = in_tmp / "outside.yaml"
    outside.write_text("title: Read from outside the deck folder\n", encoding="utf-8")
    folder = write_folder_deck(None, {"a.yaml": CARD})
    try:
        (in_tmp / folder / "deck.yaml").symlink_to(outside)
    except OSError:
        pytest.skip("cannot create symlinks here")
    (line,) = problems_of(folder)
    assert line.startswith("cards/deck.yaml:1:1: ")
    assert "outside the deck folder" in line


def test_dotfiles_and_other_files_in_the_folder_are_ignored(write_folder_deck):
    folder = write_folder_deck(
        DECK,
        {
            "a.yaml": CARD,
            ".#a.yaml": "editor: [lock file",
            ".a.yaml.swp": "\x00binary",
            ".hidden.yml": "{{{",
            "README.md": "# not a card",
            "a.yaml~": "title: [backup",
        },
    )
    assert [card.id for card in load_deck(folder).cards] == ["a"]


def test_folder_without_deck_yaml_is_reported(write_folder_deck, problems_of):
    folder = write_folder_deck(None, {"a.yaml": CARD})
    assert problems_of(folder) == [
        "cards/deck.yaml:1:1: missing: a deck folder needs a deck.yaml with its title"
    ]


def test_folder_with_deck_yaml_but_no_cards_is_reported(write_folder_deck, problems_of):
    folder = write_folder_deck(DECK, {})
    assert problems_of(folder) == ["cards/deck.yaml:1:1: the deck folder has no card files"]


def test_empty_card_file_is_reported(write_folder_deck, problems_of):
    folder = write_folder_deck(DECK, {"a.yaml": CARD, "b.yaml": "# to do\n"})
    assert problems_of(folder) == ["cards/b.yaml:1:1: file is empty"]


# --- reporting ------------------------------------------------------------------


def test_every_problem_is_reported_at_once(write_folder_deck, problems_of):
    folder = write_folder_deck(
        """\
        title: T
        subtitel: typo
        """,
        {
            "a.yaml": """\
                title: A
                headline: h
                body: b
                tags: none
                """,
            "b.yaml": """\
                title: B
                body: b
                """,
        },
    )
    assert problems_of(folder) == [
        "cards/a.yaml:4:7: 'tags' must be a list, not text",
        "cards/b.yaml:1:1: a card has no 'headline' (required)",
        "cards/deck.yaml:2:1: 'subtitel' is not a deck key; did you mean 'subtitle'?",
    ]


def test_yaml_syntax_error_in_one_card_does_not_hide_problems_in_others(
    write_folder_deck, problems_of
):
    folder = write_folder_deck(
        DECK,
        {
            "a.yaml": "title: [unclosed\n",
            "b.yaml": CARD + "colour: red\n",
        },
    )
    (syntax, unknown) = problems_of(folder)
    assert syntax == "cards/a.yaml:1:8: this list in [ ] is never closed"
    assert unknown.startswith("cards/b.yaml:4:1: 'colour' is not a card key")


def test_paths_are_shown_relative_when_given_relative(write_folder_deck, problems_of):
    write_folder_deck(DECK, {"a.yaml": CARD + "colour: red\n"}, folder="decks/mine")
    assert problems_of(os.path.join(".", "decks", "mine"))[0].startswith(
        "./decks/mine/a.yaml:4:1: "
    )
    assert problems_of("decks/mine/")[0].startswith("decks/mine/a.yaml:4:1: ")


def test_paths_are_shown_absolute_when_given_absolute(write_folder_deck, problems_of, in_tmp):
    folder = write_folder_deck(DECK, {"a.yaml": CARD + "colour: red\n"})
    absolute = in_tmp / folder
    assert problems_of(absolute)[0].startswith(f"{absolute / 'a.yaml'}:4:1: ")


def test_single_file_deck_path_is_shown_as_given(write_file_deck, problems_of):
    write_file_deck("title: T\n", name="sub/one.yaml")
    assert problems_of("sub/one.yaml") == ["sub/one.yaml:1:1: a deck has no 'cards' (required)"]


def test_problems_print_as_path_line_column_message_sorted():
    error = DeckError([Problem("b.yaml", 2, 1, "later"), Problem("a.yaml", 9, 3, "first")])
    assert [str(problem) for problem in error.problems] == [
        "a.yaml:9:3: first",
        "b.yaml:2:1: later",
    ]
    assert str(error) == "a.yaml:9:3: first\nb.yaml:2:1: later"


def test_author_text_in_messages_is_quoted_on_one_line(write_file_deck, problems_of):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: h
            body: b
            "bad\\nkey": x
        """
    )
    assert problems_of(path) == [
        "brief.yaml:6:5: 'bad\\nkey' is not a card key "
        "(allowed: id, title, headline, figure, body, quotes, image, notes, tags, sources)"
    ]


# --- opening a folder deck through one of its files ------------------------------


def test_deck_yaml_given_as_the_path_opens_its_folder_deck(write_folder_deck):
    write_folder_deck(DECK, {"a.yaml": CARD, "b.yaml": CARD})
    deck = load_deck(os.path.join("cards", "deck.yaml"))
    assert [card.id for card in deck.cards] == ["a", "b"]
    assert deck.folder == Path("cards").resolve()


def test_card_file_given_as_the_path_points_at_its_folder(write_folder_deck, problems_of):
    write_folder_deck(DECK, {"a.yaml": CARD})
    assert problems_of(os.path.join("cards", "a.yaml")) == [
        "cards/a.yaml:1:1: this is one card of the folder deck 'cards': open the folder instead"
    ]


def test_required_text_that_is_only_quotes_or_spaces_is_reported_empty(
    write_file_deck, problems_of
):
    path = write_file_deck("title: T\ncards:\n  - {title: '', headline: '   ', body: b}\n")
    assert problems_of(path) == [
        "brief.yaml:3:13: 'title' is empty (required)",
        "brief.yaml:3:27: 'headline' is empty (required)",
    ]
