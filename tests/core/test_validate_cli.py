"""``briefing validate PATH...``: prints problems or ``PATH: ok, N cards``; exits 0, 1 or 2."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.paths import bundled_deck_path

ROOT = Path(__file__).resolve().parents[2]
BROKEN = """\
title: T
cards:
  - title: A
    heading: h
    body: b
"""
BROKEN_PROBLEMS = [
    "broken.yaml:3:5: a card has no 'headline' (required)",
    "broken.yaml:4:5: 'heading' is not a card key; did you mean 'headline'?",
]


@pytest.fixture
def broken(write_file_deck):
    return write_file_deck(BROKEN, name="broken.yaml")


def run_python(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a fresh interpreter that imports briefing from this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_bundled_deck_is_ok_with_six_cards(capsys):
    deck = str(bundled_deck_path())
    assert main(["validate", deck]) == 0
    assert capsys.readouterr().out == f"{deck}: ok, 6 cards\n"


def test_one_card_is_counted_in_the_singular(write_file_deck, capsys):
    path = write_file_deck("title: T\ncards:\n  - {title: A, headline: h, body: b}\n")
    assert main(["validate", path]) == 0
    assert capsys.readouterr().out == "brief.yaml: ok, 1 card\n"


def test_broken_deck_prints_each_problem_and_returns_1(broken, capsys):
    assert main(["validate", broken]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == BROKEN_PROBLEMS
    assert captured.err == ""


def test_several_paths_one_broken_reports_both_and_returns_1(broken, capsys):
    deck = str(bundled_deck_path())
    assert main(["validate", deck, broken]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{deck}: ok, 6 cards", *BROKEN_PROBLEMS]


def test_quiet_prints_only_problems(broken, capsys):
    assert main(["validate", "--quiet", str(bundled_deck_path()), broken]) == 1
    assert capsys.readouterr().out.splitlines() == BROKEN_PROBLEMS


def test_missing_deck_is_a_problem_not_a_usage_error(in_tmp, capsys):
    assert main(["validate", "nowhere"]) == 1
    assert capsys.readouterr().out == "nowhere:1:1: no such file\n"


def test_no_path_is_a_usage_error_with_status_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["validate"])
    assert exited.value.code == 2
    assert "PATH" in capsys.readouterr().err


def test_validate_runs_as_a_module_with_real_exit_codes(broken, in_tmp):
    ok = run_python("-m", "briefing", "validate", str(bundled_deck_path()), cwd=in_tmp)
    assert (ok.returncode, ok.stdout) == (0, f"{bundled_deck_path()}: ok, 6 cards\n")

    bad = run_python("-m", "briefing", "validate", broken, cwd=in_tmp)
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == BROKEN_PROBLEMS
    assert "Traceback" not in bad.stderr

    usage = run_python("-m", "briefing", "validate", cwd=in_tmp)
    assert usage.returncode == 2
    assert usage.stdout == ""


def test_validate_works_with_qt_unimportable_and_never_imports_it(broken, in_tmp):
    script = textwrap.dedent(
        """\
        import sys
        sys.modules["PySide6"] = None  # any import of Qt now fails
        from briefing.cli import main
        status = main(["validate", sys.argv[1]])
        sys.exit(status)
        """
    )
    result = run_python("-c", script, str(bundled_deck_path()), cwd=in_tmp)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(": ok, 6 cards\n")

    result = run_python("-c", script, broken, cwd=in_tmp)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == BROKEN_PROBLEMS


def test_validate_leaves_qt_out_of_sys_modules(broken, in_tmp):
    script = textwrap.dedent(
        """\
        import sys
        from briefing.cli import main
        main(["validate", sys.argv[1], sys.argv[2]])
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        print("Qt modules:", qt)
        """
    )
    result = run_python("-c", script, str(bundled_deck_path()), broken, cwd=in_tmp)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Qt modules: []"


def test_validate_of_a_deck_in_any_script_works_with_qt_unimportable(write_file_deck, in_tmp):
    """Without Qt no font can be asked about: the deck is still checked, without warnings."""
    path = write_file_deck(
        "title: T\ncards:\n  - {id: x, title: สวัสดี, headline: 한국어, body: 🎉}\n"
    )
    script = textwrap.dedent(
        """\
        import sys
        sys.modules["PySide6"] = None
        from briefing.cli import main
        sys.exit(main(["validate", sys.argv[1]]))
        """
    )
    result = run_python("-c", script, path, cwd=in_tmp)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "brief.yaml: ok, 1 card\n"
