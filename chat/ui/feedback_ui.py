"""Feedback on an answer: "Hilfreich" / "Nicht hilfreich", then optionally one fixed reason — no free text.

Chainlit's own thumbs open a free-text comment dialog; SafeGPT hides them (chat/ui/public/safegpt-a11y.css) and
shows these buttons under every answer instead, with or without a chat history. Everything is counted without
a name (chat/store/usage).
"""

from __future__ import annotations

import asyncio
import logging

import chainlit as cl

from chat.core.feedback import FeedbackReason
from chat.core.messages import FEEDBACK_REASONS
from chat.runtime import get_app
from chat.ui import messages as texts
from chat.ui.interaction import current_department

log = logging.getLogger(__name__)
FEEDBACK_ACTION = "feedback"
REASON_ACTION = "feedback_reason"


def feedback_actions(model: str, prompt_id: str | None) -> list[cl.Action]:
    """The two buttons under an answer; each knows the other's id, so one click takes both away."""
    helpful = cl.Action(name=FEEDBACK_ACTION, payload={}, label=texts.FEEDBACK_HELPFUL, tooltip=texts.FEEDBACK_TOOLTIP,
                        icon="thumbs-up")
    not_helpful = cl.Action(name=FEEDBACK_ACTION, payload={}, label=texts.FEEDBACK_NOT_HELPFUL,
                            tooltip=texts.FEEDBACK_TOOLTIP, icon="thumbs-down")
    group = [helpful.id, not_helpful.id]
    helpful.payload = {"model": model, "prompt_id": prompt_id, "helpful": True, "group": group}
    not_helpful.payload = {"model": model, "prompt_id": prompt_id, "helpful": False, "group": group}
    return [helpful, not_helpful]


def reason_actions(model: str, prompt_id: str | None) -> list[cl.Action]:
    actions = [cl.Action(name=REASON_ACTION, payload={}, label=FEEDBACK_REASONS[reason.value])
               for reason in FeedbackReason]
    group = [a.id for a in actions]
    for action, reason in zip(actions, FeedbackReason):
        action.payload = {"model": model, "prompt_id": prompt_id, "reason": reason.value, "group": group}
    return actions


async def _remove_group(action: cl.Action) -> None:
    """Take away every button of the clicked one's group (a second click would count twice)."""
    for action_id in (action.payload or {}).get("group") or [action.id]:
        await cl.Action(name=action.name, payload={}, id=str(action_id), forId=action.forId).remove()


@cl.action_callback(FEEDBACK_ACTION)
async def on_feedback(action: cl.Action) -> None:
    payload = action.payload or {}
    model, prompt_id, helpful = str(payload.get("model", "")), payload.get("prompt_id"), bool(payload.get("helpful"))
    department, _ = current_department()
    await asyncio.to_thread(get_app().usage.record_feedback, model=model, helpful=helpful, prompt_id=prompt_id,
                            department=department)
    await _remove_group(action)
    if helpful:
        await cl.Message(content=texts.FEEDBACK_THANKS, author="SafeGPT").send()
    else:
        await cl.Message(content=texts.FEEDBACK_ASK_REASON, author="SafeGPT",
                         actions=reason_actions(model, prompt_id)).send()


@cl.action_callback(REASON_ACTION)
async def on_feedback_reason(action: cl.Action) -> None:
    payload = action.payload or {}
    try:
        reason = FeedbackReason(payload.get("reason"))
    except ValueError:  # not one of our buttons: nothing is stored
        log.warning("feedback reason refused: unknown code")
        return
    department, _ = current_department()
    await asyncio.to_thread(get_app().usage.record_feedback_reason, model=str(payload.get("model", "")),
                            reason=reason, prompt_id=payload.get("prompt_id"), department=department)
    await _remove_group(action)
    await cl.Message(content=texts.FEEDBACK_REASON_THANKS.format(reason=FEEDBACK_REASONS[reason.value]),
                     author="SafeGPT").send()
