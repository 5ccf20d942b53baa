"""The size a PNG or JPEG declares in its header, read without decoding it: what the image
checks (``image_check``, ``svg_check`` for the images an SVG embeds) measure."""

from __future__ import annotations

from collections.abc import Callable

from briefing.core.files import IMAGE_SIGNATURES

# Decoded at four bytes a pixel this is Qt's own allocation limit (256 MB): an 8192 px
# square photograph is shown; a few bytes declaring 50,000 x 50,000 pixels are not.
MAX_IMAGE_PIXELS = 8192 * 8192
_JPEG_SEGMENTS = 256  # walked at most, looking for the frame header
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


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
    return jpeg_frame_size(lambda at, count: data[at : at + count])


def jpeg_frame_size(read_at: Callable[[int, int], bytes]) -> tuple[int, int] | None:
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
