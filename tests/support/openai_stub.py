"""A real OpenAI-compatible HTTP server on 127.0.0.1 that records what it receives.

Stands in for an external provider (or vLLM / llama.cpp server) in tests: it serves
``/v1/chat/completions`` (streamed and not) and ``/v1/models``, keeps every request body, and answers by
echoing the placeholders it sees in the last user message, so tests can check both directions:
what left SafeGPT, and what SafeGPT showed back after restoring.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from dataclasses import dataclass, field

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from tests.support.ports import free_port

PLACEHOLDER = re.compile(r"\[[A-ZÄÖÜa-zäöü\-]+(?: [A-ZÄÖÜa-zäöü\-]+)? \d+\]")




def echo_reply(messages: list[dict]) -> str:
    user = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
    # SafeGPT quotes guideline excerpts before the question ("Frage: …"): answer about the person asked about.
    question = user.rsplit("\nFrage: ", 1)[-1]
    seen = list(dict.fromkeys(PLACEHOLDER.findall(question)))
    who = seen[0] if seen else "die Person"
    return f"Für {who} gilt laut Richtlinie: Bitte die Mietbescheinigung und Einkommensnachweise beifügen [1]."


@dataclass
class RecordingProvider:
    """Run with ``start()``; ``requests`` holds every JSON body received, in order."""

    name: str = "stub"
    # echo | hang | fail | die_mid_stream | garbage (200 with a body that is no completion) | parrot (repeats the
    # last user message verbatim, e.g. to bring HTML back into the page)
    mode: str = "echo"
    token_delay: float = 0.0
    # A fixed answer instead of the echo (e.g. a model that brings up a health term on its own).
    reply: str | None = None
    requests: list[dict] = field(default_factory=list)
    port: int = field(default_factory=free_port)

    def __post_init__(self) -> None:
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def received_text(self) -> str:
        """Everything the provider was sent, as one string (for leak checks)."""
        return json.dumps(self.requests, ensure_ascii=False)

    def _app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/v1/models")
        async def models():
            return {"object": "list", "data": [{"id": "stub-model", "object": "model", "owned_by": self.name}]}

        @app.post("/v1/chat/completions")
        async def completions(request: Request):
            body = await request.json()
            self.requests.append(body)
            if self.mode == "hang":
                await asyncio.sleep(3600)
            if self.mode == "fail":
                return JSONResponse({"error": {"message": "stub failure", "type": "server_error"}}, status_code=500)
            if self.mode == "garbage":
                junk = "<html>\x00\x7f{\"choices\": [garbage ÿþ</html>"
                if body.get("stream"):
                    async def noise():
                        yield "data: {not json at all\n\n"
                        yield "data: " + junk + "\n\n"
                    return StreamingResponse(noise(), media_type="text/event-stream")
                return Response(junk, media_type="text/html")
            if self.reply is not None:
                reply = self.reply
            elif self.mode == "parrot":
                reply = next((m["content"] for m in reversed(body.get("messages", [])) if m["role"] == "user"), "")
            else:
                reply = echo_reply(body.get("messages", []))
            created = int(time.time())
            if not body.get("stream"):
                return {
                    "id": "stub-1", "object": "chat.completion", "created": created, "model": body.get("model"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": reply}}],
                    "usage": {"prompt_tokens": 10, "completion_tokens": len(reply.split()), "total_tokens": 10},
                }

            async def events():
                words = re.findall(r"\S+\s*", reply)
                for i, word in enumerate(words):
                    if self.mode == "die_mid_stream" and i == len(words) // 2:
                        raise RuntimeError("provider died")
                    chunk = {"id": "stub-1", "object": "chat.completion.chunk", "created": created,
                             "model": body.get("model"),
                             "choices": [{"index": 0, "delta": {"content": word}, "finish_reason": None}]}
                    yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
                    if self.token_delay:
                        await asyncio.sleep(self.token_delay)
                last = {"id": "stub-1", "object": "chat.completion.chunk", "created": created,
                        "model": body.get("model"), "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                yield f"data: {json.dumps(last)}\n\n"
                yield "data: [DONE]\n\n"

            return StreamingResponse(events(), media_type="text/event-stream")

        return app

    def start(self) -> "RecordingProvider":
        config = uvicorn.Config(self._app(), host="127.0.0.1", port=self.port, log_level="error")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.time() + 10
        while not self._server.started:
            if time.time() > deadline:
                raise RuntimeError("stub provider did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(timeout=5)


if __name__ == "__main__":  # manual use: python -m tests.support.openai_stub
    p = RecordingProvider().start()
    print(p.api_base, flush=True)
    while True:
        time.sleep(3600)
