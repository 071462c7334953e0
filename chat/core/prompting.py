"""Build the messages a model receives (issue 18): short, in the "Sie" form, the guideline excerpts right
before the question, nothing a model could usefully repeat.

* :func:`grounded_messages` — excerpts of the guidelines (trimmed to the units that fit the question),
  numbered, every line quoted with "> ", in the user's turn, then the question again; the rules (short,
  only from the text, cite [n]) are in the system prompt;
* :func:`open_messages` — for a request no guideline covers (a letter, a summary): the model is told that
  nothing was found and must not state rules of the organisation;
* :func:`plain_messages` — when the caller turned the knowledge base off (``/v1`` without ``knowledge``).

The prompt before issue 18 (rules and whole passages in one long system prompt) is kept, for comparison
only, in ``bench/answer_baseline.py``.

All inputs must already be pseudonymised; nothing here sees real client data.
"""

from __future__ import annotations

from dataclasses import dataclass

from chat.core import messages as texts


@dataclass(frozen=True)
class PromptSource:
    number: int
    title: str
    section: str | None
    page: int | None
    text: str  # already passed through the guardrail


def origin(source: PromptSource) -> str:
    """ "Title, Abschnitt …, S. n" on one line (a heading cannot start a line of its own)."""
    parts = [source.title, texts.ANSWER_SECTION.format(section=source.section) if source.section else None,
             texts.ANSWER_PAGE.format(page=source.page) if source.page else None]
    return " ".join(", ".join(p for p in parts if p).split())


def quoted_lines(text: str) -> str:
    """Every line of a source behind "> ": whatever a document says, it stays inside its own quote and cannot
    start a new source or pose as the question."""
    return "\n".join("> " + line.strip() for line in text.splitlines() if line.strip())


def grounded_messages(question: str, history: list[dict], sources: list[PromptSource], turns: int) -> list[dict]:
    blocks = [f"[{s.number}] {origin(s)}\n{quoted_lines(s.text)}" for s in sources]
    user = "\n\n".join([texts.ANSWER_SOURCES_LABEL, *blocks, f"{texts.ANSWER_QUESTION_LABEL}: {question}"])
    return [{"role": "system", "content": texts.ANSWER_SYSTEM_PROMPT}, *_recent(history, turns),
            {"role": "user", "content": user}]


def open_messages(question: str, history: list[dict], turns: int) -> list[dict]:
    return [{"role": "system", "content": texts.OPEN_SYSTEM_PROMPT}, *_recent(history, turns),
            {"role": "user", "content": question}]


def plain_messages(question: str, history: list[dict], turns: int) -> list[dict]:
    return [{"role": "system", "content": texts.PLAIN_SYSTEM_PROMPT}, *_recent(history, turns),
            {"role": "user", "content": question}]


def instruction_texts() -> tuple[str, ...]:
    """Every fixed text of the prompts: a draft repeating them echoes instructions."""
    return (texts.ANSWER_SYSTEM_PROMPT, texts.OPEN_SYSTEM_PROMPT, texts.PLAIN_SYSTEM_PROMPT)


def _recent(history: list[dict], turns: int) -> list[dict]:
    return history[-2 * turns:] if turns > 0 else []
