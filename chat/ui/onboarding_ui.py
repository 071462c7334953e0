"""Onboarding in the chat: first-login introduction with a live pseudonymisation example, the rules of use,
acknowledgement (stored per user and rules version), the gate that blocks chatting until then, and
"Wie funktioniert das?" for the user's own last message.
"""

from __future__ import annotations

import asyncio
import logging

import chainlit as cl

from chat.core import messages as core_texts
from chat.core.pipeline import Conversation
from chat.ui.guarded import register_action
from chat.ui.data_layer import ONBOARDING_ACTION, forget_onboarding_writes
from chat.ui.interaction import EXPLAIN_ACTION, current_username, ends_task
from chat.ui.reflow import join_wrapped_lines
from chat.wiring import SafeGPT
from onboarding import chat_messages as texts

log = logging.getLogger(__name__)
# Action names double as the title of a chat in the history when a click is its first interaction: German.
# This one opens no chat (chat/ui/data_layer.py).
ACK_ACTION = ONBOARDING_ACTION
_SESSION_KEY = "rules_acknowledged"


def register(app: SafeGPT) -> None:
    """The "Wie funktioniert das?" button (called by chat/ui/chainlit_app.py; the acknowledgement button is
    chat/ui/chat_start.py's, which shows the welcome after it)."""
    register_action(app, EXPLAIN_ACTION, on_explain)


def live_example(app: SafeGPT) -> tuple[str, str, list[tuple[str, str]]]:
    """A fictional sentence through a fresh conversation guard: (before, after, [(original, pseudonym)])."""
    protected = app.guardrail.conversation().protect(texts.EXAMPLE_SENTENCE)
    return texts.EXAMPLE_SENTENCE, protected.text, [(f.original, f.pseudonym) for f in protected.findings]


def _ack_action(version: int) -> cl.Action:
    return cl.Action(name=ACK_ACTION, payload={"version": version}, label=texts.ACK_BUTTON, icon="check")


def rules_markdown(app: SafeGPT) -> str:
    rules = app.onboarding.rules
    approved = texts.RULES_APPROVED.format(approved_by=rules.approved_by) if rules.approved_by else ""
    header = texts.RULES_HEADER.format(version=rules.version, valid_from=f"{rules.valid_from:%d.%m.%Y}",
                                       approved=approved)
    return header + join_wrapped_lines(rules.text)  # the file is wrapped in an editor; the chat keeps breaks


async def is_acknowledged(app: SafeGPT) -> bool:
    area = app.onboarding
    if cl.user_session.get(_SESSION_KEY) == area.rules.version:
        return True
    username = current_username()
    if username is None:
        return False
    if not await asyncio.to_thread(area.needs_acknowledgement, username):
        cl.user_session.set(_SESSION_KEY, area.rules.version)
        return True
    return False


async def show_onboarding(app: SafeGPT) -> None:
    area = app.onboarding
    previous = await asyncio.to_thread(area.acknowledgements.latest_version, current_username() or "")
    if previous is None:
        before, after, replaced = await asyncio.to_thread(live_example, app)
        lines = "\n".join(texts.INTRO_REPLACEMENT.format(original=o, pseudonym=p) for o, p in replaced)
        await cl.Message(content=texts.INTRO.format(before=before, after=after, replacements=lines),
                         author="SafeGPT").send()
        await cl.Message(content=texts.INTRO_RULES_AHEAD, author="SafeGPT").send()
    else:
        await cl.Message(content=texts.RULES_UPDATED.format(old=previous, new=area.rules.version),
                         author="SafeGPT").send()
    await cl.Message(content=rules_markdown(app), author="SafeGPT").send()
    await send_ack_request(app)


async def send_ack_request(app: SafeGPT, prefix: str = "") -> None:
    version = app.onboarding.rules.version
    await cl.Message(content=prefix + texts.ACK_PROMPT, author="SafeGPT", actions=[_ack_action(version)]).send()


async def gate(app: SafeGPT) -> bool:
    """True when the user may chat; otherwise reminds them (German) and offers the button again."""
    if await is_acknowledged(app):
        return True
    await send_ack_request(app, prefix=texts.ACK_REMINDER + "\n\n")
    return False


async def acknowledge(app: SafeGPT, action: cl.Action) -> int | None:
    """Store the acknowledgement of the rules shown now; the version stored, or None without a user."""
    # The onboarding is no chat: drop its queued history writes (the data layer's rule, also applied when Chainlit
    # names the chat after this click) — first, before any await.
    forget_onboarding_writes()
    area = app.onboarding
    username = current_username()
    if username is None:
        return None
    # Always the version loaded now, whatever the (old) button said: the stored version matches the text shown.
    version = area.rules.version
    await asyncio.to_thread(area.acknowledgements.record, username, version)
    cl.user_session.set(_SESSION_KEY, version)
    log.info("rules of use acknowledged (version %s)", version)
    await action.remove()
    await cl.Message(content=texts.ACK_THANKS.format(version=version), author="SafeGPT").send()
    return version


def explain_markdown(app: SafeGPT, conversation: Conversation | None) -> str:
    trace = conversation.last_trace if conversation else None
    if trace is None:
        return texts.EXPLAIN_NONE
    replaced = trace.protected.replacements
    replacements = "\n".join(texts.EXPLAIN_REPLACEMENT.format(original=o, pseudonym=p, entity=e)
                             for e, o, p in replaced) or texts.EXPLAIN_NOTHING
    settings = app.settings
    try:
        entry = settings.model(trace.model_name)
        model, location = entry.display_name, entry.safegpt.location
    except KeyError:
        model, location = trace.model_name, "?"
    sources = "\n".join(texts.EXPLAIN_SOURCE.format(number=s.number, title=s.passage.title)
                        for s in trace.sources) or texts.EXPLAIN_NO_SOURCES
    data_class = core_texts.DATA_CLASS_REASONS.get(trace.data_class.value, trace.data_class.value)
    sent = trace.sent_text.replace("```", "'''")
    return texts.EXPLAIN.format(replacements=replacements, data_class=data_class, sent=sent, model=model,
                                location=location, sources=sources)


async def explain_last(app: SafeGPT) -> None:
    await cl.Message(content=explain_markdown(app, cl.user_session.get("conversation")), author="SafeGPT").send()


@ends_task
async def on_explain(app: SafeGPT, action: cl.Action) -> None:
    if await gate(app):
        await explain_last(app)
