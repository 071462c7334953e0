"""Per-class report of the issue 15 class corpus (identifiers, institutions, places, hard negatives).

Called from `bench/pii.py` with the detections of every detector on `generate_classes()`.
Columns per class and detector:
- R any / R type: gold spans covered >= 50 % by any detection / by one of an accepted type;
- leak: share of gold characters not covered;
- FA/100: detections that touch no gold span, per 100 sentences; "ID FA/100" counts only
  identifier types (a number masked as an identifier);
- NEG/100: protected non-PII names (public bodies, national organisations, countries/big
  cities) covered >= 50 %, per 100 sentences.
- PER-FA/100: person detections that touch no gold value (a room number, "Barmer", "Wagen" taken
  for a name), per 100 sentences; target <= 1 on every negative class.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.pii_corpus import LABELS
from bench.pii_corpus.builder import Sample
from bench.pii_corpus import identifier_classes, institution_classes
from bench.pii_corpus.classes import IDENTIFIER_TYPES, NEGATIVE_LABEL

NEGATIVE_CLASSES = set(identifier_classes.NEGATIVES) | set(institution_classes.NEGATIVE)

Detection = tuple[int, int, str]

ACCEPTED_TYPES: dict[str, set[str]] = {
    **LABELS,
    "DE_ID_CARD": {"DE_ID_CARD", "DE_PASSPORT"},
    "DE_PASSPORT": {"DE_PASSPORT", "DE_ID_CARD"},
    "INSTITUTION": {"INSTITUTION", "ORGANIZATION", "ORG", "ORGANISATION_TERM"},
    "LOCATION": {"LOCATION", "GPE", "LOC", "ADDRESS"},
}
CONTEXT_LABELS = {"PERSON", "ADDRESS"}
INSTITUTION_TARGET = 0.90
PUBLIC_BODY_TARGET = 1.0  # per 100 sentences
PERSON_FA_TARGET = 1.0  # person false alarms per 100 sentences of a negative class
PERSON_TYPES = {"PERSON", "PER"}


def _covered(start: int, end: int, spans: Sequence[tuple[int, int]]) -> int:
    marks = bytearray(end - start)
    for s, e in spans:
        s, e = max(s, start), min(end, e)
        if s < e:
            marks[s - start : e - start] = b"\x01" * (e - s)
    return sum(marks)


@dataclass
class ClassRow:
    sentences: int = 0
    gold: int = 0
    found_any: int = 0
    found_type: int = 0
    gold_chars: int = 0
    leaked: int = 0
    false_alarms: int = 0
    id_false_alarms: int = 0
    negatives: int = 0
    negatives_masked: int = 0
    person_false_alarms: int = 0

    def add(self, other: "ClassRow") -> None:
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def recall(self, typed: bool = False) -> float | None:
        return (self.found_type if typed else self.found_any) / self.gold if self.gold else None

    def leak(self) -> float | None:
        return self.leaked / self.gold_chars if self.gold_chars else None

    def per100(self, n: int) -> float:
        return 100.0 * n / self.sentences if self.sentences else 0.0


def score_class(samples: Sequence[Sample], detections: Sequence[list[Detection]]) -> ClassRow:
    row = ClassRow()
    for s, dets in zip(samples, detections):
        row.sentences += 1
        spans = [(a, b) for a, b, _ in dets]
        gold = [g for g in s.spans if g.label != NEGATIVE_LABEL]
        # Persons and addresses in the frames are context: they count against false alarms,
        # not towards the class's recall (that is the main table's business).
        for g in (g for g in gold if g.label not in CONTEXT_LABELS):
            n = g.end - g.start
            cov = _covered(g.start, g.end, spans)
            cov_t = _covered(g.start, g.end, [(a, b) for a, b, t in dets if t in ACCEPTED_TYPES.get(g.label, {g.label})])
            row.gold += 1
            row.gold_chars += n
            row.leaked += n - cov
            row.found_any += cov * 2 >= n
            row.found_type += cov_t * 2 >= n
        for g in s.spans:
            if g.label == NEGATIVE_LABEL:
                row.negatives += 1
                row.negatives_masked += _covered(g.start, g.end, spans) * 2 >= g.end - g.start
        for a, b, t in dets:
            if not _covered(a, b, [(g.start, g.end) for g in gold]):
                row.false_alarms += 1
                row.id_false_alarms += t in IDENTIFIER_TYPES
                row.person_false_alarms += t in PERSON_TYPES
    return row


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def print_class_report(samples: Sequence[Sample], detections: dict[str, list[list[Detection]]]) -> dict[str, dict[str, ClassRow]]:
    """Print one row per class (grouped) for every detector; return the rows."""
    names = list(detections)
    classes: dict[str, list[int]] = {}
    for i, s in enumerate(samples):
        classes.setdefault(f"{s.domain}|{s.kind}", []).append(i)
    rows: dict[str, dict[str, ClassRow]] = {n: {} for n in names}
    print(f"\nIssue 15 classes ({len(samples)} sentences, {len(classes)} classes; "
          "R any/R type/leak on gold spans; FA, ID-FA (identifier types) and NEG (public bodies, national "
          "organisations, countries/big cities masked) and PER (person detections touching no gold value) per 100 sentences)")
    head = f"  {'class':<44} {'sent':>4} {'gold':>4} |"
    for n in names:
        head += f" {n[:16]:^52} |"
    print(head)
    print(f"  {'':<44} {'':>4} {'':>4} |" + f" {'R any':>6} {'R type':>6} {'leak':>6} {'FA':>6} {'ID-FA':>6} {'NEG':>6} {'PER':>6}  |" * len(names))
    current = None
    for key, idx in classes.items():
        group, kind = key.split("|")
        if group != current:
            print(f"  -- {group}")
            current = group
        line = ""
        for n in names:
            r = score_class([samples[i] for i in idx], [detections[n][i] for i in idx])
            rows[n][key] = r
            line += (f" {_fmt(r.recall()):>6} {_fmt(r.recall(True)):>6} {_fmt(r.leak()):>6} "
                     f"{r.per100(r.false_alarms):>6.1f} {r.per100(r.id_false_alarms):>6.1f} "
                     f"{r.per100(r.negatives_masked):>6.1f} {r.per100(r.person_false_alarms):>6.1f}  |")
        first = rows[names[0]][key]
        print(f"  {kind[:44]:<44} {first.sentences:>4} {first.gold:>4} |" + line)
    return rows


def print_class_targets(rows: dict[str, ClassRow]) -> list[tuple[str, str, bool]]:
    """The issue 15 targets for one detector's rows: (what, value, ok)."""
    def total(pred) -> ClassRow:
        t = ClassRow()
        for key, r in rows.items():
            if pred(*key.split("|")):
                t.add(r)
        return t

    ids = total(lambda g, k: g == "identifier")
    numbers = total(lambda g, k: g == "ordinary numbers")
    inst = total(lambda g, k: k.startswith("institution:") and "held out" not in k)
    held = total(lambda g, k: "held out, seen" in k)
    held2 = total(lambda g, k: "held out 2" in k)
    places = total(lambda g, k: k.startswith("place:"))
    bodies = total(lambda g, k: k == "public body")
    national = total(lambda g, k: k == "national organisation")
    generic = total(lambda g, k: k == "head word used as a word")
    negative_keys = [key for key in rows if key.split("|")[1] in NEGATIVE_CLASSES]
    worst_key = max(negative_keys, key=lambda k: rows[k].per100(rows[k].person_false_alarms), default=None)
    worst = rows[worst_key].per100(rows[worst_key].person_false_alarms) if worst_key else 0.0
    objects = total(lambda g, k: k.startswith("head + random"))
    return [
        ("identifier recall (all forms) 1.00", f"{ids.recall() or 0:.3f}", (ids.recall() or 0) >= 1.0),
        ("ordinary numbers masked as identifier: 0", str(numbers.id_false_alarms), numbers.id_false_alarms == 0),
        (f"named institutions recall >= {INSTITUTION_TARGET:.2f}", f"{inst.recall() or 0:.3f}",
         (inst.recall() or 0) >= INSTITUTION_TARGET),
        (f"public bodies masked <= {PUBLIC_BODY_TARGET:.0f}/100 sentences", f"{bodies.per100(bodies.negatives_masked):.2f}",
         bodies.per100(bodies.negatives_masked) <= PUBLIC_BODY_TARGET),
        (f"person false alarms <= {PERSON_FA_TARGET:.0f}/100, every negative class",
         f"{worst:.2f} ({worst_key.split('|')[1] if worst_key else '-'})", worst <= PERSON_FA_TARGET),
        ("(info) national organisations masked/100", f"{national.per100(national.negatives_masked):.2f}", True),
        ("(info) heads as words: false alarms/100", f"{generic.per100(generic.false_alarms):.2f}", True),
        ("(info) head + random everyday noun: FA/100", f"{objects.per100(objects.false_alarms):.2f}", True),
        ("(info) institutions, unlisted heads (seen)", f"{held.recall() or 0:.3f}", True),
        ("(info) institutions, unlisted heads (held out 2)", f"{held2.recall() or 0:.3f}", True),
        ("(info) places next to person/address", f"{places.recall() or 0:.3f}", True),
    ]
