"""What a new chat shows first: the rules of use until they are acknowledged, then the welcome and the prompt
library. Sits above ``onboarding_ui`` and ``prompt_ui``, so neither has to import the other to hand over."""

from __future__ import annotations

import chainlit as cl

from chat.ui import messages as texts
from chat.ui import onboarding_ui, prompt_ui
from chat.ui.guarded import action_callback
from chat.ui.interaction import ends_task


async def start_chat() -> None:
    """Called from ``on_chat_start``: onboarding when the rules need acknowledging, else the welcome."""
    await prompt_ui.set_commands()
    if await onboarding_ui.is_acknowledged():
        await welcome()
    else:
        await onboarding_ui.show_onboarding()


async def welcome() -> None:
    await cl.Message(content=texts.WELCOME, author="SafeGPT").send()
    await prompt_ui.show_library_intro()


@action_callback(onboarding_ui.ACK_ACTION)
@ends_task
async def on_acknowledge(action: cl.Action) -> None:
    if await onboarding_ui.acknowledge(action) is not None:
        await welcome()
