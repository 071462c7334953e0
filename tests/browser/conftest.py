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
        click_action(page, ack, "the rules' acknowledgement")
    try:
        welcome.wait_for(timeout=60_000)
    except Exception as exc:  # say what the chat showed instead (the test data is fictional)
        page_failed(page, "no welcome message", exc)


def click_action(page, button, what: str) -> None:
    """Click a Chainlit action button and wait until its ``POST /project/action`` has been sent (not for the answer:
    a button that starts guided questions is answered only after them).

    In the full browser suite on the loaded 2-core machine, about one action click in a hundred sent no request at
    all (no request, no failed request, no console error; never in 46 logins in a loop): the pointer click is lost
    in the page, most likely a re-render of the message between mouse-down and mouse-up. Such a click is repeated
    once — as a person would click again — and the repetition is printed, so the log shows every lost click; a
    second lost click fails with what the page shows. A request that was sent is never repeated."""

    def click_button() -> None:
        with page.expect_request(lambda r: r.url.endswith("/project/action") and r.method == "POST", timeout=10_000):
            button.click()

    click_once_more_if_lost(page, what, click_button, "sent no request")


def click_once_more_if_lost(page, what: str, attempt, lost: str) -> None:
    """Run ``attempt`` — a click and a wait for what it must cause, raising Playwright's TimeoutError when that does
    not come — and once more if it did not (printed as LOST CLICK, with ``lost`` saying what happened instead);
    a second lost click fails with what the page shows. The retry of click_action and send."""
    import sys

    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for number in (1, 2):
        try:
            attempt()
            return
        except PlaywrightTimeout as exc:
            if number == 2:
                page_failed(page, f"{what}: two clicks {lost}", exc)
            print(f"LOST CLICK: {what}: the click {lost}; clicked again", file=sys.stderr)


def page_failed(page, what: str, cause: Exception | None) -> None:
    import time

    from tests.conftest import keep_page

    shown = keep_page(page, f"login-{time.strftime('%H%M%S')}")[-1500:]
    raise AssertionError(f"{what}; the page shows: {shown!r}") from cause


def send(page, text: str) -> None:
    box = page.locator("#chat-input")
    # Typed like a person: React's state only follows real key events, not a programmatic fill. Keys typed
    # while the composer re-renders can be lost (seen once: "Bitte kürzer." arrived as "ürzer." right after an
    # answer); what the box holds is checked, and typed once more (printed as LOST KEYS) if it differs.
    for attempt in range(2):
        box.click()
        box.press_sequentially(text)
        held = box.evaluate("el => (el.value ?? el.innerText).trim()")
        if held == text.strip():
            break
        print(f"LOST KEYS: the chat input held {len(held)} of {len(text)} characters", flush=True)
        if attempt:
            raise AssertionError(f"the chat input lost typed characters twice: {held!r}")
        box.press("Control+a")
        box.press("Backspace")
    page.wait_for_function("() => { const b = document.querySelector('#chat-submit'); return b && !b.disabled; }",
                           timeout=60_000)
    # The composer empties itself when the message is sent. A click that left the text in it sent nothing (a lost
    # pointer click, as with the action buttons: click_action): clicked once more. A text that left the box is never
    # sent again.
    def click_send() -> None:
        page.locator("#chat-submit").click()
        page.wait_for_function("() => { const el = document.querySelector('#chat-input');"
                               " return el && (el.value ?? el.innerText).trim() === ''; }", timeout=10_000)

    click_once_more_if_lost(page, "the send button", click_send, "left the message in the box")
