"""``briefing.core``, ``briefing.cli`` and ``briefing.paths`` never need Qt.

So ``briefing validate`` starts fast and runs where Qt cannot be installed.
"""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

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
    script = textwrap.dedent(
        f"""\
        import importlib, sys
        for name in {QT_PACKAGES!r}:
            sys.modules[name] = None  # importing it now raises ImportError
        for module in sys.argv[1:]:
            importlib.import_module(module)
        loaded = [m for m in sys.modules if m.split(".")[0] in {QT_PACKAGES!r}]
        assert all(sys.modules[m] is None for m in loaded), loaded
        print("imported", len(sys.argv) - 1)
        """
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", script, *modules],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"imported {len(modules)}\n"


def _qt_imports(source: Path, root: Path = ROOT) -> list[str]:
    """``FILE:LINE: module`` for each import of Qt in ``source``."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and any(
            isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args
        ):  # importlib.import_module("PySide6...") or __import__("PySide6")
            names = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
            names = [n for n in names if isinstance(n, str)]
        else:
            continue
        found += [
            f"{source.relative_to(root)}:{node.lineno}: {name}"
            for name in names
            if name.split(".")[0] in QT_PACKAGES
        ]
    return found


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
