"""The code type-checks: mypy, with the project's configuration in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(
    PySide6.__version_info__ < (6, 11),
    reason="PySide6 6.10's stubs lack attributes the code reads (QStyleOptionViewItem.rect, "
    "QTextEdit.ExtraSelection.cursor, ...): types are checked against 6.11's",
)
def test_the_code_type_checks_with_mypy() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
