"""Word (.docx) via python-docx: heading styles give sections; paragraphs and tables in order."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from .. import messages
from ..errors import KnowledgeError
from ..models import ParsedDocument
from .metadata import clean_value, field_for, from_mapping, key_value
from .outline import Outline

# English and German style names ("Heading 2", "Überschrift 2"); "Title"/"Titel" is level 1.
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "titel"}
_LIST_STYLE = re.compile(r"list|liste|aufzählung", re.IGNORECASE)


def parse_docx(path: Path) -> ParsedDocument:
    """Parse a Word document (DOCX; the old binary .doc is not supported)."""
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise KnowledgeError(messages.FILE_UNREADABLE.format(name=path.name, reason=type(exc).__name__)) from exc
    outline = Outline()
    metadata: dict[str, str] = {}
    title_from_style: str | None = None
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            match = _HEADING_STYLE.match(style.strip())
            if style.strip().lower() in _TITLE_STYLES:
                title_from_style = title_from_style or text
                outline.heading(text, 1)
            elif match:
                outline.heading(text, int(match.group(1)))
            elif _LIST_STYLE.search(style):
                outline.paragraph(f"- {text}")
            else:
                outline.paragraph(text)
        elif isinstance(item, Table):
            declared = _metadata_table(item)
            if declared:
                metadata.update({k: v for k, v in declared.items() if k not in metadata})
                continue
            rows = []
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    if not cells or cells[-1] != value:  # merged cells repeat their text
                        cells.append(value)
                rows.append(" | ".join(cells))
            outline.paragraph("\n".join(r for r in rows if r.strip(" |")))
    props = document.core_properties
    from_properties: dict[str, str] = {}
    for name, value in (("title", props.title), ("version", props.version), ("owner", props.author)):
        if value and value.strip():
            from_properties[name] = clean_value(name, value)
    for free_text in (props.subject, props.comments):  # "Zielgruppe: …", "Gültig bis: …"
        found = key_value(free_text or "")
        if found and found[1]:
            from_properties.setdefault(found[0], found[1])
    metadata = {**from_properties, **metadata}
    title = metadata.get("title") or title_from_style or outline.first_heading
    return ParsedDocument(title=title, blocks=outline.blocks, metadata=metadata)


def _metadata_table(table: Table) -> dict[str, str]:
    """A two-column table whose first column holds only metadata keys ("Version", "Gültig bis" …)."""
    pairs: dict[object, object] = {}
    for row in table.rows:
        cells = [c.text.strip() for c in row.cells]
        if len(cells) != 2 or not field_for(cells[0].rstrip(":")):
            return {}
        pairs[cells[0].rstrip(":")] = cells[1]
    return from_mapping(pairs) if pairs else {}
