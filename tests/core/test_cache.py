"""Re-opening an unchanged deck comes from the cache; anything changed is read again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.core import cache as cache_module
from briefing.core import cache_folder, cache_format
from briefing.core.cache import DeckCache, default_cache_dir
from briefing.core.errors import DeckError
from briefing.core.loader import load_deck

CARD = "title: {title}\nheadline: h\nbody: b\n"


@pytest.fixture
def deck_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "deck.yaml").write_text("title: T\n", encoding="utf-8")
    (folder / "a.yaml").write_text(CARD.format(title="A"), encoding="utf-8")
    (folder / "b.yaml").write_text(CARD.format(title="B"), encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> DeckCache:
    return DeckCache(tmp_path / "cache")


def entry_names(cache: DeckCache) -> set[str]:
    return {path.name for path in cache.folder.iterdir()}


def write_deck_file(folder: Path, title: str) -> Path:
    path = folder / f"{title}.yaml"
    path.write_text(f"title: {title}\ncards:\n  - title: A\n    headline: h\n    body: b\n")
    return path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the loader parses (a cached open parses none)."""
    from briefing.core import deck_loaders

    seen: list[str] = []
    real = deck_loaders.parse

    def counting(text: str, shown_as: str, progress=None):
        seen.append(os.path.basename(shown_as))
        return real(text, shown_as, progress)

    monkeypatch.setattr(deck_loaders, "parse", counting)
    return seen


def test_reopening_an_unchanged_deck_parses_nothing(deck_folder, cache, parses):
    first = load_deck(deck_folder, cache=cache)
    parses.clear()
    again = load_deck(deck_folder, cache=cache)
    assert parses == []
    assert again == first


def test_cached_deck_shows_paths_as_given_this_time(deck_folder, cache, monkeypatch):
    load_deck(deck_folder, cache=cache)
    monkeypatch.chdir(deck_folder.parent)
    again = load_deck("deck", cache=cache)
    assert again.path == "deck"
    assert [c.file for c in again.cards] == [os.path.join("deck", n) for n in ("a.yaml", "b.yaml")]


def test_an_edited_card_is_read_again(deck_folder, cache):
    load_deck(deck_folder, cache=cache)
    (deck_folder / "a.yaml").write_text(CARD.format(title="A edited"), encoding="utf-8")
    assert load_deck(deck_folder, cache=cache).cards[0].title == "A edited"


def test_an_edit_of_the_same_size_is_caught_by_its_modification_time(deck_folder, cache):
    load_deck(deck_folder, cache=cache)
    path = deck_folder / "a.yaml"
    before = path.stat()
    path.write_text(CARD.format(title="Z"), encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000))
    assert load_deck(deck_folder, cache=cache).cards[0].title == "Z"


def test_added_and_removed_cards_are_seen(deck_folder, cache):
    load_deck(deck_folder, cache=cache)
    (deck_folder / "c.yaml").write_text(CARD.format(title="C"), encoding="utf-8")
    assert [c.id for c in load_deck(deck_folder, cache=cache).cards] == ["a", "b", "c"]
    (deck_folder / "a.yaml").unlink()
    assert [c.id for c in load_deck(deck_folder, cache=cache).cards] == ["b", "c"]


def test_a_deck_broken_since_it_was_cached_reports_its_problems(deck_folder, cache):
    load_deck(deck_folder, cache=cache)
    (deck_folder / "b.yaml").write_text("title: [\n", encoding="utf-8")
    with pytest.raises(DeckError):
        load_deck(deck_folder, cache=cache)


def test_a_changed_image_is_checked_again(tmp_path, cache):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
    (tmp_path / "map.png").write_bytes(png)
    deck_file = tmp_path / "brief.yaml"
    deck_file.write_text(
        "title: T\ncards:\n  - {title: A, headline: h, body: b, image: {path: map.png, alt: m}}\n",
        encoding="utf-8",
    )
    load_deck(deck_file, cache=cache)
    (tmp_path / "map.png").write_bytes(b"not a png at all")
    with pytest.raises(DeckError, match="is not a PNG file"):
        load_deck(deck_file, cache=cache)


def test_a_corrupt_cache_entry_is_ignored_and_rewritten(deck_folder, cache, parses):
    load_deck(deck_folder, cache=cache)
    (entry,) = cache.folder.iterdir()
    entry.write_bytes(b"\x00garbage")
    parses.clear()
    assert [c.id for c in load_deck(deck_folder, cache=cache).cards] == ["a", "b"]
    assert parses  # read again
    parses.clear()
    load_deck(deck_folder, cache=cache)
    assert parses == []  # and cached again


def test_an_entry_from_another_version_is_ignored(deck_folder, cache, parses, monkeypatch):
    load_deck(deck_folder, cache=cache)
    monkeypatch.setattr(cache_format, "FORMAT", "briefing-deck-cache/1 9.9.9")
    parses.clear()
    load_deck(deck_folder, cache=cache)
    assert parses


def test_two_decks_sharing_an_entry_name_never_read_each_others(tmp_path, cache, monkeypatch):
    first, second = write_deck_file(tmp_path, "First"), write_deck_file(tmp_path, "Second")
    monkeypatch.setattr(cache_module, "entry_name", lambda real: "0123456789abcdef.cache")
    load_deck(first, cache=cache)
    assert cache.get(str(second)) is None
    assert load_deck(second, cache=cache).title == "Second"
    assert cache.get(str(first)) is None  # the entry is the second deck's now
    assert cache.get(str(second)).title == "Second"


def test_an_unwritable_cache_folder_only_costs_speed(deck_folder, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    unwritable = DeckCache(blocked / "cache")
    assert [c.id for c in load_deck(deck_folder, cache=unwritable).cards] == ["a", "b"]


def test_deleting_the_cache_folder_is_safe(deck_folder, cache):
    load_deck(deck_folder, cache=cache)
    for entry in cache.folder.iterdir():
        entry.unlink()
    cache.folder.rmdir()
    assert [c.id for c in load_deck(deck_folder, cache=cache).cards] == ["a", "b"]


def test_nothing_is_written_beside_the_deck(deck_folder, cache):
    before = sorted(p.name for p in deck_folder.iterdir())
    load_deck(deck_folder, cache=cache)
    load_deck(deck_folder, cache=cache)
    assert sorted(p.name for p in deck_folder.iterdir()) == before


def test_folder_deck_opened_through_its_deck_yaml_notices_card_edits(deck_folder, cache):
    load_deck(deck_folder / "deck.yaml", cache=cache)
    (deck_folder / "b.yaml").write_text(CARD.format(title="B edited"), encoding="utf-8")
    assert load_deck(deck_folder / "deck.yaml", cache=cache).cards[1].title == "B edited"


def test_cache_folder_follows_the_platform_convention(monkeypatch, tmp_path):
    monkeypatch.delenv("BRIEFING_CACHE_DIR", raising=False)
    monkeypatch.setattr(cache_module.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "briefing"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"


def test_caching_a_deck_clears_what_older_versions_and_crashes_left(tmp_path, cache):
    cache.folder.mkdir()
    older = cache.folder / ("0123456789abcdef" * 2 + ".cache")  # an earlier layout's name
    crashed = cache.folder / ".tmp-k3j2h1.cache"  # a write a crash cut short, long ago
    writing = cache.folder / ".tmp-a1b2c3.cache"  # another Briefing writing right now
    not_ours = cache.folder / "notes.txt"
    for path in (older, crashed, writing, not_ours):
        path.write_bytes(b"x" * 100)
    long_ago = os.stat(crashed).st_mtime - 2 * 3600
    os.utime(crashed, (long_ago, long_ago))

    load_deck(write_deck_file(tmp_path, "Deck"), cache=cache)

    left = entry_names(cache)
    assert older.name not in left and crashed.name not in left
    assert {writing.name, not_ours.name} <= left
    assert len(left) == 3  # and the new entry


def test_the_cache_keeps_the_decks_used_last_within_its_size(tmp_path, cache, monkeypatch):
    first, second, third = (
        write_deck_file(tmp_path, name) for name in ("First", "Second", "Third")
    )
    load_deck(first, cache=cache)
    entry_size = next(cache.folder.iterdir()).stat().st_size
    monkeypatch.setattr(cache_folder, "MAX_BYTES", entry_size * 2 + entry_size // 2)
    load_deck(second, cache=cache)
    for path in cache.folder.iterdir():  # both written a while ago
        os.utime(path, (1_000_000, 1_000_000))
    assert cache.get(str(first)) is not None  # the first one is read again: used last

    load_deck(third, cache=cache)  # room for two

    assert cache.get(str(first)) is not None
    assert cache.get(str(third)) is not None
    assert cache.get(str(second)) is None  # the one used least recently made room


def test_a_deck_larger_than_the_whole_cache_is_still_cached(tmp_path, cache, monkeypatch, parses):
    monkeypatch.setattr(cache_folder, "MAX_BYTES", 10)
    deck = write_deck_file(tmp_path, "Big")
    load_deck(deck, cache=cache)
    parses.clear()
    load_deck(deck, cache=cache)
    assert parses == []


SINGLE = "title: {title}\ncards:\n  - {{title: A, headline: h, body: b}}\n"


@pytest.mark.parametrize("time_put_back", [False, True], ids=["new-time", "time-put-back"])
def test_a_single_file_deck_edited_without_changing_its_size_is_never_served_stale(
    tmp_path, cache, time_put_back
):
    deck = tmp_path / "brief.yaml"
    deck.write_text(SINGLE.format(title="Before"), encoding="utf-8")
    before = deck.stat()
    load_deck(deck, cache=cache)
    deck.write_text(SINGLE.format(title="Edited"), encoding="utf-8")
    if time_put_back:  # as tar, unzip and cp -p do
        os.utime(deck, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (deck.stat().st_size, deck.stat().st_mtime_ns == before.st_mtime_ns) == (
        before.st_size,
        time_put_back,
    )
    assert load_deck(deck, cache=cache).title == "Edited"


def test_a_card_edited_without_changing_its_size_or_time_is_read_again(deck_folder, cache):
    load_deck(deck_folder, cache=cache)
    path = deck_folder / "a.yaml"
    before = path.stat()
    path.write_text(CARD.format(title="Z"), encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert load_deck(deck_folder, cache=cache).cards[0].title == "Z"


def test_a_deck_file_replaced_by_a_copy_of_the_same_size_and_time_is_read_again(tmp_path, cache):
    deck = tmp_path / "brief.yaml"
    deck.write_text(SINGLE.format(title="Before"), encoding="utf-8")
    load_deck(deck, cache=cache)
    copy = tmp_path / "copy.yaml"  # cp -p, then mv over the deck
    copy.write_text(SINGLE.format(title="Copied"), encoding="utf-8")
    before = deck.stat()
    os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(copy, deck)
    assert load_deck(deck, cache=cache).title == "Copied"


def test_a_deck_with_images_quotes_figures_and_sources_comes_back_the_same(tmp_path, cache, parses):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    deck = tmp_path / "brief.yaml"
    deck.write_text(
        "title: T\nsubtitle: S\ndate: 2026-01-02\nauthor: Ø\nmarking: M\n"
        "sources: [{id: s1, title: One, publisher: P, date: '2025', url: 'https://x'}]\n"
        "cards:\n"
        "  - {title: A, headline: h, body: '- *b*', notes: n, tags: [x, 'y z'], sources: [s1],\n"
        "     figure: {value: '3', label: l}, image: {path: maps/map.png, alt: a},\n"
        "     quotes: [{text: q, by: w, source: s1}, {text: r, by: v}]}\n"
        "  - {title: B, headline: h, body: b, figure: {value: '4'}}\n",
        encoding="utf-8",
    )
    first = load_deck(deck, cache=cache)
    parses.clear()
    again = load_deck(deck, cache=cache)
    assert parses == []
    assert again == first
    assert again.cards[0].image.path == tmp_path.resolve() / "maps" / "map.png"


def test_a_card_with_an_empty_tag_keeps_it_when_reopened(tmp_path, cache):
    deck = tmp_path / "brief.yaml"
    deck.write_text("title: T\ncards:\n  - {title: A, headline: h, body: b, tags: ['']}\n")
    load_deck(deck, cache=cache)
    assert load_deck(deck, cache=cache).cards[0].tags == ("",)


def test_a_card_edited_while_the_deck_is_read_is_read_again_next_time(
    deck_folder, cache, monkeypatch
):
    from briefing.core import deck_loaders

    real = deck_loaders.parse

    def edit_a_card_already_read(text: str, shown_as: str, progress=None):
        if shown_as.endswith("b.yaml"):  # a.yaml was read before this
            (deck_folder / "a.yaml").write_text(CARD.format(title="A edited"), encoding="utf-8")
        return real(text, shown_as, progress)

    monkeypatch.setattr(deck_loaders, "parse", edit_a_card_already_read)
    assert load_deck(deck_folder, cache=cache).cards[0].title == "A"  # as it was read
    monkeypatch.setattr(deck_loaders, "parse", real)
    assert load_deck(deck_folder, cache=cache).cards[0].title == "A edited"
