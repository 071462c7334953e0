"""Files attached to a chat message: limited, checked, read into the user turn, and deleted at once.

The flow for one message with attachments:

1. Chainlit's upload endpoint (``POST …/project/file``) stores each file under
   ``data_dir/chainlit/.files/<session>/<uuid>``. :class:`UploadSizeLimit` sits in front of it and refuses a
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
import math
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from starlette.exceptions import HTTPException

from chat import messages as chat_texts
from chat import upload_messages as texts
from chat.kb_ingest import UploadError, safe_file_name
from chat.security.body_limit import limited_receive
from knowledge import SUPPORTED_SUFFIXES
from knowledge.errors import KnowledgeError
from knowledge.parsers import parse_file

log = logging.getLogger(__name__)

WORK_DIR = "chat_uploads"
# Multipart framing around the file (boundaries, part headers, a long file name) on top of the file itself.
_MULTIPART_OVERHEAD = 64 * 1024

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


# --- the upload endpoint -------------------------------------------------------------------------------------
class UploadSizeLimit:
    """ASGI middleware in front of Chainlit's ``POST …/project/file``: refuses bodies above the limit with 413.

    A declared ``Content-Length`` above the limit is refused before the body is read; a body without one is
    counted while Starlette parses it and stopped once it passes the limit (nothing is kept).
    """

    def __init__(self, app, max_bytes: int, limit_mb: float) -> None:
        self.app = app
        self.max_body = max_bytes + _MULTIPART_OVERHEAD
        self.message = texts.FILE_TOO_LARGE_HTTP.format(limit=f"{limit_mb:g}".replace(".", ","))

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].rstrip("/").endswith(
                "/project/file"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await self._refuse(send)
            return
        # FastAPI passes an HTTPException from body parsing through as the response.
        too_large = lambda: HTTPException(status_code=413, detail=self.message)  # noqa: E731
        await self.app(scope, limited_receive(receive, self.max_body, too_large), send)

    async def _refuse(self, send) -> None:
        import json

        body = json.dumps({"detail": self.message}, ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def configure_chainlit_uploads(chat_settings) -> None:
    """Switch Chainlit's file upload on with our types and limits, and guard its endpoint on the server.

    Runs while Chainlit loads ``chat/chainlit_app.py`` (before its app starts), so the middleware can be added.
    """
    from chainlit.config import SpontaneousFileUploadFeature, config
    from chainlit.server import app as chainlit_server

    enabled = chat_settings.max_upload_files > 0
    config.features.spontaneous_file_upload = SpontaneousFileUploadFeature(
        enabled=enabled, accept=accept_map(), max_files=max(chat_settings.max_upload_files, 1),
        max_size_mb=max(1, math.ceil(chat_settings.max_upload_mb)))
    if not any(m.cls is UploadSizeLimit for m in chainlit_server.user_middleware):
        chainlit_server.add_middleware(UploadSizeLimit, max_bytes=chat_settings.max_upload_bytes,
                                       limit_mb=chat_settings.max_upload_mb)


# --- Chainlit glue -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AttachedTurn:
    text: str                            # what goes into the pipeline
    attachments: tuple[Attachment, ...]  # empty: a plain message


async def take_attachments(message, chat_settings, data_dir: Path) -> AttachedTurn | None:
    """Read and delete the files attached to a Chainlit ``message``. None: refused, the user saw why."""
    import asyncio

    import chainlit as cl

    session = cl.context.session
    files_dir = Path(session.files_dir).resolve()
    elements = [e for e in (message.elements or []) if getattr(e, "path", None)]
    # Only files Chainlit stored for this session; anything else is not ours to read or delete.
    elements = [e for e in elements if Path(e.path).resolve().is_relative_to(files_dir)]
    if not elements:
        return AttachedTurn(text=message.content, attachments=())
    incoming = [IncomingFile(name=e.name, path=Path(e.path)) for e in elements]
    try:
        if getattr(message, "command", None) or message.content.lstrip().startswith("/"):
            # "/schützen X" or a library command with a file would otherwise go to the model as plain text.
            discard(incoming)
            raise AttachmentRefused(texts.COMMAND_WITH_FILE)
        attachments = await asyncio.to_thread(
            read_attachments, incoming, max_files=chat_settings.max_upload_files,
            max_bytes=chat_settings.max_upload_bytes, work_dir=Path(data_dir) / WORK_DIR)
        text = compose_turn(message.content, attachments, chat_settings.max_message_chars)
    except AttachmentRefused as exc:
        await cl.Message(content=chat_texts.ERROR_PREFIX + str(exc), author="SafeGPT").send()
        return None
    finally:
        for element in elements:  # the file is gone; a download link must answer 404, not fail
            session.files.pop(getattr(element, "chainlit_key", None) or element.id, None)
    return AttachedTurn(text=text, attachments=tuple(attachments))
