"""HTML (.html, .htm) via BeautifulSoup: h1–h6 give sections; p, li, pre, table rows give blocks."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ..models import ParsedDocument
from .metadata import field_for, from_mapping
from .outline import Outline
from .text import parse_lines

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = {"p", "li", "pre", "dt", "dd", "blockquote", "table", "figcaption"}
# Page furniture that is not part of the guideline itself.
_DROP = ["script", "style", "noscript", "nav", "header", "footer", "form", "template", "svg"]


def parse_html(path: Path) -> ParsedDocument:
    """Parse an HTML file."""
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    declared = {str(m.get("name")): str(m.get("content")) for m in soup.find_all("meta")
                if m.get("name") and m.get("content") and field_for(str(m.get("name")))}
    metadata = from_mapping(declared)
    title_tag = soup.find("title")
    page_title = title_tag.get_text(" ", strip=True) if title_tag else None
    for name in _DROP:
        for tag in soup.find_all(name):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    outline = Outline()
    wanted = set(_HEADINGS) | _BLOCKS
    for element in root.find_all(wanted):
        if any(parent.name in _BLOCKS for parent in element.parents if isinstance(parent, Tag)):
            continue  # already part of an enclosing block (e.g. <p> inside <li>)
        if element.name in _HEADINGS:
            outline.heading(element.get_text(" ", strip=True), _HEADINGS[element.name])
        elif element.name == "table":
            rows = [" | ".join(cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"]))
                    for tr in element.find_all("tr")]
            outline.paragraph("\n".join(r for r in rows if r.strip(" |")))
        elif element.name == "pre":
            outline.paragraph(element.get_text())
        else:
            text = " ".join(element.get_text(" ", strip=True).split())
            outline.paragraph(f"- {text}" if element.name == "li" else text)
    if not outline.blocks:
        # Text directly inside <div>s without paragraph markup.
        parse_lines(root.get_text("\n"), outline)
    return ParsedDocument(title=metadata.get("title") or page_title or outline.first_heading,
                          blocks=outline.blocks, metadata=metadata)
