"""Helpers for the core tests: write decks into a temporary folder and read their problems.

Each helper works in ``tmp_path`` as the current directory, so paths in problems are
short and relative (``cards/a.yaml:3:5: ...``), just as a user who typed
``briefing validate cards`` would see them.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefing.core.errors import DeckError
from briefing.core.loader import load_deck


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content), encoding="utf-8", newline="")


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """``tmp_path``, made the current directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write_file_deck(in_tmp):
    """``write_file_deck(yaml, name="brief.yaml")`` -> the relative path of a single-file deck.

    ``yaml`` is dedented; bytes are written as they are.
    """

    def write(content: str | bytes, name: str = "brief.yaml") -> str:
        _write(in_tmp / name, content)
        return name

    return write


@pytest.fixture
def write_folder_deck(in_tmp):
    """``write_folder_deck(deck_yaml, {"a.yaml": card_yaml}, folder="cards")`` -> "cards".

    ``deck_yaml=None`` leaves deck.yaml out; file contents are dedented.
    """

    def write(
        deck_yaml: str | bytes | None,
        files: dict[str, str | bytes] | None = None,
        folder: str = "cards",
    ) -> str:
        (in_tmp / folder).mkdir(parents=True, exist_ok=True)
        if deck_yaml is not None:
            _write(in_tmp / folder / "deck.yaml", deck_yaml)
        for name, content in (files or {}).items():
            _write(in_tmp / folder / name, content)
        return folder

    return write


@pytest.fixture
def problems_of():
    """``problems_of(path)`` -> the deck's problems as ``PATH:LINE:COLUMN: message`` lines.

    Fails the test when the deck loads.
    """

    def problems(path) -> list[str]:
        with pytest.raises(DeckError) as caught:
            load_deck(path)
        return [str(problem) for problem in caught.value.problems]

    return problems
