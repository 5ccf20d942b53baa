"""``read_inside`` reads a deck's file as the folder is now: a regular file inside it, never
through a link, never a pipe, never more than asked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.core.files import (
    NotRegularFileError,
    OutsideFolderError,
    TooLargeError,
    read_inside,
)


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    folder = (tmp_path / "deck").resolve()
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "map.png").write_bytes(b"inside")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "map.png").write_bytes(b"secret")
    return folder


def _link(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("cannot create symlinks here")


def test_a_file_inside_is_read(deck):
    assert read_inside(deck, deck / "img" / "map.png", 100) == b"inside"


def test_a_file_swapped_for_a_link_is_refused(deck):
    (deck / "img" / "map.png").unlink()
    _link(deck / "img" / "map.png", deck.parent / "outside" / "map.png")
    with pytest.raises(OutsideFolderError):
        read_inside(deck, deck / "img" / "map.png", 100)


def test_a_folder_swapped_for_a_link_is_refused(deck):
    (deck / "img" / "map.png").unlink()
    (deck / "img").rmdir()
    _link(deck / "img", deck.parent / "outside")
    with pytest.raises(OutsideFolderError):
        read_inside(deck, deck / "img" / "map.png", 100)


@pytest.mark.parametrize("path", ["../outside/map.png", "/etc/hostname"])
def test_a_path_leading_outside_is_refused(deck, path):
    with pytest.raises(OutsideFolderError):
        read_inside(deck, deck / path, 100)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_pipe_is_refused_without_blocking(deck):
    (deck / "img" / "map.png").unlink()
    os.mkfifo(deck / "img" / "map.png")
    with pytest.raises(NotRegularFileError):
        read_inside(deck, deck / "img" / "map.png", 100)


def test_a_file_larger_than_asked_is_refused(deck):
    with pytest.raises(TooLargeError):
        read_inside(deck, deck / "img" / "map.png", 5)
