"""Consultation hours ("KI-Sprechstunde") in the chat: the open session's prompts as buttons, and an anonymous
rating (helpful / not helpful + optional pseudonymised comment) after each result.
"""

from __future__ import annotations

import asyncio
import logging

import chainlit as cl

from chat.ui.guarded import register_action
from chat.ui.interaction import ask, ends_task, run_action
from chat.wiring import SafeGPT
from onboarding import Prompt
from onboarding import chat_messages as texts

log = logging.getLogger(__name__)
RATE_ACTION = "Bewertung in der KI-Sprechstunde"  # also a chat title in the history (see prompt_ui)
_PENDING = "pending_ratings"  # message id -> its rating buttons (removed after one click)


def register(app: SafeGPT) -> None:
    """The rating buttons (called by chat/ui/chainlit_app.py)."""
    register_action(app, RATE_ACTION, on_rate)


async def show_sessions(app: SafeGPT) -> None:
    area = app.onboarding
    sessions = await asyncio.to_thread(area.consultations.list, True)
    if not sessions:
        await cl.Message(content=texts.CONSULTATION_NONE, author="SafeGPT").send()
        return
    for session in sessions:
        prompts = [p for p in (area.catalog.get(i) for i in session.prompt_ids) if p is not None]
        lines = [texts.CONSULTATION_INTRO.format(title=session.title, k=area.consultations.min_ratings), ""]
        lines += [f"- **{p.title}** – {p.description}" for p in prompts]
        await cl.Message(content="\n".join(lines), author="SafeGPT",
                         actions=[run_action(p, session.id) for p in prompts]).send()


async def ask_rating(session_id: int, prompt: Prompt) -> None:
    base = {"session_id": session_id, "prompt_id": prompt.id, "version": prompt.version}
    actions = [cl.Action(name=RATE_ACTION, payload={**base, "helpful": True}, label=texts.RATE_HELPFUL),
               cl.Action(name=RATE_ACTION, payload={**base, "helpful": False}, label=texts.RATE_NOT_HELPFUL)]
    message = cl.Message(content=texts.RATE_QUESTION.format(title=prompt.title), author="SafeGPT", actions=actions)
    await message.send()
    pending = cl.user_session.get(_PENDING) or {}
    pending[message.id] = (actions, base)  # what is rated comes from here, not from the browser's payload
    cl.user_session.set(_PENDING, pending)


def pseudonymise(app: SafeGPT, comment: str) -> str:
    """Free text goes through the guardrail before it is stored (a fresh vault: nothing maps back)."""
    return app.guardrail.conversation().protect(comment).text


@ends_task
async def on_rate(app: SafeGPT, action: cl.Action) -> None:
    pending = cl.user_session.get(_PENDING) or {}
    entry = pending.pop(action.forId, None)
    if entry is None:
        return  # already rated
    cl.user_session.set(_PENDING, pending)
    buttons, rated = entry
    for button in buttons:
        await button.remove()
    comment = await ask(app, texts.RATE_COMMENT)
    if comment is not None and comment.casefold() in texts.SKIP_WORDS:
        comment = ""
    stored = await asyncio.to_thread(pseudonymise, app, comment) if comment else None
    try:
        await asyncio.to_thread(app.onboarding.consultations.rate, rated["session_id"], rated["prompt_id"],
                                rated["version"], bool(action.payload.get("helpful")), stored)
    except ValueError:
        await cl.Message(content=texts.RATE_CLOSED, author="SafeGPT").send()
        return
    await cl.Message(content=texts.RATE_THANKS, author="SafeGPT").send()
