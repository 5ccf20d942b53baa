"""What changed between two versions of a deck, in one line for the window to show."""

from __future__ import annotations

from briefing.core.model import Card, Deck

_SHOWN_TITLES = 3  # card titles named per kind of change; more are counted only


def describe_changes(old: Deck, new: Deck) -> str:
    """E.g. "Reloaded: 1 card changed (Weapons), 1 added (Sanctions)"."""
    old_cards = {card.id: card for card in old.cards}
    new_cards = {card.id: card for card in new.cards}
    changed = [c for c in new.cards if c.id in old_cards and old_cards[c.id] != c]
    added = [c for c in new.cards if c.id not in old_cards]
    removed = [c for c in old.cards if c.id not in new_cards]
    parts: list[str] = []
    for cards, verb in ((changed, "changed"), (added, "added"), (removed, "removed")):
        if cards:
            count = f"{len(cards)} card{'s' if len(cards) != 1 else ''}" if not parts else ""
            parts.append(f"{count or len(cards)} {verb} ({_titles(cards)})")
    kept_old = [c.id for c in old.cards if c.id in new_cards]
    if kept_old != [c.id for c in new.cards if c.id in old_cards]:
        parts.append("cards reordered")
    if _details(old) != _details(new):
        parts.append("deck details changed")
    if not parts:
        return "Reloaded: no changes to the cards"
    return "Reloaded: " + ", ".join(parts)


def _titles(cards: list[Card]) -> str:
    shown = ", ".join(card.title or card.id for card in cards[:_SHOWN_TITLES])
    more = len(cards) - _SHOWN_TITLES
    return f"{shown} and {more} more" if more > 0 else shown


def _details(deck: Deck) -> tuple[object, ...]:
    """Everything about the deck but its cards."""
    return tuple(getattr(deck, name) for name in deck._fields if name != "cards")
