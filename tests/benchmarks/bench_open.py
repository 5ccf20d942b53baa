"""Opening big decks: the loader against PyYAML's C loader alone, cached re-opens, 100k.

Run: python tests/benchmarks/bench_open.py [--cards N] [--big N]
Runs alternate between the baseline and the loader and the medians are compared,
so load from elsewhere on the machine hits both alike.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml
from deck_generator import generate_deck, write_folder_deck, write_single_file_deck

from briefing.core.cache import DeckCache
from briefing.core.loader import load_deck

RUNS = 5


def parse_only(files: list[Path]) -> Callable[[], object]:
    def run() -> object:
        return [yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for f in files]

    return run


Run = Callable[[], object]


def alternate(baseline: Run, measured: Run) -> tuple[float, float]:
    base, ours = [], []
    for _ in range(RUNS):
        for run, times in ((baseline, base), (measured, ours)):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    return statistics.median(base), statistics.median(ours)


def peak_rss_mb_of_loading(path: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of loading ``path`` in a fresh interpreter."""
    code = (
        "import resource, sys, time\n"
        "from briefing.core.loader import load_deck\n"
        "start = time.perf_counter()\n"
        "deck = load_deck(sys.argv[1])\n"
        "took = time.perf_counter() - start\n"
        "print(len(deck.cards), took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[1]), float(out[2])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    deck = generate_deck(options.cards)
    single = write_single_file_deck(deck, work / "single.yaml")
    folder = write_folder_deck(deck, work / "folder")
    cache = DeckCache(work / "cache")
    print(f"{options.cards:,} cards; median of {RUNS} alternating runs")
    print("deck         parse (C loader)  load_deck  ratio   cached re-open  ratio")
    for name, path, files in (
        ("single file", single, [single]),
        ("folder", folder, sorted(folder.glob("*.yaml"))),
    ):
        base, ours = alternate(parse_only(files), lambda p=path: load_deck(p))
        load_deck(path, cache=cache)  # fill the cache
        _, cached = alternate(parse_only(files), lambda p=path: load_deck(p, cache=cache))
        print(
            f"{name:<12} {base:14.2f} s  {ours:7.2f} s  {ours / base:5.2f}  "
            f"{cached:12.3f} s  {cached / base:5.3f}"
        )
    big = write_folder_deck(generate_deck(options.big), work / "big")
    took, rss = peak_rss_mb_of_loading(big)
    print(f"{options.big:,}-card folder deck: opened in {took:.1f} s, peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
