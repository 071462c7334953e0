"""Header-based login behind an SSO reverse proxy, and OAuth/OIDC providers switched on by configuration."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import settings_dict
from tests.support.openai_stub import RecordingProvider
from tests.support.server import run_cli, start_server, write_toml

pytestmark = pytest.mark.browser

OIDC_ENV = {
    "OAUTH_KEYCLOAK_CLIENT_ID": "safegpt", "OAUTH_KEYCLOAK_CLIENT_SECRET": "test-secret",
    "OAUTH_KEYCLOAK_REALM": "traeger", "OAUTH_KEYCLOAK_BASE_URL": "http://127.0.0.1:9",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    provider = RecordingProvider().start()
    tmp = tmp_path_factory.mktemp("sso")
    settings = settings_dict(tmp / "data", provider)
    settings["auth"] = {"header_enabled": True, "header_user": "X-Remote-User", "header_department": "X-Remote-Dept",
                        "oauth_enabled": True}
    config = write_toml(tmp / "pre.toml", settings)
    run_cli(config, "user", "add", "gesperrt", "--password-stdin", input="ein-langes-passwort\n")
    run_cli(config, "user", "disable", "gesperrt")
    srv = start_server(settings, tmp, env=OIDC_ENV)
    srv.config_path = config
    yield srv
    srv.stop()
    provider.stop()


def test_header_login_creates_a_staff_account(server):
    with httpx.Client(base_url=server.base_url) as client:
        response = client.post("/chat/auth/header", headers={"X-Remote-User": "sso.kollege", "X-Remote-Dept": "Pflege"})
        assert response.status_code == 200
        assert client.get("/transparenz").status_code == 200  # logged in
        assert client.get("/admin/").status_code == 403      # but only as staff
    listing = run_cli(server.config_path, "user", "list").stdout
    assert "sso.kollege\tstaff\taktiv\tPflege" in listing


@pytest.mark.parametrize("headers", [{}, {"X-Remote-User": "<script>"}, {"X-Remote-User": "gesperrt"},
                                     {"X-Forwarded-User": "sso.kollege"}])
def test_header_login_refuses_missing_odd_disabled_or_wrong_header(server, headers):
    response = httpx.post(server.base_url + "/chat/auth/header", headers=headers)
    assert response.status_code == 401


def test_oidc_provider_is_offered_when_configured(server):
    config = httpx.get(server.base_url + "/chat/auth/config").json()
    assert "keycloak" in config["oauthProviders"]
    assert config["passwordAuth"] is True and config["headerAuth"] is True
