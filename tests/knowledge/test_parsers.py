"""Each format parses into titled, sectioned blocks; bad input gives German, actionable errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import EmptyDocument, KnowledgeError, UnsupportedFormat
from knowledge.parsers import parse_file

from . import fixture_files as f


def _sections(doc) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {b.section for b in doc.blocks if not b.heading}


def test_markdown_headings_lists_tables(docs: Path) -> None:
    doc = parse_file(f.write_markdown(docs))
    assert doc.title == "Reisekostenrichtlinie"
    assert {"1 Geltungsbereich", "2 Fahrtkosten", "2.1 Bahn", "3 Verpflegung"} <= _sections(doc)
    bahn = next(b for b in doc.blocks if b.section == "2.1 Bahn" and not b.heading)
    assert bahn.section_path == ("Reisekostenrichtlinie", "2 Fahrtkosten", "2.1 Bahn")
    table = next(b for b in doc.blocks if b.section == "3 Verpflegung" and not b.heading)
    assert "24 Stunden | 28 Euro" in table.text


def test_text_title_and_numbered_headings(docs: Path) -> None:
    doc = parse_file(f.write_text(docs))
    assert doc.title == "Leitfaden Kinderschutz"
    assert "2. Verfahren bei Kindeswohlgefährdung" in _sections(doc)
    block = next(b for b in doc.blocks if "§ 8a" in b.text)
    assert block.section_path == ("Leitfaden Kinderschutz", "2. Verfahren bei Kindeswohlgefährdung")


def test_html_drops_navigation_and_scripts(docs: Path) -> None:
    doc = parse_file(f.write_html(docs))
    assert doc.title == "Datenschutz im Büro"
    text = "\n".join(b.text for b in doc.blocks)
    assert "Klientendaten" in text and "zwölf Zeichen" in text
    assert "tracking" not in text and "Impressum" not in text and "Startseite" not in text
    assert "Passwörter" in _sections(doc)


def test_docx_heading_styles_lists_and_tables(docs: Path) -> None:
    doc = parse_file(f.write_docx(docs))
    assert doc.title == "Urlaubsregelung"
    assert {"Urlaubsantrag", "Krankheit im Urlaub"} <= _sections(doc)
    text = "\n".join(b.text for b in doc.blocks)
    assert "- Resturlaub verfällt" in text
    assert "Betriebszugehörigkeit | Urlaubstage" in text


def test_pdf_pages_and_numbered_headings(docs: Path) -> None:
    doc = parse_file(f.write_pdf(docs))
    assert doc.title == "Dienstanweisung Rufbereitschaft"
    pages = {b.section: b.page for b in doc.blocks if not b.heading}
    assert pages == {"1 Rufbereitschaft": 1, "2 Vergütung": 2}
    assert any("Formular R-7" in b.text for b in doc.blocks)


def test_scanned_pdf_is_reported_not_empty(docs: Path) -> None:
    with pytest.raises(EmptyDocument) as info:
        parse_file(f.write_scanned_pdf(docs))
    assert "keinen lesbaren Text (gescannt?)" in str(info.value)
    assert "scan.pdf" in str(info.value)


@pytest.mark.parametrize("name", ["tabelle.xlsx", "alt.doc", "ohne_endung"])
def test_unsupported_format(docs: Path, name: str) -> None:
    path = docs / name
    path.write_bytes(b"irgendwas")
    with pytest.raises(UnsupportedFormat) as info:
        parse_file(path)
    assert "wird nicht unterstützt" in str(info.value) and "PDF, DOCX" in str(info.value)


def test_missing_and_damaged_files(docs: Path) -> None:
    with pytest.raises(KnowledgeError, match="nicht gefunden"):
        parse_file(docs / "fehlt.md")
    broken = docs / "kaputt.docx"
    broken.write_bytes(b"kein zip")
    with pytest.raises(KnowledgeError, match="konnte nicht gelesen werden"):
        parse_file(broken)
    broken_pdf = docs / "kaputt.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4 nonsense")
    with pytest.raises(KnowledgeError):
        parse_file(broken_pdf)


def test_empty_text_file(docs: Path) -> None:
    path = docs / "leer.txt"
    path.write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(EmptyDocument, match="enthält keinen Text"):
        parse_file(path)


def test_windows_1252_text_file(docs: Path) -> None:
    path = docs / "alt.txt"
    path.write_bytes("Grüße aus der Verwaltung: Überstunden werden ausgeglichen.".encode("cp1252"))
    doc = parse_file(path)
    assert "Überstunden" in doc.blocks[0].text


@pytest.mark.parametrize("write, expected", [
    (lambda d: f.write_markdown(d, "hygiene.md", f.MARKDOWN_WITH_FRONT_MATTER),
     {"title": "Hygieneplan Küche", "version": "2.1", "owner": "Hauswirtschaftsleitung",
      "valid_until": "2027-03-31", "audience": "Hauswirtschaft"}),
    (lambda d: (d / "telefon.txt").write_text(f.TEXT_WITH_HEADER, encoding="utf-8") and d / "telefon.txt",
     {"title": "Telefonregeln", "version": "1.4", "owner": "Empfang", "valid_until": "2027-06-30",
      "audience": "alle"}),
    (lambda d: (d / "schluessel.html").write_text(f.HTML_WITH_META, encoding="utf-8") and d / "schluessel.html",
     {"title": "Schlüsselordnung", "version": "3", "owner": "Hausmeisterei", "valid_until": "2028-01-31",
      "audience": "Leitungen"}),
    (f.write_docx_with_properties,
     {"title": "Fahrzeugordnung", "version": "1.7", "owner": "Fuhrparkleitung", "valid_until": "2027-10-31",
      "audience": "Fahrdienst"}),
    (f.write_pdf_with_info,
     {"version": "2.0", "owner": "Brandschutzbeauftragter", "valid_until": "2027-05-31", "audience": "alle"}),
])
def test_metadata_declared_in_files(docs: Path, write, expected: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    doc = parse_file(write(docs))
    assert {k: doc.metadata.get(k) for k in expected} == expected
    text = "\n".join(b.text for b in doc.blocks)
    # Metadata lines, front matter and metadata tables are not indexed as content.
    assert "Verantwortlich" not in text and "Gültig bis" not in text and "---" not in text


def test_text_cover_page_in_front_of_scans_is_rejected(docs: Path) -> None:
    path = docs / "teilscan.pdf"
    path.write_bytes(f.build_pdf([["Deckblatt Dienstanweisung Brandschutz mit ausreichend viel Text darauf."], [], [], []]))
    with pytest.raises(EmptyDocument, match="überwiegend aus gescannten Seiten"):
        parse_file(path)


def test_password_protected_pdf(docs: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = f.write_pdf(docs)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="geheim", algorithm="RC4-128")
    locked = docs / "gesperrt.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    with pytest.raises(KnowledgeError, match="verschlüsselt"):
        parse_file(locked)
