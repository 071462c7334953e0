"""The sample guidelines indexed once per test worker and copied into each test's data directory.

Indexing the samples was half of a test server's start (py-spy of `safegpt serve`: 55 % of its CPU in
``index_samples``, mostly embedding). The result depends only on the knowledge settings and the sample files,
so a worker indexes them once per distinct ``[knowledge]`` section into a template folder and every later
server or in-process app with the same settings starts from a copy of ``knowledge.sqlite3``,
``knowledge_files/`` and ``chroma/`` (the registry stores paths relative to the data directory). A server
that finds a non-empty knowledge base indexes nothing, exactly as on a second start.

Seeded only when that is the same as what the start would build: a file registry (no PostgreSQL), embedded
Chroma, an empty data directory and no ``SAFEGPT_*`` override of the settings in the environment. Tests of the
first start itself (`safegpt setup` through the CLI) are not seeded. ``SAFEGPT_TEST_SEED_SAMPLES=0`` turns it off.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

from knowledge.paths import CHROMA_DIR, FILES_DIR, REGISTRY_FILE

_STATE = (REGISTRY_FILE, FILES_DIR, CHROMA_DIR)
# Environment variables that change where or how the knowledge base is built (the database URL moves the
# registry into PostgreSQL).
_OVERRIDES = ("SAFEGPT_DATABASE_URL", "SAFEGPT_KNOWLEDGE", "SAFEGPT_SAMPLES_DIR", "SAFEGPT_DATA_DIR")
_templates: dict[str, Path] = {}
_root: Path | None = None


def _template_root() -> Path:
    global _root
    if _root is None:
        _root = Path(tempfile.mkdtemp(prefix="safegpt-sample-knowledge-"))
        atexit.register(shutil.rmtree, _root, True)
    return _root


def _applies(values: dict, env: dict | None) -> bool:
    if os.environ.get("SAFEGPT_TEST_SEED_SAMPLES", "1") == "0" or not values.get("samples_dir"):
        return False
    if not Path(values["samples_dir"]).is_dir():  # a start indexes nothing either
        return False
    if any(key.startswith(_OVERRIDES) for key in {**os.environ, **(env or {})}):
        return False
    knowledge = values.get("knowledge", {})
    if knowledge.get("registry", "auto") == "database" or knowledge.get("chroma_mode", "embedded") != "embedded":
        return False
    data_dir = Path(values["data_dir"])
    return not any((data_dir / name).exists() for name in _STATE)


def _key(values: dict) -> str:
    folder = Path(values["samples_dir"])
    files = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file())
    return json.dumps([values.get("knowledge", {}), str(folder), files], sort_keys=True, default=str)


def _build(values: dict) -> Path:
    from chat.first_run import index_sample_folder
    from chat.settings import load_settings
    from knowledge.knowledge_base import KnowledgeBase

    template = Path(tempfile.mkdtemp(dir=_template_root()))
    settings = load_settings(use_file=False, **{**values, "data_dir": str(template)})
    knowledge = KnowledgeBase(settings.knowledge, data_dir=template)
    try:
        index_sample_folder(knowledge, settings.samples_dir, progress=False)
    finally:
        knowledge.close()
    return template


def seed_sample_knowledge(values: dict, env: dict | None = None) -> bool:
    """Copy the indexed samples into ``values["data_dir"]`` when a start would index the very same; True if
    it did."""
    if not _applies(values, env):
        return False
    key = _key(values)
    if key not in _templates:
        _templates[key] = _build(values)
    data_dir = Path(values["data_dir"])
    data_dir.mkdir(parents=True, exist_ok=True)
    for source in _templates[key].iterdir():  # knowledge.sqlite3 (with a -wal file, if any), the folders
        if source.is_dir():
            shutil.copytree(source, data_dir / source.name)
        else:
            shutil.copy2(source, data_dir / source.name)
    return True
