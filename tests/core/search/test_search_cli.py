"""`briefing search DECK QUERY`: grep-like output and exit status, without Qt."""

from __future__ import annotations

import subprocess
import sys

from briefing.cli import main
from briefing.paths import bundled_deck_path

DECK = str(bundled_deck_path())


def test_prints_matching_cards_best_first_as_id_tab_title(capsys):
    assert main(["search", DECK, "stolt"]) == 0
    assert capsys.readouterr().out == "weapons\tWeapons\nnato-response\tNATO response\n"


def test_query_may_span_several_arguments_and_exclude(capsys):
    assert main(["search", DECK, '"north korea"', "-tag:military"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in out] == ["background", "putins-visit", "commentary"]


def test_no_match_exits_1_with_no_output(capsys):
    assert main(["search", DECK, "zzzz"]) == 1
    assert capsys.readouterr().out == ""


def test_broken_deck_exits_2_with_its_problems_on_stderr(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    assert main(["search", str(broken), "x"]) == 2
    assert capsys.readouterr().err.startswith(f"{broken}:2:1: ")


def test_missing_query_is_a_usage_error(capsys):
    try:
        status = main(["search", DECK])
    except SystemExit as e:
        status = e.code
    assert status == 2


def test_search_runs_without_qt():
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from briefing.cli import main\n"
        f"status = main(['search', {DECK!r}, 'pact'])\n"
        "assert 'PySide6' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "pact\tPact"


def test_one_search_reads_the_cards_without_building_an_index(monkeypatch, capsys):
    # The index (NumPy arrays over every word) pays off over many keystrokes; for one
    # query it made `briefing search` cost 1.6 times `briefing validate`.
    def no_index(*args: object) -> None:
        raise AssertionError("built a search index for one query")

    monkeypatch.setattr("briefing.core.search.index.SearchIndex.__init__", no_index)
    assert main(["search", DECK, "stolt"]) == 0
    assert capsys.readouterr().out == "weapons\tWeapons\nnato-response\tNATO response\n"
