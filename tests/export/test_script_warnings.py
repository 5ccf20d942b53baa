"""``briefing validate`` and ``briefing export`` say which characters of which card no
installed font can show, instead of printing boxes silently; a warning, not a failure.

Whether this machine has a Thai font is asked of Qt's font database, not assumed: the
warning is expected exactly when none has the letters."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtGui import QFont

from briefing.cli import main
from briefing.render.glyph_cover import fallback_face

THAI_DECK = """\
title: Scripts
cards:
  - id: latin
    title: Plain
    headline: Nothing unusual here.
    body: Body.
  - id: thai
    title: Thai
    headline: Greeting
    body: Body.
    quotes:
      - text: กรุงเทพ
        by: Someone
"""


def _thai_font_installed() -> bool:
    return fallback_face(0x0E01, QFont.Weight.Normal.value, False) is not None


@pytest.fixture
def thai_deck(tmp_path: Path) -> str:
    path = tmp_path / "brief.yaml"
    path.write_text(THAI_DECK, encoding="utf-8")
    return str(path)


def _thai_warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if "warning:" in line]


def test_validate_names_the_card_and_the_characters_no_font_can_show(thai_deck, capsys):
    assert main(["validate", thai_deck]) == 0  # a warning, not a problem
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{thai_deck}: ok, 2 cards"
    if _thai_font_installed():
        assert _thai_warnings(out) == []
    else:
        (warning,) = _thai_warnings(out)
        assert warning.startswith(f"{thai_deck}: card 'thai': warning: no installed font")
        assert "Thai (U+0E01 'ก'" in warning


def test_validate_quietly_still_warns(thai_deck, capsys):
    if _thai_font_installed():
        pytest.skip("a Thai font is installed: nothing to warn about")
    assert main(["validate", "-q", thai_deck]) == 0
    assert len(_thai_warnings(capsys.readouterr().out)) == 1


def test_export_warns_on_stderr_and_still_exports(thai_deck, tmp_path, capsys):
    out = tmp_path / "out.pdf"
    assert main(["export", thai_deck, "-o", str(out), "--page-size", "A4"]) == 0
    assert out.stat().st_size > 0
    captured = capsys.readouterr()
    assert _thai_warnings(captured.out) == []
    if _thai_font_installed():
        assert _thai_warnings(captured.err) == []
    else:
        (warning,) = _thai_warnings(captured.err)
        assert "card 'thai'" in warning and "U+0E01" in warning


def test_a_deck_of_tens_of_thousands_of_unshown_characters_is_checked_in_bounded_time(
    tmp_path: Path, capsys
):
    """Each installed font is asked about all of a deck's characters at once: one by one,
    42,720 ideographs no font has took 9 s with 25 fonts installed (and grows with each)."""
    ideographs = "".join(chr(code) for code in range(0x20000, 0x2A6E0))  # CJK Extension B
    path = tmp_path / "many.yaml"
    path.write_text(
        f"title: Many\ncards:\n  - id: many\n    title: T\n    headline: H\n"
        f"    body: {ideographs}\n    quotes:\n      - text: {ideographs[:5000]}\n        by: X\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    assert main(["validate", str(path)]) == 0
    assert time.perf_counter() - started < 4.0
    warnings = _thai_warnings(capsys.readouterr().out)
    assert len(warnings) <= 1


def test_export_warns_only_of_the_cards_it_exports(thai_deck, tmp_path, capsys):
    out = tmp_path / "latin.png"
    assert main(["export", thai_deck, "-o", str(out), "--card", "latin"]) == 0
    assert _thai_warnings(capsys.readouterr().err) == []
