"""Chainlit handlers: thin wiring from browser events to the conversation pipeline.

:func:`register` binds every handler to one wired :class:`SafeGPT` and registers it with Chainlit; the server
calls it once, after it has set Chainlit's environment and before it mounts the UI (chat/web/server.py).
Importing this module registers nothing.
"""

from __future__ import annotations

import asyncio
import logging

import chainlit as cl

from chat.core import messages as core_texts
from chat.core.pipeline import Conversation
from chat.store.db.faults import database_unavailable
from chat.store.history.live import reopen_conversation
from chat.ui import chat_start, chat_upload, consultation_ui, feedback_ui, onboarding_ui, prompt_ui, stop_button
from chat.ui import messages as texts
from chat.ui.chat_memory import forget_old_messages
from chat.ui.chat_turn import answer_in_chat, log_unexpected, unexpected
from chat.ui.guarded import end_session, guarded, register_action, session_is_valid
from chat.web.security.login_attempts import CURRENT_LOGIN
from chat.web.security.sessions import login_metadata
from chat.wiring import SafeGPT

log = logging.getLogger(__name__)


def register(app: SafeGPT) -> None:
    """Register SafeGPT's chat with Chainlit, every handler bound to ``app``. Chainlit keeps one set of handlers
    per process: a second call replaces the first one's."""
    stop_button.install()  # the stop button says so in German
    _register_login_methods(app)
    chat_upload.configure_chainlit_uploads(app.settings.chat)  # types, limits, server-side size check

    # Chainlit calls each handler with keyword arguments named as its parameters.
    async def chat_profiles(user: cl.User | None = None) -> list[cl.ChatProfile]:
        return profiles(app)

    async def chat_starters(user: cl.User | None = None, language: str | None = None) -> list[cl.Starter]:
        return prompt_ui.starters(app)

    async def on_chat_start() -> None:
        await start(app)

    async def on_chat_resume(thread: dict) -> None:
        await resume(app, thread)

    async def on_message(message: cl.Message) -> None:
        await answer_message(app, message)

    cl.set_chat_profiles(chat_profiles)
    cl.set_starters(chat_starters)
    cl.on_chat_start(guarded(app, "chat start")(on_chat_start))
    cl.on_chat_resume(guarded(app, "chat resume")(on_chat_resume))
    cl.on_message(on_message)  # checks the login itself: a message refused must not look like an error
    # Buttons, each guarded (chat/ui/guarded.py).
    register_action(app, feedback_ui.FEEDBACK_ACTION, feedback_ui.on_feedback)
    register_action(app, feedback_ui.REASON_ACTION, feedback_ui.on_feedback_reason)
    register_action(app, "mark_value", on_mark_value)
    for module in (chat_start, onboarding_ui, prompt_ui, consultation_ui):
        module.register(app)


def password_login(app: SafeGPT, username: str, password: str) -> cl.User | None:
    """Check the password, counting failures under exactly this name (the throttle in front of the login page
    answers 429 while the name waits; chat/web/security/login_attempts.py)."""
    request = CURRENT_LOGIN.get()
    address = request.address if request is not None else None
    waiting = app.login_attempts.locked_seconds(username, address)
    if waiting > 0:
        if request is not None:
            request.locked_seconds = waiting
        return None
    account = app.accounts.authenticate(username, password)
    if account is None:
        app.login_attempts.failed(username, address)
        return None
    app.login_attempts.succeeded(username, address)
    return cl.User(identifier=account.username, metadata=login_metadata(account, "password"))


async def header_login(app: SafeGPT, headers) -> cl.User | None:
    from chat.web.sso import header_identity, sso_account

    auth = app.settings.auth
    department = headers.get(auth.header_department) if auth.header_department else None
    identity = header_identity(auth.header_user, headers.get(auth.header_user))
    account = sso_account(app.accounts, identity, auto_create=auth.sso_auto_create, department=department,
                          claim_unlinked=auth.sso_claim_unlinked_accounts)
    if account is None:
        return None
    return cl.User(identifier=account.username, metadata=login_metadata(account, "header"))


async def oauth_login(app: SafeGPT, provider_id: str, raw_user_data: dict, default_user: cl.User) -> cl.User | None:
    from chat.web.sso import oauth_identity, sso_account

    auth = app.settings.auth
    identity = oauth_identity(provider_id, raw_user_data, default_user.identifier)
    account = sso_account(app.accounts, identity, auto_create=auth.sso_auto_create,
                          claim_unlinked=auth.sso_claim_unlinked_accounts)
    if account is None:
        return None
    return cl.User(identifier=account.username, metadata=login_metadata(account, provider_id))


def _register_login_methods(app: SafeGPT) -> None:
    """Only the methods switched on in the settings exist at all (Chainlit passes arguments by these names)."""
    auth = app.settings.auth
    if auth.password:
        def by_password(username: str, password: str) -> cl.User | None:
            return password_login(app, username, password)

        cl.password_auth_callback(by_password)
    if auth.header_enabled:
        async def by_header(headers) -> cl.User | None:
            return await header_login(app, headers)

        cl.header_auth_callback(by_header)
    if auth.oauth_enabled:
        async def by_oauth(provider_id: str, token: str, raw_user_data: dict, default_user: cl.User,
                           id_token: str | None = None) -> cl.User | None:
            return await oauth_login(app, provider_id, raw_user_data, default_user)

        cl.oauth_callback(by_oauth)  # raises unless an OAUTH_* provider is configured


def profiles(app: SafeGPT) -> list[cl.ChatProfile]:
    settings = app.settings
    return [
        cl.ChatProfile(
            name=entry.display_name,
            markdown_description=f"{entry.display_name} – Standort: {entry.safegpt.location}",
            default=entry.model_name == settings.chat.default_model,
        )
        for entry in settings.model_list
    ]


def _model_for_profile(app: SafeGPT, profile: str | None) -> str | None:
    for entry in app.settings.model_list:
        if entry.display_name == profile:
            return entry.model_name
    return None


async def start(app: SafeGPT) -> None:
    conversation = app.pipeline.new_conversation(_model_for_profile(app, cl.user_session.get("chat_profile")))
    cl.user_session.set("conversation", conversation)
    _remember(app, conversation)
    try:
        await chat_start.start_chat(app)  # rules acknowledgement first, then the welcome and the prompt library
    except Exception as exc:  # the database is down: say so; the next message tries again
        if not database_unavailable(exc):
            raise
        log.warning("chat start without onboarding: database unavailable (%s)", type(exc).__name__)
        await cl.Message(content=texts.ERROR_PREFIX + texts.DATABASE_UNAVAILABLE, author="SafeGPT").send()


def _remember(app: SafeGPT, conversation: Conversation) -> None:
    """Keep the new chat's conversation for a reload of the page in this process (chat/store/history/live.py)."""
    history, user = app.history, cl.user_session.get("user")
    if history is not None and user is not None:
        history.live.remember(user.identifier, cl.context.session.thread_id, conversation)


async def resume(app: SafeGPT, thread: dict) -> None:
    """Reopen one of the user's own chats: the same pseudonyms as before (chat/store/history/live.py)."""
    user = cl.user_session.get("user")
    conversation = reopen_conversation(app.pipeline, app.history.live, user.identifier if user else "", thread,
                                       _model_for_profile(app, cl.user_session.get("chat_profile")))
    cl.user_session.set("conversation", conversation)
    await prompt_ui.set_commands(app)  # the prompt library's slash commands in reopened chats too


async def answer_message(app: SafeGPT, message: cl.Message) -> None:
    if not await session_is_valid(app):  # disabled, password changed or past the session lifetime: no answer
        log.info("message refused: the login has ended")
        await end_session()
        return
    try:
        await _handle_message(app, message)
        forget_old_messages(cl.context.session.id)
    except (Exception, asyncio.CancelledError) as exc:  # the message stays above in every case
        if database_unavailable(exc):  # down or locked before the answer: say so
            log.warning("message not handled: database unavailable (%s)", type(exc).__name__)
            await cl.Message(content=texts.ERROR_PREFIX + texts.DATABASE_MESSAGE_KEPT, author="SafeGPT").send()
        elif unexpected(exc):  # never Chainlit's own error message: it shows the exception's text
            log_unexpected(exc, "message")
            await cl.Message(content=texts.ERROR_PREFIX + texts.UNEXPECTED_ERROR, author="SafeGPT").send()
        else:
            raise  # the user stopped the turn


async def _handle_message(app: SafeGPT, message: cl.Message) -> None:
    conversation: Conversation | None = cl.user_session.get("conversation")
    if conversation is None:
        await start(app)
        conversation = cl.user_session.get("conversation")
    # Attached files are read and deleted at once; None: refused, the user saw why (chat/ui/chat_upload.py).
    turn = await chat_upload.take_attachments(message, app.settings.chat, app.settings.data_dir)
    if turn is None:
        return
    if not await onboarding_ui.gate(app):  # nothing is sent before the rules of use are acknowledged
        return
    if turn.attachments:
        await answer_in_chat(app, conversation, turn.text, attachments=turn.attachments)
        return
    if await prompt_ui.handle(app, message, conversation):  # library commands, "Wie funktioniert das?"
        return
    command, _, rest = message.content.strip().partition(" ")
    if command.lower() in core_texts.MARK_COMMANDS:
        await mark_value(conversation, rest)
        return
    await answer_in_chat(app, conversation, message.content)


async def on_mark_value(app: SafeGPT, action: cl.Action) -> None:
    await cl.Message(content=texts.MARK_ASK, author="SafeGPT").send()


async def mark_value(conversation: Conversation, value: str) -> None:
    """The user marks a value the guardrail missed; it is masked from now on in this chat."""
    value = value.strip()
    if not value:
        await cl.Message(content=texts.MARK_EMPTY, author="SafeGPT").send()
        return
    conversation.guard.mark(value)
    await cl.Message(content=texts.MARK_DONE.format(value=value), author="SafeGPT").send()
