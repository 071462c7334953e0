"""Client-data check before indexing and the audit log, through ``safegpt kb`` (real guardrail, real Chroma)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from knowledge.curation import UploadError, mask, safe_file_name, scan_texts
from knowledge.settings import IngestSettings
from tests.conftest import settings_dict
from tests.support.server import run_cli, write_toml

CLIENT = """# Hilfeplan Beispiel

Frau Aylin Demir (geb. 14.03.1987) ist per E-Mail unter aylin.demir@web.de erreichbar, Telefon 0176 1234567.
Herr Jonas Becker ist ihr Betreuer. Die Hilfe wird monatlich überprüft.
"""
CLEAN = """# Fahrradleasing

Mitarbeitende beantragen ein Dienstrad mit dem Formular F-77 bei der Personalabteilung.
"""
SECRETS = ("Aylin", "Demir", "aylin.demir", "14.03.1987", "1234567", "Jonas", "Becker")
SUFFIXES = (".docx", ".htm", ".html", ".md", ".pdf", ".txt")


@pytest.fixture(scope="module")
def guardrail():
    from guardrails import GuardrailSettings
    from guardrails.guardrail import Guardrail

    return Guardrail(GuardrailSettings())


def test_scan_counts_types_and_masks_values(guardrail):
    report = scan_texts(guardrail, [CLIENT, CLIENT[40:]], IngestSettings())  # overlapping chunks count once
    counts = {t.entity_type: t.count for t in report.types}
    assert counts["PERSON"] == 2 and counts["EMAIL_ADDRESS"] == 1 and counts["PHONE_NUMBER"] == 1
    assert counts["DATE_OF_BIRTH"] == 1
    assert report.warn and "Person: 2" in report.summary()
    shown = report.summary() + repr(report)
    assert not any(secret in shown for secret in SECRETS)
    person = next(t for t in report.types if t.entity_type == "PERSON")
    assert "A*** D***" in person.masked


def test_scan_ignores_guideline_noise(guardrail):
    text = ("Die Löschung erfolgt nach 10 Jahren, spätestens am 31.12.2027. Rückwirkend gilt das ab 01.01.2020. "
            "Beispiel für die Übergabe: „Herr M. hat seit dem Mittag Fieber.“ Berlin, 10115.")
    assert not scan_texts(guardrail, [text], IngestSettings()).warn


def test_warn_threshold_is_configurable(guardrail):
    assert not scan_texts(guardrail, [CLIENT], IngestSettings(pii_warn_at=50)).warn


def test_mask_keeps_only_first_letters():
    assert mask("Aylin  Demir") == "A*** D***"


@pytest.mark.parametrize("client_name, expected", [
    ("reisekosten.PDF", "reisekosten.pdf"),
    ("C:\\Users\\x\\Richtlinie Kinderschutz.docx", "Richtlinie Kinderschutz.docx"),
    ("../../etc/passwd.md", "passwd.md"),
    ("Über <b>&\"Richtlinie\".md", "Über _b_Richtlinie.md"),
    ("x/<script>alert(1)</script>.md", "script.md"),
    (".md", "dokument.md"),
    ("a\x00b\nc.txt", "a_b_c.txt"),
])
def test_safe_file_name(client_name, expected):
    assert safe_file_name(client_name, SUFFIXES) == expected


@pytest.mark.parametrize("client_name", ["programm.exe", "ohne", "archiv.tar.gz", "", None])
def test_unsupported_types_are_refused_in_german(client_name):
    with pytest.raises(UploadError, match="wird nicht unterstützt"):
        safe_file_name(client_name, SUFFIXES)


@pytest.fixture
def config(tmp_path, provider):
    return write_toml(tmp_path / "safegpt.toml", settings_dict(tmp_path / "data", provider))


def audit(config):
    from chat.settings import load_settings
    from chat.wiring import SafeGPT

    app = SafeGPT(load_settings(config))
    try:
        return app.audit.entries("knowledge")
    finally:
        app.close()


def test_cli_refuses_client_data_without_terminal_and_adds_with_yes(config, tmp_path):
    path = tmp_path / "hilfeplan.md"
    path.write_text(CLIENT, encoding="utf-8")

    refused = run_cli(config, "kb", "add", str(path), "--no-progress", input="", check=False)
    assert refused.returncode == 1
    assert "personenbezogene Daten" in refused.stderr and "--yes" in refused.stderr
    assert "Person: 2" in refused.stderr
    assert not any(secret in refused.stdout + refused.stderr for secret in SECRETS)
    assert "hilfeplan" not in run_cli(config, "kb", "list").stdout

    added = run_cli(config, "kb", "add", str(path), "--no-progress", "--yes")
    assert "Aufgenommen" in added.stdout
    assert "hilfeplan" in run_cli(config, "kb", "list").stdout
    run_cli(config, "kb", "reindex", "--no-progress")
    run_cli(config, "kb", "remove", "hilfeplan-md")

    entries = audit(config)
    assert [e.action for e in entries][::-1] == ["add-refused", "add", "reindex", "remove"]
    assert all(e.actor.startswith("cli:") for e in entries)
    assert "bestätigt" in entries[2].detail
    assert not any(secret in e.detail + e.target for e in entries for secret in SECRETS)


def test_cli_asks_in_a_terminal(config, tmp_path, monkeypatch):
    import chat.cli.kb
    from chat.cli.main import cli

    monkeypatch.setattr(chat.cli.kb, "_interactive", lambda: True)
    path = tmp_path / "hilfeplan.md"
    path.write_text(CLIENT, encoding="utf-8")
    clean = tmp_path / "fahrrad.md"
    clean.write_text(CLEAN, encoding="utf-8")
    runner = CliRunner()

    no = runner.invoke(cli, ["--config", str(config), "kb", "add", str(path), "--no-progress"], input="n\n")
    assert no.exit_code == 1 and "Trotzdem aufnehmen?" in no.output
    yes = runner.invoke(cli, ["--config", str(config), "kb", "add", str(path), "--no-progress"], input="j\n")
    assert yes.exit_code == 0 and "Aufgenommen" in yes.output
    quiet = runner.invoke(cli, ["--config", str(config), "kb", "add", str(clean), "--no-progress"], input="")
    assert quiet.exit_code == 0 and "Trotzdem" not in quiet.output
    assert [e.action for e in audit(config)][::-1] == ["add-refused", "add", "add"]
