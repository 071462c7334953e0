"""The inventory without a server: the migrated schema and the records agree column by column, the Art. 30
record and the CLI render the same inventory, recipients are described in German words.

The storage inventory test (test_storage_inventory.py) holds the records against a real instance; these fast
checks catch a new table or column the moment its migration exists, before anyone writes a row to it.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import inspect

from privacy import (Content, Inventory, InventoryError, StorageRecord, Table, model_recipient, processing_record,
                     render_text)
from tests.conftest import settings_dict


@pytest.fixture
def settings(tmp_path, provider):
    from chat.settings import load_settings

    return load_settings(use_file=False, **settings_dict(tmp_path / "data", provider))


def migrated_columns(url: str) -> dict[str, set[str]]:
    from chat.store.db import open_database

    engine = open_database(url)
    try:
        inspector = inspect(engine)
        return {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()
                if t != "alembic_version"}
    finally:
        engine.dispose()


@pytest.mark.parametrize("history", [True, False])
def test_every_migrated_table_and_column_is_declared_and_nothing_more(settings, database_url, history):
    from chat.web.inventory import build_inventory

    settings.history.enabled = history
    declared: dict[str, set[str]] = {}
    for table, entries in build_inventory(settings).tables().items():
        for _, declaration in entries:
            declared.setdefault(table, set()).update(declaration.columns)
    assert declared == migrated_columns(database_url)


def test_tables_shared_by_two_records_are_told_apart_by_their_rows(settings):
    from chat.web.inventory import build_inventory

    inventory = build_inventory(settings)
    answer = {"kind": "answer", "model": "extern"}
    feedback = {"kind": "feedback", "model": "extern"}
    assert [r.key for r, _ in inventory.records_for_row("usage_events", answer)] == ["usage"]
    assert [r.key for r, _ in inventory.records_for_row("usage_events", feedback)] == ["feedback"]
    assert inventory.records_for_row("usage_events", {"kind": "something-new"}) == []
    assert inventory.column_content("chat_steps", "data", {}) == [Content.CIPHERTEXT]


def test_switched_off_areas_say_so_and_name_their_setting(settings):
    from chat.web.inventory import build_inventory

    settings.history.enabled = False
    settings.usage.enabled = False
    inventory = build_inventory(settings)
    off = {r.key: r for r in inventory.switched_off()}
    assert {"history", "history_key", "history_outage", "usage", "feedback"} <= set(off)
    assert "kein Chatverlauf" in off["history"].when_off and off["history"].enabled_by == "[history] enabled"
    record = processing_record(inventory)
    assert "history" not in [s["key"] for s in record["storage"]]
    assert "history" in [s["key"] for s in record["switched_off"]]
    assert not any("Chatverlauf" in p for p in record["purposes"])


def test_a_record_that_can_be_switched_off_must_say_what_happens_then():
    record = StorageRecord(key="x", title="X", purpose="p", contents="c", stored=False, data=(), persons=(),
                           locations=(Table("x", {"id": Content.ID}),), retention="r", readers="r")
    with pytest.raises(InventoryError):
        Inventory(records=(record,), recipients=())
    with pytest.raises(InventoryError):
        on = StorageRecord(**{**record.__dict__, "stored": True})
        Inventory(records=(on, on), recipients=())


def test_history_record_follows_the_settings(settings, monkeypatch):
    from chat.web.inventory import build_inventory

    settings.history.retention_days = 7
    history = build_inventory(settings).record("history")
    assert "7 Tage" in history.retention and "Geschützte Angaben" in history.contents
    assert "data/secrets/history.key" in history.readers and "Betrieb" in history.readers
    monkeypatch.setenv("SAFEGPT_HISTORY_KEY", "x" * 44)
    inventory = build_inventory(settings)
    assert "SAFEGPT_HISTORY_KEY" in inventory.record("history").readers
    assert not inventory.record("history_key").stored  # no key file is written then


def test_recipients_in_german_words_and_unknown_locations_flagged():
    local = model_recipient("Lokal", "local", ["none", "pseudonymised", "special_category"])
    assert local.location.startswith("auf dem SafeGPT-Server selbst")
    assert "Art. 9" in local.receives[-1] and local.outside_eu is False
    elsewhere = model_recipient("Fremd", "us-cloud", ["none"])
    assert "us-cloud" in elsewhere.location and elsewhere.outside_eu is None
    record = processing_record(Inventory(records=(), recipients=(local, elsewhere)))
    assert "Fremd" in record["third_country_transfers"] and "prüfen" in record["third_country_transfers"]
    assert model_recipient("Nichts", "eu-cloud", []).receives == ("nichts",)


def test_art30_record_has_every_field_and_says_what_is_missing(settings):
    from chat.web.inventory import build_inventory

    record = processing_record(build_inventory(settings))
    for field in ("controller", "purposes", "data_subjects", "personal_data", "recipients",
                  "third_country_transfers", "erasure_periods", "security_measures", "storage"):
        assert record[field], field
    assert "[privacy] controller" in record["controller"]["name"]
    assert "[privacy] backup_retention_days" in " ".join(record["erasure_periods"])
    settings.privacy.controller = "Diakonie Musterstadt e. V."
    settings.privacy.backup_retention_days = 35
    record = processing_record(build_inventory(settings))
    assert record["controller"]["name"] == "Diakonie Musterstadt e. V."
    assert "Sicherungskopien: 35 Tage" in " ".join(record["erasure_periods"])
    assert [r["name"] for r in record["recipients"]] == ["Externes Testmodell"]
    assert "EU" in record["recipients"][0]["location"]
    text = render_text(record)
    assert "Empfänger (lit. d)" in text and "Externes Testmodell" in text


def test_privacy_report_command_prints_the_same_record(settings, tmp_path, provider):
    from chat.cli.main import cli
    from chat.web.inventory import build_inventory
    from tests.support.server import write_toml

    config = write_toml(tmp_path / "safegpt.toml", {**settings_dict(tmp_path / "data", provider),
                                                     "privacy": {"dpo_contact": "datenschutz@traeger.example"}})
    result = CliRunner().invoke(cli, ["--config", str(config), "privacy", "report", "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    from chat.settings import load_settings

    expected = processing_record(build_inventory(load_settings(config)))
    assert {k: v for k, v in printed.items() if k != "generated_at"} == \
        {k: v for k, v in expected.items() if k != "generated_at"}
    assert printed["controller"]["data_protection_officer"] == "datenschutz@traeger.example"
    text = CliRunner().invoke(cli, ["--config", str(config), "privacy", "report"])
    assert text.exit_code == 0 and text.output.startswith("Verzeichnis von Verarbeitungstätigkeiten")


def test_a_remote_embedder_is_a_recipient_with_what_its_location_may_receive(tmp_path, provider):
    from chat.web.inventory import build_inventory
    from chat.settings import load_settings

    settings = settings_dict(tmp_path / "data", provider)
    settings["knowledge"] = {"embedder": "openai", "embedding_model": "openai/text-embedding-3-small",
                             "embedding_api_base": "http://127.0.0.1:9/v1", "embedding_location": "eu-cloud"}
    recipients = build_inventory(load_settings(use_file=False, **settings)).recipients
    embedder = next(r for r in recipients if r.name == "openai/text-embedding-3-small")
    assert "Einbettungsdienst" in embedder.kind and "EU" in embedder.location
    assert "Fragen: pseudonymisierte Texte (Klientenangaben durch Platzhalter ersetzt)" in embedder.receives
    assert not any("Art. 9" in r for r in embedder.receives)  # eu-cloud may not receive special categories
    assert any("Richtlinien" in r for r in embedder.receives)
    local = build_inventory(load_settings(use_file=False, **settings_dict(tmp_path / "d2", provider))).recipients
    assert [r.kind for r in local] == ["Sprachmodell"]  # an in-process embedder receives nothing from outside


def _operations_section(title: str) -> str:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "OPERATIONS.md").read_text(encoding="utf-8")
    return text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("history", [True, False])
@pytest.mark.parametrize("key_from_env", [True, False])
def test_backup_record_follows_operations_and_the_settings(settings, monkeypatch, history, key_from_env):
    """The page's backup record says what docs/OPERATIONS.md tells the operator to back up, and who can read the
    chat history in a copy given where the key lives (a copy of the whole data directory carries the key file)."""
    from chat.web.inventory import build_inventory

    section = _operations_section("4. Backup and restore")
    told = {"database": "Datenbank", "knowledge base": "Wissensbasis", "secrets": "Schlüssel"}
    assert all(f"**the {thing}**" in section for thing in told)  # what the operator is told to back up …
    assert "copy the whole `data/` directory" in section and "backup_retention_days" in section
    if key_from_env:
        monkeypatch.setenv("SAFEGPT_HISTORY_KEY", "x" * 44)
    else:
        monkeypatch.delenv("SAFEGPT_HISTORY_KEY", raising=False)
    settings.history.enabled = history
    record = build_inventory(settings).record("backups")
    assert all(word in record.contents for word in told.values())  # … is what the record says a backup holds
    assert record.stored and record.audience == "operation"
    assert ("Chatverlauf" in record.contents) and (("abgeschaltet" in record.contents) is not history)
    if history and not key_from_env:
        assert "data/secrets/history.key" in record.readers and "kann den Chatverlauf darin lesen" in record.readers
    elif history:
        assert "SAFEGPT_HISTORY_KEY" in record.readers and "history.key" not in record.readers
    else:
        assert "Schlüssel" not in record.readers
    assert "nicht eingetragen" in record.retention
    settings.privacy.backup_retention_days = 90
    assert build_inventory(settings).record("backups").retention.startswith("90 Tage")
