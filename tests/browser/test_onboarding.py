"""Onboarding in the browser (issue 6): first login shows it and blocks chatting, the acknowledgement is stored,
"Wie funktioniert das?" explains the user's own last message, every answer says it came from an AI, a new
rules version asks again after a restart, and a broken rules file stops the start with file, line and field.
"""

from __future__ import annotations

import sqlite3
import subprocess

import pytest

from onboarding import BUILTIN_RULES_PATH
from tests.browser.conftest import ACK_BUTTON, click_action, login, send
from tests.conftest import settings_dict
from tests.support.openai_stub import RecordingProvider
from tests.support.server import REPO, SAFEGPT, run_cli, start_server, write_toml

pytestmark = pytest.mark.browser
PASSWORD = "sicheres-passwort-123"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    provider = RecordingProvider().start()
    tmp = tmp_path_factory.mktemp("onboarding")
    rules = tmp / "rules.md"
    rules.write_text(BUILTIN_RULES_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    settings = settings_dict(tmp / "data", provider, samples=True)  # sources for "Wie funktioniert das?"
    settings["onboarding"] = {"rules_file": str(rules)}
    config = write_toml(tmp / "pre.toml", settings)
    run_cli(config, "user", "add", "neu", "--role", "staff", "--password-stdin", input=PASSWORD + "\n")
    yield tmp, settings, provider, rules
    provider.stop()


def acknowledged(data_dir) -> list[tuple[str, int]]:
    with sqlite3.connect(data_dir / "safegpt.db") as db:
        return db.execute("SELECT username, rules_version FROM onboarding_acknowledgements ORDER BY id").fetchall()


def assert_answered_by_ai(page, answer_text: str, model: str) -> None:
    """The answer's author (avatar tooltip) says which model answered and that it is an AI."""
    answer = page.locator(".step").filter(has_text=answer_text).last
    answer.wait_for(timeout=120_000)
    tooltip = page.locator("[role=tooltip]").filter(has_text=f"Antwort von {model} (KI)").first
    for _ in range(5):  # the tooltip opens on pointer entry after a delay; re-enter if a re-render closed it
        page.mouse.move(0, 0)
        answer.locator(".ai-message [data-state]").first.hover()
        try:
            tooltip.wait_for(timeout=3_000)
            return
        except Exception:
            continue
    tooltip.wait_for(timeout=3_000)


def test_first_login_acknowledge_explain_and_new_rules_version(env, browser):
    tmp, settings, provider, rules = env
    server = start_server(settings, tmp)
    try:
        page = browser.new_page(locale="de-DE")
        login(page, server.base_url, "neu", PASSWORD, acknowledge=False)
        # What SafeGPT is for, a live pseudonymisation example, never-enter list, checking, where the rules come from.
        page.get_by_text("Herzlich willkommen").first.wait_for(timeout=30_000)
        intro = page.locator(".step").filter(has_text="Das Modell erhält").last.inner_text()
        assert "Erika Musterfrau" in intro and "[Person 1]" in intro
        body = page.locator("body").inner_text()
        for expected in ("Nie eingeben", "Immer prüfen", "Woher die Regeln kommen", "Nutzungsregeln, Version 1"):
            assert expected in body
        assert acknowledged(server.data_dir) == []

        # Until acknowledged nothing is sent to a model.
        send(page, "Bitte fasse zusammen: Termin am Montag.")
        page.get_by_text("Ihre Nachricht wurde").first.wait_for(timeout=30_000)
        assert provider.requests == []

        click_action(page, page.get_by_role("button", name=ACK_BUTTON).last, "the rules' acknowledgement")
        page.get_by_text("Willkommen bei").first.wait_for(timeout=30_000)
        assert acknowledged(server.data_dir) == [("neu", 1)]

        # Now the chat works; the answer names the model and that it is an AI (AI Act transparency).
        send(page, "Frau Aylin Demir braucht Hilfe beim Wohngeldantrag. Was ist wichtig?")
        assert_answered_by_ai(page, "gilt laut Richtlinie", "Externes Testmodell")
        asked = len(provider.requests)
        send(page, "Wie funktioniert das?")
        explained = page.locator(".step").filter(has_text="So wurde Ihre letzte Nachricht verarbeitet").last
        explained.wait_for(timeout=30_000)
        text = explained.inner_text()
        assert "Aylin Demir" in text and "[Person 1]" in text and "Externes Testmodell" in text
        assert "[1] Wohngeld" in text  # the sources the answer drew on
        assert len(provider.requests) == asked  # the explanation is no model call
        page.close()

        # A returning user with the same rules version goes straight to the chat.
        page = browser.new_page(locale="de-DE")
        login(page, server.base_url, "neu", PASSWORD, acknowledge=False)
        assert page.get_by_role("button", name=ACK_BUTTON).count() == 0
        page.close()
    finally:
        server.stop()

    # A new rules version: after the restart the same user is asked again.
    rules.write_text(rules.read_text(encoding="utf-8").replace("version: 1", "version: 2", 1), encoding="utf-8")
    server = start_server(settings, tmp)
    try:
        page = browser.new_page(locale="de-DE")
        login(page, server.base_url, "neu", PASSWORD, acknowledge=False)
        page.get_by_text("Die Nutzungsregeln wurden aktualisiert").first.wait_for(timeout=30_000)
        assert "Nutzungsregeln, Version 2" in page.locator("body").inner_text()
        click_action(page, page.get_by_role("button", name=ACK_BUTTON).last, "the new rules' acknowledgement")
        page.get_by_text("Willkommen bei").first.wait_for(timeout=30_000)
        assert acknowledged(server.data_dir) == [("neu", 1), ("neu", 2)]
        page.close()
    finally:
        server.stop()


def test_broken_rules_file_stops_the_start(env):
    tmp, settings, _, _ = env
    broken = tmp / "broken-rules.md"
    broken.write_text("---\nversion: zwei\nvalid_from: 2026-11-01\n---\n# Regeln\nText\n", encoding="utf-8")
    config = write_toml(tmp / "broken.toml", {**settings, "onboarding": {"rules_file": str(broken)},
                                             "server": {"port": 1}})
    result = subprocess.run([*SAFEGPT, "--config", str(config), "serve"], capture_output=True, text=True,
                            cwd=REPO, timeout=300)
    assert result.returncode != 0
    assert "broken-rules.md, Zeile 2, Feld „version“" in result.stderr, result.stderr[-2000:]
