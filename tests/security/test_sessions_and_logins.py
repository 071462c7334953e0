"""Sessions, logins and origins on a real ``safegpt serve`` (issue 16), by raw HTTP and socket.io as a browser
or an attacker would send them: renewal past the session lifetime, disabled accounts and changed passwords,
SSO/OAuth identities named like local accounts, a login form with a field twice, cross-site posts and
websockets, Chainlit's thread sharing, and writes into another user's chat."""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid
from datetime import datetime, timezone

import httpx
import jwt
import pytest
import socketio

from chat.ui import messages as ui_texts
from tests.conftest import settings_dict
from tests.support.chat_session import SOCKET_PATH, ChatSession
from tests.support.fake_oidc import FakeOidc
from tests.support.http_login import logged_in_client
from tests.support.openai_stub import RecordingProvider
from tests.support.server import run_cli, start_server_with_users

PASSWORD = "sicheres-passwort-123"
SESSION_HOURS = 7.5
ADMIN = "chefin@traeger.example"
EVIL = "https://boese.example"


@pytest.fixture(scope="module")
def provider():
    p = RecordingProvider().start()
    yield p
    p.stop()


@pytest.fixture(scope="module")
def idp():
    fake = FakeOidc().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, provider, idp):
    tmp = tmp_path_factory.mktemp("sessions")
    settings = settings_dict(tmp / "data", provider)
    settings["server"] = {"session_hours": SESSION_HOURS}
    settings["auth"] = {"header_enabled": True, "header_user": "X-Remote-User", "oauth_enabled": True}
    settings["security"] = {"max_failed_logins": 5, "max_failed_logins_per_ip": 200,
                            "max_failed_logins_per_account": 200}
    users = {ADMIN: "admin", "fachkraft": "staff", "gesperrt": "staff", "zweite": "staff", "dritte": "staff",
             "neues-passwort": "staff"}
    srv = start_server_with_users(settings, tmp, users, PASSWORD, env=idp.env())
    yield srv
    srv.stop()


def _claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def _secret(server) -> str:
    return (server.data_dir / "secrets" / "chainlit_auth_secret").read_text().strip()


def _threads(client: httpx.Client) -> httpx.Response:
    return client.post("/chat/project/threads", json={"pagination": {"first": 20}, "filter": {}})


async def _connect(server, cookie: str, headers: dict | None = None) -> socketio.AsyncClient:
    sio = socketio.AsyncClient(reconnection=False)
    await sio.connect(server.base_url, socketio_path=SOCKET_PATH, transports=["websocket"],
                      headers={"Cookie": cookie, **(headers or {})}, wait_timeout=30,
                      auth={"clientType": "webapp", "sessionId": str(uuid.uuid4()), "threadId": None,
                            "userEnv": "{}", "chatProfile": None})
    return sio


# -- sessions ---------------------------------------------------------------------------------------------

def test_renewal_keeps_the_time_of_the_real_login(server):
    client = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    token = client.cookies["access_token"]
    time.sleep(1.1)
    renewed = httpx.post(server.base_url + "/chat/auth/jwt", headers={"Authorization": f"Bearer {token}"})
    assert renewed.status_code == 200
    fresh = renewed.cookies["access_token"]
    assert _claims(fresh)["exp"] > _claims(token)["exp"]  # Chainlit renews the expiry …
    assert _claims(fresh)["metadata"]["auth_time"] == _claims(token)["metadata"]["auth_time"]  # … not the login
    client.close()


def test_a_token_renewed_past_the_session_lifetime_is_refused(server):
    """What renewing every few hours produces: a fresh expiry on a login older than the session lifetime."""
    client = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    claims = _claims(client.cookies["access_token"])
    now = int(time.time())
    claims.update(iat=now, exp=now + 3600)
    claims["metadata"]["auth_time"] = now - int(SESSION_HOURS * 3600) - 60
    old_login = jwt.encode(claims, _secret(server), algorithm="HS256")
    assert httpx.post(server.base_url + "/chat/auth/jwt",
                      headers={"Authorization": f"Bearer {old_login}"}).status_code == 401
    stale = httpx.Client(base_url=server.base_url, cookies={"access_token": old_login})
    answer = stale.get("/chat/user")
    assert answer.status_code == 401
    assert 'access_token=""' in answer.headers.get("set-cookie", "") or "access_token=;" in \
        answer.headers.get("set-cookie", "")  # the browser is told to drop it
    # The same claims with the real login time still work: only the login's age made the difference.
    claims["metadata"]["auth_time"] = now - 60
    assert httpx.get(server.base_url + "/chat/user", cookies={
        "access_token": jwt.encode(claims, _secret(server), algorithm="HS256")}).status_code == 200
    client.close()


async def test_disabling_an_account_ends_its_http_websocket_and_open_chat(server, provider):
    session = await ChatSession(server.base_url, "gesperrt", PASSWORD).open()
    cookie = "; ".join(f"{k}={v}" for k, v in session.http.cookies.items())
    assert (await asyncio.to_thread(_threads, session.http)).status_code == 200
    await asyncio.to_thread(run_cli, server.config, "user", "disable", "gesperrt")

    assert (await asyncio.to_thread(_threads, session.http)).status_code == 401
    assert (await asyncio.to_thread(session.http.get, "/chat/user")).status_code == 401
    with pytest.raises(socketio.exceptions.ConnectionError):
        await _connect(server, cookie)
    # The websocket opened before: the next message is not answered, the chat says why and closes.
    sent_before = len(provider.requests)
    step = {"id": str(uuid.uuid4()), "threadId": "", "name": "gesperrt", "type": "user_message",
            "output": "Noch eine Frage zu Frau Demir", "createdAt": datetime.now(timezone.utc).isoformat()}
    await session.sio.emit("client_message", {"message": step, "fileReferences": []})
    deadline = time.monotonic() + 30
    while not any(ui_texts.SESSION_ENDED in o for o in session.outputs.values()):
        assert time.monotonic() < deadline, f"no session-ended notice: {list(session.outputs.values())}"
        await asyncio.sleep(0.2)
    await asyncio.sleep(1)
    assert len(provider.requests) == sent_before
    assert not session.sio.connected
    session.http.close()


def test_a_changed_password_ends_every_session_of_the_account(server):
    first = logged_in_client(server.base_url, "neues-passwort", PASSWORD)
    second = logged_in_client(server.base_url, "neues-passwort", PASSWORD)
    token = first.cookies["access_token"]
    run_cli(server.config, "user", "passwd", "neues-passwort", "--password-stdin", input="ganz-neues-passwort-1\n")
    for client in (first, second):
        assert client.get("/chat/user").status_code == 401
    assert httpx.post(server.base_url + "/chat/auth/jwt",
                      headers={"Authorization": f"Bearer {token}"}).status_code == 401
    logged_in_client(server.base_url, "neues-passwort", "ganz-neues-passwort-1").close()


# -- identities from SSO and OAuth ------------------------------------------------------------------------

def _oauth_login(server, idp, code: str, claims: dict) -> httpx.Response:
    idp.users[code] = claims
    state = uuid.uuid4().hex
    return httpx.get(server.base_url + "/chat/auth/oauth/keycloak/callback", params={"code": code, "state": state},
                     cookies={"oauth_state": state})


def test_an_oauth_identity_named_like_the_local_admin_does_not_become_the_admin(server, idp):
    answer = _oauth_login(server, idp, "angreifer", {"sub": "idp-angreifer", "email": ADMIN})
    assert answer.status_code in (302, 303) and "error=oauthSignin" in answer.headers["location"]
    assert "access_token" not in answer.cookies
    assert "users\tadmin" not in run_cli(server.config, "user", "list").stdout


def test_oauth_identities_map_by_issuer_and_subject(server, idp):
    first = _oauth_login(server, idp, "neu-1", {"sub": "idp-4711", "email": "neu.kollegin@traeger.example"})
    assert "access_token" in first.cookies
    assert _claims(first.cookies["access_token"])["metadata"]["role"] == "staff"
    # Same subject with a new e-mail address (married, moved team): the same account.
    renamed = _oauth_login(server, idp, "neu-2", {"sub": "idp-4711", "email": "kollegin.neu@traeger.example"})
    assert _claims(renamed.cookies["access_token"])["identifier"] == "neu.kollegin@traeger.example"
    # Another subject with that account's name: refused, not merged.
    other = _oauth_login(server, idp, "neu-3", {"sub": "idp-0815", "email": "neu.kollegin@traeger.example"})
    assert "access_token" not in other.cookies


@pytest.mark.parametrize("name", [ADMIN, "fachkraft"])
def test_a_header_identity_named_like_a_local_account_is_refused(server, name):
    answer = httpx.post(server.base_url + "/chat/auth/header", headers={"X-Remote-User": name})
    assert answer.status_code == 401 and "access_token" not in answer.cookies


# -- the login form -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["urlencoded", "multipart"])
def test_a_decoy_username_field_does_not_get_around_the_throttle(server, kind):
    victim = f"dritte-{kind}"  # a name per case: the throttle counts names whether or not they exist
    if kind == "urlencoded":
        body = f"username=decoy-{uuid.uuid4().hex[:6]}&username={victim}&password=falsch-falsch".encode()
        content_type = "application/x-www-form-urlencoded"
    else:
        body = (f'--XyZ\r\nContent-Disposition: form-data; name="username"\r\n\r\ndecoy\r\n'
                f'--XyZ\r\nContent-Disposition: form-data; name="username"\r\n\r\n{victim}\r\n'
                f'--XyZ\r\nContent-Disposition: form-data; name="password"\r\n\r\nfalsch-falsch\r\n--XyZ--\r\n'
                ).encode()
        content_type = "multipart/form-data; boundary=XyZ"
    with httpx.Client(base_url=server.base_url) as client:
        for _ in range(7):
            decoy = client.post("/chat/login", content=body, headers={"content-type": content_type})
            assert decoy.status_code == 400, "a form with the name twice reached the password check"
        plain = [client.post("/chat/login", data={"username": victim, "password": "falsch-falsch"}).status_code
                 for _ in range(6)]
    assert plain == [401] * 5 + [429]


# -- requests from other sites ------------------------------------------------------------------------------

@pytest.mark.parametrize("headers", [{"Origin": EVIL}, {"Referer": EVIL + "/seite"}, {"Origin": "null"}])
def test_the_login_refuses_posts_from_foreign_pages(server, headers):
    answer = httpx.post(server.base_url + "/chat/login", data={"username": "fachkraft", "password": PASSWORD},
                        headers=headers)
    assert answer.status_code == 403 and "access_token" not in answer.cookies
    assert "fremden Seite" in answer.json()["detail"]
    sso = httpx.post(server.base_url + "/chat/auth/header", headers={**headers, "X-Remote-User": "neu.per.header"})
    assert sso.status_code == 403


def test_the_login_accepts_its_own_page(server):
    answer = httpx.post(server.base_url + "/chat/login", data={"username": "fachkraft", "password": PASSWORD},
                        headers={"Origin": server.base_url, "Referer": server.base_url + "/chat/login"})
    assert answer.status_code == 200


async def test_the_websocket_refuses_foreign_pages(server):
    client = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    polling = await asyncio.to_thread(client.get, "/chat/ws/socket.io/", params={"EIO": "4", "transport": "polling"},
                                      headers={"Origin": EVIL})
    assert polling.status_code == 403
    with pytest.raises(socketio.exceptions.ConnectionError):
        await _connect(server, cookie, {"Origin": EVIL})
    own = await _connect(server, cookie, {"Origin": server.base_url})
    await own.disconnect()
    client.close()


# -- what reaches another person -----------------------------------------------------------------------------

async def test_thread_sharing_answers_404_as_on_the_pinned_chainlit(server):
    session = await ChatSession(server.base_url, "fachkraft", PASSWORD).open()
    try:
        await session.ask("Was gilt für Dienstreisen?")
        thread_id = (await asyncio.to_thread(_threads, session.http)).json()["data"][0]["id"]
        shared = await asyncio.to_thread(session.http.put, "/chat/project/thread/share",
                                         json={"threadId": thread_id, "isShared": True})
        assert shared.status_code == 404
    finally:
        await session.close()
    other = logged_in_client(server.base_url, "zweite", PASSWORD)
    assert other.get(f"/chat/project/share/{thread_id}").status_code == 404
    other.close()


async def test_a_step_id_from_another_users_chat_does_not_overwrite_it(server):
    step_id = str(uuid.uuid4())
    owner = await ChatSession(server.base_url, "fachkraft", PASSWORD).open()
    try:
        await owner.ask("Frage der Fachkraft zum Umzug", step_id=step_id)
    finally:
        await owner.close()
    intruder = await ChatSession(server.base_url, "zweite", PASSWORD).open()
    try:
        await intruder.ask("Überschrieben von zweite", step_id=step_id)
    finally:
        await intruder.close()
    owner_client = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    from tests.support.chat_session import history_texts

    history = history_texts(owner_client)
    owner_client.close()
    assert "Frage der Fachkraft zum Umzug" in history
    assert "Überschrieben von zweite" not in history
