"""No module of ``briefing/`` is over 500 lines: past that a module holds more than one job.

Split a module that grows past it by job, into modules whose names say what they are.
"""

from __future__ import annotations

from pathlib import Path

from import_rules import ROOT

MAX_LINES = 500
PACKAGE = ROOT / "briefing"
# A module over the limit while a change splits it; the second test says when it can go.
BEING_SPLIT: set[str] = set()


def line_counts(package: Path = PACKAGE) -> dict[str, int]:
    """Each Python module under ``package`` and its number of lines."""
    return {
        source.relative_to(package.parent).as_posix(): len(source.read_bytes().splitlines())
        for source in sorted(package.rglob("*.py"))
    }


def test_no_module_is_over_500_lines():
    counts = line_counts()
    assert len(counts) > 50
    too_long = [
        f"{name}: {lines} lines"
        for name, lines in counts.items()
        if lines > MAX_LINES and name not in BEING_SPLIT
    ]
    assert too_long == []


def test_modules_being_split_are_still_over_the_limit():
    """A module listed as being split that is now small must leave the list."""
    counts = line_counts()
    assert {name for name in BEING_SPLIT if counts.get(name, 0) <= MAX_LINES} == set()


def test_the_count_includes_every_line(tmp_path):
    package = tmp_path / "briefing"
    (package / "inner").mkdir(parents=True)
    (package / "inner" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (package / "short.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    counts = {Path(name).name: lines for name, lines in line_counts(package).items()}
    assert counts == {"long.py": MAX_LINES + 1, "short.py": MAX_LINES}
