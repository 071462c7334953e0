"""Curating the knowledge base from the admin page and the CLI: client-data check, uploads, audit log.

Both callers go through :class:`Curator`, so a document is checked and recorded the same way whether it
was uploaded in the browser or added with ``safegpt kb add``:

* before a document is indexed its chunk texts run through the guardrail's detection and
  :mod:`knowledge.client_data_check`: the organisation's own contact data (function mailboxes, hotlines,
  contact persons with their role, the imprint) is shown as information; when client data (birth dates,
  identifiers, names in a client context, health details about a person …) is found, the caller must
  confirm (the CLI asks, the admin page shows each finding with its surrounding words) — or the document
  is not indexed;
* every change (add, replace, remove, reindex, cancelled upload) lands in the audit log with the actor;
* browser uploads are stored under ``data_dir/uploads/<random token>/<sanitised file name>`` and deleted
  once indexed or cancelled; the client's path is never used.

Nothing here logs or stores document text or found values: the audit log and the pending-upload state get
counts per reason; the found values with the words around them exist only in memory, for the admin page.
"""

from __future__ import annotations

import errno
import json
import re
import secrets
import shutil
import time
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from knowledge import messages as texts
from knowledge.client_data_check import ClientDataReport, check_texts
from knowledge.errors import KnowledgeError, StorageFull
from knowledge.paths import UPLOADS_DIR
from knowledge.settings import IngestSettings

AREA = "knowledge"
PENDING_FILE = "pending.json"
PENDING_MAX_AGE_SECONDS = 3600
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


# --- the client-data check ---------------------------------------------------------------------------------
# The judgement itself lives in knowledge/client_data_check.py (pure, tested on its own); the curator feeds it
# the guardrail's detection and decides with ``[knowledge_ingest]`` whether a document must be confirmed.


class PersonalDataNotConfirmed(KnowledgeError):
    """The document holds client data and indexing was not confirmed; nothing was stored.

    A :class:`knowledge.KnowledgeError`, so ``safegpt kb add`` reports it per file like any ingestion error."""

    def __init__(self, report: ClientDataReport) -> None:
        super().__init__(texts.KB_PII_NOT_CONFIRMED.format(summary=report.summary(blocking_only=True)))
        self.report = report


# --- uploads -----------------------------------------------------------------------------------------------
class UploadError(Exception):
    """A bad upload; ``str()`` is German text for the admin. Nothing was kept."""


class UploadTooLarge(UploadError):
    """The upload exceeds ``max_upload_mb``."""


def safe_file_name(client_name: str | None, allowed_suffixes: tuple[str, ...]) -> str:
    """The client's file name reduced to a harmless base name: no directories, no control or special
    characters, at most 100 characters, suffix lower-cased. Raises :class:`UploadError` for a type the
    knowledge base cannot read."""
    raw = (client_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    raw = unicodedata.normalize("NFC", raw)
    stem, dot, suffix = raw.rpartition(".")
    if not dot:
        stem, suffix = raw, ""
    suffix = "." + suffix.lower() if suffix else ""
    if suffix not in allowed_suffixes:
        shown = suffix or texts.KB_NO_SUFFIX
        raise UploadError(texts.KB_UPLOAD_UNSUPPORTED.format(suffix=shown, allowed=", ".join(allowed_suffixes)))
    stem = re.sub(r"[^\w.\- ]+", "_", stem, flags=re.UNICODE).strip(" ._-")
    stem = re.sub(r"\s+", " ", stem)[:100].strip() or "dokument"
    return stem + suffix


@dataclass(frozen=True)
class PendingUpload:
    """An uploaded file waiting for the admin's confirmation (client data found)."""

    token: str
    path: Path
    actor: str
    replaces: str | None          # doc_id when uploaded as a new version of that document
    metadata: dict[str, str]      # title, version, owner, valid_until, audience as given in the form
    report: ClientDataReport


@dataclass(frozen=True)
class Outcome:
    """Result of an add/replace through the curator."""

    info: object                  # knowledge.DocumentInfo
    replaced: bool
    report: ClientDataReport      # its information findings are shown to the admin after indexing


class Curator:
    """Adds, replaces, removes and reindexes documents with the client-data check and the audit log."""

    def __init__(self, knowledge, guardrail: Callable[[], object], audit, settings: IngestSettings,
                 data_dir: Path) -> None:
        self.knowledge = knowledge
        self._guardrail = guardrail  # built lazily: the CLI's `kb list` must not load Presidio
        self.audit = audit
        self.settings = settings
        self.uploads = Path(data_dir) / UPLOADS_DIR

    # --- check ---------------------------------------------------------------------------------------------
    def scan(self, chunk_texts: list[str]) -> ClientDataReport:
        """Judge the guardrail's findings in ``chunk_texts``: the organisation's contact data is information,
        client data blocks (see :mod:`knowledge.client_data_check`)."""
        guardrail = self._guardrail()
        return check_texts(chunk_texts, guardrail.detect, guardrail.special_categories,
                           ignore_types=self.settings.pii_ignore_types, min_person_score=self.settings.pii_min_score)

    def needs_confirmation(self, report: ClientDataReport) -> bool:
        """True when the document holds at least ``pii_warn_at`` findings of client data."""
        return len(report.blocking) >= self.settings.pii_warn_at

    def scan_file(self, path: Path) -> tuple[object, ClientDataReport]:
        """Parse ``path`` without storing anything (``KnowledgeBase.preview``) and check it."""
        preview = self.knowledge.preview(path)
        return preview, self.scan([c.text for c in preview.chunks])

    # --- changes -------------------------------------------------------------------------------------------
    def add(self, path: Path, actor: str, *, confirm: Callable[[ClientDataReport], bool], progress: bool = False,
            **metadata) -> Outcome:
        """Ingest ``path``; when client data is found, ``confirm(report)`` decides (False: nothing stored,
        :class:`PersonalDataNotConfirmed`). Records add/replace in the audit log."""
        path = Path(path)
        found: list[ClientDataReport] = []

        def check(chunk_texts: list[str]) -> None:
            report = self.scan(chunk_texts)
            found.append(report)
            if self.needs_confirmation(report) and not confirm(report):
                raise PersonalDataNotConfirmed(report)

        existing = {d.source_file: d.doc_id for d in self.knowledge.list_documents()}
        metadata = {k: v for k, v in metadata.items() if v not in (None, "")}
        try:
            with _disk_full_as_error(path.name):
                info = self.knowledge.add(path, progress=progress, before_index=check, **metadata)
        except PersonalDataNotConfirmed as exc:
            self.audit.record(actor, AREA, "add-refused", path.name[:255],
                              exc.report.summary(blocking_only=True)[:500])
            raise
        except StorageFull as exc:
            # KnowledgeBase.add switches versions in one transaction: nothing of the new version is visible.
            try:
                self.audit.record(actor, AREA, "add-failed", path.name[:255], "Speicherplatz voll")
            except Exception as audit_error:  # the audit log lives on the same full disk
                if not is_disk_full(audit_error):
                    raise
            raise exc from None
        report = found[-1] if found else ClientDataReport(())
        replaced = path.name in existing
        detail = f"Version {info.version}, {info.chunk_count} Abschnitte, Datei {info.source_file}"
        if self.needs_confirmation(report):
            detail += f"; personenbezogene Daten bestätigt ({report.summary(blocking_only=True)})"
        if report.information:
            detail += f"; {len(report.information)} Hinweise auf Kontaktdaten der Einrichtung"
        self.audit.record(actor, AREA, "replace" if replaced else "add", info.doc_id, detail[:500])
        return Outcome(info=info, replaced=replaced, report=report)

    def remove(self, doc_id: str, actor: str) -> int:
        info = self.knowledge.get(doc_id)
        with _disk_full_as_error():
            count = self.knowledge.remove(doc_id)
        self.audit.record(actor, AREA, "remove", doc_id,
                          f"Datei {info.source_file}, Version {info.version}, {count} Abschnitte gelöscht"[:500])
        return count

    def reindex(self, actor: str, progress: bool = False) -> int:
        with _disk_full_as_error():
            total = self.knowledge.reindex(progress=progress)
        self.audit.record(actor, AREA, "reindex", "*", f"{total} Abschnitte")
        return total

    # --- browser uploads -----------------------------------------------------------------------------------
    def new_upload_dir(self) -> tuple[str, Path]:
        self.sweep_uploads()
        token = secrets.token_hex(16)
        folder = self.uploads / token
        folder.mkdir(parents=True, mode=0o700)
        return token, folder

    def discard(self, token: str) -> None:
        if _TOKEN.match(token or ""):
            shutil.rmtree(self.uploads / token, ignore_errors=True)

    def keep_pending(self, token: str, path: Path, actor: str, replaces: str | None, metadata: dict[str, str],
                     report: ClientDataReport) -> PendingUpload:
        pending = PendingUpload(token, path, actor, replaces, metadata, report)
        # Only counts and the admin's form fields: found values and their context are never written to disk.
        state = {"file": path.name, "actor": actor, "replaces": replaces, "metadata": metadata,
                 "summary": report.summary(blocking_only=True), "created": time.time()}
        (self.uploads / token / PENDING_FILE).write_text(json.dumps(state), encoding="utf-8")
        return pending

    def pending(self, token: str) -> tuple[Path, dict] | None:
        """The file and stored form state of a pending upload, or None (unknown, expired or malformed)."""
        if not _TOKEN.match(token or ""):
            return None
        folder = self.uploads / token
        try:
            state = json.loads((folder / PENDING_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if time.time() - float(state.get("created", 0)) > PENDING_MAX_AGE_SECONDS:
            self.discard(token)
            return None
        path = folder / Path(str(state.get("file", ""))).name
        return (path, state) if path.is_file() else None

    def sweep_uploads(self) -> None:
        """Delete uploads left behind (abandoned confirmations, crashed requests) after an hour."""
        if not self.uploads.is_dir():
            return
        limit = time.time() - PENDING_MAX_AGE_SECONDS
        for folder in self.uploads.iterdir():
            try:
                if folder.is_dir() and folder.stat().st_mtime < limit:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue


_DISK_FULL_TEXTS = ("no space left on device", "database or disk is full", "disk quota exceeded")


def is_disk_full(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) says the disk is full: ENOSPC/EDQUOT from the OS, SQLite's
    "database or disk is full", or Chroma passing either on as its own error type."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if any(text in str(current).lower() for text in _DISK_FULL_TEXTS):
            return True
        current = current.__cause__ or current.__context__
    return False


@contextmanager
def _disk_full_as_error(name: str | None = None):
    """Turn a full disk into :class:`knowledge.errors.StorageFull` with a German message for the admin (naming
    the uploaded file ``name``, or the change in general)."""
    try:
        yield
    except KnowledgeError:
        raise
    except Exception as exc:
        if is_disk_full(exc):
            message = texts.STORAGE_FULL.format(name=name[:100]) if name else texts.STORAGE_FULL_CHANGE
            raise StorageFull(message) from None
        raise


def stored_original(knowledge, doc_id: str, source_file: str) -> Path | None:
    """The copy of a document's original the knowledge base keeps (``knowledge_files/<doc_id>/<rev>/<file>``,
    documented in knowledge/README.md); the newest revision when a replacement is in flight."""
    folder = Path(knowledge.data_dir) / "knowledge_files" / doc_id
    revisions = [r for r in folder.iterdir() if r.is_dir()] if folder.is_dir() else []
    candidates = [r / source_file for r in revisions if (r / source_file).is_file()]
    return max(candidates, key=lambda p: p.stat().st_mtime) if candidates else None
