"""Load a deck (a folder or a single file) into the model, checking every rule.

``load_deck`` either returns a ``Deck`` or raises ``DeckError`` listing every
problem found, each as ``PATH:LINE:COLUMN: message``. It never raises anything
else for any input, reads nothing outside the deck folder and fetches nothing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.cache import DeckCache
from briefing.core.collector import collector_paused
from briefing.core.errors import DeckError, Problem, quoted, shown_name
from briefing.core.fields import (
    CARD,
    DECK_FILE,
    DECK_FOLDER,
    FIGURE,
    IMAGE,
    QUOTE,
    SOURCE,
    FieldSet,
)
from briefing.core.files import (
    DECK_FILE_NAME,
    IMAGE_SIGNATURES,
    MAX_IMAGE_BYTES,
    describe_os_error,
    is_deck_file,
    is_inside,
    open_regular,
    resolved,
)
from briefing.core.image_check import check_image_file
from briefing.core.markdown_budget import markdown_cost
from briefing.core.model import Card, Deck, Figure, Image, Quote, Source
from briefing.core.problem_caps import Kind, ProblemCaps
from briefing.core.slugs import SLUG, Suggestions, derived_id, slugify
from briefing.core.yaml_nodes import (
    Mapping,
    Node,
    Progress,
    Scalar,
    Sequence,
    YamlFileError,
    parse,
    read_text,
)

MAX_PROBLEMS = 1000
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Mistakes a deck can make thousands of times: each kind is listed MAX_PER_KIND times.
UNKNOWN_KEY = Kind("unknown key", "unknown keys")
UNDECLARED_SOURCE = Kind("undeclared source", "undeclared sources")
UNKNOWN_ORDER_ID = Kind("unknown id in 'order'", "unknown ids in 'order'")
REPEATED_ORDER_ID = Kind("id named twice in 'order'", "ids named twice in 'order'")
UNORDERED_CARD = Kind("card missing from 'order'", "cards missing from 'order'")
CLASHING_ID = Kind("clashing card id", "clashing card ids")


def load_deck(
    path: str | os.PathLike[str],
    cache: DeckCache | None = None,
    progress: Progress | None = None,
) -> Deck:
    """Load the deck at ``path`` (a folder with deck.yaml, or one YAML file).

    With a ``cache``, an unchanged deck comes from it, and a loaded one goes into it.
    ``progress(done, total)`` is called as files (folder) or cards (single file) are
    read; an exception it raises (``LoadCancelled``) stops the load and propagates.
    """
    shown = os.fspath(path)
    if not shown:
        raise DeckError([Problem(shown, 1, 1, "no deck path given")])
    with collector_paused():
        return _load(shown, cache, progress)


def _load(shown: str, cache: DeckCache | None, progress: Progress | None) -> Deck:
    cached = cache.get(shown) if cache is not None else None
    if cached is not None:
        return cached
    try:
        loader: _FolderLoader | _FileLoader = (
            _FolderLoader(shown, progress) if os.path.isdir(shown) else _FileLoader(shown, progress)
        )
        deck = loader.load()
    except DeckError as e:
        if len(e.problems) <= MAX_PROBLEMS:
            raise
        listed = e.problems[:MAX_PROBLEMS]
        rest = len(e.problems) - MAX_PROBLEMS
        last = listed[-1]  # same place as the last one listed, so it sorts after it
        more = Problem(last.path, last.line, last.column, f"{rest:,} more problems after this")
        raise DeckError([*listed, more]) from None
    except (OSError, ValueError, RuntimeError) as e:  # a vanished folder, a link loop
        raise DeckError([Problem(shown, 1, 1, f"cannot open deck: {e}")]) from None
    if cache is not None:
        cache.put(shown, deck)
    return deck


@dataclass
class _Report:
    """What one load finds wrong: every problem, a capped number of each kind, and
    suggestions within a budget of work."""

    problems: list[Problem] = field(default_factory=list)
    caps: ProblemCaps = field(default_factory=ProblemCaps)
    suggestions: Suggestions = field(default_factory=Suggestions)

    def error(self) -> DeckError:
        return DeckError([*self.problems, *self.caps.summaries()])


@dataclass
class _ReadCard:
    """A card and the nodes that the deck-wide checks point at."""

    card: Card
    id_node: Node
    source_refs: list[Scalar]  # every source id the card or its quotes name
    reader: _Reader


class _Reader:
    """Turns one file's nodes into model values, collecting problems."""

    def __init__(self, shown_as: str, folder: Path, report: _Report) -> None:
        self.shown_as = shown_as
        self.folder = folder  # resolved deck folder: images must stay inside it
        self.report = report
        self.source_refs: list[Scalar] = []  # of the card being read

    def problem(self, node: Node, message: str) -> None:
        self.report.problems.append(Problem(self.shown_as, node.line, node.column, message))

    def lists(self, kind: Kind, node: Node) -> bool:
        """Whether a problem of ``kind`` at ``node`` is listed (else only counted)."""
        return self.report.caps.admit(kind, self.shown_as, node.line, node.column)

    def did_you_mean(self, word: str, choices: tuple[str, ...]) -> str:
        close = self.report.suggestions.closest(word, choices)
        return f"; did you mean {quoted(close)}?" if close else ""

    def mapping(self, node: Node, fields: FieldSet) -> dict[str, Node] | None:
        """The mapping's values by key, after checking keys against ``fields``."""
        if type(node) is not Mapping:
            self.problem(node, f"{fields.what} must be a mapping of keys, not {_a(node)}")
            return None
        values: dict[str, Node] = {}
        for key, value in node.pairs:
            if key.text in fields.allowed:
                values[key.text] = value
                continue
            if self.lists(UNKNOWN_KEY, key):
                hint = fields.misplaced.get(key.text) or self.did_you_mean(key.text, fields.allowed)
                hint = hint or f" (allowed: {', '.join(fields.allowed)})"
                self.problem(key, f"{quoted(key.text)} is not {fields.a_key}{hint}")
        for name in fields.required:
            given = values.get(name)
            if given is None:
                self.problem(node, f"{fields.what} has no {quoted(name)} (required)")
            elif type(given) is Scalar and (given.is_null or not given.text.strip()):
                self.problem(given, f"{quoted(name)} is empty (required)")
                del values[name]
        return values

    def text(self, values: dict[str, Node], name: str) -> str:
        node = values.get(name)
        if node is None:
            return ""
        if type(node) is not Scalar:
            self.problem(node, f"{quoted(name)} must be text, not {_a(node)}")
            return ""
        if node.is_null:
            return ""
        return node.text

    def markdown(self, values: dict[str, Node], name: str) -> str:
        """Text that is laid out as Markdown, refused if that would cost too much."""
        written = self.text(values, name)
        too_costly = markdown_cost(written) if written else None
        if too_costly is not None:
            self.problem(values[name], f"{quoted(name)} {too_costly}")
        return written

    def items(self, values: dict[str, Node], name: str) -> list[Node]:
        node = values.get(name)
        if node is None or (type(node) is Scalar and node.is_null):
            return []
        if type(node) is not Sequence:
            self.problem(node, f"{quoted(name)} must be a list, not {_a(node)}")
            return []
        return node.items

    def texts(self, values: dict[str, Node], name: str) -> list[Scalar]:
        """A list of texts, e.g. tags or source ids; non-text items are reported."""
        found = []
        for item in self.items(values, name):
            if type(item) is Scalar and not item.is_null:
                found.append(item)
            else:
                self.problem(item, f"each item of {quoted(name)} must be text, not {_a(item)}")
        return found

    def date(self, values: dict[str, Node], name: str) -> str:
        written = self.text(values, name)
        match = _ISO_DATE.fullmatch(written)
        if match and not _is_real_date(*(int(g) for g in match.groups())):
            self.problem(values[name], f"{quoted(written)} is not a real date (write YYYY-MM-DD)")
        return written

    # -- deck metadata -------------------------------------------------------

    def deck_metadata(self, values: dict[str, Node]) -> dict[str, object]:
        sources: list[Source] = []
        seen: set[str] = set()
        for item in self.items(values, "sources"):
            source = self.source(item)
            if source is None:
                continue
            if source.id in seen:
                self.problem(item, f"source id {quoted(source.id)} is declared twice")
            seen.add(source.id)
            sources.append(source)
        return {
            "title": self.text(values, "title"),
            "subtitle": self.text(values, "subtitle"),
            "date": self.date(values, "date"),
            "author": self.text(values, "author"),
            "marking": self.text(values, "marking"),
            "sources": tuple(sources),
        }

    def source(self, node: Node) -> Source | None:
        values = self.mapping(node, SOURCE)
        if values is None:
            return None
        source_id = self.slug(values, "id")
        fields = Source(
            id=source_id,
            title=self.text(values, "title"),
            publisher=self.text(values, "publisher"),
            date=self.date(values, "date"),
            url=self.text(values, "url"),
        )
        return fields if source_id else None

    def slug(self, values: dict[str, Node], name: str) -> str:
        written = self.text(values, name)
        if written and not SLUG.fullmatch(written):
            self.problem(
                values[name],
                f"{quoted(written)} is not a valid id: use lower-case letters, digits and '-' "
                f"(e.g. '{slugify(written) or 'my-id'}')",
            )
            return ""
        return written

    # -- cards ---------------------------------------------------------------

    def card(self, node: Node, default_id: str) -> _ReadCard | None:
        values = self.mapping(node, CARD)
        if values is None:
            return None
        self.source_refs = []
        title = self.text(values, "title")
        card_id = self.slug(values, "id") if "id" in values else default_id or derived_id(title)
        source_nodes = self.texts(values, "sources")
        card = Card(
            id=card_id,
            title=title,
            headline=self.text(values, "headline"),
            body=self.markdown(values, "body"),
            figure=self.figure(values.get("figure")),
            quotes=tuple(q for item in self.items(values, "quotes") if (q := self.quote(item))),
            image=self.image(values.get("image")),
            notes=self.markdown(values, "notes"),
            tags=tuple(t.text for t in self.texts(values, "tags")),
            sources=tuple(s.text for s in source_nodes),
            file=self.shown_as,
        )
        refs = [*source_nodes, *self.source_refs]
        return _ReadCard(card, values.get("id", node), refs, self)

    def figure(self, node: Node | None) -> Figure | None:
        if node is None or (type(node) is Scalar and node.is_null):
            return None
        values = self.mapping(node, FIGURE)
        if values is None:
            return None
        return Figure(value=self.text(values, "value"), label=self.text(values, "label"))

    def quote(self, node: Node) -> Quote | None:
        values = self.mapping(node, QUOTE)
        if values is None:
            return None
        source = values.get("source")
        if type(source) is Scalar and not source.is_null:
            self.source_refs.append(source)
        return Quote(
            text=self.text(values, "text"),
            by=self.text(values, "by"),
            source=self.text(values, "source"),
        )

    def image(self, node: Node | None) -> Image | None:
        if node is None or (type(node) is Scalar and node.is_null):
            return None
        values = self.mapping(node, IMAGE)
        if values is None or "path" not in values:
            return None
        written = self.text(values, "path")
        resolved = self.image_file(values["path"], written) if written else None
        return Image(path=resolved, alt=self.text(values, "alt")) if resolved else None

    def image_file(self, node: Node, written: str) -> Path | None:
        suffix = os.path.splitext(written)[1].lower()
        if suffix not in IMAGE_SIGNATURES:
            self.problem(node, f"image {quoted(written)} must be a PNG, JPEG or SVG file")
            return None
        if os.path.isabs(written) or written.startswith(("\\", "~")) or ":" in written:
            self.problem(
                node, f"image {quoted(written)} must be a path relative to the deck folder"
            )
            return None
        target = resolved(self.folder / written)
        if target is None:
            self.problem(node, f"image {quoted(written)} is not a usable path")
            return None
        if not target.is_relative_to(self.folder):
            self.problem(
                node, f"image {quoted(written)} is outside the deck folder; it is not read"
            )
            return None
        try:
            with open_regular(target) as f:
                if os.fstat(f.fileno()).st_size > MAX_IMAGE_BYTES:
                    self.problem(node, f"image {quoted(written)} is larger than 20 MB")
                    return None
                refusal = check_image_file(suffix, f)
        except FileNotFoundError:
            self.problem(node, f"image {quoted(written)} does not exist")
            return None
        except OSError as e:
            self.problem(node, f"image {quoted(written)}: {describe_os_error(e)}")
            return None
        if refusal is None:
            return target
        if not refusal.line:
            self.problem(node, f"image {quoted(written)} {refusal.message}")
            return None
        # Inside an SVG: located there, once however many cards show it.
        shown = os.path.join(os.path.dirname(self.shown_as), written)
        problem = Problem(shown, refusal.line, refusal.column, refusal.message)
        if problem not in self.report.problems:
            self.report.problems.append(problem)
        return None


def _a(node: Node) -> str:
    return {"text": "text", "list": "a list", "mapping": "a mapping"}[node.kind]


def _some(names: tuple[str, ...], shown: int = 10) -> str:
    """``names`` joined by commas, the first few of a long list."""
    if len(names) <= shown:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown:,} more"


def _is_real_date(year: int, month: int, day: int) -> bool:
    import datetime

    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


class _DeckLoader:
    """What folder and single-file decks share: reading files, cross-checks."""

    def __init__(self, shown: str, progress: Progress | None = None) -> None:
        self.shown = shown
        self.progress = progress
        self.report = _Report()
        self.problems = self.report.problems
        self.reported = (0, 0)

    def pass_progress(self, done: int, total: int) -> None:
        """Pass on progress; the caller's callback may raise to stop the load."""
        if self.progress is not None:
            self.reported = (done, total)
            self.progress(done, total)

    def still_wanted(self) -> None:
        """A chance for the caller to stop the load (its progress callback raises) in the
        passes over cards, ids and sources too, not only as files are read."""
        if self.progress is not None:
            self.progress(*self.reported)

    def read(self, path: Path, shown_as: str, progress: Progress | None = None) -> Node | None:
        try:
            root, problems = parse(read_text(path, shown_as), shown_as, progress)
        except YamlFileError as e:
            self.problems.append(e.problem)
            return None
        self.problems.extend(problems)
        if root is None:
            self.problems.append(Problem(shown_as, 1, 1, "file is empty"))
        return root

    def finish(
        self,
        reader: _Reader,
        metadata: dict[str, Node] | None,
        cards: list[_ReadCard],
        folder: Path,
    ) -> Deck:
        if metadata is None:
            raise self.report.error()
        meta = reader.deck_metadata(metadata)
        sources: tuple[Source, ...] = meta["sources"]  # type: ignore[assignment]
        self.check_unique_ids(cards)
        self.check_sources(cards, {s.id for s in sources})
        ordered = self.ordered(reader, metadata, [c.card for c in cards])
        if self.problems:
            raise self.report.error()
        return Deck(
            title=meta["title"],  # type: ignore[arg-type]
            subtitle=meta["subtitle"],  # type: ignore[arg-type]
            date=meta["date"],  # type: ignore[arg-type]
            author=meta["author"],  # type: ignore[arg-type]
            marking=meta["marking"],  # type: ignore[arg-type]
            sources=sources,
            cards=tuple(ordered),
            path=self.shown,
            folder=folder,
        )

    def check_unique_ids(self, cards: list[_ReadCard]) -> None:
        first: dict[str, _ReadCard] = {}
        for read in cards:
            self.still_wanted()
            card_id = read.card.id
            if not card_id:
                continue
            other = first.setdefault(card_id, read)
            if other is not read and read.reader.lists(CLASHING_ID, read.id_node):
                read.reader.problem(
                    read.id_node,
                    f"card id {quoted(card_id)} is also used by the card at "
                    f"{shown_name(other.card.file)}:{other.id_node.line}:{other.id_node.column}",
                )

    def check_sources(self, cards: list[_ReadCard], declared: set[str]) -> None:
        names = tuple(sorted(declared))
        for read in cards:
            self.still_wanted()
            for node in read.source_refs:
                if node.text in declared or not read.reader.lists(UNDECLARED_SOURCE, node):
                    continue
                hint = (
                    read.reader.did_you_mean(node.text, names)
                    or (f" (declared: {_some(names)})" if names else "")
                    or " (the deck declares no sources)"
                )
                read.reader.problem(
                    node, f"source {quoted(node.text)} is not declared in the deck{hint}"
                )

    def ordered(
        self, reader: _Reader, metadata: dict[str, Node], in_file_order: list[Card]
    ) -> list[Card]:
        order_node = metadata.get("order")
        if order_node is None or type(order_node) is not Sequence:
            return in_file_order  # a non-list order was reported when it was read
        by_id = {card.id: card for card in in_file_order}
        ids = tuple(by_id)
        result: list[Card] = []
        named: set[str] = set()
        for item in reader.texts(metadata, "order"):
            self.still_wanted()
            card_id = item.text
            if card_id in named:
                if reader.lists(REPEATED_ORDER_ID, item):
                    reader.problem(item, f"order names card {quoted(card_id)} twice")
            elif card_id not in by_id:
                if reader.lists(UNKNOWN_ORDER_ID, item):
                    hint = reader.did_you_mean(card_id, ids)
                    reader.problem(
                        item, f"order names {quoted(card_id)}, but no card has that id{hint}"
                    )
            else:
                result.append(by_id[card_id])
            named.add(card_id)
        for card in in_file_order:
            if card.id not in named and reader.lists(UNORDERED_CARD, order_node):
                where = shown_name(card.file)
                reader.problem(order_node, f"order does not name card {quoted(card.id)} ({where})")
        return result


class _FolderLoader(_DeckLoader):
    def load(self) -> Deck:
        folder = Path(self.shown or ".").resolve()
        meta_shown = os.path.join(self.shown, DECK_FILE_NAME)
        reader = _Reader(meta_shown, folder, self.report)
        metadata: dict[str, Node] | None = None
        if not os.path.lexists(folder / DECK_FILE_NAME):
            self.problems.append(
                Problem(meta_shown, 1, 1, "missing: a deck folder needs a deck.yaml with its title")
            )
        else:
            root = self.read_inside(folder, DECK_FILE_NAME, meta_shown)
            if root is not None:
                metadata = reader.mapping(root, DECK_FOLDER)
        cards = []
        names = self.card_files(folder)
        for number, name in enumerate(names):
            self.pass_progress(number, len(names))
            shown_as = os.path.join(self.shown, name)
            root = self.read_inside(folder, name, shown_as)
            if root is None:
                continue
            card_reader = _Reader(shown_as, folder, self.report)
            read = card_reader.card(root, derived_id(Path(name).stem) or "card")
            if read:
                cards.append(read)
        if metadata is not None and not cards and not self.card_files(folder):
            self.problems.append(Problem(meta_shown, 1, 1, "the deck folder has no card files"))
        return self.finish(reader, metadata, cards, folder)

    def read_inside(self, folder: Path, name: str, shown_as: str) -> Node | None:
        """Read a file of the folder, refusing links that lead out of it."""
        path = folder / name
        if os.path.islink(path) and not is_inside(path, folder):
            self.problems.append(
                Problem(shown_as, 1, 1, "a link to outside the deck folder (or a loop); not read")
            )
            return None
        return self.read(path, shown_as, self.parsing if self.progress else None)

    def parsing(self, _line: int, _lines: int) -> None:
        """Progress within one file of the folder: the files read so far still count."""
        self.still_wanted()

    @staticmethod
    def card_files(folder: Path) -> list[str]:
        names = []
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if is_deck_file(name) and name != DECK_FILE_NAME and not _is_folder(entry):
                    names.append(name)
        return sorted(names)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link loop: read_inside reports it
        return False


class _FileLoader(_DeckLoader):
    def load(self) -> Deck:
        path = Path(self.shown)
        real = resolved(path)
        if real is None:
            raise DeckError([Problem(self.shown, 1, 1, "not a usable path (a link loop?)")])
        folder = real.parent
        reader = _Reader(self.shown, folder, self.report)
        root = self.read(path, self.shown, self.pass_progress if self.progress else None)
        if type(root) is Mapping and root.get("cards") is None:
            in_folder = os.path.dirname(self.shown)
            if path.name == DECK_FILE_NAME:  # the metadata of a folder deck
                return _FolderLoader(in_folder, self.progress).load()
            if root.get("headline") is not None and (folder / DECK_FILE_NAME).is_file():
                where = f"the folder deck {quoted(in_folder)}" if in_folder else "this folder"
                problem = f"this is one card of {where}: open the folder instead"
                raise DeckError([Problem(self.shown, 1, 1, problem)])
        metadata = reader.mapping(root, DECK_FILE) if root is not None else None
        cards = []
        if metadata is not None:
            items = reader.items(metadata, "cards")
            for item in items:
                self.still_wanted()
                read = reader.card(item, "")
                if read is None:
                    continue
                has_id = type(item) is Mapping and item.get("id") is not None
                if not read.card.id and read.card.title and not has_id:
                    reader.problem(item, "give this card an 'id': its title makes no usable id")
                cards.append(read)
            cards_node = metadata.get("cards")
            if type(cards_node) is Sequence and not items:
                reader.problem(cards_node, "'cards' is empty: a deck needs at least one card")
        return self.finish(reader, metadata, cards, folder)


__all__ = ["DeckError", "Problem", "load_deck"]
