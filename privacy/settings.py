"""Settings section ``[privacy]``: the organisation's own facts for the Art. 30 record.

SafeGPT knows what it stores; it cannot know who the controller is, who the data-protection officer is, or
how long the operator keeps backups and server logs. Those come from here; left empty, the page and the
record say plainly that they are still to be filled in.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PrivacySettings(BaseModel):
    """Organisation facts shown on ``/transparenz`` and in the Art. 30 record (``safegpt privacy report``)."""

    model_config = ConfigDict(extra="forbid")

    controller: str = ""            # the organisation responsible (name, address)
    dpo_contact: str = ""           # data-protection officer: name or function, contact
    # How long the operator keeps backups made as in docs/OPERATIONS.md section 4 (0: not filled in).
    backup_retention_days: int = Field(default=0, ge=0)
    # Where the server's standard output (its log) goes and how long it is kept, e.g. "journald, 14 Tage".
    server_log_retention: str = ""
