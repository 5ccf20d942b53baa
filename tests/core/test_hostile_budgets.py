"""What a deck's text can make the loader, search and layout do is bounded.

Each case here was a freeze or a memory bomb: a small file that expands (aliases of
long texts), a mistake repeated a hundred thousand times (each with a did-you-mean
lookup), a card body whose Markdown costs minutes and gigabytes to lay out. Each is
refused, or reported in a bounded list, in well under a second.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.core import loader, yaml_nodes
from briefing.core.errors import DeckError, Problem
from briefing.core.loader import load_deck
from briefing.core.markdown_budget import MAX_CHARACTERS
from briefing.core.problem_caps import MAX_PER_KIND
from briefing.core.yaml_nodes import MIN_ALIAS_CHARACTERS

FAST = 2.0  # seconds; each case takes a fraction of that


def refused(path) -> list[Problem]:
    """The deck's problems, checked to come quickly."""
    start = time.perf_counter()
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    elapsed = time.perf_counter() - start
    assert elapsed < FAST, f"took {elapsed:.1f} s"
    return caught.value.problems


def loads_quickly(path):
    start = time.perf_counter()
    deck = load_deck(path)
    elapsed = time.perf_counter() - start
    assert elapsed < FAST, f"took {elapsed:.1f} s"
    return deck


# --- aliases of long texts ----------------------------------------------------------


def test_aliases_of_a_long_text_are_refused_at_the_alias_that_crosses_the_budget(
    write_file_deck,
):
    # The issue's bomb, scaled down: one long anchored text, aliased on every card.
    long_text = "x" * (MIN_ALIAS_CHARACTERS * 6 // 10)
    cards = "".join(f"  - {{id: c{i}, title: *t, headline: h, body: b}}\n" for i in range(50))
    path = write_file_deck(f"title: T\nsubtitle: &t {long_text}\ncards:\n{cards}")
    (problem,) = refused(path)
    # The first alias adds 600,000 characters to a 600,000-character file; the second
    # would make it 1,200,000, over the budget of a million.
    assert (problem.path, problem.line, problem.column) == (path, 5, 21)
    assert "aliases expand to more than 1,000,000 characters" in problem.message


PEAK_OF_A_COMMAND = """\
import resource, subprocess, sys

def limit_memory():  # so that a regression fails the test instead of the machine
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

done = subprocess.run(sys.argv[1:], capture_output=True, text=True, preexec_fn=limit_memory)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(done.returncode, peak, done.stdout.count("\\n"), done.stderr.count("\\n"))
print(done.stderr[-500:])
"""


def test_search_of_the_issues_alias_bomb_is_quick_and_small(in_tmp):
    # One 1 MB text aliased 4 times on each of 2,000 cards, a 1.1 MB file: it validated
    # in 0.15 s, and then `briefing search` took 56 s and 8.4 GB. (Aliased as the body,
    # the text would now be refused as too long a card text, so title and headline.)
    cards = "".join(f"  - {{id: c{i}, title: *t, headline: *t, body: b}}\n" for i in range(2000))
    (in_tmp / "bomb.yaml").write_text(f"title: T\nsubtitle: &t {'x' * 1_000_000}\ncards:\n{cards}")
    command = [sys.executable, "-m", "briefing", "search", "bomb.yaml", "x"]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK_OF_A_COMMAND, *command], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    status, peak_mb, out_lines, err_lines = map(int, done.stdout.split("\n")[0].split())
    assert (status, out_lines, err_lines) == (2, 0, 1), done.stdout  # refused, one problem
    assert "bomb.yaml:4:35: aliases expand to more than" in done.stdout
    assert peak_mb < 400
    assert elapsed < 20


def test_a_large_file_may_alias_as_much_text_as_it_holds(write_file_deck):
    filler = "".join(
        f"  - {{id: f{i}, title: F, headline: h, body: {'y' * 200}}}\n" for i in range(6000)
    )
    long_text = "x" * 600_000
    path = write_file_deck(
        f"title: T\nsubtitle: &t {long_text}\ncards:\n{filler}"
        "  - {id: a, title: *t, headline: h, body: b}\n"
        "  - {id: b, title: *t, headline: h, body: b}\n"
    )
    assert len(loads_quickly(path).cards) == 6002


def test_short_texts_may_be_aliased_on_every_card(write_file_deck):
    cards = "".join(f"  - {{id: c{i}, title: T, headline: *h, body: *b}}\n" for i in range(3000))
    path = write_file_deck(
        f"title: T\nsubtitle: &h A shared headline\nauthor: &b {'A shared body. ' * 20}\n"
        f"cards:\n{cards}"
    )
    deck = loads_quickly(path)
    assert deck.cards[-1].headline == "A shared headline"


def test_an_anchored_list_counts_the_text_of_every_item(write_file_deck):
    items = ", ".join(["x" * 100_000] * 6)  # 600,000 characters in one anchored list
    cards = "".join(f"  - {{id: c{i}, title: T, headline: h, body: b, tags: *l}}\n" for i in (1, 2))
    path = write_file_deck(
        f"title: T\ncards:\n  - {{id: c0, title: T, headline: h, body: b, tags: &l [{items}]}}\n"
        f"{cards}"
    )
    (problem,) = refused(path)
    assert (problem.line, problem.column) == (5, 52)
    assert problem.message.endswith("characters of text (an alias bomb?)")


# --- mistakes made thousands of times ---------------------------------------------


def test_an_order_of_thousands_of_wrong_ids_is_reported_in_a_bounded_list(write_file_deck):
    # Each wrong id was a did-you-mean lookup over every card id (100,000: 750 s).
    cards = "".join(f"  - {{id: card-{i}, title: C, headline: h, body: b}}\n" for i in range(1000))
    order = "".join(f"  - card-{i}x\n" for i in range(20_000))
    path = write_file_deck(f"title: T\norder:\n{order}cards:\n{cards}")
    problems = refused(path)
    unknown = [p for p in problems if "but no card has that id" in p.message]
    assert len(unknown) == MAX_PER_KIND
    # the first ones still get a suggestion
    assert unknown[0].message == (
        "order names 'card-0x', but no card has that id; did you mean 'card-0'?"
    )
    summary = problems[problems.index(unknown[-1]) + 1]
    assert summary.message == "... and 19,900 more unknown ids in 'order' are not listed"
    assert "... and 900 more cards missing from 'order' are not listed" in [
        p.message for p in problems
    ]


def test_thousands_of_undeclared_sources_are_reported_in_a_bounded_list(write_file_deck):
    declared = "".join(f"  - {{id: source-{i}, title: S}}\n" for i in range(300))
    cards = "".join(
        f"  - {{id: c{i}, title: C, headline: h, body: b, sources: [source-{i}x]}}\n"
        for i in range(2000)
    )
    path = write_file_deck(f"title: T\nsources:\n{declared}cards:\n{cards}")
    problems = refused(path)
    assert len(problems) == MAX_PER_KIND + 1
    assert problems[0].message.startswith("source 'source-0x' is not declared in the deck")
    assert problems[-1].message == "... and 1,900 more undeclared sources are not listed"
    assert problems[-1].line == problems[-2].line


def test_tens_of_thousands_of_unknown_keys_are_reported_in_a_bounded_list(write_file_deck):
    keys = "".join(f"    k{i}: v\n" for i in range(30_000))
    path = write_file_deck(f"title: T\ncards:\n  - title: A\n    headline: h\n    body: b\n{keys}")
    problems = refused(path)
    assert len(problems) == MAX_PER_KIND + 1
    assert problems[0].message.startswith("'k0' is not a card key")
    assert problems[-1].message == "... and 29,900 more unknown keys are not listed"


def test_long_lists_of_declared_sources_are_not_repeated_in_every_message(write_file_deck):
    declared = "".join(f"  - {{id: {c}{c}{c}-{i}, title: S}}\n" for c in "ab" for i in range(50))
    path = write_file_deck(
        f"title: T\nsources:\n{declared}cards:\n"
        "  - {id: c, title: C, headline: h, body: b, sources: [zzzzzzzzz]}\n"
    )
    (problem,) = refused(path)
    assert problem.message.endswith(", aaa-17 and 90 more)")


def test_did_you_mean_stops_once_its_budget_is_spent(write_file_deck):
    # Many cards, and ids that each need a lookup over all of them: the budget covers
    # the first lookups only; the load stays fast and lists each problem all the same.
    cards = "".join(f"  - {{id: card-{i}, title: C, headline: h, body: b}}\n" for i in range(5000))
    order = "".join(f"  - card-{i}x\n" for i in range(MAX_PER_KIND))
    path = write_file_deck(f"title: T\norder:\n{order}cards:\n{cards}")
    unknown = [p.message for p in refused(path) if "but no card has that id" in p.message]
    assert len(unknown) == MAX_PER_KIND
    assert unknown[0].endswith("did you mean 'card-0'?")
    assert unknown[-1].endswith("but no card has that id")


# --- Markdown that costs too much to lay out ------------------------------------------


def single_card(body: str, **more: str) -> str:
    """A single-file deck of one card; ``body`` (and the rest) written as quoted YAML."""
    fields = "".join(f", {key}: {json.dumps(value)}" for key, value in more.items())
    return f"title: T\ncards:\n  - {{title: A, headline: h, body: {json.dumps(body)}{fields}}}\n"


def test_a_table_of_thousands_of_cells_is_refused_at_the_body(write_file_deck):
    # The issue's table of 100,000 rows froze the window; 700 rows of 3 columns are
    # already over the limit (and still a small text).
    table = "| a | b | c |\n|---|---|---|\n" + "| 1 | 2 | 3 |\n" * 700
    (problem,) = refused(write_file_deck(single_card(table)))
    assert (problem.line, problem.column) == (3, 35)
    assert problem.message == (
        "'body' has tables of 2,103 cells; a card's text may have at most 2,000 table cells"
    )


def test_a_wide_table_counts_every_row_as_wide_as_its_header(write_file_deck):
    # Rows without a '|' are still rows, padded to the header's columns.
    table = "|" + " a |" * 200 + "\n|" + "-|" * 200 + "\n" + "x\n" * 10
    (problem,) = refused(write_file_deck(single_card("Intro.\n\n" + table)))
    assert "has tables of 2,200 cells" in problem.message


def test_a_table_inside_a_list_item_counts_too(write_file_deck):
    table = "- |a|b|c|\n  |-|-|-|\n" + "  |1|2|3|\n" * 700
    (problem,) = refused(write_file_deck(single_card(table)))
    assert "has tables of 2,103 cells" in problem.message


def test_lists_nested_thousands_deep_are_refused_with_the_line(write_file_deck):
    # The issue's 50 lines of lists 10,000 deep took 2.85 GB to show.
    body = "A first line.\n" + ("- " * 10_000 + "x\n") * 2
    (problem,) = refused(write_file_deck(single_card(body)))
    assert problem.message.startswith(
        "'body' nests lists or quotes about 14,999 deep on its line 2"
    )


def test_lists_nested_by_indentation_count_their_depth(write_file_deck):
    body = "".join("  " * depth + "- item\n" for depth in range(20))
    (problem,) = refused(write_file_deck(single_card(body)))
    assert "nests lists or quotes about 17 deep on its line 17" in problem.message


def test_a_carriage_return_breaks_lines_for_the_limits_as_for_markdown(write_file_deck):
    (problem,) = refused(write_file_deck(single_card("Intro.\r" + "- " * 30 + "x")))
    assert "nests lists or quotes about 44 deep on its line 2" in problem.message


def test_quotes_nested_deeply_are_refused(write_file_deck):
    (problem,) = refused(write_file_deck(single_card(">" * 100 + " deep")))
    assert "nests lists or quotes about 100 deep on its line 1" in problem.message


def test_thousands_of_list_items_are_refused(write_file_deck):
    (problem,) = refused(write_file_deck(single_card("- - - item\n" * 700)))
    assert problem.message == (
        "'body' has 2,100 list items and quotes; a card's text may have at most 2,000"
    )


def test_thousands_of_lines_are_refused(write_file_deck):
    # Printed, 16,000 short paragraphs made 725 pages in 78 s.
    (problem,) = refused(write_file_deck(single_card("A paragraph.\n\n" * 600)))
    assert problem.message == "'body' has 1,201 lines; a card's text may have at most 1,000"


def test_a_body_longer_than_a_card_can_hold_is_refused(write_file_deck):
    (problem,) = refused(write_file_deck(single_card("word " * 10_001)))
    assert problem.message == (
        "'body' is 50,005 characters long; a card's text may be at most 50,000"
    )


def test_speaker_notes_are_bounded_as_the_body_is(write_file_deck):
    (problem,) = refused(write_file_deck(single_card("fine", notes="- - " * 10 + "x")))
    assert problem.message.startswith("'notes' nests lists or quotes")


def test_markdown_up_to_the_limits_loads(write_file_deck):
    table = "| a | b | c |\n|---|---|---|\n" + "| 1 | 2 | 3 |\n" * 665  # 1,998 cells
    nested = "".join("  " * depth + "- item\n" for depth in range(16))
    deck = loads_quickly(write_file_deck(single_card(table + "\n" + nested)))
    assert deck.cards[0].body.startswith("| a | b |")


def test_pipes_and_dashes_outside_tables_are_not_counted_as_cells(write_file_deck):
    body = "a | b\n\n---\n\n" + "x | y\n" * 900 + "\n- a - b\n* c * d\n"
    deck = loads_quickly(write_file_deck(single_card(body)))
    assert deck.cards[0].body == body


def test_the_schema_gives_editors_the_same_length_limit():
    schema = json.loads((Path(loader.__file__).parent / "deck.schema.json").read_text())
    card = schema["$defs"]["card"]["properties"]
    assert card["body"]["maxLength"] == card["notes"]["maxLength"] == MAX_CHARACTERS


def test_a_file_of_more_values_than_the_budget_is_refused_where_it_crosses_it(
    write_file_deck, monkeypatch
):
    """A million tiny values compose to hundreds of megabytes: each file has a budget
    of values (here made small), refused at the value that crosses it."""
    monkeypatch.setattr(yaml_nodes, "MAX_NODES_PER_FILE", 1_000)
    keys = "".join(f"    k{i}: v\n" for i in range(600))
    path = write_file_deck("title: T\ncards:\n  - title: A\n    headline: h\n    body: b\n" + keys)
    with pytest.raises(DeckError) as refused:
        load_deck(path)
    (problem,) = refused.value.problems
    assert problem.message.startswith("more than 1,000 values in one file")
    # 12 values before the keys (the file's mapping, title, T, cards, the list, the card,
    # its three keys and their values), then two a key: the 1,001st is the key k494
    assert (problem.line, problem.column) == (500, 5)
    assert Path(path).read_text().splitlines()[problem.line - 1] == "    k494: v"


def test_a_file_within_the_budget_of_values_loads(write_file_deck, monkeypatch):
    monkeypatch.setattr(yaml_nodes, "MAX_NODES_PER_FILE", 1_000)
    keys = "".join(f"  - {{title: C{i}, headline: h, body: b}}\n" for i in range(100))
    assert len(load_deck(write_file_deck("title: T\ncards:\n" + keys)).cards) == 100
