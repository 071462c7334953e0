"""Chainlit handlers: thin wiring from browser events to the conversation pipeline."""

from __future__ import annotations

import logging

import chainlit as cl

from chat import messages as texts
from chat.llm.router import RoutingError
from chat.pipeline import AnswerDelta, AnswerDone, Conversation, Protected, Queued, Routed, UserInputError
from chat.presentation import protected_markdown, source_elements, sources_footer
from chat.runtime import get_app

log = logging.getLogger(__name__)


@cl.password_auth_callback
def password_login(username: str, password: str) -> cl.User | None:
    account = get_app().accounts.authenticate(username, password)
    if account is None:
        return None
    return cl.User(identifier=account.username, metadata={"role": account.role.value, "provider": "password"})


@cl.set_chat_profiles
async def chat_profiles(user: cl.User | None = None) -> list[cl.ChatProfile]:
    settings = get_app().settings
    return [
        cl.ChatProfile(
            name=entry.display_name,
            markdown_description=f"{entry.display_name} – Standort: {entry.safegpt.location}",
            default=entry.model_name == settings.chat.default_model,
        )
        for entry in settings.model_list
    ]


def _model_for_profile(profile: str | None) -> str | None:
    for entry in get_app().settings.model_list:
        if entry.display_name == profile:
            return entry.model_name
    return None


@cl.on_chat_start
async def start() -> None:
    app = get_app()
    conversation = app.pipeline.new_conversation(_model_for_profile(cl.user_session.get("chat_profile")))
    cl.user_session.set("conversation", conversation)
    await cl.Message(content=texts.WELCOME, author="SafeGPT").send()


@cl.on_message
async def on_message(message: cl.Message) -> None:
    conversation: Conversation | None = cl.user_session.get("conversation")
    if conversation is None:
        await start()
        conversation = cl.user_session.get("conversation")
    answer = cl.Message(content="", author="SafeGPT")
    waiting: cl.Message | None = None
    model_display = ""
    try:
        async for event in get_app().pipeline.answer(conversation, message.content):
            if isinstance(event, Protected):
                async with cl.Step(name=texts.STEP_PSEUDONYMISED, type="tool") as step:
                    step.output = protected_markdown(event)
            elif isinstance(event, Routed):
                if event.notice:
                    await cl.Message(content=texts.ERROR_PREFIX + event.notice, author="SafeGPT").send()
                answer.author = texts.ANSWERED_BY.format(model=event.display_name)
                model_display = event.display_name
            elif isinstance(event, Queued):
                text = texts.QUEUED.format(model=model_display, ahead=event.ahead)
                if waiting is None:
                    waiting = cl.Message(content=text, author="SafeGPT")
                    await waiting.send()
                else:
                    waiting.content = text
                    await waiting.update()
            elif isinstance(event, AnswerDelta):
                if waiting is not None:
                    await waiting.remove()
                    waiting = None
                await answer.stream_token(event.text)
            elif isinstance(event, AnswerDone):
                answer.content = event.text + sources_footer(event)
                answer.elements = source_elements(event)
                await answer.send()
    except (UserInputError, RoutingError) as exc:
        if waiting is not None:
            await waiting.remove()
        # The user's own message stays in the chat above; they can resend it unchanged.
        await cl.Message(content=texts.ERROR_PREFIX + str(exc), author="SafeGPT").send()
