"""Headless Debian chromium through Playwright's Python API (never `playwright install`)."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


ACK_BUTTON = "Regeln gelesen – ich halte mich daran"  # onboarding/chat_messages.py ACK_BUTTON


def login(page, base_url: str, username: str, password: str, *, acknowledge: bool = True) -> None:
    """Log in; when the onboarding asks to acknowledge the rules of use, do so (unless ``acknowledge=False``,
    then return with the onboarding on screen)."""
    page.goto(base_url + "/chat/")
    page.locator("#email").fill(username)
    page.locator("#password").fill(password)
    page.locator("button[type=submit]").click()
    page.wait_for_selector("#chat-input", timeout=60_000)
    # The welcome message comes from on_chat_start: the websocket session is up, so nothing typed is lost.
    # Until the rules are acknowledged the chat shows the onboarding instead, ending with the button.
    welcome = page.get_by_text("Willkommen bei").first
    ack = page.get_by_role("button", name=ACK_BUTTON).last
    welcome.or_(ack).first.wait_for(timeout=60_000)
    if ack.is_visible():
        if not acknowledge:
            return
        # The button is answered by Chainlit's POST /project/action: a failure says whether the click sent it
        # and what the server answered (an intermittent "click without effect" once left no trace).
        seen: list[str] = []  # what became of the button's request, and the page's errors, for the failure message
        page.on("request", lambda r: seen.append(f"request {r.method} {r.url}") if "/project/action" in r.url else None)
        page.on("requestfailed", lambda r: seen.append(f"failed {r.url}: {r.failure}"))
        page.on("console", lambda m: seen.append(f"console {m.type}: {m.text[:200]}") if m.type == "error" else None)
        try:
            with page.expect_response(lambda r: r.url.endswith("/project/action"), timeout=60_000) as answered:
                ack.click()
        except Exception as exc:
            _page_failed(page, f"the acknowledgement got no answer ({'; '.join(seen) or 'no request sent'})", exc)
        if answered.value.status != 200:
            _page_failed(page, f"the acknowledgement was answered with {answered.value.status} "
                               f"{answered.value.text()[:300]}", None)
    try:
        welcome.wait_for(timeout=60_000)
    except Exception as exc:  # say what the chat showed instead (the test data is fictional)
        _page_failed(page, "no welcome message", exc)


def _page_failed(page, what: str, cause: Exception | None) -> None:
    import time

    from tests.conftest import keep_page

    shown = keep_page(page, f"login-{time.strftime('%H%M%S')}")[-1500:]
    raise AssertionError(f"{what}; the page shows: {shown!r}") from cause


def send(page, text: str) -> None:
    box = page.locator("#chat-input")
    box.click()
    # Typed like a person: React's state only follows real key events, not a programmatic fill.
    box.press_sequentially(text)
    page.wait_for_function("() => { const b = document.querySelector('#chat-submit'); return b && !b.disabled; }",
                           timeout=60_000)
    page.locator("#chat-submit").click()
