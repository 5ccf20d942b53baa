"""Read a deck's image to show it: checked again as it is read, decoded from memory,
downscaled to what is drawn, with bounded memory and time.

The deck may have changed since it was loaded (an image swapped for a link to a secret,
an SVG rewritten to name a pipe), so every read goes through ``read_inside`` and the same
checks as the loader, and Qt only ever decodes bytes from memory: it never opens a path.
Decoded images are kept by their bytes' digest and size, so the twenty cards of an export
that share one large photograph decode it once, and a PDF embeds it once.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from briefing.core.files import IMAGE_SIGNATURES, MAX_IMAGE_BYTES, read_inside
from briefing.core.image_check import check_header
from briefing.core.image_size import MAX_IMAGE_PIXELS
from briefing.core.svg_check import inspect_svg

ALLOCATION_LIMIT_MB = 256  # Qt's default, set again in case the environment raised it
KEPT_BYTES = 96 * 1024 * 1024  # decoded pixels kept for the next read
_FORMATS = {".png": b"png", ".jpg": b"jpeg", ".jpeg": b"jpeg", ".svg": b"svg"}


class DeckImage(NamedTuple):
    pixels: QImage  # at most the box asked for
    natural: QSize  # the size the file declares: how large the image is shown, space allowing


_kept: OrderedDict[tuple[bytes, int, int], DeckImage] = OrderedDict()
_kept_lock = threading.Lock()


def read_deck_image(folder: Path, path: Path, box: QSize) -> DeckImage | None:
    """The image at ``path`` in the deck ``folder``, to be drawn no larger than ``box``
    (device pixels), or None if it may not be shown."""
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SIGNATURES:
        return None
    try:
        data = read_inside(folder, path, MAX_IMAGE_BYTES)
    except OSError:
        return None
    key = (hashlib.blake2b(data, digest_size=16).digest(), box.width(), box.height())
    with _kept_lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    image = _decode(suffix, data, box)
    if image is not None:
        _keep(key, image)
    return image


def forget_images() -> None:
    """Drop every decoded image kept (the tests start from nothing)."""
    with _kept_lock:
        _kept.clear()


def _decode(suffix: str, data: bytes, box: QSize) -> DeckImage | None:
    if check_header(suffix, data) is not None:
        return None
    if suffix == ".svg":
        report = inspect_svg(data)
        # Qt reads the text of a data: URI it cannot decode as a file name: each must decode.
        if report.problem is not None or not all(
            _read(embedded, b"", None) is not None for embedded in report.embedded
        ):
            return None
    return _read(data, _FORMATS[suffix], box)


def _read(data: bytes, image_format: bytes, box: QSize | None) -> DeckImage | None:
    """Decode ``data`` (of ``image_format``; b"" for PNG or JPEG by content) to fit ``box``."""
    if not image_format:
        image_format = b"png" if data.startswith(IMAGE_SIGNATURES[".png"]) else b"jpeg"
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, image_format)
    reader.setAutoDetectImageFormat(False)  # a .png holding an SVG is not read as one
    natural = reader.size()
    if natural.isEmpty():
        return None
    if image_format != b"svg" and natural.width() * natural.height() > MAX_IMAGE_PIXELS:
        return None
    target = natural if box is None else _fitted(natural, box)
    # JPEG and SVG scale as they read; Qt's PNG reader reads it all and then scales it
    # smoothly through a 32-bit copy of the whole (1 GB for a grey 16,000 px square), so
    # a PNG is read as it is and scaled by shrink_to below.
    if target != natural and image_format != b"png":
        reader.setScaledSize(target)
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    image = reader.read()
    if image.isNull():
        return None
    return DeckImage(shrink_to(image, target), natural)


_SMOOTH_IN_PLACE = frozenset(
    {
        QImage.Format.Format_RGB32,
        QImage.Format.Format_ARGB32,
        QImage.Format.Format_ARGB32_Premultiplied,
    }
)


def shrink_to(image: QImage, target: QSize) -> QImage:
    """``image`` scaled smoothly to ``target``.

    Qt scales smoothly only at 32 bits a pixel: a grey or paletted image is copied whole
    at that depth first (256 MB for a grey 8,000 px square). Such an image much larger
    than the target is first scaled fast, in its own format, to four times the target,
    which the smooth pass then averages: a quarter of the memory, no visible moiré.
    """
    if image.size() == target:
        return image
    ignore = Qt.AspectRatioMode.IgnoreAspectRatio
    larger = QSize(target.width() * 4, target.height() * 4)
    if image.format() not in _SMOOTH_IN_PLACE and (
        image.width() > larger.width() and image.height() > larger.height()
    ):
        image = image.scaled(larger, ignore, Qt.TransformationMode.FastTransformation)
    return image.scaled(target, ignore, Qt.TransformationMode.SmoothTransformation)


def _fitted(natural: QSize, box: QSize) -> QSize:
    scale = min(1.0, box.width() / natural.width(), box.height() / natural.height())
    return QSize(max(1, round(natural.width() * scale)), max(1, round(natural.height() * scale)))


def _keep(key: tuple[bytes, int, int], image: DeckImage) -> None:
    with _kept_lock:
        _kept[key] = image
        total = sum(kept.pixels.sizeInBytes() for kept in _kept.values())
        while total > KEPT_BYTES and len(_kept) > 1:
            _key, dropped = _kept.popitem(last=False)
            total -= dropped.pixels.sizeInBytes()
