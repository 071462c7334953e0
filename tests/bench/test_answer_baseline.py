"""The answer bench's pinned old path (bench/answer_baseline.py) still runs against the product's router: it broke
unnoticed when the router's stream began to take a model entry instead of a name."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from answer_baseline import old_answer  # noqa: E402

from tests.conftest import open_app, settings_dict  # noqa: E402
from tests.support.openai_stub import RecordingProvider  # noqa: E402


async def test_the_old_path_answers_through_the_router_with_numbered_passages(tmp_path):
    provider = RecordingProvider().start()
    app = open_app(settings_dict(tmp_path / "data", provider, samples=True), index_samples=True)
    try:
        answer = await old_answer(app, "extern", "Wer entscheidet über den Wohngeldantrag?", 64)
    finally:
        app.close()
        provider.stop()
    assert answer.passages, "the sample guidelines were searched"
    assert len(provider.requests) == 1 and answer.draft  # one model call, its answer restored
    sent = "\n".join(m["content"] for m in provider.requests[0]["messages"])
    assert "[1]" in sent and "Wohngeld" in sent  # the old prompt numbers its passages
