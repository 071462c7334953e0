"""A pickled copy of the built :class:`~guardrails.names.NameLexicon` in the user's cache folder.

Building the lexicon reads the 20 MB noun lexicon of ``german-nouns`` and derives verb and adjective
forms from it: 1.8 s on a quiet core, 3 s and more under load — paid by every server start, every
``safegpt`` command that checks text and every test worker. The copy loads in about 0.2 s.

The copy is used only when it was built from exactly what a build would read now: the key covers the
Python version, the source of the modules that build it, every shipped list (by content) and the noun
lexicon file (by path, size and modification time). Only a file the current user owns and nobody else
may write is read (a pickle runs code when loaded). Without a writable cache folder — a read-only
container — the lexicon is simply built each time; nothing fails.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

CACHE_DIR_ENV = "SAFEGPT_CACHE_DIR"


def cache_dir() -> Path:
    """``$SAFEGPT_CACHE_DIR``, else ``$XDG_CACHE_HOME/safegpt``, else ``~/.cache/safegpt``."""
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "safegpt"


def cache_key(sources: Iterable[Path], data_files: Iterable[Path], large_files: Iterable[Path]) -> str:
    """Hex digest over the Python version, ``sources`` and ``data_files`` by content and ``large_files``
    by path, size and modification time (hashing 20 MB would cost a tenth of what the cache saves)."""
    digest = hashlib.sha256(sys.version.encode())
    for path in [*sources, *data_files]:
        digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    for path in large_files:
        info = path.stat()
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:32]


def _trusted(path: Path) -> bool:
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cached(name: str, key: str, build: Callable[[], T], folder: Path | None = None) -> T:
    """The object pickled under ``name``-``key`` in ``folder`` (default :func:`cache_dir`); else ``build()``,
    stored there for the next process when the folder is writable."""
    folder = folder or cache_dir()
    path = folder / f"{name}-{key}.pickle"
    try:
        if path.is_file() and _trusted(path):
            with path.open("rb") as fh:
                return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        log.warning("cached %s unreadable, built anew (%s)", name, type(exc).__name__)
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in folder.glob(f"{name}-*.pickle"):  # copies of older builds
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp.name, 0o600)
        os.replace(tmp.name, path)  # atomic: a parallel process reads the old copy or the whole new one
    except OSError as exc:
        log.info("no cache for %s (%s); it is built at each start", name, type(exc).__name__)
    return value
