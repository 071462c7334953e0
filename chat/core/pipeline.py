"""The conversation pipeline: pseudonymise → retrieve → build prompt → route → stream → restore.

A plain async function over plain objects; it knows nothing of Chainlit. The Chainlit handlers, the CLI
(``safegpt ask``) and the tests are thin callers of :meth:`Pipeline.answer`.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import unicodedata
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from chat.core import messages as texts
from chat.core.events import AnswerDelta, AnswerDone, Event, Protected, Queued, Retrieved, Routed, Source
from chat.core.prompting import NumberedSource, build_messages
from chat.core.routing import choose_model
from chat.llm.errors import ModelNotAllowed, RoutingError
from chat.llm.fair_queue import Ticket
from chat.llm.router import ModelRouter
from chat.settings import Settings
from guardrails import DataClass
from guardrails.conversation import ConversationGuard
from guardrails.guardrail import Guardrail
from knowledge import Passage
from knowledge.knowledge_base import KnowledgeBase

log = logging.getLogger(__name__)
_CITATION = re.compile(r"\[(\d{1,2})\]")


def _strip_unprintable(text: str) -> tuple[str, int]:
    """Drop control characters (except line breaks and tabs), lone surrogates and U+FFFD; count them."""
    kept: list[str] = []
    junk = 0
    for ch in text.replace("\r\n", "\n"):
        if ch in "\n\t" or (unicodedata.category(ch) not in ("Cc", "Cs") and ch != "\ufffd"):
            kept.append(ch)
        else:
            junk += 1
    return "".join(kept).strip(), junk


class _KnowledgeDown(Exception):
    pass


class UserInputError(Exception):
    """The message cannot be processed as written; ``str()`` is German text for the user."""


@dataclass
class Conversation:
    """One chat: its own pseudonym vault and the pseudonymised turns the model has seen."""

    guard: ConversationGuard
    model_name: str
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    history: list[dict] = field(default_factory=list, repr=False)
    last_trace: "Trace | None" = field(default=None, repr=False)


@dataclass(frozen=True)
class Trace:
    """What happened to the last message ("Wie funktioniert das?")."""

    protected: Protected
    sent_text: str = field(repr=False)
    model_name: str = ""
    sources: tuple[Source, ...] = ()


class Pipeline:
    def __init__(self, settings: Settings, guardrail: Guardrail, knowledge: KnowledgeBase | None,
                 router: ModelRouter) -> None:
        self.settings = settings
        self.guardrail = guardrail
        self.knowledge = knowledge
        self.router = router

    def new_conversation(self, model_name: str | None = None) -> Conversation:
        name = model_name or self.settings.chat.default_model
        self.router.entry(name)
        return Conversation(guard=self.guardrail.conversation(), model_name=name)

    async def warm_up(self) -> None:
        """Pay first-use costs now instead of in the first user's answer: the embedding model and the
        vector store (one search for a fixed word), LiteLLM's routing path and the in-process models."""
        if self.knowledge is not None:
            try:
                await asyncio.to_thread(self.knowledge.search, "Antrag")
            except Exception as exc:  # knowledge down: answering says so; nothing to warm
                log.warning("knowledge warm-up failed: %s", type(exc).__name__)
        await self.router.warm_up()

    def _validate(self, text: str) -> str:
        cleaned, junk = _strip_unprintable(text)
        if not cleaned:
            raise UserInputError(texts.UNREADABLE_MESSAGE if junk else texts.EMPTY_MESSAGE)
        if junk > 0.2 * (junk + len(cleaned)):  # pasted binary data: nothing a model could answer sensibly
            raise UserInputError(texts.UNREADABLE_MESSAGE)
        limit = self.settings.chat.max_message_chars
        if len(cleaned) > limit:
            raise UserInputError(texts.MESSAGE_TOO_LONG.format(length=len(cleaned), limit=limit))
        return cleaned

    def choose_model(self, requested: str, data_class: DataClass, *, allowed_models: set[str] | None = None,
                     switch: bool = True) -> tuple[str, str | None]:
        """Pick the model for a request of ``data_class`` (:func:`chat.core.routing.choose_model`); raises
        :class:`ModelNotAllowed` for a model outside ``allowed_models`` or one the catalogue does not list."""
        if allowed_models is not None and requested not in allowed_models:
            raise ModelNotAllowed(texts.MODEL_NOT_ALLOWED)
        return choose_model(self.router.entry(requested), self.router.entries.values(), self.settings.policy,
                            data_class, allowed_models=allowed_models, switch=switch)

    def _search(self, query: str) -> list[Passage]:
        """Search, then detect personal data in the found passages while still off the event loop.

        Passages recur across conversations, so their detections are remembered by the guardrail;
        protecting them per conversation afterwards (own vault, own pseudonyms) is then cheap.
        """
        assert self.knowledge is not None
        try:
            passages = self.knowledge.search(query)
        except Exception as exc:  # Chroma or the embedding model down: answer ungrounded, say so
            log.warning("knowledge search failed: %s", type(exc).__name__)
            raise _KnowledgeDown from None
        self.guardrail.remember_recurring(
            text for p in passages for text in (p.title, p.section, p.text) if text)
        return passages

    async def _retrieve(self, query: str, conv: Conversation) -> tuple[Source, ...]:
        if self.knowledge is None:
            return ()
        passages = await asyncio.to_thread(self._search, query)
        return tuple(Source(number=i + 1, passage=p) for i, p in enumerate(passages))

    async def answer(self, conv: Conversation, text: str, *, use_knowledge: bool = True,
                     allowed_models: set[str] | None = None, switch_model: bool = True,
                     max_tokens: int | None = None) -> AsyncIterator[Event]:
        """Answer one user message. Raises :class:`UserInputError` or ``RoutingError`` (German messages);
        the conversation is unchanged when it raises, so the user can simply resend.

        ``use_knowledge`` turns grounding off; ``allowed_models`` restricts routing (API keys, roles);
        ``switch_model=False`` refuses instead of moving the request to another allowed model."""
        started = time.perf_counter()
        cleaned = self._validate(text)
        protected = conv.guard.protect(cleaned)
        event = Protected(
            replacements=tuple((f.entity_type, f.original, f.pseudonym) for f in protected.findings),
            data_class=protected.data_class,
        )
        yield event
        model_name, notice = self.choose_model(conv.model_name, protected.data_class,
                                               allowed_models=allowed_models, switch=switch_model)
        entry = self.router.entry(model_name)

        try:
            sources = await self._retrieve(protected.text, conv) if use_knowledge else ()
            # The model is told the same in the prompt (messages.NO_SOURCES) and must not invent rules.
            no_sources = texts.NO_SOURCES_NOTE if use_knowledge and not sources else None
        except _KnowledgeDown:
            sources, no_sources = (), texts.KNOWLEDGE_UNAVAILABLE
        yield Retrieved(sources, no_sources)
        numbered = [
            # Title and heading too: a guideline may name a client anywhere.
            NumberedSource(s.number, conv.guard.protect(s.passage.title).text,
                           conv.guard.protect(s.passage.section).text if s.passage.section else None,
                           s.passage.page, conv.guard.protect(s.passage.text).text)
            for s in sources
        ]
        prompt = build_messages(protected.text, conv.history, numbered, self.settings.chat.history_turns)
        yield Routed(model_name, entry.display_name, notice)

        restorer = conv.guard.restorer()
        sent_parts: list[str] = []
        shown_parts: list[str] = []
        prompt_tokens = completion_tokens = 0
        queue = self.router.queues.get(model_name)
        ticket = Ticket()
        if queue is not None:
            async for ahead in queue.turns(ticket):
                yield Queued(ahead)
        try:
            async for piece in self.router.stream(model_name, prompt, max_tokens=max_tokens):
                prompt_tokens = piece.prompt_tokens or prompt_tokens
                completion_tokens = piece.completion_tokens or completion_tokens
                if piece.text:
                    sent_parts.append(piece.text)
                    visible = restorer.feed(piece.text)
                    if visible:
                        shown_parts.append(visible)
                        yield AnswerDelta(visible)
        finally:
            if queue is not None:
                queue.release(ticket)
        tail = restorer.flush()
        if tail:
            shown_parts.append(tail)
            yield AnswerDelta(tail)

        raw_answer = "".join(sent_parts)
        conv.history.extend([{"role": "user", "content": protected.text},
                             {"role": "assistant", "content": raw_answer}])
        _keep_recent_turns(conv, self.settings.chat.history_turns)
        cited = tuple(sorted({int(n) for n in _CITATION.findall(raw_answer) if 1 <= int(n) <= len(sources)}))
        conv.last_trace = Trace(protected=event, sent_text=protected.text, model_name=model_name, sources=sources)
        yield AnswerDone(
            text="".join(shown_parts), sources=sources, cited=cited, model_name=model_name,
            display_name=entry.display_name, prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens or len(sent_parts), seconds=time.perf_counter() - started,
            notice=no_sources,
        )


def _keep_recent_turns(conv: Conversation, turns: int) -> None:
    """Keep in memory only the turns a prompt can still use (``chat.history_turns``) and any system messages:
    a long chat must not grow the process's memory without bound; the full chat is in the encrypted history."""
    limit = 2 * max(0, turns)
    dialogue = [m for m in conv.history if m["role"] != "system"]
    if len(dialogue) > limit:
        system = [m for m in conv.history if m["role"] == "system"]
        conv.history = system + (dialogue[-limit:] if limit else [])
