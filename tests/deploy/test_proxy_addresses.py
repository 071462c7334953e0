"""Login throttling behind the shipped nginx snippet (issue 16): SafeGPT believes X-Forwarded-For only from the
configured proxy, so one person's failed logins never lock out colleagues, and someone guessing a colleague's
password from elsewhere makes only themselves wait.

Clients use different loopback addresses (127.0.0.2, 127.0.0.3 …) as different machines; nginx connects to
SafeGPT from 127.0.0.5 (``proxy_bind``) — a proxy that is not on SafeGPT's own address, as in compose or
Kubernetes.
"""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import settings_dict
from tests.support.openai_stub import RecordingProvider
from tests.support.server import start_server_with_users
from tests.support.topology import start_nginx, stop_process

pytestmark = pytest.mark.slow
PASSWORD = "sicheres-passwort-123"
PROXY = "127.0.0.5"


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    provider = RecordingProvider().start()
    tmp = tmp_path_factory.mktemp("proxies")
    settings = settings_dict(tmp / "data", provider)
    settings["security"] = {"trusted_proxies": [PROXY], "max_failed_logins": 3, "max_failed_logins_per_ip": 4,
                            "max_failed_logins_per_account": 50}
    server = start_server_with_users(settings, tmp, {"fachkraft": "staff", "kollegin": "staff"}, PASSWORD)
    nginx = start_nginx(tmp / "nginx", [int(server.base_url.rsplit(":", 1)[1])], proxy_bind=PROXY)
    yield server, f"http://127.0.0.1:{nginx.port}"
    stop_process(nginx.process)
    server.stop()
    provider.stop()


def client_at(address: str, base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, timeout=30, transport=httpx.HTTPTransport(local_address=address))


def login(client: httpx.Client, name: str, password: str, **headers) -> int:
    return client.post("/chat/login", data={"username": name, "password": password}, headers=headers).status_code


def test_someone_spraying_passwords_behind_the_proxy_does_not_lock_out_the_office(setup):
    _, via_nginx = setup
    with client_at("127.0.0.2", via_nginx) as attacker, client_at("127.0.0.3", via_nginx) as staff:
        assert [login(attacker, f"name-{i}", "falsch-falsch") for i in range(4)] == [401] * 4
        assert login(attacker, "name-5", "falsch-falsch") == 429
        # A forged X-Forwarded-For does not make the attacker someone else: nginx appends the real address.
        assert login(attacker, "name-6", "falsch-falsch", **{"X-Forwarded-For": "127.0.0.77"}) == 429
        assert login(staff, "kollegin", PASSWORD) == 200


def test_guessing_a_colleagues_password_makes_only_the_guesser_wait(setup):
    _, via_nginx = setup
    with client_at("127.0.0.6", via_nginx) as attacker, client_at("127.0.0.7", via_nginx) as staff:
        assert [login(attacker, "fachkraft", "falsch-falsch") for _ in range(3)] == [401] * 3
        assert login(attacker, "fachkraft", PASSWORD) == 429  # waits, even with the right password
        assert login(staff, "fachkraft", PASSWORD) == 200     # the colleague at her desk is not locked out


def test_forwarded_addresses_from_anyone_else_are_ignored(setup):
    """Straight to SafeGPT (not through the proxy), even from its own host — the address uvicorn believes by
    default: X-Forwarded-For is the client's own claim and not believed."""
    server, _ = setup
    with client_at("127.0.0.1", server.base_url) as direct:
        codes = [login(direct, f"direkt-{i}", "falsch-falsch", **{"X-Forwarded-For": f"203.0.113.{i}"})
                 for i in range(5)]
    assert codes == [401] * 4 + [429]
