"""Layers only look down: core ← render ← export ← gui ← cli.

``briefing.render`` draws with QtGui and no widgets; export prints with it and never loads
the GUI, so ``briefing export`` runs without QtWidgets. (``briefing.core`` never imports Qt
at all: ``tests/core/test_core_is_qt_free.py``.)
"""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from import_rules import ROOT, import_with_blocked, imports_in

import briefing.export
import briefing.gui
import briefing.render
from briefing.paths import bundled_deck_path

WIDGETS = "PySide6.QtWidgets"
# Lowest first. A module not in one of these packages (briefing.paths, briefing.instance...)
# is at the bottom, with core.
LAYERS = ("briefing.core", "briefing.render", "briefing.export", "briefing.gui", "briefing.cli")
# Below the GUI nothing builds widgets.
NEEDS_GUI = {WIDGETS: LAYERS.index("briefing.gui")}


def layer_of(module: str) -> int:
    for level, layer in enumerate(LAYERS):
        if module == layer or module.startswith(layer + "."):
            return level
    if module == "briefing.__main__":
        return LAYERS.index("briefing.cli")
    return NEEDS_GUI.get(module, 0)


def modules_of(package) -> list[str]:
    inside = pkgutil.walk_packages(package.__path__, prefix=package.__name__ + ".")
    return [package.__name__, *sorted(info.name for info in inside)]


def above(layer: str) -> list[str]:
    """The layers above ``layer``, and QtWidgets if ``layer`` is below the GUI."""
    higher = list(LAYERS[LAYERS.index(layer) + 1 :])
    return [*higher, WIDGETS] if "briefing.gui" in higher else higher


@pytest.mark.parametrize("layer", [briefing.render, briefing.export, briefing.gui])
def test_each_layer_imports_with_the_layers_above_it_blocked(layer):
    modules = modules_of(layer)
    assert len(modules) > 3
    result = import_with_blocked(modules, above(layer.__name__))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"imported {len(modules)}\n"


def upward_imports(source: Path, module: str, root: Path = ROOT) -> list[str]:
    """``FILE:LINE: name`` for each import in ``source`` (the module ``module``) of a layer
    above its own, wherever in the file it is."""
    own = layer_of(module)
    package = module if source.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for imported in imports_in(source, package):
        for name in (imported.module, *imported.names):
            if (name.startswith("briefing.") or name == WIDGETS) and layer_of(name) > own:
                found.append(f"{source.relative_to(root)}:{imported.line}: {name}")
                break
    return found


def briefing_sources() -> list[tuple[Path, str]]:
    package = ROOT / "briefing"
    sources = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        sources.append((path, ".".join(parts[:-1] if parts[-1] == "__init__" else parts)))
    return sources


def test_no_module_names_a_layer_above_its_own_even_inside_a_function():
    sources = briefing_sources()
    assert len({layer_of(module) for _path, module in sources}) == len(LAYERS)
    offenders = [found for path, module in sources for found in upward_imports(path, module)]
    assert offenders == []


def import_cycles(sources: list[tuple[Path, str]]) -> list[list[str]]:
    """The groups of modules that import each other, round in a circle, counting imports
    inside functions (and not type-checking ones, which never run)."""
    modules = {module for _path, module in sources}
    graph: dict[str, set[str]] = {}
    for path, module in sources:
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        named: set[str] = set()
        for imported in imports_in(path, package, run_only=True):
            for name in (imported.module, *imported.names):
                while name and name not in modules:
                    name = name.rpartition(".")[0]
                if name and name not in (module, "briefing"):
                    named.add(name)
        graph[module] = named
    return _strongly_connected(graph)


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's groups of more than one module, each sorted."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for other in graph[module]:
            if other not in order:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], order[other])
        if low[module] == order[module]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return groups


def test_no_modules_import_each_other_round_in_a_circle():
    assert import_cycles(briefing_sources()) == []


def test_the_cycle_check_sees_an_import_inside_a_function(tmp_path):
    package = tmp_path / "briefing"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from briefing.b import x\n")
    (package / "b.py").write_text("def f():\n    from briefing import a\n")
    (package / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import briefing.a\n"
    )
    sources = [(package / f"{name}.py", f"briefing.{name}") for name in ("a", "b", "c")]
    assert import_cycles(sources) == [["briefing.a", "briefing.b"]]


def test_static_check_would_catch_an_upward_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from briefing.render.fonts import SANS\n"
        "def later():\n"
        "    from briefing.gui.card.card_view import CardView\n"
        "    from PySide6.QtWidgets import QLabel\n"
        "    from briefing import cli\n"
        "    from ..gui import app\n",
        encoding="utf-8",
    )
    assert upward_imports(sample, "briefing.export.sample", tmp_path) == [
        "sample.py:3: briefing.gui.card.card_view",
        "sample.py:4: PySide6.QtWidgets",
        "sample.py:5: briefing.cli",
        "sample.py:6: briefing.gui",
    ]
    assert upward_imports(sample, "briefing.gui.sample", tmp_path) == ["sample.py:5: briefing.cli"]


# Inside the GUI, lowest first: shared pieces, then widgets, the card, the features that
# show cards, those that build on them, the window that assembles them all, and the app.
# A module of the GUI not named here is a shared piece, at the bottom.
GUI_PARTS = (
    ("briefing.gui.widgets",),
    ("briefing.gui.card",),
    ("briefing.gui.overview", "briefing.gui.search"),
    ("briefing.gui.present", "briefing.gui.printing"),
    ("briefing.gui.window",),
    ("briefing.gui.app", "briefing.gui.instance_server"),
)


def gui_level(module: str) -> int:
    for level, parts in enumerate(GUI_PARTS, start=1):
        if any(module == part or module.startswith(part + ".") for part in parts):
            return level
    return 0


def gui_imports_upward(source: Path, module: str) -> list[str]:
    """``FILE:LINE: name`` for each import in ``source`` that runs (type-checking ones
    never do) of a GUI part above the module's own."""
    own = gui_level(module)
    package = module if source.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for imported in imports_in(source, package, run_only=True):
        for name in (imported.module, *imported.names):
            if name.startswith("briefing.gui.") and gui_level(name) > own:
                found.append(f"{source.relative_to(ROOT)}:{imported.line}: {name}")
                break
    return found


def test_the_gui_parts_only_look_down_at_run_time():
    sources = [(path, module) for path, module in briefing_sources() if "briefing.gui." in module]
    assert {gui_level(module) for _path, module in sources} == set(range(len(GUI_PARTS) + 1))
    offenders = [found for path, module in sources for found in gui_imports_upward(path, module)]
    assert offenders == []


# Runs the command line, then says which modules it loaded.
LOADED_AT_EXIT = """\
import json, sys
from briefing.cli import main
status = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)))
sys.exit(status)
"""


@pytest.mark.parametrize(
    "output, args",
    [("cards.pdf", ["--layout", "cards"]), ("card.png", ["--card", "weapons", "--side", "back"])],
)
def test_a_headless_export_loads_no_gui_and_no_widgets(tmp_path, output, args):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    out = tmp_path / output
    command = ["export", str(bundled_deck_path()), "-o", str(out), *args]
    result = subprocess.run(
        [sys.executable, "-c", LOADED_AT_EXIT, *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    wrote, loaded_line = result.stdout.splitlines()
    assert wrote.startswith(f"wrote {out}: ")
    loaded = json.loads(loaded_line)
    assert "briefing.render.back_document" in loaded  # it did draw the cards
    assert "PySide6.QtGui" in loaded
    assert [m for m in loaded if m == "briefing.gui" or m.startswith("briefing.gui.")] == []
    assert WIDGETS not in loaded
