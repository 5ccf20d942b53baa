"""``briefing.core``, ``briefing.cli`` and ``briefing.paths`` never need Qt.

So ``briefing validate`` starts fast and runs where Qt cannot be installed.
"""

from __future__ import annotations

import pkgutil
from pathlib import Path

from import_rules import import_with_blocked, imports_in

import briefing.core

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "briefing" / "core"
QT_PACKAGES = ("PySide6", "shiboken6")


def qt_free_modules() -> list[str]:
    core = [
        info.name for info in pkgutil.walk_packages(briefing.core.__path__, prefix="briefing.core.")
    ]
    return ["briefing", "briefing.core", *sorted(core), "briefing.cli", "briefing.paths"]


def test_core_cli_and_paths_import_with_qt_blocked():
    modules = qt_free_modules()
    assert "briefing.core.loader" in modules
    result = import_with_blocked(modules, QT_PACKAGES)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"imported {len(modules)}\n"


def _qt_imports(source: Path, root: Path = ROOT) -> list[str]:
    """``FILE:LINE: module`` for each import of Qt in ``source``."""
    return [
        f"{source.relative_to(root)}:{found.line}: {found.module}"
        for found in imports_in(source)
        if found.module.split(".")[0] in QT_PACKAGES
    ]


def test_no_core_source_imports_qt():
    sources = sorted(CORE.rglob("*.py"))
    assert sources
    offenders = [found for source in sources for found in _qt_imports(source)]
    assert offenders == []


def test_static_check_would_catch_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\nfrom PySide6.QtCore import Qt\nimport importlib\n"
        "importlib.import_module('shiboken6')\n",
        encoding="utf-8",
    )
    assert _qt_imports(sample, tmp_path) == [
        "sample.py:2: PySide6.QtCore",
        "sample.py:4: shiboken6",
    ]
