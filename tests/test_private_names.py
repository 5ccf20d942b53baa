"""Each object's private names (``_action``, ``_place``) are its own: no module reaches
into another object's, so a part of the window works through the window's public names
and the window can change its insides without breaking a part."""

from __future__ import annotations

import ast
from pathlib import Path

from import_rules import ROOT

# A named tuple's own API, public despite the underscore.
_NAMED_TUPLE_API = {"_replace", "_fields", "_asdict", "_make", "_field_defaults"}


def reached_into(source: Path, root: Path = ROOT) -> list[str]:
    """``FILE:LINE: expression`` for each private attribute of another object read or set
    in ``source``: anything but ``self._x``, ``cls._x`` and ``super()._x``."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        name = node.attr
        if not name.startswith("_") or name.startswith("__") or name in _NAMED_TUPLE_API:
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
            continue
        if isinstance(owner, ast.Call) and ast.unparse(owner.func) == "super":
            continue
        found.append(f"{source.relative_to(root)}:{node.lineno}: {ast.unparse(node)}")
    return sorted(found)


def test_no_module_reaches_into_another_objects_private_names():
    sources = sorted((ROOT / "briefing").rglob("*.py"))
    assert len(sources) > 50
    assert [found for path in sources for found in reached_into(path)] == []


def test_the_check_sees_a_part_using_the_windows_private_names(tmp_path):
    sample = tmp_path / "part.py"
    sample.write_text(
        "class Part:\n"
        "    def __init__(self, window):\n"
        "        self._window = window\n"
        "        self.action = window._action('Star', '', [], self.star)\n"
        "        self.window.search._flags = {}\n"
        "        super()._build()\n"
        "        self.card = self.card._replace(title='')\n",
        encoding="utf-8",
    )
    assert reached_into(sample, tmp_path) == [
        "part.py:4: window._action",
        "part.py:5: self.window.search._flags",
    ]
