"""Find cards by query: an inverted index per field, ranked by where a card matches.

Each field keeps its vocabulary sorted, with the cards of every word stored one
after another (a CSR layout), so the cards of all words with a given prefix are
one contiguous slice. Matching works on boolean arrays over the deck (NumPy), so
a keystroke costs a few vector operations, not a loop over cards.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from itertools import pairwise

import numpy as np

from briefing.core.model import Deck
from briefing.core.search.fields import RANKED_FIELDS
from briefing.core.search.matching import card_field_texts, term_pattern
from briefing.core.search.query import Query, Term, parse_query, words_of_folded
from briefing.core.slugs import fold

_LAST_CHAR = "\U0010ffff"
_CARD_BREAK = "BREAK"  # upper case never survives folding, so no card contains it
_CARDS_PER_CHUNK = 256


class _WordIds(dict[str, int]):
    """Numbers words in the order they are first seen."""

    def __missing__(self, word: str) -> int:
        number = self[word] = len(self)
        return number


class _FieldIndex:
    """One field of every card, indexed by word and by pair of adjacent words.

    Words are numbered in sorted order, so the words starting with a prefix are a
    range of numbers, and the pairs (first, second) with ``second`` in that range
    are a range of pair keys ``first * vocabulary_size + second``. Each posting is
    a key with one card holding it, sorted by key then card, so the cards of a
    range of keys are one slice.
    """

    def __init__(self, folded_texts: list[str]) -> None:
        self.texts = folded_texts  # to confirm phrases of three words or more
        size = len(folded_texts)
        numbers = _WordIds()
        numbers[_CARD_BREAK] = 0
        tokens = array("i")
        # A few hundred cards to one regex call: far fewer Python steps per word.
        for start in range(0, size, _CARDS_PER_CHUNK):
            chunk = f" {_CARD_BREAK} ".join(folded_texts[start : start + _CARDS_PER_CHUNK])
            tokens.extend(map(numbers.__getitem__, words_of_folded(chunk)))
            tokens.append(0)
        numbered = np.frombuffer(tokens, dtype=np.int32) if tokens else np.zeros(0, np.int32)
        is_break = numbered == 0
        card_of_token = np.cumsum(is_break)[~is_break]
        # Renumber the words (all but the break) in sorted order.
        first_seen = list(numbers)[1:]
        order = sorted(range(len(first_seen)), key=first_seen.__getitem__)
        self.vocabulary = [first_seen[i] for i in order]
        renumber = np.empty(len(order) + 1, dtype=np.int64)
        renumber[1:][order] = np.arange(len(order))
        word_of_token = renumber[numbered[~is_break]]
        self.word_keys, self.word_cards = _postings(word_of_token, card_of_token, size)
        same_card = card_of_token[:-1] == card_of_token[1:]
        pair_keys = word_of_token[:-1][same_card] * len(order) + word_of_token[1:][same_card]
        self.pair_keys, self.pair_cards = _postings(pair_keys, card_of_token[:-1][same_card], size)

    def word_range(self, word: str, prefix: bool) -> tuple[int, int]:
        """The numbers of ``word``, or with ``prefix`` of every word starting with it."""
        lo = bisect_left(self.vocabulary, word)
        if prefix:
            return lo, bisect_left(self.vocabulary, word + _LAST_CHAR, lo)
        found = lo < len(self.vocabulary) and self.vocabulary[lo] == word
        return lo, lo + found

    def cards_with(self, term: Term) -> np.ndarray:
        """Indices of the cards where ``term`` matches in this field (maybe repeated)."""
        words = term.words
        last = len(words) - 1
        ranges = [self.word_range(w, term.prefix and i == last) for i, w in enumerate(words)]
        if len(words) == 1:
            return _slice(self.word_keys, self.word_cards, *ranges[0])
        if any(lo >= hi for lo, hi in ranges):
            return self.word_cards[:0]
        size = len(self.vocabulary)
        candidates: np.ndarray | None = None
        for (first, _), (lo, hi) in pairwise(ranges):
            cards = _slice(self.pair_keys, self.pair_cards, first * size + lo, first * size + hi)
            candidates = cards if candidates is None else np.intersect1d(candidates, cards)
            if not len(candidates):
                break
        assert candidates is not None
        if len(words) > 2 and len(candidates):  # the pairs may stand apart: check
            pattern = term_pattern(term)
            kept = [i for i in np.unique(candidates).tolist() if pattern.search(self.texts[i])]
            candidates = np.array(kept, dtype=np.int64)
        return candidates


def _postings(keys: np.ndarray, cards: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Unique (key, card) postings, sorted by key then card, as two arrays."""
    combined = np.sort(keys * max(size, 1) + cards)
    if len(combined):  # drop repeats (np.unique hashes first, several times slower)
        combined = combined[np.concatenate(([True], combined[1:] != combined[:-1]))]
    return combined // max(size, 1), combined % max(size, 1)


def _slice(keys: np.ndarray, cards: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """The cards of the postings whose key is in ``[lo, hi)``."""
    if lo >= hi:
        return cards[:0]
    return cards[np.searchsorted(keys, lo) : np.searchsorted(keys, hi)]


class SearchIndex:
    """Built once per deck; ``search`` answers each keystroke."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self.size = len(deck.cards)
        texts = [card_field_texts(deck, card) for card in deck.cards]
        self.fields = {name: _FieldIndex([fold(t[name]) for t in texts]) for name in RANKED_FIELDS}

    def search(
        self, query: str | Query, flags: Mapping[str, Iterable[str]] | None = None
    ) -> list[int]:
        """Indices of the matching cards, best first.

        ``flags`` maps a flag name to card ids, for ``is:NAME`` (e.g. starred cards);
        an unknown flag matches nothing.
        """
        parsed = parse_query(query) if isinstance(query, str) else query
        matched = np.ones(self.size, dtype=bool)
        rank = np.full(self.size, len(RANKED_FIELDS), dtype=np.int8)
        for term in parsed.terms:
            by_field = self._term_masks(term)
            anywhere = np.logical_or.reduce(list(by_field.values()))
            if term.negated:
                matched &= ~anywhere
                continue
            matched &= anywhere
            for field in reversed(RANKED_FIELDS):
                if field in by_field:
                    rank[by_field[field]] = np.minimum(
                        rank[by_field[field]], RANKED_FIELDS.index(field)
                    )
        for flag in parsed.flags:
            matched &= self._flag_mask(set((flags or {}).get(flag, ())))
        hits = np.flatnonzero(matched)
        if parsed.positive_terms:
            hits = hits[np.argsort(rank[hits], kind="stable")]
        return hits.tolist()

    def matched_fields(self, card_index: int, query: str | Query) -> set[str]:
        """The fields of one card in which a (non-negated) term of ``query`` matches."""
        parsed = parse_query(query) if isinstance(query, str) else query
        found = set()
        for term in parsed.positive_terms:
            for field in (term.field,) if term.field else RANKED_FIELDS:
                if term_pattern(term).search(self.fields[field].texts[card_index]):
                    found.add(field)
        return found

    def _term_masks(self, term: Term) -> dict[str, np.ndarray]:
        fields = (term.field,) if term.field else RANKED_FIELDS
        return {field: self._field_mask(self.fields[field], term) for field in fields}

    def _field_mask(self, field: _FieldIndex, term: Term) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        mask[field.cards_with(term)] = True
        return mask

    def _flag_mask(self, card_ids: set[str]) -> np.ndarray:
        return np.fromiter((c.id in card_ids for c in self.deck.cards), bool, count=self.size)
