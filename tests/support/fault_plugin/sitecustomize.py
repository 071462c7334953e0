"""Fault injection for a real ``safegpt serve`` in tests (tests/security/test_unexpected_errors.py).

Python imports ``sitecustomize`` at start-up when this folder is on ``PYTHONPATH``
(``tests.support.server.FAULT_PLUGIN``). Never on the path of a real deployment.

With ``SAFEGPT_TEST_DISK_FULL=<marker file>``: while the marker exists, writing vectors to the knowledge
base fails with ENOSPC (a full disk cannot be made here without root; tests/security/test_uploads.py).

With ``SAFEGPT_TEST_FAULTS=1`` the pipeline is wrapped so that a message containing a trigger word fails the
way a bug in SafeGPT or a library would:

- ``FEHLERPROBE-MITTEN``: the first part of the answer is streamed, then a RuntimeError;
- ``FEHLERPROBE-ABBRUCH``: a stray ``asyncio.CancelledError`` (one the turn's task was not asked for);
- ``FEHLERPROBE``: a RuntimeError before anything is shown;
- ``ZAEHLFEHLER``: the answer is complete, then counting it (usage figures) raises a RuntimeError.

With ``SAFEGPT_TEST_CALLBACK_FAULT=<marker file>``: while the marker exists, starting or reopening a chat
(``Pipeline.new_conversation``, ``LiveConversations.get``) and counting a feedback click (``UsageRecorder.record_feedback``) raise a
RuntimeError — the failures of ``on_chat_start``, ``on_chat_resume`` and an action callback.

The RuntimeErrors quote the user's text on purpose: nothing of it may reach the page or the log.
"""

from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path


def _install() -> None:
    from chat.core.events import AnswerDelta
    from chat.core.pipeline import Pipeline
    from chat.store.usage.recorder import UsageRecorder

    original = Pipeline.answer
    original_record = UsageRecorder.record_answer
    fail_next_count = []

    def record_answer(self, *args, **kwargs):
        if fail_next_count:
            fail_next_count.clear()
            raise RuntimeError("kaputt beim Zählen")
        return original_record(self, *args, **kwargs)

    async def answer(self, conv, text: str):
        if "FEHLERPROBE-ABBRUCH" in text:
            raise asyncio.CancelledError()
        if "FEHLERPROBE-MITTEN" in text:
            async for event in original(self, conv, text):
                yield event
                if isinstance(event, AnswerDelta):
                    raise RuntimeError(f"kaputt mitten in der Antwort auf {text!r}")
        if "FEHLERPROBE" in text:
            raise RuntimeError(f"kaputt bei {text!r}")
        if "ZAEHLFEHLER" in text:
            fail_next_count.append(True)
        async for event in original(self, conv, text):
            yield event

    Pipeline.answer = answer
    UsageRecorder.record_answer = record_answer


def _install_disk_full(marker: Path) -> None:
    import knowledge.store as store

    original = store.VectorStore.add

    def add(self, *args, **kwargs):
        if marker.exists():
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(self, *args, **kwargs)

    store.VectorStore.add = add


if os.environ.get("SAFEGPT_TEST_FAULTS") == "1":
    _install()
if os.environ.get("SAFEGPT_TEST_DISK_FULL"):
    _install_disk_full(Path(os.environ["SAFEGPT_TEST_DISK_FULL"]))


def _install_callback_faults(marker: Path) -> None:
    from chat.core.pipeline import Pipeline
    from chat.store.history.live import LiveConversations
    from chat.store.usage.recorder import UsageRecorder

    new_conversation = Pipeline.new_conversation
    record_feedback = UsageRecorder.record_feedback
    get = LiveConversations.get

    def failing_new_conversation(self, *args, **kwargs):
        if marker.exists():
            raise RuntimeError("kaputt beim Start für Frau Geheimnis")
        return new_conversation(self, *args, **kwargs)

    def failing_feedback(self, *args, **kwargs):
        if marker.exists():
            raise RuntimeError("kaputt bei der Rückmeldung von Frau Geheimnis")
        return record_feedback(self, *args, **kwargs)

    def failing_get(self, *args, **kwargs):
        if marker.exists():
            raise RuntimeError("kaputt beim Wiederöffnen für Frau Geheimnis")
        return get(self, *args, **kwargs)

    Pipeline.new_conversation = failing_new_conversation
    UsageRecorder.record_feedback = failing_feedback
    LiveConversations.get = failing_get


if os.environ.get("SAFEGPT_TEST_CALLBACK_FAULT"):
    _install_callback_faults(Path(os.environ["SAFEGPT_TEST_CALLBACK_FAULT"]))
