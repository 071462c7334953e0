"""On a real ``safegpt serve`` (issue 16): ``/metrics`` only for the configured scraper and with labels from the
catalogue; failures of chat start, chat resume and buttons shown in German with nothing of the text in the log;
uploads that were never sent swept at start and on a timer; a staff prompt proposal reaches the admin only
through the guardrail."""

from __future__ import annotations

import asyncio
import os
import re
import time
import uuid

import httpx
import pytest
import socketio
from sqlalchemy import create_engine, text

from chat.ui import messages as ui_texts
from tests.conftest import settings_dict
from tests.support.chat_session import SOCKET_PATH, ChatSession
from tests.support.http_login import logged_in_client
from tests.support.openai_stub import RecordingProvider
from tests.support.server import FAULT_PLUGIN, start_server_with_users

PASSWORD = "sicheres-passwort-123"
TOKEN = "prometheus-scraper-token-0123456789"
OLD = time.time() - 3 * 3600


def _leftover(files_dir, mtime: float = OLD):
    folder = files_dir / str(uuid.uuid4())
    folder.mkdir(parents=True)
    (folder / "bericht-frau-geheimnis.pdf").write_bytes(b"%PDF-1.4 Klientin Geheimnis")
    for path in (folder / "bericht-frau-geheimnis.pdf", folder):
        os.utime(path, (mtime, mtime))
    return folder


@pytest.fixture(scope="module")
def provider():
    p = RecordingProvider().start()
    yield p
    p.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, provider):
    tmp = tmp_path_factory.mktemp("callbacks")
    settings = settings_dict(tmp / "data", provider)
    settings["usage"] = {"metrics_token": TOKEN}
    settings["chat"] = {**settings["chat"], "upload_sweep_seconds": 2}
    files_dir = tmp / "data" / "chainlit" / ".files"
    left_by_a_crash = _leftover(files_dir)
    marker = tmp / "callback-fault"
    srv = start_server_with_users(settings, tmp, {"fachkraft": "staff", "chefin": "admin"}, PASSWORD,
                                  env={"PYTHONPATH": str(FAULT_PLUGIN), "SAFEGPT_TEST_CALLBACK_FAULT": str(marker)})
    srv.marker, srv.files_dir, srv.left_by_a_crash = marker, files_dir, left_by_a_crash
    yield srv
    srv.stop()


def _metrics(server, headers: dict | None = None) -> httpx.Response:
    return httpx.get(server.base_url + "/metrics", headers=headers or {})


# -- /metrics -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer falsch"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Bearer {TOKEN}x"}])
def test_metrics_answer_only_the_configured_scraper(server, headers):
    assert _metrics(server, headers).status_code == 401


def test_metrics_with_the_token(server):
    answer = _metrics(server, {"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200 and "safegpt_answers" in answer.text


def test_metrics_do_not_exist_without_a_token(make_settings, provider):
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from chat.web.usage_routes import make_usage_router
    from chat.wiring import SafeGPT

    api = FastAPI()
    api.include_router(make_usage_router(SafeGPT(make_settings(provider))))
    assert TestClient(api).get("/metrics", headers={"Authorization": "Bearer irgendwas"}).status_code == 404


async def test_feedback_labels_are_names_of_the_catalogue_and_the_library(server):
    session = await ChatSession(server.base_url, "fachkraft", PASSWORD).open()
    forged = 'extern",value="x"} 1\nsafegpt_gefaelscht 1\n#'
    try:
        for model, prompt_id in ((forged, "gibt-es-nicht"), ("extern", "<script>"), ("Frau Geheimnis", None)):
            answer = await asyncio.to_thread(session.http.post, "/chat/project/action", json={
                "sessionId": session.session_id,
                "action": {"name": "feedback", "payload": {"model": model, "prompt_id": prompt_id, "helpful": True},
                           "label": "x", "forId": str(uuid.uuid4()), "id": str(uuid.uuid4())}})
            assert answer.status_code == 200
    finally:
        await session.close()
    body = _metrics(server, {"Authorization": f"Bearer {TOKEN}"}).text
    assert "gefaelscht" not in body and "Geheimnis" not in body
    assert 'safegpt_feedback_total{model="unbekannt",value="helpful"} 2.0' in body
    assert 'safegpt_feedback_total{model="extern",value="helpful"} 1.0' in body
    engine = create_engine(f"sqlite:///{server.data_dir / 'safegpt.db'}")
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT model, prompt_id FROM usage_events WHERE kind = 'feedback'")).all()
    engine.dispose()
    assert sorted(stored, key=str) == sorted([("unbekannt", None), ("extern", None), ("unbekannt", None)], key=str)


# -- callbacks --------------------------------------------------------------------------------------------------

class Tab:
    """A socket.io chat tab that only collects what is shown (no onboarding flow)."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.session_id = str(uuid.uuid4())
        self.sio = socketio.AsyncClient(reconnection=False)

        @self.sio.on("*")
        async def _any(event, data=None):
            if event in ("new_message", "update_message") and isinstance(data, dict):
                self.shown.append(data.get("output") or "")

    async def open(self, server, cookie: str, thread_id: str | None = None) -> "Tab":
        await self.sio.connect(server.base_url, socketio_path=SOCKET_PATH, transports=["websocket"],
                               headers={"Cookie": cookie}, wait_timeout=30,
                               auth={"clientType": "webapp", "sessionId": self.session_id, "threadId": thread_id,
                                     "userEnv": "{}", "chatProfile": None})
        await self.sio.emit("connection_successful")
        return self

    async def wait_for(self, wanted: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not any(wanted in s for s in self.shown):
            assert time.monotonic() < deadline, f"not shown: {wanted!r}; shown: {self.shown}"
            await asyncio.sleep(0.2)


async def test_failing_start_resume_and_button_show_german_and_log_only_type_and_place(server):
    session = await ChatSession(server.base_url, "fachkraft", PASSWORD).open()
    await session.ask("Was gilt bei Dienstreisen?")  # a thread to reopen later
    thread_id = (await asyncio.to_thread(session.http.post, "/chat/project/threads",
                                         json={"pagination": {"first": 5}, "filter": {}})).json()["data"][0]["id"]
    await session.close()
    client = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    server.marker.touch()
    try:
        started = await Tab().open(server, cookie)
        await started.wait_for(ui_texts.UNEXPECTED_CALLBACK_ERROR)
        clicked = await asyncio.to_thread(client.post, "/chat/project/action", json={
            "sessionId": started.session_id,
            "action": {"name": "feedback", "payload": {"model": "extern", "helpful": False}, "label": "x",
                       "forId": str(uuid.uuid4()), "id": str(uuid.uuid4())}})
        assert clicked.status_code == 200
        await asyncio.sleep(1)
        assert sum(ui_texts.UNEXPECTED_CALLBACK_ERROR in s for s in started.shown) == 2
        await started.sio.disconnect()
        resumed = await Tab().open(server, cookie, thread_id=thread_id)
        await resumed.wait_for(ui_texts.UNEXPECTED_CALLBACK_ERROR)
        await resumed.sio.disconnect()
        for tab in (started, resumed):
            assert not any("kaputt" in s or "Geheimnis" in s or "RuntimeError" in s for s in tab.shown)
    finally:
        server.marker.unlink(missing_ok=True)
        client.close()
    log = server.log.read_text(errors="replace")
    for where in ("chat start", "chat resume", "action 'feedback'"):
        assert f"{where} failed: unexpected RuntimeError at sitecustomize.py" in log
    assert "Geheimnis" not in log and "kaputt" not in log and "Traceback" not in log


# -- uploads that were never sent --------------------------------------------------------------------------------

def test_uploads_left_by_a_crash_are_swept_at_start_and_then_regularly(server):
    assert not server.left_by_a_crash.exists()
    later = _leftover(server.files_dir)
    fresh = _leftover(server.files_dir, mtime=time.time())  # maybe another process's tab, still uploading
    deadline = time.monotonic() + 30
    while later.exists():
        assert time.monotonic() < deadline, "a leftover upload was not swept"
        time.sleep(0.5)
    assert fresh.exists()


# -- prompt proposals ---------------------------------------------------------------------------------------------

PROPOSAL = {
    "heißen": "Hilfeplan für Frau Aylin Demir vorbereiten",
    "Kategorie": "Dokumentation",
    "Beschreiben": "Für das Gespräch mit Herrn Jonas Becker am 12.03.2025 (Tel. 0176 23456789).",
    "Prompt-Text": "Fasse die Lage von Frau Aylin Demir, geb. 02.05.1979, IBAN DE89 3704 0044 0532 0130 00, für {anlass} "
                   "zusammen.",
}


async def test_a_staff_proposal_reaches_the_admin_only_protected(server):
    session = await ChatSession(server.base_url, "fachkraft", PASSWORD).open()
    answered: list[str] = []

    @session.sio.on("ask")
    async def answer(data):
        question = (data.get("msg") or {}).get("output", "")
        reply = next(v for k, v in PROPOSAL.items() if k in question)
        answered.append(reply)
        return {"id": str(uuid.uuid4()), "threadId": "", "type": "user_message", "name": "fachkraft",
                "output": reply, "createdAt": "2026-01-01T00:00:00Z"}

    try:
        clicked = await asyncio.to_thread(session.http.post, "/chat/project/action", json={
            "sessionId": session.session_id,
            "action": {"name": "Prompt vorschlagen", "payload": {}, "label": "x", "forId": str(uuid.uuid4()),
                       "id": str(uuid.uuid4())}}, timeout=120)
        assert clicked.status_code == 200 and len(answered) == 4
        assert any(ui_texts.PROPOSAL_PROTECTED.split("{")[0] in o for o in session.outputs.values())
    finally:
        await session.close()
    admin = logged_in_client(server.base_url, "chefin", PASSWORD)
    overview = admin.get("/admin/prompts/").text
    pages = [overview] + [admin.get(f"/admin/prompts/{pid}").text
                          for pid in set(re.findall(r'href="/admin/prompts/([a-z0-9-]+)"', overview))]
    admin.close()
    everything = "\n".join(pages)
    assert "[PERSON]" in everything and "{anlass}" in everything  # protected, and still a template
    for value in ("Demir", "Aylin", "Becker", "02.05.1979", "0176", "DE89"):
        assert value not in everything, value
