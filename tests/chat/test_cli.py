"""`safegpt ask` and `safegpt pii scan` as real commands (subprocesses)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import settings_dict
from tests.support.server import REPO, run_cli, write_toml


@pytest.fixture(scope="module")
def config(tmp_path_factory, module_provider):
    """One data dir for the module, set up once with the real `safegpt setup` command."""
    tmp = tmp_path_factory.mktemp("cli")
    cfg = write_toml(tmp / "cli.toml", settings_dict(tmp / "data", module_provider, samples=True))
    result = run_cli(cfg, "setup")
    assert "Beispiel-Richtlinien indexiert" in result.stdout
    assert "Passwort/password:" in result.stdout  # first admin, random password printed once
    return cfg


def test_setup_is_idempotent_and_keeps_the_admin(config):
    again = run_cli(config, "setup")
    assert "Passwort/password:" not in again.stdout and "indexiert" not in again.stdout
    assert "admin\tadmin\taktiv" in run_cli(config, "user", "list").stdout


def test_ask_json_answers_with_sources_and_real_name(config, provider):
    result = run_cli(config, "ask", "--json",
                     "Frau Aylin Demir (geb. 14.03.1987) braucht Hilfe beim Antrag auf Wohngeld. Was muss ich beachten?")
    out = json.loads(result.stdout)
    assert "Aylin Demir" in out["answer"]
    assert out["model"] == "extern"
    assert out["pseudonymised"].get("PERSON") == 1
    assert out["sources"] and all(s["source_file"] for s in out["sources"])
    assert "Demir" not in provider.received_text()


def test_ask_plain_prints_answer_and_sources(config, provider):
    result = run_cli(config, "ask", "Welche Unterlagen braucht man für Wohngeld?")
    assert "Welche Unterlagen braucht man für Wohngeld?" in provider.received_text()  # the model was asked
    answer, _, rest = result.stdout.partition("Quellen:")
    assert "Für die Person gilt laut Richtlinie" in answer  # the model's answer, not a fixed text
    # One line per retrieved source, naming a real sample file; the answer cites [1], so the first is starred.
    listed = re.findall(r"^ ([* ]) .+ \(([^()]+)\)$", rest, re.MULTILINE)
    samples = {p.name for p in (REPO / "knowledge" / "samples").rglob("*") if p.is_file()}
    assert listed and {Path(f).name for _, f in listed} <= samples, rest
    assert listed[0][0] == "*" and all(mark == " " for mark, _ in listed[1:])
    assert "(Antwort von Externes Testmodell – KI. Bitte fachlich prüfen.)" in rest


def test_ask_empty_message_fails_clearly(config):
    result = run_cli(config, "ask", "   ", check=False)
    assert result.returncode == 2 and "Bitte geben Sie eine Nachricht ein" in result.stderr


def test_pii_scan_reads_jsonl_and_writes_spans(config):
    lines = [{"text": "Herr Jonas Becker, Tel. 0176 12345678, jonas.becker@gmx.de"}, {"text": "Kein Name hier."}]
    result = run_cli(config, "pii", "scan", input="\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == 2
    types = {s["entity_type"] for s in outputs[0]["spans"]}
    assert {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"} <= types
    text = lines[0]["text"]
    person = [s for s in outputs[0]["spans"] if s["entity_type"] == "PERSON"][0]
    assert text[person["start"]:person["end"]] in ("Jonas Becker", "Herr Jonas Becker")
    assert outputs[1]["spans"] == []
    assert set(outputs[0]["spans"][0]) == {"start", "end", "entity_type", "score"}


def test_pii_scan_bad_line_is_reported_without_echo(config):
    from guardrails import messages

    lines = '{"text": "ok"}\nkein json Aylin\n{"text": "auch ok"}\n{"txt": "Demir"}\n'
    result = run_cli(config, "pii", "scan", input=lines, check=False)
    assert result.returncode == 1
    # Each bad line by its number and its fault; the good lines after a bad one are still scanned.
    assert result.stderr.splitlines() == [messages.CLI_BAD_JSON.format(line=2), messages.CLI_BAD_SHAPE.format(line=4)]
    assert "Aylin" not in result.stderr and "Demir" not in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_kb_search_json_lists_ranked_sources(config):
    result = run_cli(config, "kb", "search", "Kilometerpauschale Dienstreise", "--json")
    hits = json.loads(result.stdout)
    assert hits and hits[0]["rank"] == 1 and hits[0]["source_file"]


def test_user_add_and_list(config):
    run_cli(config, "user", "add", "analyse", "--role", "analyst", "--password-stdin", input="ein-langes-passwort\n")
    listing = run_cli(config, "user", "list").stdout
    assert "analyse\tanalyst\taktiv" in listing


INVENTED = "Wohngeld wird für 36 Monate bewilligt [1]."  # the sample guideline says 12, at most 24


def test_ask_json_returns_the_evidence_and_marks_an_invented_number(config, provider):
    provider.reply = INVENTED
    try:
        out = json.loads(run_cli(config, "ask", "--json", "Für wie lange wird Wohngeld bewilligt?").stdout)
    finally:
        provider.reply = None
    assert out["answer_kind"] == "grounded" and out["grounding"] == "grounded"
    assert any("12 Monate" in e["text"] and e["section"] == "5. Fristen und Bewilligungszeitraum"
               and e["source_file"] == "wohngeld-beratung.md" for e in out["evidence"])
    assert out["answer"] == INVENTED  # the draft as the model wrote it …
    assert [u["text"] for u in out["check"]["unsupported"]] == ["36 Monate"]  # … and what the check found
    checked = out["checked_answer"]
    assert checked.index("12 Monate") < checked.index("36 Monate ⚠️ *(nicht in der Richtlinie belegt)*")


def test_ask_a_question_no_guideline_answers_gets_no_rule_and_no_model(config, provider):
    out = json.loads(run_cli(config, "ask", "--json", "Wann hat der Bäcker am Sonntag geöffnet?").stdout)
    assert out["answer_kind"] == "decline" and out["evidence"] == [] and out["check"] is None
    assert out["answer"].startswith("Keine passende Richtlinie gefunden")
    assert provider.requests == []
