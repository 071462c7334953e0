"""The history encryption key: from ``SAFEGPT_HISTORY_KEY`` or a 0600 file outside the database."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet


def load_history_key(data_dir: Path) -> bytes:
    from_env = os.environ.get("SAFEGPT_HISTORY_KEY")
    if from_env:
        return from_env.encode()
    from chat.store.secret_files import SECRETS_DIR, read_or_create_secret

    return read_or_create_secret(data_dir / SECRETS_DIR / "history.key", Fernet.generate_key)
