"""Small Chainlit helpers shared by the onboarding, prompt-library and consultation handlers.

A leaf: it imports none of the ``*_ui`` modules, so they can all import it (and each other only downwards:
``interaction`` ← ``consultation_ui``, ``onboarding_ui`` ← ``prompt_ui`` ← ``chat_start``).
"""

from __future__ import annotations

import functools

import chainlit as cl

from chat.wiring import SafeGPT
from onboarding import Prompt
from onboarding import chat_messages as texts

# Action names double as the title of a chat in the history when a click is its first interaction: German.
RUN_ACTION = "Vorlage aus der Promptbibliothek"
EXPLAIN_ACTION = "Wie funktioniert das?"


def ends_task(callback):
    """For action callbacks: Chainlit runs them outside a message task, but every ``AskUserMessage`` inside
    re-marks the chat as busy (stop button, input blocked). Mark it idle again when the callback is done."""

    @functools.wraps(callback)
    async def wrapper(app: SafeGPT, action: cl.Action):
        try:
            return await callback(app, action)
        finally:
            await cl.context.emitter.task_end()

    return wrapper


def current_department(app: SafeGPT) -> tuple[str | None, str | None]:
    """(department, user name) of the logged-in user; the name only feeds the k-threshold count."""
    user = cl.user_session.get("user")
    if user is None:
        return None, None
    account = app.accounts.get(user.identifier)
    return (account.department if account else None), user.identifier


def current_username() -> str | None:
    user = cl.user_session.get("user")
    return getattr(user, "identifier", None)


async def ask(app: SafeGPT, question: str) -> str | None:
    """One guided question; ``None`` on timeout."""
    timeout = int(app.settings.chat.guided_question_minutes * 60)
    answer = await cl.AskUserMessage(content=question, author="SafeGPT", timeout=timeout).send()
    if answer is None:
        await cl.Message(content=texts.PROMPT_TIMEOUT, author="SafeGPT").send()
        return None
    return (answer.get("output") or "").strip()


def run_action(prompt: Prompt, session_id: int | None = None) -> cl.Action:
    payload = {"prompt_id": prompt.id}
    if session_id is not None:
        payload["session_id"] = session_id
    return cl.Action(name=RUN_ACTION, payload=payload, label=prompt.title, tooltip=prompt.description,
                     icon="file-text")


def explain_action() -> cl.Action:
    return cl.Action(name=EXPLAIN_ACTION, payload={}, label=texts.EXPLAIN_LABEL, icon="info")
