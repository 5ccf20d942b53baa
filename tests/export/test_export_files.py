"""Files are written whole or not at all: failures say why in one line and leave nothing,
and an existing file is replaced only by a complete new one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from export_helpers import make_deck
from pypdf import PdfReader
from PySide6.QtCore import QFileDevice, QSaveFile

from briefing.export.document import ExportCancelled, ExportError
from briefing.export.options import ExportOptions
from briefing.export.pdf import export_pdf

OPTIONS = ExportOptions("handout", 1, "A4")
OLD = b"%PDF-1.4 an older export that must survive\n"


@pytest.fixture
def deck():
    return make_deck(3)


def assert_one_line(error: pytest.ExceptionInfo[ExportError]) -> str:
    message = str(error.value)
    assert message and "\n" not in message
    return message


def test_writes_a_complete_pdf_and_reports_each_page(tmp_path, deck):
    seen = []
    pages = export_pdf(
        deck, deck.cards, OPTIONS, tmp_path / "out.pdf", lambda d, t: seen.append((d, t))
    )
    laying_out = [(0, 0)] * len(deck.cards)  # one call a card while the pages are planned
    assert seen == [*laying_out, *((n, pages) for n in range(1, pages + 1))]
    assert len(PdfReader(tmp_path / "out.pdf").pages) == pages
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_a_missing_folder_is_named(tmp_path, deck):
    target = tmp_path / "nowhere" / "out.pdf"
    with pytest.raises(ExportError) as error:
        export_pdf(deck, deck.cards, OPTIONS, target)
    assert "does not exist" in assert_one_line(error)
    assert os.listdir(tmp_path) == []


def test_a_folder_that_is_a_file_is_named(tmp_path, deck):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError) as error:
        export_pdf(deck, deck.cards, OPTIONS, tmp_path / "file" / "out.pdf")
    assert "is not a folder" in assert_one_line(error)


def test_a_path_that_is_a_folder_is_refused(tmp_path, deck):
    with pytest.raises(ExportError) as error:
        export_pdf(deck, deck.cards, OPTIONS, tmp_path)
    assert "is a folder" in assert_one_line(error)
    assert os.listdir(tmp_path) == []


def test_a_device_is_never_replaced_by_a_file(deck):
    with pytest.raises(ExportError) as error:
        export_pdf(deck, deck.cards, OPTIONS, "/dev/null")
    assert "not a regular file" in assert_one_line(error)
    assert not Path("/dev/null").is_file()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_named(tmp_path, deck):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError) as error:
            export_pdf(deck, deck.cards, OPTIONS, folder / "out.pdf")
        assert "read-only" in assert_one_line(error)
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_folder_where_no_file_can_be_made_is_an_error(deck):
    # /proc refuses new files even to root: the read-only case, whoever runs the tests.
    with pytest.raises(ExportError) as error:
        export_pdf(deck, deck.cards, OPTIONS, "/proc/briefing-export-test.pdf")
    assert "cannot write /proc/briefing-export-test.pdf" in assert_one_line(error)
    assert not Path("/proc/briefing-export-test.pdf").exists()


def test_a_failed_commit_is_reported_and_the_old_file_survives(tmp_path, deck, monkeypatch):
    # A full disk shows when the data is flushed and renamed into place: commit() fails.
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    monkeypatch.setattr(QSaveFile, "commit", lambda self: False)
    with pytest.raises(ExportError) as error:
        export_pdf(deck, deck.cards, OPTIONS, target)
    assert "could not save" in assert_one_line(error)
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["out.pdf"]  # no temporary file left behind


def test_a_write_error_the_pdf_engine_ignores_is_caught(tmp_path, deck, monkeypatch):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    monkeypatch.setattr(QSaveFile, "error", lambda self: QFileDevice.FileError.WriteError)
    monkeypatch.setattr(QSaveFile, "errorString", lambda self: "No space left on device")
    with pytest.raises(ExportError) as error:
        export_pdf(deck, deck.cards, OPTIONS, target)
    assert "the disk is full" in assert_one_line(error)
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_cancelling_leaves_nothing_and_keeps_the_old_file(tmp_path, deck):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    with pytest.raises(ExportCancelled):
        export_pdf(deck, deck.cards, OPTIONS, target, lambda done, total: done < 2)
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_an_error_while_painting_leaves_nothing(tmp_path, deck):
    def fail(done: int, total: int) -> bool:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        export_pdf(deck, deck.cards, OPTIONS, tmp_path / "out.pdf", fail)
    assert os.listdir(tmp_path) == []


def test_a_good_export_replaces_the_old_file(tmp_path, deck):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    export_pdf(deck, deck.cards, OPTIONS, target)
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes() != OLD
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_laying_out_a_long_deck_reports_progress_and_can_be_cancelled(tmp_path):
    from briefing.core.loader import load_deck
    from briefing.export.document import ExportCancelled
    from briefing.export.options import ExportOptions
    from briefing.export.pdf import export_pdf
    from briefing.paths import bundled_deck_path

    deck = load_deck(bundled_deck_path())
    calls: list[tuple[int, int]] = []

    def cancel_while_planning(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 3

    out = tmp_path / "handout.pdf"
    with pytest.raises(ExportCancelled):
        export_pdf(deck, deck.cards, ExportOptions("handout"), out, cancel_while_planning)
    assert calls == [(0, 0), (0, 0), (0, 0)]  # before any page: still laying out
    assert not out.exists()
