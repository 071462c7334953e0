"""Prompt library and consultation hours in the browser (issue 6), one server for the module:
running a library prompt with variables, search, proposing a prompt in the chat and publishing it on the admin
page, and rating a result in a consultation session (anonymous, pseudonymised comment, k-threshold, export).
"""

from __future__ import annotations

import sqlite3
import time

import pytest

from tests.browser.conftest import click_action, login, send
from tests.browser.test_onboarding import assert_answered_by_ai
from tests.conftest import settings_dict
from tests.support.openai_stub import RecordingProvider
from tests.support.server import start_server_with_users

pytestmark = pytest.mark.browser
PASSWORD = "sicheres-passwort-123"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    provider = RecordingProvider().start()
    tmp = tmp_path_factory.mktemp("library")
    settings = settings_dict(tmp / "data", provider)
    srv = start_server_with_users(settings, tmp, {"chefin": "admin", "fachkraft": "staff"}, PASSWORD)
    srv.provider = provider
    yield srv
    srv.stop()
    provider.stop()


@pytest.fixture
def staff(browser, server):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    login(page, server.base_url, "fachkraft", PASSWORD)
    yield page
    context.close()


@pytest.fixture
def admin(browser, server):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    login(page, server.base_url, "chefin", PASSWORD)
    yield page
    context.close()


def db(server, query: str, *args) -> list[tuple]:
    with sqlite3.connect(server.data_dir / "safegpt.db") as conn:
        return conn.execute(query, args).fetchall()


def answer(page, question: str, value: str) -> None:
    page.get_by_text(question).last.wait_for(timeout=60_000)
    send(page, value)


def new_chat(page, server) -> None:
    page.goto(server.base_url + "/chat/")
    page.get_by_text("Willkommen bei").first.wait_for(timeout=60_000)


def last_user_prompt(provider, since: int) -> str:
    deadline = time.time() + 60
    while len(provider.requests) <= since and time.time() < deadline:
        time.sleep(0.2)
    return provider.requests[-1]["messages"][-1]["content"]


def test_library_prompt_with_variables_runs_through_the_pipeline(server, staff):
    before = len(server.provider.requests)
    staff.get_by_role("button", name="Gesprächsnotiz strukturieren").last.click()
    answer(staff, "Um welche Art von Gespräch ging es", "Hausbesuch")
    answer(staff, "Wann fand das Gespräch statt", "-")  # optional: skipped
    answer(staff, "Wer war beteiligt", "Mutter, Sohn")
    answer(staff, "Was haben Sie sich notiert", "Frau Aylin Demir wirkt erschöpft, Wohnung aufgeräumt")
    assert_answered_by_ai(staff, "gilt laut Richtlinie", "Externes Testmodell")
    sent = last_user_prompt(server.provider, before)
    assert "Art des Gesprächs: Hausbesuch" in sent and "Datum: (keine Angabe)" in sent
    assert "[Person 1]" in sent and "Aylin" not in sent and "Demir" not in sent


def test_search_by_word_and_category(server, staff):
    send(staff, "/prompts brief")
    results = staff.locator(".step").filter(has_text="Vorlage(n) für „brief“").last
    results.wait_for(timeout=30_000)
    assert "Elternbrief in Leichter Sprache" in results.inner_text()
    send(staff, "/prompts Pflege")  # a category name lists that category
    results = staff.locator(".step").filter(has_text="4 Vorlage(n) für „Pflege“").last
    results.wait_for(timeout=30_000)
    text = results.inner_text()
    assert "Sturzereignis" in text and "Elternbrief" not in text


def test_propose_in_chat_publish_on_admin_page(server, staff, admin):
    staff.get_by_role("button", name="Prompt vorschlagen").last.click()
    answer(staff, "Wie soll die Vorlage heißen", "Rückmeldung an Eltern formulieren")
    answer(staff, "In welche Kategorie gehört sie", "Briefe & E-Mails")
    answer(staff, "Beschreiben Sie in einem Satz", "Formuliert eine kurze, freundliche Rückmeldung an Eltern.")
    answer(staff, "Jetzt der Prompt-Text", "Schreibe eine freundliche Rückmeldung an Eltern zum Anlass {anlass}.")
    staff.get_by_text("Ihr Vorschlag „Rückmeldung an Eltern formulieren“ ist gespeichert").wait_for(timeout=30_000)
    assert db(server, "SELECT prompt_id, status FROM library_prompts") == [
        ("rueckmeldung-an-eltern-formulieren", "proposed")]

    # Not in the chat library until an admin publishes it.
    send(staff, "/prompts Rückmeldung Eltern")
    staff.get_by_text("Keine Vorlage gefunden für „Rückmeldung Eltern“").wait_for(timeout=30_000)

    admin.goto(server.base_url + "/admin/prompts/")
    row = admin.locator("#prompt-rueckmeldung-an-eltern-formulieren")
    assert "vorgeschlagen" in row.inner_text()
    row.get_by_role("link", name="Bearbeiten").click()
    admin.locator("textarea[name=variables]").fill("anlass: Worum geht es in der Rückmeldung?")
    admin.get_by_role("button", name="Als neue Version speichern").click()
    admin.get_by_text("Gespeichert als neue Version").wait_for()
    admin.get_by_role("button", name="Neueste Version veröffentlichen").click()
    row = admin.locator("#prompt-rueckmeldung-an-eltern-formulieren")
    assert "veröffentlicht" in row.inner_text() and "2 / 2" in row.inner_text()
    assert db(server, "SELECT version, change FROM library_prompt_versions ORDER BY version") == [
        (1, "propose"), (2, "edit")]
    audit = db(server, "SELECT actor, action, target FROM audit_log WHERE area='prompts' ORDER BY id")
    assert audit == [("fachkraft", "propose", "rueckmeldung-an-eltern-formulieren"),
                     ("chefin", "edit", "rueckmeldung-an-eltern-formulieren"),
                     ("chefin", "publish", "rueckmeldung-an-eltern-formulieren")]

    # Published: found in the chat and runnable with the label the admin gave.
    before = len(server.provider.requests)
    send(staff, "/prompts Rückmeldung Eltern")
    staff.locator(".step").filter(has_text="Vorlage(n) für „Rückmeldung Eltern“").last.wait_for(timeout=30_000)
    staff.get_by_role("button", name="Rückmeldung an Eltern formulieren").last.click()
    answer(staff, "Worum geht es in der Rückmeldung?", "Ausflug in den Zoo")
    staff.get_by_text("wird ausgeführt").last.wait_for(timeout=30_000)
    assert "zum Anlass Ausflug in den Zoo" in last_user_prompt(server.provider, before)


def test_consultation_session_rating(server, staff, admin):
    admin.goto(server.base_url + "/admin/sprechstunden/")
    admin.locator("input[name=title]").fill("Leichte Sprache im Team")
    admin.locator("input[name=prompt_ids][value=fachtext-vereinfachen]").check()
    admin.locator("input[name=prompt_ids][value=elternbrief-leichte-sprache]").check()
    admin.get_by_role("button", name="Sprechstunde eröffnen").click()
    admin.get_by_role("heading", name="Leichte Sprache im Team").wait_for()
    session_url = admin.url

    # A new chat shows the running session's prompts as starters right under the welcome.
    new_chat(staff, server)
    session = staff.locator(".step").filter(has_text="KI-Sprechstunde: Leichte Sprache im Team").last
    session.wait_for(timeout=30_000)
    click_action(staff, session.get_by_role("button", name="Fachtext vereinfachen"), "a consultation prompt")
    answer(staff, "Welchen Text möchten Sie vereinfachen", "Der Antrag ist bei der Wohngeldbehörde einzureichen.")
    answer(staff, "Für wen ist die vereinfachte Fassung", "Eltern")
    staff.get_by_text("War das Ergebnis von").last.wait_for(timeout=120_000)
    staff.get_by_role("button", name="Sprechstunde: hilfreich").last.click()
    answer(staff, "Möchten Sie noch einen kurzen Kommentar", "Klappt gut, Frau Aylin Demir hat es verstanden")
    staff.get_by_text("Danke für Ihre Bewertung").wait_for(timeout=30_000)

    rows = db(server, "SELECT session_id, prompt_id, prompt_version, helpful, comment, day FROM consultation_ratings")
    assert len(rows) == 1
    session_id, prompt_id, version, helpful, comment, day = rows[0]
    assert (prompt_id, version, helpful) == ("fachtext-vereinfachen", 1, 1)
    assert "Aylin" not in comment and "Demir" not in comment and "[Person 1]" in comment
    assert "fachkraft" not in " ".join(map(str, rows[0]))

    # Below 5 ratings nothing but "too few" is shown, on the page and in both exports.
    admin.goto(session_url)
    assert "weniger als 5 Bewertungen" in admin.locator("#results").inner_text()
    csv_text = admin.request.get(f"{server.base_url}/admin/sprechstunden/{session_id}/export.csv").text()
    assert "fachtext-vereinfachen" in csv_text and "weniger als 5 Bewertungen" in csv_text
    md = admin.request.get(f"{server.base_url}/admin/sprechstunden/{session_id}/export.md").text()
    assert md.startswith("# KI-Sprechstunde: Leichte Sprache im Team") and "Klappt gut" not in md
    # Staff cannot reach the export.
    assert staff.request.get(f"{server.base_url}/admin/sprechstunden/{session_id}/export.csv").status == 403


def test_admin_adds_a_prompt_in_the_browser(server, staff, admin):
    admin.goto(server.base_url + "/admin/prompts/")
    admin.get_by_role("link", name="Neuen Prompt anlegen").click()
    admin.locator("input[name=title]").fill("Diensttausch erbitten")
    admin.locator("input[name=category]").fill("Verwaltung")
    admin.locator("textarea[name=description]").fill("Bittet das Team freundlich um einen Diensttausch.")
    admin.locator("textarea[name=template]").fill("Schreibe eine kurze, freundliche Bitte an das Team, "
                                                  "meinen {schicht} zu tauschen.")
    admin.locator("textarea[name=variables]").fill("schicht: Welchen Dienst möchten Sie tauschen?")
    admin.get_by_role("button", name="Prompt anlegen").click()
    admin.get_by_text("Prompt angelegt").wait_for()
    assert db(server, "SELECT status, current_version, published_version FROM library_prompts WHERE prompt_id=?",
              "diensttausch-erbitten") == [("published", 1, 1)]
    assert db(server, "SELECT version, change FROM library_prompt_versions WHERE prompt_id=?",
              "diensttausch-erbitten") == [(1, "create")]
    assert db(server, "SELECT actor, action FROM audit_log WHERE target=? ORDER BY id", "diensttausch-erbitten") == [
        ("chefin", "create"), ("chefin", "publish")]

    before = len(server.provider.requests)
    send(staff, "/prompts Diensttausch")
    staff.locator(".step").filter(has_text="Vorlage(n) für „Diensttausch“").last.wait_for(timeout=30_000)
    staff.get_by_role("button", name="Diensttausch erbitten").last.click()
    answer(staff, "Welchen Dienst möchten Sie tauschen?", "Frühdienst")
    staff.get_by_text("wird ausgeführt").last.wait_for(timeout=30_000)
    assert "meinen Frühdienst zu tauschen" in last_user_prompt(server.provider, before)
    # Staff can neither add nor change prompts on the admin pages.
    assert staff.request.get(f"{server.base_url}/admin/prompts/neu").status == 403
    assert staff.request.post(f"{server.base_url}/admin/prompts/diensttausch-erbitten/status",
                              form={"action": "retire"}).status == 403
    assert db(server, "SELECT status FROM library_prompts WHERE prompt_id=?", "diensttausch-erbitten") == [
        ("published",)]


def test_admin_edits_retires_and_reverts_a_file_prompt(server, staff, admin):
    pid = "rundschreiben-zusammenfassen"
    admin.goto(server.base_url + "/admin/prompts/")
    row = admin.locator(f"#file-{pid}")
    assert "Datei-Version" in row.inner_text()
    row.get_by_role("link", name="Bearbeiten").click()
    admin.locator("input[name=title]").fill("Rundschreiben kurz zusammenfassen")
    admin.locator("textarea[name=template]").fill(
        "Fasse das Rundschreiben für das Team {team} in genau drei Sätzen zusammen:\n{text}")
    admin.get_by_role("button", name="Als neue Version speichern").click()
    admin.get_by_text("Gespeichert als neue Version").wait_for()
    assert db(server, "SELECT version, change FROM library_prompt_versions WHERE prompt_id=? ORDER BY version",
              pid) == [(1, "file"), (2, "edit")]
    assert "Datei-Version" in admin.locator("#source").inner_text()  # a draft until published
    admin.get_by_role("button", name="Neueste Version veröffentlichen").click()
    assert "im Browser bearbeitete Version 2" in admin.locator(f"#file-{pid}").inner_text()

    # The chat runs the browser version, with the file's questions for the variables.
    before = len(server.provider.requests)
    send(staff, f"/{pid}")
    staff.get_by_text("Rundschreiben kurz zusammenfassen (Version 2)").wait_for(timeout=30_000)
    answer(staff, "Für welches Team ist die Zusammenfassung", "Ambulanter Dienst")  # asked in the new text's order
    answer(staff, "Fügen Sie den Text ein", "Ab Juli gelten neue Dokumentationsfristen.")
    staff.get_by_text("wird ausgeführt").last.wait_for(timeout=30_000)
    sent = last_user_prompt(server.provider, before)
    assert "für das Team Ambulanter Dienst in genau drei Sätzen" in sent and "Ab Juli gelten" in sent

    # Retired: gone from the chat library.
    admin.goto(server.base_url + f"/admin/prompts/{pid}")
    admin.get_by_role("button", name="Zurückziehen").click()
    assert "zurückgezogen" in admin.locator(f"#file-{pid}").inner_text()
    new_chat(staff, server)
    send(staff, "/prompts Rundschreiben")
    staff.get_by_text("Keine Vorlage gefunden für „Rundschreiben“").wait_for(timeout=30_000)

    # Back to the file version; the browser versions stay in the history.
    admin.goto(server.base_url + f"/admin/prompts/{pid}")
    admin.get_by_role("button", name="Zur Datei-Version zurückkehren").click()
    assert "Datei-Version" in admin.locator(f"#file-{pid}").inner_text()
    assert [a for (a,) in db(server, "SELECT action FROM audit_log WHERE target=? ORDER BY id", pid)] == [
        "edit", "publish", "retire", "revert"]
    new_chat(staff, server)
    before = len(server.provider.requests)
    send(staff, f"/{pid}")
    staff.get_by_text("Rundschreiben oder Richtlinie zusammenfassen (Version 1)").wait_for(timeout=30_000)
    answer(staff, "Fügen Sie den Text ein", "Ab Juli gelten neue Dokumentationsfristen.")
    answer(staff, "Für welches Team ist die Zusammenfassung", "Ambulanter Dienst")
    staff.get_by_text("wird ausgeführt").last.wait_for(timeout=30_000)
    assert "Fasse den folgenden Text für ein Team zusammen." in last_user_prompt(server.provider, before)
