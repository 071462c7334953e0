"""Strict mode (issue 15 §4): person-token leak and false alarms of the rules alone vs. the rules plus the local
model's second pass, and the latency that pass adds per message.

    .venv/bin/python bench/strict_names.py --config safegpt.toml [--sentences 80] [--split heldout] [--clean 2]
        [--pool 1200] [--misses 40] [--seed S] [--show]

Corpus: the running-text classes of ``bench/pii.py --running`` (``bench.pii_corpus.running_text``: lone
surname, foreign, double name, genitive, plural, role/relation, list, title + noun surname, "-e" genitive,
nickname, lower-case chat, and the two clean classes; names never from the detector's lists), ``--sentences``
of one split (default "heldout": never tuned on), plus ``--clean`` sentences of every broad clean class
(``bench.pii_corpus.clean_text``) for false alarms: table A, the unbiased sample, and the latency. Table B:
the sentences in which the rules alone leave a name token (searched without the model in ``--pool`` sentences
of each split, at most ``--misses``): what the second pass can win at most, and what it does win.

"off" is the guardrail alone (what ``bench/pii.py`` measures). "on" is the product's strict path on the same
sentence: ``ConversationGuard.protect``, then :class:`chat.core.name_check.NameCheck` with the configured
``strict_names_model`` (the in-process model of ``--config``, through the router as in the product) on the
pseudonymised text; the names it accepts are added as person detections where they stand in the sentence
outside the rules' detections. Figures per class (``bench.pii_names.score_running``): token leak (gold name
tokens not fully covered), person false alarms (person detections outside every gold name), clean sentences
with any detection. Latency: wall time of ``NameCheck.run`` per message (p50/p90/max), the local model's
prompt processing included. Baseline: the "off" columns.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pii_corpus import clean_text  # noqa: E402
from bench.pii_corpus.builder import Sample  # noqa: E402
from bench.pii_corpus.running_text import generate_running  # noqa: E402
from bench.pii_names import CLASSES, CLEAN_CLASSES, ClassRow, score_running  # noqa: E402

Detection = tuple[int, int, str]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _false_alarms(row: ClassRow) -> int:
    return row.det - row.det_ok


@dataclass
class Pass:
    """Detections without (``off``) and with (``on``) the second pass, per sentence, and its cost."""

    off: list[list[Detection]] = field(default_factory=list)
    on: list[list[Detection]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    listed: int = 0
    accepted: int = 0


async def strict_pass(samples: list[Sample], guardrail, check, show: bool) -> Pass:
    """The product's path per sentence: protect, ``NameCheck.run`` on the pseudonymised text, accepted names
    added as person detections where they stand outside the rules' detections."""
    from guardrails.strict_names import occurrences

    out = Pass()
    started = time.perf_counter()
    for number, sample in enumerate(samples, start=1):
        found = [(s.start, s.end, s.entity_type) for s in guardrail.detect(sample.text)]
        conv = guardrail.conversation()
        result = await check.run(conv, [conv.protect(sample.text).text])
        out.seconds.append(result.seconds)
        out.listed += result.listed
        out.accepted += len(result.names)
        reserved = [(a, b) for a, b, _ in found]
        added = [(a, b, "PERSON") for name in result.names for a, b in occurrences(sample.text, name, reserved)]
        if show and result.names:  # synthetic sentences only
            print(f"  accepted {list(result.names)} in: {sample.text}", file=sys.stderr)
        out.off.append(found)
        out.on.append(found + added)
        if number % 20 == 0:
            print(f"  … {number}/{len(samples)} sentences, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out


def rules_misses(guardrail, pool: int, seed: int, limit: int) -> list[Sample]:
    """Sentences of both splits (``pool`` each) in which the rules alone leave a gold name token (cheap: no
    model), at most ``limit``: where a second pass could help at all."""
    missed: list[Sample] = []
    for split in ("dev", "heldout"):
        for sample in generate_running(pool, seed, split):
            dets = [(s.start, s.end, s.entity_type) for s in guardrail.detect(sample.text)]
            if sample.spans and score_running([sample], [dets], lambda _: False)["ALL"].leaked_tokens:
                missed.append(sample)
    return missed[:limit]


def print_table(title: str, samples: list[Sample], result: Pass) -> None:
    rows = {"off": score_running(samples, result.off, lambda _: False),
            "on": score_running(samples, result.on, lambda _: False)}
    print(f"\n{title}")
    print(f"  {'class':<17} {'sent':>4} {'tok':>4} | {'tok leak':^15} | {'person FA':^11} | {'clean hit':^11}")
    print(f"  {'':<17} {'':>4} {'':>4} | {'off':>7} {'on':>7} | {'off':>5} {'on':>5} | {'off':>5} {'on':>5}")
    for cls in CLASSES + ["ALL"]:
        a, b = rows["off"].get(cls), rows["on"].get(cls)
        if a is None:
            continue
        leak = f"{a.token_leak():>7.3f} {b.token_leak():>7.3f}" if a.tokens else f"{'-':>7} {'-':>7}"
        clean = (f"{a.clean_hit:>5} {b.clean_hit:>5}" if cls in CLEAN_CLASSES or cls == "ALL"
                 else f"{'-':>5} {'-':>5}")
        print(f"  {cls:<17} {a.sentences:>4} {a.tokens:>4} | {leak} | {_false_alarms(a):>5} {_false_alarms(b):>5} "
              f"| {clean}")
    print(f"  model listed {result.listed} candidates, {result.accepted} accepted "
          f"(in the text, outside pseudonyms, not vetoed)")


async def measure(config: Path | None, n: int, seed: int, split: str, clean: int, pool: int, misses: int,
                  show: bool = False) -> int:
    from chat.core.name_check import NameCheck
    from chat.settings import load_settings
    from chat.wiring import SafeGPT

    settings = load_settings(config, guardrails={"strict_names": True})
    app = SafeGPT(settings)
    check = NameCheck.from_settings(settings.guardrails, app.router)
    assert check is not None
    guardrail = app.guardrail
    await check.run(guardrail.conversation(), ["Warm-up: das Modell wird geladen."])  # load time is no latency
    sample = generate_running(n, seed, split) + (clean_text.generate_clean(clean, seed, split) if clean else [])
    random_pass = await strict_pass(sample, guardrail, check, show)
    missed = rules_misses(guardrail, pool, seed, misses) if misses else []
    missed_pass = await strict_pass(missed, guardrail, check, show) if missed else None
    app.close()

    model = settings.guardrails.strict_names_model
    print(f"\nStrict mode (issue 15 §4), second pass by model '{model}' "
          f"({settings.model(model).litellm_params.get('model')}); baseline: the rules alone ('off')")
    print_table(f"A. Sample: {n} running-text sentences of split '{split}' + {clean} per broad clean class "
                f"({len(sample)} sentences, seed {seed})", sample, random_pass)
    if missed_pass is not None:
        print_table(f"B. The rules' misses: sentences of {pool} per split (dev + heldout) in which the rules leave "
                    f"a name token ({len(missed)} sentences)", missed, missed_pass)
    print("  (tok leak: share of gold name tokens not fully masked; person FA: person detections outside every "
          "gold name; clean hit: sentences without a name that got any detection)")
    seconds = random_pass.seconds
    print(f"\nAdded latency per message (NameCheck.run, sample A, {len(seconds)} messages): "
          f"p50 {_pct(seconds, 0.5):.2f} s, p90 {_pct(seconds, 0.9):.2f} s, max {max(seconds):.2f} s, "
          f"mean {statistics.mean(seconds):.2f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", type=Path, default=None,
                    help="SafeGPT settings file with the local model (default: SAFEGPT_CONFIG or ./safegpt.toml)")
    ap.add_argument("--sentences", type=int, default=80)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--split", choices=("dev", "heldout"), default="heldout")
    ap.add_argument("--clean", type=int, default=2, help="sentences per broad clean class (bench.pii_corpus.clean_text)")
    ap.add_argument("--pool", type=int, default=1200, help="sentences per split searched for the rules' misses")
    ap.add_argument("--misses", type=int, default=40, help="at most this many of the rules' misses (0: skip)")
    ap.add_argument("--show", action="store_true", help="print every accepted name and its (synthetic) sentence")
    args = ap.parse_args(argv)
    return asyncio.run(measure(args.config, args.sentences, args.seed, args.split, args.clean, args.pool,
                               args.misses, args.show))


if __name__ == "__main__":
    raise SystemExit(main())
