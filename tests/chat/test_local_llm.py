"""The embedded llama.cpp path, for real, with the small SmolLM2 model."""

from __future__ import annotations

import pytest

from chat.core.events import AnswerDelta, AnswerDone
from chat.wiring import SafeGPT

pytestmark = pytest.mark.llm


@pytest.fixture
def app(make_settings):
    application = SafeGPT(make_settings(local=True))
    yield application
    application.close()


async def test_local_model_streams_an_answer_through_the_pipeline(app):
    conv = app.pipeline.new_conversation("lokal-klein")
    deltas = []
    done = None
    async for event in app.pipeline.answer(conv, "Frau Aylin Demir fragt nach Wohngeld. Was ist das?"):
        if isinstance(event, AnswerDelta):
            deltas.append(event.text)
        elif isinstance(event, AnswerDone):
            done = event
    assert done is not None and done.model_name == "lokal-klein"
    assert len(deltas) > 1, "answer was not streamed"
    assert done.text.strip()
    assert done.completion_tokens > 0 and done.prompt_tokens > 0
    # what the model saw in this conversation is pseudonymised
    assert "Demir" not in str(conv.history)


async def test_local_model_serialises_concurrent_requests(app):
    import asyncio

    async def one(text):
        conv = app.pipeline.new_conversation("lokal-klein")
        return [e async for e in app.pipeline.answer(conv, text)][-1]

    a, b = await asyncio.gather(one("Was ist Wohngeld?"), one("Was ist Kinderschutz?"))
    assert a.text.strip() and b.text.strip()


async def test_warm_up_loads_the_local_model_and_leaves_the_line_free(app):
    local = app.local_models["smollm2"]
    assert local._llm is None  # loaded lazily …
    await app.pipeline.warm_up()
    assert local._llm is not None  # … but at start-up, not in the first user's answer
    queue = app.router.queues["lokal-klein"]
    assert queue.busy == 0 and queue.waiting == 0
    conv = app.pipeline.new_conversation("lokal-klein")
    done = [e async for e in app.pipeline.answer(conv, "Was ist Wohngeld?")][-1]
    assert isinstance(done, AnswerDone) and done.text.strip()
