"""The presenter's timers, on a clock the tests move by hand."""

from __future__ import annotations

from datetime import datetime

import pytest

from briefing.gui.present.clock import PresentationClock, format_duration


class Ticks:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


def test_elapsed_counts_from_the_start_and_restarts(ticks: Ticks) -> None:
    clock = PresentationClock(now=ticks)
    assert clock.elapsed_text() == "0:00"
    ticks.now += 75.9
    assert clock.elapsed_text() == "1:15"
    ticks.now += 3600
    assert clock.elapsed_text() == "1:01:15"
    clock.restart()
    assert clock.elapsed_text() == "0:00"


def test_clock_shows_hours_and_minutes() -> None:
    clock = PresentationClock(wall=lambda: datetime(2024, 6, 21, 9, 5, 59))
    assert clock.clock_text() == "09:05"


def test_no_countdown_by_default(ticks: Ticks) -> None:
    clock = PresentationClock(now=ticks)
    assert clock.state() == "off"
    assert clock.countdown_text() == ""


@pytest.mark.parametrize(
    ("after", "text", "state"),
    [
        (0, "10:00 left", "normal"),
        (479.5, "2:01 left", "normal"),
        (480, "2:00 left", "amber"),
        (599.5, "0:01 left", "amber"),
        (600, "0:00 left", "amber"),
        (635, "Over by 0:35", "over"),
        (600 + 3 * 60 + 5, "Over by 3:05", "over"),
    ],
)
def test_countdown_turns_amber_at_two_minutes_and_red_when_over(
    ticks: Ticks, after: float, text: str, state: str
) -> None:
    clock = PresentationClock(now=ticks, countdown_seconds=600)
    ticks.now += after
    assert clock.countdown_text() == text
    assert clock.state() == state


def test_format_duration_never_negative() -> None:
    assert format_duration(-3) == "0:00"
