"""File parsers, one per format. :func:`parse_file` picks one by the file suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import messages
from ..errors import EmptyDocument, KnowledgeError, UnsupportedFormat
from ..models import ParsedDocument
from .content_check import check_content
from .docx import parse_docx
from .html import parse_html
from .markdown import parse_markdown
from .pdf import parse_pdf
from .text import parse_text

PARSERS: dict[str, Callable[[Path], ParsedDocument]] = {
    ".pdf": parse_pdf,
    ".docx": parse_docx,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
    ".txt": parse_text,
    ".text": parse_text,
}
#: The file types the knowledge base (and a chat attachment) can be read from.
SUPPORTED_SUFFIXES = tuple(sorted(PARSERS))


def parse_file(path: Path) -> ParsedDocument:
    """Parse ``path`` into blocks; raise a :class:`KnowledgeError` with a German message on failure."""
    if not path.is_file():
        raise KnowledgeError(messages.FILE_NOT_FOUND.format(name=path.name))
    parser = PARSERS.get(path.suffix.lower())
    if parser is None:
        raise UnsupportedFormat(messages.UNSUPPORTED_FORMAT.format(suffix=path.suffix or "ohne Endung", name=path.name))
    try:
        # Hostile files (wrong content, zip bombs) are refused before a parser library opens them.
        check_content(path, path.suffix.lower(), path.name)
        parsed = parser(path)
    except KnowledgeError:
        raise
    except Exception as exc:  # parser libraries raise many types on damaged files
        raise KnowledgeError(messages.FILE_UNREADABLE.format(name=path.name, reason=type(exc).__name__)) from exc
    if not any(block.text.strip() for block in parsed.blocks):
        raise EmptyDocument(messages.EMPTY_DOCUMENT.format(name=path.name))
    return parsed


__all__ = ["PARSERS", "parse_file"]
