"""Small German test documents in every supported format, written at test time.

PDFs are written by hand (no PDF writer is among the dependencies): Helvetica with
WinAnsiEncoding, one text line per ``Tj``, so pypdf extracts umlauts and page numbers.
"""

from __future__ import annotations

from pathlib import Path

import docx

MARKDOWN = """# Reisekostenrichtlinie

## 1 Geltungsbereich
Diese Richtlinie gilt für alle Mitarbeitenden des Trägers bei Dienstreisen im Inland.

## 2 Fahrtkosten
Fahrtkosten werden mit dem Formular F-12 bei der Verwaltung beantragt.
Bei Nutzung des privaten PKW werden 0,30 Euro pro gefahrenem Kilometer erstattet.

### 2.1 Bahn
Bahnfahrten werden in der zweiten Klasse erstattet. Die Bahncard wird nicht übernommen.

## 3 Verpflegung
| Abwesenheit | Pauschale |
|---|---|
| mehr als 8 Stunden | 14 Euro |
| 24 Stunden | 28 Euro |
"""

TEXT = """Leitfaden Kinderschutz

1. Anwendungsbereich

Der Leitfaden gilt für alle Fachkräfte der ambulanten Hilfen zur Erziehung.

2. Verfahren bei Kindeswohlgefährdung

Bei gewichtigen Anhaltspunkten für eine Kindeswohlgefährdung gilt das Verfahren nach § 8a SGB VIII.
Die insoweit erfahrene Fachkraft wird hinzugezogen und die Gefährdungseinschätzung dokumentiert.

3. Dokumentation

Die Dokumentation erfolgt im Fachverfahren innerhalb von drei Arbeitstagen.
"""

HTML = """<!doctype html>
<html lang="de"><head><title>Datenschutz im Büro</title><style>p {color: red}</style></head>
<body>
<nav>Startseite | Kontakt</nav>
<main>
<h1>Datenschutz im Büro</h1>
<h2>Clean Desk</h2>
<p>Akten mit Klientendaten werden beim Verlassen des Arbeitsplatzes verschlossen.</p>
<h2>Passwörter</h2>
<ul><li>Passwörter haben mindestens zwölf Zeichen.</li><li>Passwörter werden nicht weitergegeben.</li></ul>
<script>var tracking = 1;</script>
</main>
<footer>Impressum</footer>
</body></html>
"""


def write_markdown(directory: Path, name: str = "reisekosten.md", text: str = MARKDOWN) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def write_text(directory: Path, name: str = "kinderschutz.txt") -> Path:
    path = directory / name
    path.write_text(TEXT, encoding="utf-8")
    return path


def write_html(directory: Path, name: str = "datenschutz.html") -> Path:
    path = directory / name
    path.write_text(HTML, encoding="utf-8")
    return path


def write_docx(directory: Path, name: str = "urlaub.docx") -> Path:
    document = docx.Document()
    document.core_properties.title = "Urlaubsregelung"
    document.add_heading("Urlaubsregelung", level=1)
    document.add_heading("Urlaubsantrag", level=2)
    document.add_paragraph("Der Urlaubsantrag wird mindestens vier Wochen vorher über das Formular U-3 gestellt.")
    document.add_paragraph("Resturlaub verfällt am 31. März des Folgejahres.", style="List Bullet")
    document.add_heading("Krankheit im Urlaub", level=2)
    document.add_paragraph("Bei Krankheit im Urlaub ist ab dem ersten Tag eine Arbeitsunfähigkeitsbescheinigung vorzulegen.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Betriebszugehörigkeit"
    table.cell(0, 1).text = "Urlaubstage"
    table.cell(1, 0).text = "ab 5 Jahren"
    table.cell(1, 1).text = "32"
    path = directory / name
    document.save(str(path))
    return path


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def build_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal valid PDF; each page is a list of text lines (an empty list gives a page with
    only a drawn rectangle, like a scan without text layer)."""
    objects: list[bytes] = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, lines in enumerate(pages):
        content_id = 4 + 2 * i
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_id} 0 R "
                       f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
        if lines:
            ops = [b"BT /F1 11 Tf 14 TL 56 780 Td"]
            for line in lines:
                ops.append(_pdf_string(line) + b" Tj T*")
            ops.append(b"ET")
        else:
            ops = [b"0.5 g 56 400 480 300 re f"]
        stream = b"\n".join(ops)
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    info_id = None
    if title:
        objects.append(b"<< /Title " + _pdf_string(title) + b" >>")
        info_id = len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R"
    if info_id:
        trailer += f" /Info {info_id} 0 R"
    out += (trailer + f" >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


PDF_PAGES = [
    [
        "1 Rufbereitschaft",
        "Die Rufbereitschaft beginnt werktags um 17 Uhr und endet um 8 Uhr.",
        "Sie wird über das Formular R-7 im Dienstplan eingetragen.",
    ],
    [
        "2 Vergütung",
        "Für jede Stunde Rufbereitschaft werden 12,5 Prozent des Stundenlohns gezahlt.",
        "Einsätze während der Rufbereitschaft gelten als Arbeitszeit.",
    ],
]


def write_pdf(directory: Path, name: str = "rufbereitschaft.pdf", pages: list[list[str]] | None = None,
              title: str | None = "Dienstanweisung Rufbereitschaft") -> Path:
    path = directory / name
    path.write_bytes(build_pdf(pages if pages is not None else PDF_PAGES, title=title))
    return path


def write_scanned_pdf(directory: Path, name: str = "scan.pdf") -> Path:
    path = directory / name
    path.write_bytes(build_pdf([[], []]))
    return path


MARKDOWN_WITH_FRONT_MATTER = """---
Titel: Hygieneplan Küche
Version: "2.1"
Verantwortlich: Hauswirtschaftsleitung
Gültig bis: 2027-03-31
Zielgruppe: Hauswirtschaft
---

# Hygieneplan

## Kühlschränke
Kühlschränke werden wöchentlich gereinigt und die Temperatur täglich im Formular H-2 notiert.
"""

TEXT_WITH_HEADER = """Titel: Telefonregeln
Version: 1.4
Verantwortlich: Empfang
Gültig bis: 30.06.2027
Zielgruppe: alle

TELEFONREGELN

1. Erreichbarkeit
Das Telefon ist werktags von 8 bis 16 Uhr besetzt.
"""

HTML_WITH_META = """<!doctype html><html><head><meta charset="utf-8"><title>Seite</title>
<meta name="Titel" content="Schlüsselordnung"><meta name="Version" content="3">
<meta name="Verantwortlich" content="Hausmeisterei"><meta name="Gültig bis" content="2028-01-31">
<meta name="Zielgruppe" content="Leitungen"></head>
<body><h1>Schlüsselordnung</h1><p>Generalschlüssel werden nur gegen Unterschrift im Formular S-1 ausgegeben.</p></body></html>
"""


def write_docx_with_properties(directory: Path, name: str = "fahrzeuge.docx") -> Path:
    document = docx.Document()
    props = document.core_properties
    props.title = "Fahrzeugordnung"
    props.version = "1.7"
    props.author = "Fuhrparkleitung"
    props.subject = "Zielgruppe: Fahrdienst"
    props.comments = "Gültig bis: 2027-10-31"
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Titel", "Fahrzeugordnung"
    table.cell(1, 0).text, table.cell(1, 1).text = "Version", "1.7"
    document.add_heading("Fahrtenbuch", level=1)
    document.add_paragraph("Jede Fahrt wird im Fahrtenbuch mit Kilometerstand eingetragen.")
    path = directory / name
    document.save(str(path))
    return path


def write_pdf_with_info(directory: Path, name: str = "brandschutz.pdf") -> Path:
    pages = [["Brandschutzordnung", "Version: 2.0", "Verantwortlich: Brandschutzbeauftragter",
              "Gültig bis: 2027-05-31", "Zielgruppe: alle", "1 Verhalten im Brandfall",
              "Ruhe bewahren, Brand melden über 112 und die Räumung einleiten."]]
    path = directory / name
    data = build_pdf(pages, title="Brandschutzordnung")
    path.write_bytes(data)
    return path
