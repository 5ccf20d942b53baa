from __future__ import annotations

from briefing.core.deck_changes import describe_changes
from briefing.core.model import Card, Deck


def _card(card_id: str, title: str, body: str = "Body.") -> Card:
    return Card(id=card_id, title=title, headline="Headline.", body=body)


def _deck(*cards: Card, title: str = "Deck") -> Deck:
    return Deck(title=title, cards=cards, path="deck")


OLD = _deck(_card("weapons", "Weapons"), _card("trade", "Trade"))


def test_nothing_changed() -> None:
    assert describe_changes(OLD, OLD._replace()) == "Reloaded: no changes to the cards"


def test_changed_and_added_cards_are_named() -> None:
    new = _deck(
        _card("weapons", "Weapons", body="New body."),
        _card("trade", "Trade"),
        _card("s", "Sanctions"),
    )
    assert describe_changes(OLD, new) == "Reloaded: 1 card changed (Weapons), 1 added (Sanctions)"


def test_removed_cards_are_named() -> None:
    new = _deck(_card("trade", "Trade"))
    assert describe_changes(OLD, new) == "Reloaded: 1 card removed (Weapons)"


def test_added_cards_alone_are_not_a_reordering() -> None:
    new = _deck(_card("a", "A"), *OLD.cards, _card("b", "B"))
    assert describe_changes(OLD, new) == "Reloaded: 2 cards added (A, B)"


def test_reordered_cards() -> None:
    new = _deck(*reversed(OLD.cards))
    assert describe_changes(OLD, new) == "Reloaded: cards reordered"


def test_deck_details() -> None:
    new = OLD._replace(title="Renamed")
    assert describe_changes(OLD, new) == "Reloaded: deck details changed"


def test_many_titles_are_counted() -> None:
    old = _deck()
    new = _deck(*(_card(f"c{i}", f"C{i}") for i in range(5)))
    assert describe_changes(old, new) == "Reloaded: 5 cards added (C0, C1, C2 and 2 more)"
