"""Files attached to a chat message: limited, checked, read into the user turn, and deleted at once.

The Chainlit side (upload endpoint guard, reading a Chainlit message) is in ``chat/ui/chat_upload.py``.

The flow for one message with attachments:

1. Chainlit's upload endpoint (``POST …/project/file``) stores each file under
   ``data_dir/chainlit/.files/<session>/<uuid>``. ``chat.ui.chat_upload.UploadSizeLimit`` sits in front of it and refuses a
   file above ``[chat] max_upload_mb`` from its declared size (413, German) before a byte is read, or as soon
   as a body without declared size grows past the limit — the browser's own check is only a convenience.
2. When the message arrives, :func:`read_attachments` checks the count, each file's size, its name (reduced
   to a harmless base name) and type, moves it into a private folder and reads its text with the knowledge
   base's parsers (content must match the suffix; zip bombs, damaged and password-protected files are
   refused with a German message). Every file is deleted before it returns, read or refused.
3. :func:`compose_turn` puts the typed question and the file texts into one user turn, which then goes
   through the pipeline like any message: pseudonymised, data class computed (incl. Art. 9), routed.

Nothing here logs file content or file names.
"""

from __future__ import annotations

import errno
import logging
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from chat.core import upload_messages as texts
from knowledge.curation import UploadError, safe_file_name
from knowledge.errors import KnowledgeError
from knowledge.parsers import SUPPORTED_SUFFIXES, parse_file

log = logging.getLogger(__name__)

WORK_DIR = "chat_uploads"

# MIME types browsers send for the supported suffixes; Chainlit checks the pair on upload. Unknown types
# arrive as application/octet-stream and are then accepted by suffix only — the content check decides.
_MIME_BY_SUFFIX = {
    ".pdf": ["application/pdf"],
    ".docx": ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ".txt": ["text/plain"], ".text": ["text/plain"],
    ".md": ["text/markdown", "text/x-markdown", "text/plain"], ".markdown": ["text/markdown", "text/x-markdown"],
    ".html": ["text/html"], ".htm": ["text/html"],
}


def supported_suffixes() -> tuple[str, ...]:
    """The file types the knowledge parsers read."""
    return SUPPORTED_SUFFIXES


def accept_map() -> dict[str, list[str]]:
    """Chainlit's ``accept`` setting: MIME type -> allowed suffixes, for the suffixes the parsers read."""
    accept: dict[str, list[str]] = {}
    for suffix in supported_suffixes():
        for mime in _MIME_BY_SUFFIX.get(suffix, []) + ["application/octet-stream"]:
            accept.setdefault(mime, []).append(suffix)
    return accept


# --- reading attachments (no Chainlit; tests call these directly) --------------------------------------------
class AttachmentRefused(Exception):
    """An attachment cannot be used; ``str()`` is German text for the user. All files were deleted."""


@dataclass(frozen=True)
class IncomingFile:
    name: str | None   # as the browser sent it: never used as a path
    path: Path         # where Chainlit stored it


@dataclass(frozen=True)
class Attachment:
    name: str                               # the sanitised file name, shown to the user
    text: str = field(repr=False)           # extracted text (client data: never logged)

    @property
    def chars(self) -> int:
        return len(self.text)


def read_attachments(files: list[IncomingFile], *, max_files: int, max_bytes: int, work_dir: Path) -> list[Attachment]:
    """Check and read ``files``; raise :class:`AttachmentRefused` for the first that cannot be used.

    Whatever happens, every file in ``files`` is gone from disk when this returns.
    """
    folder: Path | None = None
    try:
        if max_files <= 0:
            raise AttachmentRefused(texts.UPLOADS_OFF)
        if len(files) > max_files:
            raise AttachmentRefused(texts.TOO_MANY_FILES.format(count=len(files), limit=max_files))
        folder = Path(work_dir) / secrets.token_hex(16)
        folder.mkdir(parents=True, mode=0o700)
        return [_read_one(incoming, folder, max_bytes) for incoming in files]
    finally:
        discard(files)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _read_one(incoming: IncomingFile, folder: Path, max_bytes: int) -> Attachment:
    allowed = supported_suffixes()
    try:
        name = safe_file_name(incoming.name, allowed)
    except UploadError:
        shown = display_name(incoming.name)
        suffix = "." + shown.rpartition(".")[2].lower() if "." in shown else texts.NO_SUFFIX
        raise AttachmentRefused(texts.FILE_UNSUPPORTED.format(name=shown, suffix=suffix[:20],
                                                              allowed=", ".join(allowed))) from None
    try:
        size = incoming.path.stat().st_size
    except OSError:
        raise AttachmentRefused(texts.FILE_GONE) from None
    if size > max_bytes:
        raise AttachmentRefused(texts.FILE_TOO_LARGE.format(name=name, size=_mb(size), limit=_mb(max_bytes)))
    # Parsed under its sanitised name (messages name the file the user knows), in a folder only we use.
    target = folder / name
    try:
        shutil.move(str(incoming.path), target)
        parsed = parse_file(target)
    except KnowledgeError as exc:
        raise AttachmentRefused(texts.FILE_REFUSED.format(error=exc)) from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise AttachmentRefused(texts.STORAGE_FULL) from None
        log.warning("chat attachment could not be read: %s", type(exc).__name__)
        raise AttachmentRefused(texts.FILE_GONE) from None
    text = "\n\n".join(block.text for block in parsed.blocks if block.text.strip())
    return Attachment(name=name, text=text)


def compose_turn(typed: str, attachments: list[Attachment], limit: int) -> str:
    """The user turn the pipeline receives: the typed question (or a default one) and each file's text.

    Raises :class:`AttachmentRefused` when the whole turn exceeds ``limit`` characters."""
    question = typed.strip() or texts.DEFAULT_QUESTION
    parts = [question]
    for attachment in attachments:
        parts += ["", texts.FILE_BEGIN.format(name=attachment.name), attachment.text,
                  texts.FILE_END.format(name=attachment.name)]
    turn = "\n".join(parts)
    if len(turn) > limit:
        raise AttachmentRefused(texts.TOO_LONG.format(length=len(turn), limit=limit))
    return turn


def attachment_summary(attachments: list[Attachment]) -> str:
    """Markdown for the user: what was attached and read (the file names are the user's own)."""
    lines = [texts.ATTACHED_LINE.format(name=a.name, chars=f"{a.chars:,}".replace(",", ".")) for a in attachments]
    return "\n".join(lines + ["", texts.ATTACHED_DELETED])


def display_name(client_name: str | None) -> str:
    """The client's file name made safe to show: base name only, no control characters, at most 80 characters."""
    raw = (client_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    shown = "".join(ch for ch in raw if ch.isprintable())
    return (shown[:60] + "…" + shown[-19:]) if len(shown) > 80 else (shown or "?")


def discard(files: list[IncomingFile]) -> None:
    """Delete the stored files without reading them."""
    for incoming in files:
        _delete(incoming.path)


def _delete(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("chat attachment could not be deleted: %s", type(exc).__name__)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")
