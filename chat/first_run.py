"""What `safegpt setup` does on a fresh data directory: database, model file, sample guidelines, first admin."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from chat.store.accounts import Role, generate_password
from chat.store.secret_files import secrets_dir, write_secret
from chat.wiring import SafeGPT

if TYPE_CHECKING:
    from knowledge.knowledge_base import KnowledgeBase

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
    try:
        app.accounts.add("admin", password, Role.ADMIN)
    except Exception:  # another process starting at the same moment created it first
        if app.accounts.count() > 0:
            return None
        raise
    secret = initial_password_file(app)
    write_secret(secret, (password + "\n").encode())
    return "admin", secret


def initial_password_file(app: SafeGPT) -> Path:
    return secrets_dir(app.settings.data_dir) / "initial_admin_password"


def forget_initial_password(app: SafeGPT) -> Path | None:
    """Delete the first admin's password file once that password no longer works (changed, or the account
    is gone). Returns the deleted file's path, None when nothing was deleted."""
    path = initial_password_file(app)
    if not path.is_file():
        return None
    password = path.read_text().strip()
    if app.accounts.password_is("admin", password):
        return None
    path.unlink(missing_ok=True)
    return path


def index_samples(app: SafeGPT, progress: bool = True) -> int:
    """Index the shipped sample guidelines, but only into an empty knowledge base."""
    folder = app.settings.samples_dir
    if folder is None or not folder.is_dir() or app.knowledge.list_documents():
        return 0
    return index_sample_folder(app.knowledge, folder, progress=progress)


def index_sample_folder(knowledge: KnowledgeBase, folder: Path, progress: bool = True) -> int:
    """Add every guideline file of ``folder`` (not its README) to ``knowledge``, in name order."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES and p.name != "README.md")
    for path in files:
        knowledge.add(path, progress=progress)
    return len(files)


def describe_models(app: SafeGPT) -> dict[str, str]:
    from chat.llm.model_files import read_gguf_info

    described = {}
    for alias, model in app.local_models.items():
        info = read_gguf_info(model.path)
        template = "" if info.has_chat_template else ", OHNE Chat-Vorlage"
        described[alias] = f"{info.name} ({info.architecture}, Lizenz: {info.licence}{template})"
    return described


def audit_catalogue_changes(app: SafeGPT) -> list[str]:
    """The model catalogue and policy live in the settings file; record every change in the audit log.

    Compares each approved model and the policy table with what the audit log last recorded, so the log
    shows which model was added, changed or removed (and the policy) at which start, by configuration.
    """
    import hashlib
    import json

    def digest(value) -> str:
        return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]

    current = {f"model:{m.model_name}": digest({"params": {k: v for k, v in m.litellm_params.items()
                                                           if "key" not in k.lower()},
                                                "safegpt": m.safegpt.model_dump()})
               for m in app.settings.model_list}
    current["policy"] = digest(app.settings.policy)
    last: dict[str, str] = {}
    for entry in reversed(app.audit.entries(area="models", limit=10_000)):
        if entry.action == "removed":
            last.pop(entry.target, None)
        else:
            last[entry.target] = entry.detail.removeprefix("fingerprint=")
    changes = []
    for target, fingerprint in current.items():
        if last.get(target) != fingerprint:
            action = "approved" if target not in last else "changed"
            app.audit.record("config", "models", action, target, f"fingerprint={fingerprint}")
            changes.append(f"{action} {target}")
    for target in set(last) - set(current):
        app.audit.record("config", "models", "removed", target, "")
        changes.append(f"removed {target}")
    return changes


def run_setup(app: SafeGPT, index: bool = True) -> SetupReport:
    import fcntl

    app.engine  # runs migrations
    # Several processes started together on one data directory: one sets up, the others wait and find it done.
    lock_path = app.settings.data_dir / ".setup.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            audit_catalogue_changes(app)
            models = describe_models(app)  # assembles and verifies model files
            samples = index_samples(app) if index else 0
            admin = ensure_first_admin(app)
            forget_initial_password(app)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return SetupReport(admin[0] if admin else None, admin[1] if admin else None, samples, models)
