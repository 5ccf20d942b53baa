"""File names in messages: one line, printable in any encoding, never two alike."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.core.errors import Problem, shown_name

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("cards/alpha.yaml", "cards/alpha.yaml"),
        ("cards/Ørsted 2024.yaml", "cards/Ørsted 2024.yaml"),
        (os.fsdecode(b"bad\xff.yaml"), "bad\\xff.yaml"),
        (b"bad\xff.yaml", "bad\\xff.yaml"),
        ("a\nb.yaml", "a\\nb.yaml"),
        ("a\\nb.yaml", "a\\\\nb.yaml"),  # a backslash and an n: not the newline's name
        ("tab\there\r.yaml", "tab\\there\\r.yaml"),
        ("\x1b[31mred.yaml", "\\x1b[31mred.yaml"),
        ("\u202egnp.yaml", "\\u202egnp.yaml"),  # would show reversed: "lmay.png"
    ],
)
def test_names_are_shown_escaped_as_python_writes_them(name, shown):
    assert shown_name(name) == shown


def test_a_problem_in_an_odd_file_is_one_printable_line():
    problem = Problem(os.fsdecode(b"deck/a\nb\xff.yaml"), 3, 5, "not valid YAML")
    assert str(problem) == "deck/a\\nb\\xff.yaml:3:5: not valid YAML"
    str(problem).encode("utf-8")  # no lone surrogates left


def write_odd_folder_deck(folder: bytes) -> None:
    os.mkdir(folder)
    with open(os.path.join(folder, b"deck.yaml"), "wb") as f:
        f.write(b"title: T\n")
    for name in (b"bad\xff.yaml", b"a\nb.yaml"):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(b"title: A\nheadline: h\nbody: [unclosed\n")


def test_validate_prints_one_escaped_line_per_problem_under_a_utf8_locale(tmp_path):
    write_odd_folder_deck(os.path.join(os.fsencode(tmp_path), b"deck"))
    env = dict(os.environ, PYTHONIOENCODING="utf-8")  # strict, as under en_US.UTF-8
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "validate", "deck"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == b""
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("deck/a\\nb.yaml:3:")
    assert lines[1].startswith("deck/bad\\xff.yaml:3:")


def test_a_missing_deck_handed_to_the_running_window_is_named_escaped(
    tmp_path, monkeypatch, capsys
):
    """The running window shows the problem; the terminal says it in one line too."""
    from briefing import cli, instance

    monkeypatch.setattr(instance, "hand_off", lambda _path: True)
    missing = str(tmp_path / "a\nb.yaml")
    assert cli.main([missing]) == 0
    assert capsys.readouterr().err == (f"briefing: {tmp_path}/a\\nb.yaml: no such file or folder\n")
