"""Print pip constraints pinning every dependency to the lowest version pyproject.toml
allows (its ``>=`` bound), for the Python running this script.

CI installs with these as well as with the newest versions, so each lower bound is
proven, not just written down.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*([^;]*?)\s*(?:;\s*(.*))?$")
PYTHON_MARKER = re.compile(r"^python_version\s*(<|>=)\s*'(\d+)\.(\d+)'$")


def applies(marker: str | None) -> bool:
    """Whether a ``python_version`` marker (the only kind we use) holds here."""
    if not marker:
        return True
    match = PYTHON_MARKER.match(marker.strip())
    if match is None:
        raise SystemExit(f"lowest.py understands python_version markers only, not {marker!r}")
    operator, major, minor = match.groups()
    here = sys.version_info[:2] >= (int(major), int(minor))
    return here if operator == ">=" else not here


def main() -> None:
    project = tomllib.loads(Path(__file__).parents[1].joinpath("pyproject.toml").read_text())[
        "project"
    ]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    for requirement in requirements:
        match = REQUIREMENT.match(requirement)
        assert match is not None, requirement
        name, specifier, marker = match.groups()
        floor = re.search(r">=\s*([0-9][0-9a-zA-Z.]*)", specifier)
        if applies(marker) and floor is not None:
            print(f"{name}=={floor.group(1)}")


if __name__ == "__main__":
    main()
