"""`briefing search` vs `briefing validate` on the same generated deck, as commands.

Run: python tests/benchmarks/bench_search_cli.py [CARDS] [RUNS]
Both read the deck the same way; search then answers one query. The commands are
run alternately (so a noisy machine weighs on both alike) and the medians compared.
For scale, the same query answered by building the search index, as `briefing
search` did before it scanned the cards.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deck_generator import generate_deck, write_single_file_deck

QUERIES = ["stolt", "north korea", "tag:military pact", "zzzz"]
WITH_INDEX = (
    "import sys\n"
    "from briefing.core.loader import load_deck\n"
    "from briefing.core.search.index import SearchIndex\n"
    "deck = load_deck(sys.argv[1])\n"
    "for i in SearchIndex(deck).search(sys.argv[2]): print(deck.cards[i].id)\n"
)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    return time.perf_counter() - start


def peak_mb(command: list[str]) -> float:
    """Peak memory of one run of ``command`` (a child's own, measured by itself)."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True)
    return int(done.stdout) / 1024


def main(cards: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        deck = write_single_file_deck(generate_deck(cards), Path(folder) / "deck.yaml")
        py = sys.executable
        commands = {
            "validate": [py, "-m", "briefing", "validate", str(deck)],
            **{f"search {q!r}": [py, "-m", "briefing", "search", str(deck), q] for q in QUERIES},
            "index 'stolt'": [py, "-c", WITH_INDEX, str(deck), "stolt"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(timed(command))
        base = statistics.median(times["validate"])
        print(f"{cards:,} cards ({deck.stat().st_size / 1e6:.1f} MB), median of {runs} runs")
        print(f"{'command':28} {'median s':>9} {'vs validate':>12} {'peak MB':>8}")
        for name, command in commands.items():
            median = statistics.median(times[name])
            print(f"{name:28} {median:9.2f} {median / base:11.2f}x {peak_mb(command):8.0f}")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [10_000, 7][len(args) :]))
