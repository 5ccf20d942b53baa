import os

import pytest

# Every test runs headless, whatever the developer's session uses.
os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The window caches decks in the user's cache folder; tests keep theirs apart."""
    os.environ["BRIEFING_CACHE_DIR"] = str(tmp_path_factory.mktemp("deck-cache"))
