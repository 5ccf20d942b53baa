"""What an image file a deck names may hold: checked when the deck is loaded, and again
on the bytes each time the image is read to be shown."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import BinaryIO, NamedTuple

from briefing.core.files import IMAGE_SIGNATURES, MAX_IMAGE_BYTES

# Decoded at four bytes a pixel this is Qt's own allocation limit (256 MB): an 8192 px
# square photograph is shown; a few bytes declaring 50,000 x 50,000 pixels are not.
MAX_IMAGE_PIXELS = 8192 * 8192
SNIFF_BYTES = 64  # enough for a signature and a PNG's declared size
_JPEG_SEGMENTS = 256  # walked at most, looking for the frame header
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class ImageRefusal(NamedTuple):
    message: str  # follows the image's name: "is not a PNG file"
    line: int = 0  # in an SVG, where the problem is; 0 when it is about the whole file
    column: int = 0


def png_size(data: bytes) -> tuple[int, int] | None:
    """The width and height a PNG declares in its header, or None if ``data`` is no PNG."""
    if len(data) < 24 or not data.startswith(IMAGE_SIGNATURES[".png"]) or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The width and height a JPEG declares in its frame header, or None if ``data`` is no
    JPEG or ends before its frame header."""
    if not data.startswith(IMAGE_SIGNATURES[".jpg"]):
        return None
    return _jpeg_frame_size(lambda at, count: data[at : at + count])


def _jpeg_frame_size(read_at: Callable[[int, int], bytes]) -> tuple[int, int] | None:
    """Walk a JPEG's segments (``read_at(offset, count)`` reads it) to its frame header,
    after its metadata (EXIF, ICC), and return the size it declares."""
    at = 2
    for _ in range(_JPEG_SEGMENTS):
        head = read_at(at, 9)
        if len(head) < 9 or head[0] != 0xFF:
            return None
        marker = head[1]
        if marker == 0xFF:  # padding
            at += 1
        elif marker in _JPEG_FRAMES:
            return int.from_bytes(head[7:9], "big"), int.from_bytes(head[5:7], "big")
        elif 0xD0 <= marker <= 0xD9:  # markers without a length
            at += 2
        else:
            at += 2 + int.from_bytes(head[2:4], "big")
    return None


def declared_size(data: bytes) -> tuple[int, int] | None:
    """The width and height a PNG or JPEG declares, if ``data`` holds where it does."""
    return png_size(data) or jpeg_size(data)


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
            refusal = _size_refusal(_jpeg_frame_size(lambda at, count: _read_at(file, at, count)))
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
