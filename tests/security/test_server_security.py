"""Security of a real ``safegpt serve``: lockout, session lifetime, CORS, headers, authorisation of every
admin/API route and of Chainlit file downloads; in the browser: the chat works under the CSP and
HTML/Markdown in messages stays inert."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import settings_dict
from tests.support.http_login import logged_in_client
from tests.support.openai_stub import RecordingProvider
from tests.support.server import REPO, start_server_with_users

PASSWORD = "sicheres-passwort-123"
SESSION_HOURS = 7.5
# Public on purpose: the API's own description (no data, no action).
PUBLIC_API = {"/v1/openapi.json"}
# The API's answer to unknown endpoints (an OpenAI-style 404 for everybody; it does nothing).
CATCH_ALL = "/v1/{path:path}"


@pytest.fixture(scope="module")
def stub():
    p = RecordingProvider().start()
    yield p
    p.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, stub):
    tmp = tmp_path_factory.mktemp("security")
    settings = settings_dict(tmp / "data", stub)
    settings["server"] = {"session_hours": SESSION_HOURS}
    settings["security"] = {"max_failed_logins": 3, "max_failed_logins_per_ip": 50, "lockout_minutes": 2}
    srv = start_server_with_users(settings, tmp, {"chefin": "admin", "fachkraft": "staff", "opfer": "staff"},
                                  PASSWORD)
    yield srv
    srv.stop()


def _jwt_claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_lockout_after_failed_logins_is_german_and_does_not_reveal_the_account(server):
    client = httpx.Client(base_url=server.base_url, timeout=30)
    answers = {}
    for name in ("opfer", "gibt-es-nicht"):
        for _ in range(3):
            assert client.post("/chat/login", data={"username": name, "password": "falsch-falsch"}).status_code == 401
        locked = client.post("/chat/login", data={"username": name, "password": PASSWORD})
        assert locked.status_code == 429
        answers[name] = locked.json()
    assert answers["opfer"] == answers["gibt-es-nicht"]
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in answers["opfer"]["detail"]
    # others are not affected
    logged_in_client(server.base_url, "fachkraft", PASSWORD).close()
    client.close()


def test_login_cookie_lives_session_hours_and_has_safe_flags(server):
    response = httpx.post(server.base_url + "/chat/login", data={"username": "fachkraft", "password": PASSWORD})
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    token = response.cookies.get("access_token")
    lifetime = _jwt_claims(token)["exp"] - time.time()
    assert abs(lifetime - SESSION_HOURS * 3600) < 120


@pytest.mark.parametrize("path", ["/chat/project/settings?language=de-DE", "/chat/user", "/admin/", "/v1/models",
                                  "/healthz"])
def test_cross_origin_requests_from_unlisted_origins_get_no_cors_permission(server, path):
    evil = {"Origin": "https://evil.example"}
    assert "access-control-allow-origin" not in httpx.get(server.base_url + path, headers=evil).headers
    preflight = httpx.options(server.base_url + path, headers={
        **evil, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert "access-control-allow-origin" not in preflight.headers
    if path.startswith("/chat"):  # positive control: the configured origin is allowed
        own = httpx.get(server.base_url + path, headers={"Origin": server.base_url})
        assert own.headers.get("access-control-allow-origin") == server.base_url


@pytest.mark.parametrize("path", ["/chat/", "/chat/login", "/admin/", "/v1/models", "/healthz", "/gibt-es-nicht"])
def test_security_headers_on_every_response(server, path):
    h = httpx.get(server.base_url + path).headers
    assert h["x-frame-options"] == "DENY" and h["referrer-policy"] == "no-referrer"
    assert h["x-content-type-options"] == "nosniff" and "permissions-policy" in h
    csp = h["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "http:" not in csp and "https:" not in csp and "*" not in csp


def _routes(server) -> list[tuple[str, str]]:
    """Every (method, path) of the built app under /admin and /v1, listed by a fresh process building it
    the way ``safegpt serve`` does (no debug endpoint needed)."""
    code = """
import json
from chat.settings import load_settings
from chat.wiring import SafeGPT
from chat.web.server import create_app

def walk(routes, prefix=""):
    for r in routes:
        if hasattr(r, "original_router"):  # FastAPI >= 0.160 keeps included routers as one lazy entry
            yield from walk(r.original_router.routes, prefix + r.include_context.prefix)
        for m in getattr(r, "methods", None) or []:
            yield m, prefix + r.path

api = create_app(SafeGPT(load_settings()))
print(json.dumps(sorted(set(walk(api.routes)))))
"""
    env = {**os.environ, "SAFEGPT_CONFIG": str(server.config)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO,
                         timeout=300, check=True).stdout
    routes = json.loads(out.strip().splitlines()[-1])
    return [(m, p) for m, p in routes if m != "HEAD" and (p.startswith("/admin") or p.startswith("/v1"))]


def test_every_admin_and_api_route_refuses_a_staff_session(server):
    routes = _routes(server)
    assert len([p for _, p in routes if p.startswith("/admin")]) >= 10, routes
    staff = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    anonymous = httpx.Client(base_url=server.base_url, timeout=30)
    allowed = []
    for method, path in routes:
        concrete = path.replace("{", "").replace("}", "")  # /admin/wissen/{doc_id} -> /admin/wissen/doc_id
        concrete = "/".join("1" if part.endswith("_id") or part == "id" else part for part in concrete.split("/"))
        for who, client in (("staff", staff), ("anonymous", anonymous)):
            if path in PUBLIC_API:
                continue
            response = client.request(method, concrete, data={"csrf": "x"} if method == "POST" else None)
            refused = (401, 403, 404) if path == CATCH_ALL else (401, 403)
            if response.status_code not in refused:
                allowed.append((who, method, path, response.status_code))
    assert allowed == [], allowed
    staff.close()
    anonymous.close()


def test_admin_forms_all_demand_the_csrf_token(server):
    """Every POST under /admin is refused for an admin without the form's CSRF token."""
    admin = logged_in_client(server.base_url, "chefin", PASSWORD)
    unprotected, not_found = [], []
    for method, path in _routes(server):
        if method != "POST" or not path.startswith("/admin"):
            continue
        concrete = "/".join("1" if p.startswith("{") else p for p in path.split("/"))
        form = {"csrf": "falsch", "action": "disable", "username": "niemand", "title": "t", "category": "c",
                "description": "d", "template": "t", "role": "staff"}
        response = admin.post(concrete, data=form)
        if response.status_code == 404:  # the object does not exist: looked up before the form is read
            not_found.append(path)
        elif response.status_code != 403 or "Formular ist abgelaufen" not in response.text:
            unprotected.append((path, response.status_code))
    assert unprotected == [], unprotected
    # only where the route first looks up the (here missing) document; its form check follows (receive())
    assert set(not_found) <= {"/admin/wissen/dokument/{doc_id}/ersetzen", "/admin/wissen/dokument/{doc_id}/loeschen"}
    admin.close()


@pytest.mark.browser
def test_chat_works_under_the_csp_and_html_in_messages_stays_inert(server, stub, page):
    from tests.browser.conftest import login, send

    dialogs, csp_errors, session_ids = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    # Chainlit's page announces its websocket session id in this request before connecting.
    page.on("request", lambda r: session_ids.append(json.loads(r.post_data)["session_id"])
            if r.url.endswith("/set-session-cookie") and r.post_data else None)
    stub.mode = "parrot"  # the model repeats the message, so the payload also comes back as an answer
    try:
        login(page, server.base_url, "chefin", PASSWORD)
        payload = ('<img src=x id=xss1 onerror="alert(1)"> <script>alert(2)</script> '
                   '[klick](javascript:alert(3)) <iframe id=xss2 src="javascript:alert(4)"></iframe> Ende1')
        send(page, payload)
        page.get_by_text("Ende1").nth(1).wait_for(timeout=120_000)  # the user's message and the answer
        page.wait_for_timeout(1500)
    finally:
        stub.mode = "echo"
    assert dialogs == []
    assert page.locator("#xss1").count() == 0 and page.locator("#xss2").count() == 0
    assert page.locator("img[src=x]").count() == 0 and page.locator("a[href^='javascript']").count() == 0
    assert page.request_log.hosts() <= {"127.0.0.1"}, page.request_log.hosts()
    assert csp_errors == [], csp_errors

    # The admin's chat session files cannot be fetched by another user, nor anonymously.
    assert session_ids, "no chat session seen"
    session_id = session_ids[-1]
    staff = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    for client in (staff, httpx.Client(base_url=server.base_url, timeout=30)):
        refused = client.get(f"/chat/project/file/beliebig?session_id={session_id}")
        assert refused.status_code in (401, 403), refused.status_code
        client.close()
