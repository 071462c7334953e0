"""The messages a model receives for an answer (issue 18): short, in the "Sie" form, the guideline excerpts
right before the question, nothing a model could usefully repeat.

* :func:`grounded_messages` — excerpts of the guidelines (trimmed to the units that fit the question) as
  numbered ``<quelle>`` data in the user's turn, then the question again, then the answer format;
* :func:`open_messages` — for a request no guideline covers (a letter, a summary): the model is told that
  nothing was found and must not state rules of the organisation.

All inputs must already be pseudonymised; nothing here sees real client data.
"""

from __future__ import annotations

from dataclasses import dataclass

from chat import messages as texts


@dataclass(frozen=True)
class PromptSource:
    number: int
    title: str
    section: str | None
    page: int | None
    text: str  # already passed through the guardrail


def as_data(text: str) -> str:
    """Escape text so it stays inside its ``<quelle>`` tag (``&``, ``<``, ``>``, ``"``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def origin(source: PromptSource) -> str:
    return ", ".join(x for x in (source.title, source.section, f"S. {source.page}" if source.page else None) if x)


def grounded_messages(question: str, history: list[dict], sources: list[PromptSource], turns: int) -> list[dict]:
    blocks = [f"<quelle nr=\"{s.number}\" herkunft=\"{as_data(origin(s))}\">\n{as_data(s.text)}\n</quelle>"
              for s in sources]
    user = "\n\n".join([*blocks, f"{texts.ANSWER_QUESTION_LABEL}: {question}", texts.ANSWER_FORMAT])
    return [{"role": "system", "content": texts.ANSWER_SYSTEM_PROMPT}, *_recent(history, turns),
            {"role": "user", "content": user}]


def open_messages(question: str, history: list[dict], turns: int) -> list[dict]:
    return [{"role": "system", "content": texts.OPEN_SYSTEM_PROMPT}, *_recent(history, turns),
            {"role": "user", "content": question}]


def instruction_texts() -> tuple[str, ...]:
    """Every fixed text of the prompts: a draft repeating them echoes instructions."""
    return (texts.ANSWER_SYSTEM_PROMPT, texts.ANSWER_FORMAT, texts.OPEN_SYSTEM_PROMPT)


def _recent(history: list[dict], turns: int) -> list[dict]:
    return history[-2 * turns:] if turns > 0 else []
