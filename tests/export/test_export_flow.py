"""Pagination rules, on blocks described by their line breaks (no Qt needed)."""

from __future__ import annotations

from briefing.export.flow import Block, flow, valid_breaks


def lines(count: int, height: float = 10.0) -> Block:
    breaks = tuple(height * (n + 1) for n in range(count))
    return Block(height * count, breaks)


def covered(frames, block_index: int) -> list[tuple[float, float]]:
    return [(p.start, p.end) for frame in frames for p in frame if p.block == block_index]


def test_a_block_that_fits_is_one_piece():
    frames = flow([lines(5)], lambda _n: 100)
    assert len(frames) == 1
    assert covered(frames, 0) == [(0, 50)]


def test_a_long_block_splits_only_between_lines_and_loses_nothing():
    frames = flow([lines(25)], lambda _n: 95)
    pieces = covered(frames, 0)
    assert pieces[0] == (0, 90)  # 9 whole lines fit in 95
    assert all(end % 10 == 0 for _start, end in pieces)
    assert [s for s, _ in pieces[1:]] == [e for _, e in pieces[:-1]]  # contiguous
    assert pieces[-1][1] == 250


def test_no_single_line_is_left_alone_at_the_top_of_a_frame():
    frames = flow([lines(10)], lambda _n: 95)  # 9 would fit, leaving 1 behind
    assert covered(frames, 0) == [(0, 80), (80, 100)]


def test_a_block_does_not_start_with_a_single_line_at_the_bottom_of_a_frame():
    first = lines(8)  # 80 of 95
    second = Block(30, (10, 20, 30), space_before=0)
    frames = flow([first, second], lambda _n: 95)
    assert covered(frames, 1) == [(0, 30)]
    assert [p.block for p in frames[1]] == [1]


def test_a_heading_kept_with_next_moves_with_it():
    body = lines(5)
    heading = Block(10, (10,), keep_with_next=True)
    frames = flow([body, heading, lines(5)], lambda _n: 75)
    assert [p.block for p in frames[0]] == [0]
    assert [p.block for p in frames[1]] == [1, 2]


def test_space_before_is_dropped_at_the_top_of_a_frame():
    frames = flow([lines(9), Block(20, (10, 20), space_before=30)], lambda _n: 100)
    assert frames[1][0].top == 0


def test_heads_and_feet_take_room_in_every_piece():
    boxed = Block(100, tuple(range(10, 101, 10)), head=20, head_continued=15, foot=5)
    frames = flow([boxed], lambda _n: 60)
    first, second = frames[0][0], frames[1][0]
    assert (first.start, first.end, first.head) == (0, 30, 20)  # 20 + 30 + 5 <= 60
    assert second.head == 15
    assert second.continued


def test_a_line_taller_than_a_frame_is_cut_and_carried_on_not_lost():
    frames = flow([Block(250, (250,))], lambda _n: 100)
    assert covered(frames, 0) == [(0, 100), (100, 200), (200, 250)]


def test_frame_heights_may_differ():
    frames = flow([lines(10)], lambda n: 50 if n == 0 else 100)
    assert covered(frames, 0) == [(0, 50), (50, 100)]


def test_a_line_top_inside_another_line_is_no_break():
    # A quote's rule (0-30) spans the lines at 10 and 20: only 30 and the end may break.
    assert valid_breaks([(0, 10), (10, 20), (20, 30), (0, 30), (30, 40)], 40) == (30, 40)


def test_a_heading_is_not_left_behind_when_its_next_block_would_move_on():
    # Room for the heading and two lines, but the block's last two lines must stay together
    # (no widow): it would go to the next frame, so the heading goes with it.
    heading = Block(10, (10,), keep_with_next=True)
    frames = flow([lines(6), heading, lines(3)], lambda _n: 95)
    assert [p.block for p in frames[0]] == [0]
    assert [p.block for p in frames[1]] == [1, 2]
