"""Save screenshots of the app for a look.

    QT_QPA_PLATFORM=offscreen python tests/gui/make_screenshots.py OUTDIR [--deck PATH]
        [--card N] [--size 1280x800]

Opens the deck (default: the bundled one) on card N (1-based, default 2) and saves the front,
back, overview, two mid-flip frames, the error panel and the empty state as PNGs; then, with
the bundled deck, search results for "stolt", the "match on back" hint, a back and a front
with their matches marked ("stoltenberg", "pact") and a search that finds nothing; then the
print preview of a handout and of cut-out cards (fronts and backs), and the Export PDF dialog;
then the audience and presenter windows at 1920x1080 and 1280x720 (countdown in amber).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from briefing.export.options import ExportOptions
from briefing.gui.app import build_main_window, create_application
from briefing.gui.present.audience_window import AudienceWindow
from briefing.gui.present.clock import PresentationClock
from briefing.gui.present.presentation import Presentation
from briefing.gui.present.presenter_window import PresenterWindow
from briefing.gui.window.main_window import MainWindow


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def search(window: MainWindow, text: str) -> None:
    window.search_session.focus()
    window.search_session.field.setText(text)
    while window.search_session.search.is_indexing():
        QCoreApplication.processEvents()
    window.search_session.search.run_now()
    settle()


def save_print_windows(window: MainWindow, out: Path, width: int, height: int) -> None:
    """The print preview on each layout worth a look, and the Export PDF dialog; options set
    here, not the ones the user last chose."""

    def save(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.go_to(0)
    preview = window.printing.open_print_preview()
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
    dialog = window.printing.open_export_dialog()
    assert dialog is not None
    dialog.panel.set_options(ExportOptions("handout"))
    save(dialog, "export-pdf")
    dialog.close()


def save_presentation_windows(window: MainWindow, out: Path) -> None:
    """The audience window (front and back, dark and light stage) and the presenter window
    with its countdown in amber, at 1920x1080 and 1280x720."""
    assert window.deck is not None
    now = [0.0]
    clock = PresentationClock(now=lambda: now[0], wall=lambda: datetime(2024, 6, 21, 14, 5))
    shown = Presentation(
        window.deck,
        range(len(window.deck.cards)),
        window.index,
        home=window,
        clock=clock,
        inhibitor=lambda reason: lambda: None,
    )
    audience = AudienceWindow(shown)
    presenter = PresenterWindow(shown)
    shown.set_countdown_minutes(10)
    now[0] = 8 * 60 + 25  # 1:35 left: amber

    def save(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    for width, height in ((1920, 1080), (1280, 720)):
        size = f"{width}x{height}"
        for widget in (audience, presenter):
            widget.resize(width, height)
            widget.show()
        shown.set_stage("dark")
        save(audience, f"present-audience-front-{size}")
        shown.flip()
        audience.card_view.flip_animation.setCurrentTime(audience.card_view.flip_duration_ms)
        save(audience, f"present-audience-back-{size}")
        shown.set_stage("light")
        save(audience, f"present-audience-back-light-{size}")
        shown.flip()
        presenter.refresh_timers()
        save(presenter, f"present-presenter-{size}")
    presenter.keys_overlay.show_over_parent()
    save(presenter, "present-keys-1280x720")
    shown.set_stage("dark")
    audience.close()
    presenter.close()


def save_themes(window: MainWindow, out: Path) -> None:
    """Front, back and overview in each theme; the card starred and zoomed."""

    def save(name: str) -> None:
        settle()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.card_view.show_side(back=False)
    window.starring.star_action.trigger()
    window.zooming.set_zoom(125)
    window.zooming.zoom_timer.stop()
    window.zooming.zoom_indicator.hide()
    for name in ("light", "dark", "high-contrast"):
        window.appearance.set_theme(name)
        save(f"theme-{name}-front")
        window.card_view.show_side(back=True)
        save(f"theme-{name}-back")
        window.card_view.show_side(back=False)
        window.set_overview_visible(True)
        window.search_session.field.setFocus()
        save(f"theme-{name}-overview")
        window.set_overview_visible(False)
    window.starring.star_action.trigger()
    window.zooming.set_zoom(100)
    window.appearance.set_theme("light")
    for width, height in ((800, 600), (2560, 1440)):
        window.resize(width, height)
        save(f"size-{width}x{height}")
    window.zooming.set_zoom(300)
    window.resize(800, 600)
    window.card_view.show_side(back=True)
    save("size-800x600-zoom-300-back")
    window.card_view.show_side(back=False)
    window.zooming.set_zoom(100)


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
    save_themes(window, out)
    window.resize(width, height)
    window.go_to(card - 1)
    if deck is None:
        search(window, "stolt")
        save("search-overview")
        window.search_session.on_accepted(False)
        save("search-match-on-back")
        search(window, "stoltenberg")
        window.search_session.on_accepted(False)
        window.search_session.step_match(1)
        view.flip()
        view.flip_animation.stop()
        view._on_flip_finished()
        save("search-back")
        search(window, "pact")
        window.search_session.on_accepted(False)
        save("search-front")
        search(window, "drones submarine")
        save("search-nothing")
        window.search_session.clear()
    save_print_windows(window, out, width, height)
    save_presentation_windows(window, out)
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
