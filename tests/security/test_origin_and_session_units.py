"""Units behind the route tests: origin parsing and the session check's rules (clock controlled)."""

from __future__ import annotations

import time

import jwt
import pytest

from chat.store.accounts import Accounts, Role
from chat.store.db import open_database
from chat.web.security.origin_check import OriginCheck, origin_of
from chat.web.security.sessions import SessionCheck, login_metadata


@pytest.mark.parametrize("url, origin", [
    ("https://Chat.Traeger.Example/chat/login", "https://chat.traeger.example"),
    ("https://chat.traeger.example:443/x", "https://chat.traeger.example"),
    ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ("wss://chat.traeger.example/chat/ws/", "https://chat.traeger.example"),
    ("http://[::1]:8080/", "http://[::1]:8080"),
    ("null", None), ("file:///etc/passwd", None), ("javascript:alert(1)", None), ("http://:99", None),
    ("https://chat.traeger.example:99999", None),
])
def test_origin_of(url, origin):
    assert origin_of(url) == origin


def _scope(method: str, path: str, **headers) -> dict:
    return {"type": "http", "method": method, "path": path, "scheme": "http",
            "headers": [(k.lower().replace("_", "-").encode(), v.encode()) for k, v in headers.items()]}


@pytest.mark.parametrize("scope, allowed", [
    (_scope("POST", "/chat/login", host="chat.intern:8000", origin="http://chat.intern:8000"), True),
    (_scope("POST", "/chat/login", host="chat.intern:8000", origin="http://chat.intern:8001"), False),
    (_scope("POST", "/chat/login", host="chat.intern:8000", origin="https://chat.intern:8000"), False),
    (_scope("POST", "/chat/login", host="x", origin="https://chat.traeger.example"), True),  # public_url
    (_scope("POST", "/chat/login", host="x", referer="https://chat.traeger.example.evil.example/"), False),
    (_scope("POST", "/chat/login", host="x"), True),  # no browser page: nothing to forge
    (_scope("GET", "/chat/ws/socket.io/", host="x", origin="https://boese.example"), False),
    (_scope("GET", "/chat/project/settings", host="x", origin="https://boese.example"), True),  # reads: CORS
    (_scope("POST", "/v1/chat/completions", host="x", origin="https://boese.example"), True),  # not the chat
])
def test_origin_check_decisions(scope, allowed):
    check = OriginCheck(None, "/chat", "/chat/ws/", ["https://chat.traeger.example"])
    assert (not check._guarded(scope) or check.allows(scope)) is allowed


class Clock:
    now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sessions(tmp_path):
    accounts = Accounts(open_database(f"sqlite:///{tmp_path / 'db.sqlite'}"))
    accounts.add("fachkraft", "ein-langes-passwort", Role.STAFF)
    clock = Clock()
    return accounts, SessionCheck(accounts, "geheim" * 8, 3600, clock), clock


def _token(accounts, clock, **changes) -> str:
    claims = {"identifier": "fachkraft", "metadata": login_metadata(accounts.get("fachkraft"), "password", clock.now),
              "exp": int(time.time()) + 3600}
    claims["metadata"].update(changes)
    return jwt.encode(claims, "geheim" * 8, algorithm="HS256")


def test_a_session_ends_with_lifetime_version_role_and_account(sessions):
    accounts, check, clock = sessions
    token = _token(accounts, clock)
    assert check.account_for_token(token).username == "fachkraft"
    clock.now += 3601
    assert check.account_for_token(token) is None  # older than the session lifetime
    clock.now -= 3601
    assert check.account_for_token(_token(accounts, clock, role="admin")) is None  # role not the account's
    assert check.account_for_token(_token(accounts, clock, auth_time=clock.now + 3600)) is None  # from the future
    assert check.account_for_token(_token(accounts, clock, token_version=None)) is None  # before this check
    accounts.set_role("fachkraft", Role.ANALYST)
    assert check.account_for_token(token) is None
    fresh = _token(accounts, clock)
    accounts.end_sessions("fachkraft")
    assert check.account_for_token(fresh) is None
    again = _token(accounts, clock)
    accounts.disable("fachkraft")
    assert check.account_for_token(again) is None
    assert check.account_for_token("kein.jwt.token") is None
    assert check.account_for_token(jwt.encode({"identifier": "fachkraft", "metadata": {}}, "anderer-schluessel" * 3,
                                              algorithm="HS256")) is None


class _DatabaseDown:
    """Accounts whose database cannot be reached (PostgreSQL stopped, SQLite locked past its busy timeout)."""

    def get(self, username):
        from sqlalchemy.exc import OperationalError

        raise OperationalError("SELECT …", {}, Exception("database is locked"))


def _guard_run(check, cookie_token: str, scope_type: str = "websocket") -> dict | None:
    import asyncio

    from chat.web.security.session_guard import SessionGuard

    seen = {}

    async def inner(scope, receive, send):
        seen["cookie"] = dict(scope["headers"]).get(b"cookie", b"").decode()

    guard = SessionGuard(inner, lambda: check, bearer_prefixes=("/v1",))
    scope = {"type": scope_type, "path": "/chat/ws/socket.io/", "headers": [(b"cookie", f"access_token={cookie_token}".encode())]}
    asyncio.run(guard(scope, None, None))
    return seen or None


def test_the_session_guard_lets_a_signed_login_through_while_the_database_is_unavailable(sessions):
    """The websocket handshake of a fresh login must not fail when the account cannot be read for a moment
    (seen as a chat without its welcome message in the loaded full run); the chat's own check does the same."""
    accounts, check, clock = sessions
    token = _token(accounts, clock)
    assert "access_token=" in _guard_run(check, token)["cookie"]  # valid: passes with the login
    accounts.disable("fachkraft")
    assert "access_token" not in _guard_run(check, token)["cookie"]  # ended: the login is taken out
    down = SessionCheck(_DatabaseDown(), "geheim" * 8, 3600, clock)
    assert "access_token=" in _guard_run(down, _token(accounts, clock))["cookie"]
    assert "access_token=" in _guard_run(down, _token(accounts, clock), "http")["cookie"]


def test_the_session_guard_does_not_hide_other_errors(sessions):
    accounts, _, clock = sessions

    class Broken:
        def get(self, username):
            raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        _guard_run(SessionCheck(Broken(), "geheim" * 8, 3600, clock), _token(accounts, clock))
