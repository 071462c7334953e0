"""The storage inventory test (issue 17): what the transparency page says is stored is what is stored.

For each combination of settings, one real ``safegpt serve`` lives through a working day in miniature: staff
log in (one attempt fails), acknowledge the rules, chat with client details, attach a file, run a library
prompt, rate a consultation prompt, give feedback, propose a prompt; an admin opens the consultation hour and
uploads a guideline; a system calls ``/v1`` with a key; one chat is deleted from the sidebar, another person
deletes all their chats on "Meine Chats". Then everything the instance wrote is enumerated from outside —
every table, column and row, every file below the data directory, every server log line — and held against
the inventory the page is generated from (``chat.web.inventory.build_inventory``):

* everything written is declared by a record (table + column + row kind, file pattern, logger);
* no record claims what the instance contradicts: nothing of a switched-off record exists, every stored
  record with a table was really written, each column holds what its record says (ciphertext decrypts,
  hashes are hashes, user names are user names);
* the client details from the chats appear in clear nowhere — not in a cell, a file or a log line — except in
  the one place the page names (a prompt proposal, stored as typed); the API's are stored nowhere at all;
* of the deleted chats nothing remains: no row, no file, no ciphertext that decrypts to their details (on
  SQLite also not in free pages or the write-ahead log of the database file).

Combinations (one server each, module-scoped): history on/off × usage on/off × SQLite/PostgreSQL, as a
pairwise design — every pair of values of two settings occurs in some run (4 runs instead of 8).
"""

from __future__ import annotations

import asyncio
import contextlib
import fnmatch
import html
import json
import os
import random
import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet, InvalidToken

from chat.ui import messages as ui_texts
from privacy import Content, processing_record
from tests.conftest import settings_dict
from tests.privacy.fictional import Client, make_client
from tests.privacy.instance_scan import (Database, decrypted_tokens, files_below, log_lines, read_database)
from tests.support.chat_session import ChatSession
from tests.support.http_login import logged_in_client
from tests.support.openai_stub import RecordingProvider
from tests.support.server import start_server, write_toml

PASSWORD = "sicheres-passwort-123"
PEOPLE = {"chefin": "admin", "fachkraft": "staff", "kollegin": "staff"}
GUIDELINE = ("# Dienstwagen\n\nDienstwagen werden über das Sekretariat gebucht. Die Fahrt ist im Fahrtenbuch "
             "einzutragen; Tankbelege gehen an die Buchhaltung.\n")
# Where a value typed by staff may stay in clear, as the page says (a prompt proposal is stored as typed).
# One request or chat turn may wait this long: on the shared 2-core machine (load 40+) an upload's client-data
# check or a turn took longer than the usual 30-90 s. Only waiting, nothing the server must do, is relaxed.
TURN = 600

COMBINATIONS = [
    pytest.param(("sqlite", True, True), id="sqlite-history-usage"),
    pytest.param(("sqlite", False, False), id="sqlite-nohistory-nousage"),
    pytest.param(("postgresql", True, False), id="postgresql-history-nousage"),
    pytest.param(("postgresql", False, True), id="postgresql-nohistory-usage"),
]


@dataclass
class Day:
    """What one day in miniature did, and everything the instance had written by its end."""

    database: str
    history: bool
    usage: bool
    server: object
    settings: object
    inventory: object
    db_url: str
    kept: list[Client]          # chat details that stay (in the history, when it is on)
    deleted: list[Client]       # chats deleted by their author
    api_client: Client          # sent through /v1: stored nowhere
    proposal_client: Client     # typed into a prompt proposal: stored pseudonymised, as the page says
    deleted_threads: list[str] = field(default_factory=list)
    deleted_sessions: list[str] = field(default_factory=list)  # their Chainlit sessions (files of the chat)
    kept_sessions: list[str] = field(default_factory=list)
    kept_threads: list[str] = field(default_factory=list)
    rows: Database | None = None
    files: dict[str, Path] = field(default_factory=dict)
    file_bytes: dict[str, bytes] = field(default_factory=dict)
    log: list = field(default_factory=list)
    page_for_staff: str = ""
    json_record: dict = field(default_factory=dict)
    my_data_page: str = ""

    @property
    def key(self) -> bytes | None:
        path = self.server.data_dir / "secrets" / "history.key"
        return path.read_bytes().strip() if path.is_file() else None


@contextlib.contextmanager
def database_env(url: str | None):
    """The CLI (accounts, API keys) and the inventory must see the same database as the server."""
    if url is None:
        yield
        return
    os.environ["SAFEGPT_DATABASE_URL"] = url
    try:
        yield
    finally:
        del os.environ["SAFEGPT_DATABASE_URL"]


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)


def answer_id(session: ChatSession) -> str:
    return next(i for i, text in session.outputs.items() if "Antwort von" in text)


async def settle(read_rows, seconds: float = 1.5, timeout: float = 30) -> None:
    """Wait until the database stops changing (history writes run as background tasks)."""
    deadline = time.monotonic() + timeout
    before = await asyncio.to_thread(read_rows)
    while time.monotonic() < deadline:
        await asyncio.sleep(seconds)
        now = await asyncio.to_thread(read_rows)
        if now == before:
            return
        before = now


async def live_a_day(day: Day, provider: RecordingProvider, tmp: Path, api_secret: str) -> None:
    base = day.server.base_url
    a, b, c1, c2 = day.kept[0], day.deleted[0], day.deleted[1], day.deleted[2]

    # A wrong password first (the login protection counts it), then the admin opens a consultation hour.
    assert httpx.post(base + "/chat/login", data={"username": "fachkraft", "password": "falsch"},
                      timeout=120).status_code != 200
    admin = logged_in_client(base, "chefin", PASSWORD)
    page = admin.get("/admin/sprechstunden/").text
    opened = admin.post("/admin/sprechstunden/", data={"title": "Leichte Sprache", "csrf": csrf_of(page),
                                                        "prompt_ids": ["fachtext-vereinfachen"]})
    assert opened.status_code in (200, 303), opened.text[:300]
    # … and uploads a guideline (no client data in it: it is indexed at once).
    page = admin.get("/admin/wissen/").text
    uploaded = admin.post("/admin/wissen/hochladen", data={"csrf": csrf_of(page), "title": "Dienstwagen",
                                                             "owner": "Verwaltung"},
                          files={"datei": ("dienstwagen.md", GUIDELINE.encode(), "text/markdown")}, timeout=TURN)
    assert uploaded.status_code == 200 and "Aufgenommen" in uploaded.text, uploaded.text[-500:]

    # Staff: a chat that stays, with client details in the message, an attachment, a library prompt with a
    # variable, a consultation rating with a comment, feedback, and a prompt proposal.
    chat = await ChatSession(base, "fachkraft", PASSWORD).open(timeout=TURN)
    try:
        shown = await chat.ask(f"Frau {a.full_name}, geb. {a.birth}, Tel. {a.phone}, braucht einen Hausbesuch.",
                               timeout=TURN)
        assert any("Antwort von" in s for s in shown), shown
        shown = await chat.ask("Wie wird ein Dienstwagen gebucht, und wohin gehen die Tankbelege?", timeout=TURN)
        assert any("Dienstwagen" in s and "Quellen" in s for s in shown), shown  # a source shown from a file
        if day.history:
            feedback = await asyncio.to_thread(chat.http.put, "/chat/feedback", json={
                "sessionId": chat.session_id, "feedback": {"forId": answer_id(chat), "value": 1,
                                                           "comment": f"passt für {a.last}"}})
            assert feedback.status_code == 200, feedback.text
        else:
            await chat.click(ui_texts.FEEDBACK_HELPFUL, timeout=TURN, ends_task=False)
        note = tmp / "notiz.txt"
        note.write_text(f"Gesprächsnotiz: Herr Kurt {a.last} hat die IBAN {a.iban} genannt.", encoding="utf-8")
        shown = await chat.attach("Bitte fasse die Notiz zusammen.", [note], timeout=TURN)
        assert any("Antwort von" in s for s in shown), shown
        chat.replies.extend(["Hausbesuch", "-", "Mutter, Sohn", f"Frau {a.full_name} wirkt erschöpft"])
        shown = await chat.click("Gesprächsnotiz strukturieren", timeout=TURN)
        assert any("Antwort von" in text for text in shown), shown
        chat.replies.extend(["Der Antrag ist bei der Wohngeldbehörde einzureichen.", "Eltern"])
        shown = await chat.click("Fachtext vereinfachen", timeout=TURN,
                                 where=lambda a: a.get("payload", {}).get("session_id"))
        assert any("Antwort von" in text for text in shown), shown
        chat.replies.append(f"Klappt gut, Frau {a.full_name} hat es verstanden")
        assert any("Danke für Ihre Bewertung" in t for t in await chat.click("Sprechstunde: hilfreich", timeout=TURN))
        p = day.proposal_client
        chat.replies.extend([f"Brief an {p.last}", "Briefe & E-Mails", "Ein Brief an eine Familie.",
                             f"Schreibe einen Brief an Familie {p.last} zum Anlass {{anlass}}."])
        assert any("Ihr Vorschlag" in t for t in await chat.click("Prompt vorschlagen", timeout=TURN))
        day.kept_threads.append(chat.thread_id)
        day.kept_sessions.append(chat.session_id)
    finally:
        await chat.close()

    # A second chat of the same person, deleted from the sidebar (Chainlit's DELETE /project/thread).
    chat = await ChatSession(base, "fachkraft", PASSWORD).open(timeout=TURN)
    try:
        await chat.ask(f"Herr {b.full_name} (geb. {b.birth}, IBAN {b.iban}) braucht einen Dienstwagen.",
                       timeout=TURN)
        thread = chat.thread_id
        day.deleted_sessions.append(chat.session_id)
    finally:
        await chat.close()
    staff = logged_in_client(base, "fachkraft", PASSWORD)
    await settle(lambda: read_database(day.db_url).rows.get("chat_steps"))
    if day.history:
        deleted = staff.request("DELETE", "/chat/project/thread", json={"threadId": thread})
        assert deleted.status_code == 200, deleted.text
    day.deleted_threads.append(thread)

    # A colleague with two chats deletes all of them on "Meine Chats".
    for person in (c1, c2):
        chat = await ChatSession(base, "kollegin", PASSWORD).open(timeout=TURN)
        try:
            await chat.ask(f"Frau {person.full_name}, Tel. {person.phone}, geb. {person.birth}: Dienstwagen?",
                           timeout=TURN)
            day.deleted_threads.append(chat.thread_id)
            day.deleted_sessions.append(chat.session_id)
        finally:
            await chat.close()
    await settle(lambda: read_database(day.db_url).rows.get("chat_steps"))
    colleague = logged_in_client(base, "kollegin", PASSWORD)
    mine = colleague.get("/meine-daten")
    assert mine.status_code == 200
    if day.history:
        for thread in day.deleted_threads[1:]:  # they see their own chats (and only theirs)
            assert f"/chat/thread/{thread}" in mine.text
        assert f"/chat/thread/{day.deleted_threads[0]}" not in mine.text and day.kept[0].last not in mine.text
        gone = colleague.post("/meine-daten/alle-loeschen", data={"csrf": csrf_of(mine.text), "bestaetigt": "ja"})
        assert gone.status_code in (200, 303), gone.text[:300]
        day.my_data_page = colleague.get("/meine-daten").text

    # An integrating system calls /v1 with a key.
    v = day.api_client
    completion = httpx.post(base + "/v1/chat/completions", headers={"Authorization": f"Bearer {api_secret}"},
                            json={"model": "extern", "messages": [
                                {"role": "user", "content": f"Antrag von {v.full_name}, IBAN {v.iban}"}]},
                            timeout=TURN)
    assert completion.status_code == 200, completion.text
    for text in (json.dumps(r, ensure_ascii=False) for r in provider.requests):
        assert v.iban not in text and v.last not in text  # pseudonymised upstream (sanity of the day)

    await settle(lambda: read_database(day.db_url).rows)
    day.page_for_staff = staff.get("/transparenz").text
    day.json_record = staff.get("/transparenz.json").json()
    for client in (admin, staff, colleague):
        client.close()


def prepare_instance(settings: dict, tmp: Path) -> str:
    """Accounts, a department and an API key, written before the start as the CLI would (in this process:
    each CLI start costs ~20 s on a loaded machine). Returns the API key."""
    from chat.store.accounts import Role
    from chat.web.api.keys import open_api_keys
    from chat.settings import load_settings
    from chat.wiring import SafeGPT

    app = SafeGPT(load_settings(write_toml(tmp / "pre.toml", settings)))
    try:
        for name, role in PEOPLE.items():
            app.accounts.add(name, PASSWORD, Role(role))
        app.accounts.set_department("fachkraft", "Pflege")
        return open_api_keys(app).create("Fachverfahren", ["extern"]).secret
    finally:
        app.close()


@pytest.fixture(scope="module", params=COMBINATIONS)
def day(request, tmp_path_factory):
    from chat.web.inventory import build_inventory
    from chat.settings import load_settings

    database, history, usage = request.param
    tmp = tmp_path_factory.mktemp(f"day-{database}-{history}-{usage}")
    rng = random.Random()
    url = request.getfixturevalue("postgres_server").create_database() if database == "postgresql" else None
    provider = RecordingProvider().start()
    settings = settings_dict(tmp / "data", provider)
    settings["samples_dir"] = str(tmp / "keine-beispiele")  # the only guideline is the one the admin uploads
    settings["history"] = {"enabled": history}
    settings["usage"] = {"enabled": usage, "department_k": 2}
    with database_env(url):
        api_secret = prepare_instance(settings, tmp)
        server = start_server(settings, tmp, env={"SAFEGPT_DATABASE_URL": url} if url else None)
        try:
            loaded = load_settings(server.config)
            day = Day(database, history, usage, server, loaded, build_inventory(loaded),
                      url or loaded.db_url, kept=[make_client(rng)], deleted=[make_client(rng) for _ in range(3)],
                      api_client=make_client(rng), proposal_client=make_client(rng))
            asyncio.run(live_a_day(day, provider, tmp, api_secret))
            day.rows = read_database(day.db_url)
            day.files = files_below(server.data_dir)
            day.file_bytes = {name: path.read_bytes() for name, path in day.files.items()}
        finally:
            server.stop()
            provider.stop()
    day.log = log_lines(server.log)
    yield day


# --- everything written is declared ---------------------------------------------------------------------------

def test_every_table_column_and_row_written_is_declared(day):
    undeclared = []
    for table, rows in day.rows.rows.items():
        for row in rows:
            records = day.inventory.records_for_row(table, row)
            if not records:
                undeclared.append(f"{table}: row {row.get('id', '')} (no record)")
                continue
            for column, value in row.items():
                if value is not None and not day.inventory.column_content(table, column, row):
                    undeclared.append(f"{table}.{column}")
    assert not sorted(set(undeclared)), sorted(set(undeclared))


def test_every_file_written_is_declared(day):
    undeclared = [name for name in day.files if not day.inventory.records_for_file(name)]
    assert not undeclared, undeclared


def test_every_log_line_is_declared(day):
    log_records = [r for r in day.inventory.records if r.logs()]
    assert log_records, "the inventory declares no server log"
    undeclared = [line.text for line in day.log if line.logger and not day.inventory.records_for_logger(line.logger)]
    assert not undeclared, undeclared


# --- nothing the inventory claims is contradicted -------------------------------------------------------------

def test_switched_off_records_left_nothing_and_stored_ones_were_written(day):
    contradictions = []
    for table, rows in day.rows.rows.items():
        for row in rows:
            for record, _ in day.inventory.records_for_row(table, row):
                if not record.stored:
                    contradictions.append(f"{record.key} says '{record.when_off}' but {table} has rows")
    for name in day.files:
        for record, _ in day.inventory.records_for_file(name):
            if not record.stored:
                contradictions.append(f"{record.key} says '{record.when_off}' but {name} exists")
    for record in day.inventory.stored():
        if record.tables() and not any(t.holds(row) for t in record.tables()
                                       for row in day.rows.rows.get(t.name, [])):
            contradictions.append(f"{record.key} says it stores data but none of its tables has rows")
    assert not sorted(set(contradictions)), sorted(set(contradictions))
    assert day.inventory.record("history").stored is day.history
    assert day.inventory.record("usage").stored is day.usage


def _looks_like(content: Content, value, usernames: set[str], key: bytes | None) -> bool:
    text = str(value)
    if content is Content.CIPHERTEXT:
        try:
            Fernet(key).decrypt(text.encode())
            return True
        except (InvalidToken, TypeError, ValueError):
            return False
    if content in (Content.HASH, Content.KEYED_HASH):
        return re.fullmatch(r"[0-9a-f]{64}", text) is not None
    if content is Content.PASSWORD_HASH:
        return text.startswith("$argon2")
    if content is Content.NUMBER:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if content is Content.FLAG:
        return value in (0, 1, True, False)
    if content is Content.TIME:
        if isinstance(value, (datetime, int, float)):
            return True
        with contextlib.suppress(ValueError):
            return bool(datetime.fromisoformat(text.replace("Z", "+00:00")))
        return False
    if content is Content.DAY:
        return isinstance(value, date) or re.fullmatch(r"\d{4}-\d\d-\d\d", text) is not None
    if content is Content.MONTH:
        return re.fullmatch(r"\d{4}-\d\d", text) is not None
    if content is Content.USERNAME:
        return text in usernames or text == "config" or text.startswith("cli:")
    if content is Content.ID:
        return re.fullmatch(r"[\w.:\-]+", text) is not None
    return True  # free text and labels: checked for client details below


def test_every_column_holds_what_its_record_says(day):
    wrong = []
    for table, column, row, value in day.rows.cells():
        if value is None:
            continue
        for content in day.inventory.column_content(table, column, row):
            if not _looks_like(content, value, set(PEOPLE), day.key):
                wrong.append(f"{table}.{column} is declared {content.name} but holds {str(value)[:40]!r}")
    assert not sorted(set(wrong)), sorted(set(wrong))


# --- client details: in clear nowhere but where the page says ------------------------------------------------

def test_client_details_are_in_clear_nowhere_but_where_declared(day):
    everyone = [*day.kept, *day.deleted, day.api_client, day.proposal_client]
    found = []
    for table, column, row, value in day.rows.cells():
        for client in everyone:
            found += [f"{table}.{column}: {v}" for v in client.values() if v in str(value)]
    for name, blob in day.file_bytes.items():
        for client in everyone:
            found += [f"file {name}: {v}" for v in client.values() if v.encode() in blob]
    for line in day.log:
        found += [f"log: {line.text[:80]}" for client in everyone for v in client.values() if v in line.text]
    assert not found, found
    # The proposal was stored (protected: placeholders where the name was), else the check above proves nothing.
    proposals = day.rows.rows["library_prompt_versions"]
    assert any(row["template"].startswith("Schreibe einen Brief an Familie [") for row in proposals), proposals


def test_no_staff_name_and_no_password_in_the_server_log(day):
    for line in day.log:
        for name in ("fachkraft", "kollegin", "chefin", PASSWORD, "falsch"):
            assert name not in line.text, line.text


def test_history_content_is_ciphertext_and_decrypts_to_the_chat(day):
    if not day.history:
        assert not day.rows.rows.get("chat_threads") and not day.rows.rows.get("chat_steps")
        assert day.key is None
        return
    kept = day.kept[0]
    opened = [Fernet(day.key).decrypt(str(row["data"]).encode()).decode()
              for table in ("chat_threads", "chat_steps", "chat_elements") for row in day.rows.rows[table]]
    everything = "\n".join(opened)
    # What the page says the history holds: the real details, the "Geschützte Angaben" step pairing each
    # with its placeholder, and the attachment's name — encrypted.
    assert kept.last in everything and kept.birth in everything
    steps = [json.loads(Fernet(day.key).decrypt(str(row["data"]).encode()))
             for row in day.rows.rows["chat_steps"]]
    stored = [(s.get("threadId", "")[:8], s.get("type"), s.get("name"), len(s.get("output") or "")) for s in steps]
    assert any(s.get("name", "").startswith("Geschützte Angaben") for s in steps), stored
    assert "[Person 1]" in everything, stored
    assert "notiz.txt" in everything


# --- deleted chats leave nothing ------------------------------------------------------------------------------

def test_deleted_chats_leave_nothing(day):
    if day.history:
        assert "Sie haben keine gespeicherten Chats" in day.my_data_page
    remaining = []
    for table, column, row, value in day.rows.cells():
        if any(thread and thread in str(value) for thread in day.deleted_threads):
            remaining.append(f"{table}.{column} refers to a deleted chat")
    key = day.key
    if key is not None:
        for table, column, row, value in day.rows.cells():
            if isinstance(value, str) and value.startswith("gAAAAA"):
                text = Fernet(key).decrypt(value.encode()).decode()
                remaining += [f"{table}.{column} decrypts to {v}" for c in day.deleted for v in c.values()
                              if v in text]
        for name, blob in day.file_bytes.items():  # also free pages and the write-ahead log of SQLite
            for text in decrypted_tokens(blob, key):
                remaining += [f"{name} holds ciphertext of {v}" for c in day.deleted for v in c.values() if v in text]
    if day.history:  # the source excerpts shown in a deleted chat went with it (else an hour after the session)
        remaining += [name for name in day.files for session in day.deleted_sessions
                      if name.startswith(f"chainlit/.files/{session}/")]
        assert any(name.startswith(f"chainlit/.files/{day.kept_sessions[0]}/") for name in day.files)
    assert not remaining, remaining
    if day.history:  # the scan finds what is there: the kept chat is still readable
        kept_texts = "\n".join(t for blob in day.file_bytes.values() for t in decrypted_tokens(blob, key)) + "\n".join(
            Fernet(key).decrypt(str(r["data"]).encode()).decode() for r in day.rows.rows["chat_steps"])
        assert day.kept[0].last in kept_texts


# --- the page, the JSON record and the inventory are one -----------------------------------------------------

def test_page_states_what_the_inventory_says(day):
    page = day.page_for_staff
    statement = re.sub(r"<[^>]+>|\s+", " ", re.search(r'id="history-statement"[^>]*>(.*?)</li>', page, re.S).group(1))
    if day.history:
        assert "wird gespeichert" in statement and "verschlüsselt" in statement
        assert f"{day.settings.history.retention_days} Tage" in page
        assert "Kein Chatverlauf wird dauerhaft gespeichert" not in page
        assert "Betrieb" in page and "Schlüssel" in page  # who can technically decrypt it
    else:
        assert "kein chatverlauf gespeichert" in statement.lower()
        assert "meine-daten" not in page  # nothing to see or delete
    for record in day.inventory.stored():
        assert record.title in page, record.title
    assert "Externes Testmodell" in page and "pseudonymisierte Texte" in page
    assert "pseudonymised" not in page  # the data classes in German words


@dataclass(frozen=True)
class Place:
    """One place the page names (read from the page's HTML, not from the inventory)."""

    table: str = ""
    rows: tuple[tuple[str, str], ...] = ()
    columns: frozenset[str] = frozenset()
    files: str = ""
    loggers: tuple[str, ...] = ()

    def holds(self, row: dict) -> bool:
        return all(str(row.get(column)) == value for column, value in self.rows)

    def covers_logger(self, logger: str) -> bool:
        return any(logger == name or logger.startswith(name + ".") for name in self.loggers)


def _places(html_part: str) -> list[Place]:
    found = []
    for attrs, inner in re.findall(r'<li class="place"([^>]*)>(.*?)</li>', html_part, re.S):
        data = {k: html.unescape(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', attrs)}
        found.append(Place(table=data.get("table", ""),
                           rows=tuple((k[len("row-"):], v) for k, v in data.items() if k.startswith("row-")),
                           columns=frozenset(re.findall(r'data-column="([^"]+)"', inner)),
                           files=data.get("files", ""), loggers=tuple(data.get("loggers", "").split())))
    return found


def page_places(page: str) -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """Record key → the places the page names, for what it says is stored and what it says is switched off."""
    stored = {key: _places(body) for key, body in
              re.findall(r'<section class="record" id="record-([\w-]+)">(.*?)</section>', page, re.S)}
    off = {key: _places(body) for key, body in re.findall(r'<tr id="off-([\w-]+)">(.*?)</tr>', page, re.S)}
    return stored, off


def test_the_page_itself_names_everything_written_and_switches_off_nothing_that_exists(day):
    """Read from the page as served (not from the inventory object): every table row and filled column, every
    file and every log line of the instance is named in a section of what is stored, and nothing the page lists
    as switched off exists."""
    stored, off = page_places(day.page_for_staff)
    assert set(stored) == {r.key for r in day.inventory.stored()}
    assert set(off) == {r.key for r in day.inventory.switched_off()}
    named = [p for places in stored.values() for p in places]
    assert any(p.table == "chat_steps" for p in named) is day.history  # the parse sees what the page says
    problems = []
    for table, rows in day.rows.rows.items():
        for row in rows:
            on_page = [p for p in named if p.table == table and p.holds(row)]
            if not on_page:
                problems.append(f"{table}: a row of kind {row.get('kind', '-')} is on no row of the page")
            columns = set().union(*(p.columns for p in on_page))
            problems += [f"{table}.{c} is not on the page" for c, v in row.items()
                         if v is not None and on_page and c not in columns]
            problems += [f"the page says {key!r} is switched off, but {table} has such rows"
                         for key, places in off.items() for p in places if p.table == table and p.holds(row)]
    for name in day.files:
        if not any(p.files and fnmatch.fnmatchcase(name, p.files) for p in named):
            problems.append(f"file {name} is not on the page")
        problems += [f"the page says {key!r} is switched off, but {name} exists" for key, places in off.items()
                     for p in places if p.files and fnmatch.fnmatchcase(name, p.files)]
    for line in day.log:
        if line.logger and not any(p.covers_logger(line.logger) for p in named):
            problems.append(f"log lines of {line.logger} are not on the page")
    assert not sorted(set(problems)), sorted(set(problems))


def test_models_on_the_page_with_location_and_data_classes_in_german_words(day):
    from privacy.messages import DATA_CLASSES as GERMAN_CLASSES
    from privacy.messages import LOCATIONS as GERMAN_LOCATIONS

    table = re.search(r'<table id="models">(.*?)</table>', day.page_for_staff, re.S).group(1)
    rows = [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]
    assert len(rows) == len(day.settings.model_list)
    for entry in day.settings.model_list:
        name, _kind, location, receives, _approved = next(r for r in rows if r[0] == entry.display_name)
        assert location == GERMAN_LOCATIONS[entry.safegpt.location]
        for code, words in GERMAN_CLASSES.items():
            assert (words in receives) is day.settings.may_receive(entry, code), (name, code)
            assert code not in receives.split()  # German words, not the configuration's codes


def test_json_record_is_the_inventory_the_test_checked(day):
    expected = processing_record(day.inventory)
    served = day.json_record
    for field_name in ("purposes", "data_subjects", "personal_data", "recipients", "erasure_periods",
                       "security_measures", "switched_off"):
        assert served[field_name] == expected[field_name], field_name
    assert [s["key"] for s in served["storage"]] == [s["key"] for s in expected["storage"]]
