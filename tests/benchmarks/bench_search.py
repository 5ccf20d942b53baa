"""Search benchmark: index build time and per-keystroke latency at 1k, 10k, 100k cards.

Run: python tests/benchmarks/bench_search.py [SIZES...]
Each query of a realistic typing sequence is timed; the baseline is a plain linear
scan over each card's lower-cased text in the same run.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deck_generator import generate_deck

from briefing.core.search.index import SearchIndex
from briefing.core.search.matching import card_field_texts

TYPED = ["stoltenberg", "sanctions", "north korea", "million shells", '"north korea"']
TYPED += ["tag:military pact", "pact -nato", "putin kim pyongyang"]
TYPING_SEQUENCE = [text[:n] for text in TYPED for n in range(1, len(text) + 1)]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_each(run, queries: list[str]) -> list[float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        times.append(time.perf_counter() - start)
    return times


def linear_scan(texts: list[str]):
    def run(query: str) -> list[int]:
        words = query.lower().replace('"', " ").split()
        return [i for i, text in enumerate(texts) if all(w in text for w in words)]

    return run


def measure(size: int) -> dict[str, float]:
    deck = generate_deck(size)
    start = time.perf_counter()
    index = SearchIndex(deck)
    build = time.perf_counter() - start
    index_times = time_each(index.search, TYPING_SEQUENCE)
    texts = ["\n".join(card_field_texts(deck, card).values()).lower() for card in deck.cards]
    scan_times = time_each(linear_scan(texts), TYPING_SEQUENCE)
    return {
        "cards": size,
        "build_s": build,
        "median_ms": statistics.median(index_times) * 1e3,
        "p95_ms": percentile(index_times, 0.95) * 1e3,
        "scan_median_ms": statistics.median(scan_times) * 1e3,
        "scan_p95_ms": percentile(scan_times, 0.95) * 1e3,
    }


def main(sizes: list[int]) -> list[dict[str, float]]:
    rows = []
    print(f"{len(TYPING_SEQUENCE)} keystrokes per size")
    print("cards    build s  median ms  p95 ms  scan p95 ms  scan/index (p95)")
    for size in sizes:
        row = measure(size)
        rows.append(row)
        ratio = row["scan_p95_ms"] / row["p95_ms"]
        print(
            f"{size:>7,}  {row['build_s']:7.2f}  {row['median_ms']:9.2f}  {row['p95_ms']:6.2f}"
            f"  {row['scan_p95_ms']:11.2f}  {ratio:8.1f}x"
        )
    return rows


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
