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
from chat.ui import messages as texts
from chat.ui.interaction import current_department
from chat.wiring import SafeGPT

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


def _known_labels(app: SafeGPT, payload: dict) -> tuple[str, str | None]:
    """Model and prompt id as the catalogue and the library name them. The payload comes from the browser: anything
    else (a made-up model, a name typed into a request) never reaches the figures or the metrics' labels."""
    model = str(payload.get("model", ""))
    if model not in {entry.model_name for entry in app.settings.model_list}:
        model = "unbekannt"
    prompt_id = payload.get("prompt_id")
    if prompt_id is not None and (not isinstance(prompt_id, str) or app.onboarding.catalog.get(prompt_id) is None):
        prompt_id = None
    return model, prompt_id


async def _remove_group(action: cl.Action) -> None:
    """Take away every button of the clicked one's group (a second click would count twice)."""
    for action_id in (action.payload or {}).get("group") or [action.id]:
        await cl.Action(name=action.name, payload={}, id=str(action_id), forId=action.forId).remove()


# Registered as button callbacks by chat/ui/chainlit_app.py's ``register`` (this module sits below chat.ui.guarded:
# chat_turn imports it for the buttons, and guarded imports chat_turn).
async def on_feedback(app: SafeGPT, action: cl.Action) -> None:
    payload = action.payload or {}
    model, prompt_id = _known_labels(app, payload)
    helpful = payload.get("helpful") is True
    department, _ = current_department(app)
    await asyncio.to_thread(app.usage.record_feedback, model=model, helpful=helpful, prompt_id=prompt_id,
                            department=department)
    await _remove_group(action)
    if helpful:
        await cl.Message(content=texts.FEEDBACK_THANKS, author="SafeGPT").send()
    else:
        await cl.Message(content=texts.FEEDBACK_ASK_REASON, author="SafeGPT",
                         actions=reason_actions(model, prompt_id)).send()


async def on_feedback_reason(app: SafeGPT, action: cl.Action) -> None:
    payload = action.payload or {}
    try:
        reason = FeedbackReason(payload.get("reason"))
    except ValueError:  # not one of our buttons: nothing is stored
        log.warning("feedback reason refused: unknown code")
        return
    model, prompt_id = _known_labels(app, payload)
    department, _ = current_department(app)
    await asyncio.to_thread(app.usage.record_feedback_reason, model=model, reason=reason, prompt_id=prompt_id,
                            department=department)
    await _remove_group(action)
    await cl.Message(content=texts.FEEDBACK_REASON_THANKS.format(reason=FEEDBACK_REASONS[reason.value]),
                     author="SafeGPT").send()
