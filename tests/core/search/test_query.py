"""The query language, rule by rule, including every half-typed query."""

from __future__ import annotations

import pytest

from briefing.core.search.query import Query, Term, parse_query


def test_a_word_is_a_prefix_term_in_any_field():
    assert parse_query("stolt") == Query((Term(("stolt",)),))


def test_case_and_accents_are_folded():
    assert parse_query("ÓLEG Ålesund").terms == (Term(("oleg",)), Term(("alesund",)))


def test_several_words_are_several_terms():
    assert [t.words for t in parse_query("north  korea").terms] == [("north",), ("korea",)]


def test_a_closed_phrase_ends_on_a_whole_word():
    assert parse_query('"a million shells"').terms == (
        Term(("a", "million", "shells"), prefix=False),
    )


def test_an_unclosed_phrase_may_still_be_typed():
    assert parse_query('"a million sh').terms == (Term(("a", "million", "sh"), prefix=True),)


def test_minus_excludes():
    assert parse_query("-drones").terms == (Term(("drones",), negated=True),)


@pytest.mark.parametrize(
    ("written", "field"),
    [("tag", "tag"), ("tags", "tag"), ("title", "title"), ("source", "source"), ("by", "by")],
)
def test_field_prefix_restricts_the_term(written, field):
    assert parse_query(f"{written}:military").terms == (Term(("military",), field=field),)


def test_field_names_are_case_insensitive():
    assert parse_query("Title:Pact").terms == (Term(("pact",), field="title"),)


def test_field_with_a_phrase():
    assert parse_query('title:"nato response"').terms == (
        Term(("nato", "response"), field="title", prefix=False),
    )


def test_excluded_field_term():
    assert parse_query("-tag:nato").terms == (Term(("nato",), field="tag", negated=True),)


def test_unknown_field_is_just_text():
    assert parse_query("foo:bar").terms == (Term(("foo", "bar")),)


def test_is_names_a_flag():
    assert parse_query("is:starred pact") == Query((Term(("pact",)),), ("starred",))


def test_punctuation_inside_a_word_makes_a_phrase_of_its_parts():
    assert parse_query("1,000,000+").terms == (Term(("1", "000", "000")),)


@pytest.mark.parametrize("half_typed", ['"', "tag:", "-", "- ", '-"', 'title:"', "is:", "  ", ""])
def test_half_typed_queries_mean_nothing_and_never_fail(half_typed):
    assert parse_query(half_typed).is_empty


@pytest.mark.parametrize(
    ("odd", "terms"),
    [
        # punctuation alone is no word: the query is empty and matches every card
        ('"""', ()),
        ("::", ()),
        ("-:-", ()),
        ("\\", ()),
        ("*", ()),
        ("((", ()),
        # an unknown "field" is just text, its parts one phrase
        ("a:b:c", (Term(("a", "b", "c")),)),
        # a closed phrase, then one still being typed
        ('"a" "b', (Term(("a",), prefix=False), Term(("b",)))),
        # an excluded phrase still being typed
        ('-"x', (Term(("x",), negated=True),)),
    ],
)
def test_odd_queries_parse_to_what_their_words_say(odd, terms):
    assert parse_query(odd).terms == terms
