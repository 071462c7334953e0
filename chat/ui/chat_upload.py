"""The Chainlit side of files attached to a chat message: the guard in front of Chainlit's upload endpoint, its
upload settings, and reading the files of a Chainlit message (``chat/core/attachments.py`` does the reading).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from starlette.exceptions import HTTPException

from chat.core import upload_messages as texts
from chat.core.attachments import (
    WORK_DIR,
    Attachment,
    AttachmentRefused,
    IncomingFile,
    accept_map,
    compose_turn,
    discard,
    read_attachments,
)
from chat.ui import messages as chat_texts
from chat.web.security.body_limit import limited_receive

# Multipart framing around the file (boundaries, part headers, a long file name) on top of the file itself.
_MULTIPART_OVERHEAD = 64 * 1024


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

    Runs while Chainlit loads ``chat/ui/chainlit_app.py`` (before its app starts), so the middleware can be added.
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
