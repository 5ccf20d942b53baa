"""Where cut-out cards go: backs mirrored behind their fronts, crop marks outside the cards."""

from __future__ import annotations

import pytest

from briefing.export.geometry import (
    CARD_GRID,
    PT_PER_MM,
    PageFrame,
    back_cells,
    card_cells,
    crop_marks,
    fold_pairs,
)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("per_page", [2, 4, 6])
def test_each_back_is_the_mirror_image_of_its_front_about_the_vertical_axis(paper, per_page):
    frame = PageFrame.for_paper(paper)
    fronts, backs = card_cells(frame, per_page), back_cells(frame, per_page)
    assert len(fronts) == len(backs) == per_page
    for front, back in zip(fronts, backs, strict=True):
        assert back.x == pytest.approx(frame.width - front.x - front.width)
        assert back.y == pytest.approx(front.y)
        assert (back.width, back.height) == (front.width, front.height)


def test_a_back_lands_in_the_mirrored_column_of_the_same_row():
    frame = PageFrame.for_paper("A4")
    columns, _rows = CARD_GRID[6]
    fronts, backs = card_cells(frame, 6), back_cells(frame, 6)
    for index, back in enumerate(backs):
        row, column = divmod(index, columns)
        assert back == fronts[row * columns + (columns - 1 - column)]


def test_the_printer_offset_moves_every_back_by_exactly_that_many_millimetres():
    frame = PageFrame.for_paper("A4")
    plain, moved = back_cells(frame, 4), back_cells(frame, 4, (1.5, -2.0))
    for a, b in zip(plain, moved, strict=True):
        assert b.x - a.x == pytest.approx(1.5 * PT_PER_MM)
        assert b.y - a.y == pytest.approx(-2.0 * PT_PER_MM)


@pytest.mark.parametrize("per_page", [2, 4, 6])
def test_crop_marks_lie_outside_every_card_and_on_the_page(per_page):
    frame = PageFrame.for_paper("Letter")
    cards = card_cells(frame, per_page)
    for card in cards:
        for x1, y1, x2, y2 in crop_marks(card):
            for other in cards:
                inside = (
                    other.x < (x1 + x2) / 2 < other.right and other.y < (y1 + y2) / 2 < other.bottom
                )
                assert not inside
            assert min(x1, x2) > 0 and max(x1, x2) < frame.width
            assert frame.header().bottom < min(y1, y2) and max(y1, y2) < frame.footer().y


def test_cards_stay_inside_the_sheet_area_and_do_not_overlap():
    frame = PageFrame.for_paper("A4")
    sheet = frame.sheet()
    cells = card_cells(frame, 6)
    for cell in cells:
        assert sheet.x <= cell.x and cell.right <= sheet.right + 1e-9
        assert sheet.y <= cell.y and cell.bottom <= sheet.bottom + 1e-9
    for a in cells:
        for b in cells:
            if a is not b:
                assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y


@pytest.mark.parametrize("per_page", [1, 2, 3])
def test_fold_pairs_share_the_fold_line(per_page):
    pairs = fold_pairs(PageFrame.for_paper("A4"), per_page)
    assert len(pairs) == per_page
    for front, back in pairs:
        assert front.right == pytest.approx(back.x)
        assert (front.y, front.height) == (back.y, back.height)
