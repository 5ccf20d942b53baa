"""A load can be stopped: the progress callback raises, and the loader gives it a chance
often enough that Cancel takes effect within a huge card and during the checks."""

from __future__ import annotations

import pytest

from briefing.core.errors import DeckError, LoadCancelled
from briefing.core.loader import load_deck

CARD = "title: C{n}\nheadline: h\nbody: b\n"


def cancel_on_call(number: int):
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) >= number:
            raise LoadCancelled("deck")

    return progress, calls


def huge_card(quotes: int) -> str:
    lines = "".join(f"  - {{text: quote {n}, by: someone}}\n" for n in range(quotes))
    return f"{CARD.format(n=0)}quotes:\n{lines}"


def test_a_folder_deck_can_be_stopped_within_one_huge_card_file(write_folder_deck):
    folder = write_folder_deck("title: T\n", {"huge.yaml": huge_card(20_000)})
    progress, calls = cancel_on_call(2)  # the first call comes as the file starts
    with pytest.raises(LoadCancelled):
        load_deck(folder, progress=progress)
    assert len(calls) == 2


def test_the_checks_of_every_order_id_can_be_stopped(write_file_deck):
    wrong_ids = "".join(f"  - nothing-{n}\n" for n in range(2000))
    cards = "".join(f"  - {{title: C{n}, headline: h, body: b}}\n" for n in range(3))
    path = write_file_deck(f"title: T\ncards:\n{cards}order:\n{wrong_ids}")
    calls: list[tuple[int, int]] = []
    with pytest.raises(DeckError):
        load_deck(path, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) > 2000  # a chance to stop at each id the order names
    progress, _ = cancel_on_call(len(calls) // 2)
    with pytest.raises(LoadCancelled):
        load_deck(path, progress=progress)
