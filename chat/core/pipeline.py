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
from chat.llm.pieces import QueuePlace
from chat.llm.router import ModelRouter
from chat.llm.settings import ModelEntry
from chat.settings import Settings
from guardrails import DataClass, ProtectedText
from guardrails.conversation import ConversationGuard
from guardrails.guardrail import Guardrail
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
    # The most sensitive data class of anything this conversation has sent or keeps in ``history``. It only
    # rises: every later request carries that history, so it may go only where this class may go.
    data_class: DataClass = DataClass.NONE

    def raise_class(self, data_class: DataClass) -> None:
        self.data_class = DataClass.highest((self.data_class, data_class))


@dataclass
class _Prepared:
    """What :meth:`Pipeline._prepare` hands back from its worker thread."""

    protected: ProtectedText
    refusal: RoutingError | None = None
    requested: ModelEntry | None = None  # the conversation's model, as the catalogue lists it
    sources: tuple[Source, ...] = ()
    no_sources: str | None = None
    search_note: str | None = None
    numbered: list[NumberedSource] = field(default_factory=list)
    passage_classes: list[DataClass] = field(default_factory=list)


@dataclass(frozen=True)
class Trace:
    """What happened to the last message ("Wie funktioniert das?")."""

    protected: Protected
    sent_text: str = field(repr=False)
    model_name: str = ""
    sources: tuple[Source, ...] = ()
    data_class: DataClass = DataClass.NONE  # of everything the request sent (not only the message)


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

    def _search(self, original: str, protected: str, query_class: DataClass
                ) -> tuple[tuple[Source, ...], str | None]:
        """Sources for the user's question and, when it may not go to the embedder's location, the German note
        that it was searched by keyword only (nothing of it left the house for the search). Raises
        :class:`_KnowledgeDown` when Chroma or the embedding model is down.

        The search runs on the original words wherever nothing leaves this process — an in-process embedder with
        the embedded vector store, or the keyword index alone: a masked facility or place name ("Wohngruppe
        Lindenhof") is often exactly what finds the right guideline. Only a search that leaves the process
        (remote embedder, Chroma server) gets the pseudonymised text."""
        assert self.knowledge is not None
        knowledge = self.settings.knowledge
        keyword_only = not self.settings.embedder_may_receive(query_class.value)
        in_process = not knowledge.embedder_is_remote and knowledge.chroma_mode == "embedded"
        query = original if keyword_only or in_process else protected
        try:
            passages = self.knowledge.search(query, mode="keyword" if keyword_only else "hybrid")
        except Exception as exc:  # Chroma or the embedding model down: answer ungrounded, say so
            log.warning("knowledge search failed: %s", type(exc).__name__)
            raise _KnowledgeDown from None
        note = texts.KEYWORD_SEARCH_ONLY if keyword_only else None
        return tuple(Source(number=i + 1, passage=p) for i, p in enumerate(passages)), note

    def _prepare(self, conv: Conversation, text: str, use_knowledge: bool, allowed_models: set[str] | None,
                 switch_model: bool) -> _Prepared:
        """Everything before the model, in one worker-thread call: check the input, protect the message, refuse
        early, search, protect the passages. Detection is CPU-bound (Presidio, up to ``max_message_chars``
        characters): on the event loop it would stall every other chat of the process."""
        cleaned = self._validate(text)
        protected = conv.guard.protect(cleaned)
        try:
            if allowed_models is not None and conv.model_name not in allowed_models:
                raise ModelNotAllowed(texts.MODEL_NOT_ALLOWED)
            requested = self.router.entry(conv.model_name)  # the one look-up of the turn
            # Fail fast, before any search: the conversation so far and this message already decide a refusal.
            self._route(conv, requested, protected.data_class, (), allowed_models, switch_model)
        except RoutingError as exc:
            return _Prepared(protected, refusal=exc)
        search_note = None
        try:
            if use_knowledge and self.knowledge is not None:
                sources, search_note = self._search(cleaned, protected.text, protected.data_class)
            else:
                sources = ()
            # The model is told the same in the prompt (messages.NO_SOURCES) and must not invent rules.
            no_sources = texts.NO_SOURCES_NOTE if use_knowledge and not sources else None
        except _KnowledgeDown:
            sources, no_sources = (), texts.KNOWLEDGE_UNAVAILABLE
        numbered, passage_classes = [], []
        for s in sources:
            # Title and heading too: a guideline may name a client anywhere. Passages recur across
            # conversations: their detections are remembered (the pseudonyms stay per conversation).
            title, section, body = (conv.guard.protect(s.passage.title, recurring=True),
                                    conv.guard.protect(s.passage.section, recurring=True)
                                    if s.passage.section else None,
                                    conv.guard.protect(s.passage.text, recurring=True))
            passage_classes += [p.document_class for p in (title, section, body) if p is not None]
            numbered.append(NumberedSource(s.number, title.text, section.text if section else None,
                                           s.passage.page, body.text))
        return _Prepared(protected, requested=requested, sources=sources, no_sources=no_sources,
                         search_note=search_note, numbered=numbered, passage_classes=passage_classes)

    async def answer(self, conv: Conversation, text: str, *, use_knowledge: bool = True,
                     allowed_models: set[str] | None = None, switch_model: bool = True,
                     max_tokens: int | None = None) -> AsyncIterator[Event]:
        """Answer one user message. Raises :class:`UserInputError` or ``RoutingError`` (German messages);
        the conversation is unchanged when it raises, so the user can simply resend.

        ``use_knowledge`` turns grounding off; ``allowed_models`` restricts routing (API keys, roles);
        ``switch_model=False`` refuses instead of moving the request to another allowed model."""
        started = time.perf_counter()
        prepared = await asyncio.to_thread(self._prepare, conv, text, use_knowledge, allowed_models, switch_model)
        protected = prepared.protected
        event = Protected(
            replacements=tuple((f.entity_type, f.original, f.pseudonym) for f in protected.findings),
            data_class=protected.data_class,
        )
        yield event
        if prepared.refusal is not None:
            raise prepared.refusal
        sources, no_sources, numbered = prepared.sources, prepared.no_sources, prepared.numbered
        yield Retrieved(sources, no_sources, prepared.search_note)
        passage_classes = prepared.passage_classes
        prompt = build_messages(protected.text, conv.history, numbered, self.settings.chat.history_turns)
        entry, notice, request_class = self._route(conv, prepared.requested, protected.data_class,
                                                   passage_classes, allowed_models, switch_model)
        model_name = entry.model_name
        yield Routed(model_name, entry.display_name, notice, request_class)

        restorer = conv.guard.restorer()
        sent_parts: list[str] = []
        shown_parts: list[str] = []
        prompt_tokens = completion_tokens = 0
        async for piece in self.router.stream(entry, prompt, max_tokens=max_tokens):
            if isinstance(piece, QueuePlace):
                yield Queued(piece.ahead)
                continue
            prompt_tokens = piece.prompt_tokens or prompt_tokens
            completion_tokens = piece.completion_tokens or completion_tokens
            if piece.text:
                sent_parts.append(piece.text)
                visible = restorer.feed(piece.text)
                if visible:
                    shown_parts.append(visible)
                    yield AnswerDelta(visible)
        tail = restorer.flush()
        if tail:
            shown_parts.append(tail)
            yield AnswerDelta(tail)

        raw_answer = "".join(sent_parts)
        conv.history.extend([{"role": "user", "content": protected.text},
                             {"role": "assistant", "content": raw_answer}])
        # The answer joins the history that later requests carry: what it says counts as well.
        answer_class = (DataClass.SPECIAL_CATEGORY if self.guardrail.special_categories(raw_answer)
                        else DataClass.NONE)
        conv.raise_class(DataClass.highest((request_class, answer_class)))
        _keep_recent_turns(conv, self.settings.chat.history_turns)
        cited = tuple(sorted({int(n) for n in _CITATION.findall(raw_answer) if 1 <= int(n) <= len(sources)}))
        conv.last_trace = Trace(protected=event, sent_text=protected.text, model_name=model_name, sources=sources,
                                data_class=request_class)
        yield AnswerDone(
            text="".join(shown_parts), sources=sources, cited=cited, model_name=model_name,
            display_name=entry.display_name, prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens or len(sent_parts), seconds=time.perf_counter() - started,
            notice=no_sources,
        )


    def _route(self, conv: Conversation, requested: ModelEntry, message_class: DataClass,
               passage_classes: list[DataClass], allowed_models: set[str] | None, switch: bool
               ) -> tuple[ModelEntry, str | None, DataClass]:
        """The one routing rule of every path (chat, prompt library, consultation hours, ``ask``, ``/v1``):
        a request goes only where the class of *everything it sends* may go — the conversation's history
        (``conv.data_class``), the retrieved passages and the new message (system text is fixed and has none).
        Returns (model entry, German notice or None, the request's class); raises :class:`ModelNotAllowed`.

        The model moves to another allowed one (with the notice) unless ``switch`` is off
        (:func:`chat.core.routing.choose_model`)."""
        parts = {"conversation": conv.data_class, "passages": DataClass.highest(passage_classes),
                 "message": message_class}
        request_class = DataClass.highest(parts.values())
        # Name the part that makes it this sensitive; the user's own message first, it is what they just wrote.
        carried_by = next(k for k in ("message", "conversation", "passages") if parts[k] == request_class)
        entry, notice = choose_model(requested, self.router.entries.values(), self.settings.policy, request_class,
                                     allowed_models=allowed_models, switch=switch, carried_by=carried_by)
        return entry, notice, request_class


def _keep_recent_turns(conv: Conversation, turns: int) -> None:
    """Keep in memory only the turns a prompt can still use (``chat.history_turns``) and any system messages:
    a long chat must not grow the process's memory without bound; the full chat is in the encrypted history."""
    limit = 2 * max(0, turns)
    dialogue = [m for m in conv.history if m["role"] != "system"]
    if len(dialogue) > limit:
        system = [m for m in conv.history if m["role"] == "system"]
        conv.history = system + (dialogue[-limit:] if limit else [])
