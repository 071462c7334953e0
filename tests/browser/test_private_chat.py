"""The platform promise, end to end: log in, ask with client data, see the real name, model saw none."""

from __future__ import annotations

import json

import pytest

from chat.core import messages as texts
from tests.browser.conftest import login, send
from tests.conftest import settings_dict
from tests.support.server import start_server_with_users

pytestmark = pytest.mark.browser

MESSAGE = ("Frau Aylin Demir (geb. 14.03.1987, aylin.demir@web.de) braucht Hilfe beim Antrag auf Wohngeld. "
           "Was muss ich beachten?")
SECRETS = ["Aylin", "Demir", "14.03.1987", "aylin.demir@web.de", "1987"]


@pytest.fixture(scope="module")
def server(tmp_path_factory, module_provider):
    tmp = tmp_path_factory.mktemp("private-chat")
    settings = settings_dict(tmp / "data", module_provider, samples=True)
    srv = start_server_with_users(settings, tmp, {"fachkraft": "staff", "chefin": "admin"}, "sicheres-passwort-123")
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
    # The retrieved guideline text went along (grounding): numbered excerpts, quoted, before the question.
    user = provider.requests[-1]["messages"][-1]["content"]
    assert user.startswith(texts.ANSWER_SOURCES_LABEL) and "\n[1] " in user and "ohngeld" in user

    # The page talked to nobody but us.
    assert page.request_log.hosts() <= {"127.0.0.1"}, page.request_log.hosts()

    # Nothing the server wrote — its log, database, Chroma files, uploads — holds the client's data.
    written = [server.log, *(p for p in server.data_dir.rglob("*") if p.is_file())]
    for path in written:
        blob = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in blob, f"{secret!r} written to {path}"
    # … and no log line contains the message text itself.
    log = server.log.read_text(errors="replace")
    assert "Was muss ich beachten" not in log and "braucht Hilfe beim Antrag" not in log


def test_history_is_kept_for_its_author_only(server, provider, page):
    from tests.support.http_login import logged_in_client

    login(page, server.base_url, "fachkraft", "sicheres-passwort-123")
    send(page, "Frau Aylin Demir fragt nach Wohngeld. Was braucht sie?")
    page.get_by_text("Für Aylin Demir gilt").last.wait_for(timeout=120_000)

    owner = logged_in_client(server.base_url, "fachkraft", "sicheres-passwort-123")
    threads = owner.post("/chat/project/threads", json={"pagination": {"first": 20}, "filter": {}}).json()["data"]
    assert threads, "the chat was not kept in the history"
    thread_id = threads[0]["id"]
    opened = owner.get(f"/chat/project/thread/{thread_id}")
    assert opened.status_code == 200 and "Aylin Demir" in opened.text  # decrypted for its author

    admin = logged_in_client(server.base_url, "chefin", "sicheres-passwort-123")
    assert admin.post("/chat/project/threads", json={"pagination": {"first": 20}, "filter": {}}).json()["data"] == []
    refused = admin.get(f"/chat/project/thread/{thread_id}")
    assert refused.status_code in (401, 403) and "Aylin" not in refused.text
    owner.close()
    admin.close()


def test_health_and_readiness(server):
    import httpx

    assert httpx.get(server.base_url + "/healthz").json() == {"status": "ok"}
    ready = httpx.get(server.base_url + "/readyz").json()
    assert ready["ready"] is True and ready["checks"]["database"] is True and ready["checks"]["warmed_up"] is True
    html = httpx.get(server.base_url + "/chat/").text
    assert "fonts.googleapis" not in html and "jsdelivr" not in html


def test_wrong_password_is_refused(server, page):
    page.goto(server.base_url + "/chat/")
    page.locator("#email").fill("fachkraft")
    page.locator("#password").fill("falsches-passwort")
    with page.expect_response(lambda r: r.url.endswith("/chat/login") and r.request.method == "POST") as answer:
        page.locator("button[type=submit]").click()
    assert answer.value.status == 401
    # The login form says why (German) and stays; no chat appears behind it.
    page.get_by_text("Die Anmeldung ist fehlgeschlagen").first.wait_for(timeout=30_000)
    assert page.locator("#password").is_visible() and page.locator("#chat-input").count() == 0


def test_user_marks_a_missed_value_and_it_is_masked_from_then_on(server, provider, page):
    login(page, server.base_url, "fachkraft", "sicheres-passwort-123")
    # A village without a person or an address next to it is not masked by the rules ("Wohngruppe
    # Lindenhof" would be: a named local institution since issue 15).
    # A request for a text, so a model writes it: a rule question no guideline answers gets SafeGPT's own
    # answer without any model (issue 18), and this test is about what the model receives.
    send(page, "Schreiben Sie bitte eine kurze Einladung zum Sommerfest in Hinterdorf.")
    page.get_by_text("Für die Person gilt").last.wait_for(timeout=120_000)
    assert "Hinterdorf" in provider.requests[-1]["messages"][-1]["content"]  # not a client datum by itself

    page.get_by_role("button", name="Übersehene Angabe schützen").last.click()
    page.get_by_text("Welche Angabe wurde nicht geschützt?").wait_for(timeout=30_000)
    send(page, "/schützen Hinterdorf")
    page.get_by_text("wird ab jetzt in diesem Chat").wait_for(timeout=30_000)

    before = len(provider.requests)
    send(page, "Und wer leitet das Sommerfest in Hinterdorf?")
    # A hand-marked value makes the chat "residual risk": the eu-cloud test model may not receive it, so
    # the message is refused with a German reason instead of being sent.
    page.get_by_text("Restrisiko").last.wait_for(timeout=120_000)
    assert len(provider.requests) == before
    assert "Hinterdorf" not in json.dumps(provider.requests[before:])
