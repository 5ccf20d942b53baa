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


def test_suite_has_cases():
    assert len(CASES) > 300
    assert any((case / "error").exists() for case in CASES)
