"""Every export test runs with a QApplication (so a GUI test after it still finds one)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from briefing.core.loader import load_deck
from briefing.core.model import Deck
from briefing.paths import bundled_deck_path


@pytest.fixture(autouse=True)
def _application(qapp):
    return qapp


@pytest.fixture(scope="session")
def bundled() -> Deck:
    return load_deck(bundled_deck_path())
