"""Hostile uploads, for the admin's knowledge-base upload and for files attached in the chat.

Every bad file gets a clear German message; nothing is half-done (no index entry, no file left behind, nothing
written outside the upload area); the typed chat message is not lost; the server keeps working. Parsers,
guardrail, Chroma and the server are real; the only stand-in is the injected ENOSPC of the disk-full test.
"""

from __future__ import annotations

import asyncio
import errno
import io
import re
import socket
import sqlite3
import time
import zipfile
from pathlib import Path

import docx
import httpx
import pytest

from chat.core import upload_messages as up_texts
from chat.core.attachments import AttachmentRefused, IncomingFile, compose_turn, read_attachments
from knowledge.errors import FileTooComplex, KnowledgeError, StorageFull, WrongContent
from knowledge.parsers import parse_file
from knowledge.parsers.content_check import MAX_ZIP_MEMBER_BYTES
from tests.conftest import settings_dict
from tests.knowledge.fixture_files import build_pdf
from tests.support.http_login import logged_in_client
from tests.support.openai_stub import RecordingProvider
from tests.support.server import FAULT_PLUGIN, start_server_with_users

PASSWORD = "sicheres-passwort-123"
MB = 1024 * 1024
GUIDELINE = ("Fahrtkosten werden mit dem Formular F-12 bei der Verwaltung beantragt. Bei Nutzung des privaten "
             "PKW werden 0,30 Euro pro gefahrenem Kilometer erstattet.")
CLIENT_NOTE = ("Gesprächsnotiz: Frau Aylin Demir (aylin.demir@web.de) bittet um Unterstützung beim Antrag auf "
               "Wohngeld. Ihr Vermieter hat die Mietbescheinigung noch nicht geschickt.")
CLIENT_SECRETS = ("Aylin", "Demir", "aylin.demir@web.de")


# --- hostile files -------------------------------------------------------------------------------------------
def good_pdf() -> bytes:
    return build_pdf([[GUIDELINE[:70], GUIDELINE[70:]]], title="Reisekosten")


def good_docx(text: str = GUIDELINE) -> bytes:
    document = docx.Document()
    document.add_heading("Reisekosten", level=1)
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(good_pdf()))
    writer.encrypt("geheim", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bomb_docx(member_bytes: int) -> bytes:
    """A real DOCX whose document.xml inflates to ``member_bytes`` of spaces (compresses about 1000:1)."""
    source = zipfile.ZipFile(io.BytesIO(good_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info, source.read(info.filename))
        with bomb.open("word/document.xml", "w", force_zip64=True) as member:
            xml = source.read("word/document.xml")
            member.write(xml[:-len(b"</w:document>")])
            chunk = b" " * MB
            for _ in range(member_bytes // MB):
                member.write(chunk)
            member.write(b"</w:document>")
    return out.getvalue()


HOSTILE = {
    # name: (content, German phrase of the refusal)
    "programm.pdf": (b"MZ\x90\x00\x03" + b"\x00" * 2000, "keine PDF-Datei"),          # .exe renamed .pdf
    "richtlinie.docx": (None, "keine Word-Datei"),                                    # a PDF named .docx
    "notiz.txt": (b"\x7fELF\x02\x01\x01" + b"\x00" * 500, "keine Textdatei"),         # a program named .txt
    "bombe.docx": (None, "Zip-Bombe"),
    "kaputt.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n\x00\xff garbage", "beschädigt"),
    "abgeschnitten.pdf": (None, "beschädigt"),
    "geschuetzt.pdf": (None, "verschlüsselt"),
}


def hostile_bytes(name: str) -> bytes:
    content, _ = HOSTILE[name]
    if content is not None:
        return content
    return {"richtlinie.docx": good_pdf, "bombe.docx": lambda: zip_bomb_docx(300 * MB),
            "abgeschnitten.pdf": lambda: good_pdf()[: len(good_pdf()) // 2],
            "geschuetzt.pdf": encrypted_pdf}[name]()


# --- the parsers (shared by admin upload, chat attachments and `safegpt kb add`) -----------------------------
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_parsers_refuse_hostile_files_in_german(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(hostile_bytes(name))
    started = time.perf_counter()
    with pytest.raises(KnowledgeError) as caught:
        parse_file(path)
    assert HOSTILE[name][1] in str(caught.value) and name in str(caught.value)
    assert time.perf_counter() - started < 5


def test_zip_bomb_is_refused_from_the_directory_without_inflating(tmp_path):
    path = tmp_path / "bombe.docx"
    path.write_bytes(zip_bomb_docx(300 * MB))
    assert path.stat().st_size < 2 * MB  # 300 MB of XML behind < 2 MB on disk
    import tracemalloc

    tracemalloc.start()
    with pytest.raises(FileTooComplex):
        parse_file(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\n300 MB zip bomb ({path.stat().st_size / MB:.2f} MB on disk) refused, peak allocation {peak / 1024:.0f} KB")
    assert peak < 5 * MB, f"checking the bomb allocated {peak / MB:.1f} MB"


def test_docx_limits_leave_normal_documents_alone(tmp_path):
    path = tmp_path / "lang.docx"
    path.write_bytes(good_docx(" ".join([GUIDELINE] * 3000)))  # ~400,000 characters of real text
    assert sum(len(b.text) for b in parse_file(path).blocks) > 300_000
    big_member = tmp_path / "gross.docx"
    big_member.write_bytes(zip_bomb_docx(MAX_ZIP_MEMBER_BYTES + MB))
    with pytest.raises(FileTooComplex):
        parse_file(big_member)


def test_wrong_content_is_an_unsupported_format(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"MZ" + b"\x00" * 100)
    with pytest.raises(WrongContent) as caught:
        parse_file(path)
    assert "Programmdatei" in str(caught.value)


# --- chat attachments: read, refused, always deleted ---------------------------------------------------------
def incoming(folder: Path, client_name: str, data: bytes) -> IncomingFile:
    """A file as Chainlit stores it: under a random name in the session folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{time.perf_counter_ns()}.bin"
    path.write_bytes(data)
    return IncomingFile(name=client_name, path=path)


def read(files, tmp_path, max_files=3, max_bytes=MB):
    return read_attachments(files, max_files=max_files, max_bytes=max_bytes, work_dir=tmp_path / "work")


def everything_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_attachments_are_read_and_deleted(tmp_path):
    session = tmp_path / "session"
    files = [incoming(session, "Gesprächsnotiz.docx", good_docx(CLIENT_NOTE)),
             incoming(session, "notiz.txt", CLIENT_NOTE.encode("cp1252"))]
    attachments = read(files, tmp_path)
    assert [a.name for a in attachments] == ["Gesprächsnotiz.docx", "notiz.txt"]
    assert all("Aylin Demir" in a.text for a in attachments)
    assert everything_under(tmp_path) == []  # nothing of the files is left anywhere
    turn = compose_turn("Bitte zusammenfassen.", attachments, 20_000)
    assert turn.startswith("Bitte zusammenfassen.") and "„notiz.txt“" in turn and turn.count("Aylin Demir") == 2
    assert compose_turn("  ", attachments[:1], 20_000).startswith(up_texts.DEFAULT_QUESTION)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_attachments_are_refused_and_deleted(tmp_path, name):
    session = tmp_path / "session"
    files = [incoming(session, "gut.txt", GUIDELINE.encode()), incoming(session, name, hostile_bytes(name))]
    with pytest.raises(AttachmentRefused) as caught:
        read(files, tmp_path)
    message = str(caught.value)
    assert HOSTILE[name][1] in message and "Es wurde nichts an das Sprachmodell gesendet" in message
    assert "erneut gesendet werden" in message  # the typed message is not lost: it can be sent again
    assert everything_under(tmp_path) == []


@pytest.mark.parametrize("client_name, shown", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\windows\\system32\\notiz.txt", "notiz.txt"),
    ("bericht\x00.exe.txt", "bericht_.exe.txt"),
    ("Überprüfung – Ärztin 🩺 ناصر.md", "Überprüfung _ Ärztin _ ناصر.md"),
    ("a" * 5000 + ".txt", "a" * 100 + ".txt"),
    ("\u202etxt.exe", None),   # right-to-left override hiding ".exe"
    ("../../etc/passwd", None),
])
def test_odd_file_names_stay_inside_the_upload_area(tmp_path, client_name, shown):
    session = tmp_path / "session"
    files = [incoming(session, client_name, GUIDELINE.encode())]
    if shown is None:
        with pytest.raises(AttachmentRefused) as caught:
            read(files, tmp_path)
        assert "nicht unterstützten Typ" in str(caught.value) and "\x00" not in str(caught.value)
    else:
        (attachment,) = read(files, tmp_path)
        assert attachment.name == shown and attachment.text == GUIDELINE
    assert everything_under(tmp_path) == []
    assert not (tmp_path.parent / "etc").exists() and not Path("/etc/passwd.txt").exists()


def test_too_many_and_too_large_attachments(tmp_path):
    session = tmp_path / "session"
    files = [incoming(session, f"n{i}.txt", GUIDELINE.encode()) for i in range(4)]
    with pytest.raises(AttachmentRefused, match=r"Zu viele Dateien angehängt \(4; höchstens 3"):
        read(files, tmp_path)
    assert everything_under(tmp_path) == []

    # 500 MB without writing 500 MB: a sparse file. It is refused from its size; nothing reads it.
    huge = session / "huge.bin"
    with huge.open("wb") as fh:
        fh.truncate(500 * MB)
    with pytest.raises(AttachmentRefused, match=r"„riesig.pdf“ ist zu groß \(500,0 MB; höchstens 1,0 MB\)"):
        read([IncomingFile(name="riesig.pdf", path=huge)], tmp_path)
    assert everything_under(tmp_path) == []

    with pytest.raises(AttachmentRefused, match="ausgeschaltet"):
        read([incoming(session, "a.txt", b"Text")], tmp_path, max_files=0)
    assert everything_under(tmp_path) == []


def test_attachment_text_counts_towards_the_message_limit(tmp_path):
    (attachment,) = read([incoming(tmp_path / "s", "lang.txt", (GUIDELINE + "\n").encode() * 200)], tmp_path)
    with pytest.raises(AttachmentRefused, match=r"zu lang \(\d+ Zeichen zusammen mit Ihrer Nachricht; höchstens 5000"):
        compose_turn("Zusammenfassen", [attachment], 5000)


# --- chat attachments through the guardrail (real pipeline, recording stub on 127.0.0.1) ---------------------
@pytest.fixture(scope="module")
def stub():
    provider = RecordingProvider().start()
    yield provider
    provider.stop()


@pytest.fixture(scope="module")
def app(tmp_path_factory, stub):
    from chat.settings import load_settings
    from chat.wiring import SafeGPT

    application = SafeGPT(load_settings(use_file=False, **settings_dict(tmp_path_factory.mktemp("up") / "data", stub)))
    yield application
    application.close()


def test_attachment_text_is_pseudonymised_before_the_model_sees_it(app, stub, tmp_path):
    stub.requests.clear()
    (attachment,) = read([incoming(tmp_path / "s", "Notiz Demir.docx", good_docx(CLIENT_NOTE))], tmp_path)
    turn = compose_turn("Fasse die Notiz zusammen.", [attachment], app.settings.chat.max_message_chars)
    conversation = app.pipeline.new_conversation()

    async def run():
        return [event async for event in app.pipeline.answer(conversation, turn)]

    events = asyncio.run(run())
    protected = events[0]
    originals = {original for _, original, _ in protected.replacements}
    assert {"Aylin Demir", "aylin.demir@web.de"} <= originals and protected.data_class.value == "pseudonymised"
    sent = stub.received_text()
    for secret in CLIENT_SECRETS:
        assert secret not in sent, f"{secret!r} reached the model"
    assert "[Person 1]" in sent and "Inhalt der angehängten Datei" in sent
    assert "Aylin Demir" in events[-1].text  # the answer shown has the real name back


def test_special_category_data_in_an_attachment_keeps_it_off_the_external_model(app, stub, tmp_path):
    from chat.llm.errors import ModelNotAllowed

    stub.requests.clear()
    note = CLIENT_NOTE + " Diagnose: schwere Depression, sie nimmt Antidepressiva."
    (attachment,) = read([incoming(tmp_path / "s", "befund.txt", note.encode())], tmp_path)
    turn = compose_turn("", [attachment], app.settings.chat.max_message_chars)
    conversation = app.pipeline.new_conversation()

    async def run():
        return [event async for event in app.pipeline.answer(conversation, turn)]

    with pytest.raises(ModelNotAllowed, match="besondere Kategorien|Gesundheit"):
        asyncio.run(run())
    assert stub.requests == []


# --- disk full during ingestion ------------------------------------------------------------------------------
def kb_state(app) -> dict:
    """Everything that makes up the knowledge base: registry rows, keyword index, vectors, stored originals."""
    kb = app.knowledge
    db = sqlite3.connect(kb.data_dir / "knowledge.sqlite3")
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        rows = {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        db.close()
    files = sorted(str(p.relative_to(kb.data_dir)) for p in (kb.data_dir / "knowledge_files").rglob("*") if p.is_file())
    return {"rows": rows, "vectors": sorted(kb._store.all_ids()), "files": files}


@pytest.fixture
def kb_app(tmp_path, stub):
    from chat.settings import load_settings
    from chat.wiring import SafeGPT

    application = SafeGPT(load_settings(use_file=False, **settings_dict(tmp_path / "data", stub)))
    yield application
    application.close()


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["stored original", "vectors", "registry"])
def test_disk_full_during_ingestion_leaves_the_previous_state(kb_app, tmp_path, monkeypatch, step):
    """Disk full cannot be produced here without root, so ENOSPC is injected at one write step of the ingestion
    (the only mock in this file): copying the original into knowledge_files/, Chroma's write of the vectors, or
    SQLite's write of the registry rows (SQLite reports a full disk as "database or disk is full"). The
    knowledge base must afterwards be exactly as before — for a new document and for a replacement — and the
    admin gets a German message."""

    curator = kb_app.curator
    old = tmp_path / "reisekosten.md"
    old.write_text("# Reisekosten\n\n" + GUIDELINE + "\n", encoding="utf-8")
    curator.add(old, "leitung", confirm=lambda report: True)
    before = kb_state(kb_app)
    assert before["vectors"] and before["files"]

    replacement = tmp_path / "upload" / "reisekosten.md"
    replacement.parent.mkdir()
    replacement.write_text("# Reisekosten\n\n" + GUIDELINE.replace("0,30", "0,35") + "\n", encoding="utf-8")
    new = tmp_path / "upload" / "fahrrad.md"
    new.write_text("# Fahrradleasing\n\nMitarbeitende beantragen ein Dienstrad mit dem Formular F-77.\n",
                   encoding="utf-8")

    kb = kb_app.knowledge
    if step == "stored original":
        original_write = Path.write_bytes

        def write_bytes(self, data):
            if "knowledge_files" in self.parts:
                with self.open("wb") as fh:  # a real full disk leaves a partly written file behind
                    fh.write(data[: len(data) // 2])
                _no_space()
            return original_write(self, data)

        monkeypatch.setattr(Path, "write_bytes", write_bytes)
    elif step == "vectors":
        monkeypatch.setattr(kb._store, "add", _no_space)
    else:
        def insert_chunks(*args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(kb._registry, "insert_chunks", insert_chunks)

    for path in (replacement, new):
        with pytest.raises(StorageFull) as caught:
            curator.add(path, "leitung", confirm=lambda report: True)
        assert "Speicherplatz des Servers ist voll" in str(caught.value) and path.name in str(caught.value)
        assert "Wissensdatenbank ist unverändert" in str(caught.value)
        assert kb_state(kb_app) == before, f"state changed after a full disk at the {step} step ({path.name})"
    monkeypatch.undo()

    # The previous version still answers, and once there is space again the same upload goes through.
    assert any("0,30 Euro" in p.text for p in kb.search("Kilometer Erstattung privater PKW"))
    assert curator.add(replacement, "leitung", confirm=lambda report: True).replaced
    assert any("0,35 Euro" in p.text for p in kb.search("Kilometer Erstattung privater PKW"))
    failed = [e for e in kb_app.audit.entries("knowledge") if e.action == "add-failed"]
    assert len(failed) == 2 and all("Speicherplatz voll" in e.detail for e in failed)


# --- a real server: admin upload and the chat's upload endpoint ----------------------------------------------
@pytest.fixture(scope="module")
def server(tmp_path_factory, stub):
    tmp = tmp_path_factory.mktemp("uploads-server")
    settings = settings_dict(tmp / "data", stub)
    settings["knowledge_ingest"] = {"max_upload_mb": 1}
    settings["chat"] = {**settings["chat"], "max_upload_mb": 1, "max_upload_files": 2}
    srv = start_server_with_users(settings, tmp, {"leitung": "admin", "fachkraft": "staff"}, PASSWORD)
    yield srv
    srv.stop()


def login(server, user: str) -> httpx.Client:
    return logged_in_client(server.base_url, user, PASSWORD, timeout=120)  # uploads index under load


@pytest.fixture(scope="module")
def admin(server):
    client = login(server, "leitung")
    yield client
    client.close()


def csrf(client) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/admin/wissen").text).group(1)


def doc_ids(client) -> list[str]:
    return re.findall(r'<tr data-doc="([^"]+)"', client.get("/admin/wissen").text)


def data_files(server) -> set[Path]:
    """Files under the data dir, except the databases and Chroma (which change on every request)."""
    changing = ("chroma",)
    return {p for p in server.data_dir.rglob("*") if p.is_file() and p.relative_to(server.data_dir).parts[0]
            not in changing and not p.name.startswith(("safegpt.db", "knowledge.sqlite3"))}


def uploads_left(server) -> list[Path]:
    return [p for p in (server.data_dir / "uploads").rglob("*") if p.is_file()] if (
        server.data_dir / "uploads").exists() else []


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def raw_post(server, path: str, declared: int, body: bytes, cookie: str = "") -> tuple[int, str, float]:
    """POST with a declared Content-Length of ``declared`` bytes but send only ``body``, then read the answer.
    This is how a 500 MB upload looks to the server while it arrives, without making one."""
    port = int(server.base_url.rsplit(":", 1)[1])
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: multipart/form-data; boundary=grenze\r\nContent-Length: {declared}\r\n"
            + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode()
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head + body)
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        header, _, rest = data.partition(b"\r\n\r\n")
        length = int(re.search(rb"content-length: (\d+)", header, re.IGNORECASE).group(1))
        while len(rest) < length:
            piece = sock.recv(65536)
            if not piece:
                break
            rest += piece
    status = int(header.split(b" ", 2)[1])
    return status, rest.decode("utf-8", "replace"), time.perf_counter() - started


def multipart_start(name: str, csrf_token: str = "") -> bytes:
    fields = f'--grenze\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf_token}\r\n' if csrf_token else ""
    return (fields + f'--grenze\r\nContent-Disposition: form-data; name="datei"; filename="{name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n").encode() + b"%PDF-1.7\n" + b"0" * 60_000


def test_admin_refuses_hostile_uploads_in_german_and_keeps_nothing(server, admin):
    before, files = doc_ids(admin), data_files(server)
    for name in sorted(HOSTILE):
        response = admin.post("/admin/wissen/hochladen", data={"csrf": csrf(admin)},
                              files={"datei": (name, hostile_bytes(name), "application/octet-stream")})
        assert response.status_code == 400, (name, response.status_code)
        assert HOSTILE[name][1] in response.text and "Es wurde nichts gespeichert" in response.text, name
    assert doc_ids(admin) == before
    assert uploads_left(server) == [] and data_files(server) == files


@pytest.mark.parametrize("client_name", ["../../etc/passwd", "../../etc/passwd.md", "no\x00te.md", "ü" * 500 + ".md",
                                         "ü" * 3000 + ".md", "\u202edm.exe"])
def test_admin_upload_with_odd_names_writes_nothing_outside(server, admin, client_name):
    before, files = set(doc_ids(admin)), data_files(server)
    response = admin.post("/admin/wissen/hochladen", data={"csrf": csrf(admin)},
                          files={"datei": (client_name, b"# Merkblatt\n\n" + GUIDELINE.encode(), "text/markdown")})
    assert response.status_code in (200, 400)
    expected = ("Aufgenommen", "nicht unterstützt", "nicht empfangen werden")
    assert any(text in response.text for text in expected), response.text[-3000:]
    assert "\x00" not in response.text and "../" not in response.text
    for doc in set(doc_ids(admin)) - before:
        page = admin.get(f"/admin/wissen/dokument/{doc}").text
        assert "../" not in page and "\x00" not in page and "ü" * 101 not in page  # cut to 100 characters
        admin.post(f"/admin/wissen/dokument/{doc}/loeschen", data={"csrf": csrf(admin)})
    assert not (server.data_dir.parent / "etc").exists() and not Path("/etc/passwd.md").exists()
    assert uploads_left(server) == [] and data_files(server) == files


def test_500_mb_admin_upload_is_refused_from_its_size(server, admin):
    before = doc_ids(admin)
    rss_before = rss_mb(server.process.pid)
    cookie = "; ".join(f"{k}={v}" for k, v in admin.cookies.items())
    status, body, seconds = raw_post(server, "/admin/wissen/hochladen", 500 * MB,
                                     multipart_start("riesig.pdf", csrf(admin)), cookie)
    assert status == 413 and "zu groß (höchstens 1 MB)" in body and "Es wurde nichts gespeichert" in body
    grown = rss_mb(server.process.pid) - rss_before
    print(f"\n500 MB admin upload refused after {seconds * 1000:.0f} ms; server memory {grown:+.1f} MB")
    assert seconds < 10 and grown < 50
    assert doc_ids(admin) == before and uploads_left(server) == []
    assert httpx.get(server.base_url + "/healthz").status_code == 200


def test_admin_upload_without_declared_size_is_stopped_at_the_limit(server, admin):
    token = csrf(admin)

    def body():  # chunked transfer: no Content-Length; would go on for 500 MB
        yield f'--grenze\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'.encode()
        yield b'--grenze\r\nContent-Disposition: form-data; name="datei"; filename="riesig.txt"\r\n\r\n'
        for _ in range(500):
            yield b"Ein Satz mit Inhalt. " * 50_000

    try:
        response = admin.post("/admin/wissen/hochladen", content=body(),
                              headers={"Content-Type": "multipart/form-data; boundary=grenze"})
    except httpx.HTTPError as exc:  # the server may close the connection while we are still sending
        print("chunked admin upload:", type(exc).__name__)
        response = None
    if response is not None:
        print("chunked admin upload:", response.status_code)
        assert response.status_code == 413 and "zu groß" in response.text
    assert uploads_left(server) == []
    assert httpx.get(server.base_url + "/healthz").status_code == 200
    assert admin.get("/admin/wissen").status_code == 200


def test_chat_upload_endpoint_refuses_large_files_on_the_server(server):
    user = login(server, "fachkraft")
    cookie = "; ".join(f"{k}={v}" for k, v in user.cookies.items())
    status, body, seconds = raw_post(server, "/chat/project/file?session_id=x", 500 * MB,
                                     multipart_start("riesig.pdf"), cookie)
    assert status == 413 and "zu groß (höchstens 1 MB)" in body and seconds < 10
    print(f"\n500 MB chat upload refused after {seconds * 1000:.0f} ms")
    # Just above the limit, with an honest size: refused as well (the browser's check is only a convenience).
    response = user.post("/chat/project/file", params={"session_id": "x"},
                         files={"file": ("gross.txt", b"x" * (MB + 100 * 1024), "text/plain")})
    assert response.status_code == 413 and "zu groß" in response.json()["detail"]

    def chunked():
        yield b'--grenze\r\nContent-Disposition: form-data; name="file"; filename="riesig.txt"\r\n\r\n'
        for _ in range(100):
            yield b"x" * MB

    try:
        response = user.post("/chat/project/file", params={"session_id": "x"}, content=chunked(),
                             headers={"Content-Type": "multipart/form-data; boundary=grenze"})
        print("chunked chat upload:", response.status_code)
        assert response.status_code == 413 and "zu groß" in response.json()["detail"]
    except httpx.HTTPError as exc:  # the server may close the connection while we are still sending
        print("chunked chat upload:", type(exc).__name__)
    # The settings the browser gets: uploads on, with our limits and only the parsers' types.
    features = user.get("/chat/project/settings", params={"language": "de-DE"}).json()["features"]
    upload = features["spontaneous_file_upload"]
    assert upload["enabled"] is True and upload["max_files"] == 2 and upload["max_size_mb"] == 1
    suffixes = {s for values in upload["accept"].values() for s in values}
    assert suffixes == {".docx", ".htm", ".html", ".markdown", ".md", ".pdf", ".text", ".txt"}
    assert not list((server.data_dir / "chainlit").rglob(".files/*/*"))
    assert httpx.get(server.base_url + "/healthz").status_code == 200
    user.close()


def test_server_log_holds_no_file_content(server):
    log = server.log.read_text(errors="replace")
    for fragment in ("Fahrtkosten werden", "Merkblatt", "Ein Satz mit Inhalt", *CLIENT_SECRETS):
        assert fragment not in log


# Started instead of `python -m chat.cli`: the same server, with ENOSPC injected into the write of the vectors
# while the marker file named in SAFEGPT_TEST_DISK_FULL exists (the test's way to fill and free the disk).
def test_disk_full_over_http_keeps_the_knowledge_base_and_tells_the_admin(tmp_path, stub):
    """ENOSPC cannot be produced here without root: it is injected into the vector write of a real server (the
    fault plugin, tests/support/fault_plugin). The admin gets a German message, the list of documents and the
    stored files stay exactly as before, nothing is left in the upload area, and once there is space again the
    same upload works."""
    marker = tmp_path / "disk-full"
    srv = start_server_with_users(settings_dict(tmp_path / "data", stub), tmp_path, {"leitung": "admin"}, PASSWORD,
                                  env={"PYTHONPATH": str(FAULT_PLUGIN), "SAFEGPT_TEST_DISK_FULL": str(marker)})
    try:
        client = login(srv, "leitung")
        old_version = b"# Reisekosten\n\n" + GUIDELINE.encode()
        first = client.post("/admin/wissen/hochladen", data={"csrf": csrf(client)},
                            files={"datei": ("reisekosten.md", old_version, "text/markdown")})
        assert first.status_code == 200 and "Aufgenommen" in first.text
        docs, files = doc_ids(client), data_files(srv)

        marker.touch()
        new_version = b"# Reisekosten\n\n" + GUIDELINE.replace("0,30", "0,35").encode()
        other = b"# Fahrrad\n\nDienstrad mit Formular F-77."
        for name, data in (("reisekosten.md", new_version), ("fahrrad.md", other)):
            response = client.post("/admin/wissen/hochladen", data={"csrf": csrf(client)},
                                   files={"datei": (name, data, "text/markdown")})
            assert response.status_code == 507, (name, response.status_code)
            assert "Speicherplatz des Servers ist voll" in response.text
            assert "Es wurde nichts gespeichert" in response.text
            assert doc_ids(client) == docs and data_files(srv) == files and uploads_left(srv) == []
        doc = next(d for d in docs if d.startswith("reisekosten-md"))
        page = client.get(f"/admin/wissen/dokument/{doc}").text
        assert "0,30 Euro" in page and "0,35 Euro" not in page  # the previous version is what is stored

        marker.unlink()
        again = client.post("/admin/wissen/hochladen", data={"csrf": csrf(client)},
                            files={"datei": ("reisekosten.md", new_version, "text/markdown")})
        assert again.status_code == 200 and "Ersetzt" in again.text
        client.close()
    finally:
        srv.stop()
