"""The export engine with a window onto it, for the print and PDF tests: each call goes to
the real engine and is noted, and a test can act after any page."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtGui import QPagedPaintDevice

from briefing.core.model import Card, Deck
from briefing.export import document, pdf
from briefing.export.document import PaintSteps
from briefing.export.options import ExportOptions
from briefing.gui.printing.export_window import ExportWindowBase

Call = tuple[tuple[str, ...], ExportOptions]


@dataclass
class EngineSpy:
    """``paint_steps`` and ``export_steps`` as the GUI calls them; ``calls`` holds the card ids
    and options of each, ``after_page(n)`` runs once page n is painted."""

    calls: list[Call] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)
    after_page: Callable[[int], object] | None = None
    _paint_steps: Callable[..., PaintSteps] = document.paint_steps
    _export_steps: Callable[..., PaintSteps] = pdf.export_steps

    def paint_steps(
        self,
        device: QPagedPaintDevice,
        deck: Deck,
        cards: Sequence[Card],
        options: ExportOptions,
    ) -> PaintSteps:
        self.calls.append((tuple(c.id for c in cards), options))
        return self._hooked(self._paint_steps(device, deck, cards, options))

    def export_steps(
        self,
        deck: Deck,
        cards: Sequence[Card],
        options: ExportOptions,
        path: str | os.PathLike[str],
    ) -> PaintSteps:
        self.calls.append((tuple(c.id for c in cards), options))
        pages = yield from self._hooked(self._export_steps(deck, cards, options, path))
        self.exports.append(os.fspath(path))
        return pages

    def install(self, patch: pytest.MonkeyPatch) -> None:
        """Put the spy in the engine's place (``paint_deck`` and ``export_pdf`` go through
        these steps too)."""
        patch.setattr(document, "paint_steps", self.paint_steps)
        patch.setattr(pdf, "export_steps", self.export_steps)

    def _hooked(self, steps: PaintSteps) -> PaintSteps:
        """``steps``, calling ``after_page`` once each page is painted; a cancel thrown in
        goes on to ``steps``."""
        try:
            step = next(steps)
            while True:
                if self.after_page is not None and step[1]:  # total 0: still laying out
                    self.after_page(step[0])
                try:
                    yield step
                except GeneratorExit:
                    steps.close()
                    raise
                except BaseException as error:  # a cancel: the engine cleans up
                    step = steps.throw(error)
                else:
                    step = next(steps)
        except StopIteration as finished:
            return int(finished.value)


@contextmanager
def job_done(qtbot: Any, window: ExportWindowBase) -> Iterator[None]:
    """Waits, after the block, until the print or export it started has finished (the job
    runs a page per turn of the event loop)."""
    with qtbot.waitSignal(window.job.finished, timeout=20_000):
        yield
