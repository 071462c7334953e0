"""Role boundaries on every governance route, checked on the server; the usage dashboard in the browser."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, login, send
from tests.conftest import settings_dict
from tests.support.http_login import logged_in_client
from tests.support.openai_stub import RecordingProvider
from tests.support.server import start_server_with_users

pytestmark = pytest.mark.browser
PASSWORD = "sicheres-passwort-123"
METRICS_TOKEN = "prometheus-scraper-token-0123456789"

# (method, path, roles allowed)
ROUTES = [
    ("GET", "/admin/", {"admin", "analyst"}),
    ("GET", "/admin/nutzung", {"admin", "analyst"}),
    ("GET", "/admin/nutzung.csv", {"admin", "analyst"}),
    ("GET", "/admin/modelle", {"admin", "analyst"}),
    ("GET", "/admin/protokoll", {"admin"}),
    ("GET", "/admin/benutzer", {"admin"}),
    ("POST", "/admin/benutzer", {"admin"}),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    provider = RecordingProvider().start()
    tmp = tmp_path_factory.mktemp("roles")
    settings = settings_dict(tmp / "data", provider)
    settings["history"] = {"enabled": False}  # feedback then comes from SafeGPT's own buttons
    settings["usage"] = {"metrics_token": METRICS_TOKEN}
    srv = start_server_with_users(settings, tmp, {"chefin": "admin", "analyse": "analyst", "fachkraft": "staff"},
                                  PASSWORD)
    srv.provider = provider
    yield srv
    srv.stop()
    provider.stop()


@pytest.fixture(scope="module")
def clients(server):
    made = {name: logged_in_client(server.base_url, name, PASSWORD) for name in ("chefin", "analyse", "fachkraft")}
    made["anonym"] = httpx.Client(base_url=server.base_url, timeout=30)
    yield {"admin": made["chefin"], "analyst": made["analyse"], "staff": made["fachkraft"], None: made["anonym"]}
    for c in made.values():
        c.close()


@pytest.mark.parametrize("method,path,allowed", ROUTES)
@pytest.mark.parametrize("role", ["admin", "analyst", "staff", None])
def test_every_governance_route_checks_the_role_on_the_server(clients, method, path, allowed, role):
    client = clients[role]
    if method == "POST":
        # a valid-looking form: even so, only admins get past the role check
        response = client.post(path, data={"action": "disable", "username": "niemand", "csrf": "x"})
    else:
        response = client.get(path)
    if role is None:
        assert response.status_code == 401
    elif role in allowed:
        # admins posting with a wrong CSRF token are refused by the CSRF check, not the role check
        assert response.status_code == (403 if method == "POST" else 200), response.text[:300]
        if method == "POST":
            assert "Formular ist abgelaufen" in response.text
    else:
        assert response.status_code == 403
        assert "Berechtigung" in response.text


def test_transparency_page_is_for_every_logged_in_user(clients):
    assert clients[None].get("/transparenz").status_code == 401
    page = clients["staff"].get("/transparenz")
    assert page.status_code == 200 and "Was SafeGPT speichert" in page.text and "Kein Name" in page.text


def test_admin_adds_a_user_through_the_form_and_it_is_audited(clients):
    admin = clients["admin"]
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', admin.get("/admin/benutzer").text).group(1)
    created = admin.post("/admin/benutzer", data={"action": "add", "username": "neu.kollegin", "role": "staff",
                                                  "department": "Pflege", "csrf": csrf})
    assert created.status_code == 200 and "neu.kollegin" in created.text
    password = re.search(r'id="new-password">([^<]+)<', created.text).group(1)
    logged_in_client(str(admin.base_url), "neu.kollegin", password).close()
    audit = admin.get("/admin/protokoll").text
    assert "neu.kollegin" in audit and "chefin" in audit


def test_metrics_are_aggregate_only(server, clients):
    body = httpx.get(server.base_url + "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}).text
    assert "safegpt_answers_total" in body
    for name in ("chefin", "analyse", "fachkraft"):
        assert name not in body


def test_dashboard_shows_usage_and_feedback_without_people(server, browser):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    login(page, server.base_url, "fachkraft", PASSWORD)
    send(page, "Herr Jonas Becker fragt nach Wohngeld. Was braucht er?")
    page.get_by_text("Für Jonas Becker gilt").last.wait_for(timeout=120_000)
    page.get_by_role("button", name=re.compile("Hilfreich")).first.click()
    page.get_by_text("Danke für Ihre Rückmeldung").wait_for(timeout=30_000)
    page.goto(server.base_url + "/admin/nutzung")
    assert "Keine Berechtigung" in page.content()  # staff may not see the dashboard
    context.close()

    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    login(page, server.base_url, "analyse", PASSWORD)
    page.goto(server.base_url + "/admin/nutzung")
    assert int(page.locator("#answers").inner_text()) >= 1
    assert "100 %" in page.locator("#helpful").inner_text()
    assert "PERSON" in page.locator("#pii").inner_text()
    html = page.content()
    assert "fachkraft" not in html and "Becker" not in html
    context.close()
