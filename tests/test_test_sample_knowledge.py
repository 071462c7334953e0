"""The seeded sample knowledge base (tests/support/sample_knowledge.py) is the one a start would index."""

from __future__ import annotations

import shutil

from tests.conftest import open_app, settings_dict
from tests.support import sample_knowledge
from tests.support.server import REPO


def _index(app) -> list[tuple]:
    documents = sorted((d.title, d.chunk_count, d.version) for d in app.knowledge.list_documents())
    hits = [(p.title, p.section, round(p.score, 4)) for p in app.knowledge.search("Wer bekommt Wohngeld?")]
    return [documents, hits]


def _two_samples(tmp_path) -> dict:
    """Settings whose samples folder holds two of the shipped guidelines (indexing all of them twice costs
    half a minute of CPU; what is compared does not need them all)."""
    folder = tmp_path / "beispiele"
    folder.mkdir()
    for name in ("wohngeld-beratung.md", "reisekostenrichtlinie.txt"):
        shutil.copy2(REPO / "knowledge" / "samples" / name, folder / name)
    return {"samples_dir": str(folder)}


def test_a_seeded_data_directory_searches_like_a_freshly_indexed_one(tmp_path, monkeypatch):
    samples = _two_samples(tmp_path)
    monkeypatch.setenv("SAFEGPT_TEST_SEED_SAMPLES", "0")
    fresh = open_app({**settings_dict(tmp_path / "fresh", samples=True, local=True), **samples}, index_samples=True)
    try:
        expected = _index(fresh)
    finally:
        fresh.close()
    monkeypatch.delenv("SAFEGPT_TEST_SEED_SAMPLES")
    values = {**settings_dict(tmp_path / "seeded", samples=True, local=True), **samples}
    assert sample_knowledge.seed_sample_knowledge(values)
    seeded = open_app(values)  # nothing indexed here: what it finds was copied in
    try:
        assert expected[0] and _index(seeded) == expected
    finally:
        seeded.close()


def test_nothing_is_seeded_where_the_start_would_build_something_else(tmp_path, monkeypatch):
    assert not sample_knowledge.seed_sample_knowledge(settings_dict(tmp_path / "a", local=True))  # no samples
    server_mode = settings_dict(tmp_path / "b", samples=True, local=True)
    assert not sample_knowledge.seed_sample_knowledge(server_mode, {"SAFEGPT_DATABASE_URL": "postgresql://x/y"})
    http_chroma = settings_dict(tmp_path / "c", samples=True, local=True)
    http_chroma["knowledge"] = {**http_chroma["knowledge"], "chroma_mode": "http"}
    assert not sample_knowledge.seed_sample_knowledge(http_chroma)
    used = settings_dict(tmp_path / "d", samples=True, local=True)
    (tmp_path / "d" / "chroma").mkdir(parents=True)
    assert not sample_knowledge.seed_sample_knowledge(used)
    missing = settings_dict(tmp_path / "e", samples=True, local=True)
    missing["samples_dir"] = str(tmp_path / "keine-beispiele")
    assert not sample_knowledge.seed_sample_knowledge(missing)
    monkeypatch.setenv("SAFEGPT_TEST_SEED_SAMPLES", "0")
    assert not sample_knowledge.seed_sample_knowledge(settings_dict(tmp_path / "f", samples=True, local=True))
