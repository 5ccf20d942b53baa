"""Turn one deck file's YAML nodes into model values, checking every key and field.

A ``FieldReader`` reads a deck's metadata, its sources and its cards (figure, quotes,
image) from the nodes of one file, adding a located problem to the load's ``Report`` for
each key that is not allowed, each field of the wrong shape and each image that may not
be read. What spans the whole deck (ids unique, sources declared, the order) is checked
by ``deck_loaders``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.errors import DeckError, Problem, quoted
from briefing.core.files import (
    IMAGE_SIGNATURES,
    MAX_IMAGE_BYTES,
    describe_os_error,
    open_regular,
    resolved,
)
from briefing.core.format_keys import CARD, FIGURE, IMAGE, QUOTE, SOURCE, FieldSet
from briefing.core.image_check import check_image_file
from briefing.core.markdown_budget import markdown_cost
from briefing.core.model import Card, Figure, Image, Quote, Source
from briefing.core.problem_caps import Kind, ProblemCaps
from briefing.core.slugs import SLUG, Suggestions, derived_id, slugify
from briefing.core.yaml_nodes import Mapping, Node, Scalar, Sequence

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# A mistake a deck can make thousands of times: listed MAX_PER_KIND times.
UNKNOWN_KEY = Kind("unknown key", "unknown keys")


@dataclass
class Report:
    """What one load finds wrong: every problem, a capped number of each kind, and
    suggestions within a budget of work."""

    problems: list[Problem] = field(default_factory=list)
    caps: ProblemCaps = field(default_factory=ProblemCaps)
    suggestions: Suggestions = field(default_factory=Suggestions)

    def error(self) -> DeckError:
        return DeckError([*self.problems, *self.caps.summaries()])


@dataclass
class ReadCard:
    """A card and the nodes that the deck-wide checks point at."""

    card: Card
    id_node: Node
    source_refs: list[Scalar]  # every source id the card or its quotes name
    reader: FieldReader


class FieldReader:
    """Turns one file's nodes into model values, collecting problems."""

    def __init__(self, shown_as: str, folder: Path, report: Report) -> None:
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

    def card(self, node: Node, default_id: str) -> ReadCard | None:
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
        return ReadCard(card, values.get("id", node), refs, self)

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


def _is_real_date(year: int, month: int, day: int) -> bool:
    import datetime

    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
