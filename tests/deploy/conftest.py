"""The topology test drives the same headless Debian chromium as the browser tests."""

