"""The ``[security]`` settings section."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class SecuritySettings(BaseModel):
    """Login lockout and browser-facing security settings."""

    model_config = ConfigDict(extra="forbid")

    # Failed password logins per account name (existing or not) before it is locked for lockout_minutes.
    max_failed_logins: int = Field(default=5, ge=1)
    # Per client address: higher, since a whole office may share one address behind NAT.
    max_failed_logins_per_ip: int = Field(default=20, ge=1)
    lockout_minutes: float = Field(default=15.0, gt=0)
    # The address staff open in the browser (e.g. https://safegpt.traeger.de). With https, every cookie
    # gets the Secure flag, so the login never travels over plain HTTP.
    public_url: str | None = None
    cookie_samesite: Literal["lax", "strict"] = "lax"

    @property
    def secure_cookies(self) -> bool:
        return bool(self.public_url) and self.public_url.lower().startswith("https://")
