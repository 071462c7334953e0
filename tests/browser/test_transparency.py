"""The transparency page in the browser, with the chat history switched on and off (issue 17).

A person reads /transparenz as staff would and finds the statement that matches the running configuration;
with history on, they reach "Meine Chats" from the chat's header, see their two chats there, open one, delete
the other with its button and then all of them with the form (checkbox, button). After each deletion a scan of
everything the instance stored (every database cell, every file below the data directory, ciphertext decrypted
with the history key) finds nothing of the deleted chat, and still finds the chat that was kept.
"""

from __future__ import annotations

import random

import pytest
from cryptography.fernet import Fernet

from chat.settings import load_settings
from tests.browser.conftest import login, send
from tests.conftest import settings_dict
from tests.privacy.fictional import make_client
from tests.privacy.instance_scan import decrypted_tokens, files_below, read_database
from tests.support.chat_session import history_texts
from tests.support.http_login import logged_in_client
from tests.support.server import start_server_with_users

pytestmark = pytest.mark.browser
PASSWORD = "sicheres-passwort-123"


@pytest.fixture(scope="module", params=[True, False], ids=["history-on", "history-off"])
def server(request, tmp_path_factory, module_provider):
    tmp = tmp_path_factory.mktemp("transparency")
    settings = settings_dict(tmp / "data", module_provider)
    settings["samples_dir"] = str(tmp / "keine-beispiele")  # no sample guidelines to index: a faster start
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


def _traces(server, texts: list[str], thread_ids: list[str]) -> list[str]:
    """Where anything of these chats is still stored: a database cell naming the thread, a ciphertext (in a cell,
    or anywhere in a file below the data directory: free pages, write-ahead log) that decrypts to one of
    ``texts``, or a file of the chat in clear."""
    settings = load_settings(server.config)
    key = (server.data_dir / "secrets" / "history.key").read_bytes().strip()
    found = []
    for table, column, _, value in read_database(settings.db_url).cells():
        found += [f"{table}.{column} names {t}" for t in thread_ids if t in str(value)]
        if isinstance(value, str) and value.startswith("gAAAAA"):
            opened = Fernet(key).decrypt(value.encode()).decode()
            found += [f"{table}.{column} decrypts to {t}" for t in texts if t in opened]
    for name, path in files_below(server.data_dir).items():
        blob = path.read_bytes()
        found += [f"file {name} holds {t}" for t in texts if t.encode() in blob]
        found += [f"file {name} holds ciphertext of {t}" for opened in decrypted_tokens(blob, key)
                  for t in texts if t in opened]
    return found


def _chat_about(page, base_url: str, surname: str) -> None:
    """A new chat (a fresh load of the chat opens one) whose message names a client."""
    page.goto(base_url + "/chat/")
    page.get_by_text("Willkommen bei").first.wait_for(timeout=60_000)
    send(page, f"Frau Wendula {surname} braucht einen Termin beim Jugendamt.")
    page.locator(".step").filter(has_text="Antwort von").last.wait_for(timeout=120_000)


def _thread_of(page, surname: str) -> str:
    link = page.locator("#my-chats a").filter(has_text=surname)
    return link.get_attribute("href").rsplit("/", 1)[-1]


def test_my_chats_are_listed_and_deleted_from_the_browser(server, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    if not server.history:  # nothing kept: no link in the chat; the page, opened anyway, says why
        send(page, "Frau Wendula Krabbenhöft braucht einen Termin beim Jugendamt.")
        page.locator(".step").filter(has_text="Antwort von").last.wait_for(timeout=120_000)
        assert page.locator("#header").get_by_role("link", name="Meine Chats").count() == 0
        page.goto(server.base_url + "/meine-daten")
        assert "Es wird kein Chatverlauf gespeichert" in page.locator("#my-history").inner_text()
        assert page.locator("#delete-all").count() == 0
        return
    # Two chats, each naming a client made up for this run (from syllables, nothing the product uses).
    rng = random.Random()
    first, second = (make_client(rng).last for _ in range(2))
    _chat_about(page, server.base_url, first)
    _chat_about(page, server.base_url, second)
    page.locator("#header").get_by_role("link", name="Meine Chats").click()
    page.wait_for_url("**/meine-daten")
    for surname in (first, second):  # they see their history …
        page.locator("#my-chats").get_by_text(surname).wait_for(timeout=60_000)
    threads = {surname: _thread_of(page, surname) for surname in (first, second)}
    page.locator("#my-chats a").filter(has_text=second).click()  # … and open a chat of it in the chat
    page.locator(".step").filter(has_text=second).first.wait_for(timeout=60_000)
    assert _traces(server, [first], []) != []  # the scan below finds a chat that is there

    # One chat deleted with its own button: it is gone from the page and from everything stored; the other stays.
    page.goto(server.base_url + "/meine-daten")
    page.locator("#my-chats tr").filter(has_text=first).get_by_role("button", name="Löschen").click()
    page.get_by_role("status").wait_for()
    assert "1 Chat gelöscht" in page.get_by_role("status").inner_text()
    assert page.locator("#my-chats").get_by_text(first).count() == 0
    assert page.locator("#my-chats").get_by_text(second).count() == 1
    assert _traces(server, [first], [threads[first]]) == []
    assert _traces(server, [second], [threads[second]]) != []

    # Then all of them: the form asks for a confirmation first.
    page.get_by_label("Ja, alle").check()
    page.get_by_role("button", name="Alle meine Chats löschen").click()
    page.get_by_role("status").wait_for()
    assert "gelöscht" in page.get_by_role("status").inner_text()
    assert page.locator("#no-chats").is_visible()
    assert _traces(server, [first, second], list(threads.values())) == []
    client = logged_in_client(server.base_url, "fachkraft", PASSWORD)
    try:
        texts = history_texts(client)
        assert first not in texts and second not in texts
    finally:
        client.close()
