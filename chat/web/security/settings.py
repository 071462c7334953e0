"""The ``[security]`` settings section."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class SecuritySettings(BaseModel):
    """Login throttling and browser-facing security settings."""

    model_config = ConfigDict(extra="forbid")

    # Failed password logins for one account name (existing or not) from one client address before each next
    # attempt from there must wait; the wait doubles with every further failure (login_delay_seconds, 2×, 4× …)
    # up to lockout_minutes. Staff at another address are not affected.
    max_failed_logins: int = Field(default=5, ge=1)
    # Per client address over all names (password spraying). Higher, since an office may share one address.
    max_failed_logins_per_ip: int = Field(default=20, ge=1)
    # Per account name over all addresses: the backstop against guessing from many addresses.
    max_failed_logins_per_account: int = Field(default=50, ge=1)
    login_delay_seconds: float = Field(default=30.0, gt=0)
    lockout_minutes: float = Field(default=15.0, gt=0)
    # Addresses (or CIDR networks) of the reverse proxies in front of SafeGPT (nginx, the ingress controller).
    # Only from these is X-Forwarded-For / X-Forwarded-Proto believed; empty: the peer address is the client.
    trusted_proxies: list[str] = Field(default_factory=list)
    # The address staff open in the browser (e.g. https://safegpt.traeger.de). With https, every cookie
    # gets the Secure flag, so the login never travels over plain HTTP; its origin is also allowed to post
    # the login form and open the websocket.
    public_url: str | None = None
    # The login cookie's SameSite: "strict" sends it only on requests started from SafeGPT's own pages.
    cookie_samesite: Literal["lax", "strict"] = "strict"

    @property
    def secure_cookies(self) -> bool:
        return bool(self.public_url) and self.public_url.lower().startswith("https://")
