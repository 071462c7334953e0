"""A long message in one chat does not hold up the other chats of the process.

Detection (Presidio over up to ``chat.max_message_chars`` characters) runs in a worker thread; on the event loop
it would stall every chat of the process for as long as it takes. Two real pipeline turns run concurrently in
one event loop (real guardrail, real Chroma, recording OpenAI-compatible server on 127.0.0.1).
"""

from __future__ import annotations

import asyncio
import time

import pytest
from mimesis import Address, Person, Text
from mimesis.locales import Locale

from chat.core.events import AnswerDone

SHORT = "Welche Unterlagen braucht man für den Wohngeldantrag?"


def long_case_note(limit: int, seed: int = 20) -> str:
    """A pasted case file just under the limit: names, addresses, phone numbers, e-mails between sentences
    (mimesis, a source the product's detection does not use)."""
    person, address, text = Person(Locale.DE, seed=seed), Address(Locale.DE, seed=seed), Text(Locale.DE, seed=seed)
    parts: list[str] = []
    size = 0
    while True:
        sentence = (f"Frau {person.full_name()} aus {address.city()}, {address.address()}, Tel. {person.telephone()}, "
                    f"schreibt an {person.email()}: {text.sentence()} ")
        if size + len(sentence) > limit - 100:
            return "".join(parts) + "Was ist zu tun?"
        parts.append(sentence)
        size += len(sentence)


@pytest.fixture(scope="module")
def app(tmp_path_factory, module_provider):
    from tests.conftest import ALL_CLASSES, open_app, settings_dict

    values = settings_dict(tmp_path_factory.mktemp("event-loop") / "data", module_provider, samples=True)
    # The pasted sentences may touch an Art. 9 term; routing is not what this test is about.
    values["model_list"][0]["safegpt"] = {"location": "local", "display_name": "Testmodell",
                                          "data_classes": ALL_CLASSES}
    application = open_app(values, index_samples=True)
    yield application
    application.close()


async def test_a_long_message_does_not_hold_up_a_short_one_in_another_chat(app):
    pipeline = app.pipeline
    long_text = long_case_note(app.settings.chat.max_message_chars)
    assert len(long_text) > 0.9 * app.settings.chat.max_message_chars
    await pipeline.warm_up()
    # How long protecting the long message alone takes on this machine now (no fixed threshold: shared cores).
    started = time.perf_counter()
    await asyncio.to_thread(app.guardrail.conversation().protect, long_text)
    protect_seconds = time.perf_counter() - started

    finished: list[str] = []
    gaps: list[float] = []
    took: dict[str, float] = {}

    async def turn(name: str, text: str) -> AnswerDone:
        conv = pipeline.new_conversation()
        began = time.perf_counter()
        events = [event async for event in pipeline.answer(conv, text)]
        took[name] = time.perf_counter() - began
        finished.append(name)
        return events[-1]

    async def heartbeat(stop: asyncio.Event) -> None:
        # How long the loop goes without running anything else: the stall a third chat would feel.
        last = time.perf_counter()
        while not stop.is_set():
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(stop))
    long_turn = asyncio.create_task(turn("long", long_text))
    await asyncio.sleep(0)  # the long turn has started (its detection runs) before the short one is sent
    short_turn = asyncio.create_task(turn("short", SHORT))
    long_done, short_done = await asyncio.gather(long_turn, short_turn)
    stop.set()
    await beat

    assert isinstance(long_done, AnswerDone) and isinstance(short_done, AnswerDone)
    assert finished == ["short", "long"]
    # The loop kept running while the long message was protected. Protection is most of the long turn; had it run
    # on the loop, the loop would have paused for about that long. Compared with the long turn of this same run
    # (not with a fixed threshold or an earlier measurement: the cores are shared and the load varies).
    assert protect_seconds > 0.05 and max(gaps) < took["long"] / 3, (max(gaps), took, protect_seconds)
