import os

import pytest

# Every test runs headless, whatever the developer's session uses.
os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True, scope="session")
def _cache_and_settings_in_temporary_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The window caches decks in the user's cache folder and keeps settings in their
    config folder, finds a running Briefing through the user's runtime folder, and
    --install-desktop writes into their data folder; tests, and the app started in a
    subprocess by some, keep theirs apart."""
    os.environ["BRIEFING_CACHE_DIR"] = str(tmp_path_factory.mktemp("deck-cache"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data"))
    runtime = tmp_path_factory.mktemp("runtime")
    runtime.chmod(0o700)  # as the user's own runtime folder is: the app checks
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
