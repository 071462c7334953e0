"""Heaviest test files first, so that parallel workers end together.

``make test`` runs all tests in one pytest-xdist session with ``--dist loadfile --no-loadscope-reorder``:
each file goes whole to one worker, in the order of the collection. xdist's own reordering (files with the
most tests first) put the files with few but long tests — a real llama.cpp model, a browser, a deployment
of several processes — at the end, where one worker ran them while the others had nothing left. Here the
files listed in ``tests/file_seconds.tsv`` (measured seconds per file) come first, longest first; every
other file follows in collection order. The list is a hint for the order only: a stale or missing entry
costs time, never a test.

Measure again (any pytest run; each worker appends its own lines)::

    SAFEGPT_TEST_FILE_TIMES=/tmp/file-times .venv/bin/python -m pytest -n 3 --dist loadfile ...
    .venv/bin/python -m tests.support.schedule /tmp/file-times > tests/file_seconds.tsv
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

SECONDS_FILE = Path(__file__).resolve().parents[1] / "file_seconds.tsv"
TIMES_ENV = "SAFEGPT_TEST_FILE_TIMES"


def read_seconds(path: Path = SECONDS_FILE) -> dict[str, float]:
    """``file → seconds`` from a TSV of ``seconds<TAB>tests/…py`` lines (``#`` starts a comment)."""
    if not path.is_file():
        return {}
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            seconds, name = line.split("\t")
            out[name] = float(seconds)
    return out


def heavy_first(items: list, seconds: dict[str, float]) -> list:
    """``items`` with the files of ``seconds`` first (longest first), each file's tests kept together and in
    their order; the files not listed after them, in their order."""
    def file_of(item) -> str:
        return item.nodeid.split("::", 1)[0]

    position = {}
    for index, item in enumerate(items):
        position.setdefault(file_of(item), index)
    return sorted(items, key=lambda item: (-seconds.get(file_of(item), -1.0), position[file_of(item)]))


class FileTimes:
    """A pytest plugin: appends ``seconds<TAB>nodeid`` per test (setup to teardown) to a file per worker."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._out = folder / f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}.tsv"

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):  # noqa: ARG002 — pytest hook signature
        start = time.monotonic()
        yield
        with self._out.open("a", encoding="utf-8") as f:
            f.write(f"{time.monotonic() - start:.2f}\t{item.nodeid}\n")


def summarise(folder: Path, top: int = 40) -> str:
    """The ``file_seconds.tsv`` text for the per-test times in ``folder``: the ``top`` longest files."""
    per_file: Counter[str] = Counter()
    for path in folder.glob("*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            seconds, nodeid = line.split("\t", 1)
            per_file[nodeid.split("::", 1)[0]] += float(seconds)
    lines = ["# seconds per test file, measured with tests/support/schedule.py (see there); longest first"]
    lines += [f"{seconds:.0f}\t{name}" for name, seconds in per_file.most_common(top)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(summarise(Path(sys.argv[1])))
