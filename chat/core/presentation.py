"""Turn pipeline events into Markdown: the pseudonymisation step and the cited sources (chat and CLI).

The Chainlit side elements are in ``chat/ui/presentation.py``."""

from __future__ import annotations

from chat.core import messages as texts
from chat.core.events import AnswerDone, Protected


def protected_markdown(event: Protected) -> str:
    if not event.replacements:
        return texts.STEP_NOTHING_FOUND
    lines = [f"- {original} → {pseudonym} ({entity})" for entity, original, pseudonym in event.replacements]
    return "\n".join(lines)


def source_label(number: int, title: str, section: str | None, page: int | None) -> str:
    parts = [f"[{number}] {title}"]
    if section:
        parts.append(section)
    if page:
        parts.append(f"S. {page}")
    return " – ".join(parts)


def shown_sources(event: AnswerDone):
    # Show what the model cited; a model that cited nothing still had these sources in front of it.
    return [s for s in event.sources if s.number in event.cited] or list(event.sources)


def sources_footer(event: AnswerDone) -> str:
    shown = shown_sources(event)
    if not shown:
        # With the knowledge base asked, "nothing found" is said first (answer_render), not again at the end.
        return f"\n\n{event.notice}" if event.notice and not event.action else ""
    names = "\n".join(
        f"- {source_label(s.number, s.passage.title, s.passage.section, s.passage.page)}" for s in shown)
    return f"\n\n**{texts.STEP_SOURCES}:**\n{names}"
