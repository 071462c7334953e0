"""PDF via pypdf: one pass per page, headings recognised by their form, page numbers kept."""

from __future__ import annotations

import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .. import messages
from ..errors import EmptyDocument, FileTooComplex, KnowledgeError
from ..models import ParsedDocument
from .metadata import clean_value, from_semicolon_list, split_header_lines
from .outline import Outline
from .text import parse_lines

# pypdf logs recoverable damage at WARNING with fragments of the file; keep it out of our logs.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# Fewer letters than this: the document (or page) is treated as image-only (scan, signature page).
_MIN_LETTERS_PER_DOCUMENT = 40
_MIN_LETTERS_PER_PAGE = 20
# Text extraction costs about 10 ms per page; a crafted file with 100,000 empty pages would block for minutes.
MAX_PAGES = 2000


def parse_pdf(path: Path) -> ParsedDocument:
    """Parse a PDF with a text layer; a scanned PDF raises :class:`EmptyDocument`."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise KnowledgeError(messages.PDF_ENCRYPTED.format(name=path.name))
        count = len(reader.pages)
        if count == 0:
            raise KnowledgeError(messages.PDF_NO_PAGES.format(name=path.name))
        if count > MAX_PAGES:
            raise FileTooComplex(messages.PDF_TOO_MANY_PAGES.format(name=path.name, pages=count, limit=MAX_PAGES))
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
        meta_title = info.get("/Title")
        declared = {"owner": info.get("/Author")}
        declared.update(from_semicolon_list(str(info.get("/Subject") or "")))
    except KnowledgeError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise KnowledgeError(messages.FILE_UNREADABLE.format(name=path.name, reason=type(exc).__name__)) from exc
    letters = [sum(ch.isalpha() for ch in text) for text in pages]
    if sum(letters) < _MIN_LETTERS_PER_DOCUMENT:
        raise EmptyDocument(messages.PDF_NO_TEXT.format(name=path.name))
    # A text cover sheet in front of scanned pages would otherwise be indexed as "the document".
    image_pages = [n for n, count in enumerate(letters, start=1) if count < _MIN_LETTERS_PER_PAGE]
    if len(pages) >= 3 and len(image_pages) * 2 > len(pages):
        raise EmptyDocument(messages.PDF_MOSTLY_SCANNED.format(name=path.name, pages=len(image_pages),
                                                                total=len(pages)))
    # "Version: 3.1", "Verantwortlich: …" lines at the top of page 1 are metadata, not content.
    header, first_page = split_header_lines(pages[0].splitlines())
    pages[0] = "\n".join(first_page)
    metadata = {k: clean_value(k, v) for k, v in {**declared, **header}.items() if v}
    metadata = {k: v for k, v in metadata.items() if v}
    outline = Outline()
    for number, text in enumerate(pages, start=1):
        parse_lines(text, outline, page=number)
    title = metadata.get("title") or (str(meta_title).strip() if meta_title and str(meta_title).strip() else None)
    return ParsedDocument(title=title or outline.first_heading, blocks=outline.blocks, metadata=metadata)
