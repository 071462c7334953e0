"""The topology test drives the same headless Debian chromium as the browser tests."""

from tests.browser.conftest import browser  # noqa: F401 - re-exported fixture
