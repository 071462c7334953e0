"""Routing by data sensitivity against real OpenAI-compatible servers on 127.0.0.1 (one per provider)."""

from __future__ import annotations

import asyncio
import time

import pytest

from chat.core.events import AnswerDone, Queued, Routed
from chat.llm.errors import ModelNotAllowed, ModelUnavailable
from chat.settings import ConfigError, load_settings
from chat.wiring import SafeGPT
from tests.conftest import ALL_CLASSES
from tests.support.openai_stub import RecordingProvider

CLIENT_MESSAGE = "Frau Aylin Demir (aylin.demir@web.de) fragt nach Wohngeld."
HEALTH_MESSAGE = "Frau Aylin Demir hat eine Depression und nimmt Antidepressiva. Was muss ich beachten?"


async def until(check, timeout: float = 30.0) -> None:
    """Poll a cheap in-process condition: a fixed sleep is too short on a loaded machine and wasted on a quiet one."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not reached"
        await asyncio.sleep(0.01)


def entry(name, provider, location, classes, **safegpt):
    return {"model_name": name,
            "litellm_params": {"model": "openai/stub-model", "api_base": provider.api_base, "api_key": "k"},
            "safegpt": {"location": location, "display_name": name, "data_classes": classes, **safegpt}}


@pytest.fixture
def providers():
    started = {name: RecordingProvider(name=name).start() for name in ("cloud", "local", "cloud2")}
    yield started
    for p in started.values():
        p.stop()


def build(tmp_path, model_list, default="extern", **extra):
    settings = load_settings(use_file=False, data_dir=str(tmp_path / "data"), chat={"default_model": default},
                             knowledge={"embedder": "usem3"}, model_list=model_list, samples_dir=None,
                             router={"timeout_seconds": 2, "num_retries": 0, **extra.pop("router", {})}, **extra)
    return SafeGPT(settings)


async def run(app, conv, text, **kw):
    return [e async for e in app.pipeline.answer(conv, text, use_knowledge=False, **kw)]


async def test_client_data_reaches_eu_cloud_only_pseudonymised(tmp_path, providers):
    app = build(tmp_path, [entry("extern", providers["cloud"], "eu-cloud", ["none", "pseudonymised"])])
    events = await run(app, app.pipeline.new_conversation(), CLIENT_MESSAGE)
    assert isinstance(events[-1], AnswerDone) and "Aylin Demir" in events[-1].text
    sent = providers["cloud"].received_text()
    assert "Aylin" not in sent and "Demir" not in sent and "web.de" not in sent and "[Person 1]" in sent


async def test_special_category_never_reaches_the_cloud_model(tmp_path, providers):
    app = build(tmp_path, [entry("extern", providers["cloud"], "eu-cloud", ["none", "pseudonymised"]),
                           entry("lokal", providers["local"], "local", ALL_CLASSES)])
    events = await run(app, app.pipeline.new_conversation("extern"), HEALTH_MESSAGE)
    routed = next(e for e in events if isinstance(e, Routed))
    assert routed.model_name == "lokal" and "Art. 9" in routed.notice and "extern" in routed.notice
    assert providers["cloud"].requests == [] and len(providers["local"].requests) == 1


async def test_special_category_refused_when_no_allowed_model(tmp_path, providers):
    app = build(tmp_path, [entry("extern", providers["cloud"], "eu-cloud", ["none", "pseudonymised"])])
    conv = app.pipeline.new_conversation()
    with pytest.raises(ModelNotAllowed, match="nicht gesendet"):
        await run(app, conv, HEALTH_MESSAGE)
    assert providers["cloud"].requests == [] and conv.history == []


async def test_policy_table_overrides_a_model_approval(tmp_path, providers):
    # The model claims approval for special categories, but its location may not receive them.
    app = build(tmp_path, [entry("extern", providers["cloud"], "eu-cloud", ALL_CLASSES)])
    with pytest.raises(ModelNotAllowed):
        await run(app, app.pipeline.new_conversation(), HEALTH_MESSAGE)
    assert providers["cloud"].requests == []


async def test_manually_marked_value_is_residual_risk_and_stays_off_the_cloud(tmp_path, providers):
    app = build(tmp_path, [entry("extern", providers["cloud"], "eu-cloud", ["none", "pseudonymised"]),
                           entry("lokal", providers["local"], "local", ALL_CLASSES)])
    conv = app.pipeline.new_conversation("extern")
    conv.guard.mark("Projekt Sonnenhaus")
    events = await run(app, conv, "Wie läuft das Projekt Sonnenhaus?")
    assert next(e for e in events if isinstance(e, Routed)).model_name == "lokal"
    assert providers["cloud"].requests == [] and "Sonnenhaus" not in providers["local"].received_text()


async def test_allowed_models_and_no_switch_refuse(tmp_path, providers):
    app = build(tmp_path, [entry("extern", providers["cloud"], "eu-cloud", ["none", "pseudonymised"]),
                           entry("lokal", providers["local"], "local", ALL_CLASSES)])
    with pytest.raises(ModelNotAllowed):
        await run(app, app.pipeline.new_conversation("extern"), HEALTH_MESSAGE, switch_model=False)
    with pytest.raises(ModelNotAllowed):
        await run(app, app.pipeline.new_conversation("lokal"), "Hallo", allowed_models={"extern"})


async def test_dead_provider_falls_back(tmp_path, providers):
    providers["cloud"].mode = "fail"
    app = build(tmp_path, [entry("extern", providers["cloud"], "eu-cloud", ["none", "pseudonymised"]),
                           entry("extern2", providers["cloud2"], "eu-cloud", ["none", "pseudonymised"])],
                router={"fallbacks": {"extern": ["extern2"]}})
    events = await run(app, app.pipeline.new_conversation(), CLIENT_MESSAGE)
    assert "Aylin Demir" in events[-1].text
    assert len(providers["cloud"].requests) >= 1 and len(providers["cloud2"].requests) == 1
    assert "Demir" not in providers["cloud2"].received_text()


async def test_hanging_provider_times_out_within_bound(tmp_path, providers):
    providers["cloud"].mode = "hang"
    app = build(tmp_path, [entry("extern", providers["cloud"], "eu-cloud", ["none", "pseudonymised"])])
    conv = app.pipeline.new_conversation()
    started = time.monotonic()
    with pytest.raises(ModelUnavailable, match="nicht erreichbar"):
        await run(app, conv, CLIENT_MESSAGE)
    assert time.monotonic() - started < 2 * 2 + 3  # timeout 2 s, no retries, plus slack
    assert conv.history == []


def test_fallback_to_a_less_approved_model_is_a_config_error(tmp_path, providers):
    with pytest.raises(ConfigError, match="unzulässig"):
        build(tmp_path, [entry("lokal", providers["local"], "local", ALL_CLASSES),
                         entry("extern", providers["cloud"], "eu-cloud", ["none", "pseudonymised"])],
              default="lokal", router={"fallbacks": {"lokal": ["extern"]}})


async def test_busy_model_queues_fairly_and_shows_place(tmp_path, providers):
    providers["local"].token_delay = 0.05
    app = build(tmp_path, [entry("lokal", providers["local"], "local", ALL_CLASSES, max_parallel=1)],
                default="lokal")
    first = asyncio.create_task(run(app, app.pipeline.new_conversation(), "Erste Frage zu Wohngeld"))
    await until(lambda: app.router.queues["lokal"].busy == 1)
    second = await run(app, app.pipeline.new_conversation(), "Zweite Frage zu Wohngeld")
    assert [e.ahead for e in second if isinstance(e, Queued)] == [1]
    assert isinstance((await first)[-1], AnswerDone) and isinstance(second[-1], AnswerDone)


async def test_cancelled_request_leaves_the_queue(tmp_path, providers):
    providers["local"].token_delay = 0.1
    app = build(tmp_path, [entry("lokal", providers["local"], "local", ALL_CLASSES, max_parallel=1)],
                default="lokal")
    first = asyncio.create_task(run(app, app.pipeline.new_conversation(), "Erste Frage"))
    await until(lambda: app.router.queues["lokal"].busy == 1)
    waiting = asyncio.create_task(run(app, app.pipeline.new_conversation(), "Zweite Frage"))
    await until(lambda: app.router.queues["lokal"].waiting == 1)
    assert app.router.queues["lokal"].busy == 1  # still answering the first: the second really waits
    waiting.cancel()
    await until(lambda: app.router.queues["lokal"].waiting == 0)
    await first
    third = await run(app, app.pipeline.new_conversation(), "Dritte Frage")
    assert isinstance(third[-1], AnswerDone) and not any(isinstance(e, Queued) for e in third)
