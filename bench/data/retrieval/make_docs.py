"""Generate the documents of the retrieval evaluation set into ``docs/``.

Run from the repository root:  .venv/bin/python bench/data/retrieval/make_docs.py

* renders every entry of ``guidelines.DOCS`` into its target format, chosen by the file suffix:
  ``.md`` (YAML front matter), ``.html`` (``<meta>`` tags), ``.txt`` (``Key: Value`` header),
  ``.docx`` (python-docx; metadata in the core properties and a table at the top) and
  ``.pdf`` (written by hand below: no PDF writer is in the lock file; PDF 1.4, standard Helvetica
  fonts with WinAnsiEncoding so umlauts, ß, §, € and „“ survive text extraction; one real page per
  ~50 lines so page numbers are meaningful).

The output is deterministic, so the committed files only change when the texts change.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
import textwrap
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
OUT = HERE / "docs"
ORG = "Sozialwerk Musterstadt e.V."

sys.path.insert(0, str(HERE))
from guidelines import DOCS  # noqa: E402

# --------------------------------------------------------------------------- body parsing

Block = tuple  # ("h2"|"h3"|"p", text) | ("ul"|"ol", [items]) | ("table", [[cells]])


def parse_body(body: str) -> list[Block]:
    """Parse the small Markdown subset used in guidelines.py into blocks."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(("p", " ".join(para)))
            para.clear()

    for raw in body.strip().splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("### "):
            flush()
            blocks.append(("h3", line[4:]))
        elif line.startswith("## "):
            flush()
            blocks.append(("h2", line[3:]))
        elif line.startswith("- "):
            flush()
            _append_item(blocks, "ul", line[2:])
        elif re.match(r"^\d+\. ", line):
            flush()
            _append_item(blocks, "ol", line.split(" ", 1)[1])
        elif line.startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip("|").split("|")]
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        else:
            para.append(line)
    flush()
    return blocks


def _append_item(blocks: list[Block], kind: str, item: str) -> None:
    if blocks and blocks[-1][0] == kind:
        blocks[-1][1].append(item)
    else:
        blocks.append((kind, [item]))


def plain(text: str) -> str:
    return text.replace("**", "")


# --------------------------------------------------------------------------- Markdown


def render_md(doc: dict, blocks: list[Block]) -> str:
    meta = doc["meta"]
    out = ["---"]
    for key, value in meta.items():
        out.append(f'{key}: "{value}"' if key == "Version" else f"{key}: {value}")
    out += ["---", "", f"# {meta['Titel']}", "", f"Richtlinie des {ORG}", ""]
    for kind, content in blocks:
        if kind == "h2":
            out += [f"## {content}", ""]
        elif kind == "h3":
            out += [f"### {content}", ""]
        elif kind == "p":
            out += [content, ""]
        elif kind == "ul":
            out += [f"- {i}" for i in content] + [""]
        elif kind == "ol":
            out += [f"{n}. {i}" for n, i in enumerate(content, 1)] + [""]
        elif kind == "table":
            head, *rows = content
            out.append("| " + " | ".join(head) + " |")
            out.append("|" + "---|" * len(head))
            out += ["| " + " | ".join(r) + " |" for r in rows] + [""]
    return "\n".join(out)


# --------------------------------------------------------------------------- HTML


def _inline_html(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text, quote=False))


def render_html(doc: dict, blocks: list[Block]) -> str:
    meta = doc["meta"]
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="de">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(meta['Titel'])}</title>",
    ]
    out += [f'<meta name="{e(k)}" content="{e(v)}">' for k, v in meta.items()]
    out += ["</head>", "<body>", '<nav><a href="/intranet">Intranet</a> › Richtlinien</nav>', "<main>"]
    out.append(f"<h1>{e(meta['Titel'])}</h1>")
    out.append(
        f"<p class=\"docinfo\">Version {e(meta['Version'])} · Verantwortlich: {e(meta['Verantwortlich'])}"
        f" · Gültig bis: {e(meta['Gültig bis'])} · Zielgruppe: {e(meta['Zielgruppe'])}</p>"
    )
    for kind, content in blocks:
        if kind in ("h2", "h3"):
            out.append(f"<{kind}>{_inline_html(content)}</{kind}>")
        elif kind == "p":
            out.append(f"<p>{_inline_html(content)}</p>")
        elif kind in ("ul", "ol"):
            out.append(f"<{kind}>")
            out += [f"<li>{_inline_html(i)}</li>" for i in content]
            out.append(f"</{kind}>")
        elif kind == "table":
            head, *rows = content
            out.append("<table>")
            out.append("<tr>" + "".join(f"<th>{_inline_html(c)}</th>" for c in head) + "</tr>")
            out += ["<tr>" + "".join(f"<td>{_inline_html(c)}</td>" for c in r) + "</tr>" for r in rows]
            out.append("</table>")
    out += ["</main>", f"<footer>{e(ORG)} · interne Richtlinie</footer>", "</body>", "</html>", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- plain text


def text_lines(doc: dict, blocks: list[Block], width: int) -> list[tuple[str, str]]:
    """(style, line) pairs, style in {"title", "h", "body"}; shared by TXT and PDF."""
    lines: list[tuple[str, str]] = []

    def wrap(text: str, indent: str = "", first: str = "") -> None:
        for i, part in enumerate(textwrap.wrap(plain(text), width - len(indent)) or [""]):
            lines.append(("body", (first if i == 0 else indent) + part if first else indent + part))

    for kind, content in blocks:
        if kind in ("h2", "h3"):
            if lines and lines[-1][1]:
                lines.append(("body", ""))
            lines.append(("h", plain(content)))
        elif kind == "p":
            wrap(content)
            lines.append(("body", ""))
        elif kind == "ul":
            for item in content:
                wrap(item, indent="  ", first="- ")
            lines.append(("body", ""))
        elif kind == "ol":
            for n, item in enumerate(content, 1):
                wrap(item, indent="   ", first=f"{n}. ")
            lines.append(("body", ""))
        elif kind == "table":
            head, *rows = content
            for row in rows:
                wrap(": ".join(row[:1]) + ": " + " – ".join(row[1:]), indent="  ", first="- ")
            lines.append(("body", ""))
    return lines


def render_txt(doc: dict, blocks: list[Block]) -> str:
    meta = doc["meta"]
    out = [f"{k}: {v}" for k, v in meta.items()]
    out += ["", meta["Titel"].upper(), f"Richtlinie des {ORG}", ""]
    for style, line in text_lines(doc, blocks, width=100):
        out.append(line)
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- DOCX


def _add_runs(paragraph, text: str) -> None:
    for i, part in enumerate(re.split(r"\*\*", text)):
        if part:
            paragraph.add_run(part).bold = i % 2 == 1


def render_docx(doc: dict, blocks: list[Block], path: Path) -> None:
    import docx  # python-docx, pinned in requirements/lock.txt

    meta = doc["meta"]
    d = docx.Document()
    props = d.core_properties
    props.title = meta["Titel"]
    props.version = meta["Version"]
    props.author = meta["Verantwortlich"]
    props.subject = f"Zielgruppe: {meta['Zielgruppe']}"
    props.comments = f"Gültig bis: {meta['Gültig bis']}"
    props.category = "Richtlinie"
    props.last_modified_by = ORG
    fixed = dt.datetime(2026, 1, 1, 8, 0, 0)
    props.created = fixed
    props.modified = fixed
    props.revision = 1

    d.add_heading(meta["Titel"], level=0)
    table = d.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in meta.items():
        row = table.add_row().cells
        row[0].text = key
        row[1].text = value
    d.add_paragraph(f"Richtlinie des {ORG}")
    for kind, content in blocks:
        if kind == "h2":
            d.add_heading(plain(content), level=1)
        elif kind == "h3":
            d.add_heading(plain(content), level=2)
        elif kind == "p":
            _add_runs(d.add_paragraph(), content)
        elif kind in ("ul", "ol"):
            style = "List Bullet" if kind == "ul" else "List Number"
            for item in content:
                _add_runs(d.add_paragraph(style=style), item)
        elif kind == "table":
            head, *rows = content
            t = d.add_table(rows=1, cols=len(head))
            t.style = "Table Grid"
            for cell, text in zip(t.rows[0].cells, head):
                cell.text = plain(text)
            for r in rows:
                for cell, text in zip(t.add_row().cells, r):
                    cell.text = plain(text)
    d.save(path)
    _normalise_zip(path)


def _normalise_zip(path: Path) -> None:
    """Rewrite the zip with fixed timestamps so regenerating gives identical bytes."""
    import zipfile

    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)


# --------------------------------------------------------------------------- PDF (by hand)

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN_X, TOP, BOTTOM = 56, 790, 70
LEADING = {"title": 20, "h": 17, "body": 13}
FONT = {"title": ("F2", 15), "h": ("F2", 11.5), "body": ("F1", 10)}


def _pdf_str(text: str) -> bytes:
    raw = text.encode("cp1252")  # WinAnsiEncoding is cp1252 for every character we use
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_text(text: str) -> bytes:
    """Text string outside content streams (document info): UTF-16BE with byte order mark."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def render_pdf(doc: dict, blocks: list[Block], path: Path) -> None:
    meta = doc["meta"]
    lines: list[tuple[str, str]] = [("title", t) for t in textwrap.wrap(meta["Titel"], 60)]
    lines += [("body", f"{ORG} – interne Richtlinie")]
    lines += [("body", f"{k}: {v}") for k, v in meta.items() if k != "Titel"]
    lines += text_lines(doc, blocks, width=92)

    pages: list[list[tuple[str, str]]] = [[]]
    y = TOP
    for style, line in lines:
        need = LEADING[style] + (LEADING["body"] * 2 if style == "h" else 0)  # no heading at page end
        if y - need < BOTTOM:
            pages.append([])
            y = TOP
            if not line:
                continue
        pages[-1].append((style, line))
        y -= LEADING[style]

    objects: list[bytes] = []

    def add(obj: bytes) -> int:
        objects.append(obj)
        return len(objects)

    catalog = add(b"")  # placeholders, filled once the page ids are known
    pages_id = add(b"")
    f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    info = add(
        b"<< /Title " + _pdf_text(meta["Titel"]) + b" /Author " + _pdf_text(meta["Verantwortlich"])
        + b" /Subject " + _pdf_text(f"Version {meta['Version']}; Gültig bis {meta['Gültig bis']}; "
                                   f"Zielgruppe: {meta['Zielgruppe']}")
        + b" /Producer (SafeGPT bench make_docs.py) /CreationDate (D:20260101080000Z) >>"
    )
    page_ids = []
    for number, page in enumerate(pages, 1):
        ops = [b"BT"]
        y = TOP
        for style, line in page:
            font, size = FONT[style]
            if line:
                ops.append(f"/{font} {size} Tf 1 0 0 1 {MARGIN_X} {y} Tm ".encode() + _pdf_str(line) + b" Tj")
            y -= LEADING[style]
        footer = f"{ORG} · {meta['Titel'][:60]} · Seite {number} von {len(pages)}"
        ops.append(f"/F1 8 Tf 1 0 0 1 {MARGIN_X} 40 Tm ".encode() + _pdf_str(footer) + b" Tj")
        ops.append(b"ET")
        stream = zlib.compress(b"\n".join(ops), 9)
        content = add(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream"
        )
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                f"/Resources << /Font << /F1 {f1} 0 R /F2 {f2} 0 R >> >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R /Lang (de-DE) >>".encode()
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))


# --------------------------------------------------------------------------- main


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for doc in DOCS:
        blocks = parse_body(doc["body"])
        path = OUT / doc["file"]
        suffix = path.suffix
        if suffix == ".md":
            path.write_text(render_md(doc, blocks), encoding="utf-8")
        elif suffix == ".html":
            path.write_text(render_html(doc, blocks), encoding="utf-8")
        elif suffix == ".txt":
            path.write_text(render_txt(doc, blocks), encoding="utf-8")
        elif suffix == ".docx":
            render_docx(doc, blocks, path)
        elif suffix == ".pdf":
            render_pdf(doc, blocks, path)
        else:
            raise SystemExit(f"unknown format: {doc['file']}")
    counts: dict[str, int] = {}
    for f in OUT.iterdir():
        counts[f.suffix] = counts.get(f.suffix, 0) + 1
    print(f"{sum(counts.values())} documents in {OUT.relative_to(REPO)}: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
