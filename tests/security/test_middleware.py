"""The security middlewares on a tiny app: headers on every response, Secure cookies, login throttle."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI, Form, Response
from fastapi.testclient import TestClient

from chat.store.db import open_database
from chat.web.security import SecuritySettings
from chat.web.security.login_attempts import CURRENT_LOGIN, LoginAttempts
from chat.web.security.middleware import LoginThrottle, SecurityHeaders, content_security_policy, script_hashes


def build(tmp_path, *, secure: bool) -> TestClient:
    app = FastAPI()
    attempts = LoginAttempts(open_database(f"sqlite:///{tmp_path / 'db.sqlite'}"),
                             SecuritySettings(max_failed_logins=2, lockout_minutes=5))

    @app.post("/chat/login")
    async def login(response: Response, username: str = Form(...), password: str = Form(...)):
        # What chat/ui/chainlit_app.password_login does: count under the name this route received.
        request = CURRENT_LOGIN.get()
        address = request.address if request else None
        if attempts.locked_seconds(username, address):
            request.locked_seconds = attempts.locked_seconds(username, address)
            password = ""
        if password != "richtig":
            attempts.failed(username, address)
            response.status_code = 401
            return {"detail": "credentialssignin"}
        response.set_cookie("access_token", "t", httponly=True, samesite="lax")
        response.set_cookie("other", "x", httponly=True, samesite="lax")
        return {"success": True}

    @app.get("/seite")
    async def page():
        return Response("<html><script>const global = globalThis;</script></html>", media_type="text/html")

    app.add_middleware(LoginThrottle, attempts=lambda: attempts, login_path="/chat/login")
    app.add_middleware(SecurityHeaders, csp=lambda: content_security_policy(["'sha256-x'"]), secure_cookies=secure)
    return TestClient(app)


def test_headers_on_every_response_and_csp_names_no_outside_host(tmp_path):
    client = build(tmp_path, secure=False)
    for response in (client.get("/seite"), client.get("/gibt-es-nicht")):
        h = response.headers
        assert h["x-frame-options"] == "DENY" and h["referrer-policy"] == "no-referrer"
        assert h["x-content-type-options"] == "nosniff" and "camera=()" in h["permissions-policy"]
        csp = h["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert "http" not in csp and "*" not in csp and "unsafe-eval" not in csp
        assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_inline_script_hash_matches_the_browser_rule():
    # sha256 of "const global = globalThis;" as a browser computes it for CSP
    import base64
    import hashlib

    expected = base64.b64encode(hashlib.sha256(b"\n      const global = globalThis;\n    ").digest()).decode()
    assert script_hashes("<script>\n      const global = globalThis;\n    </script><script src='/a.js'></script>") \
        == [f"'sha256-{expected}'"]


@pytest.mark.parametrize("secure", [False, True])
def test_cookies_get_secure_flag_only_for_https(tmp_path, secure):
    client = build(tmp_path, secure=secure)
    response = client.post("/chat/login", data={"username": "a", "password": "richtig"})
    login, other = response.headers.get_list("set-cookie")
    # The login cookie is SameSite=strict; other cookies (Chainlit's OAuth state) keep what they were set with.
    assert "HttpOnly" in login and "SameSite=strict" in login and "SameSite=lax" not in login
    assert "SameSite=lax" in other
    assert ("Secure" in login) is secure and ("Secure" in other) is secure
    assert ("strict-transport-security" in response.headers) is secure


def test_throttle_refuses_in_german_and_alike_for_unknown_names(tmp_path):
    client = build(tmp_path, secure=False)
    bodies = []
    for name in ("fachkraft", "gibt-es-nicht"):
        for _ in range(2):
            assert client.post("/chat/login", data={"username": name, "password": "falsch"}).status_code == 401
        locked = client.post("/chat/login", data={"username": name, "password": "richtig"})
        assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0
        bodies.append(locked.json())
    assert bodies[0] == bodies[1]
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in bodies[0]["detail"]
    # multipart (as Chainlit's login page sends it) is understood too
    response = client.post("/chat/login", files={"username": (None, "fachkraft"), "password": (None, "richtig")})
    assert response.status_code == 429
    assert client.post("/chat/login", data={"username": "kollegin", "password": "richtig"}).status_code == 200
    assert json.dumps(bodies[0], ensure_ascii=False).count("fachkraft") == 0


@pytest.mark.parametrize("body, content_type", [
    (b"username=decoy&username=fachkraft&password=falsch", "application/x-www-form-urlencoded"),
    (b"username=fachkraft&password=falsch&password=falsch2", "application/x-www-form-urlencoded"),
    (b'--B\r\nContent-Disposition: form-data; name="username"\r\n\r\ndecoy\r\n'
     b'--B\r\nContent-Disposition: form-data; name="username"\r\n\r\nfachkraft\r\n'
     b'--B\r\nContent-Disposition: form-data; name="password"\r\n\r\nfalsch\r\n--B--\r\n',
     "multipart/form-data; boundary=B"),
])
def test_a_login_form_with_a_field_twice_is_refused(tmp_path, body, content_type):
    client = build(tmp_path, secure=False)
    response = client.post("/chat/login", content=body, headers={"content-type": content_type})
    assert response.status_code == 400 and "mehrfach" in response.json()["detail"]

