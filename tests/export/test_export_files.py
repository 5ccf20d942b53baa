"""Files are written whole or not at all: failures say why in one line and leave nothing,
and an existing file is replaced only by a complete new one."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from factories import make_deck
from pypdf import PdfReader

from briefing.export import savefile
from briefing.export.document import ExportCancelled, ExportError
from briefing.export.image import export_card_image
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


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux's /sys")
def test_a_folder_no_one_may_write_in_is_named_even_for_root(deck):
    # No file can be made in /sys, not even by root: the read-only folder's error,
    # whoever runs the tests.
    target = "/sys/briefing-export-test.pdf"
    with pytest.raises(ExportError) as error:
        export_pdf(deck, deck.cards, OPTIONS, target)
    assert assert_one_line(error) == (
        f"cannot write {target}: no file can be made there (permission denied)"
    )
    assert not Path(target).exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_folder_where_no_file_can_be_made_is_an_error(deck):
    # /proc refuses new files even to root: the read-only case, whoever runs the tests.
    with pytest.raises(ExportError) as error:
        export_pdf(deck, deck.cards, OPTIONS, "/proc/briefing-export-test.pdf")
    assert "cannot write /proc/briefing-export-test.pdf" in assert_one_line(error)
    assert not Path("/proc/briefing-export-test.pdf").exists()


def export_png(deck, target) -> None:
    export_card_image(deck, deck.cards[0], "front", target, 320)


def export_a_pdf(deck, target) -> None:
    export_pdf(deck, deck.cards, OPTIONS, target)


@pytest.fixture
def full_disk(monkeypatch):
    """Every export's temporary file is made as usual, but its data goes to /dev/full,
    which refuses every write with ENOSPC, as a full disk does."""
    make = savefile._create_temporary

    def on_a_full_disk(target: bytes) -> tuple[int, bytes]:
        fd, temporary = make(target)
        os.close(fd)
        return os.open("/dev/full", os.O_WRONLY), temporary

    monkeypatch.setattr(savefile, "_create_temporary", on_a_full_disk)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("export", [export_a_pdf, export_png], ids=["pdf", "png"])
def test_a_full_disk_is_named_and_the_old_file_survives(tmp_path, deck, full_disk, export):
    target = tmp_path / "out"
    target.write_bytes(OLD)
    with pytest.raises(ExportError) as error:
        export(deck, target)
    assert assert_one_line(error) == f"could not write {target}: the disk is full"
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["out"]  # no temporary file left behind


@pytest.mark.parametrize("export", [export_a_pdf, export_png], ids=["pdf", "png"])
def test_a_failed_rename_is_named_and_the_old_file_survives(tmp_path, deck, monkeypatch, export):
    def refuse(source: object, target: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    target = tmp_path / "out"
    target.write_bytes(OLD)
    monkeypatch.setattr(savefile.os, "replace", refuse)
    with pytest.raises(ExportError) as error:
        export(deck, target)
    assert assert_one_line(error) == f"could not save {target}: the disk is read-only"
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["out"]


def test_a_file_replaced_keeps_its_permissions(tmp_path, deck):
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    export_a_pdf(deck, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_name_that_is_not_utf8_is_written_as_given(tmp_path, deck):
    target = os.path.join(os.fsencode(tmp_path), b"x\xff.pdf")
    export_pdf(deck, deck.cards, OPTIONS, os.fsdecode(target))
    assert os.listdir(os.fsencode(tmp_path)) == [b"x\xff.pdf"]


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


def test_a_link_to_a_file_keeps_being_a_link_to_the_new_export(tmp_path, deck):
    real = tmp_path / "exports" / "out.pdf"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "latest.pdf"
    link.symlink_to(real)
    export_a_pdf(deck, link)
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF")
    assert sorted(os.listdir(real.parent)) == ["out.pdf"]


def test_a_name_as_long_as_the_system_allows_is_written(tmp_path, deck):
    target = tmp_path / ("n" * 251 + ".pdf")  # 255 bytes, the usual limit
    export_a_pdf(deck, target)
    assert os.listdir(tmp_path) == [target.name]
