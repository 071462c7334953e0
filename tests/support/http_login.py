"""Log in to a running SafeGPT over plain HTTP (Chainlit's password login) and return a client."""

from __future__ import annotations

import httpx


def logged_in_client(base_url: str, username: str, password: str, *, timeout: float = 30) -> httpx.Client:
    client = httpx.Client(base_url=base_url, timeout=timeout, follow_redirects=False)
    response = client.post("/chat/login", data={"username": username, "password": password})
    if response.status_code != 200:
        raise AssertionError(f"login failed for {username}: {response.status_code} {response.text[:300]}")
    return client
