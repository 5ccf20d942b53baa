"""The presenter's timers: elapsed time, the wall clock and a countdown, on an injectable clock.

No Qt here: the presenter window asks for the texts once a second, and tests drive ``now``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Literal

CountdownState = Literal["off", "normal", "amber", "over"]
AMBER_SECONDS = 120  # the countdown turns amber with this much left
MAX_COUNTDOWN_MINUTES = 600  # ten hours: what the presenter's countdown box offers


def format_duration(seconds: float) -> str:
    """``75`` -> ``"1:15"``; ``3725`` -> ``"1:02:05"`` (whole seconds, rounded down)."""
    whole = max(int(seconds), 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class PresentationClock:
    """Time since the talk started, and an optional countdown to its end.

    ``now`` is a monotonic clock in seconds (``time.monotonic`` by default), ``wall`` the
    time of day shown as HH:MM.
    """

    def __init__(
        self,
        now: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = datetime.now,
        countdown_seconds: int = 0,
    ) -> None:
        self._now = now
        self._wall = wall
        self._started = now()
        self.countdown_seconds = countdown_seconds  # 0: no countdown

    def restart(self) -> None:
        self._started = self._now()

    def elapsed(self) -> float:
        return self._now() - self._started

    def remaining(self) -> float | None:
        """Seconds left of the countdown (negative once over), or None without one."""
        if self.countdown_seconds <= 0:
            return None
        return self.countdown_seconds - self.elapsed()

    def state(self) -> CountdownState:
        left = self.remaining()
        if left is None:
            return "off"
        if left < 0:
            return "over"
        return "amber" if left <= AMBER_SECONDS else "normal"

    def elapsed_text(self) -> str:
        return format_duration(self.elapsed())

    def clock_text(self) -> str:
        return self._wall().strftime("%H:%M")

    def countdown_text(self) -> str:
        """``"8:00 left"``, ``"Over by 0:35"``, or ``""`` without a countdown."""
        left = self.remaining()
        if left is None:
            return ""
        if left < 0:
            return f"Over by {format_duration(-left)}"
        # Rounded up while counting down, so "0:01 left" is the last second, not "0:00".
        return f"{format_duration(-int(-left // 1))} left"
