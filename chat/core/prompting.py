"""Build the messages the model receives: system rules, numbered sources, recent turns, the question."""

from __future__ import annotations

from dataclasses import dataclass

from chat.core import messages as texts


@dataclass(frozen=True)
class NumberedSource:
    number: int
    title: str
    section: str | None
    page: int | None
    text: str  # already passed through the guardrail


def as_data(text: str) -> str:
    """Escape retrieved text so it stays inside its ``<quelle>`` tag: a document containing ``</quelle>`` or
    ``<quelle nr="9">`` cannot end its own source or fake another one (``&``, ``<``, ``>``, ``"`` escaped)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def sources_block(sources: list[NumberedSource]) -> str:
    if not sources:
        return texts.NO_SOURCES
    parts = [texts.SOURCES_HEADER]
    for s in sources:
        where = ", ".join(x for x in (s.title, s.section, f"S. {s.page}" if s.page else None) if x)
        parts.append(f"<quelle nr=\"{s.number}\" herkunft=\"{as_data(where)}\">\n{as_data(s.text)}\n</quelle>")
    return "\n\n".join(parts)


def build_messages(question: str, history: list[dict], sources: list[NumberedSource], turns: int) -> list[dict]:
    """All inputs must already be pseudonymised; this function never sees real client data."""
    system = texts.SYSTEM_PROMPT + "\n\n" + sources_block(sources)
    recent = history[-2 * turns:] if turns > 0 else []
    return [{"role": "system", "content": system}, *recent, {"role": "user", "content": question}]
