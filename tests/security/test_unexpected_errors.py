"""An error nobody planned for (a bug in SafeGPT or a library) during a chat turn (issue 9).

A real ``safegpt serve`` with a fault plugin on its ``PYTHONPATH`` (tests/support/fault_plugin) that makes
the pipeline fail on trigger words, a real Chainlit websocket session, the recording stub model. The user
must read a German message — never Chainlit's own error text, which would show the exception's message —
a half-streamed answer is taken away, the message is kept in the history, the log names only the error's
type and place, and the next message is answered normally.
"""

from __future__ import annotations

import asyncio

import pytest

from chat.ui import messages as texts
from tests.conftest import settings_dict
from tests.support.chat_session import ChatSession
from tests.support.openai_stub import RecordingProvider
from tests.support.server import FAULT_PLUGIN, start_server_with_users
from tests.support.waiting import wait_until

PASSWORD = "sicheres-passwort-123"
ANSWER = "Mietbescheinigung"  # in every answer of the stub (tests/support/openai_stub.py)


@pytest.fixture(scope="module")
def slow_provider():
    provider = RecordingProvider(token_delay=0.3).start()  # slow enough to stop a turn in the middle
    yield provider
    provider.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, slow_provider):
    tmp = tmp_path_factory.mktemp("unexpected")
    running = start_server_with_users(settings_dict(tmp / "data", slow_provider), tmp, {"fachkraft": "staff"},
                                      PASSWORD, env={"PYTHONPATH": str(FAULT_PLUGIN), "SAFEGPT_TEST_FAULTS": "1"})
    yield running
    running.stop()


@pytest.mark.parametrize("trigger", ["FEHLERPROBE", "FEHLERPROBE-MITTEN", "FEHLERPROBE-ABBRUCH"])
async def test_unexpected_error_shows_german_message_keeps_the_message_and_recovers(server, trigger):
    text = f"{trigger}: Frau Aylin Demir (geb. 02.05.1979) fragt nach Wohngeld."
    session = await ChatSession(server.base_url, "fachkraft", PASSWORD).open()
    try:
        shown = await session.ask(text)
        # The German message ends the turn; no half answer (the stub's answers begin "Für …"), no exception text.
        assert shown[-1] == texts.ERROR_PREFIX + texts.UNEXPECTED_ERROR
        assert not any(o.startswith("Für ") for o in shown)
        assert not any(word in o for o in shown for word in ("kaputt", "Error", "Traceback"))
        # What the user wrote is kept (history writes are queued behind the turn: wait for them, do not sleep).
        await wait_until(lambda: text in session.history_texts(), 30, "the message was not kept in the history")
        again = await session.ask("Was gilt beim Wohngeld?")
        assert any(ANSWER in o for o in again)  # the next message is answered as usual
    finally:
        await session.close()
    log = server.log.read_text(errors="replace")
    assert "Aylin" not in log and "Wohngeld" not in log and "kaputt" not in log
    expected = "CancelledError" if trigger.endswith("ABBRUCH") else "RuntimeError"
    assert f"answer failed: unexpected {expected} at sitecustomize.py" in log


async def test_a_failure_to_count_usage_does_not_take_the_answer_away(server):
    session = await ChatSession(server.base_url, "fachkraft", PASSWORD).open()
    try:
        shown = await session.ask("ZAEHLFEHLER: Was gilt beim Wohngeld?")
        assert any(ANSWER in o for o in shown)
        assert not any(texts.UNEXPECTED_ERROR in o or "kaputt" in o for o in shown)
    finally:
        await session.close()
    assert "usage record failed: unexpected RuntimeError at sitecustomize.py" in server.log.read_text(errors="replace")


async def test_stopping_a_turn_says_so_in_german_and_is_not_an_error(server, slow_provider):
    session = await ChatSession(server.base_url, "fachkraft", PASSWORD).open()
    try:
        before = len(slow_provider.requests)
        turn = asyncio.create_task(session.ask("Was gilt beim Wohngeld? Bitte ausführlich."))
        while len(slow_provider.requests) == before:  # the model has the prompt …
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)  # … and streams (14 words, 0.3 s each): stop in the middle, as the button does
        await session.sio.emit("stop")
        shown = await asyncio.wait_for(turn, 30)
        assert not any(texts.UNEXPECTED_ERROR in o for o in shown)
        assert not any(ANSWER in o for o in shown)  # stopped before the end of the answer
        assert texts.ANSWER_STOPPED in shown and not any("stopped" in o for o in shown)  # in German
        assert any(ANSWER in o for o in await session.ask("Was gilt beim Wohngeld?"))
    finally:
        await session.close()
