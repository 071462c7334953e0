"""A chat keeps its pseudonyms when the page is reloaded or the websocket drops (issue 8).

The pseudonym style is "surrogate": the stand-in names are drawn at random per conversation, so a fresh
vault after the reload would almost surely give Frau Demir another surrogate name. The same surrogate both
times shows that the resumed chat got its own conversation back (chat/store/history/live.py), and the recording
stub shows the real name never left.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from datetime import datetime, timezone

import pytest

from tests.browser.conftest import ACK_BUTTON, login, send
from tests.conftest import settings_dict
from tests.support.chat_session import WELCOME_MARK
from tests.support.server import start_server_with_users

pytestmark = pytest.mark.browser

PASSWORD = "sicheres-passwort-123"
FIRST = "Frau Aylin Demir braucht Hilfe beim Wohngeld. Was muss ich beachten?"
# A text request: the model writes it (a rule question without a matching guideline is declined by SafeGPT itself).
SECOND = "Formuliere eine Erinnerung: Welche Unterlagen braucht Frau Demir noch für den Antrag?"
SECRETS = ["Aylin", "Demir"]
SURROGATE = re.compile(r"Frau (\w+) (\w+) braucht Hilfe")
SURROGATE_LAST = re.compile(r"braucht Frau (\w+) noch")


@pytest.fixture(scope="module")
def server(tmp_path_factory, module_provider):
    tmp = tmp_path_factory.mktemp("reconnect")
    settings = settings_dict(tmp / "data", module_provider)
    settings["guardrails"] = {"pseudonym_style": "surrogate"}
    srv = start_server_with_users(settings, tmp, {"fachkraft": "staff"}, PASSWORD)
    yield srv
    srv.stop()


def last_user_text(provider) -> str:
    return provider.requests[-1]["messages"][-1]["content"]


def wait_for_requests(provider, count: int, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while len(provider.requests) < count:
        assert time.time() < deadline, f"the model got {len(provider.requests)} requests, expected {count}"
        time.sleep(0.2)


def test_reload_and_resume_keeps_the_pseudonym(server, provider, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    send(page, FIRST)
    page.get_by_text("Für die Person gilt").last.wait_for(timeout=120_000)
    first_name, last_name = SURROGATE.search(last_user_text(provider)).groups()
    assert last_name not in SECRETS and first_name not in SECRETS

    # The chat is in the history: reload the page and open it again, as a user would after a lost tab.
    from tests.support.http_login import logged_in_client

    owner = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    threads = owner.post("/chat/project/threads", json={"pagination": {"first": 5}, "filter": {}}).json()["data"]
    owner.close()
    thread_id = threads[0]["id"]
    page.reload()
    page.goto(f"{server.base_url}/chat/thread/{thread_id}")
    page.get_by_text("Für die Person gilt").first.wait_for(timeout=60_000)  # the earlier turn is shown again
    send(page, SECOND)
    wait_for_requests(provider, 2)
    page.get_by_text("Für die Person gilt").nth(1).wait_for(timeout=120_000)

    (again,) = SURROGATE_LAST.findall(last_user_text(provider))
    assert again == last_name, "the resumed chat gave Frau Demir another pseudonym"
    # The model saw the first turn in the second request's history too, with the same surrogate.
    assert f"{first_name} {last_name}" in json.dumps(provider.requests[-1]["messages"], ensure_ascii=False)
    sent = provider.received_text()
    for secret in SECRETS:
        assert secret not in sent, f"{secret!r} reached the model"

    # The mapping was never written in clear: not in the log, the database or any other file.
    for path in [server.log, *(p for p in server.data_dir.rglob("*") if p.is_file())]:
        blob = path.read_bytes()
        for value in (*SECRETS, f"{first_name} {last_name}"):
            assert value.encode() not in blob, f"{value!r} written to {path}"


def test_dropped_websocket_reconnects_to_the_same_conversation(server, provider):
    """socket.io reconnects with the same Chainlit session id (what the page does after a network blip)."""
    import socketio

    from tests.support.http_login import logged_in_client

    client = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    session_id = str(uuid.uuid4())
    rules: list[dict] = []
    welcomed: list[bool] = []

    def connect() -> socketio.Client:
        sio = socketio.Client(reconnection=False)
        sio.on("action", lambda data: rules.append(data) if data.get("label") == ACK_BUTTON else None)
        sio.on("new_message", lambda data: welcomed.append(True) if WELCOME_MARK in (data.get("output") or "") else None)
        sio.connect(server.base_url, socketio_path="/chat/ws/socket.io", transports=["websocket"],
                    headers={"Cookie": cookie}, wait_timeout=30,
                    auth={"clientType": "webapp", "sessionId": session_id, "threadId": None, "userEnv": "{}",
                          "chatProfile": None})
        sio.emit("connection_successful")
        return sio

    def ask(sio: socketio.Client, text: str, count: int) -> None:
        step = {"id": str(uuid.uuid4()), "threadId": "", "name": "fachkraft", "type": "user_message",
                "output": text, "createdAt": datetime.now(timezone.utc).isoformat()}
        sio.emit("client_message", {"message": step, "fileReferences": []})
        wait_for_requests(provider, count)

    sio = connect()
    deadline = time.monotonic() + 60  # on_chat_start has sent the welcome, or the rules of use (first login)
    while not (rules or welcomed):
        assert time.monotonic() < deadline, "neither the welcome nor the rules of use arrived"
        time.sleep(0.1)
    if rules:  # first login of this user: acknowledge the rules of use as the button does
        client.post("/chat/project/action", json={"sessionId": session_id, "action": rules[-1]}).raise_for_status()
    ask(sio, FIRST, 1)
    first_name, last_name = SURROGATE.search(last_user_text(provider)).groups()
    sio.disconnect()  # the network drops; the page never said goodbye (no clear_session)

    sio = connect()
    try:
        ask(sio, SECOND, 2)
    finally:
        sio.disconnect()
        client.close()
    (again,) = SURROGATE_LAST.findall(last_user_text(provider))
    assert again == last_name
    assert "Demir" not in provider.received_text() and "Aylin" not in provider.received_text()
