"""The set sizes knowledge/README.md states next to its measured figures are the sizes of the sets the
benchmarks read. The figures themselves come from `bench/retrieval.py` and `bench/curation.py` (minutes on
this machine, too slow for a unit test); the README gives their command, date and load."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bench import curation
from bench.retrieval import eval_docs, load_offtopic, load_questions

README = (Path(__file__).resolve().parents[2] / "knowledge" / "README.md").read_text(encoding="utf-8")


def _number(pattern: str) -> int:
    match = re.search(pattern, README)
    assert match, pattern
    return int(match.group(1))


def test_retrieval_figures_name_the_sizes_of_the_question_set() -> None:
    questions = load_questions()
    kinds = Counter(q["report_kind"] for q in questions)
    assert _number(r"\| all (\d+) questions \|") == len(questions)
    for kind in ("plain", "typo", "paraphrase", "abbreviation"):
        assert _number(rf"\| {kind} \((\d+)\) \|") == kinds[kind], kind
    assert _number(r"\| held-out part only \((\d+)\) \|") == sum(q["split"] == "heldout" for q in questions)
    assert _number(r"\| off-topic turned away \((\d+)\) \|") == len(load_offtopic())


def test_curation_figures_name_the_sizes_of_the_document_set() -> None:
    clean = curation.clean_documents()
    written = [p for p in clean if p.parent.name == "clean"]
    assert _number(r"(\d+) clean documents \(the \d+ of the retrieval set") == len(clean)
    assert _number(r"clean documents \(the (\d+) of the retrieval set") == len(eval_docs())
    assert _number(r"of the retrieval set and (\d+) written") == len(written)
    # one note per group in every clean document (a note pasted where the parser reads nothing is not counted)
    contaminated = _number(r"\| contaminated documents, all \| \d+/(\d+) \|")
    assert len(clean) * len(curation.NOTE_GROUPS) - 3 <= contaminated <= len(clean) * len(curation.NOTE_GROUPS)
    assert _number(r"\| clean documents \| \d+/(\d+) \|") == len(clean)
    assert _number(r"group 4 notes, written after the last rule change \(unseen\)\*\* \| \d+/(\d+)") <= len(clean)
    assert _number(r"\| clean documents of group 4 \(unseen\) \| \d+/(\d+) \|") == len(curation.HELDOUT4_CLEAN)
