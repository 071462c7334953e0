"""What a user may say about an answer besides helpful / not helpful: a fixed, optional reason — never free text.

The codes are stored (``usage_events.feedback_reason``) and counted; the German labels the chat shows and the
dashboard prints are in ``chat/core/messages.py`` (``FEEDBACK_REASONS``).
"""

from __future__ import annotations

from enum import StrEnum


class FeedbackReason(StrEnum):
    """Why an answer was not helpful. Chosen from buttons; the list is deliberately short."""

    WRONG = "wrong"
    SOURCE_MISMATCH = "source_mismatch"
    TOO_LONG = "too_long"
    UNCLEAR = "unclear"
