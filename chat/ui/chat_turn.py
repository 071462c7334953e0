"""Show one pipeline turn in the Chainlit chat: pseudonymisation step, queue place, the quoted evidence, the
streamed answer, then the checked answer with its marks, and the sources.

Used by the plain message handler and by every feature that runs a text through the pipeline (prompt
library, consultation hours), so they all look and behave the same.
"""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import chainlit as cl

from chat.core import messages as core_texts
from chat.core import upload_messages
from chat.core.attachments import attachment_summary
from chat.core.answer_render import answer_markdown, evidence_preamble
from chat.core.events import AnswerDelta, AnswerDone, EvidenceFound, Protected, Queued, Retrieved, Routed
from chat.core.pipeline import Conversation, UserInputError
from chat.core.presentation import protected_markdown, shown_sources, sources_footer
from chat.llm.errors import ModelNotAllowed, ModelUnavailable, RoutingError
from chat.store.db.faults import database_unavailable
from chat.ui import messages as texts
from chat.ui.feedback_ui import feedback_actions
from chat.ui.interaction import current_department
from chat.ui.presentation import source_elements
from chat.wiring import SafeGPT

log = logging.getLogger(__name__)
# Pieces that arrive within this interval reach the browser as one update. Every update is a socket.io event
# (JSON, websocket frame, Chainlit bookkeeping) and a fast model sends a piece every few milliseconds;
# 20 updates a second still read as streaming (bench/load.py measures the CPU this saves).
STREAM_INTERVAL = 0.05


class StreamBatcher:
    """Joins streamed pieces into fewer browser updates: the first piece passes at once, later ones wait until
    ``interval`` seconds have passed since the last update. What is still held is in the final message anyway."""

    def __init__(self, interval: float = STREAM_INTERVAL, clock=time.monotonic) -> None:
        self._interval, self._clock = interval, clock
        self._held: list[str] = []
        self._last: float | None = None

    def add(self, text: str) -> str | None:
        """The text to send now, or None while it is held."""
        self._held.append(text)
        now = self._clock()
        if self._last is not None and now - self._last < self._interval:
            return None
        self._last = now
        joined = "".join(self._held)
        self._held.clear()
        return joined


@dataclass(frozen=True)
class TurnResult:
    done: AnswerDone | None  # None when the turn failed (the user saw a German message why)
    message_id: str | None   # the Chainlit id of the answer message (for feedback/ratings)
    error: str | None = None


async def answer_in_chat(app: SafeGPT, conversation: Conversation, text: str, *, prompt_id: str | None = None,
                         attachments: tuple = ()) -> TurnResult:
    """Run ``text`` through the pipeline and render it. Never raises for user or model errors.

    ``attachments`` (:class:`chat.core.attachments.Attachment`) are already part of ``text``; they are listed in a
    step of their own so the user sees what was read from which file."""
    if attachments:
        async with cl.Step(name=upload_messages.STEP_ATTACHED, type="tool") as step:
            step.output = attachment_summary(list(attachments))
    answer = cl.Message(content="", author="SafeGPT")
    waiting: cl.Message | None = None
    model_display = ""
    pii_types: list[str] = []
    batcher = StreamBatcher()
    try:
        async for event in app.pipeline.answer(conversation, text):
            if isinstance(event, Protected):
                pii_types = [entity for entity, _, _ in event.replacements]
                async with cl.Step(name=texts.STEP_PSEUDONYMISED, type="tool") as step:
                    step.output = protected_markdown(event)
            elif isinstance(event, Retrieved):
                if event.search_notice:
                    await cl.Message(content=event.search_notice, author="SafeGPT").send()
            elif isinstance(event, EvidenceFound):
                # The guideline's own words first; the model's draft streams in below them.
                preamble = evidence_preamble(event.evidence, event.action, event.notice)
                if preamble:
                    await answer.stream_token(preamble)
            elif isinstance(event, Routed):
                if event.notice:
                    await cl.Message(content=texts.ERROR_PREFIX + event.notice, author="SafeGPT").send()
                answer.author = core_texts.ANSWERED_BY.format(model=event.display_name)
                model_display = event.display_name
            elif isinstance(event, Queued):
                notice = texts.QUEUED.format(model=model_display, ahead=event.ahead)
                if waiting is None:
                    waiting = cl.Message(content=notice, author="SafeGPT")
                    await waiting.send()
                else:
                    waiting.content = notice
                    await waiting.update()
            elif isinstance(event, AnswerDelta):
                if waiting is not None:
                    await waiting.remove()
                    waiting = None
                update = batcher.add(event.text)
                if update is not None:
                    await answer.stream_token(update)
            elif isinstance(event, AnswerDone):
                # AI-Act transparency: say visibly, in every answer, that an AI answered and which one (or
                # that SafeGPT answered from the guidelines alone). The streamed draft is replaced by the checked
                # one: same words, with the check's marks where they belong.
                by = (core_texts.ANSWERED_BY.format(model=event.display_name) if event.model_name
                      else core_texts.ANSWERED_WITHOUT_MODEL)
                answer.content = answer_markdown(event) + sources_footer(event) + "\n\n*" + by + "*"
                if not event.model_name:
                    answer.author = "SafeGPT"
                answer.elements = source_elements(event)
                answer.actions = [*feedback_actions(event.model_name, prompt_id), mark_action()]
                await answer.send()
                await _record_safely(app, event.model_name or core_texts.NO_MODEL_LABEL, "ok", pii_types, prompt_id, event)
                return TurnResult(done=event, message_id=answer.id)
    except (UserInputError, RoutingError) as exc:
        if waiting is not None:
            await waiting.remove()
        if answer.content:  # the model died mid-stream: take the half answer away, nothing half-done stays
            await answer.remove()
        outcome = ("input_rejected" if isinstance(exc, UserInputError) else
                   "refused_policy" if isinstance(exc, ModelNotAllowed) else
                   "model_unavailable" if isinstance(exc, ModelUnavailable) else "error")
        await _record_safely(app, conversation.model_name, outcome, pii_types, prompt_id, None)
        # The user's own message stays in the chat above; they can resend it unchanged.
        await cl.Message(content=texts.ERROR_PREFIX + str(exc), author="SafeGPT").send()
        return TurnResult(done=None, message_id=None, error=str(exc))
    except (Exception, asyncio.CancelledError) as exc:
        if not unexpected(exc):
            raise  # the user stopped the turn, or the database is down (on_message says so)
        log_unexpected(exc, "answer")
        if waiting is not None:
            await waiting.remove()
        if answer.content:  # nothing half-done stays
            await answer.remove()
        await _record_safely(app, conversation.model_name, "error", pii_types, prompt_id, None)
        await cl.Message(content=texts.ERROR_PREFIX + texts.UNEXPECTED_ERROR, author="SafeGPT").send()
        return TurnResult(done=None, message_id=None, error=texts.UNEXPECTED_ERROR)
    return TurnResult(done=None, message_id=None)


def unexpected(exc: BaseException) -> bool:
    """An error no other handler explains: not the database being down, and not a cancellation of this turn
    (the user pressed stop or left) — a stray ``CancelledError`` from a library is unexpected too."""
    if isinstance(exc, asyncio.CancelledError):
        task = asyncio.current_task()
        return task is not None and not task.cancelling()
    return not database_unavailable(exc)


def log_unexpected(exc: BaseException, where: str) -> None:
    """Log the error's type and the line that raised it — never its message or traceback text, which can
    quote what the user wrote."""
    frames = traceback.extract_tb(exc.__traceback__)
    origin = f"{Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name}" if frames else "?"
    log.error("%s failed: unexpected %s at %s", where, type(exc).__name__, origin)


def mark_action() -> cl.Action:
    return cl.Action(name="mark_value", payload={}, label=texts.MARK_BUTTON, tooltip=texts.MARK_TOOLTIP,
                     icon="shield")


async def _record_safely(app: SafeGPT, *args) -> None:
    """Record usage in a thread (a locked or unreachable database must not stall other chats); while the
    database is unavailable, tell the user that this turn is not saved yet (the data layer keeps it in memory
    only; once the database answers again, catching up is no reason for the note). Any other failure to count is
    logged and does not take the answer away: the count is secondary."""
    unavailable = False
    try:
        await asyncio.to_thread(_record, app, *args)
    except Exception as exc:
        if database_unavailable(exc):
            log.warning("usage not recorded: database unavailable (%s)", type(exc).__name__)
            unavailable = True
        else:
            log_unexpected(exc, "usage record")
    history = app.history  # without a history there is nothing that could be saved later
    if history is not None and (unavailable or history.waiting_for_database):
        await cl.Message(content=texts.DATABASE_NOT_SAVED, author="SafeGPT").send()


def _record(app: SafeGPT, model: str, outcome: str, pii_types: list[str], prompt_id: str | None, done: AnswerDone | None) -> None:
    department, member = current_department(app)
    cited = []
    if done is not None:
        cited = [s.passage.source_file for s in shown_sources(done)]
    app.usage.record_answer(
        model=model, outcome=outcome,
        prompt_tokens=done.prompt_tokens if done else 0, completion_tokens=done.completion_tokens if done else 0,
        latency_ms=int(done.seconds * 1000) if done else 0, pii_types=pii_types, prompt_id=prompt_id,
        sources=cited, no_source=done is not None and not done.sources, department=department, member=member)
