"""Read an untrusted YAML file into a small tree of positioned nodes.

Every scalar stays the text the author wrote: no YAML 1.1 booleans, numbers or
dates, so ``title: NO`` is ``NO``. The tree is built from parser events with an
explicit stack rather than by PyYAML's (recursive) composers: libyaml's C
composer can crash the whole process on deeply nested input and the Python one
hits the recursion limit, so depth is bounded before anything is built. Aliases
are followed by reference with budgets on how far they expand, in nodes and in
characters of text (alias bombs), and an alias inside its own anchor is refused
(self-reference).
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from briefing.core.errors import Problem, quoted
from briefing.core.files import describe_os_error, open_regular

if TYPE_CHECKING:
    import yaml


@cache
def c_parser() -> Any:
    """libyaml's parser class, or None when PyYAML was built without it.

    PyYAML is imported here, on the first parse, not with this module: a deck that
    comes from the cache (as at most start-ups) never needs it.
    """
    try:
        from yaml._yaml import CParser
    except ImportError:
        return None
    return CParser


def _events(text: str) -> Iterator[yaml.Event]:
    """The parser's events, one at a time (libyaml's C parser where there is one)."""
    parser = c_parser()
    if parser is None:
        import yaml

        return yaml.parse(text, Loader=yaml.SafeLoader)
    # No Loader: its constructor is never used. iter(callable, None) calls the
    # parser from C, without a Python frame per event.
    return iter(parser(text).get_event, None)


MAX_FILE_BYTES: Final = 20 * 1024 * 1024
MAX_DEPTH: Final = 64
MAX_ALIAS_EXPANSION: Final = 100_000
# Each value costs about 120 bytes once composed: a million is 120 MB. A deck file of
# 20 MB holds far fewer in practice (a card is about ten values and a kilobyte).
MAX_NODES_PER_FILE: Final = 1_000_000
# Text that aliases may add, in characters: as much as the file holds, at least this.
# A few aliases of one long text cost nothing here but copies in every later step
# (search folds each field, layout and export lay each out).
MIN_ALIAS_CHARACTERS: Final = 1_000_000
MAX_PROBLEMS_PER_FILE: Final = 200

# What YAML 1.2 allows in a stream (section 5.1), less U+0085, U+2028 and U+2029,
# which YAML 1.1 parsers such as libyaml read as line breaks.
_NOT_ALLOWED = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_OLD_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")
# Control characters a double-quoted string can still produce with escapes.
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_NULLS: Final = frozenset({"", "~", "null", "Null", "NULL"})


class Node:
    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line  # 1-based
        self.column = column  # 1-based

    kind = "node"


class Scalar(Node):
    __slots__ = ("is_null", "text")
    kind = "text"

    def __init__(self, line: int, column: int, text: str, is_null: bool) -> None:
        self.line = line  # set here, not through Node: there is one per scalar
        self.column = column
        self.text = text
        self.is_null = is_null  # written as nothing, ~ or null, unquoted


class Sequence(Node):
    __slots__ = ("items",)
    kind = "list"

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.items: list[Node] = []


class Mapping(Node):
    __slots__ = ("pairs",)
    kind = "mapping"

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.pairs: list[tuple[Scalar, Node]] = []

    def get(self, key: str) -> Node | None:
        return next((v for k, v in self.pairs if k.text == key), None)


_NOT_A_KEY = Scalar(0, 0, "\x00not a key", False)


class YamlFileError(Exception):
    """The file could not be read as YAML at all; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_text(path: str | os.PathLike[str], shown_as: str) -> str:
    """The file's text, refused with a located problem unless it is UTF-8 YAML text."""

    def fail(message: str, line: int = 1, column: int = 1) -> YamlFileError:
        return YamlFileError(Problem(shown_as, line, column, message))

    try:
        with open_regular(path) as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise fail(
                    f"file is too large ({size / 1_048_576:.1f} MB; "
                    f"a deck file may be at most {MAX_FILE_BYTES // 1_048_576} MB)"
                )
            data = f.read(size + 1)  # read(n) allocates n bytes up front
            if len(data) > size:  # it grew since we asked its size
                data += f.read(MAX_FILE_BYTES + 1 - len(data))
    except (OSError, ValueError) as e:  # ValueError: a NUL in the path
        message = describe_os_error(e) if isinstance(e, OSError) else "not a usable file name"
        raise fail(message) from None
    if len(data) > MAX_FILE_BYTES:  # grew while we read it
        raise fail(f"file is too large (over {MAX_FILE_BYTES // 1_048_576} MB)")

    data = data.removeprefix(codecs.BOM_UTF8)  # positions count from after it
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        raise fail("contains NUL bytes: this is a binary file, not YAML text", line, column)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, column = _position(data, e.start)
        raise fail(
            f"not UTF-8 text: byte 0x{data[e.start]:02x} cannot be decoded "
            "(save the file as UTF-8)",
            line,
            column,
        ) from None
    bad = _NOT_ALLOWED.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        char = bad.group()
        if _OLD_LINE_BREAKS.match(char):
            # YAML 1.1 parsers (libyaml) break lines at these; YAML 1.2 does not.
            raise fail(
                f"character U+{ord(char):04X} ({unicodedata.name(char, 'line break')}) "
                "is read as a line break by YAML parsers; use an ordinary line break",
                line,
                column,
            )
        raise fail(f"character U+{ord(char):04X} is not allowed in YAML", line, column)
    return text


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    before = data[line_start:offset].decode("utf-8", errors="replace")
    return data.count(b"\n", 0, offset) + 1, len(before) + 1


Progress = Callable[[int, int], None]  # (done, total); may raise to stop


def parse(
    text: str, shown_as: str, progress: Progress | None = None
) -> tuple[Node | None, list[Problem]]:
    """Compose one YAML document into nodes.

    Returns the root (None for an empty document) and the problems that did not
    stop the composition (duplicate keys, non-text keys). Raises ``YamlFileError``
    when the text is not YAML, is nested too deeply or its aliases expand too far.
    ``progress(line, lines)`` is called as each item of a top-level list ends (each
    card of a single-file deck), and every 1024 lists or mappings within one.
    """
    return _Composer(shown_as, progress, text.count("\n") + 1).compose(text)


# What a parser context names that an author opens and must close.
_OPENED: Final = (
    ("quoted scalar", "quoted text"),
    ("flow sequence", "list in [ ]"),
    ("flow mapping", "mapping in { }"),
)
_JARGON: Final = (("block collection", "list"), ("block sequence", "list"), ("block ", ""))


class _Frame:
    __slots__ = ("anchor", "key", "node", "seen", "weight")

    def __init__(self, node: Sequence | Mapping, anchor: str | None) -> None:
        self.node = node
        self.anchor = anchor
        self.key: Scalar | None = None  # a mapping's key waiting for its value
        self.seen: dict[str, Scalar] = {}  # a mapping's keys so far
        self.weight = 1  # nodes below, aliases expanded


class _Composer:
    def __init__(self, shown_as: str, progress: Progress | None = None, lines: int = 0) -> None:
        self.shown_as = shown_as
        self.progress = progress
        self.lines = lines
        self.ends = 0  # lists and mappings closed, counted while progress is reported
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.open_anchors: set[str] = set()
        self.expanded = 0
        self.anchor_characters: dict[str, int] = {}
        self.expanded_characters = 0
        self.max_alias_characters = MIN_ALIAS_CHARACTERS

    def fail(self, message: str, mark: yaml.Mark | None) -> YamlFileError:
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return YamlFileError(Problem(self.shown_as, line, column, message))

    def compose(self, text: str) -> tuple[Node | None, list[Problem]]:
        import yaml

        try:
            return self._compose(text)
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            if mark is not None and 0 < mark.index <= len(text):
                # The parser may give up on something the loader refuses earlier in
                # the file (libyaml stops at its own nesting limit, which differs by
                # version): the loader's checks on the text before the error win.
                _Composer(self.shown_as).compose_prefix(text[: mark.index])
            raise self.fail_as_yaml(e, len(text)) from None
        except yaml.YAMLError as e:  # a reader error without a mark
            raise self.fail(f"not valid YAML: {e}", None) from None

    def too_many_nodes(self, mark: yaml.Mark) -> YamlFileError:
        return self.fail(
            f"more than {MAX_NODES_PER_FILE:,} values in one file; "
            "a deck this large belongs in a folder, one file a card",
            mark,
        )

    def compose_prefix(self, prefix: str) -> None:
        """Raise the loader's own refusal of ``prefix`` (the text before a parser
        error), if it has one; the parser's complaint about its end is ignored."""
        import yaml

        with contextlib.suppress(yaml.YAMLError):
            self._compose(prefix)

    def fail_as_yaml(self, e: yaml.MarkedYAMLError, length: int) -> YamlFileError:
        """The parser's error, located where the author can fix it."""
        problem = e.problem or "not valid YAML"
        opened, closed = e.context_mark, e.problem_mark
        if opened is None or closed is None or e.context is None:
            return self.fail(f"not valid YAML: {problem}", closed or opened)
        where = f"line {closed.line + 1}, column {closed.column + 1}"
        what = next((name for kind, name in _OPENED if kind in e.context), None)
        if what is not None:
            # Something opened and never closed: the fix belongs where it opened.
            if closed.index >= length or "end of stream" in problem:
                return self.fail(f"this {what} is never closed", opened)
            return self.fail(f"this {what} is not closed: {problem} at {where}", opened)
        if opened.index == closed.index:
            return self.fail(f"not valid YAML: {problem}", closed)
        context = e.context.removeprefix("while ").replace("parsing ", "reading ")
        for jargon, plain in _JARGON:
            context = context.replace(jargon, plain)
        start = f"line {opened.line + 1}, column {opened.column + 1}"
        return self.fail(f"not valid YAML: {problem} (while {context} from {start})", closed)

    def _compose(self, text: str) -> tuple[Node | None, list[Problem]]:
        import yaml

        stack: list[_Frame] = []
        root: Node | None = None
        documents = 0
        self.max_alias_characters = max(MIN_ALIAS_CHARACTERS, len(text))
        scalar_event = yaml.ScalarEvent
        nodes_left = MAX_NODES_PER_FILE + 1  # refused at the first one over
        for event in _events(text):
            cls = type(event)
            if cls is scalar_event:
                nodes_left -= 1
                if not nodes_left:
                    raise self.too_many_nodes(event.start_mark)
                value = event.value
                mark = event.start_mark
                style = event.style
                # libyaml reports a plain scalar's style as '', PyYAML's parser as None
                node: Node = Scalar(
                    mark.line + 1,
                    mark.column + 1,
                    value,
                    not style and event.tag is None and value in _NULLS,
                )
                # Raw control characters were refused with the file; only the escapes
                # of a double-quoted scalar can still make one.
                if style == '"' and (control := _CONTROL_IN_TEXT.search(value)):
                    self.problem(
                        node.line,
                        node.column,
                        f"contains control character U+{ord(control.group()):04X}",
                    )
                if event.anchor is not None:
                    self._remember(event.anchor, node, 1)
                if stack and type(stack[-1].node) is Sequence:  # the common case, inline
                    stack[-1].node.items.append(node)  # type: ignore[union-attr]
                    stack[-1].weight += 1
                else:
                    root = self._attach(stack, node, 1, event) or root
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                nodes_left -= 1
                if not nodes_left:
                    raise self.too_many_nodes(event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(
                        f"nested more than {MAX_DEPTH} levels deep; a deck never needs that",
                        event.start_mark,
                    )
                container_type: type[Mapping | Sequence] = (
                    Mapping if cls is yaml.MappingStartEvent else Sequence
                )
                container = container_type(event.start_mark.line + 1, event.start_mark.column + 1)
                if event.anchor is not None:
                    self.open_anchors.add(event.anchor)
                stack.append(_Frame(container, event.anchor))
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                frame = stack.pop()
                if self.progress is not None:
                    self.ends += 1
                    # Each card, and within a huge one every 1024th list or mapping: the
                    # callback may raise to cancel the load.
                    if len(stack) == 2 or not self.ends % 1024:
                        self.progress(event.end_mark.line, self.lines)
                if frame.anchor is not None:
                    self.open_anchors.discard(frame.anchor)
                    self._remember(frame.anchor, frame.node, frame.weight)
                root = self._attach(stack, frame.node, frame.weight, event) or root
            elif cls is yaml.AliasEvent:
                name = event.anchor
                if name in self.open_anchors:
                    raise self.fail(
                        f"alias *{name} refers to a node that contains it (a loop)",
                        event.start_mark,
                    )
                if name not in self.anchors:
                    raise self.fail(
                        f"alias *{name} has no anchor &{name} before it", event.start_mark
                    )
                target, weight = self.anchors[name]
                self.expanded += weight
                if self.expanded > MAX_ALIAS_EXPANSION:
                    raise self.fail(
                        f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes "
                        "(an alias bomb?)",
                        event.start_mark,
                    )
                self.expanded_characters += self._characters(name, target)
                if self.expanded_characters > self.max_alias_characters:
                    raise self.fail(
                        f"aliases expand to more than {self.max_alias_characters:,} characters "
                        "of text (an alias bomb?)",
                        event.start_mark,
                    )
                root = self._attach(stack, target, weight, event) or root
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.fail(
                        "a second YAML document ('---'); a deck file holds one document",
                        event.start_mark,
                    )
        return root, self.problems

    def problem(self, line: int, column: int, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS_PER_FILE:
            self.problems.append(Problem(self.shown_as, line, column, message))
        elif len(self.problems) == MAX_PROBLEMS_PER_FILE:
            self.problems.append(
                Problem(self.shown_as, line, column, "too many problems; the rest are not listed")
            )

    def _remember(self, anchor: str | None, node: Node, weight: int) -> None:
        if anchor is not None:
            self.anchors[anchor] = (node, weight)
            self.anchor_characters.pop(anchor, None)  # an anchor may be given again

    def _characters(self, anchor: str, node: Node) -> int:
        """The characters of text (keys too) in an anchored node, counted once per anchor.

        Counted here rather than as each scalar is read, to keep that path lean; the
        node budget, checked first, bounds the walking.
        """
        count = self.anchor_characters.get(anchor)
        if count is None:
            count = 0
            pending = [node]
            while pending:
                item = pending.pop()
                if type(item) is Scalar:
                    count += len(item.text)
                elif type(item) is Sequence:
                    pending.extend(item.items)
                elif type(item) is Mapping:
                    for key, value in item.pairs:
                        count += len(key.text)
                        pending.append(value)
            self.anchor_characters[anchor] = count
        return count

    def _attach(
        self, stack: list[_Frame], node: Node, weight: int, event: yaml.Event
    ) -> Node | None:
        """Hang a finished node on its parent; returns it when it is the root."""
        if not stack:
            return node
        parent = stack[-1]
        parent.weight += weight
        container = parent.node
        if type(container) is Sequence:
            container.items.append(node)
        elif parent.key is None:
            if type(node) is not Scalar:
                self.problem(node.line, node.column, "a key must be plain text")
                node = _NOT_A_KEY
            parent.key = node
        else:
            key = parent.key
            parent.key = None
            earlier = parent.seen.get(key.text)
            if key is _NOT_A_KEY:
                pass  # reported as the key was read
            elif earlier is not None:
                self.problem(
                    key.line,
                    key.column,
                    f"duplicate key {quoted(key.text)} (first given on line {earlier.line})",
                )
            else:
                parent.seen[key.text] = key
                # A sequence took the branch above: a mapping (narrowing here would cost
                # a check for every key of the deck).
                container.pairs.append((key, node))  # type: ignore[union-attr]
        return None
