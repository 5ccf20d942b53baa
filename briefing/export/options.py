"""What an export makes: layout, cards per page, paper, notes, printer offset."""

from __future__ import annotations

import locale
from dataclasses import dataclass, replace
from typing import Literal, get_args

Layout = Literal["handout", "cards", "fold", "outline"]
PageSize = Literal["A4", "Letter"]
Side = Literal["front", "back"]
Extra = Literal["notes", "offset"]  # options only some layouts have a place for

LAYOUTS: tuple[str, ...] = get_args(Layout)
PAGE_SIZES: tuple[str, ...] = get_args(PageSize)
# Cards per sheet each layout offers; the first is its default.
PER_PAGE: dict[str, tuple[int, ...]] = {
    "handout": (1, 2),
    "cards": (4, 2, 6),
    "fold": (2, 1, 3),
    "outline": (1,),
}
# What each layout prints of the extras: notes go under a card on a page that has room
# for them; an offset moves backs printed on the other side of the sheet.
LAYOUT_TAKES: dict[str, frozenset[Extra]] = {
    "handout": frozenset({"notes"}),
    "cards": frozenset({"offset"}),
    "fold": frozenset(),
    "outline": frozenset({"notes"}),
}
EXTRA_NAMES: dict[Extra, str] = {"notes": "speaker notes", "offset": "printer offset"}
MAX_OFFSET_MM = 20.0
# Where Letter is the usual paper (the US, Canada, Mexico and a few more).
_LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "GT", "CR"})


class OptionsError(ValueError):
    """Options that cannot make an export; the message says which and why."""


@dataclass(frozen=True)
class ExportOptions:
    layout: Layout = "handout"
    per_page: int = 0  # 0: the layout's default
    page_size: PageSize | None = None  # None: from the locale
    notes: bool = False  # speaker notes under each card, where the layout takes them
    offset_mm: tuple[float, float] = (0.0, 0.0)  # moves the backs of duplex cards (x, y)

    def resolved(self) -> ExportOptions:
        """These options with defaults filled in; raises ``OptionsError`` if they do not fit."""
        if self.layout not in LAYOUTS:
            raise OptionsError(f"unknown layout {self.layout!r}; choose {', '.join(LAYOUTS)}")
        choices = PER_PAGE[self.layout]
        per_page = self.per_page or choices[0]
        if per_page not in choices:
            allowed = " or ".join(str(n) for n in sorted(choices))
            raise OptionsError(f"the {self.layout} layout takes {allowed} per page, not {per_page}")
        page_size = self.page_size or default_page_size()
        if page_size not in PAGE_SIZES:
            raise OptionsError(f"unknown page size {page_size!r}; choose A4 or Letter")
        if any(abs(v) > MAX_OFFSET_MM for v in self.offset_mm):
            raise OptionsError(f"a printer offset is at most {MAX_OFFSET_MM:g} mm either way")
        return ExportOptions(self.layout, per_page, page_size, self.notes, self.offset_mm)

    def for_layout(self) -> ExportOptions:
        """These options without the notes and offset the layout does not take: what it
        prints. A panel keeps them for when another layout is chosen; the layouts see this."""
        return replace(
            self,
            notes=self.notes and takes(self.layout, "notes"),
            offset_mm=self.offset_mm if takes(self.layout, "offset") else (0.0, 0.0),
        )


def takes(layout: str, extra: Extra) -> bool:
    """Whether ``layout`` prints ``extra`` (speaker notes, a printer offset)."""
    return extra in LAYOUT_TAKES.get(layout, frozenset())


def layouts_taking(extra: Extra) -> tuple[str, ...]:
    """The layouts that print ``extra``, in the order of ``LAYOUTS``."""
    return tuple(layout for layout in LAYOUTS if takes(layout, extra))


def not_taken(layout: str, extra: Extra) -> str:
    """Why ``extra`` cannot go with ``layout``, naming the layouts it goes with."""
    takers = layouts_taking(extra)
    verb = "does" if len(takers) == 1 else "do"
    return f"the {layout} layout takes no {EXTRA_NAMES[extra]}; only {' and '.join(takers)} {verb}"


def default_page_size(locale_name: str | None = None) -> PageSize:
    """Letter where it is the usual paper, A4 everywhere else."""
    name = locale_name if locale_name is not None else _current_locale()
    territory = name.split(".")[0].split("@")[0].replace("-", "_").partition("_")[2].upper()
    return "Letter" if territory in _LETTER_TERRITORIES else "A4"


def _current_locale() -> str:
    paper: int | None = getattr(locale, "LC_PAPER", None)  # glibc's; not on every platform
    categories = ([paper] if paper is not None else []) + [locale.LC_CTYPE]
    for category in categories:
        try:
            value = locale.getlocale(category)[0]
        except ValueError:
            continue
        if value:
            return value
    return ""
