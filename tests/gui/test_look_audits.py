"""The look audits: on every screen of the app (``audit_screens``), in every theme, every text
a reader sees is readable (WCAG AA contrast, measured from the window's pixels) and whole
(at 800x600 and 1920x1080, the card at 50-300% zoom): never clipped, and where shortened,
ending in "…" with the whole text a tooltip or a scroll away.

The windows are built once for the module and flipped from screen to screen; each case
names its screen, theme, size and zoom, and a failure names the widget and its measure.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from audit_screens import (
    CARD_SCREENS,
    OTHER_SCREENS,
    PRESENTING_SCREENS,
    READING_SIZE,
    SCREENS,
    SIZES,
    THEMES,
    ZOOMS,
    Rig,
    quiet_app,
)
from audit_texts import contrast_failures, cut_failures, text_parts


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    broken = tmp_path_factory.mktemp("broken-deck")
    (broken / "deck.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with quiet_app(tmp_path_factory.mktemp("settings")):
        built = Rig(broken)
        yield built
        built.close()


@pytest.fixture(scope="module", params=THEMES)
def theme(request: pytest.FixtureRequest, rig: Rig) -> str:
    rig.set_theme(request.param)
    return str(request.param)


@pytest.fixture(scope="module", params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def size(request: pytest.FixtureRequest, rig: Rig, theme: str) -> tuple[int, int]:
    rig.set_size(request.param)
    return tuple(request.param)  # type: ignore[return-value]


# -- contrast ----------------------------------------------------------------------------------


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_text_is_readable_against_what_is_behind_it(
    rig: Rig, theme: str, screen: str
) -> None:
    if rig.size != READING_SIZE:
        rig.set_size(READING_SIZE)
    if rig.zoom != 100:
        rig.set_zoom(100)
    failures = []
    for window, part in SCREENS[screen](rig):
        parts = [p for p in text_parts(part)]
        assert parts or screen.endswith(("black", "white")), "no text found: the audit is blind"
        failures += contrast_failures(window, parts)
    assert not failures, f"{screen}, {theme} theme: " + "; ".join(failures)


# -- nothing cut -------------------------------------------------------------------------------

CUT_CASES = [
    *((screen, percent) for screen in CARD_SCREENS for percent in ZOOMS),
    *((screen, 100) for screen in (*OTHER_SCREENS, *PRESENTING_SCREENS)),
]


@pytest.mark.parametrize(("screen", "percent"), CUT_CASES, ids=[f"{s}-{p}%" for s, p in CUT_CASES])
def test_no_text_is_cut_hidden_or_out_of_the_window(
    rig: Rig, theme: str, size: tuple[int, int], screen: str, percent: int
) -> None:
    if rig.size != size:
        rig.set_size(size)
    if rig.zoom != percent:
        rig.set_zoom(percent)
    failures = []
    for _window, part in SCREENS[screen](rig):
        failures += cut_failures(part)
    assert not failures, (
        f"{screen}, {theme} theme, {size[0]}x{size[1]}, zoom {percent}%: " + "; ".join(failures)
    )
