"""The window assembles its parts; the parts look down at it. The search session and the
print control name the main window only for the type checker, so at run time they reach
it only through the window object they are given. (That they use only its public names is
``tests/test_private_names.py``.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_rules import ROOT, import_with_blocked, imports_in

WINDOW = "briefing.gui.window"
PARTS = ("briefing.gui.search.search_session", "briefing.gui.printing.print_control")


def source_of(module: str) -> Path:
    return ROOT.joinpath(*module.split(".")).with_suffix(".py")


def window_imports(module: str, *, run_only: bool) -> list[str]:
    """``FILE:LINE: name`` for each import of the window's package in ``module``, inside
    functions too; with ``run_only``, not those only for the type checker."""
    package = module.rpartition(".")[0]
    return [
        f"{source_of(module).relative_to(ROOT)}:{imported.line}: {name}"
        for imported in imports_in(source_of(module), package, run_only=run_only)
        for name in (imported.module, *imported.names)
        if name == WINDOW or name.startswith(WINDOW + ".")
    ]


@pytest.mark.parametrize("module", PARTS)
def test_a_part_names_the_window_only_for_the_type_checker(module: str) -> None:
    assert window_imports(module, run_only=False)  # it does know the window's type
    assert window_imports(module, run_only=True) == []


def test_the_parts_import_with_the_window_blocked() -> None:
    result = import_with_blocked(PARTS, [WINDOW])
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"imported {len(PARTS)}\n"
