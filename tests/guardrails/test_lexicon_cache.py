"""The cached name lexicon (guardrails/lexicon_cache.py): the same lexicon as a fresh build, rebuilt when
anything it is built from changes, never read from a file someone else could have written, and no failure
without a writable cache folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from guardrails import lexicon_cache
from guardrails.names import DATA_DIR, NameLexicon


@pytest.fixture(scope="module")
def built() -> NameLexicon:
    return NameLexicon.build()


def _same(a: NameLexicon, b: NameLexicon) -> bool:
    return vars(a) == vars(b)


def test_a_cached_lexicon_equals_a_fresh_build_and_is_read_without_building(tmp_path, monkeypatch, built):
    monkeypatch.setenv(lexicon_cache.CACHE_DIR_ENV, str(tmp_path))
    first = NameLexicon.load()
    assert _same(first, built)
    assert len(list(tmp_path.glob("name-lexicon-*.pickle"))) == 1

    def no_build(*args, **kwargs):
        raise AssertionError("built again although a copy from the same files is cached")

    monkeypatch.setattr(NameLexicon, "build", classmethod(no_build))
    assert _same(NameLexicon.load(), built)


def test_a_changed_list_builds_anew(tmp_path, monkeypatch, built):
    monkeypatch.setenv(lexicon_cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    NameLexicon.load(data)
    with (data / "first_names.tsv").open("a", encoding="utf-8") as fh:
        fh.write("Quabsilwenda\tf\n")
    changed = NameLexicon.load(data)
    assert changed.is_first_name("Quabsilwenda") and not built.is_first_name("Quabsilwenda")
    assert len(list((tmp_path / "cache").glob("name-lexicon-*.pickle"))) == 1  # the old copy is gone


def test_a_copy_others_may_write_is_not_read(tmp_path, monkeypatch):
    calls = []
    key = "k"
    lexicon_cache.cached("probe", key, lambda: calls.append(1) or {"built": 1}, folder=tmp_path)
    copy = tmp_path / f"probe-{key}.pickle"
    os.chmod(copy, 0o666)
    assert lexicon_cache.cached("probe", key, lambda: calls.append(1) or {"built": 2}, folder=tmp_path) == {"built": 2}
    assert len(calls) == 2


def test_without_a_writable_cache_folder_the_lexicon_is_built(tmp_path, monkeypatch, built):
    blocked = tmp_path / "file"
    blocked.write_text("no folder here")
    monkeypatch.setenv(lexicon_cache.CACHE_DIR_ENV, str(blocked / "safegpt"))
    assert _same(NameLexicon.load(), built)


def test_a_damaged_copy_is_built_anew(tmp_path):
    (tmp_path / "probe-k.pickle").write_bytes(b"not a pickle")
    os.chmod(tmp_path / "probe-k.pickle", 0o600)
    assert lexicon_cache.cached("probe", "k", lambda: [1, 2], folder=tmp_path) == [1, 2]
    assert lexicon_cache.cached("probe", "k", lambda: [3], folder=tmp_path) == [1, 2]  # the rebuilt copy is kept


def test_the_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(lexicon_cache.CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexicon_cache.cache_dir() == Path(tmp_path) / "safegpt"
