"""What a module imports, read two ways: by importing it in a fresh interpreter with some
packages blocked, and by reading its source, where imports inside functions count too."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]


def import_with_blocked(
    modules: Sequence[str], blocked: Sequence[str]
) -> subprocess.CompletedProcess[str]:
    """Import ``modules`` in a fresh interpreter where importing any of ``blocked`` (or a
    module inside one) raises ImportError. Exit status 0 and ``imported N`` on stdout when
    all imported and none of ``blocked`` was loaded, even by code that caught the error."""
    script = textwrap.dedent(
        f"""\
        import importlib, sys
        blocked = {tuple(blocked)!r}
        for name in blocked:
            sys.modules[name] = None  # importing it now raises ImportError
        for module in sys.argv[1:]:
            importlib.import_module(module)
        loaded = [
            m for m in sys.modules
            if any(m == b or m.startswith(b + ".") for b in blocked)
            and sys.modules[m] is not None
        ]
        assert not loaded, loaded
        print("imported", len(sys.argv) - 1)
        """
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-c", script, *modules],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


class Imported(NamedTuple):
    line: int
    module: str  # the module named, relative imports resolved
    names: tuple[str, ...]  # ``from module import a, b``: module.a, module.b (may be modules)


def imports_in(source: Path, package: str = "", *, run_only: bool = False) -> Iterator[Imported]:
    """Every import in ``source``, at any depth (inside functions, ``if TYPE_CHECKING``),
    and each string given to a call such as ``importlib.import_module("...")``.
    ``package`` is the package ``source`` is in, to resolve ``from . import x``. With
    ``run_only``, not those under ``if TYPE_CHECKING:``, which never run."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    for node in _walk(tree, run_only):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Imported(node.lineno, alias.name, ())
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join([*base, module] if module else base)
            names = tuple(f"{module}.{alias.name}" for alias in node.names)
            yield Imported(node.lineno, module, names)
        elif isinstance(node, ast.Call):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    yield Imported(node.lineno, arg.value, ())


def _walk(tree: ast.AST, run_only: bool) -> Iterator[ast.AST]:
    """``ast.walk`` (in its order), leaving out the body of each ``if TYPE_CHECKING:`` with
    ``run_only``."""
    waiting = deque([tree])
    while waiting:
        node = waiting.popleft()
        yield node
        if run_only and isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            waiting.extend(node.orelse)
            continue
        waiting.extend(ast.iter_child_nodes(node))
