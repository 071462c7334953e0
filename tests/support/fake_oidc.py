"""A Keycloak-shaped OpenID Connect provider on 127.0.0.1 for login tests (token and userinfo endpoints).

The authorisation step (a person typing a password at the provider) is skipped: a test chooses the "code",
and the code names which of the provider's users logs in. Its users are whatever the test says — also one
whose e-mail equals a local SafeGPT account's name, which is the point.
"""

from __future__ import annotations

import threading
import time

import uvicorn
from fastapi import FastAPI, Form, Request
from fastapi.responses import JSONResponse

from tests.support.ports import free_port

REALM = "traeger"


class FakeOidc:
    def __init__(self) -> None:
        self.port = free_port()
        self.users: dict[str, dict] = {}  # code (= access token) -> userinfo claims
        self._server: uvicorn.Server | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        """Chainlit's Keycloak provider pointed at this server."""
        return {"OAUTH_KEYCLOAK_CLIENT_ID": "safegpt", "OAUTH_KEYCLOAK_CLIENT_SECRET": "test-secret",
                "OAUTH_KEYCLOAK_REALM": REALM, "OAUTH_KEYCLOAK_BASE_URL": self.base_url}

    def _app(self) -> FastAPI:
        app = FastAPI()
        prefix = f"/realms/{REALM}/protocol/openid-connect"

        @app.post(prefix + "/token")
        async def token(code: str = Form(...)):
            if code not in self.users:
                return JSONResponse({"error": "invalid_grant"}, status_code=400)
            return {"access_token": code, "token_type": "Bearer", "expires_in": 300}

        @app.get(prefix + "/userinfo")
        async def userinfo(request: Request):
            code = request.headers.get("authorization", "").removeprefix("Bearer ")
            if code not in self.users:
                return JSONResponse({"error": "invalid_token"}, status_code=401)
            return self.users[code]

        return app

    def start(self) -> "FakeOidc":
        self._server = uvicorn.Server(uvicorn.Config(self._app(), host="127.0.0.1", port=self.port,
                                                     log_level="error"))
        thread = threading.Thread(target=self._server.run, daemon=True)
        thread.start()
        deadline = time.time() + 10
        while not self._server.started:
            if time.time() > deadline:
                raise RuntimeError("fake OIDC provider did not start")
            time.sleep(0.02)
        self._thread = thread
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(timeout=5)
