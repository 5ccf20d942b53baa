import os
import sys

import pytest

# Every test runs headless, whatever the developer's session uses.
os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def _index_decks_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window waits a moment after a deck opens before indexing it; tests need not."""
    card_search = sys.modules.get("briefing.gui.card_search")
    if card_search is not None:
        monkeypatch.setattr(card_search.CardSearch, "build_delay_ms", 0)


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The window caches decks in the user's cache folder; tests keep theirs apart."""
    os.environ["BRIEFING_CACHE_DIR"] = str(tmp_path_factory.mktemp("deck-cache"))
