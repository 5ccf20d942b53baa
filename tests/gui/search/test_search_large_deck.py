"""Searching a 10,000-card deck from the window: the index builds off the GUI thread and
typing stays responsive. The test asserts results, never times; it prints the longest time
the event loop was blocked by one keystroke, for the benchmark report (run with ``-s``)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from briefing.core.model import Card, Deck, Figure, Quote, Source
from briefing.gui.window.main_window import MainWindow

CARDS = 10_000
PLANTED_EVERY = 137  # "Stoltenberg" is in the body of every 137th card...
IN_TITLE = (5, 4_242)  # ...and in the title of these two
QUERY = "stolten"


def _vocabulary(rng: random.Random) -> list[str]:
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "pe", "da", "gri", "mon", "tel"]
    words: set[str] = set()
    while len(words) < 2_000:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
        if not word.startswith("sto"):
            words.add(word)
    return sorted(words)


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def large_deck() -> Deck:
    rng = random.Random(20240621)
    words = _vocabulary(rng)
    cards = []
    for number in range(CARDS):
        body = [_sentence(rng, words, 16) for _ in range(5)]  # about 80 words
        if number % PLANTED_EVERY == 0:
            body[2] = f"Jens Stoltenberg said {body[2].lower()}"
        title = "Stoltenberg on the pact" if number in IN_TITLE else _sentence(rng, words, 3)
        cards.append(
            Card(
                id=f"card-{number}",
                title=title.rstrip("."),
                headline=_sentence(rng, words, 14),
                body="\n\n".join(f"- {sentence}" for sentence in body),
                figure=Figure(f"{rng.randint(1, 999)}%", _sentence(rng, words, 4)),
                quotes=(Quote(_sentence(rng, words, 10), _sentence(rng, words, 2), "src"),),
                tags=tuple(rng.sample(words, 3)),
                sources=("src",),
            )
        )
    return Deck(
        title="Ten thousand cards", cards=tuple(cards), sources=(Source("src", "A source"),)
    )


def expected_matches() -> int:
    planted = set(range(0, CARDS, PLANTED_EVERY)) | set(IN_TITLE)
    return len(planted)


@pytest.fixture(scope="module")
def deck() -> Deck:
    return large_deck()


def test_typing_in_a_10000_card_deck_finds_every_planted_card(
    qtbot: Any, new_window: Callable[[], MainWindow], deck: Deck, instant_flip: None
) -> None:
    window = new_window()
    window.on_deck_loaded(deck)
    qtbot.waitUntil(lambda: window.search_session.search.index is not None, timeout=60_000)
    window.search_session.focus()

    blocked: list[float] = []
    for key in QUERY:
        start = time.perf_counter()
        qtbot.keyClicks(window.search_session.field, key)
        # Everything the keystroke sets off: the search, the grid's reset and its repaint.
        QApplication.processEvents()
        QApplication.processEvents()
        blocked.append(time.perf_counter() - start)
    qtbot.waitUntil(lambda: window.search_session.search.searched == QUERY)

    found = expected_matches()
    assert window.search_count_label.text() == f"{found} of {CARDS:,} cards".replace(",", "")
    assert window.search_session.results_model.rowCount() == found
    first_two = [window.search_session.results_model.source_row(row) for row in (0, 1)]
    assert first_two == list(IN_TITLE)  # title matches first, then the body ones in deck order
    print(
        f"\n10,000 cards, typing {QUERY!r}: longest event-loop block per keystroke "
        f"{max(blocked) * 1000:.1f} ms (all: {', '.join(f'{b * 1000:.1f}' for b in blocked)})"
    )
