"""Secret files under ``<data_dir>/secrets``: created 0600 in one step, in a folder that is always 0700.

A secret written first and chmod-ed afterwards is readable by others for a moment (and for ever when the
process dies in between); here the file is created with its final mode under a temporary name and renamed
into place, so it either exists complete and private or not at all — also when two processes start together.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

SECRETS_DIR = "secrets"


def secrets_dir(data_dir: Path) -> Path:
    """``<data_dir>/secrets``, created if missing and set to 0700 every time (also when it existed wider)."""
    folder = data_dir / SECRETS_DIR
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    return folder


def write_secret(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600 (replacing an older file)."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_or_create_secret(path: Path, make: Callable[[], bytes]) -> bytes:
    """The secret in ``path``; created with ``make()`` when missing. Of two processes creating it at the same
    moment, the first rename wins and both read the same value."""
    if not path.is_file():
        secrets_dir(path.parent.parent)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(make())
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)  # fails if another process was first: keep theirs
        except FileExistsError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
    return path.read_bytes().strip()


def login_signing_key(data_dir: Path) -> str:
    """The key that signs login tokens: ``CHAINLIT_AUTH_SECRET`` or a random one kept in the secrets folder."""
    if os.environ.get("CHAINLIT_AUTH_SECRET"):
        return os.environ["CHAINLIT_AUTH_SECRET"]
    path = data_dir / SECRETS_DIR / "chainlit_auth_secret"
    return read_or_create_secret(path, lambda: secrets.token_urlsafe(48).encode()).decode()
