"""The conversation pipeline without a browser: real guardrail, real Chroma, real HTTP provider."""

from __future__ import annotations

import pytest

from chat.core.events import AnswerDelta, AnswerDone, EvidenceFound, Protected, Retrieved, Routed
from chat.core.pipeline import UserInputError
from chat.llm.errors import ModelNotAllowed, ModelUnavailable
from chat.wiring import SafeGPT
from tests.support.openai_stub import RecordingProvider

MESSAGE = ("Frau Aylin Demir (geb. 14.03.1987, aylin.demir@web.de) stellt einen Wohngeldantrag. Braucht sie "
           "dafür eine Mietbescheinigung vom Vermieter?")


@pytest.fixture(scope="module")
def app(tmp_path_factory, module_provider):
    from tests.conftest import open_app, settings_dict

    data = tmp_path_factory.mktemp("pipeline") / "data"
    application = open_app(settings_dict(data, module_provider, samples=True), index_samples=True)
    yield application
    application.close()


async def collect(pipeline, conv, text):
    return [event async for event in pipeline.answer(conv, text)]


async def test_one_turn_pseudonymises_grounds_and_restores(app, provider):
    conv = app.pipeline.new_conversation()
    events = await collect(app.pipeline, conv, MESSAGE)
    kinds = [type(e) for e in events]
    assert kinds[:4] == [Protected, Retrieved, EvidenceFound, Routed] and kinds[-1] is AnswerDone
    done = events[-1]
    streamed = "".join(e.text for e in events if isinstance(e, AnswerDelta))
    assert streamed == done.text
    assert "Aylin Demir" in done.text
    sent = provider.received_text()
    for secret in ("Aylin", "Demir", "14.03.1987", "aylin.demir@web.de"):
        assert secret not in sent
    assert done.sources, "no guideline passage retrieved for a Wohngeld question"
    assert any("ohngeld" in s.passage.title + s.passage.text for s in done.sources)
    assert done.cited == (1,)


async def test_same_person_keeps_pseudonym_across_turns(app, provider):
    conv = app.pipeline.new_conversation()
    await collect(app.pipeline, conv, MESSAGE)
    await collect(app.pipeline, conv, "Formuliere eine kurze Notiz an Frau Demir zu den Unterlagen für die Wohngeldstelle.")
    first, second = provider.requests[0]["messages"][-1]["content"], provider.requests[1]["messages"][-1]["content"]
    assert "[Person 1]" in first and "[Person 1]" in second
    assert "Demir" not in provider.received_text()
    # history went along, pseudonymised
    assert any("[Person 1]" in m["content"] for m in provider.requests[1]["messages"][1:-1])


async def test_a_long_chat_keeps_only_the_usable_turns_in_memory_and_the_person_stays_the_same(app, provider):
    """Memory per chat is bounded: only ``chat.history_turns`` turns stay in the conversation (the prompt uses
    no more); the pseudonyms stay consistent because the vault, not the history, holds them."""
    turns = app.settings.chat.history_turns
    conv = app.pipeline.new_conversation()
    await collect(app.pipeline, conv, MESSAGE)
    for n in range(turns + 2):
        await collect(app.pipeline, conv, f"Notiz {n}: Fasse zusammen, was Frau Demir noch braucht.")
    assert len(conv.history) == 2 * turns
    assert "[Person 1]" in provider.requests[-1]["messages"][-1]["content"]
    assert len(provider.requests[-1]["messages"]) == len(provider.requests[-2]["messages"])  # the prompt stopped growing


@pytest.mark.parametrize("text", ["", "   \n\t "])
async def test_empty_message_is_refused_in_german_and_nothing_sent(app, provider, text):
    conv = app.pipeline.new_conversation()
    with pytest.raises(UserInputError, match="Bitte geben Sie eine Nachricht ein"):
        await collect(app.pipeline, conv, text)
    assert provider.requests == [] and conv.history == []


async def test_unlisted_model_is_unreachable(app):
    with pytest.raises(ModelNotAllowed):
        app.pipeline.new_conversation("gpt-4o")


async def test_dead_provider_gives_german_message_and_keeps_conversation(make_settings):
    dead = RecordingProvider(mode="fail").start()
    application = SafeGPT(make_settings(dead))
    try:
        conv = application.pipeline.new_conversation()
        with pytest.raises(ModelUnavailable, match="nicht erreichbar") as err:  # (no guideline: the model writes)
            await collect(application.pipeline, conv, "Schreibe Frau Aylin Demir eine kurze Terminbestätigung.")
        assert "Demir" not in str(err.value)
        assert conv.history == []
    finally:
        dead.stop()
        application.close()
