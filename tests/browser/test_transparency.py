"""The transparency page in the browser, with the chat history switched on and off (issue 17).

A person reads /transparenz as staff would and finds the statement that matches the running configuration;
with history on, they reach "Meine Chats" from the chat's header, see their chat there and delete all their
chats with the form (checkbox, button) — then the chat is gone from the page and from the chat's sidebar data.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import login, send
from tests.conftest import settings_dict
from tests.support.chat_session import history_texts
from tests.support.http_login import logged_in_client
from tests.support.server import start_server_with_users

pytestmark = pytest.mark.browser
PASSWORD = "sicheres-passwort-123"


@pytest.fixture(scope="module", params=[True, False], ids=["history-on", "history-off"])
def server(request, tmp_path_factory, module_provider):
    tmp = tmp_path_factory.mktemp("transparency")
    settings = settings_dict(tmp / "data", module_provider)
    settings["history"] = {"enabled": request.param, "retention_days": 12}
    srv = start_server_with_users(settings, tmp, {"fachkraft": "staff"}, PASSWORD)
    srv.history = request.param
    yield srv
    srv.stop()


def test_the_page_states_whether_chats_are_kept(server, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    page.locator("#header").get_by_role("link", name="Was wird gespeichert?").click()  # from the chat's header
    page.wait_for_url("**/transparenz")
    statement = page.locator("#history-statement").inner_text()
    if server.history:
        assert "Chatverlauf wird gespeichert" in statement and "verschlüsselt" in statement
        assert "12 Tage nach der letzten Nutzung" in statement
        assert "Geschützte Angaben" in statement  # the pairing of real values and placeholders is in it
        who = page.locator("#who-can-decrypt").inner_text()
        assert "Betrieb" in who and "Schlüssel" in who
        assert page.locator("#record-history").is_visible()
    else:
        assert "Es wird kein Chatverlauf gespeichert" in statement
        assert page.locator("#off-history").is_visible()
        assert page.locator("#who-can-decrypt").count() == 0
    models = page.locator("#models").inner_text()
    assert "Externes Testmodell" in models and "pseudonymisierte Texte" in models and "pseudonymised" not in models


def test_my_chats_are_listed_and_deleted_from_the_browser(server, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    send(page, "Frau Wendula Krabbenhöft braucht einen Termin beim Jugendamt.")
    page.locator(".step").filter(has_text="Antwort von").last.wait_for(timeout=120_000)
    if not server.history:  # nothing kept: no link in the chat; the page, opened anyway, says why
        assert page.locator("#header").get_by_role("link", name="Meine Chats").count() == 0
        page.goto(server.base_url + "/meine-daten")
        assert "Es wird kein Chatverlauf gespeichert" in page.locator("#my-history").inner_text()
        assert page.locator("#delete-all").count() == 0
        return
    page.locator("#header").get_by_role("link", name="Meine Chats").click()
    page.wait_for_url("**/meine-daten")
    page.locator("#my-chats").get_by_text("Krabbenhöft").wait_for()
    page.get_by_label("Ja, alle").check()
    page.get_by_role("button", name="Alle meine Chats löschen").click()
    page.get_by_role("status").wait_for()
    assert "gelöscht" in page.get_by_role("status").inner_text()
    assert page.locator("#no-chats").is_visible()
    client = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    try:
        assert "Krabbenhöft" not in history_texts(client)
    finally:
        client.close()
