"""What one Markdown text (a card's body or notes) may cost to lay out.

Qt builds and lays out a Markdown document in time and memory that grow faster than
its text: a table of 10,000 rows takes seconds, 10,000 bullets take seconds, and 50
lines of lists nested 10,000 deep took 2.85 GB; printed, 16,000 short paragraphs made
725 pages in 78 s. A card's text is read on one card, so the loader refuses text
beyond these limits (all far beyond what a card needs: some 40 printed pages), and the
window, search and export only ever get text that is cheap to lay out.

The structure is estimated from the lines, without parsing the Markdown: every
estimate is at least what Qt builds (GitHub-flavoured Markdown, as md4c reads it).
"""

from __future__ import annotations

import re
from typing import Final

MAX_CHARACTERS: Final = 50_000
MAX_LINES: Final = 1_000
MAX_TABLE_CELLS: Final = 2_000
MAX_LIST_ITEMS: Final = 2_000  # list items and block quotes, nested ones included
MAX_NESTING: Final = 16

# A line's leading containers: block quotes ('>') and list items ('-', '+', '*',
# '1.', '1)' followed by a space or the line's end), with the spaces between them.
_CONTAINERS = re.compile(r"^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))+", re.MULTILINE)
_MARKER = re.compile(r">|[-+*]|\d{1,9}[.)]")
# Every list item or quote takes a character. A line nesting more than MAX_NESTING
# deep starts with at least this many characters of markers and spaces (a tab counts
# four columns, so 8 tabs and a marker reach 17).
_MAY_NEST_DEEPLY = re.compile(rf"[ \t>+*\-\d.)]{{{(MAX_NESTING + 2) // 2}}}")
_LINE_MAY_NEST_DEEPLY = re.compile("\n" + _MAY_NEST_DEEPLY.pattern)  # fast: starts with \n
# A table's delimiter row, e.g. '|---|:--:|' or '--|--'.
_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_CELL_RULE = re.compile(r":?-+:?")


def markdown_cost(text: str) -> str | None:
    """Why laying out ``text`` would cost too much (the end of a sentence), or None."""
    if len(text) > MAX_CHARACTERS:
        return f"is {len(text):,} characters long; a card's text may be at most {MAX_CHARACTERS:,}"
    if "\r" in text:  # a line break to Markdown too
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        return f"has {lines:,} lines; a card's text may have at most {MAX_LINES:,}"
    if (
        len(text) <= MAX_LIST_ITEMS
        and "|" not in text
        and not _MAY_NEST_DEEPLY.match(text)
        and not _LINE_MAY_NEST_DEEPLY.search(text)
    ):
        return None  # most cards: no limit can be reached (see these expressions)
    items = 0
    for match in _CONTAINERS.finditer(text):
        prefix = match.group()
        markers = len(_MARKER.findall(prefix))
        items += markers
        # Each level a list nests by indentation needs at least two more columns.
        spaces = prefix.count(" ") + 4 * prefix.count("\t")
        depth = markers + spaces // 2
        if depth > MAX_NESTING:
            line = text.count("\n", 0, match.start()) + 1
            return (
                f"nests lists or quotes about {depth:,} deep on its line {line:,}; "
                f"a card's text may nest them at most {MAX_NESTING} deep"
            )
    if items > MAX_LIST_ITEMS:
        return (
            f"has {items:,} list items and quotes; "
            f"a card's text may have at most {MAX_LIST_ITEMS:,}"
        )
    cells = _table_cells(text) if "|" in text else 0
    if cells > MAX_TABLE_CELLS:
        return (
            f"has tables of {cells:,} cells; "
            f"a card's text may have at most {MAX_TABLE_CELLS:,} table cells"
        )
    return None


def _table_cells(text: str) -> int:
    """At least the number of table cells Qt would make of ``text``.

    A table starts at a delimiter row under a header row, one of them with a '|', and
    runs to the next blank line; every row has as many cells as the delimiter row.
    """
    cells = 0
    columns = 0  # of the table being read; 0 outside tables
    previous = ""
    for line in text.splitlines():
        content = line[_prefix_length(line) :].strip()  # inside a list or quote, too
        if not content:
            columns = 0
        elif columns:
            cells += columns
        elif _DELIMITER_ROW.fullmatch(content) and "|" in content + previous:
            columns = len(_CELL_RULE.findall(content))
            cells += columns  # the header row
        previous = content
    return cells


def _prefix_length(line: str) -> int:
    match = _CONTAINERS.match(line)
    return match.end() if match else 0
