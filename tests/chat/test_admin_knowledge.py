"""/admin/wissen against a real ``safegpt serve``: roles, uploads, client-data confirmation, audit log.

Every route is called directly with httpx (the browser test only shows what people see); staff and
analysts must get 403 for all of them, POSTs included, and nothing may change.
"""

from __future__ import annotations

import re

import httpx
import pytest

from tests.chat.curation_samples import CASE_NOTE, CASE_NOTE_VALUES, CONTACT_VALUES, GUIDELINE_WITH_CONTACTS
from tests.conftest import settings_dict
from tests.knowledge.fixture_files import build_pdf, write_scanned_pdf
from tests.support.http_login import logged_in_client
from tests.support.server import start_server_with_users

PASSWORD = "sicheres-passwort-123"
GOOD = b"""# Fahrradleasing

## Antrag

Mitarbeitende beantragen ein Dienstrad mit dem Formular F-77 bei der Personalabteilung.
Die Leasingrate wird vom Bruttogehalt abgezogen. Die Laufzeit betraegt 36 Monate.
"""
GOOD_V2 = GOOD.replace(b"36 Monate", b"48 Monate")
CLIENT = """# Hilfeplan Beispiel

Frau Aylin Demir (geb. 14.03.1987) ist per E-Mail unter aylin.demir@web.de erreichbar, Telefon 0176 1234567.
Herr Jonas Becker ist ihr Betreuer. Die Hilfe wird monatlich ueberprueft.
""".encode()


@pytest.fixture(scope="module")
def server(tmp_path_factory, module_provider):
    tmp = tmp_path_factory.mktemp("admin-kb")
    settings = settings_dict(tmp / "data", module_provider, samples=True)
    settings["knowledge_ingest"] = {"max_upload_mb": 0.05}
    srv = start_server_with_users(settings, tmp, {"leitung": "admin", "fachkraft": "staff", "auswertung": "analyst"},
                                  PASSWORD)
    yield srv
    srv.stop()


def login(server, user: str) -> httpx.Client:
    return logged_in_client(server.base_url, user, PASSWORD, timeout=120)  # uploads index under load


@pytest.fixture(scope="module")
def admin(server):
    client = login(server, "leitung")
    yield client
    client.close()


def csrf(client: httpx.Client) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/admin/wissen").text).group(1)


def doc_ids(client: httpx.Client) -> list[str]:
    return re.findall(r'<tr data-doc="([^"]+)"', client.get("/admin/wissen").text)


def upload(client, name: str, data: bytes, url: str = "/admin/wissen/hochladen", **fields) -> httpx.Response:
    return client.post(url, data={"csrf": csrf(client), **fields}, files={"datei": (name, data, "text/plain")})


def audit(server, action: str | None = None):
    from chat.store.audit import AuditLog
    from chat.store.db import open_database

    engine = open_database(f"sqlite:///{server.data_dir / 'safegpt.db'}")
    try:
        entries = AuditLog(engine).entries("knowledge")
    finally:
        engine.dispose()
    return [e for e in entries if action is None or e.action == action]


def uploads_left(server) -> list:
    folder = server.data_dir / "uploads"
    return list(folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize("user", ["fachkraft", "auswertung", None])
def test_staff_analysts_and_strangers_reach_nothing(server, admin, user):
    some_doc = doc_ids(admin)[0]
    before = doc_ids(admin)
    files = {"datei": ("x.md", GOOD, "text/markdown")}
    client = login(server, user) if user else httpx.Client(base_url=server.base_url, timeout=60)
    try:
        token = csrf(admin)  # even a valid form token does not help
        calls = [
            ("GET", "/admin/wissen", {}), ("GET", "/admin/wissen/", {}),
            ("GET", f"/admin/wissen/dokument/{some_doc}", {}),
            ("GET", f"/admin/wissen/dokument/{some_doc}/loeschen", {}),
            ("POST", "/admin/wissen/hochladen", {"data": {"csrf": token}, "files": files}),
            ("POST", "/admin/wissen/bestaetigen", {"data": {"csrf": token, "token": "0" * 32,
                                                            "entscheidung": "aufnehmen"}}),
            ("POST", "/admin/wissen/neu-indexieren", {"data": {"csrf": token}}),
            ("POST", f"/admin/wissen/dokument/{some_doc}/ersetzen", {"data": {"csrf": token}, "files": files}),
            ("POST", f"/admin/wissen/dokument/{some_doc}/loeschen", {"data": {"csrf": token}}),
        ]
        for method, url, kwargs in calls:
            response = client.request(method, url, **kwargs)
            expected = 401 if user is None else 403
            assert response.status_code == expected, (method, url, response.status_code)
            assert ("Keine Berechtigung" if user else "Nicht angemeldet") in response.text
        if user == "auswertung":  # analysts see the overview, without the knowledge link
            assert "/admin/wissen" not in client.get("/admin/").text
    finally:
        client.close()
    assert doc_ids(admin) == before
    assert uploads_left(server) == []


def test_upload_show_replace_delete_with_audit(server, admin):
    response = upload(admin, "Fahrradleasing.md", GOOD, owner="Personalabteilung", valid_until="2020-01-31")
    assert response.status_code == 200 and "Aufgenommen" in response.text
    assert "fahrradleasing-md" in doc_ids(admin)
    row = re.search(r'<tr data-doc="fahrradleasing-md".*?</tr>', admin.get("/admin/wissen").text, re.S).group(0)
    assert "abgelaufen" in row and "Personalabteilung" in row and ">1<" in row  # expired, owner, version

    page = admin.get("/admin/wissen/dokument/fahrradleasing-md").text
    assert "Formular F-77" in page and "Antrag" in page  # the passages themselves

    wrong = upload(admin, "neu.pdf", build_pdf([["Text"]]), url="/admin/wissen/dokument/fahrradleasing-md/ersetzen")
    assert wrong.status_code == 400 and "dasselbe Dateiformat" in wrong.text
    replaced = upload(admin, "irgendwie.md", GOOD_V2, url="/admin/wissen/dokument/fahrradleasing-md/ersetzen")
    assert replaced.status_code == 200 and "Ersetzt" in replaced.text and "Version 2" in replaced.text
    assert "48 Monate" in admin.get("/admin/wissen/dokument/fahrradleasing-md").text

    assert "Endgültig löschen" in admin.get("/admin/wissen/dokument/fahrradleasing-md/loeschen").text
    assert "fahrradleasing-md" in doc_ids(admin)  # the question alone deletes nothing
    no_csrf = admin.post("/admin/wissen/dokument/fahrradleasing-md/loeschen", data={"csrf": "falsch"})
    assert no_csrf.status_code == 403 and "fahrradleasing-md" in doc_ids(admin)
    deleted = admin.post("/admin/wissen/dokument/fahrradleasing-md/loeschen", data={"csrf": csrf(admin)})
    assert deleted.status_code == 200 and "Entfernt" in deleted.text
    assert "fahrradleasing-md" not in doc_ids(admin)
    assert admin.get("/admin/wissen/dokument/fahrradleasing-md").status_code == 404

    actions = [(e.actor, e.action, e.target) for e in audit(server) if e.target == "fahrradleasing-md"]
    assert actions[::-1] == [("leitung", "add", "fahrradleasing-md"), ("leitung", "replace", "fahrradleasing-md"),
                             ("leitung", "remove", "fahrradleasing-md")]
    assert uploads_left(server) == []


def test_bad_uploads_get_german_messages_and_leave_nothing(server, admin, tmp_path):
    before = doc_ids(admin)
    cases = [
        ("programm.exe", b"MZ\x90\x00", 400, "nicht unterstützt"),
        ("ohne-endung", b"text", 400, "nicht unterstützt"),
        ("scan.pdf", write_scanned_pdf(tmp_path).read_bytes(), 400, "keinen lesbaren Text"),
        ("gross.txt", b"Ein Satz mit Inhalt.\n" * 4000, 413, "zu groß"),
        ("leer.md", b"", 400, "keinen Text"),
    ]
    for name, data, status, text in cases:
        response = upload(admin, name, data)
        assert response.status_code == status, (name, response.status_code)
        assert text in response.text and "Es wurde nichts gespeichert" in response.text, name
    assert doc_ids(admin) == before
    assert uploads_left(server) == []


def test_client_path_is_never_used(server, admin):
    response = upload(admin, "../../../etc/Über<script>.md", GOOD)
    assert response.status_code == 200 and "Aufgenommen" in response.text
    assert "<script>" not in response.text
    doc = next(d for d in doc_ids(admin) if d.startswith("uber") or d.startswith("ueber"))
    page = admin.get(f"/admin/wissen/dokument/{doc}").text
    assert "Über_script.md" in page and "../" not in page
    assert not (server.data_dir.parent / "etc").exists()
    admin.post(f"/admin/wissen/dokument/{doc}/loeschen", data={"csrf": csrf(admin)})


def test_client_data_needs_confirmation(server, admin):
    before = doc_ids(admin)
    first = upload(admin, "hilfeplan.md", CLIENT)
    assert first.status_code == 200 and "Klientendaten gefunden" in first.text
    # Each finding with the words around it, for the admin to judge; the pending upload keeps only counts.
    assert "Geburtsdatum" in first.text and "<mark>14.03.1987</mark>" in first.text
    assert "private E-Mail-Adresse einer Person" in first.text and "<mark>aylin.demir@web.de</mark>" in first.text
    assert doc_ids(admin) == before  # nothing indexed yet
    token = re.search(r'name="token" value="([0-9a-f]+)"', first.text).group(1)
    pending = (server.data_dir / "uploads" / token / "pending.json").read_text(encoding="utf-8")
    assert "Geburtsdatum: 1" in pending
    for secret in ("Aylin", "Demir", "aylin.demir", "14.03.1987", "1234567", "Jonas", "Becker"):
        assert secret not in pending, secret

    cancelled = admin.post("/admin/wissen/bestaetigen",
                           data={"csrf": csrf(admin), "token": token, "entscheidung": "abbrechen"})
    assert "Abgebrochen" in cancelled.text and doc_ids(admin) == before
    assert uploads_left(server) == []
    again = admin.post("/admin/wissen/bestaetigen",
                       data={"csrf": csrf(admin), "token": token, "entscheidung": "aufnehmen"})
    assert "abgelaufen oder schon erledigt" in again.text and doc_ids(admin) == before

    second = upload(admin, "hilfeplan.md", CLIENT)
    token = re.search(r'name="token" value="([0-9a-f]+)"', second.text).group(1)
    confirmed = admin.post("/admin/wissen/bestaetigen",
                           data={"csrf": csrf(admin), "token": token, "entscheidung": "aufnehmen"})
    assert confirmed.status_code == 200 and "Aufgenommen" in confirmed.text
    assert "hilfeplan-md" in doc_ids(admin)
    assert uploads_left(server) == []

    cancel, add = audit(server, "add-cancelled")[0], audit(server, "add")[0]
    assert cancel.actor == "leitung" and cancel.target == "hilfeplan.md" and "Geburtsdatum: 1" in cancel.detail
    assert add.target == "hilfeplan-md" and "bestätigt" in add.detail
    for entry in audit(server):
        for secret in ("Aylin", "Demir", "aylin.demir", "14.03.1987", "1234567"):
            assert secret not in entry.detail + entry.target
    admin.post("/admin/wissen/dokument/hilfeplan-md/loeschen", data={"csrf": csrf(admin)})


def test_contact_data_is_information_and_a_pasted_case_note_blocks(server, admin):
    clean = upload(admin, "merkblatt-datenschutz.md", GUIDELINE_WITH_CONTACTS.encode())
    assert clean.status_code == 200 and "Aufgenommen" in clean.text and "Klientendaten gefunden" not in clean.text
    assert "merkblatt-datenschutz-md" in doc_ids(admin)
    notes = re.search(r'<section id="hinweise-aufnahme".*?</section>', clean.text, re.S).group(0)
    for reason, value in [("Ansprechperson mit Funktion", "Miriam Hollenbach"),
                          ("Funktionspostfach", "datenschutz@diakonie-lindenfeld.de"),
                          ("dienstliche Telefonnummer oder Durchwahl", "0171 5550 1234"),
                          ("Bankverbindung des Trägers", "DE67 6805 0101 0012 3456 78"),
                          ("Anschrift einer Einrichtung oder Behörde", "Kirchplatz 3, 32105 Bad Salzuflen")]:
        assert reason in notes and f"<mark>{value}</mark>" in notes, (reason, value)
    assert "der Datenschutzbeauftragten, Frau Dr. <mark>Miriam Hollenbach</mark>" in notes  # with its context
    assert 'data-severity="block"' not in notes  # hotlines (116 111, 0800 …) are not even findings
    add = audit(server, "add")[0]
    assert add.target == "merkblatt-datenschutz-md" and "Hinweise auf Kontaktdaten" in add.detail
    assert "Hollenbach" not in add.detail and "bestätigt" not in add.detail

    dirty = upload(admin, "merkblatt-datenschutz.md", (GUIDELINE_WITH_CONTACTS + CASE_NOTE).encode())
    assert dirty.status_code == 200 and "Klientendaten gefunden" in dirty.text
    blocking = re.search(r'<table class="funde" id="funde">.*?</table>', dirty.text, re.S).group(0)
    assert "Geburtsdatum" in blocking and "<mark>14.03.2012</mark>" in blocking
    assert "Hilfeplan für Jonas Weber, geb." in blocking  # the words before the value
    assert "Miriam Hollenbach" not in blocking  # staff stays information, listed apart
    assert "Miriam Hollenbach" in dirty.text
    token = re.search(r'name="token" value="([0-9a-f]+)"', dirty.text).group(1)
    admin.post("/admin/wissen/bestaetigen", data={"csrf": csrf(admin), "token": token, "entscheidung": "abbrechen"})
    page = admin.get("/admin/wissen/dokument/merkblatt-datenschutz-md").text
    assert "Jonas Weber" not in page  # the indexed version is still the clean one
    admin.post("/admin/wissen/dokument/merkblatt-datenschutz-md/loeschen", data={"csrf": csrf(admin)})
    assert uploads_left(server) == []
    # The values and their context are for the admin page only: not in the server log, not in the audit log.
    logged = server.log.read_text(encoding="utf-8") + "".join(e.detail + e.target for e in audit(server))
    for value in CONTACT_VALUES + CASE_NOTE_VALUES:
        assert value not in logged, value


def test_reindex_is_recorded(server, admin):
    response = admin.post("/admin/wissen/neu-indexieren", data={"csrf": csrf(admin)})
    assert response.status_code == 200 and "Neu indexiert" in response.text
    assert audit(server, "reindex")[0].actor == "leitung"
