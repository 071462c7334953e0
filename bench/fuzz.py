"""Fuzz the guardrail and the document parsers for a fixed time budget (hypothesis).

Guardrail: for random (and PII-flavoured) texts, ``protect`` must not raise and ``restore_protected`` must give
the exact original; ``restore(protected.text)`` differing from the original is counted separately (it is a
best-effort on model output). Parsers: random bytes and byte-flipped real documents with each supported suffix
must yield parsed text or a ``KnowledgeError`` — never another exception.

    python bench/fuzz.py --seconds 60
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent
FRAGMENTS = [
    "Frau Aylin Demir", "Herr Jonas Becker", "geb. 14.03.1987", "aylin.demir@web.de", "DE89 3704 0044 0532 0130 00",
    "0171 2345678", "Musterstraße 12, 10115 Berlin", "[Person 1]", "[Person 1]s", "<PERSON_1>", "Person 2",
    "Klientin", "Sohn", "65 170839 J 003", "Becker", "Jonas", "\n", " ", "ß", "🫨", "\u200b", "Ελληνικά", "&amp;",
]
TEXTS = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(FRAGMENTS)), max_size=12).map("".join)


def run_until(deadline: float, one, stats: dict) -> dict:
    """Run the hypothesis test ``one`` again and again until ``deadline``; count and sample its crashes."""
    while time.monotonic() < deadline:
        try:
            one()
        except Exception as exc:
            stats["crashes"] += 1
            if len(stats["examples"]) < 5:
                stats["examples"].append("".join(traceback.format_exception_only(exc)).strip()[:300])
    return stats


def fuzz_guardrail(seconds: float) -> dict:
    from chat.settings import load_settings
    from guardrails.guardrail import Guardrail

    guardrail = Guardrail(load_settings(use_file=False).guardrails)
    guardrail.conversation().protect("Frau Aylin Demir")  # loads the analyzer before the clock starts
    deadline = time.monotonic() + seconds
    stats = {"inputs": 0, "crashes": 0, "exact_mismatch": 0, "restore_differs": 0, "examples": []}

    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(TEXTS, min_size=1, max_size=3))
    def one(turns: list[str]) -> None:
        guard = guardrail.conversation()  # several turns: pseudonyms must stay consistent
        for text in turns:
            stats["inputs"] += 1
            protected = guard.protect(text)
            if guard.restore_protected(protected) != text:
                stats["exact_mismatch"] += 1
                raise AssertionError("restore_protected is not exact")
            if guard.restore(protected.text) != text:
                stats["restore_differs"] += 1

    return run_until(deadline, one, stats)


def fuzz_parsers(seconds: float) -> dict:
    from knowledge.errors import KnowledgeError
    from knowledge.parsers import PARSERS, parse_file

    deadline = time.monotonic() + seconds

    seeds = {p.suffix.lower(): p.read_bytes() for p in (REPO / "bench/data/retrieval/docs").iterdir()}
    stats = {"inputs": 0, "crashes": 0, "refused": 0, "parsed": 0, "examples": [], "by_suffix": {}}
    workdir = Path(tempfile.mkdtemp(prefix="safegpt-fuzz-"))

    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(sorted(PARSERS)), st.binary(max_size=4096), st.integers(0, 2**32), st.booleans())
    def one(suffix: str, noise: bytes, seed: int, mutate: bool) -> None:
        data = noise
        base = seeds.get(suffix) or seeds.get({".htm": ".html", ".markdown": ".md", ".text": ".txt"}.get(suffix, ""))
        if mutate and base:  # a real document with some bytes flipped, cut or spliced
            rng = random.Random(seed)
            buf = bytearray(base)
            for _ in range(rng.randint(1, 20)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
            if rng.random() < 0.3:
                buf = buf[: rng.randrange(len(buf))]
            if rng.random() < 0.3:
                at = rng.randrange(len(buf) + 1)
                buf[at:at] = noise
            data = bytes(buf)
        path = workdir / f"doc{suffix}"
        path.write_bytes(data)
        stats["inputs"] += 1
        stats["by_suffix"][suffix] = stats["by_suffix"].get(suffix, 0) + 1
        try:
            parse_file(path)
            stats["parsed"] += 1
        except KnowledgeError:
            stats["refused"] += 1

    return run_until(deadline, one, stats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="time budget per target (default 60)")
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)  # pypdf complains loudly about every damaged file
    rows = []
    for name, target in (("guardrail protect/restore", fuzz_guardrail), ("document parsers", fuzz_parsers)):
        started = time.monotonic()
        stats = target(args.seconds)
        rows.append((name, stats, time.monotonic() - started))
    print(f"{'target':28} {'inputs':>8} {'crashes':>8}  details")
    for name, stats, seconds in rows:
        details = {k: v for k, v in stats.items() if k not in ("inputs", "crashes", "examples")}
        print(f"{name:28} {stats['inputs']:>8} {stats['crashes']:>8}  {details}  ({seconds:.0f} s)")
        for example in stats["examples"]:
            print("    crash:", example.replace("\n", " | "))
    print("baseline/target: 0 crashes, 0 exact_mismatch")


if __name__ == "__main__":
    main()
