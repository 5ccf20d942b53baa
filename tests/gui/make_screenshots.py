"""Save screenshots of the app for a look.

    QT_QPA_PLATFORM=offscreen python tests/gui/make_screenshots.py OUTDIR [--deck PATH]
        [--card N] [--size 1280x800]

Opens the deck (default: the bundled one) on card N (1-based, default 2) and saves the front,
back, overview, two mid-flip frames, the error panel and the empty state as PNGs; then, with
the bundled deck, search results for "stolt", the "match on back" hint, a back and a front
with their matches marked ("stoltenberg", "pact") and a search that finds nothing; then the
print preview of a handout and of cut-out cards (fronts and backs), and the Export PDF dialog.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from briefing.export.options import ExportOptions
from briefing.gui.app import build_main_window, create_application
from briefing.gui.qt_main_window import MainWindow


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def search(window: MainWindow, text: str) -> None:
    window.focus_search()
    window.search_field.setText(text)
    while window.search.is_indexing():
        QCoreApplication.processEvents()
    window.search.run_now()
    settle()


def save_print_windows(window: MainWindow, out: Path, width: int, height: int) -> None:
    """The print preview on each layout worth a look, and the Export PDF dialog; options set
    here, not the ones the user last chose."""

    def save(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.go_to(0)
    preview = window.open_print_preview()
    assert preview is not None
    preview.resize(width, height)
    for layout in ("handout", "cards"):
        preview.panel.set_options(ExportOptions(layout))
        preview.update_preview()
        save(preview, f"print-preview-{layout}")
    preview.go_to_page(2)
    save(preview, "print-preview-cards-backs")
    preview.fit_width_action.trigger()
    preview.go_to_page(1)
    save(preview, "print-preview-cards-fit-width")
    preview.close()
    dialog = window.open_export_dialog()
    assert dialog is not None
    dialog.panel.set_options(ExportOptions("handout"))
    save(dialog, "export-pdf")
    dialog.close()


def main(out: Path, deck: str | None, card: int, width: int, height: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    create_application()
    window = build_main_window(deck)
    window.resize(width, height)
    window.show()
    settle()
    window.go_to(card - 1)
    settle()

    def save(name: str) -> None:
        settle()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    save("front")
    view = window.card_view
    view.flip()
    view.flip_animation.pause()
    view.flip_animation.setCurrentTime(round(view.flip_animation.duration() * 0.4))
    save("mid-flip-front")
    view.flip_animation.setCurrentTime(round(view.flip_animation.duration() * 0.62))
    save("mid-flip-back")
    view.flip_animation.setCurrentTime(view.flip_animation.duration())
    view.flip_animation.stop()
    view._on_flip_finished()
    save("back")
    window.set_overview_visible(True)
    save("overview")
    window.set_overview_visible(False)
    if deck is None:
        search(window, "stolt")
        save("search-overview")
        window.on_search_accepted(False)
        save("search-match-on-back")
        search(window, "stoltenberg")
        window.on_search_accepted(False)
        window.step_match(1)
        view.flip()
        view.flip_animation.stop()
        view._on_flip_finished()
        save("search-back")
        search(window, "pact")
        window.on_search_accepted(False)
        save("search-front")
        search(window, "drones submarine")
        save("search-nothing")
        window.clear_search()
    save_print_windows(window, out, width, height)
    broken = Path(tempfile.mkdtemp()) / "broken-deck"
    broken.mkdir()
    (broken / "deck.yaml").write_text("title: [unclosed\nheading: x\n", encoding="utf-8")
    window.open_deck(str(broken))
    save("error-panel")
    window.close()

    empty = build_main_window(str(broken))
    empty.resize(width, height)
    empty.show()
    settle()
    empty.grab().save(str(out / "empty-state.png"))
    print(out / "empty-state.png")
    empty.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--deck")
    parser.add_argument("--card", type=int, default=2)
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args()
    w, h = (int(n) for n in args.size.split("x"))
    main(args.out, args.deck, args.card, w, h)
