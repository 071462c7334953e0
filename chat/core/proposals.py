"""Prompt proposals from staff pass the guardrail before they are stored: an admin reviewing them sees the
protected text, never a client's name or number that someone pasted into a template by mistake."""

from __future__ import annotations

from dataclasses import replace

from guardrails.detector import Detector
from onboarding.store import PromptDraft


def protect_for_review(detector: Detector, text: str) -> tuple[str, int]:
    """``text`` with every finding replaced by its type in brackets (``[PERSON]``); and how many were replaced.

    A typed marker instead of a surrogate name: the admin must see that something was taken out, and a
    template stays a template (``{name}`` variables are left as they are).
    """
    spans = detector.detect(text)  # resolved and sorted already
    out, pos, count = [], 0, 0
    for span in spans:
        if span.start < pos:
            continue
        out.append(text[pos:span.start])
        out.append(f"[{span.entity_type}]")
        pos = span.end
        count += 1
    out.append(text[pos:])
    return "".join(out), count


def protect_draft(detector: Detector, draft: PromptDraft) -> tuple[PromptDraft, int]:
    """The draft with title, category, description and template protected; and how many values were replaced."""
    fields = {}
    total = 0
    for name in ("title", "category", "description", "template"):
        fields[name], count = protect_for_review(detector, getattr(draft, name))
        total += count
    return replace(draft, **fields), total
