"""Split guideline text into the units evidence is quoted in (issue 18).

Units come in two sizes, because the answer to a question is sometimes one sentence and sometimes a short
paragraph or a whole short list ("Das Jugendamt wird informiert, wenn … – … – …"):

* ``sentence`` — a sentence of a paragraph; ``item`` — a sentence of a list item; ``row`` — a table row;
* ``paragraph`` — a paragraph of two or three sentences; ``list`` — a whole short list.

A list item or table row means little alone ("wenn das Einkommen um mehr als 15 Prozent steigt,"), so it
keeps the sentence that introduced its list ("… Änderungen sofort mitteilen, insbesondere:") or the table's
header row as its ``lead``. Unit and lead are verbatim text of the guideline: evidence is quoted, never
rephrased (a ``list`` joins its verbatim items with line breaks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .models import Block, Chunk

# Sentence end: . ! ? followed by a space and a capital, digit, §, quote or bracket. Not after a single
# letter ("z. B.", "u. a."), an ordinal ("am 14. Oktober", "2. Klasse") or a usual German abbreviation.
_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9§„\"(])")
_ABBREVIATIONS = frozenset(
    "abs art bzw ca d.h evtl ggf gem inkl max min nr s std str u.a usw vgl z.b zzgl ff e.v bzgl sog tel "
    "ziff lit mio mrd jan feb mär apr jun jul aug sep sept okt nov dez dr prof".split())
# A list item that follows text on the same line: the overlap carried into a chunk is joined with a space.
_INLINE_ITEM = re.compile(r"(?<=[.!?:;,])\s+[-•]\s+")
_ITEM = re.compile(r"^\s*[-•*]\s+")
_MIN_WORDS = 3
_PARAGRAPH_SENTENCES = (2, 3)
_PARAGRAPH_CHARS = 350
_LIST_CHARS = 450


@dataclass(frozen=True)
class Unit:
    """One quotable piece of a guideline."""

    text: str  # verbatim
    lead: str | None = None  # verbatim introduction of its list (or the header row of its table)
    kind: str = "sentence"  # sentence | item | row | paragraph | list

    @property
    def quoted(self) -> str:
        """The unit as shown: its lead, an ellipsis, then the unit (or the unit alone)."""
        return f"{self.lead} … {self.text}" if self.lead else self.text


def sentences(text: str) -> list[str]:
    """Split running text into sentences (German abbreviations and ordinals are not sentence ends)."""
    pieces: list[str] = []
    start = 0
    for match in _END.finditer(text):
        before = text[start:match.start()]
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        word = last.rstrip(".!?").lstrip("(\"„'[").lower()
        if last.endswith(".") and word and (len(word) == 1 or word in _ABBREVIATIONS or word.isdigit() or "." in word):
            continue
        pieces.append(before.strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _lines(text: str) -> list[tuple[str, str]]:
    """(kind, text) per line of a block: "item" (list item, marker removed), "row" or "text"."""
    out = []
    for raw in text.splitlines():
        for i, part in enumerate(_INLINE_ITEM.split(raw)):
            part = part.strip()
            if not part:
                continue
            if i > 0 or _ITEM.match(part):
                out.append(("item", _ITEM.sub("", part)))
            elif " | " in part:
                out.append(("row", part))
            else:
                out.append(("text", part))
    return out


class _Walker:
    """Turns the lines of one section, in order, into units; knows the open list or table."""

    def __init__(self, section: str | None) -> None:
        self.heading = (section or "").strip().lower()
        self.lead: str | None = None
        self.previous = "text"
        self.items: list[str] = []  # the open list (verbatim items)
        self.items_lead: str | None = None

    def feed(self, lines: Iterable[tuple[str, str]]) -> list[Unit]:
        units: list[Unit] = []
        for kind, line in lines:
            if kind != "item":
                self._close_list(units)
            if kind == "text":
                parts = sentences(line)
                self.lead = None
                for i, sentence in enumerate(parts):
                    if i == len(parts) - 1 and (sentence.endswith(":") or not sentence.endswith((".", "!", "?"))):
                        self.lead = sentence  # introduces what follows ("…, wenn", "insbesondere:")
                    else:
                        self._add(units, Unit(sentence))
                complete = [s for s in parts if s != self.lead]
                if (_PARAGRAPH_SENTENCES[0] <= len(complete) <= _PARAGRAPH_SENTENCES[1]
                        and len(" ".join(complete)) <= _PARAGRAPH_CHARS):
                    self._add(units, Unit(" ".join(complete), kind="paragraph"))
            elif kind == "row":
                if self.previous != "row":
                    self.lead = self.lead or line  # a table's header row names its columns
                else:
                    self._add(units, Unit(line, self.lead, "row"))
            else:
                if not self.items:
                    self.items_lead = self.lead
                self.items.append(line)
                for sentence in sentences(line):
                    self._add(units, Unit(sentence, self.lead, "item"))
            self.previous = kind
        return units

    def finish(self) -> list[Unit]:
        units: list[Unit] = []
        self._close_list(units)
        return units

    def _close_list(self, units: list[Unit]) -> None:
        if len(self.items) >= 2 and sum(len(i) for i in self.items) <= _LIST_CHARS:
            self._add(units, Unit("\n".join(self.items), self.items_lead, "list"))
        self.items = []

    def _add(self, units: list[Unit], unit: Unit) -> None:
        if len(unit.text.split()) < _MIN_WORDS or unit.text.strip().lower() == self.heading:
            return
        units.append(unit)


def split_units(text: str, section: str | None = None) -> list[Unit]:
    """The units of a piece of text of one section (a chunk, when nothing better is at hand)."""
    walker = _Walker(section)
    return walker.feed(_lines(text)) + walker.finish()


def chunk_units(blocks: list[Block], chunks: list[Chunk]) -> list[list[tuple[Unit, int | None]]]:
    """The units of each chunk with the page they are on, split from the document's blocks (so a chunk's
    overlap with its neighbour never yields a cut-off sentence). A unit inside the overlap belongs to both
    chunks; one that spans two chunks (a list, a long block cut in two) to the chunk holding its beginning."""
    by_section: dict[tuple[str, ...], list[int]] = {}
    for i, chunk in enumerate(chunks):
        by_section.setdefault(chunk.section_path, []).append(i)
    out: list[list[tuple[Unit, int | None]]] = [[] for _ in chunks]

    def place(unit: Unit, path: tuple[str, ...], page: int | None) -> None:
        owners = by_section.get(path, [])
        first_line = unit.text.split("\n", 1)[0]
        inside = [i for i in owners if unit.text in chunks[i].text or (
            unit.kind == "list" and all(line in chunks[i].text for line in unit.text.split("\n")))]
        if not inside:
            inside = [i for i in owners if first_line[:40] in chunks[i].text][:1]
        for i in inside:
            out[i].append((unit, page))

    walker: _Walker | None = None
    path: tuple[str, ...] | None = None
    page: int | None = None
    for block in blocks:
        if block.heading or block.section_path != path:
            if walker is not None and path is not None:
                for unit in walker.finish():
                    place(unit, path, page)
            walker, path = _Walker(block.section), block.section_path
        if block.heading:
            continue
        assert walker is not None
        for unit in walker.feed(_lines(block.text)):
            place(unit, block.section_path, block.page)
        page = block.page
    if walker is not None and path is not None:
        for unit in walker.finish():
            place(unit, path, page)
    return out
