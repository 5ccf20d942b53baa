"""Where the bundled deck and resources are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # `pip install .` copies the repository's cards/ and resources/ into the package
    # (see [tool.setuptools.package-dir]); a checkout or editable install keeps
    # them beside it.
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def bundled_deck_path() -> Path:
    """The deck shipped with the app (the repository's ``cards/``)."""
    return _data_dir("cards")


def resource_path(*parts: str) -> Path:
    """A file under the repository's ``resources/``, e.g. ``resource_path("style.qss")``."""
    return _data_dir("resources").joinpath(*parts)
