"""Painting a card: median and p95 time to repaint a card with a long body, front and back,
and the frames of a flip.

Run: python tests/benchmarks/bench_paint.py [REPAINTS]
Uses the offscreen platform's raster painting, as a window without GPU would.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from briefing.core.model import Card, Deck, Figure, Quote, Source
from briefing.gui.app import create_application, prepare_application
from briefing.gui.card.card_view import CardView

LONG_BODY = "\n".join(
    f"- Point {n}: the pact commits both sides to *mutual assistance*, and analysts disagree "
    "about what that means in practice for sanctions, shells and the war in Ukraine."
    for n in range(1, 25)
)


def long_card_deck() -> Deck:
    card = Card(
        id="long",
        title="A long card",
        headline="A headline long enough to wrap over two or three lines on a laptop screen.",
        body=LONG_BODY,
        figure=Figure("1,000,000+", "military shells (NATO estimate)"),
        quotes=(Quote("We are, of course, also concerned", "Jens Stoltenberg", "s"),),
        sources=("s",),
    )
    return Deck(title="Paint benchmark", cards=(card,), sources=(Source("s", "A source"),))


def time_repaints(widget, repaints: int) -> list[float]:
    times = []
    for _ in range(repaints):
        start = time.perf_counter()
        widget.repaint()  # synchronous: the whole paint, nothing deferred
        times.append(time.perf_counter() - start)
    return times


def summary(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{name:<22} median {statistics.median(times) * 1e3:6.2f} ms   p95 {p95 * 1e3:6.2f} ms"


def main(repaints: int) -> None:
    app = create_application()
    prepare_application(app)
    deck = long_card_deck()
    view = CardView()
    view.resize(1280, 720)
    view.set_card(deck, deck.cards[0])
    view.show()
    QApplication.processEvents()
    print(f"card view 1280x720, {repaints} repaints each (offscreen raster)")
    time_repaints(view, 5)  # warm up caches
    print(summary("front", time_repaints(view, repaints)))
    view.flip_duration_ms = 0
    view.flip()
    QApplication.processEvents()
    time_repaints(view, 5)
    print(summary("back (long body)", time_repaints(view, repaints)))
    frames = []
    view.flip_duration_ms = 350
    view.flip()
    animation = view.flip_animation
    while animation.state() == animation.State.Running:
        start = time.perf_counter()
        view.repaint()
        frames.append(time.perf_counter() - start)
        QApplication.processEvents()
    print(summary("flip frame", frames) + f"   ({len(frames)} frames)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
