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
    async for event in app.pipeline.answer(conv, "Schreibe Frau Aylin Demir zwei Sätze dazu, was Wohngeld ist."):
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
    import threading

    # A llama.cpp context is not thread-safe: count the generations running on it at the same moment.
    llm = app.local_models["smollm2"].load()
    real = llm.create_chat_completion
    guard = threading.Lock()
    seen = {"active": 0, "peak": 0, "calls": 0}

    def counting(*args, **kwargs):
        with guard:
            seen["active"] += 1
            seen["calls"] += 1
            seen["peak"] = max(seen["peak"], seen["active"])
        try:
            yield from real(*args, **kwargs)
        finally:
            with guard:
                seen["active"] -= 1

    llm.create_chat_completion = counting

    async def one(text):
        conv = app.pipeline.new_conversation("lokal-klein")
        return [e async for e in app.pipeline.answer(conv, text)][-1]

    a, b = await asyncio.gather(one("Erkläre kurz: Was ist Wohngeld? Schreibe zwei Sätze."),
                                one("Formuliere einen Satz über Kinderschutz."))
    assert a.text.strip() and b.text.strip()
    assert seen["calls"] == 2 and seen["peak"] == 1, seen


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


async def test_two_applications_in_one_process_each_answer_with_their_own_local_model(tmp_path):
    """LiteLLM's provider map is process-wide: a second application must not take over the first one's model.

    Both use the alias ``smollm2`` with the same file but different answer lengths, so the token counts show
    whose model answered; each application's own model object must be the one that was loaded."""
    from chat.settings import load_settings
    from tests.conftest import settings_dict

    apps = []
    for name, max_tokens in (("a", 3), ("b", 24)):
        values = settings_dict(tmp_path / name, local=True)
        values["local_models"]["smollm2"]["max_tokens"] = max_tokens
        apps.append(SafeGPT(load_settings(use_file=False, **values)))
    first, second = apps
    try:
        names = [app.router._local.name for app in apps]  # the second one used to replace the first one's
        assert names[0] != names[1]
        done = {}
        for app in (first, second):
            conv = app.pipeline.new_conversation("lokal-klein")
            done[app] = [e async for e in app.pipeline.answer(conv, "Erkläre ausführlich, was Wohngeld ist.")][-1]
        assert first.local_models["smollm2"]._llm is not None
        assert second.local_models["smollm2"]._llm is not None
        assert 0 < done[first].completion_tokens <= 3
        assert done[second].completion_tokens > 3
    finally:
        for app in apps:
            app.close()
    from chat.llm.litellm_env import litellm

    # Closed applications leave nothing behind in the process-wide map.
    assert not {m["provider"] for m in litellm.custom_provider_map} & set(names)
