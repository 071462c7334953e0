"""Client-data check before indexing and the audit log, through ``safegpt kb`` (real guardrail, real Chroma)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from knowledge.curation import Curator, UploadError, safe_file_name
from knowledge.settings import IngestSettings
from tests.chat.curation_samples import CASE_NOTE, CASE_NOTE_VALUES, CONTACT_VALUES, GUIDELINE_WITH_CONTACTS
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


def _curator(guardrail, tmp_path, **settings):
    return Curator(None, lambda: guardrail, None, IngestSettings(**settings), tmp_path)


def test_scan_judges_client_data_and_reports_counts_without_values(guardrail, tmp_path):
    report = _curator(guardrail, tmp_path).scan([CLIENT, CLIENT[40:]])  # overlapping chunks count once
    reasons = [f.reason for f in report.blocking]
    assert sorted(reasons) == ["birth_date", "client_name", "client_name", "client_phone", "private_email"]
    assert "Geburtsdatum: 1" in report.summary(blocking_only=True)
    shown = report.summary() + repr(report)
    assert not any(secret in shown for secret in SECRETS)
    birth = next(f for f in report.blocking if f.reason == "birth_date")
    assert birth.value == "14.03.1987" and "(geb." in birth.before  # context for the admin page


def test_scan_ignores_guideline_noise_and_contact_data(guardrail, tmp_path):
    text = ("Die Löschung erfolgt nach 10 Jahren, spätestens am 31.12.2027. Rückwirkend gilt das ab 01.01.2020. "
            "Beispiel für die Übergabe: „Herr M. hat seit dem Mittag Fieber.“ Berlin, 10115. "
            "Fragen beantwortet die Datenschutzbeauftragte, Frau Dr. Miriam Hollenbach, Tel. 0521 98765-310, "
            "datenschutz@diakonie-lindenfeld.de; TelefonSeelsorge 0800 111 0 111.")
    curator = _curator(guardrail, tmp_path)
    report = curator.scan([text])
    assert not curator.needs_confirmation(report)
    assert {f.reason for f in report.information} >= {"contact_person", "office_number", "function_mailbox"}


def test_warn_threshold_is_configurable(guardrail, tmp_path):
    curator = _curator(guardrail, tmp_path, pii_warn_at=50)
    assert not curator.needs_confirmation(curator.scan([CLIENT]))


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
    assert "Geburtsdatum: 1" in refused.stderr
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


def test_cli_adds_a_guideline_with_contact_data_and_refuses_it_with_a_case_note(config, tmp_path):
    path = tmp_path / "merkblatt-datenschutz.md"
    path.write_text(GUIDELINE_WITH_CONTACTS, encoding="utf-8")
    # No terminal and no --yes: only client data could stop it, the organisation's contact data does not.
    added = run_cli(config, "kb", "add", str(path), "--no-progress", input="")
    assert "Aufgenommen" in added.stdout and "personenbezogene Daten" not in added.stderr
    assert "Ansprechperson mit Funktion: 2" in added.stderr and "Funktionspostfach: 1" in added.stderr
    assert "Bankverbindung des Trägers: 1" in added.stderr

    path.write_text(GUIDELINE_WITH_CONTACTS + CASE_NOTE, encoding="utf-8")
    refused = run_cli(config, "kb", "add", str(path), "--no-progress", input="", check=False)
    assert refused.returncode == 1 and "Nicht aufgenommen" in refused.stderr
    assert "Geburtsdatum: 1" in refused.stderr
    assert "Name im Zusammenhang mit einer Klientin oder einem Klienten: 1" in refused.stderr
    assert "Ansprechperson" not in refused.stderr  # the warning lists only what blocks
    shown = added.stdout + added.stderr + refused.stdout + refused.stderr
    entries = audit(config)
    shown += "".join(e.detail + e.target for e in entries)
    for value in CONTACT_VALUES + CASE_NOTE_VALUES:  # a terminal's output may end up in a log: counts only
        assert value not in shown, value
    assert [e.action for e in entries][::-1] == ["add", "add-refused"]
    assert "Jonas" not in run_cli(config, "kb", "show", "merkblatt-datenschutz-md").stdout


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


def test_a_broken_synonym_table_stops_with_file_and_line(provider, tmp_path):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "synonyme.txt").write_text("# eigene Begriffe\nEGH = Eingliederungshilfe\nKiWo Kindeswohl\n", encoding="utf-8")
    # With the sample guidelines configured, `setup` (and `serve`, which runs it first) opens the knowledge base.
    config = write_toml(tmp_path / "safegpt.toml", settings_dict(data, provider, samples=True))
    for args in (("kb", "list"), ("kb", "search", "Frage"), ("setup",)):
        result = run_cli(config, *args, check=False)
        assert result.returncode == 1, args
        assert "synonyme.txt" in result.stderr and "Zeile 3" in result.stderr and "Gleichheitszeichen" in result.stderr
        assert "Traceback" not in result.stderr
    (data / "synonyme.txt").write_text("KiWo = Kindeswohl\n", encoding="utf-8")
    assert run_cli(config, "kb", "list").returncode == 0
