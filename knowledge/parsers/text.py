"""Plain text (.txt): paragraphs separated by blank lines, headings recognised by their form."""

from __future__ import annotations

from pathlib import Path

from ..models import ParsedDocument
from .metadata import split_header_lines
from .outline import Outline, heading_level, top_number


def read_text_file(path: Path) -> str:
    """Read a text file as UTF-8, falling back to Windows-1252 (common for German office files)."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def parse_lines(text: str, outline: Outline, page: int | None = None) -> None:
    """Feed plain text into ``outline``: headings by form, paragraphs by blank lines.

    Lines are joined into paragraphs; a hyphen at a line end followed by a lower-case word is
    a hyphenation (common in PDFs) and is removed.
    """
    lines = text.splitlines()
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            outline.paragraph(_join_lines(paragraph), page=page)
            paragraph.clear()

    for raw in lines:
        line = raw.strip()
        if not line:
            flush()
            continue
        # Setext-style underline ("Titel\n=====") marks the previous line as heading.
        if set(line) <= {"=", "-"} and len(line) >= 3 and len(paragraph) == 1:
            outline.heading(paragraph.pop(), 1 if line[0] == "=" else 2, page=page)
            continue
        level = heading_level(line)
        number = top_number(line) if level is not None else None
        if number is not None and outline.last_top_number is not None and number != outline.last_top_number + 1:
            # Numbered headings count up; "1." after "3. …" starts a numbered list instead.
            level = None
        if level is not None:
            if number is not None:
                outline.last_top_number = number
            flush()
            outline.heading(line, level, page=page)
            continue
        paragraph.append(line)
    flush()


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out.endswith("-") and line[:1].islower() and not out.endswith(" -"):
            out = out[:-1] + line
        elif out:
            out += "\n" + line if _is_list_item(line) else " " + line
        else:
            out = line
    return out


def _is_list_item(line: str) -> bool:
    return line[:2] in {"- ", "* ", "• ", "– "} or (line[:1].isdigit() and line[1:3] in {") ", ". "})


def parse_text(path: Path) -> ParsedDocument:
    """Parse a plain-text file. A short first line standing alone is the document title."""
    metadata, lines = split_header_lines(read_text_file(path).lstrip("\ufeff").splitlines())
    while lines and not lines[0].strip():
        lines.pop(0)
    text = "\n".join(lines)
    outline = Outline()
    if len(lines) >= 2 and lines[0].strip() and not lines[1].strip():
        first = lines[0].strip()
        if len(first) <= 90 and not first.endswith((".", ",", ";", ":", "!", "?")):
            # Level 0 so that numbered headings ("1. …") nest below the title.
            outline.heading(first, 0)
            text = "\n".join(lines[1:])
    parse_lines(text, outline)
    return ParsedDocument(title=metadata.get("title") or outline.first_heading, blocks=outline.blocks,
                          metadata=metadata)
