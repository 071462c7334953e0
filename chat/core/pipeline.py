"""The conversation pipeline: pseudonymise → retrieve → evidence → build prompt → route → stream → restore →
check (issue 18: the guideline sentences that answer come first, the model's draft is checked against them,
and a question no guideline clearly answers gets no invented rule).

A plain async function over plain objects; it knows nothing of Chainlit. The Chainlit handlers, the CLI
(``safegpt ask``) and the tests are thin callers of :meth:`Pipeline.answer`.
"""

from __future__ import annotations

import asyncio
import logging
import time
import unicodedata
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from chat.core import messages as texts
from chat.core.answer_check import DraftCheck, check_draft, cited_after
from chat.core.answer_plan import Action, plan_answer
from chat.core.answer_render import ask_back_markdown
from chat.core.events import (AnswerDelta, AnswerDone, Event, EvidenceFound, Protected, Queued, Retrieved, Routed,
                              Source)
from chat.core.prompting import (PromptSource, grounded_messages, instruction_texts, open_messages,
                                 plain_messages)
from chat.core.routing import choose_model
from chat.llm.errors import ModelNotAllowed, RoutingError
from chat.llm.fair_queue import Ticket
from chat.llm.router import ModelRouter
from chat.settings import Settings
from guardrails import DataClass
from guardrails.conversation import ConversationGuard
from guardrails.guardrail import Guardrail
from knowledge import Passage
from knowledge.evidence import Evidence, Grounding
from knowledge.knowledge_base import KnowledgeBase

log = logging.getLogger(__name__)


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

    def choose_model(self, requested: str, data_class: DataClass, *, allowed_models: set[str] | None = None,
                     switch: bool = True, carried_by: str = "message") -> tuple[str, str | None]:
        """Pick the model for a request of ``data_class`` (:func:`chat.core.routing.choose_model`); raises
        :class:`ModelNotAllowed` for a model outside ``allowed_models`` or one the catalogue does not list.

        ``carried_by`` names what makes the request that sensitive (``message``, ``conversation``,
        ``passages``), so the notice can tell the user why."""
        if allowed_models is not None and requested not in allowed_models:
            raise ModelNotAllowed(texts.MODEL_NOT_ALLOWED)
        return choose_model(self.router.entry(requested), self.router.entries.values(), self.settings.policy,
                            data_class, allowed_models=allowed_models, switch=switch, carried_by=carried_by)

    def _search(self, query: str, mode: str) -> tuple[list[Passage], Evidence]:
        """Search, pick the evidence, then detect personal data in the found passages while still off the
        event loop.

        Passages recur across conversations, so their detections are remembered by the guardrail;
        protecting them per conversation afterwards (own vault, own pseudonyms) is then cheap.
        """
        assert self.knowledge is not None
        try:
            passages = self.knowledge.search(query, mode=mode)
            # The same query the search used: a keyword-only search (the embedder may not see it) gets
            # evidence by keyword overlap alone.
            evidence = self.knowledge.evidence(query, passages, dense=mode != "keyword")
        except Exception as exc:  # Chroma or the embedding model down: answer ungrounded, say so
            log.warning("knowledge search failed: %s", type(exc).__name__)
            raise _KnowledgeDown from None
        self.guardrail.remember_recurring(
            text for p in passages for text in (p.title, p.section, p.text) if text)
        return passages, evidence

    async def _retrieve(self, original: str, protected: str, query_class: DataClass
                        ) -> tuple[tuple[Source, ...], str | None, Evidence]:
        """Sources for the user's question and, when it may not go to the embedder's location, the German note
        that it was searched by keyword only (nothing of it left the house for the search).

        The search runs on the original words wherever nothing leaves this process — an in-process embedder with
        the embedded vector store, or the keyword index alone: a masked facility or place name ("Wohngruppe
        Lindenhof") is often exactly what finds the right guideline. Only a search that leaves the process
        (remote embedder, Chroma server) gets the pseudonymised text."""
        if self.knowledge is None:
            return (), None, Evidence(Grounding.NONE, reason="no_passages")
        knowledge = self.settings.knowledge
        keyword_only = not self.settings.embedder_may_receive(query_class.value)
        in_process = not knowledge.embedder_is_remote and knowledge.chroma_mode == "embedded"
        query = original if keyword_only or in_process else protected
        passages, evidence = await asyncio.to_thread(self._search, query, "keyword" if keyword_only else "hybrid")
        note = texts.KEYWORD_SEARCH_ONLY if keyword_only else None
        return tuple(Source(number=i + 1, passage=p) for i, p in enumerate(passages)), note, evidence

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
        # Fail fast, before any search: the conversation so far and this message already decide a refusal.
        self._route(conv, protected.data_class, (), allowed_models, switch_model)

        search_note = None
        evidence = Evidence(Grounding.NONE, reason="no_passages")
        try:
            if use_knowledge:
                sources, search_note, evidence = await self._retrieve(cleaned, protected.text, protected.data_class)
            else:
                sources = ()
            no_sources = texts.NO_SOURCES_NOTE if use_knowledge and evidence.grounding is not Grounding.GROUNDED \
                else None
        except _KnowledgeDown:
            sources, no_sources = (), texts.KNOWLEDGE_UNAVAILABLE
        yield Retrieved(sources, no_sources, search_note)
        plan = plan_answer(cleaned, evidence) if use_knowledge else None
        if plan is not None:
            yield EvidenceFound(evidence, plan.action.value, no_sources)
        if plan is not None and not plan.calls_model:
            async for out in self._own_answer(conv, event, protected.text, plan.action, evidence, no_sources,
                                              started):
                yield out
            return

        prompt_sources: list[Source] = []
        numbered, passage_classes = [], []
        if plan is not None and plan.action is Action.GROUNDED:
            for number, excerpt in enumerate(evidence.excerpts, start=1):
                # Title and heading too: a guideline may name a client anywhere.
                title, section, body = (conv.guard.protect(excerpt.passage.title),
                                        conv.guard.protect(excerpt.passage.section) if excerpt.passage.section
                                        else None,
                                        conv.guard.protect(excerpt.text))
                passage_classes += [p.document_class for p in (title, section, body) if p is not None]
                numbered.append(PromptSource(number, title.text, section.text if section else None,
                                             excerpt.passage.page, body.text))
                prompt_sources.append(Source(number=number, passage=excerpt.passage))
            prompt = grounded_messages(protected.text, conv.history, numbered, self.settings.chat.history_turns)
        elif plan is not None:
            prompt = open_messages(protected.text, conv.history, self.settings.chat.history_turns)
        else:
            prompt = plain_messages(protected.text, conv.history, self.settings.chat.history_turns)
        model_name, notice, request_class = self._route(conv, protected.data_class, passage_classes,
                                                        allowed_models, switch_model)
        entry = self.router.entry(model_name)
        yield Routed(model_name, entry.display_name, notice, request_class)

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
        shown = "".join(shown_parts)
        conv.history.extend([{"role": "user", "content": protected.text},
                             {"role": "assistant", "content": raw_answer}])
        # The answer joins the history that later requests carry: what it says counts as well.
        answer_class = (DataClass.SPECIAL_CATEGORY if self.guardrail.special_categories(raw_answer)
                        else DataClass.NONE)
        conv.raise_class(DataClass.highest((request_class, answer_class)))
        _keep_recent_turns(conv, self.settings.chat.history_turns)
        # The shown draft against what the user can see: the guideline text (not its pseudonymised copy) and the
        # message as written. Without the knowledge base no guideline is claimed: only echoes are looked for.
        check = check_draft(
            shown, {s.number: _source_text(s.passage) for s in prompt_sources} if plan is not None else {},
            question=cleaned, instructions=instruction_texts(),
            evidence=[s.quoted for s in evidence.sentences] if prompt_sources else ())
        if plan is None:
            check = DraftCheck(echoes=check.echoes)
        cited = cited_after(check, shown, len(prompt_sources))
        conv.last_trace = Trace(protected=event, sent_text=protected.text, model_name=model_name,
                                sources=tuple(prompt_sources), data_class=request_class)
        yield AnswerDone(
            text=shown, sources=tuple(prompt_sources), cited=cited, model_name=model_name,
            display_name=entry.display_name, prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens or len(sent_parts), seconds=time.perf_counter() - started,
            notice=no_sources, evidence=evidence if plan is not None else None,
            action=plan.action.value if plan is not None else "", check=check,
        )

    async def _own_answer(self, conv: Conversation, protected_event: Protected, protected_text: str, action: Action,
                          evidence: Evidence, notice: str | None, started: float) -> AsyncIterator[Event]:
        """SafeGPT answers without a model: quote what might apply and ask back, or say nothing was found.
        Nothing is sent anywhere; the turn joins the history so a follow-up question has its context."""
        if action is Action.ASK_BACK:
            text = ask_back_markdown(evidence)
            sources = tuple(Source(number=i + 1, passage=p) for i, p in enumerate(evidence.documents))
        else:
            text = texts.KNOWLEDGE_UNAVAILABLE_DECLINE if notice == texts.KNOWLEDGE_UNAVAILABLE else texts.DECLINE
            sources = ()
        yield AnswerDelta(text)
        kept = conv.guard.protect(text)
        conv.history.extend([{"role": "user", "content": protected_text},
                             {"role": "assistant", "content": kept.text}])
        # The quoted guideline text now rides along with every later request, like a passage would: the
        # conversation's class rises by it, read as a document (the one routing rule, :meth:`_route`).
        conv.raise_class(DataClass.highest((protected_event.data_class, kept.document_class)))
        _keep_recent_turns(conv, self.settings.chat.history_turns)
        conv.last_trace = Trace(protected=protected_event, sent_text=protected_text, model_name="", sources=sources,
                                data_class=protected_event.data_class)
        yield AnswerDone(text=text, sources=sources, cited=tuple(s.number for s in sources), model_name="",
                         display_name=texts.ANSWERED_WITHOUT_MODEL, prompt_tokens=0, completion_tokens=0,
                         seconds=time.perf_counter() - started, notice=None if sources else notice,
                         evidence=evidence, action=action.value, check=None)

    def _route(self, conv: Conversation, message_class: DataClass, passage_classes: list[DataClass],
               allowed_models: set[str] | None, switch: bool) -> tuple[str, str | None, DataClass]:
        """The one routing rule of every path (chat, prompt library, consultation hours, ``ask``, ``/v1``):
        a request goes only where the class of *everything it sends* may go — the conversation's history
        (``conv.data_class``), the retrieved passages and the new message (system text is fixed and has none).
        Returns (model, German notice or None, the request's class)."""
        parts = {"conversation": conv.data_class, "passages": DataClass.highest(passage_classes),
                 "message": message_class}
        request_class = DataClass.highest(parts.values())
        # Name the part that makes it this sensitive; the user's own message first, it is what they just wrote.
        carried_by = next(k for k in ("message", "conversation", "passages") if parts[k] == request_class)
        model_name, notice = self.choose_model(conv.model_name, request_class, allowed_models=allowed_models,
                                               switch=switch, carried_by=carried_by)
        return model_name, notice, request_class


def _source_text(passage: Passage) -> str:
    return " ".join(x for x in (passage.title, passage.section or "", passage.text) if x)


def _keep_recent_turns(conv: Conversation, turns: int) -> None:
    """Keep in memory only the turns a prompt can still use (``chat.history_turns``) and any system messages:
    a long chat must not grow the process's memory without bound; the full chat is in the encrypted history."""
    limit = 2 * max(0, turns)
    dialogue = [m for m in conv.history if m["role"] != "system"]
    if len(dialogue) > limit:
        system = [m for m in conv.history if m["role"] == "system"]
        conv.history = system + (dialogue[-limit:] if limit else [])
