"""The history encryption key: from ``SAFEGPT_HISTORY_KEY`` or a 0600 file outside the database."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet


def load_history_key(data_dir: Path) -> bytes:
    from_env = os.environ.get("SAFEGPT_HISTORY_KEY")
    if from_env:
        return from_env.encode()
    path = data_dir / "secrets" / "history.key"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_bytes(Fernet.generate_key())
        path.chmod(0o600)
    return path.read_bytes().strip()
