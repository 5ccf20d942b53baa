"""Generate large, realistic decks for benchmarks: in memory or as YAML files.

Words come from the bundled deck (so real names like Stoltenberg occur) plus a
long tail of made-up words, drawn with Zipf-like frequencies as in real text.
"""

from __future__ import annotations

import random
import re
from itertools import accumulate
from pathlib import Path

import yaml

from briefing.core.loader import load_deck
from briefing.core.model import Card, Deck, Figure, Quote, Source
from briefing.paths import bundled_deck_path

TAGS = ("military", "diplomacy", "sanctions", "nato", "ukraine", "un", "analysis", "economy")
SOURCES = tuple(Source(f"source-{i}", f"Report number {i}", publisher="Agency") for i in range(5))


def _vocabulary(rng: random.Random) -> list[str]:
    bundled = load_deck(bundled_deck_path())
    text = " ".join(f"{c.title} {c.headline} {c.body} {c.notes}" for c in bundled.cards)
    real = list(dict.fromkeys(re.findall(r"[A-Za-z]+", text)))
    syllables = ["ka", "to", "ri", "sa", "mo", "ne", "lu", "pe", "st", "ol", "ven", "berg", "an"]
    made_up = {
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(20_000)
    }
    return real + sorted(made_up)


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = _vocabulary(self.rng)
        # Cumulated once: given plain weights, every choices() call sums all 20,000 again.
        self.cumulated = list(accumulate(1 / (rank + 1) for rank in range(len(self.words))))

    def sentence(self, count: int) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cumulated, k=count)
        return " ".join(words).capitalize()

    def card(self, number: int) -> Card:
        rng = self.rng
        sources = tuple(rng.sample([s.id for s in SOURCES], rng.randint(1, 2)))
        return Card(
            id=f"card-{number:06d}",
            title=self.sentence(rng.randint(1, 3)),
            headline=self.sentence(rng.randint(10, 20)) + ".",
            figure=Figure(f"{rng.randint(1, 999):,}", self.sentence(3).lower()),
            body="\n".join(f"- {self.sentence(rng.randint(10, 20))}." for _ in range(5)),
            quotes=tuple(
                Quote(self.sentence(12), self.sentence(2), sources[0])
                for _ in range(rng.randint(0, 2))
            ),
            notes=self.sentence(40) + ".",
            tags=tuple(rng.sample(TAGS, 2)),
            sources=sources,
        )


def generate_deck(size: int, seed: int = 1) -> Deck:
    writer = _Writer(seed)
    cards = tuple(writer.card(n) for n in range(size))
    return Deck(title=f"Generated deck of {size:,} cards", cards=cards, sources=SOURCES)


def _card_mapping(card: Card) -> dict[str, object]:
    mapping: dict[str, object] = {
        "id": card.id,
        "title": card.title,
        "headline": card.headline,
        "figure": {"value": card.figure.value, "label": card.figure.label} if card.figure else None,
        "body": card.body,
        "quotes": [{"text": q.text, "by": q.by, "source": q.source} for q in card.quotes],
        "notes": card.notes,
        "tags": list(card.tags),
        "sources": list(card.sources),
    }
    return {k: v for k, v in mapping.items() if v}


def _metadata(deck: Deck) -> dict[str, object]:
    return {
        "title": deck.title,
        "sources": [{"id": s.id, "title": s.title, "publisher": s.publisher} for s in deck.sources],
    }


def write_single_file_deck(deck: Deck, path: Path) -> Path:
    document = {**_metadata(deck), "cards": [_card_mapping(c) for c in deck.cards]}
    path.write_text(yaml.safe_dump(document, sort_keys=False, width=100), encoding="utf-8")
    return path


def write_folder_deck(deck: Deck, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deck.yaml").write_text(yaml.safe_dump(_metadata(deck)), encoding="utf-8")
    for card in deck.cards:
        text = yaml.safe_dump(_card_mapping(card), sort_keys=False, width=100)
        (folder / f"{card.id}.yaml").write_text(text, encoding="utf-8")
    return folder
