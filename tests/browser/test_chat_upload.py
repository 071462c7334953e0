"""Files attached in the chat, end to end: real server, real Chainlit page in chromium, recording model stub.

The model receives the file's text only with pseudonyms; the user sees what was attached and what was
protected, and the answer with the real name; the file is gone from the server after the turn. A file whose
content does not match its name is refused with a German message and nothing reaches the model.
"""

from __future__ import annotations

import io
import time

import docx
import pytest

from tests.browser.conftest import login, send
from tests.conftest import settings_dict
from tests.support.server import start_server_with_users

pytestmark = pytest.mark.browser

PASSWORD = "sicheres-passwort-123"
NOTE = ("Gesprächsnotiz vom Hausbesuch: Frau Aylin Demir (aylin.demir@web.de) bittet um Unterstützung beim Antrag "
        "auf Wohngeld. Der Vermieter hat die Mietbescheinigung noch nicht geschickt.")
SECRETS = ["Aylin", "Demir", "aylin.demir@web.de"]
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def note_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Hausbesuch", level=1)
    document.add_paragraph(NOTE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def server(tmp_path_factory, module_provider):
    tmp = tmp_path_factory.mktemp("chat-upload")
    settings = settings_dict(tmp / "data", module_provider, samples=True)
    settings["chat"] = {**settings["chat"], "max_upload_mb": 1, "max_upload_files": 2}
    srv = start_server_with_users(settings, tmp, {"fachkraft": "staff"}, PASSWORD)
    yield srv
    srv.stop()


def stored_uploads(server) -> list:
    """Files Chainlit keeps for sessions, plus our own working folder for attachments."""
    roots = [server.data_dir / "chainlit" / ".files", server.data_dir / "chat_uploads"]
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def attach(page, server, name: str, mime: str, data: bytes):
    """Attach a file in the page; return the path where the server holds it until the message is sent."""
    before = set(stored_uploads(server))
    page.locator("#upload-button-input").set_input_files(files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.get_by_text(name).first.wait_for(timeout=30_000)  # the attachment chip
    deadline = time.time() + 30
    while time.time() < deadline:  # the chip shows before the upload has finished
        new = set(stored_uploads(server)) - before
        if new and page.locator("#upload-button-loading").count() == 0:
            (path,) = new
            return path
        time.sleep(0.2)
    raise AssertionError(f"{name} never arrived on the server")


def test_attached_docx_is_pseudonymised_answered_and_deleted(server, provider, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    uploaded = attach(page, server, "Hausbesuch.docx", DOCX_MIME, note_docx())  # held until the message is sent
    send(page, "Bitte fasse die Notiz kurz zusammen.")

    # The answer shows the real name again …
    page.locator(".step").filter(has_text="Für Aylin Demir gilt").last.wait_for(timeout=120_000)
    # … the user sees what was attached and what was protected …
    page.get_by_text("Angehängte Dateien").first.click()
    page.get_by_text("„Hausbesuch.docx“").first.wait_for(timeout=10_000)
    page.get_by_text("Geschützte Angaben").last.click()
    page.get_by_text("Aylin Demir").first.wait_for(timeout=10_000)

    # … while the model received the file's text with pseudonyms only.
    assert provider.requests, "the provider was never called"
    sent = provider.received_text()
    for secret in SECRETS:
        assert secret not in sent, f"{secret!r} reached the model"
    user_turn = provider.requests[-1]["messages"][-1]["content"]
    assert "Bitte fasse die Notiz kurz zusammen." in user_turn and "Mietbescheinigung" in user_turn
    assert "[Person 1]" in user_turn and "[E-Mail 1]" in user_turn

    # The file is gone from the server (Chainlit's folder also holds the cited guideline passages, which stay);
    # nothing the server wrote holds the client's data.
    assert not uploaded.exists()
    assert not any(p.read_bytes().startswith(b"PK") for p in stored_uploads(server))
    for path in [server.log, *(p for p in server.data_dir.rglob("*") if p.is_file())]:
        blob = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in blob, f"{secret!r} written to {path}"
    assert page.request_log.hosts() <= {"127.0.0.1"}, page.request_log.hosts()


def test_refused_upload_shows_german_error_and_keeps_the_message(server, provider, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    # A program renamed to .pdf: the browser takes it for a PDF, the server looks at the content.
    uploaded = attach(page, server, "Bericht.pdf", "application/pdf", b"MZ\x90\x00\x03" + b"\x00" * 4000)
    send(page, "Was steht im Bericht von Herrn Becker?")

    page.get_by_text("ist keine PDF-Datei").first.wait_for(timeout=60_000)
    page.get_by_text("Es wurde nichts an das Sprachmodell gesendet").first.wait_for(timeout=10_000)
    # The typed message stays in the chat (it can be copied and sent again) …
    page.get_by_text("Was steht im Bericht von Herrn Becker?").first.wait_for(timeout=10_000)
    # … nothing was sent, nothing kept, and the chat still works.
    assert provider.requests == []
    assert not uploaded.exists() and not any(p.read_bytes().startswith(b"MZ") for p in stored_uploads(server))
    send(page, "Frau Aylin Demir fragt nach Wohngeld. Was braucht sie?")
    page.locator(".step").filter(has_text="Für Aylin Demir gilt").last.wait_for(timeout=120_000)
    assert len(provider.requests) == 1


def test_command_with_a_file_is_not_sent_as_text(server, provider, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    uploaded = attach(page, server, "notiz.txt", "text/plain", NOTE.encode())
    send(page, "/schützen Lindenhof")
    page.get_by_text("bitte ohne Dateianhang senden").first.wait_for(timeout=60_000)
    assert provider.requests == [] and not uploaded.exists()
