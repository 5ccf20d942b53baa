"""Export benchmark: seconds per page and peak memory, per layout, at 250 and 1,000 cards.

Run: python tests/benchmarks/bench_export.py [SIZES...]
Each export runs in a fresh process, so its peak resident memory (``ru_maxrss``) is its
own. "Base" is that process's peak after the deck is generated and Qt, the fonts and a
one-card export are warmed up; "export" is what the full export added on top. If pages are
painted one at a time and streamed to the file, "export" stays the same at 250 and 1,000
cards while the page count quadruples.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LAYOUTS = (("handout", 1), ("handout", 2), ("cards", 4), ("fold", 2), ("outline", 1))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(layout: str, per_page: int, size: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(HERE))
    from deck_generator import generate_deck
    from PySide6.QtGui import QGuiApplication

    from briefing.export.options import ExportOptions
    from briefing.export.pdf import export_pdf

    app = QGuiApplication([])
    deck = generate_deck(size)
    options = ExportOptions(layout, per_page, "A4", notes=True)
    with tempfile.TemporaryDirectory() as folder:
        export_pdf(deck, deck.cards[:1], options, Path(folder) / "warm-up.pdf")
        base = peak_rss_mb()
        path = Path(folder) / "deck.pdf"
        start = time.perf_counter()
        pages = export_pdf(deck, deck.cards, options, path)
        seconds = time.perf_counter() - start
        peak = peak_rss_mb()
        size_mb = path.stat().st_size / 1e6
    del app
    return {
        "pages": pages,
        "seconds": seconds,
        "base_mb": base,
        "peak_mb": peak,
        "pdf_mb": size_mb,
    }


def measure(layout: str, per_page: int, size: int) -> dict[str, float]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, __file__, "--child", layout, str(per_page), str(size)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    header = (
        "| Layout | Cards | Pages | Seconds | ms per page | Peak RSS | Base | Export adds | PDF |"
    )
    print(header)
    print("|---|---|---|---|---|---|---|---|---|")
    for layout, per_page in LAYOUTS:
        for size in sizes:
            m = measure(layout, per_page, size)
            name = f"{layout} ({per_page} a page)" if layout != "outline" else layout
            print(
                f"| {name} | {size:,} | {m['pages']:,} | {m['seconds']:.1f} s "
                f"| {1000 * m['seconds'] / m['pages']:.1f} | {m['peak_mb']:.0f} MB "
                f"| {m['base_mb']:.0f} MB | {m['peak_mb'] - m['base_mb']:.1f} MB "
                f"| {m['pdf_mb']:.1f} MB |",
                flush=True,
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _, _, layout, per_page, size = sys.argv
        print(json.dumps(child(layout, int(per_page), int(size))))
    else:
        main([int(a) for a in sys.argv[1:]] or [250, 1000])
