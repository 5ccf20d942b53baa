"""Cut-out cards printed double-sided: each back lands behind its front.

Every face carries its card id in tiny text at the same corner; its position on the front
page and on the back page (read back from the PDF) shows where each face was drawn.
"""

from __future__ import annotations

import pytest
from export_helpers import Run, text_runs
from factories import make_deck

from briefing.export.faces import id_position
from briefing.export.geometry import PT_PER_MM, PageFrame, back_cells, card_cells
from briefing.export.options import ExportOptions
from briefing.export.pdf import export_pdf


def id_positions(path, page: int, ids: list[str]) -> dict[str, Run]:
    runs = {run.text: run for run in text_runs(path, page) if run.text in ids}
    assert sorted(runs) == sorted(ids)
    return runs


@pytest.fixture
def deck():
    return make_deck(6)


@pytest.mark.parametrize("per_page", [2, 4, 6])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_backs_are_mirrored_behind_their_fronts(tmp_path, deck, per_page, paper):
    path = tmp_path / "cards.pdf"
    export_pdf(deck, deck.cards, ExportOptions("cards", per_page, paper), path)
    frame = PageFrame.for_paper(paper)
    ids = [card.id for card in deck.cards[:per_page]]
    fronts = id_positions(path, 0, ids)
    backs = id_positions(path, 1, ids)
    cells = card_cells(frame, per_page)
    for index, card_id in enumerate(ids):
        front, back = fronts[card_id], backs[card_id]
        cell = cells[index]
        # The id sits at the face's bottom left, on both sides.
        assert front.x == pytest.approx(id_position(cell)[0], abs=0.05)
        assert back.y == pytest.approx(front.y, abs=0.05)  # rows stay
        # Turned over about the vertical axis, the back's cell is the front's, mirrored.
        back_cell_x = back.x - (front.x - cell.x)
        assert back_cell_x == pytest.approx(frame.width - cell.x - cell.width, abs=0.05)


def test_the_printer_offset_moves_only_the_backs_and_by_exactly_that_much(tmp_path, deck):
    plain, shifted = tmp_path / "plain.pdf", tmp_path / "shifted.pdf"
    export_pdf(deck, deck.cards, ExportOptions("cards", 4, "A4"), plain)
    export_pdf(deck, deck.cards, ExportOptions("cards", 4, "A4", offset_mm=(2.0, -1.5)), shifted)
    ids = [card.id for card in deck.cards[:4]]
    for page, (dx, dy) in ((0, (0.0, 0.0)), (1, (2.0, -1.5)), (2, (0.0, 0.0))):
        page_ids = ids if page < 2 else [card.id for card in deck.cards[4:]]
        before, after = id_positions(plain, page, page_ids), id_positions(shifted, page, page_ids)
        for card_id in page_ids:
            assert after[card_id].x - before[card_id].x == pytest.approx(dx * PT_PER_MM, abs=0.02)
            # y grows downwards on the page, upwards in PDF coordinates.
            assert after[card_id].y - before[card_id].y == pytest.approx(-dy * PT_PER_MM, abs=0.02)


def test_the_back_page_cells_are_the_geometry_back_cells(tmp_path, deck):
    path = tmp_path / "cards.pdf"
    export_pdf(deck, deck.cards, ExportOptions("cards", 6, "A4", offset_mm=(1, 1)), path)
    frame = PageFrame.for_paper("A4")
    backs = id_positions(path, 1, [card.id for card in deck.cards])
    for card, cell in zip(deck.cards, back_cells(frame, 6, (1, 1)), strict=True):
        x, y = id_position(cell)
        assert backs[card.id].x == pytest.approx(x, abs=0.05)
        assert frame.height - backs[card.id].y > y  # the baseline is below the id's top
