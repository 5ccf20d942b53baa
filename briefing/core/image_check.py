"""What an image file a deck names may hold: checked when the deck is loaded, and again
on the bytes each time the image is read to be shown."""

from __future__ import annotations

import os
from typing import BinaryIO, NamedTuple

from briefing.core.files import IMAGE_SIGNATURES, MAX_IMAGE_BYTES
from briefing.core.image_size import MAX_IMAGE_PIXELS, declared_size, jpeg_frame_size

SNIFF_BYTES = 64  # enough for a signature and a PNG's declared size


class ImageRefusal(NamedTuple):
    message: str  # follows the image's name: "is not a PNG file"
    line: int = 0  # in an SVG, where the problem is; 0 when it is about the whole file
    column: int = 0


def too_many_pixels(width: int, height: int) -> str | None:
    if width * height <= MAX_IMAGE_PIXELS:
        return None
    return f"is {width:,} x {height:,} pixels; at most {MAX_IMAGE_PIXELS // 1_000_000} megapixels"


def _size_refusal(size: tuple[int, int] | None) -> ImageRefusal | None:
    """The refusal of an image declaring ``size`` (None: not found), if it is too large."""
    too_large = too_many_pixels(*size) if size else None
    return ImageRefusal(too_large) if too_large else None


def check_header(suffix: str, data: bytes) -> ImageRefusal | None:
    """Why the image with ``suffix`` (".png") whose file starts with ``data`` may not be
    shown, short of what an SVG holds; None if it may."""
    if not data.lstrip().startswith(IMAGE_SIGNATURES[suffix]):
        return ImageRefusal(f"is not a {suffix[1:].upper()} file")
    return _size_refusal(declared_size(data))


def check_image(suffix: str, data: bytes) -> ImageRefusal | None:
    """Why the image with ``suffix`` (".png") whose file starts with (or, for an SVG, is)
    ``data`` may not be shown; None if it may."""
    refusal = check_header(suffix, data)
    if refusal is not None:
        return refusal
    if suffix == ".svg":
        from briefing.core.svg_check import check_svg  # which itself uses this module

        problem = check_svg(data)
        if problem is not None:
            return ImageRefusal(problem.message, problem.line, problem.column)
    return None


_checked_svgs: dict[tuple[int, ...], ImageRefusal | None] = {}  # by file identity
_CHECKED_SVGS_KEPT = 64


def check_image_file(suffix: str, file: BinaryIO) -> ImageRefusal | None:
    """``check_image`` on the open regular ``file``, reading only what it needs: an SVG is
    read whole (at most ``MAX_IMAGE_BYTES``), once however many cards show it."""
    if suffix != ".svg":
        refusal = check_image(suffix, file.read(SNIFF_BYTES))
        if refusal is None and suffix != ".png":
            refusal = _size_refusal(jpeg_frame_size(lambda at, count: _read_at(file, at, count)))
        return refusal
    status = os.fstat(file.fileno())
    identity = (
        status.st_dev,
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    )
    if identity not in _checked_svgs:
        if len(_checked_svgs) >= _CHECKED_SVGS_KEPT:
            _checked_svgs.clear()
        _checked_svgs[identity] = check_image(suffix, file.read(MAX_IMAGE_BYTES))
    return _checked_svgs[identity]


def _read_at(file: BinaryIO, at: int, count: int) -> bytes:
    file.seek(at)
    return file.read(count)
