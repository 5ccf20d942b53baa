"""Check an SVG image before Qt draws it: nothing outside it, and bounded work.

Qt's SVG renderer opens any file an ``<image href>`` or an ``<?xml-stylesheet?>`` names
(a path outside the deck, a named pipe, ``/dev/stdin``), decodes any ``data:`` image it
embeds whatever its declared type (an embedded SVG refers to files again), and follows
``<use>`` references without a bound (ten copies of ten copies, nine deep, is a billion
shapes). So an SVG a deck names may refer only to its own parts (``#id``) and to embedded
PNG or JPEG images, declares no entities, and draws a bounded number of elements once its
references are followed. Parsed with the standard library's expat, without entity
expansion or any external fetch; no Qt.
"""

from __future__ import annotations

import base64
import re
from typing import NamedTuple
from xml.parsers import expat

from briefing.core.errors import quoted
from briefing.core.image_size import MAX_IMAGE_PIXELS, declared_size

MAX_ELEMENTS = 100_000
MAX_DEPTH = 256
# Qt decodes every embedded image as it reads the SVG, and keeps them all.
MAX_EMBEDDED_PIXELS = MAX_IMAGE_PIXELS // 4
MAX_DRAWN = 500_000  # elements drawn, a referenced element once per reference: ~0.5 s in Qt
_URL = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)]*?))\s*\)", re.IGNORECASE)
_OWN_PARTS = "an SVG image may refer only to its own parts (#id) and embedded data: images"


class SvgProblem(NamedTuple):
    line: int  # 1-based, in the SVG file
    column: int  # 1-based
    message: str


class SvgReport(NamedTuple):
    problem: SvgProblem | None  # the first reason the SVG may not be drawn
    embedded: tuple[bytes, ...]  # the PNG and JPEG images it embeds, decoded from base64


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_svg(data: bytes) -> SvgProblem | None:
    """The first reason the SVG ``data`` may not be drawn, located in it; None if it may."""
    return inspect_svg(data).problem


def inspect_svg(data: bytes) -> SvgReport:
    """``check_svg``, and the images the SVG embeds: a reader that decodes images checks
    each decodes, since Qt reads the text of a ``data:`` URI it cannot decode as a path."""
    checker = _Checker()
    problem = checker.check(data)
    return SvgReport(problem, tuple(checker.embedded) if problem is None else ())


class _Checker:
    def __init__(self) -> None:
        self.parser = expat.ParserCreate()
        self.parent: list[int] = []  # of each element, by number; -1 for the root
        self.refs: dict[int, list[str]] = {}  # element -> ids it refers to
        self.places: list[tuple[int, int]] = []  # of each element
        self.ids: dict[str, int] = {}
        self.open: list[int] = []  # the elements being read, outermost first
        self.style: list[str] | None = None  # the text of the <style> being read
        self.style_place = (1, 1)
        self.here = (1, 1)  # where the event being handled starts
        self.embedded: list[bytes] = []
        self.embedded_pixels = 0

    def check(self, data: bytes) -> SvgProblem | None:
        p = self.parser
        p.StartDoctypeDeclHandler = self._doctype
        p.EntityDeclHandler = self._entity
        p.SkippedEntityHandler = self._skipped_entity
        p.ExternalEntityRefHandler = self._external_entity
        p.ProcessingInstructionHandler = self._instruction
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._text
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        try:
            p.Parse(data, True)
            self._bound_drawing()
        except _Refused as e:
            return SvgProblem(*self.here, e.message)
        except expat.ExpatError as e:
            reason = expat.errors.messages.get(e.code, "cannot be read")
            return SvgProblem(e.lineno, e.offset + 1, f"the SVG is not well-formed XML: {reason}")
        except _Located as e:
            return e.problem
        return None

    def _locate(self) -> None:
        self.here = (self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)

    # --- what is refused where it is read -------------------------------------------

    def _doctype(
        self, _name: str, _system: str | None, _public: str | None, has_internal_subset: bool
    ) -> None:
        self._locate()
        if has_internal_subset:
            raise _Refused("an SVG image may not declare entities (<!DOCTYPE ... [ ... ]>)")

    def _entity(self, name: str, *_rest: object) -> None:
        self._locate()
        raise _Refused(f"an SVG image may not declare entities ({quoted(name)})")

    def _skipped_entity(self, name: str, _is_parameter: int) -> None:
        self._locate()
        raise _Refused(f"an SVG image may not use entities (&{name};)")

    def _external_entity(self, *_args: object) -> int:
        self._locate()
        raise _Refused("an SVG image may not refer to external entities")

    def _instruction(self, target: str, _data: str) -> None:
        self._locate()
        raise _Refused(f"an SVG image may not hold processing instructions (<?{target} ...?>)")

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self._locate()
        number = len(self.parent)
        if number >= MAX_ELEMENTS:
            raise _Refused(f"the SVG image has more than {MAX_ELEMENTS:,} elements")
        if len(self.open) >= MAX_DEPTH:
            raise _Refused(f"the SVG image nests elements deeper than {MAX_DEPTH} levels")
        self.parent.append(self.open[-1] if self.open else -1)
        self.places.append(self.here)
        self.open.append(number)
        local = _local(name)
        if local == "style" and self.style is None:
            self.style = []
            self.style_place = self.here
        refs: list[str] = []
        for attribute, value in attributes.items():
            key = _local(attribute)
            if key == "id":
                self.ids.setdefault(value, number)
            elif key == "href":
                refs.append(self._href_target(value, image=local == "image"))
            if key == "style" or ("(" in value and "url(" in value.lower()):
                refs.extend(self._css_targets(value))
        refs = [r for r in refs if r]
        if refs:
            self.refs[number] = refs

    def _end(self, name: str) -> None:
        self.open.pop()
        if _local(name) == "style" and self.style is not None:
            self.here = self.style_place
            self._css_targets("".join(self.style))
            self.style = None

    def _text(self, text: str) -> None:
        if self.style is not None:
            self.style.append(text)

    def _href_target(self, value: str, *, image: bool = False) -> str:
        """The id an ``href`` refers to ("" for an embedded image); refuses anything else.

        Qt reads an ``<image>``'s reference as a file path unless it is a ``data:`` URI,
        so there even ``#id`` is refused (a file named ``#id`` in the current folder)."""
        text = value.strip()
        if text.startswith("#") and not image:
            return text[1:]
        if text.startswith("data:"):
            data, (width, height) = _embedded(text)
            self.embedded_pixels += width * height
            if self.embedded_pixels > MAX_EMBEDDED_PIXELS:
                raise _Refused(
                    "the images embedded in the SVG hold more than "
                    f"{MAX_EMBEDDED_PIXELS // 1_000_000} megapixels in all"
                )
            self.embedded.append(data)
            return ""
        raise _Refused(f"the SVG image refers to {quoted(value)}; {_OWN_PARTS}")

    def _css_targets(self, css: str) -> list[str]:
        """The ids ``url(...)`` in ``css`` refers to; refuses ``@import`` and any other URL."""
        if "@import" in css.lower():
            raise _Refused(f"the SVG image's style imports another file; {_OWN_PARTS}")
        if "\\" in css:  # an escape could spell url( or @import where the check misses it
            raise _Refused("the SVG image's style uses a backslash escape; it is not drawn")
        targets = []
        for match in _URL.finditer(css):
            written = next(g for g in match.groups() if g is not None)
            targets.append(self._href_target(written))
        return targets

    # --- what is refused once the whole image is read -----------------------------------

    def _bound_drawing(self) -> None:
        """Refuse an image that draws more than ``MAX_DRAWN`` elements, counting what each
        reference (``<use>``, ``url(#id)``, ``href="#id"``) draws again, or that refers to
        itself in a loop."""
        count = len(self.parent)
        children: list[list[int]] = [[] for _ in range(count)]
        for number, parent in enumerate(self.parent):
            if parent >= 0:
                children[parent].append(number)
        drawn: list[int] = [-1] * count  # -1: not yet counted; -2: being counted
        for root in range(count):
            if drawn[root] >= 0:
                continue
            stack = [root]
            while stack:
                number = stack[-1]
                if drawn[number] == -1:
                    drawn[number] = -2
                    for follow in self._follows(number, children):
                        if drawn[follow] == -2:
                            raise _Located(
                                self._at(number, "the SVG image refers to itself in a loop")
                            )
                        if drawn[follow] == -1:
                            stack.append(follow)
                    continue
                stack.pop()
                if drawn[number] >= 0:
                    continue
                total = 1 + sum(drawn[f] for f in self._follows(number, children))
                if total > MAX_DRAWN:
                    raise _Located(
                        self._at(
                            number,
                            f"the SVG image draws more than {MAX_DRAWN:,} elements once its "
                            "references (<use>) are followed",
                        )
                    )
                drawn[number] = total

    def _follows(self, number: int, children: list[list[int]]) -> list[int]:
        referred = [self.ids[r] for r in self.refs.get(number, ()) if r in self.ids]
        return children[number] + referred

    def _at(self, number: int, message: str) -> SvgProblem:
        line, column = self.places[number]
        return SvgProblem(line, column, message)


class _Located(Exception):
    def __init__(self, problem: SvgProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _local(name: str) -> str:
    """``xlink:href`` -> ``href``: Qt reads attributes by their written name, whatever
    namespace a prefix is bound to, so the check looks at every prefix."""
    return name.rpartition(":")[2]


def _embedded(uri: str) -> tuple[bytes, tuple[int, int]]:
    """An embedded image, and its size: a PNG or JPEG in base64. Qt decodes whatever the
    bytes are (an SVG would be read again, relative paths and all), and reads the text
    after ``data`` as a file path when it cannot decode it."""
    marker = uri.rfind("base64,")  # where Qt looks
    if marker < 0:
        raise _Refused("an image embedded in the SVG must be base64-encoded PNG or JPEG")
    try:
        data = base64.b64decode(uri[marker + 7 :])
    except ValueError:
        raise _Refused("an image embedded in the SVG is not valid base64") from None
    size = declared_size(data)
    if size is None:
        raise _Refused("an image embedded in the SVG must be a PNG or JPEG")
    return data, size
