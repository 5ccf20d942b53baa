"""A cache entry is never trusted: crafted, corrupt, forged or odd entries, and odd cache
folders, never crash, hang or show anything the deck does not hold; the deck is read from
its files instead. Hostile files are made here, at test time.

Whatever could crash or hang the interpreter (marshal on crafted bytes, a pipe, a device)
runs in a child process with a time limit, so a crash fails the test rather than pytest.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from briefing.core import cache_format
from briefing.core.cache import DeckCache
from briefing.core.errors import DeckError
from briefing.core.loader import load_deck

DECK = (
    "title: Original Title\n"
    "sources: [{id: report, title: Report}]\n"
    "cards:\n"
    "  - {id: first, title: First Card, headline: Original headline, body: Original body,\n"
    "     figure: {value: '42', label: things}, tags: [alpha, beta], sources: [report],\n"
    "     quotes: [{text: Said, by: Someone, source: report}]}\n"
    "  - {id: second, title: Second Card, headline: Another headline, body: More text}\n"
)


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "deck" / "brief.yaml"
    path.parent.mkdir()
    path.write_text(DECK, encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path) -> DeckCache:
    return DeckCache(tmp_path / "cache")


def cached(cache: DeckCache, deck: Path) -> Path:
    """Open ``deck`` once, so its entry is written; the entry's path."""
    load_deck(deck, cache=cache)
    (entry,) = cache.folder.iterdir()
    return entry


# Opens the deck twice, as two starts of the app would, and says what each showed.
_TWO_STARTS = """
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # a device read whole: MemoryError
from briefing.core.cache import DeckCache
from briefing.core.loader import load_deck
cache = DeckCache(Path(sys.argv[1]))
shown = []
for start in range(2):
    deck = load_deck(sys.argv[2], cache=cache)
    shown.append([deck.title, *[(c.title, c.headline, c.body) for c in deck.cards]])
print(json.dumps(shown))
"""


def two_starts(cache: DeckCache, deck: Path) -> list[list[object]]:
    """What two starts show, each in a child process that must end well within 20 s."""
    done = subprocess.run(
        [sys.executable, "-c", _TWO_STARTS, str(cache.folder), str(deck)],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert done.returncode == 0, f"exit status {done.returncode}: {done.stderr[-2000:]}"
    return json.loads(done.stdout)


def shown_fresh(deck: Path) -> list[object]:
    fresh = load_deck(deck)
    return [fresh.title, *[[c.title, c.headline, c.body] for c in fresh.cards]]


# Thirteen bytes that make marshal.loads dereference a tuple it has not filled in yet.
MARSHAL_CRASH = b"\xa9\x01<\x01\x00\x00\x00r\x00\x00\x00\x00\x00"


@pytest.mark.parametrize(
    "craft",
    [
        pytest.param(lambda real: MARSHAL_CRASH, id="marshal-crash"),
        pytest.param(lambda real: real[: len(real) // 2], id="truncated"),
        pytest.param(lambda real: real[:40], id="cut-in-header"),
        pytest.param(lambda real: b"", id="empty"),
        pytest.param(lambda real: real + b"\x00trailing", id="trailing"),
        pytest.param(lambda real: os.urandom(4096), id="random"),
    ],
)
def test_a_crafted_entry_never_crashes_and_the_deck_is_read_from_its_files(deck, cache, craft):
    entry = cached(cache, deck)
    entry.write_bytes(craft(entry.read_bytes()))
    assert two_starts(cache, deck) == [shown_fresh(deck)] * 2
    assert cache.get(str(deck)) is not None  # removed, and written again


def test_bit_flips_in_an_entry_never_show_altered_text_nor_crash(deck, cache):
    """A few hundred random flips of one to three bits, each read as a start would."""
    entry = cached(cache, deck)
    code = """
import json, random, sys
from pathlib import Path
from briefing.core.cache import DeckCache
from briefing.core.loader import load_deck
cache, entry, deck = DeckCache(Path(sys.argv[1])), Path(sys.argv[2]), sys.argv[3]
original, fresh = entry.read_bytes(), load_deck(deck)
rng = random.Random(12)
altered = missed = 0
for _ in range(300):
    data = bytearray(original)
    for _ in range(rng.randint(1, 3)):
        bit = rng.randrange(len(data) * 8)
        data[bit // 8] ^= 1 << bit % 8
    entry.write_bytes(bytes(data))
    got = cache.get(deck)
    altered += got is not None and got != fresh
    missed += got is None
print(json.dumps([altered, missed]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code, str(cache.folder), str(entry), str(deck)],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    altered, missed = json.loads(done.stdout)
    assert altered == 0
    assert missed > 250  # nearly every flip is caught, not just harmless


def test_an_entry_with_its_text_rewritten_shows_the_deck_as_it_is(deck, cache):
    entry = cached(cache, deck)
    data = entry.read_bytes()
    assert data.count(b"Original Title") == 1
    entry.write_bytes(data.replace(b"Original Title", b"Injected Title"))
    assert load_deck(deck, cache=cache).title == "Original Title"


def test_an_entry_that_is_a_named_pipe_never_blocks_a_start(deck, cache):
    entry = cached(cache, deck)
    entry.unlink()
    os.mkfifo(entry)
    assert two_starts(cache, deck) == [shown_fresh(deck)] * 2
    assert stat.S_ISFIFO(entry.lstat().st_mode)  # not ours to remove or write over


@pytest.mark.parametrize("target", ["/dev/zero", "outside.txt"])
def test_an_entry_that_is_a_link_is_neither_read_nor_written_through(deck, cache, tmp_path, target):
    entry = cached(cache, deck)
    if target == "outside.txt":  # an entry with a good checksum, elsewhere
        target = str(tmp_path / target)
        forge(entry, lambda fields: fields.__setitem__(4, "Injected Title"))
        os.replace(entry, target)
    entry.unlink(missing_ok=True)
    entry.symlink_to(target)
    before = os.stat(target)
    assert two_starts(cache, deck) == [shown_fresh(deck)] * 2
    assert os.readlink(entry) == target
    after = os.stat(target)
    assert (after.st_mode, after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_mode,
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )


@pytest.mark.parametrize("target", ["/dev/zero", "elsewhere"])
def test_a_cache_folder_that_is_a_link_is_never_written_through(deck, tmp_path, target):
    if target == "elsewhere":
        target = str(tmp_path / target)
        os.mkdir(target)
    folder = tmp_path / "linked-cache"
    folder.symlink_to(target)
    before = sorted(os.listdir(target)) if os.path.isdir(target) else None
    assert load_deck(deck, cache=DeckCache(folder)).title == "Original Title"
    assert (sorted(os.listdir(target)) if os.path.isdir(target) else None) == before
    assert stat.S_ISCHR(os.stat("/dev/zero").st_mode)


def test_an_entry_larger_than_any_entry_is_removed_unread(deck, cache):
    entry = cached(cache, deck)
    os.truncate(entry, 5 << 30)  # 5 GB, sparse: nothing to read but zeros
    assert two_starts(cache, deck) == [shown_fresh(deck)] * 2
    assert entry.stat().st_size < 1 << 20  # removed, and written again


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_an_entry_owned_by_someone_else_is_never_read(deck, cache):
    entry = cached(cache, deck)
    os.chown(entry, 12345, 12345)
    assert cache.get(str(deck)) is None
    assert entry.exists()  # not ours to remove either


def test_an_image_swapped_for_a_link_to_an_outside_copy_is_checked_again(tmp_path, cache):
    """Same size, same modification time (cp -p), but a link out of the deck folder."""
    folder = tmp_path / "deck"
    folder.mkdir()
    image = folder / "map.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    deck = folder / "brief.yaml"
    deck.write_text(
        "title: T\ncards:\n  - {title: A, headline: h, body: b, image: {path: map.png, alt: m}}\n",
        encoding="utf-8",
    )
    load_deck(deck, cache=cache)
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\xff" * 16)
    before = image.stat()
    os.utime(secret, ns=(before.st_atime_ns, before.st_mtime_ns))
    image.unlink()
    image.symlink_to(secret)
    with pytest.raises(DeckError, match="outside the deck folder"):
        load_deck(deck, cache=cache)


# -- entries forged with a valid checksum, by someone who knows the layout ----------------


def forge(entry: Path, edit) -> None:
    """Rewrite the entry's fields with ``edit(fields)``, and seal it with a good checksum."""
    first, _, payload = entry.read_bytes().split(b"\n", 2)
    assert cache_format.ITEM == ITEM
    fields = payload.decode("utf-8").split(cache_format.FIELD)
    edit(fields)
    payload = cache_format.FIELD.join(fields).encode("utf-8")
    entry.write_bytes(b"%s\n%08x\n%s" % (first, zlib.crc32(payload), payload))


ITEM = "\x01"  # between the items of a field, as the layout marks them


def card_field(column: str) -> int:
    """Where the first card's ``column`` is among the entry's fields."""
    return cache_format.HEADER_FIELDS + cache_format.COLUMNS.index(column)


def _set(column: str, value: str):
    def edit(fields: list[str]) -> None:
        fields[card_field(column)] = value

    return edit


def _identity(path: Path) -> str:
    info = os.lstat(path)
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}"


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda fields: fields.pop(), id="a-field-short"),
        pytest.param(lambda fields: fields.extend([""] * 3), id="fields-left-over"),
        pytest.param(_set("quotes", f"Said{ITEM}Someone"), id="quote-of-two"),
        pytest.param(_set("sources", "unknown"), id="undeclared-source"),
        pytest.param(_set("quotes", f"a{ITEM}b{ITEM}unknown"), id="undeclared-quote-source"),
        pytest.param(_set("id", "second"), id="duplicate-id"),
        pytest.param(_set("id", "Not A Slug"), id="id-not-a-slug"),
        pytest.param(_set("file", "other.yaml"), id="card-from-another-file"),
        pytest.param(_set("image", f"map.png{ITEM}alt"), id="image-not-checked"),
        pytest.param(lambda fields: fields.__setitem__(1, "/"), id="read-from-elsewhere"),
    ],
)
def test_a_forged_entry_of_the_wrong_shape_is_removed(deck, cache, edit):
    entry = cached(cache, deck)
    forge(entry, edit)
    assert cache.get(str(deck)) is None
    assert not entry.exists()
    assert load_deck(deck, cache=cache).title == "Original Title"


@pytest.mark.parametrize(
    "written", ["../secret.png", "/abs/secret.png", "link/secret.png", "secret-link.png"]
)
def test_a_forged_entry_never_shows_an_image_outside_the_deck(deck, cache, tmp_path, written):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    (deck.parent / "link").symlink_to(tmp_path)
    (deck.parent / "secret-link.png").symlink_to(secret)
    entry = cached(cache, deck)
    identity = _identity(secret)

    def edit(fields: list[str]) -> None:
        fields[3] = f"{written}{ITEM}{identity}"
        fields[card_field("image")] = f"{written}{ITEM}alt"

    forge(entry, edit)
    got = cache.get(str(deck))
    assert got is None or all(c.image is None for c in got.cards)
    if written.startswith(("/", "..")):  # a path no deck may name: no entry Briefing writes
        assert not entry.exists()
    assert all(c.image is None for c in load_deck(deck, cache=cache).cards)
