"""Pagination: flow laid-out blocks of text down a series of frames, splitting only between lines.

Pure Python: a block is described by its height and the positions where it may be split
(the tops of its lines), so the rules are tested without Qt. ``text.breaks`` measures them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_EPS = 1e-6


@dataclass(frozen=True)
class Block:
    """A laid-out document to place; all lengths in points."""

    height: float
    breaks: tuple[float, ...]  # ascending positions where a piece may end; the last is height
    space_before: float = 0.0  # dropped at the top of a frame
    head: float = 0.0  # room above the first piece (a label, a rule)
    head_continued: float = 0.0  # room above every later piece ("... (continued)")
    foot: float = 0.0  # room below every piece (a box's padding)
    keep_with_next: bool = False  # a heading: never the last thing in a frame
    min_lines: int = 2  # a first piece that does not hold the whole block holds this many lines

    def first_chunk(self) -> float:
        """The least of this block a frame may start with."""
        if not self.breaks:
            return self.height
        return self.breaks[min(len(self.breaks), max(self.min_lines, 1)) - 1]


@dataclass(frozen=True)
class Piece:
    """The part ``start``..``end`` of block number ``block``, drawn ``top`` down its frame."""

    block: int
    start: float
    end: float
    top: float  # where the piece's head begins; its text begins ``head`` lower
    head: float
    last: bool  # the block ends in this piece

    @property
    def continued(self) -> bool:
        return self.start > _EPS

    @property
    def bottom(self) -> float:
        """Where the piece's text ends in its frame (its foot not included)."""
        return self.top + self.head + self.end - self.start


def flow(blocks: Sequence[Block], frame_height: Callable[[int], float]) -> list[list[Piece]]:
    """Place ``blocks`` in order down frames ``0, 1, 2...``; returns each frame's pieces.

    A block is split only at its breaks. A frame that cannot hold even a first line of the
    next block is closed and the block starts on the next one; only in an empty frame too
    short for a single line is a line cut (and then continued), so nothing is ever lost.
    """
    frames: list[list[Piece]] = [[]]
    used = 0.0
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        start = 0.0
        while True:
            height = frame_height(len(frames) - 1)
            fresh = not frames[-1]
            first = start <= _EPS
            gap = block.space_before if first and not fresh else 0.0
            head = block.head if first else block.head_continued
            room = height - used - gap - head - block.foot
            end = _choose_end(block, start, start + room)
            if not fresh and not _acceptable(block, following, end, first, room):
                frames.append([])
                used = 0.0
                continue
            if end is None:  # an empty frame shorter than one line: cut, carry the rest on
                end = min(block.height, start + max(room, 1.0))
            top = used + gap
            last = end >= block.height - _EPS
            frames[-1].append(Piece(index, start, end, top, head, last))
            used = top + head + (end - start) + block.foot
            if last:
                break
            start = end
            frames.append([])
            used = 0.0
    if not frames[-1] and len(frames) > 1:
        frames.pop()
    return frames


def _acceptable(
    block: Block, following: Block | None, end: float | None, first: bool, room: float
) -> bool:
    """Whether a piece ending at ``end`` may go in a frame that already holds something."""
    if end is None:
        return False
    if not first:
        return True
    whole = end >= block.height - _EPS
    if not whole:
        return not block.keep_with_next and end >= block.first_chunk() - _EPS
    if block.keep_with_next and following is not None:
        # The start of what follows must fit below, as it would be placed.
        left = room - block.height
        left -= following.space_before + following.head + following.foot
        end = _choose_end(following, 0.0, left)
        if end is None:
            return False
        return end >= min(following.height, following.first_chunk()) - _EPS
    return True


def _choose_end(block: Block, start: float, limit: float) -> float | None:
    """Where a piece from ``start`` should end to fit by ``limit``: the furthest break that
    leaves at least ``min_lines`` lines for the next piece (no widows), else the furthest
    break; None if not even one line fits."""
    breaks = block.breaks
    index = bisect_right(breaks, limit + _EPS) - 1
    if index < 0 or breaks[index] <= start + _EPS:
        return None
    last = len(breaks) - 1
    if index < last:
        keep = last - max(block.min_lines, 1)  # the furthest break leaving enough behind
        if keep < index and keep >= 0 and breaks[keep] > start + _EPS:
            index = keep
    return breaks[index]


def valid_breaks(lines: Sequence[tuple[float, float]], height: float) -> tuple[float, ...]:
    """The positions a block of ``lines`` (top, bottom) may be split at, ending with ``height``.

    A line's top is a break unless another line (in a table cell beside it, or an image)
    spans across it.
    """
    ordered = sorted(lines)
    breaks: list[float] = []
    reach = 0.0  # the lowest bottom of the lines above
    for top, bottom in ordered:
        if top > _EPS and reach <= top + 0.01 and (not breaks or top > breaks[-1] + _EPS):
            breaks.append(top)
        reach = max(reach, bottom)
    if not breaks or height > breaks[-1] + _EPS:
        breaks.append(height)
    return tuple(b for b in breaks if b <= height + _EPS)
