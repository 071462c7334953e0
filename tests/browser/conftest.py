"""Headless Debian chromium through Playwright's Python API (never `playwright install`)."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class RequestLog:
    def __init__(self) -> None:
        self.urls: list[str] = []

    def hosts(self) -> set[str]:
        return {urlparse(u).hostname for u in self.urls if urlparse(u).scheme in ("http", "https", "ws", "wss")}


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE")
    pg = context.new_page()
    log = RequestLog()
    pg.on("request", lambda req: log.urls.append(req.url))
    pg.request_log = log
    yield pg
    context.close()


ACK_BUTTON = "Regeln gelesen – ich halte mich daran"  # chat/onboarding_messages.py ACK_BUTTON


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
        ack.click()
    welcome.wait_for(timeout=60_000)


def send(page, text: str) -> None:
    box = page.locator("#chat-input")
    box.click()
    # Typed like a person: React's state only follows real key events, not a programmatic fill.
    box.press_sequentially(text)
    page.wait_for_function("() => { const b = document.querySelector('#chat-submit'); return b && !b.disabled; }",
                           timeout=60_000)
    page.locator("#chat-submit").click()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed browser test, keep a screenshot (and the page text) for the investigation."""
    outcome = yield
    report = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and page is not None:
        import os
        from pathlib import Path

        folder = Path(os.environ.get("SAFEGPT_TEST_ARTIFACTS", "/tmp/safegpt-test-artifacts"))
        folder.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(folder / f"{item.name}.png"), full_page=True)
            (folder / f"{item.name}.txt").write_text(page.inner_text("body"))
        except Exception:
            pass
