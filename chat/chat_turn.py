"""Show one pipeline turn in the Chainlit chat: pseudonymisation step, queue place, streamed answer, sources.

Used by the plain message handler and by every feature that runs a text through the pipeline (prompt
library, consultation hours), so they all look and behave the same.
"""

from __future__ import annotations

from dataclasses import dataclass

import chainlit as cl

from chat import messages as texts
from chat.llm.router import RoutingError
from chat.pipeline import AnswerDelta, AnswerDone, Conversation, Protected, Queued, Routed, UserInputError
from chat.presentation import protected_markdown, source_elements, sources_footer
from chat.runtime import get_app


@dataclass(frozen=True)
class TurnResult:
    done: AnswerDone | None  # None when the turn failed (the user saw a German message why)
    message_id: str | None   # the Chainlit id of the answer message (for feedback/ratings)
    error: str | None = None


async def answer_in_chat(conversation: Conversation, text: str, *, prompt_id: str | None = None) -> TurnResult:
    """Run ``text`` through the pipeline and render it. Never raises for user or model errors."""
    answer = cl.Message(content="", author="SafeGPT")
    waiting: cl.Message | None = None
    model_display = ""
    try:
        async for event in get_app().pipeline.answer(conversation, text):
            if isinstance(event, Protected):
                async with cl.Step(name=texts.STEP_PSEUDONYMISED, type="tool") as step:
                    step.output = protected_markdown(event)
            elif isinstance(event, Routed):
                if event.notice:
                    await cl.Message(content=texts.ERROR_PREFIX + event.notice, author="SafeGPT").send()
                answer.author = texts.ANSWERED_BY.format(model=event.display_name)
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
                await answer.stream_token(event.text)
            elif isinstance(event, AnswerDone):
                answer.content = event.text + sources_footer(event)
                answer.elements = source_elements(event)
                await answer.send()
                return TurnResult(done=event, message_id=answer.id)
    except (UserInputError, RoutingError) as exc:
        if waiting is not None:
            await waiting.remove()
        # The user's own message stays in the chat above; they can resend it unchanged.
        await cl.Message(content=texts.ERROR_PREFIX + str(exc), author="SafeGPT").send()
        return TurnResult(done=None, message_id=None, error=str(exc))
    return TurnResult(done=None, message_id=None)
