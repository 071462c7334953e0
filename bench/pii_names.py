"""Per-class figures for person names in running text (issue 15 §4), called by `bench/pii.py`.

Corpus: `bench.pii_corpus.running_text` (names from mimesis locales and the benchmark's own hand
lists, never from the detector's lists or its classifier's training data). Two splits: "dev"
(tuned on) and "heldout" (other templates, other names, own seed; never tuned on).

Figures per class and detector:
- R any: gold names covered to >= 50 % of their characters by any detection.
- token leak: share of gold name tokens (split at spaces) with at least one character not covered
  by any detection: what would leave the house in part or whole.
- leak unk.: the same for tokens in neither the detector's name lists nor its name classifier's
  training names: how it does on names it has never seen.
- P any: person detections in that class's sentences that lie >= 50 % in a gold name (or cover
  >= 50 % of one); other entity types (a birth year) are scored in the main table, not here.
- clean: sentences without PII that got a detection of any type, per 100 (two clean classes:
  capitalised nouns, places and products; lower-case chat full of verbs and adjectives; and the
  broad clean classes of `bench.pii_corpus.clean_text`: office and case-note sentences, numbered
  rooms and pages, authorities/insurers/organisations, brands and apps, holidays and greetings,
  telegraphic case notes without articles,
  `--clean-sentences` per class and split).
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from bench.pii_corpus.builder import Sample
from bench.pii_corpus import clean_text
from bench.pii_corpus.running_text import CLASSES as RUNNING_CLASSES
from bench.pii_corpus.running_text import CLEAN_CLASSES as RUNNING_CLEAN_CLASSES
from bench.pii_corpus.running_text import generate_running

CLASSES = RUNNING_CLASSES + clean_text.CLEAN_CLASSES
CLEAN_CLASSES = RUNNING_CLEAN_CLASSES + clean_text.CLEAN_CLASSES

Detection = tuple[int, int, str]
Detector = Callable[[str], list[Detection]]

TOKEN_LEAK_TARGET = 0.03
CLASS_LEAK_TARGET = 0.05
PRECISION_TARGET = 0.90
CLEAN_TARGET_PER_100 = 1.0


@dataclass
class ClassRow:
    sentences: int = 0
    gold: int = 0
    found: int = 0
    tokens: int = 0
    leaked_tokens: int = 0
    unknown_tokens: int = 0
    leaked_unknown: int = 0
    det: int = 0
    det_ok: int = 0
    clean_hit: int = 0

    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    def token_leak(self) -> float | None:
        return self.leaked_tokens / self.tokens if self.tokens else None

    def unknown_leak(self) -> float | None:
        return self.leaked_unknown / self.unknown_tokens if self.unknown_tokens else None

    def precision(self) -> float | None:
        return self.det_ok / self.det if self.det else None

    def clean_per_100(self) -> float | None:
        return 100 * self.clean_hit / self.sentences if self.sentences and not self.gold else None


def _covered_mask(start: int, end: int, spans: list[tuple[int, int]]) -> bytearray:
    marks = bytearray(end - start)
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s < e:
            marks[s - start : e - start] = b"\x01" * (e - s)
    return marks


def score_running(samples: list[Sample], detections: list[list[Detection]],
                  is_known: Callable[[str], bool]) -> dict[str, ClassRow]:
    rows: dict[str, ClassRow] = defaultdict(ClassRow)
    for s, dets in zip(samples, detections):
        cls = s.kind.removeprefix("running_")
        spans = [(a, b) for a, b, _ in dets]
        for key in (cls, "ALL"):
            r = rows[key]
            r.sentences += 1
            if not s.spans and dets:
                r.clean_hit += 1
        for g in s.spans:
            mask = _covered_mask(g.start, g.end, spans)
            for key in (cls, "ALL"):
                r = rows[key]
                r.gold += 1
                r.found += sum(mask) * 2 >= len(mask)
            for m in re.finditer(r"\S+", s.text[g.start : g.end]):
                leaked = not all(mask[m.start() : m.end()])
                unknown = not all(is_known(p) for p in re.split(r"[-']", m.group()) if p)
                for key in (cls, "ALL"):
                    r = rows[key]
                    r.tokens += 1
                    r.leaked_tokens += leaked
                    r.unknown_tokens += unknown
                    r.leaked_unknown += leaked and unknown
        for a, b, kind in dets:
            if kind not in ("PERSON", "PER"):
                continue  # precision of person detections; other types are bench/pii.py's main table
            inside = sum(_covered_mask(a, b, [(g.start, g.end) for g in s.spans]))
            ok = inside * 2 >= max(1, b - a) or any(
                sum(_covered_mask(g.start, g.end, [(a, b)])) * 2 >= g.end - g.start for g in s.spans)
            for key in (cls, "ALL"):
                rows[key].det += 1
                rows[key].det_ok += ok
    return rows


def _fmt(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def print_running(split: str, samples: list[Sample], results: dict[str, list[list[Detection]]],
                  is_known: Callable[[str], bool]) -> dict[str, dict[str, ClassRow]]:
    scored = {name: score_running(samples, dets, is_known) for name, dets in results.items()}
    names = list(results)
    print(f"\nPerson names in running text, split '{split}' ({len(samples)} sentences; "
          f"targets: token leak <= {TOKEN_LEAK_TARGET:.2f} overall, <= {CLASS_LEAK_TARGET:.2f} per class, "
          f"P >= {PRECISION_TARGET:.2f}, clean <= {CLEAN_TARGET_PER_100:.0f}/100)")
    head = f"  {'class':<15} {'sent':>4} {'gold':>4} {'tok':>4} |"
    for n in names:
        head += f" {n[:16]:^44} |"
    print(head)
    print(f"  {'':<15} {'':>4} {'':>4} {'':>4} |" + "".join(
        f" {'R any':>6} {'tokleak':>7} {'leak unk.':>9} {'P any':>6} {'clean/100':>9} |" for _ in names))
    for cls in CLASSES + ["ALL"]:
        first = scored[names[0]].get(cls)
        if first is None:
            continue
        line = f"  {cls:<15} {first.sentences:>4} {first.gold:>4} {first.tokens:>4} |"
        for n in names:
            r = scored[n].get(cls, ClassRow())
            line += (f" {_fmt(r.recall()):>6} {_fmt(r.token_leak()):>7} {_fmt(r.unknown_leak()):>9}"
                     f" {_fmt(r.precision()):>6} {_fmt(r.clean_per_100(), 1):>9} |")
        if names[0] == "SafeGPT":
            line += " " + _verdict(cls, scored[names[0]][cls])
        print(line)
    if names[0] == "SafeGPT":
        for cls in CLEAN_CLASSES:
            clean = scored[names[0]].get(cls, ClassRow())
            print(f"  SafeGPT {cls} sentences with a detection: {clean.clean_hit}/{clean.sentences}"
                  f" ({_fmt(clean.clean_per_100(), 1)} per 100)")
    return scored


def _verdict(cls: str, r: ClassRow) -> str:
    if cls in CLEAN_CLASSES:
        return "ok" if (r.clean_per_100() or 0) <= CLEAN_TARGET_PER_100 else "MISSED"
    leak = r.token_leak() or 0
    limit = TOKEN_LEAK_TARGET if cls == "ALL" else CLASS_LEAK_TARGET
    ok = leak <= limit and (cls != "ALL" or (r.precision() or 0) >= PRECISION_TARGET)
    return "ok" if ok else "MISSED"


def run_running(detectors: list[tuple[str, Detector]], n: int, seed: int, splits: list[str],
                is_known: Callable[[str], bool], dump: str | None = None,
                restoration: Callable[[list[Sample]], dict[str, object]] | None = None,
                clean_per_class: int = 150) -> dict[str, object]:
    """Generate both splits (``n`` running-text sentences plus ``clean_per_class`` sentences of
    every broad clean class), run every detector on them, print the per-class tables (and, with
    ``restoration``, the protect -> restore round trip on every sentence)."""
    out: dict[str, object] = {}
    for split in splits:
        samples = generate_running(n, seed, split) + clean_text.generate_clean(clean_per_class, seed, split)
        results: dict[str, list[list[Detection]]] = {}
        seconds: dict[str, float] = {}
        for name, detect in detectors:
            t = time.perf_counter()
            results[name] = [detect(s.text) for s in samples]
            seconds[name] = time.perf_counter() - t
        scored = print_running(split, samples, results, is_known)
        out[split] = {"seed": seed, "sentences": len(samples),
                      "rows": {name: {k: vars(v) for k, v in rows.items()} for name, rows in scored.items()},
                      "seconds": seconds}
        if restoration is not None:
            r = restoration(samples)
            out[split]["restoration"] = r
            print(f"  SafeGPT restoration (genitives, plurals, lists …): {r['exact']}/{r['sentences']} exact,"
                  f" {r['errors']} errors, first failures: {r['first failures']}")
        if dump and split == "dev" and detectors and detectors[0][0] == "SafeGPT":
            _dump(dump, samples, results["SafeGPT"])
    return out


def _dump(path: str, samples: list[Sample], detections: list[list[Detection]]) -> None:
    import json

    with open(path, "w", encoding="utf-8") as fh:
        for s, dets in zip(samples, detections):
            spans = [(a, b) for a, b, _ in dets]
            missed = [s.text[g.start:g.end] for g in s.spans if not all(_covered_mask(g.start, g.end, spans))]
            false = [s.text[a:b] for a, b, _ in dets
                     if not sum(_covered_mask(a, b, [(g.start, g.end) for g in s.spans]))]
            if missed or false:
                fh.write(json.dumps({"id": s.id, "kind": s.kind, "text": s.text, "missed": missed,
                                     "false": false}, ensure_ascii=False) + "\n")
