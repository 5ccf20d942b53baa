# ruff: noqa: RUF001 (Cyrillic and Greek letters that look Latin are the point here)
"""A deck made to break print layouts: a long marking, long titles, long figures, mixed
scripts, an image on a back, a 40-point back, and short cards that fit anywhere.

Scripts are the ones the bundled fonts cover (Latin with accents, Cyrillic, Greek): the audit
checks layout, not font fallback. The Greek has no plain iota (U+03B9): Qt's PDF text layer
stores it as U+0269, a known defect with its own strict xfail in test_print_audit.py, kept out
of the deck so that the rest of the audit keeps guarding.
"""

from __future__ import annotations

from pathlib import Path

from factories import make_card
from PySide6.QtGui import QColor, QImage

from briefing.core.model import Deck, Figure, Image, Quote, Source

STRESS_MARKING = (
    "DRAFT \u2014 NOT FOR DISTRIBUTION OUTSIDE THE WORKING GROUP \u2014 "
    "HANDLE VIA OFFICIAL CHANNELS ONLY"
)
LONG_FIGURE = "123,456,789,012,345,678,901"
EURO_FIGURE = "\u20ac 1.234.567,89 bn"
LONG_TITLE = (
    "Regional security arrangements, supply lines, contingency planning and what "
    "the steering committee made of them"
)
FORTY_POINTS = 40
GREEK_WITH_IOTA = "Η συμφωνία και οι συνέπειες."  # kept out of the deck: see the docstring

STRESS_SOURCES = (
    Source(
        "ministere",
        "Rapport annuel du ministère sur l'approvisionnement, la logistique et la préparation",
        publisher="Ministère des Armées",
    ),
    Source("tass", "Сообщение о переговорах в Пхеньяне", publisher="ТАСС"),
    Source("kathimerini", "Η συμφωνία στην πράξη", publisher="Το Βήμα"),
    Source("src", "The source report", publisher="Agency"),
)


def _forty_point_body() -> str:
    return "\n".join(
        f"- Point {n}: shipments of {n * 1_234_567:,} rounds reached depot {n:02d} "
        f"after {n * 3} days on the road."
        for n in range(1, FORTY_POINTS + 1)
    )


def _picture(path: Path) -> Path:
    image = QImage(800, 450, QImage.Format.Format_RGB32)  # wider than any card: scaled down
    image.fill(QColor("#0d4f6b"))
    image.save(str(path))
    return path


def stress_deck(folder: Path) -> Deck:
    """The deck, its image written into ``folder`` (the deck's folder)."""
    picture = _picture(folder / "routes.png")
    cards = (
        make_card(
            1,
            id="long-title",
            title=LONG_TITLE,
            headline="The committee's assessment runs to many pages and its title to many words.",
            figure=Figure(LONG_FIGURE, "rounds counted since the start of the war"),
            body="- Stockpiles were counted twice, once by each side.\n- Both counts agree.",
            quotes=(Quote("We counted every single one.", "A logistics officer", "src"),),
            sources=("src", "ministere"),
        ),
        make_card(
            2,
            id="mixed-scripts",
            title="Économie — Экономика — Ελλάδα",
            headline="Réunion à Genève, заседание в Москве, συνάντηση στην Αθήνα.",
            figure=Figure(EURO_FIGURE, "coût estimé, оценка стоимости, το κόστος"),
            body=(
                "- Les délégués ont négocié à Genève pendant trois jours.\n"
                "- Делегации обсудили поставки и санкции.\n"
                "- Η ομάδα συζήτησε την πρόταση στην Αθήνα.\n"
                "- The cost rose to 9,876,543,210,987 units in one year."
            ),
            quotes=(
                Quote("Мы договорились обо всём важном.", "Сергей Лавров", "tass"),
                Quote("Η συμφωνία δεν αρκεί.", "Νίκος Αλεξάνδρου", "kathimerini"),
            ),
            notes="Présenter les trois capitales: Женева, Москва, Αθήνα.",
            sources=("ministere", "tass", "kathimerini"),
        ),
        make_card(
            3,
            id="with-image",
            title="Supply routes",
            headline="The routes run north of the river, out of range of the guns.",
            figure=Figure("3 routes", "open in June"),
            body="- Route one is the shortest.\n- Route three is the safest.",
            image=Image(picture, "Map of the three supply routes north of the river"),
            quotes=(),
            sources=("src",),
        ),
        make_card(
            4,
            id="forty-points",
            title="Forty points on shipments, depots, rounds and the days each took on the road",
            headline="A back with forty points: longer than any card or page holds.",
            figure=Figure("40", "points"),
            body=_forty_point_body(),
            notes="Take the forty points at speed.",
            sources=("src",),
        ),
        make_card(5, id="short-one", title="Short one", sources=("src",)),
        make_card(6, id="short-two", title="Short two", sources=("src",)),
    )
    return Deck(
        title="Stress deck: every hard case at once",
        cards=cards,
        date="1 December 2026",
        author="The print audit",
        marking=STRESS_MARKING,
        sources=STRESS_SOURCES,
        folder=folder,
    )
