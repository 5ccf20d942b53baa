"""``briefing export DECK -o OUT``: PDF or PNG, headless; exit 0, 1 (deck or file) or 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from export_helpers import flat, page_texts
from pypdf import PdfReader

from briefing.cli import main
from briefing.paths import bundled_deck_path

ROOT = Path(__file__).resolve().parents[2]
DECK = str(bundled_deck_path())


def test_exports_a_handout_and_says_what_it_wrote(tmp_path, capsys):
    out = tmp_path / "deck.pdf"
    assert main(["export", DECK, "-o", str(out), "--page-size", "A4"]) == 0
    pages = len(PdfReader(out).pages)
    assert capsys.readouterr().out == f"wrote {out}: {pages} pages (handout, A4)\n"


def test_layout_cards_per_page_paper_and_offset(tmp_path, capsys):
    out = tmp_path / "cards.pdf"
    args = ["--layout", "cards", "--per-page", "6", "--page-size", "letter", "--offset=1.5,-1"]
    assert main(["export", DECK, "-o", str(out), *args]) == 0
    # the bundled backs, whole at 6 a page, need continuation cards: three sheets, the
    # last one's backs page blank and left out
    assert capsys.readouterr().out == f"wrote {out}: 5 pages (cards, 6 per page, Letter)\n"
    box = PdfReader(out).pages[0].mediabox
    assert (float(box.width), float(box.height)) == (612, 792)


def test_query_exports_only_the_matching_cards_in_deck_order(tmp_path, bundled):
    out = tmp_path / "found.pdf"
    assert main(["export", DECK, "-o", str(out), "--query", "stolt", "--layout", "outline"]) == 0
    text = " ".join(page_texts(out))
    found = [c for c in bundled.cards if "Stoltenberg" in c.body]
    assert [c.id for c in found] == ["weapons", "nato-response"]
    positions = [text.index(flat(c.headline)) for c in found]
    assert positions == sorted(positions)  # the deck's order, not the search's ranking
    for card in bundled.cards:
        if card not in found:
            assert flat(card.headline) not in text


def test_a_query_matching_nothing_is_an_error(tmp_path, capsys):
    out = tmp_path / "none.pdf"
    assert main(["export", DECK, "-o", str(out), "--query", "zzzzqqq"]) == 1
    assert capsys.readouterr().err == "briefing: no card matches 'zzzzqqq'\n"
    assert not out.exists()


def test_exports_one_card_face_as_png(tmp_path, capsys):
    out = tmp_path / "weapons.png"
    args = ["--card", "weapons", "--side", "back", "--width", "640"]
    assert main(["export", DECK, "-o", str(out), *args]) == 0
    assert capsys.readouterr().out == f"wrote {out}: the back of weapons (640x427)\n"
    assert out.read_bytes().startswith(b"\x89PNG")


def test_an_unknown_card_id_suggests_the_closest(tmp_path, capsys):
    assert main(["export", DECK, "-o", str(tmp_path / "x.png"), "--card", "wepons"]) == 1
    err = capsys.readouterr().err
    assert err == "briefing: no card has the id 'wepons'; did you mean 'weapons'?\n"
    assert os.listdir(tmp_path) == []


def test_a_deck_with_problems_prints_them_and_exits_1(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: T\ncards:\n  - {title: A, heading: h, body: b}\n")
    assert main(["export", str(broken), "-o", str(tmp_path / "out.pdf")]) == 1
    err = capsys.readouterr().err
    assert "'heading' is not a card key; did you mean 'headline'?" in err
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("missing/out.pdf", "does not exist"),
        (".", "is a folder"),
    ],
)
def test_an_unwritable_output_is_one_line_and_exit_1(tmp_path, capsys, target, reason):
    before = sorted(os.listdir(tmp_path))
    assert main(["export", DECK, "-o", str(tmp_path / target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing: cannot write ") and reason in err
    assert err.count("\n") == 1
    assert sorted(os.listdir(tmp_path)) == before


def test_a_read_only_place_is_one_line_and_exit_1(capsys):
    assert main(["export", DECK, "-o", "/proc/briefing-cli-test.pdf"]) == 1
    err = capsys.readouterr().err
    assert (
        err.startswith("briefing: cannot write /proc/briefing-cli-test.pdf")
        and err.count("\n") == 1
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--layout", "poster"], "invalid choice: 'poster'"),
        (["--layout", "cards", "--per-page", "5"], "takes 2 or 4 or 6 per page, not 5"),
        (["--offset", "1;2"], "write the offset as X,Y in mm"),
        (["--offset=30,0"], "at most 20 mm"),
        (["--page-size", "A3"], "choose A4 or Letter"),
        (["--card", "weapons"], "--card writes a PNG image"),
    ],
)
def test_usage_errors_exit_2(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        main(["export", DECK, "-o", str(tmp_path / "out.pdf"), *args])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


NO_NOTES = "takes no speaker notes; only handout and outline do"
NO_OFFSET = "takes no printer offset; only cards does"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--layout", "cards", "--notes"], f"argument --notes: the cards layout {NO_NOTES}"),
        (["--layout", "fold", "--notes"], f"argument --notes: the fold layout {NO_NOTES}"),
        (["--offset=1,-1"], f"argument --offset: the handout layout {NO_OFFSET}"),
        (
            ["--layout", "fold", "--offset", "2,0"],
            f"argument --offset: the fold layout {NO_OFFSET}",
        ),
        (
            ["--layout", "outline", "--offset", "0,0"],
            f"argument --offset: the outline layout {NO_OFFSET}",
        ),
    ],
)
def test_notes_or_an_offset_the_layout_would_not_print_is_a_usage_error(
    tmp_path, capsys, args, message
):
    with pytest.raises(SystemExit) as exit_:
        main(["export", DECK, "-o", str(tmp_path / "out.pdf"), *args])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == f"briefing export: error: {message}"
    assert os.listdir(tmp_path) == []


def test_a_png_needs_a_card(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", DECK, "-o", str(tmp_path / "out.png")])
    assert exit_.value.code == 2
    assert "add --card ID" in capsys.readouterr().err


def run_briefing(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **kwargs,
    )


def test_runs_headless_without_a_platform_set(tmp_path):
    out = tmp_path / "fold.pdf"
    result = run_briefing("export", DECK, "-o", str(out), "--layout", "fold")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no Qt warnings either
    pages = len(PdfReader(out).pages)  # a long back goes on over extra cards: 4 on A4
    assert pages >= 3
    assert result.stdout.startswith(f"wrote {out}: {pages} pages (fold, 2 per page, ")


@pytest.mark.parametrize("args", [["big.pdf"], ["big.png", "--card", "weapons"]])
def test_a_real_failed_write_is_named_and_leaves_nothing(tmp_path, args):
    # The file size limit makes the OS refuse the writes, as a full disk would; Qt's PDF
    # engine does not notice and Qt's file says "Unknown error", the save path asks why.
    script = (
        "import resource, signal, sys; "
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)); "
        "from briefing.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    out = tmp_path / args[0]
    result = subprocess.run(
        [sys.executable, "-c", script, "export", DECK, "-o", str(out), *args[1:]],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    cause = "the file is larger than this disk or the system allows"  # EFBIG
    assert result.stderr == f"briefing: could not write {out}: {cause}\n"
    assert os.listdir(tmp_path) == []


def test_an_output_name_that_is_not_utf8_is_written_and_reported_as_given(tmp_path, monkeypatch):
    # Strict UTF-8 output, as under a user's en_US.UTF-8 locale.
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8")
    name = os.path.join(os.fsencode(tmp_path), b"x\xff.pdf")
    result = run_briefing("export", DECK, "-o", os.fsdecode(name))
    assert result.returncode == 0, result.stderr
    assert os.listdir(os.fsencode(tmp_path)) == [b"x\xff.pdf"]
    assert result.stdout.startswith(f"wrote {tmp_path}/x\\xff.pdf: ")
