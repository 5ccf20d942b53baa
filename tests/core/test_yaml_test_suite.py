"""Every document of the YAML test suite, read as a single-file deck.

None of them is a deck, so each must either load (it cannot) or be refused with
``PATH:LINE:COLUMN: message`` lines; the cases the suite marks as invalid YAML
(an ``error`` file beside ``in.yaml``) must be refused. The corpus lives beside
the project in ``../shared/corpora/yaml-test-suite``; without it these tests skip.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.core import yaml_nodes
from briefing.core.errors import DeckError
from briefing.core.loader import load_deck
from briefing.core.model import Deck

SUITE = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "yaml-test-suite"
PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: .+$")

if not SUITE.is_dir():
    pytest.skip(f"YAML test suite not found at {SUITE}", allow_module_level=True)

CASES = sorted(path.parent for path in SUITE.rglob("in.yaml"))


def _case_id(case: Path) -> str:
    return case.relative_to(SUITE).as_posix()


# Invalid YAML that libyaml (and mostly PyYAML's own parser) reads without complaint.
# The deck rules still refuse every one of them (none is a deck); a parser that starts
# refusing one as YAML makes its strict xfail pass, and the case leaves this list.
PARSER_ACCEPTS = {
    "9C9N": "a flow list's lines not indented past its key",
    "9JBA": "a comment with no space before it, after a flow list",
    "CVW2": "a comment with no space before it, after a comma",
    "DK95/01": "a tab indenting a quoted text's second line",
    "G5U8": "a lone '-' as a flow list's item",
    "MUS6/00": "a comment with no space before it, after a directive",
    "QB6E": "a quoted text's lines not indented past its key",
    "S98Z": "a block text whose blank lines are indented past its first line",
    "SU5Z": "a comment with no space before it, after a quoted text",
    "X4QW": "a comment with no space before it, after a block text indicator",
    "Y79Y/003": "a tab indenting a flow list's item",
    "YJV2": "a lone '-' as a flow list's only item",
}


def refused_as_yaml(in_yaml: Path) -> bool:
    """Whether the YAML layer refuses the file, before any deck rule sees a tree."""
    try:
        yaml_nodes.parse(yaml_nodes.read_text(in_yaml, str(in_yaml)), str(in_yaml))
    except yaml_nodes.YamlFileError:
        return True
    return False


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_suite_document_loads_or_gives_one_line_located_problems(case):
    in_yaml = case / "in.yaml"
    try:
        deck = load_deck(in_yaml)
    except DeckError as e:
        assert e.problems
        for problem in e.problems:
            shown = str(problem)
            assert PROBLEM_LINE.fullmatch(shown), shown
            assert problem.path == str(in_yaml)
            assert problem.line >= 1
            assert problem.column >= 1
        return
    assert isinstance(deck, Deck)
    assert not (case / "error").exists(), "invalid YAML loaded as a deck"


def _invalid_case(case: Path) -> object:
    reason = PARSER_ACCEPTS.get(_case_id(case))
    if reason is None:
        return case
    # PyYAML without libyaml refuses a few of these: strict only where libyaml parses
    strict = yaml_nodes.c_parser() is not None
    mark = pytest.mark.xfail(reason=f"the parser accepts {reason}", strict=strict)
    return pytest.param(case, marks=mark)


INVALID = [_invalid_case(case) for case in CASES if (case / "error").exists()]


@pytest.mark.parametrize("case", INVALID, ids=_case_id)
def test_invalid_yaml_is_refused_as_yaml_not_only_as_a_deck(case):
    assert refused_as_yaml(case / "in.yaml")


@pytest.mark.parametrize("case", sorted(PARSER_ACCEPTS), ids=str)
def test_invalid_yaml_the_parser_accepts_is_still_refused_as_a_deck(case):
    assert (SUITE / case / "error").exists(), "not an invalid-YAML case: drop it from the list"
    with pytest.raises(DeckError):
        load_deck(SUITE / case / "in.yaml")


def test_a_valid_document_is_refused_as_a_deck_not_as_yaml():
    """The two layers are told apart: a valid YAML list is a tree the deck rules refuse."""
    case = SUITE / "229Q"  # a list of mappings: valid YAML, not a deck
    assert not (case / "error").exists()
    assert not refused_as_yaml(case / "in.yaml")
    with pytest.raises(DeckError):
        load_deck(case / "in.yaml")


def test_suite_has_cases():
    assert len(CASES) > 300
    assert any((case / "error").exists() for case in CASES)
