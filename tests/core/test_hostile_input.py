"""Hostile and broken files: always a DeckError with a located problem, quickly.

The loader must never raise anything else, never hang, never execute a YAML tag and
never blow the stack: each case here is loaded in this process, so a crash of the
loader would crash the test run.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from briefing.core import yaml_nodes
from briefing.core.errors import DeckError, Problem
from briefing.core.loader import load_deck
from briefing.core.yaml_nodes import MAX_DEPTH

BRIEFING = Path(__file__).resolve().parents[2] / "briefing"
PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: .+$")
FAST = 2.0  # seconds; each case here takes milliseconds
VALID_CARD = "  - {title: A, headline: h, body: b}\n"


def hostile(path) -> list[Problem]:
    """The problems of a deck that must be refused, checked to be well formed and quick."""
    start = time.perf_counter()
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    elapsed = time.perf_counter() - start
    assert elapsed < FAST, f"took {elapsed:.1f} s"
    problems = caught.value.problems
    assert problems
    for problem in problems:
        assert PROBLEM_LINE.fullmatch(str(problem)), str(problem)
        assert problem.line >= 1
        assert problem.column >= 1
    return problems


def only(path) -> str:
    (problem,) = hostile(path)
    return str(problem)


# --- alias tricks ---------------------------------------------------------------


def test_billion_laughs_alias_bomb_is_refused(write_file_deck):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    path = write_file_deck("\n".join(lines) + "\n")
    (problem,) = hostile(path)
    assert problem.path == path
    assert 2 <= problem.line <= 9
    assert "alias bomb" in problem.message


def test_alias_inside_its_own_anchor_is_refused(write_file_deck):
    path = write_file_deck("a: &a [*a]\n")
    assert only(path) == "brief.yaml:1:8: alias *a refers to a node that contains it (a loop)"


def test_alias_inside_its_own_mapping_anchor_is_refused(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        cards:
          - &card
            title: A
            headline: h
            body: b
            notes: *card
        """
    )
    assert only(path) == "brief.yaml:7:12: alias *card refers to a node that contains it (a loop)"


def test_undefined_alias_is_refused(write_file_deck):
    path = write_file_deck(
        """\
        title: *name
        cards: []
        """
    )
    assert only(path) == "brief.yaml:1:8: alias *name has no anchor &name before it"


# --- deep nesting ---------------------------------------------------------------


NESTED_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; a deck never needs that"


@pytest.fixture(params=["libyaml", "pure Python"])
def either_parser(request, monkeypatch):
    """Run a test with libyaml's parser and with PyYAML's own: the loader says the
    same whichever one is installed, and whatever limits that version has."""
    if request.param == "pure Python":
        monkeypatch.setattr(yaml_nodes, "c_parser", lambda: None)
    elif yaml_nodes.c_parser() is None:
        pytest.skip("PyYAML was built without libyaml")


@pytest.mark.parametrize("depth", [65, 999, 1_001, 10_000])
def test_nesting_too_deep_is_refused_at_the_first_level_too_many(
    write_file_deck, either_parser, depth
):
    # the deck itself is the first level, so the 64th bracket is one too many
    path = write_file_deck("title: " + "[" * depth + "]" * depth + "\n")
    assert only(path) == f"brief.yaml:1:{7 + MAX_DEPTH}: {NESTED_TOO_DEEP}"


def test_nesting_as_deep_as_allowed_is_not_refused_for_its_depth(write_file_deck, either_parser):
    deepest = MAX_DEPTH - 1  # below the deck's own level
    path = write_file_deck("title: T\ncards: " + "[" * deepest + "]" * deepest + "\n")
    assert "nested" not in only(path)


def test_ten_thousand_nested_flow_lists_are_refused(write_file_deck, either_parser):
    path = write_file_deck("[" * 10_000 + "]" * 10_000 + "\n")
    assert only(path) == f"brief.yaml:1:{MAX_DEPTH + 1}: {NESTED_TOO_DEEP}"


def test_unclosed_flow_nesting_is_refused(write_file_deck):
    (problem,) = hostile(write_file_deck("title: " + "[" * 10_000))
    assert problem.line == 1


def test_hundred_thousand_nested_block_lists_are_refused(write_file_deck):
    path = write_file_deck("- " * 100_000 + "x\n")
    (problem,) = hostile(path)
    assert problem.line == 1
    assert "nested more than" in problem.message


def test_deeply_nested_block_mappings_are_refused(write_file_deck):
    text = "".join(" " * i + f"k{i}:\n" for i in range(2_000))
    (problem,) = hostile(write_file_deck(text))
    assert "nested more than" in problem.message


# --- size and encoding ----------------------------------------------------------


def test_fifty_megabyte_file_is_refused_by_size_without_being_read(in_tmp):
    big = in_tmp / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse where the file system allows
    assert only("big.yaml") == (
        "big.yaml:1:1: file is too large (50.0 MB; a deck file may be at most 20 MB)"
    )


def test_huge_card_file_in_a_folder_deck_is_refused(write_folder_deck, in_tmp):
    folder = write_folder_deck("title: T\n", {"a.yaml": "title: x\n"})
    os.truncate(in_tmp / folder / "a.yaml", 21 * 1024 * 1024)
    (problem,) = hostile(folder)
    assert str(problem).startswith("cards/a.yaml:1:1: file is too large (21.0 MB;")


def test_invalid_byte_is_located_by_line_and_column(write_file_deck):
    path = write_file_deck(b"title: T\ncards:\n  - title: ab\xffcd\n")
    assert only(path) == (
        "brief.yaml:3:14: not UTF-8 text: byte 0xff cannot be decoded (save the file as UTF-8)"
    )


def test_invalid_byte_after_multibyte_characters_counts_characters(write_file_deck):
    path = write_file_deck("title: T\ncards:\n  - title: Ünï".encode() + b"\xff\n")
    assert only(path).startswith("brief.yaml:3:15: not UTF-8 text: byte 0xff")


def test_invalid_byte_after_a_bom_is_located_by_line_and_column(write_file_deck):
    path = write_file_deck(b"\xef\xbb\xbftitle: T\ncards:\n\xffx: y\n")
    assert only(path) == (
        "brief.yaml:3:1: not UTF-8 text: byte 0xff cannot be decoded (save the file as UTF-8)"
    )


def test_latin1_file_is_refused_as_not_utf8(write_file_deck):
    path = write_file_deck("title: Café\ncards: []\n".encode("latin-1"))
    assert only(path) == (
        "brief.yaml:1:11: not UTF-8 text: byte 0xe9 cannot be decoded (save the file as UTF-8)"
    )


def test_binary_file_with_nul_bytes_is_refused(write_file_deck):
    png_header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    path = write_file_deck(png_header)
    assert only(path) == (
        "brief.yaml:3:1: contains NUL bytes: this is a binary file, not YAML text"
    )


def test_nul_byte_in_text_is_located(write_file_deck):
    path = write_file_deck(b"title: T\ncards:\n  - title: a\x00b\n")
    assert only(path) == (
        "brief.yaml:3:13: contains NUL bytes: this is a binary file, not YAML text"
    )


def test_nul_byte_after_a_bom_is_located_by_line_and_column(write_file_deck):
    path = write_file_deck(b"\xef\xbb\xbftitle: a\x00b\n")
    assert only(path) == (
        "brief.yaml:1:9: contains NUL bytes: this is a binary file, not YAML text"
    )


def test_control_character_is_refused_with_its_position(write_file_deck):
    path = write_file_deck("title: T\ncards:\n  - title: a\x07b\n")
    assert only(path) == "brief.yaml:3:13: character U+0007 is not allowed in YAML"


def test_utf8_bom_is_accepted(write_file_deck):
    path = write_file_deck("\ufefftitle: T\ncards:\n" + VALID_CARD)
    assert load_deck(path).title == "T"


def test_utf8_bom_does_not_shift_positions(write_file_deck):
    path = write_file_deck("\ufeffcolour: red\ntitle: T\ncards:\n" + VALID_CARD)
    assert only(path).startswith("brief.yaml:1:1: 'colour' is not a deck key")


def test_crlf_line_endings_are_accepted_with_right_line_numbers(write_file_deck):
    text = "title: T\r\ncards:\r\n  - title: A\r\n    headline: h\r\n    body: |\r\n"
    path = write_file_deck(text + "      two\r\n      lines\r\n    colour: red\r\n")
    assert only(path) == (
        "brief.yaml:8:5: 'colour' is not a card key "
        "(allowed: id, title, headline, figure, body, quotes, image, notes, tags, sources)"
    )


def test_crlf_deck_text_has_plain_newlines(write_file_deck):
    text = "title: T\r\ncards:\r\n  - title: A\r\n    headline: h\r\n    body: |\r\n"
    path = write_file_deck(text + "      two\r\n      lines\r\n")
    assert load_deck(path).cards[0].body == "two\nlines\n"


# --- not a deck at all ----------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    ["", "\n\n", "   \n\t\n", "# only\n# comments\n"],
    ids=["empty", "newlines", "blanks", "comments"],
)
def test_file_without_content_is_reported_as_empty(write_file_deck, content):
    assert only(write_file_deck(content)) == "brief.yaml:1:1: file is empty"


def test_top_level_list_is_refused(write_file_deck):
    path = write_file_deck("- title: A\n- title: B\n")
    assert only(path) == "brief.yaml:1:1: a deck must be a mapping of keys, not a list"


def test_top_level_scalar_is_refused(write_file_deck):
    path = write_file_deck("just a sentence\n")
    assert only(path) == "brief.yaml:1:1: a deck must be a mapping of keys, not text"


def test_two_documents_are_refused_at_the_second(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        cards: []
        ---
        title: U
        """
    )
    assert only(path) == (
        "brief.yaml:3:1: a second YAML document ('---'); a deck file holds one document"
    )


def test_yaml_syntax_error_is_located(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: "unclosed
        """
    )
    assert only(path) == "brief.yaml:3:12: this quoted text is never closed"


def test_an_unclosed_list_is_located_where_it_opens_even_when_the_file_goes_on(
    write_file_deck,
):
    path = write_file_deck("title: [T, U\ncards: []\n")
    assert only(path).startswith("brief.yaml:1:8: this list in [ ] is not closed: ")
    assert "line 2, column 6" in only(path)


def test_a_parser_error_with_a_context_names_where_that_context_began(write_file_deck):
    path = write_file_deck("title: |\n  text\n cards: []\n")
    message = only(path)
    assert message.startswith("brief.yaml:3:2: not valid YAML: ")
    assert message.endswith("from line 1, column 1)")


def test_tab_indentation_is_a_located_yaml_error(write_file_deck):
    path = write_file_deck("title: T\ncards:\n\t- title: A\n")
    assert only(path).startswith("brief.yaml:3:1: not valid YAML: ")


# --- paths that are not deck files ----------------------------------------------


def test_deck_path_that_does_not_exist_is_reported(in_tmp):
    assert only("nowhere.yaml") == "nowhere.yaml:1:1: no such file"
    assert only("no/such/folder") == "no/such/folder:1:1: no such file"


def test_deck_yaml_that_is_a_directory_is_reported(write_folder_deck, in_tmp):
    folder = write_folder_deck(None, {"a.yaml": "title: A\nheadline: h\nbody: b\n"})
    (in_tmp / folder / "deck.yaml").mkdir()
    assert only(folder).startswith("cards/deck.yaml:1:1: ")


def test_card_file_that_is_a_directory_is_ignored(write_folder_deck, in_tmp):
    folder = write_folder_deck("title: T\n", {"a.yaml": "title: A\nheadline: h\nbody: b\n"})
    (in_tmp / folder / "b.yaml").mkdir()
    assert [card.id for card in load_deck(folder).cards] == ["a"]


def test_device_file_is_refused_as_not_a_regular_file():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    assert only("/dev/zero") == "/dev/zero:1:1: not a regular file (a pipe or device?); not read"


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def load_without_blocking(path, fifo: Path) -> list[str]:
    """Load in a thread; if it blocks on ``fifo``, release it and fail the test."""
    outcome: dict[str, object] = {}

    def load() -> None:
        try:
            load_deck(path)
        except DeckError as e:
            outcome["problems"] = [str(p) for p in e.problems]
        except BaseException as e:
            outcome["error"] = e
        else:
            outcome["problems"] = []

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(1.0)
    if thread.is_alive():
        with contextlib.suppress(OSError):  # a writer that closes at once: reader gets EOF
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(1.0)
        pytest.fail(f"load_deck({path!r}) blocked opening the FIFO {fifo.name}")
    assert "error" not in outcome, f"raised {outcome.get('error')!r}, not DeckError"
    return outcome["problems"]  # type: ignore[return-value]


@needs_fifo
def test_single_file_deck_that_is_a_fifo_is_refused_without_blocking(in_tmp):
    os.mkfifo("pipe.yaml")
    problems = load_without_blocking("pipe.yaml", in_tmp / "pipe.yaml")
    assert len(problems) == 1
    assert problems[0].startswith("pipe.yaml:1:1: ")


@needs_fifo
def test_image_that_is_a_fifo_is_refused_without_blocking(write_folder_deck, in_tmp):
    folder = write_folder_deck(
        "title: T\n",
        {"a.yaml": "title: A\nheadline: h\nbody: b\nimage: {path: pipe.png, alt: x}\n"},
    )
    os.mkfifo(in_tmp / folder / "pipe.png")
    problems = load_without_blocking(folder, in_tmp / folder / "pipe.png")
    assert len(problems) == 1
    assert problems[0].startswith("cards/a.yaml:4:15: image 'pipe.png'")


@needs_fifo
def test_deck_yaml_that_is_a_fifo_is_reported_without_blocking(write_folder_deck, in_tmp):
    folder = write_folder_deck(None, {"a.yaml": "title: A\nheadline: h\nbody: b\n"})
    os.mkfifo(in_tmp / folder / "deck.yaml")
    problems = load_without_blocking(folder, in_tmp / folder / "deck.yaml")
    assert len(problems) == 1
    assert problems[0].startswith("cards/deck.yaml:1:1: ")


@needs_fifo
def test_card_file_that_is_a_fifo_is_reported_without_blocking(write_folder_deck, in_tmp):
    folder = write_folder_deck("title: T\n", {"a.yaml": "title: A\nheadline: h\nbody: b\n"})
    os.mkfifo(in_tmp / folder / "b.yaml")
    assert load_without_blocking(folder, in_tmp / folder / "b.yaml") == [
        "cards/b.yaml:1:1: not a regular file (a pipe or device?); not read"
    ]


# --- symlink loops and odd paths ------------------------------------------------


def _symlink(link: Path, target: str) -> None:
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("cannot create symlinks here")


def test_deck_path_that_is_a_symlink_loop_is_refused(in_tmp):
    _symlink(in_tmp / "loop.yaml", "loop.yaml")
    assert only("loop.yaml").startswith("loop.yaml:1:1: ")


def test_image_that_is_a_symlink_loop_is_refused_at_the_image(write_folder_deck, in_tmp):
    folder = write_folder_deck(
        "title: T\n",
        {"a.yaml": "title: A\nheadline: h\nbody: b\nimage: {path: loop.png, alt: x}\n"},
    )
    _symlink(in_tmp / folder / "loop.png", "loop.png")
    assert only(folder).startswith("cards/a.yaml:4:15: image 'loop.png'")


def test_card_file_that_is_a_symlink_loop_is_reported_at_that_file(write_folder_deck, in_tmp):
    folder = write_folder_deck("title: T\n", {"a.yaml": "title: A\nheadline: h\nbody: b\n"})
    _symlink(in_tmp / folder / "loop.yaml", "loop.yaml")
    assert only(folder).startswith("cards/loop.yaml:1:1: ")


def test_image_path_with_an_escaped_nul_is_refused_at_the_image(write_file_deck):
    path = write_file_deck(
        """\
        title: T
        cards:
          - title: A
            headline: h
            body: b
            image: {path: "map\\0.png", alt: x}
        """
    )
    problems = [str(p) for p in hostile(path)]
    assert all(p.startswith("brief.yaml:6:19: ") for p in problems)
    assert any("image 'map\\x00.png'" in p for p in problems)


def test_deck_path_with_a_nul_byte_is_refused():
    (problem,) = hostile("deck\x00.yaml")
    assert (problem.line, problem.column) == (1, 1)


# --- YAML tags are never executed -----------------------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        '!!python/object/apply:os.system "touch {marker}"',
        "!!python/name:os.system",
        '!!python/object/new:subprocess.check_output [["touch", "{marker}"]]',
    ],
)
def test_python_tags_are_read_as_text_or_refused_never_executed(write_file_deck, in_tmp, tagged):
    marker = in_tmp / "hacked"
    path = write_file_deck(f"title: {tagged.format(marker=marker)}\ncards:\n" + VALID_CARD)
    try:
        deck = load_deck(path)
    except DeckError as e:
        assert all(PROBLEM_LINE.fullmatch(str(p)) for p in e.problems)
    else:
        assert "touch" in deck.title or deck.title == ""
    assert not marker.exists()


def test_loader_reads_yaml_only_through_safe_parsers():
    # Only a parser (events, never constructed objects): libyaml's, or PyYAML's safe one.
    assert yaml_nodes.c_parser() is getattr(getattr(yaml, "_yaml", None), "CParser", None)
    unsafe = re.compile(
        r"yaml\.(load|load_all|unsafe_load|unsafe_load_all|full_load|full_load_all)\("
        r"|(Unsafe|Full)Loader|yaml\.Loader\b|yaml\.CLoader\b"
    )
    for source in BRIEFING.rglob("*.py"):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            assert not unsafe.search(line), f"{source}:{number}: {line.strip()}"


def test_recursion_limit_is_never_approached(write_file_deck):
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)  # the loader is iterative: a low limit must not matter
    try:
        (problem,) = hostile(write_file_deck("[" * 5_000 + "]" * 5_000 + "\n"))
    finally:
        sys.setrecursionlimit(limit)
    assert problem.message == NESTED_TOO_DEEP


# --- limits on what a file can make the loader do ---------------------------------


def test_control_character_written_as_an_escape_is_refused_at_its_text(write_file_deck):
    path = write_file_deck('title: "bell\\x07"\ncards:\n  - {title: A, headline: h, body: b}\n')
    assert only(path) == "brief.yaml:1:8: contains control character U+0007"


def test_thousands_of_duplicate_keys_give_a_bounded_list_of_problems(write_file_deck):
    lines = ["title: T", "cards: [{title: A, headline: h, body: b}]"]
    lines += ["subtitle: s"] * 5000
    path = write_file_deck("\n".join(lines) + "\n")
    problems = hostile(path)
    assert len(problems) == yaml_nodes.MAX_PROBLEMS_PER_FILE + 1
    assert problems[0].message == "duplicate key 'subtitle' (first given on line 3)"
    assert problems[-1].message == "too many problems; the rest are not listed"


def test_a_deck_with_thousands_of_problems_lists_the_first_thousand(write_file_deck):
    cards = "\n".join(
        f"  - {{title: C{i}, headline: h}}"
        for i in range(1500)  # each without a body
    )
    path = write_file_deck(f"title: T\ncards:\n{cards}\n")
    problems = hostile(path)
    assert len(problems) == 1001
    assert problems[-1].message == "500 more problems after this"
    assert problems[-1].line == problems[-2].line
