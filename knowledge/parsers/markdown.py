"""Markdown (.md) via markdown-it-py: headings give sections, paragraphs/lists/tables give blocks."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..models import ParsedDocument
from .metadata import from_mapping, split_header_lines
from .outline import Outline
from .text import read_text_file

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML front matter ("---" … "---") as metadata, and the Markdown after it."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return {}, text
    body = text.lstrip("\ufeff")[match.end():]
    try:
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        loaded = None
    if isinstance(loaded, dict):
        return from_mapping(loaded), body
    metadata, _ = split_header_lines(match.group(1).splitlines(), max_lines=100)
    return metadata, body


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in {"text", "code_inline", "html_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()


def parse_markdown(path: Path) -> ParsedDocument:
    """Parse a Markdown file (CommonMark plus tables)."""
    md = MarkdownIt("commonmark").enable("table")
    metadata, text = split_front_matter(read_text_file(path))
    tokens = md.parse(text)
    outline = Outline()
    list_depth = 0
    row: list[str] = []
    table_rows: list[str] = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            outline.heading(_inline_text(tokens[i + 1]), int(token.tag[1]))
        elif token.type in {"bullet_list_open", "ordered_list_open"}:
            list_depth += 1
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            list_depth -= 1
        elif token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            text = _inline_text(token)
            outline.paragraph(f"- {text}" if list_depth else text)
        elif token.type in {"fence", "code_block"}:
            outline.paragraph(token.content)
        elif token.type == "inline" and tokens[i - 1].type in {"th_open", "td_open"}:
            row.append(_inline_text(token))
        elif token.type == "tr_close":
            table_rows.append(" | ".join(row))
            row = []
        elif token.type == "table_close":
            # A table stays one block so that header and rows are embedded together.
            outline.paragraph("\n".join(table_rows))
            table_rows = []
    return ParsedDocument(title=metadata.get("title") or outline.first_heading, blocks=outline.blocks,
                          metadata=metadata)
