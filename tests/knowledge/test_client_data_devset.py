"""The curation check on the hand-written development set (issue 18): every pasted case note blocks its
document, no organisational snippet does. Each snippet is pasted into a shipped sample guideline and goes
the way of an upload: parser, chunker, the guardrail's detection, :func:`check_texts`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guardrails.guardrail import Guardrail
from guardrails.settings import GuardrailSettings
from knowledge.chunking import chunk_blocks
from knowledge.client_data_check import ClientDataReport, check_texts
from knowledge.parsers import parse_file
from knowledge.settings import IngestSettings, KnowledgeSettings
from tests.knowledge.client_data_devset import SNIPPETS, Snippet

SAMPLES = Path(__file__).resolve().parents[2] / "knowledge" / "samples"
HOSTS = ("wohngeld-beratung.md", "kinderschutz-8a.md", "leichte-sprache-briefe.md")


@pytest.fixture(scope="module")
def guardrail() -> Guardrail:
    return Guardrail(GuardrailSettings())


def embedded(snippet: Snippet, number: int, directory: Path) -> Path:
    """The snippet pasted after the second paragraph of one of the sample guidelines, as a Markdown file."""
    host = HOSTS[number % len(HOSTS)]
    paragraphs = re.split(r"\n\s*\n", (SAMPLES / host).read_text(encoding="utf-8"))
    at = min(2 + number % 3, len(paragraphs))
    path = directory / f"{number:03d}-{snippet.kind}-{host}"
    path.write_text("\n\n".join(paragraphs[:at] + [snippet.text] + paragraphs[at:]), encoding="utf-8")
    return path


def check_file(guardrail: Guardrail, path: Path) -> ClientDataReport:
    knowledge, ingest = KnowledgeSettings(), IngestSettings()
    texts = [c.text for c in chunk_blocks(parse_file(path).blocks, knowledge.chunk_size, knowledge.chunk_overlap)]
    return check_texts(texts, guardrail.detect, guardrail.special_categories,
                       ignore_types=ingest.pii_ignore_types, min_person_score=ingest.pii_min_score)


@pytest.mark.parametrize("host", HOSTS)
def test_the_host_guidelines_alone_do_not_block(guardrail: Guardrail, host: str) -> None:
    report = check_file(guardrail, SAMPLES / host)
    assert not report.blocked, [(f.reason, f.context) for f in report.blocking]


@pytest.mark.parametrize("number, snippet", [
    pytest.param(n, s, id=f"{n:03d}-{s.kind}-{'client' if s.blocks else 'org'}",
                 marks=[pytest.mark.xfail(strict=True, reason=s.known_gap)] if s.known_gap else [])
    for n, s in enumerate(SNIPPETS)])
def test_devset_snippet_in_a_guideline(guardrail: Guardrail, tmp_path: Path, number: int, snippet: Snippet) -> None:
    report = check_file(guardrail, embedded(snippet, number, tmp_path))
    shown = [(f.severity.value, f.reason, f.context) for f in report.findings]
    assert report.blocked is snippet.blocks, shown


# A summary while working on the check: python -m tests.knowledge.test_client_data_devset [-v]
if __name__ == "__main__":
    import sys
    import tempfile
    from collections import Counter

    rail = Guardrail(GuardrailSettings())
    wrong: Counter[str] = Counter()
    total: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n, s in enumerate(SNIPPETS):
            report = check_file(rail, embedded(s, n, Path(tmp)))
            side = "client" if s.blocks else "org"
            total[side] += 1
            if report.blocked is not s.blocks:
                wrong[side] += 1
                print(f"--- {n:03d} {s.kind} ({side}) {'BLOCKED' if report.blocked else 'passes'}: {s.text[:90]!r}")
                if "-v" in sys.argv:
                    for f in report.findings:
                        print(f"    {f.severity.value:<5} {f.reason:<20} {f.entity_type:<16} {f.context}")
    print(f"client snippets blocked {total['client'] - wrong['client']}/{total['client']}; "
          f"organisational snippets blocked {wrong['org']}/{total['org']}")
