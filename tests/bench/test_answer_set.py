"""The answer evaluation set is sound: enough questions of each sort, every key fact is really in one of its
sources, and no fact pattern is so loose that an unrelated section of the guidelines would "show" it."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from knowledge.parsers import parse_file

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
from answer_set import load_questions, normalise, split_of  # noqa: E402

SAMPLES = REPO / "knowledge" / "samples"


@pytest.fixture(scope="module")
def sections() -> dict[tuple[str, str], str]:
    """(file, nearest heading) -> normalised text of that section, for every shipped sample."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(SAMPLES.iterdir()):
        if path.name == "README.md":
            continue
        for block in parse_file(path).blocks:
            out[(path.name, block.section or "")].append(block.text)
    return {key: normalise(" ".join(texts)) for key, texts in out.items()}


def test_enough_questions_of_each_sort():
    questions = load_questions()
    answerable = [q for q in questions if q.answerable]
    assert len(answerable) >= 80 and len(questions) - len(answerable) >= 15
    assert len({q.id for q in questions}) == len(questions)
    kinds = {q.kind for q in answerable}
    assert {"colloquial", "typo", "client", "yesno", "number", "deadline", "amount", "responsibility",
            "exact"} <= kinds
    assert sum(q.answer in ("no", "usually-not") for q in answerable) >= 15
    for split in ("tune", "heldout"):  # both parts have answerable and unanswerable questions
        part = [q for q in questions if q.split == split]
        assert sum(q.answerable for q in part) >= 20 and sum(not q.answerable for q in part) >= 5


def test_split_is_derived_from_the_id_only():
    assert {split_of(q.id) for q in load_questions()} == {"tune", "heldout"}
    assert split_of("wg-buergergeld") == split_of("wg-buergergeld")


def test_every_key_fact_is_in_one_of_its_sources(sections):
    for q in load_questions():
        if not q.answerable:
            assert not q.facts and q.near and (SAMPLES / q.near).is_file(), q.id
            continue
        assert q.facts and q.sources, q.id
        texts = []
        for file, part in q.sources:
            found = [text for (f, section), text in sections.items() if f == file and part.lower() in section.lower()]
            assert found, f"{q.id}: no section {part!r} in {file}"
            texts.extend(found)
        assert any(re.search(p, t) for p in q.facts for t in texts), f"{q.id}: no fact pattern matches its sources"


def test_no_fact_pattern_is_shown_by_an_unrelated_section(sections):
    loose = []
    for q in load_questions():
        for (file, section), text in sections.items():
            if q.source_ok(file, section):
                continue
            hits = [p for p in q.facts if re.search(p, text)]
            if hits:
                loose.append(f"{q.id}: {hits} in {file} / {section}")
    assert not loose, "\n".join(loose)
