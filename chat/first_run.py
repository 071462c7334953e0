"""What `safegpt setup` does on a fresh data directory: database, model file, sample guidelines, first admin."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from chat.accounts import Role, generate_password
from chat.wiring import SafeGPT

log = logging.getLogger(__name__)
SAMPLE_SUFFIXES = {".md", ".txt", ".html", ".htm", ".pdf", ".docx"}


@dataclass(frozen=True)
class SetupReport:
    admin_created: str | None  # username, when a first admin was made
    admin_password_file: Path | None
    samples_indexed: int
    models: dict[str, str]  # alias -> "name (architecture, licence)"


def ensure_first_admin(app: SafeGPT) -> tuple[str, Path] | None:
    """Create the account ``admin`` with a random password when there is no account at all."""
    if app.accounts.count() > 0:
        return None
    password = generate_password()
    app.accounts.add("admin", password, Role.ADMIN)
    secret = app.settings.data_dir / "secrets" / "initial_admin_password"
    secret.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    secret.write_text(password + "\n")
    secret.chmod(0o600)
    return "admin", secret


def index_samples(app: SafeGPT, progress: bool = True) -> int:
    """Index the shipped sample guidelines, but only into an empty knowledge base."""
    folder = app.settings.samples_dir
    if folder is None or not folder.is_dir() or app.knowledge.list_documents():
        return 0
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES and p.name != "README.md")
    for path in files:
        app.knowledge.add(path, progress=progress)
    return len(files)


def describe_models(app: SafeGPT) -> dict[str, str]:
    from chat.llm.model_files import read_gguf_info

    described = {}
    for alias, model in app.local_models.items():
        info = read_gguf_info(model.path)
        template = "" if info.has_chat_template else ", OHNE Chat-Vorlage"
        described[alias] = f"{info.name} ({info.architecture}, Lizenz: {info.licence}{template})"
    return described


def run_setup(app: SafeGPT, index: bool = True) -> SetupReport:
    app.engine  # runs migrations
    models = describe_models(app)  # assembles and verifies model files
    samples = index_samples(app) if index else 0
    admin = ensure_first_admin(app)
    return SetupReport(admin[0] if admin else None, admin[1] if admin else None, samples, models)
