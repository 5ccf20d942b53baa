"""Property tests: random YAML-ish text is refused cleanly; random valid decks round-trip.

(a) Text glued together from YAML tokens, the format's key names and random Unicode
    or bytes never makes the loader raise anything but DeckError, and every problem
    is one ``PATH:LINE:COLUMN: message`` line pointing inside the file.
(b) Decks built as Python data and written with ``yaml.safe_dump`` load back with
    exactly the texts they were built from, however tricky the text.
"""

from __future__ import annotations

import datetime
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core import format_keys
from briefing.core.errors import DeckError
from briefing.core.loader import load_deck

# Hypothesis's failure report imports a module that warns on import; with the project's
# filterwarnings=error that warning would hide the falsifying example.
pytestmark = pytest.mark.filterwarnings(
    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning"
)

PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: .+$")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

KEY_NAMES = sorted(
    {
        name
        for field_set in (
            format_keys.DECK_FILE,
            format_keys.CARD,
            format_keys.SOURCE,
            format_keys.FIGURE,
            format_keys.QUOTE,
            format_keys.IMAGE,
        )
        for name in field_set.allowed
    }
)
SYNTAX = [
    ":", ": ", "-", "- ", "[", "]", "{", "}", ",", " ", "  ", "    ", "\t", "\n", "\r\n", "\r",
    "&a ", "*a", "&b ", "*b", "!!str ", "!!map ", "!!seq ", "!!binary ", "!custom ",
    "!!python/object/apply:os.system ", "'", '"', "''", '""', "\\", "#", "# note\n", "?", "? ",
    "|", "|-\n", ">", ">+\n", "---\n", "...\n", "%YAML 1.2\n", "%TAG ! tag:x,2024:\n", "~",
    "null", "<<", "@", "`", "%", "\ufeff", "\x85", "\u2028", "NO", "1.10", "0o17", ".inf",
    "2024-02-30", "2024-06-21", "<b>", "😀",
]  # fmt: skip
TOKENS = st.one_of(
    st.sampled_from(KEY_NAMES).map(lambda k: k + ":"),
    st.sampled_from(KEY_NAMES).map(lambda k: "\n" + k + ": "),
    st.sampled_from(SYNTAX),
    st.text(max_size=6),
    st.binary(max_size=3),
)


def _encode(token: str | bytes) -> bytes:
    return token if isinstance(token, bytes) else token.encode("utf-8", "surrogatepass")


YAMLISH = st.lists(TOKENS, max_size=60).map(lambda tokens: b"".join(map(_encode, tokens)))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("random")


def _load(path):
    try:
        return load_deck(path), []
    except DeckError as e:
        return None, e.problems


@settings(max_examples=200, deadline=None, database=None)
@given(data=YAMLISH)
def test_random_yamlish_text_gives_a_deck_or_located_one_line_problems(scratch, data):
    path = scratch / "random.yaml"
    path.write_bytes(data)
    deck, problems = _load(path)
    if deck is not None:
        return
    assert problems
    for problem in problems:
        shown = str(problem)
        assert PROBLEM_LINE.fullmatch(shown), shown  # one line: "." matches no "\n"
        assert "\r" not in shown
        assert problem.path == str(path)
        assert problem.line >= 1, shown
        assert problem.column >= 1, shown


# --- (b) valid decks round-trip -------------------------------------------------

TRICKY = [
    "NO", "no", "Yes", "on", "OFF", "y", "n", "1.10", "0o17", "0x1F", "1e3", "+1", "-0",
    ".inf", "-.inf", ".NaN", "~", "null", "Null", "12:30", "2024-06-21", "2001-12-14t21:59:43",
    "<b>bold</b>", "<script>alert(1)</script>", "'", '"', "''", ": ", "a: b", "#", "# x",
    "a #b", "- item", "-", "?", "? x", "[a]", "{a: b}", "*a", "&a", "!!str", "!tag", "|",
    ">", "@at", "`tick`", "%", "---", "...", "\\", "\\n", "😀", "e\u0301", "İ", "ß",
    "line\nbreak", "trailing\n", "\n", " lead", "trail ", "tab\there", "\t", "a\r\nb",
    "\ufeff", "**bold** _em_ [link](http://x)",
]  # fmt: skip
# The loader refuses control characters (even escaped) and the YAML 1.1 line breaks
# U+0085, U+2028 and U+2029 (libyaml would break lines there); test_hostile_input
# covers those. Every other text must come back exactly as written.
REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(codec="utf-8"), max_size=40).filter(lambda t: not REFUSED.search(t)),
)
REQUIRED_TEXT = TEXT.filter(lambda text: text.strip())
FREE_DATE = TEXT.filter(lambda text: not ISO_DATE.fullmatch(text))
DATE = st.one_of(st.dates(), FREE_DATE)


def _written(value) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else value


@st.composite
def decks(draw):
    source_ids = [f"source-{i}" for i in range(draw(st.integers(0, 2)))]
    sources = [
        {
            "id": source_id,
            "title": draw(REQUIRED_TEXT),
            **draw(st.fixed_dictionaries({}, optional={"publisher": TEXT, "url": TEXT})),
            **draw(st.fixed_dictionaries({}, optional={"date": DATE})),
        }
        for source_id in source_ids
    ]
    cards = []
    for number in range(draw(st.integers(1, 3))):
        card = {
            "id": f"card-{number}",
            "title": draw(REQUIRED_TEXT),
            "headline": draw(REQUIRED_TEXT),
            "body": draw(REQUIRED_TEXT),
        }
        card.update(
            draw(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "notes": TEXT,
                        "tags": st.lists(TEXT, max_size=3),
                        "figure": st.fixed_dictionaries(
                            {"value": REQUIRED_TEXT}, optional={"label": TEXT}
                        ),
                        "quotes": st.lists(
                            st.fixed_dictionaries({"text": REQUIRED_TEXT, "by": REQUIRED_TEXT}),
                            max_size=2,
                        ),
                    },
                )
            )
        )
        if source_ids:
            card["sources"] = draw(st.lists(st.sampled_from(source_ids), unique=True))
        cards.append(card)
    deck = {"title": draw(REQUIRED_TEXT)}
    deck.update(
        draw(
            st.fixed_dictionaries(
                {}, optional={"subtitle": TEXT, "author": TEXT, "marking": TEXT, "date": DATE}
            )
        )
    )
    if sources:
        deck["sources"] = sources
    if draw(st.booleans()):
        deck["order"] = draw(st.permutations([card["id"] for card in cards]))
    deck["cards"] = cards
    return deck


DUMP_OPTIONS = st.fixed_dictionaries(
    {
        "allow_unicode": st.booleans(),
        "default_flow_style": st.sampled_from([False, None, True]),
        "width": st.sampled_from([20, 80, 10_000]),
        "sort_keys": st.booleans(),
    }
)


@settings(max_examples=200, deadline=None, database=None)
@given(built=decks(), options=DUMP_OPTIONS)
def test_decks_written_with_safe_dump_load_back_with_the_same_texts(scratch, built, options):
    path = scratch / "dumped.yaml"
    path.write_text(yaml.safe_dump(built, **options), encoding="utf-8", newline="")
    deck, problems = _load(path)
    assert deck is not None, "\n".join(map(str, problems))

    assert deck.title == built["title"]
    for name in ("subtitle", "author", "marking"):
        assert getattr(deck, name) == built.get(name, "")
    assert deck.date == _written(built.get("date", ""))
    assert [(s.id, s.title, s.publisher, s.url, s.date) for s in deck.sources] == [
        (s["id"], s["title"], s.get("publisher", ""), s.get("url", ""), _written(s.get("date", "")))
        for s in built.get("sources", [])
    ]

    by_id = {card["id"]: card for card in built["cards"]}
    expected_order = built.get("order", [card["id"] for card in built["cards"]])
    assert [card.id for card in deck.cards] == list(expected_order)
    for card in deck.cards:
        source = by_id[card.id]
        assert (card.title, card.headline, card.body) == (
            source["title"],
            source["headline"],
            source["body"],
        )
        assert card.notes == source.get("notes", "")
        assert card.tags == tuple(source.get("tags", ()))
        assert card.sources == tuple(source.get("sources", ()))
        figure = source.get("figure")
        if figure is None:
            assert card.figure is None
        else:
            assert (card.figure.value, card.figure.label) == (
                figure["value"],
                figure.get("label", ""),
            )
        assert [(q.text, q.by) for q in card.quotes] == [
            (q["text"], q["by"]) for q in source.get("quotes", ())
        ]
