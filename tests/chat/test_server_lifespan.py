"""The server's background work lives in FastAPI's lifespan (chat/web/server.py), not in ``on_event`` hooks:
it starts with the server (warm-up builds the answering path) and is cancelled when the server stops."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import settings_dict
from tests.support.server import REPO, write_toml

CODE = """
import time
from fastapi.testclient import TestClient
from chat.settings import load_settings
from chat.wiring import SafeGPT
from chat.web.server import create_app

app = SafeGPT(load_settings())
api = create_app(app)
print("built", flush=True)
assert "pipeline" not in app.__dict__, "built before the server started"
with TestClient(api) as client:
    assert client.get("/healthz").json() == {"status": "ok"}
    deadline = time.monotonic() + 400
    while "pipeline" not in app.__dict__ and time.monotonic() < deadline:
        time.sleep(0.2)
    print("warmed", "pipeline" in app.__dict__, flush=True)
    print("admin reads the app from the request:", api.state.safegpt is app, flush=True)
print("stopped", flush=True)
"""


def test_lifespan_warms_up_on_start_and_stops_cleanly(tmp_path, provider) -> None:
    config = write_toml(tmp_path / "safegpt.toml", settings_dict(tmp_path / "data", provider))
    env = {**os.environ, "SAFEGPT_CONFIG": str(config), "CHAINLIT_AUTH_SECRET": "x" * 64}
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, cwd=tmp_path,
                         timeout=540)
    assert out.returncode == 0, out.stdout[-1000:] + out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert "warmed True" in lines
    assert "admin reads the app from the request: True" in lines
    assert lines[-1] == "stopped"  # the lifespan's tasks (history upkeep loops) were cancelled, nothing hangs
