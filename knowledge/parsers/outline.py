"""Heading hierarchy while walking a document, and heading detection for plain text."""

from __future__ import annotations

import re

from ..models import Block

_NUMBERED = re.compile(r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?|(?P<para>§\s*\d+[a-z]?)|(?P<roman>[IVX]{1,4}\.)|(?P<letter>[A-H]\.))\s+\S")
_SENTENCE_END = re.compile(r"[.,;:!?]$")


class Outline:
    """Tracks the current heading path and emits :class:`Block` objects under it."""

    def __init__(self) -> None:
        self._levels: list[tuple[int, str]] = []
        self.blocks: list[Block] = []
        self.first_heading: str | None = None
        # Last top-level number ("3" of "3. Ablauf") seen in plain text, to tell headings from lists.
        self.last_top_number: int | None = None

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(text for _, text in self._levels)

    def heading(self, text: str, level: int, page: int | None = None) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if self.first_heading is None:
            self.first_heading = text
        self._levels = [(lvl, t) for lvl, t in self._levels if lvl < level]
        self._levels.append((level, text))
        self.blocks.append(Block(text=text, section_path=self.path, page=page, heading=True))

    def paragraph(self, text: str, page: int | None = None) -> None:
        text = text.strip()
        if text:
            self.blocks.append(Block(text=text, section_path=self.path, page=page))


def heading_level(line: str) -> int | None:
    """Guess whether a line of plain or PDF text is a heading; return its level or None.

    Plain text and PDFs carry no markup, so headings are recognised by the forms German
    guidelines use: "2.1 Fahrtkosten", "§ 8a Schutzauftrag", "III. Zuständigkeit", or a short
    line in capitals. Sentences (ending in punctuation) and long lines are not headings.
    """
    line = line.strip()
    if not line or len(line) > 90 or _SENTENCE_END.search(line):
        return None
    match = _NUMBERED.match(line)
    if match:
        if ": " in line or len(line.split()) > 10:
            return None  # "1. P-Konto: Jedes Girokonto …" is a list item wrapped at the line end
        if match.group("num"):
            return min(match.group("num").count(".") + 1, 6)
        return 2 if match.group("para") else 1
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and len(line.split()) <= 8:
        return 1
    return None


def top_number(line: str) -> int | None:
    """The number of a one-level numbered line ("3. Ablauf" -> 3), else None."""
    match = re.match(r"^\s*(\d{1,2})\.?\s", line)
    if match and not re.match(r"^\s*\d{1,2}\.\d", line):
        return int(match.group(1))
    return None
