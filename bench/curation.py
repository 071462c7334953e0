"""Curation benchmark (issue 18): does the client-data check before indexing stop case notes without
stopping ordinary guidelines?

    .venv/bin/python bench/curation.py [--show] [--show-heldout] [--seed N] [--json out.json]

Documents: the project's guideline set (the six samples in knowledge/samples/ and the 16 documents in
bench/data/retrieval/docs/) plus 37 guideline-like documents with imprints, hotlines, function mailboxes,
named contact persons, staff lists, rosters and signatures in bench/data/curation/clean/ — 59 clean
documents, in the formats the knowledge base reads. Each is also pasted with case notes
(bench/data/curation/case_notes.py, five groups: ten tuning templates, six held-out templates, five
written after the first run, twelve written on 2026-12-06 in other forms (group 3, used for the rule
changes of that day) and eight written after those changes (group 4, unseen), filled with names and
identifiers the product's detector was not built from): one note of each group per document, at a
random paragraph. Twelve clean documents belong to group 3 and six to group 4.

Every document goes the real way: parser and chunker of the knowledge base, the guardrail's detection
on each chunk, then
- old: the check before issue 18 (`scan_texts` of `chat/kb_ingest.py`, copied below as `old_check` since
  the product no longer has it; with the shipped settings any finding above the score floor asks the
  admin to confirm, i.e. the document is held back), and
- new: `knowledge.client_data_check.check_texts` (only client data blocks; the rest is information).
Targets: at most 1 clean document in 12 blocked, every contaminated document blocked.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.data.curation.case_notes import CaseNote, notes  # noqa: E402
from knowledge.chunking import chunk_blocks  # noqa: E402
from knowledge.client_data_check import ClientDataReport, check_texts  # noqa: E402
from knowledge.parsers import parse_file  # noqa: E402
from knowledge.settings import KnowledgeSettings  # noqa: E402

DATA = ROOT / "bench" / "data"
CLEAN_DIRS = (ROOT / "knowledge" / "samples", DATA / "retrieval" / "docs", DATA / "curation" / "clean")
# Written on 2026-12-06 with the HELDOUT3 notes, in styles the others lack (a forwarded e-mail with a
# signature, minutes, a job ad, a notice, a press release, an on-call table, a blank form, training
# vignettes, a partner list, a staff newsletter, a donation appeal, directions). Their first run led to
# rule changes (see case_notes.py), so they count as held out for the old check only.
HELDOUT3_CLEAN = {"rundmail-dienstplanung.txt", "protokoll-dienstbesprechung.md", "stellenausschreibung-sozialarbeit.html",
                  "elterncafe-aushang.txt", "pressemitteilung-neues-beratungsangebot.md", "rufbereitschaftsplan-q2.md",
                  "formularvorlage-aufnahmebogen.md", "fortbildung-fallvignetten.md",
                  "kooperationspartner-gesundheit.txt", "mitarbeiterzeitung-personalien.md",
                  "spendenaufruf-winterhilfe.html", "hausordnung-wegbeschreibung.txt"}
# Written after those rule changes with the HELDOUT4 notes; the classifier was not changed after their
# first run: the unseen part of the set.
HELDOUT4_CLEAN = {"newsletter-netzwerk-fruehe-hilfen.html", "merkblatt-schweigepflichtentbindung.md",
                  "dienstanweisung-schluesselverwaltung.txt", "ehrenamtsboerse-aushang.txt",
                  "leitbild-und-geschichte.md", "fachtag-programm.md"}
# Clean documents of this set kept out of development (findings not printed without --show-heldout).
HELDOUT_CLEAN = {"hygiene-kita-meldepflichten.md", "dienstwagen-fuhrpark.txt", "todesfall-in-der-einrichtung.md",
                 "telefonliste-geschaeftsstelle.html", "kooperation-schule-jugendhilfe.html",
                 # written after the first run, never looked at while changing the classifier
                 "sprechzeiten-migrationsberatung.md", "pflegegeld-entlastungsbetrag.txt",
                 "vorstandswahl-protokollauszug.html", "einladung-teamtag.md"} | HELDOUT3_CLEAN | HELDOUT4_CLEAN
# One note of each group is pasted into every clean document.
NOTE_GROUPS = ("tune", "heldout", "heldout2", "heldout3", "heldout4")
MAX_CLEAN_BLOCKED_SHARE = 1 / 12
SEED = 20261205


@dataclass
class Result:
    name: str
    variant: str        # "clean", "note:<kind>"
    split: str          # "tune" or "heldout"
    old_blocked: bool
    new: ClientDataReport
    note_split: str = ""  # "tune", "heldout", "heldout2", "heldout3", "heldout4" for a pasted note


def old_check(guardrail: Any, chunk_texts: list[str], settings: Any) -> bool:
    """The check before issue 18 (chat/kb_ingest.py ``scan_texts`` + ``PiiReport.warn``): every distinct
    finding above ``pii_min_score`` (person initials aside) counts, from ``pii_warn_at`` the admin must confirm."""
    ignored = set(settings.pii_ignore_types)
    values: set[tuple[str, str]] = set()
    for text in chunk_texts:
        for span in guardrail.detect(text):
            if span.entity_type in ignored or span.score < settings.pii_min_score:
                continue
            value = " ".join(text[span.start:span.end].split())
            if span.entity_type == "PERSON" and len(value.replace(".", "")) < 2:
                continue
            values.add((span.entity_type, value.casefold()))
    return len(values) >= settings.pii_warn_at


def clean_documents() -> list[Path]:
    return sorted((p for d in CLEAN_DIRS for p in d.iterdir() if p.suffix in (".md", ".txt", ".html", ".docx", ".pdf")
                   and p.name != "README.md"), key=lambda p: p.name)


def editable_text(path: Path) -> tuple[str, str]:
    """(text, suffix) of a document in a form a note can be pasted into. DOCX/PDF of the retrieval set are
    rendered from their source text as Markdown (the note lands in the same words either way)."""
    if path.suffix in (".md", ".txt", ".html"):
        return path.read_text(encoding="utf-8"), path.suffix
    sys.path.insert(0, str(DATA / "retrieval"))
    from guidelines import DOCS  # the texts behind the DOCX/PDF files
    from make_docs import parse_body, render_md

    doc = next(d for d in DOCS if d["file"] == path.name)
    return render_md(doc, parse_body(doc["body"])), ".md"


def paste(text: str, suffix: str, note: CaseNote, rng: random.Random) -> str:
    """``text`` with ``note`` pasted after a random paragraph (not into the metadata header)."""
    if suffix == ".html":
        body = note.text
        if body.startswith("|"):
            rows = [line for line in body.split("\n") if not set(line) <= set("|-: ")]
            snippet = "<table>" + "".join(
                "<tr>" + "".join(f"<td>{c.strip()}</td>" for c in row.strip("|").split("|")) + "</tr>"
                for row in rows) + "</table>"
        else:
            snippet = "<p>" + body.replace("\n", "<br>") + "</p>"
        ends = [m.end() for m in re.finditer(r"</p>|</ul>|</ol>|</table>", text)]
        at = rng.choice(ends) if ends else text.rfind("</body>")
        return text[:at] + "\n" + snippet + "\n" + text[at:]
    paragraphs = re.split(r"\n\s*\n", text)
    body = note.text
    if body.startswith("|") and suffix == ".md" and "\n|---" not in body:  # a row without its own header
        body = "| Name | Geburtsdatum | Pflegegrad | Hinweis |\n|---|---|---|---|\n" + body
    at = rng.randint(min(2, len(paragraphs)), len(paragraphs))
    return "\n\n".join(paragraphs[:at] + [body] + paragraphs[at:])


def chunk_texts(path: Path, settings: KnowledgeSettings) -> list[str]:
    parsed = parse_file(path)
    return [c.text for c in chunk_blocks(parsed.blocks, settings.chunk_size, settings.chunk_overlap)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the findings of the tuning documents")
    parser.add_argument("--show-heldout", action="store_true", help="also print held-out findings")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from guardrails.guardrail import Guardrail
    from guardrails.settings import GuardrailSettings
    from knowledge.settings import IngestSettings

    started = time.perf_counter()
    load_start = os.getloadavg()[0]
    guardrail = Guardrail(GuardrailSettings())
    ingest = IngestSettings()
    settings = KnowledgeSettings()
    rng = random.Random(args.seed)
    results: list[Result] = []
    check_seconds: list[float] = []

    not_indexed: list[str] = []

    def run(name: str, path: Path, variant: str, split: str, note_split: str = "", note: CaseNote | None = None) -> None:
        texts = chunk_texts(path, settings)
        if note is not None and _squash(note.text.split("\n")[0])[:40] not in _squash(" ".join(texts)):
            # The parser drops some parts of a page (HTML navigation, footers); a note pasted there is not
            # indexed at all, so there is nothing to block.
            not_indexed.append(f"{name} [{note.kind}]")
            return
        old_blocked = old_check(guardrail, texts, ingest)
        t0 = time.perf_counter()
        new = check_texts(texts, guardrail.detect, guardrail.special_categories,
                          ignore_types=ingest.pii_ignore_types, min_person_score=ingest.pii_min_score)
        check_seconds.append(time.perf_counter() - t0)
        results.append(Result(name, variant, split, old_blocked, new, note_split))

    with tempfile.TemporaryDirectory(prefix="safegpt-bench-curation-") as tmp:
        for path in clean_documents():
            split = "heldout" if path.name in HELDOUT_CLEAN else "tune"
            run(path.name, path, "clean", split)
            text, suffix = editable_text(path)
            for note_split in NOTE_GROUPS:
                note = rng.choice(notes(rng, note_split))
                pasted = Path(tmp) / f"{path.stem}-{note.kind}{suffix}"
                pasted.write_text(paste(text, suffix, note, rng), encoding="utf-8")
                run(path.name, pasted, f"note:{note.kind}",
                    "tune" if (split, note_split) == ("tune", "tune") else "heldout", note_split, note)

    _report(args, results, check_seconds, time.perf_counter() - started, load_start)
    if not_indexed:
        print(f"notes the parser did not index (pasted into a part of the page that is not read; not counted): "
              f"{', '.join(not_indexed)}")


def _squash(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text).strip().lower()


def _report(args: argparse.Namespace, results: list[Result], check_seconds: list[float], wall: float,
            load_start: float) -> None:
    clean = [r for r in results if r.variant == "clean"]
    dirty = [r for r in results if r.variant != "clean"]
    print(f"SafeGPT curation benchmark – {len(clean)} clean documents, {len(dirty)} with a pasted case note")
    print()
    print(f"{'document':<44}{'clean: old':>11}{'new':>7}{'info':>6}   {'+ note: old':>12}{'new':>7}  note kinds")
    by_name: dict[str, list[Result]] = {}
    for r in results:
        by_name.setdefault(r.name, []).append(r)
    mark = lambda b: "BLOCK" if b else "ok"  # noqa: E731
    for name, rows in by_name.items():
        c = next(r for r in rows if r.variant == "clean")
        notes_ = [r for r in rows if r.variant != "clean"]
        flag = " (held out)" if c.split == "heldout" else ""
        print(f"{(name + flag)[:43]:<44}{mark(c.old_blocked):>11}{mark(c.new.blocked):>7}{len(c.new.information):>6}   "
              f"{sum(r.old_blocked for r in notes_):>10}/{len(notes_)}{sum(r.new.blocked for r in notes_):>5}/{len(notes_)}"
              f"  {', '.join(r.variant[5:] for r in notes_)}")

    def share(rows: list[Result], attr: str) -> str:
        n = sum(getattr(r, attr) if attr == "old_blocked" else r.new.blocked for r in rows)
        return f"{n}/{len(rows)} ({n / len(rows):.2f})" if rows else "-"

    print()
    print(f"{'':<34}{'old check':>18}{'new check':>18}")
    summary: dict[str, Any] = {}
    for label, rows in [
        ("clean documents blocked", clean),
        ("  of them held out", [r for r in clean if r.split == "heldout"]),
        ("contaminated documents blocked", dirty),
        ("  tuning notes on tuning docs", [r for r in dirty if r.split == "tune"]),
        ("  held-out notes or held-out docs", [r for r in dirty if r.split == "heldout"]),
        ("  notes written after run 1", [r for r in dirty if r.note_split == "heldout2"]),
        ("  notes of 2026-12-06, group 3", [r for r in dirty if r.note_split == "heldout3"]),
        ("clean docs of 2026-12-06, group 3", [r for r in clean if r.name in HELDOUT3_CLEAN]),
        ("unseen: group-4 notes", [r for r in dirty if r.note_split == "heldout4"]),
        ("unseen: group-4 clean docs", [r for r in clean if r.name in HELDOUT4_CLEAN]),
        ("unseen: group-4 docs with any note", [r for r in dirty if r.name in HELDOUT4_CLEAN]),
    ]:
        print(f"{label:<34}{share(rows, 'old_blocked'):>18}{share(rows, 'new'):>18}")
        summary[label.strip()] = {"n": len(rows), "old": sum(r.old_blocked for r in rows),
                                  "new": sum(r.new.blocked for r in rows)}
    clean_new = sum(r.new.blocked for r in clean) / len(clean)
    dirty_new = all(r.new.blocked for r in dirty)
    print(f"targets: clean blocked <= 1 in 12 ({clean_new:.3f} <= {MAX_CLEAN_BLOCKED_SHARE:.3f}: "
          f"{'met' if clean_new <= MAX_CLEAN_BLOCKED_SHARE else 'NOT met'}); every contaminated document blocked: "
          f"{'met' if dirty_new else 'NOT met'}")

    kinds = Counter()
    missed = Counter()
    for r in dirty:
        kinds[r.variant[5:]] += 1
        if not r.new.blocked:
            missed[r.variant[5:]] += 1
    print("contaminated, new check, blocked per note kind: "
          + ", ".join(f"{k} {kinds[k] - missed[k]}/{kinds[k]}" for k in sorted(kinds)))
    reasons_clean = Counter(f.reason for r in clean for f in r.new.findings)
    print("clean documents, findings by reason (new): " + ", ".join(f"{k} {v}" for k, v in reasons_clean.most_common()))
    median = sorted(check_seconds)[len(check_seconds) // 2]
    print(f"classification time per document (excluding the guardrail's detection): median {median * 1000:.1f} ms")
    load_end = os.getloadavg()[0]
    print(f"wall time {wall:.0f} s; load average at start {load_start:.1f}, at end {load_end:.1f} on {os.cpu_count()} CPUs")

    if args.show or args.show_heldout:
        print()
        for r in results:
            if r.split == "heldout" and not args.show_heldout:
                continue
            wrong = (r.variant == "clean" and r.new.blocked) or (r.variant != "clean" and not r.new.blocked)
            if not wrong and not args.show:
                continue
            print(f"--- {r.name} [{r.variant}] {'BLOCKED' if r.new.blocked else 'passes'}")
            for f in r.new.findings:
                print(f"    {f.severity.value:<5} {f.reason:<22} {f.entity_type:<18} {f.context}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
