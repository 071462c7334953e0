"""Every shipped library prompt, filled with its example input, runs once through the real pipeline."""

from __future__ import annotations

import re

import pytest

from chat.core.events import AnswerDone, Protected
from chat.settings import load_settings
from chat.wiring import SafeGPT
from onboarding import BUILTIN_PROMPTS_DIR, PromptLibrary
from tests.conftest import ALL_CLASSES, settings_dict

LIBRARY = PromptLibrary.load(BUILTIN_PROMPTS_DIR, strict=True)


@pytest.fixture(scope="module")
def app(tmp_path_factory, module_provider):
    data = tmp_path_factory.mktemp("library") / "data"
    settings = settings_dict(data, module_provider)
    # Care prompts carry health data (Art. 9): they must go to a local model, which the stub also plays here.
    local = dict(settings["model_list"][0], model_name="lokal-stub",
                 safegpt={"location": "local", "display_name": "Lokal (Stub)", "data_classes": ALL_CLASSES})
    settings["model_list"].append(local)
    application = SafeGPT(load_settings(use_file=False, **settings))
    yield application
    application.close()


def test_library_has_at_least_25_prompts():
    assert len(LIBRARY.published()) >= 25


@pytest.mark.parametrize("prompt", LIBRARY.published(), ids=lambda p: p.id)
async def test_prompt_runs_through_the_pipeline(app, module_provider, prompt):
    before = len(module_provider.requests)
    text = prompt.render_example()
    events = [e async for e in app.pipeline.answer(app.pipeline.new_conversation(), text, use_knowledge=False)]
    assert isinstance(events[-1], AnswerDone) and events[-1].text
    protected = next(e for e in events if isinstance(e, Protected))
    if protected.data_class.value == "special_category":
        assert events[-1].model_name == "lokal-stub"
    sent = module_provider.requests[before]["messages"][-1]["content"]
    if not protected.replacements:
        # Nothing to protect: the model receives the filled-in prompt as the user sent it (trimmed).
        assert sent == text.strip()
    for _entity, original, pseudonym in protected.replacements:
        # As whole words: a short original ("Mo") may be part of an ordinary word of the prompt ("Montag").
        assert not re.search(rf"(?<!\w){re.escape(original)}(?!\w)", sent), original
        assert pseudonym in sent
    # The rest of the prompt arrived whole: its words outside the replaced values, in their order.
    replaced = {w for _entity, original, _ in protected.replacements for w in re.findall(r"\w+", original)}
    remaining = iter(re.findall(r"\w+", sent))
    assert all(word in remaining for word in re.findall(r"\w+", text) if word not in replaced)
