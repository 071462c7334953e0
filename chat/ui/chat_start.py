"""What a new chat shows first: the rules of use until they are acknowledged, then the welcome and the prompt
library. Sits above ``onboarding_ui`` and ``prompt_ui``, so neither has to import the other to hand over."""

from __future__ import annotations

import chainlit as cl

from chat.ui import messages as texts
from chat.ui import onboarding_ui, prompt_ui
from chat.ui.guarded import register_action
from chat.ui.interaction import ends_task
from chat.wiring import SafeGPT


def register(app: SafeGPT) -> None:
    """The acknowledgement button (called by chat/ui/chainlit_app.py)."""
    register_action(app, onboarding_ui.ACK_ACTION, on_acknowledge)


async def start_chat(app: SafeGPT) -> None:
    """Called from ``on_chat_start``: onboarding when the rules need acknowledging, else the welcome."""
    await prompt_ui.set_commands(app)
    if await onboarding_ui.is_acknowledged(app):
        await welcome(app)
    else:
        await onboarding_ui.show_onboarding(app)


async def welcome(app: SafeGPT) -> None:
    await cl.Message(content=texts.WELCOME, author="SafeGPT").send()
    await prompt_ui.show_library_intro(app)


@ends_task
async def on_acknowledge(app: SafeGPT, action: cl.Action) -> None:
    if await onboarding_ui.acknowledge(app, action) is not None:
        await welcome(app)
