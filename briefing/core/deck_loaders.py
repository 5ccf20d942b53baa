"""Read a deck's files, a folder of them or a single one, and check what spans the deck.

A ``FolderLoader`` reads the folder's deck.yaml and each card file in name order, never
through a link that leads out of the folder; a ``FileLoader`` reads one YAML file that
holds the metadata and every card. Both then check, across the cards, that ids are
unique, every source named is declared and the deck's ``order`` names each card once.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.core.errors import DeckError, Problem, quoted, shown_name
from briefing.core.field_reader import FieldReader, ReadCard, Report
from briefing.core.files import DECK_FILE_NAME, is_deck_file, is_inside, resolved
from briefing.core.format_keys import DECK_FILE, DECK_FOLDER
from briefing.core.model import Card, Deck, Source
from briefing.core.problem_caps import Kind
from briefing.core.slugs import derived_id
from briefing.core.yaml_nodes import (
    Mapping,
    Node,
    Progress,
    Sequence,
    YamlFileError,
    parse,
    read_text,
)

# Mistakes a deck can make thousands of times: each kind is listed MAX_PER_KIND times.
UNDECLARED_SOURCE = Kind("undeclared source", "undeclared sources")
UNKNOWN_ORDER_ID = Kind("unknown id in 'order'", "unknown ids in 'order'")
REPEATED_ORDER_ID = Kind("id named twice in 'order'", "ids named twice in 'order'")
UNORDERED_CARD = Kind("card missing from 'order'", "cards missing from 'order'")
CLASHING_ID = Kind("clashing card id", "clashing card ids")


def _some(names: tuple[str, ...], shown: int = 10) -> str:
    """``names`` joined by commas, the first few of a long list."""
    if len(names) <= shown:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown:,} more"


class DeckLoader:
    """What folder and single-file decks share: reading files, cross-checks."""

    def __init__(self, shown: str, progress: Progress | None = None) -> None:
        self.shown = shown
        self.progress = progress
        self.report = Report()
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
        reader: FieldReader,
        metadata: dict[str, Node] | None,
        cards: list[ReadCard],
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

    def check_unique_ids(self, cards: list[ReadCard]) -> None:
        first: dict[str, ReadCard] = {}
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

    def check_sources(self, cards: list[ReadCard], declared: set[str]) -> None:
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
        self, reader: FieldReader, metadata: dict[str, Node], in_file_order: list[Card]
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


class FolderLoader(DeckLoader):
    def load(self) -> Deck:
        folder = Path(self.shown or ".").resolve()
        meta_shown = os.path.join(self.shown, DECK_FILE_NAME)
        reader = FieldReader(meta_shown, folder, self.report)
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
            card_reader = FieldReader(shown_as, folder, self.report)
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


class FileLoader(DeckLoader):
    def load(self) -> Deck:
        path = Path(self.shown)
        real = resolved(path)
        if real is None:
            raise DeckError([Problem(self.shown, 1, 1, "not a usable path (a link loop?)")])
        folder = real.parent
        reader = FieldReader(self.shown, folder, self.report)
        root = self.read(path, self.shown, self.pass_progress if self.progress else None)
        if type(root) is Mapping and root.get("cards") is None:
            in_folder = os.path.dirname(self.shown)
            if path.name == DECK_FILE_NAME:  # the metadata of a folder deck
                return FolderLoader(in_folder, self.progress).load()
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
