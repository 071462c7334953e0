"""The platform promise, end to end: log in, ask with client data, see the real name, model saw none."""

from __future__ import annotations

import pytest

from tests.browser.conftest import login, send
from tests.conftest import settings_dict
from tests.support.server import run_cli, start_server, write_toml

pytestmark = pytest.mark.browser

MESSAGE = ("Frau Aylin Demir (geb. 14.03.1987, aylin.demir@web.de) braucht Hilfe beim Antrag auf Wohngeld. "
           "Was muss ich beachten?")
SECRETS = ["Aylin", "Demir", "14.03.1987", "aylin.demir@web.de", "1987"]


@pytest.fixture
def server(tmp_path, provider):
    settings = settings_dict(tmp_path / "data", provider, samples=True)
    config = write_toml(tmp_path / "pre.toml", settings)
    run_cli(config, "user", "add", "fachkraft", "--role", "staff", "--password-stdin",
            input="sicheres-passwort-123\n")
    srv = start_server(settings, tmp_path)
    yield srv
    srv.stop()


def test_chat_pseudonymises_restores_and_stays_local(server, provider, page):
    login(page, server.base_url, "fachkraft", "sicheres-passwort-123")
    send(page, MESSAGE)

    # The streamed answer shows the real name again …
    answer = page.locator(".step").filter(has_text="Für Aylin Demir gilt").last
    answer.wait_for(timeout=120_000)
    page.get_by_text("Quellen").last.wait_for(timeout=30_000)

    # … while the model side received only pseudonyms.
    assert provider.requests, "the provider was never called"
    sent = provider.received_text()
    for secret in SECRETS:
        assert secret not in sent, f"{secret!r} reached the model"
    assert "[Person 1]" in sent
    # The retrieved guideline text went along (grounding) with its number.
    system = provider.requests[-1]["messages"][0]["content"]
    assert '<quelle nr="1"' in system and "ohngeld" in system

    # The page talked to nobody but us.
    assert page.request_log.hosts() <= {"127.0.0.1"}, page.request_log.hosts()

    # Nothing the server wrote — its log, database, Chroma files, uploads — holds the client's data.
    written = [server.log, *(p for p in server.data_dir.rglob("*") if p.is_file())]
    for path in written:
        blob = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in blob, f"{secret!r} written to {path}"


def test_health_and_readiness(server):
    import httpx

    assert httpx.get(server.base_url + "/healthz").json() == {"status": "ok"}
    ready = httpx.get(server.base_url + "/readyz").json()
    assert ready["ready"] is True and ready["checks"]["database"] is True
    html = httpx.get(server.base_url + "/chat/").text
    assert "fonts.googleapis" not in html and "jsdelivr" not in html


def test_wrong_password_is_refused(server, page):
    page.goto(server.base_url + "/chat/")
    page.locator("#email").fill("fachkraft")
    page.locator("#password").fill("falsches-passwort")
    page.locator("button[type=submit]").click()
    page.wait_for_timeout(1500)
    assert page.locator("#chat-input").count() == 0
