"""The conversation pipeline: pseudonymise → retrieve → evidence → build prompt → route → stream → restore →
check (issue 18: the guideline sentences that answer come first, the model's draft is checked against them,
and a question no guideline clearly answers gets no invented rule).

A plain async function over plain objects; it knows nothing of Chainlit. The Chainlit handlers, the CLI
(``safegpt ask``) and the tests are thin callers of :meth:`Pipeline.answer`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import logging
import time
import unicodedata
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from chat.core import messages as texts
from chat.core.answer_check import DraftCheck, check_draft, cited_after
from chat.core.answer_plan import Action, AnswerPlan, is_question, plan_answer
from chat.core.answer_render import ask_back_markdown
from chat.core.name_check import NameCheck, NameCheckResult, leaves_the_house
from chat.core.events import (AnswerDelta, AnswerDone, Event, EvidenceFound, Protected, Queued, Retrieved, Routed,
                              Source)
from chat.core.prompting import (PromptSource, grounded_messages, instruction_texts, open_messages,
                                 plain_messages)
from chat.core.routing import choose_model
from chat.llm.errors import ModelNotAllowed, RoutingError
from chat.llm.pieces import QueuePlace
from chat.llm.router import ModelRouter
from chat.llm.settings import ModelEntry
from chat.settings import Settings
from guardrails import DataClass, ProtectedText
from guardrails.conversation import ConversationGuard
from guardrails.guardrail import Guardrail
from knowledge import Passage
from knowledge.evidence import Evidence, Grounding
from knowledge.knowledge_base import KnowledgeBase

log = logging.getLogger(__name__)
_NO_EVIDENCE = Evidence(Grounding.NONE, reason="no_passages")
# A follow-up question is searched together with the previous question when that is at most this long.
_CONTEXT_QUESTION_CHARS = 400


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
    # Strict mode: digests of the pseudonymised texts the local model already checked for names (the history
    # is not checked again with every turn).
    name_checked: set[str] = field(default_factory=set, repr=False)

    def raise_class(self, data_class: DataClass) -> None:
        self.data_class = DataClass.highest((self.data_class, data_class))


@dataclass
class _Prepared:
    """What :meth:`Pipeline._prepare` hands back from its worker thread."""

    protected: ProtectedText
    cleaned: str = ""  # the message as written, control characters dropped
    refusal: RoutingError | None = None
    requested: ModelEntry | None = None  # the conversation's model, as the catalogue lists it
    sources: tuple[Source, ...] = ()
    no_sources: str | None = None
    search_note: str | None = None
    evidence: Evidence = _NO_EVIDENCE
    plan: AnswerPlan | None = None  # None: the knowledge base was not asked (use_knowledge off)
    # A model's answer: the trimmed excerpts it is given (numbered as the prompt numbers them).
    prompt_sources: tuple[Source, ...] = ()
    numbered: list[PromptSource] = field(default_factory=list)
    passage_classes: list[DataClass] = field(default_factory=list)
    # SafeGPT's own answer (ask back, decline; no model): its text, the sources it quotes, and its protected form.
    own_text: str = ""
    own_sources: tuple[Source, ...] = ()
    own_kept: ProtectedText | None = None


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
                 router: ModelRouter, name_check: NameCheck | None = None) -> None:
        self.settings = settings
        self.guardrail = guardrail
        self.knowledge = knowledge
        self.router = router
        # Strict mode (``[guardrails] strict_names``): None when off. Injected by tests.
        self.name_check = name_check or NameCheck.from_settings(settings.guardrails, router)

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

    def _search(self, original: str, protected: str, query_class: DataClass, context: tuple[str, str] | None = None,
                names: tuple[str, ...] = ()) -> tuple[tuple[Source, ...], str | None, Evidence]:
        """Sources for the user's question, the guideline sentences among them that answer it (issue 18) and,
        when it may not go to the embedder's location, the German note that it was searched by keyword only
        (nothing of it left the house for the search). Raises :class:`_KnowledgeDown` when Chroma or the
        embedding model is down.

        The search runs on the original words wherever nothing leaves this process — an in-process embedder with
        the embedded vector store, or the keyword index alone: a masked facility or place name ("Wohngruppe
        Lindenhof") is often exactly what finds the right guideline. Only a search that leaves the process
        (remote embedder, Chroma server) gets the pseudonymised text.

        ``context`` (the previous question: original and pseudonymised form) is added to what is searched for, never
        to what the evidence must answer: a follow-up ("Welche Unterlagen braucht sie dafür?") finds the guideline
        of the conversation, and its sentences still have to answer the follow-up itself.

        ``names``: the client names the pseudonymisation replaced and their pseudonyms, so that neither counts as
        a topic of the question that the guidelines must mention."""
        assert self.knowledge is not None
        knowledge = self.settings.knowledge
        keyword_only = not self.settings.embedder_may_receive(query_class.value)
        in_process = not knowledge.embedder_is_remote and knowledge.chroma_mode == "embedded"
        query = original if keyword_only or in_process else protected
        searched = query
        if context is not None:
            searched = f"{context[0] if keyword_only or in_process else context[1]}\n{query}"
        try:
            passages = self.knowledge.search(searched, mode="keyword" if keyword_only else "hybrid")
            # The same query the search used: a keyword-only search (the embedder may not see it) gets
            # evidence by keyword overlap alone.
            evidence = self.knowledge.evidence(query, passages, dense=not keyword_only, names=names)
        except Exception as exc:  # Chroma or the embedding model down: answer ungrounded, say so
            log.warning("knowledge search failed: %s", type(exc).__name__)
            raise _KnowledgeDown from None
        note = texts.KEYWORD_SEARCH_ONLY if keyword_only else None
        return tuple(Source(number=i + 1, passage=p) for i, p in enumerate(passages)), note, evidence

    @staticmethod
    def _previous_question(conv: Conversation) -> tuple[str, str] | None:
        """The conversation's last user message as (original, pseudonymised), if it is short enough to be a
        question's context (a pasted text or a filled-in library prompt is not)."""
        for turn in reversed(conv.history):
            if turn.get("role") == "user":
                kept = str(turn.get("content") or "")
                if not kept or len(kept) > _CONTEXT_QUESTION_CHARS:
                    return None
                return conv.guard.restore(kept), kept
        return None

    def _prepare(self, conv: Conversation, text: str, use_knowledge: bool, allowed_models: set[str] | None,
                 switch_model: bool) -> _Prepared:
        """Everything before the model, in one worker-thread call: check the input, protect the message, refuse
        early, search, pick the evidence and plan the answer (issue 18), protect what will be sent or kept.
        Detection is CPU-bound (Presidio, up to ``max_message_chars`` characters) and so is choosing evidence
        sentences: on the event loop they would stall every other chat of the process."""
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
        evidence = _NO_EVIDENCE
        try:
            if use_knowledge and self.knowledge is not None:
                names = tuple(r.original for r in protected.replacements) + tuple(
                    protected.text[r.start:r.end] for r in protected.replacements)
                sources, search_note, evidence = self._search(cleaned, protected.text, protected.data_class,
                                                              names=names)
                previous = self._previous_question(conv) if evidence.grounding is not Grounding.GROUNDED else None
                if previous is not None and is_question(cleaned):
                    # The search carries the earlier question: so does its class (it is part of what is searched).
                    searched_class = DataClass.highest((protected.data_class, conv.data_class))
                    in_context = self._search(cleaned, protected.text, searched_class, context=previous, names=names)
                    if in_context[2].grounding is Grounding.GROUNDED:
                        sources, search_note, evidence = in_context
            else:
                sources = ()
            # Said first whenever no guideline clearly answers; the model (if asked) is told the same.
            no_sources = (texts.NO_SOURCES_NOTE if use_knowledge and evidence.grounding is not Grounding.GROUNDED
                          else None)
        except _KnowledgeDown:
            sources, no_sources = (), texts.KNOWLEDGE_UNAVAILABLE
        plan = plan_answer(cleaned, evidence) if use_knowledge else None
        prepared = _Prepared(protected, cleaned, requested=requested, sources=sources, no_sources=no_sources,
                             search_note=search_note, evidence=evidence, plan=plan)
        if plan is not None and not plan.calls_model:
            if plan.action is Action.ASK_BACK:
                prepared.own_text = ask_back_markdown(evidence)
                prepared.own_sources = tuple(Source(number=i + 1, passage=p)
                                             for i, p in enumerate(evidence.documents))
            else:
                down = no_sources == texts.KNOWLEDGE_UNAVAILABLE
                prepared.own_text = texts.KNOWLEDGE_UNAVAILABLE_DECLINE if down else texts.DECLINE
            # Kept in the history (and read as a document, like a passage): a guideline may name a client.
            prepared.own_kept = conv.guard.protect(prepared.own_text)
            return prepared
        if plan is not None and plan.action is Action.GROUNDED:
            prompt_sources = []
            for number, excerpt in enumerate(evidence.excerpts, start=1):
                # Title and heading too: a guideline may name a client anywhere. Passages recur across
                # conversations: their detections are remembered (the pseudonyms stay per conversation).
                title, section, body = (conv.guard.protect(excerpt.passage.title, recurring=True),
                                        conv.guard.protect(excerpt.passage.section, recurring=True)
                                        if excerpt.passage.section else None,
                                        conv.guard.protect(excerpt.text, recurring=True))
                prepared.passage_classes += [p.document_class for p in (title, section, body) if p is not None]
                prepared.numbered.append(PromptSource(number, title.text, section.text if section else None,
                                                      excerpt.passage.page, body.text))
                prompt_sources.append(Source(number=number, passage=excerpt.passage))
            prepared.prompt_sources = tuple(prompt_sources)
        return prepared

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
        yield Retrieved(prepared.sources, prepared.no_sources, prepared.search_note)
        plan, evidence = prepared.plan, prepared.evidence
        if plan is not None:
            yield EvidenceFound(evidence, plan.action.value, prepared.no_sources)
            if not plan.calls_model:
                async for out in self._own_answer(conv, event, prepared, started):
                    yield out
                return

        history_turns = self.settings.chat.history_turns
        entry, notice, request_class = self._route(conv, prepared.requested, protected.data_class,
                                                   prepared.passage_classes, allowed_models, switch_model)
        checked: NameCheckResult | None = None
        if self.name_check is not None and leaves_the_house(entry):
            # Raises NameCheckFailed (nothing sent, the conversation unchanged) when the local model fails.
            protected, checked = await self._check_names(conv, prepared, protected)
            if checked.names:
                # The request now carries pseudonymised names (in the message, the history or an excerpt):
                # route again by that class.
                masked_class = DataClass.highest((protected.data_class, DataClass.PSEUDONYMISED))
                entry, notice, request_class = self._route(conv, prepared.requested, masked_class,
                                                           prepared.passage_classes, allowed_models, switch_model)
        if plan is None:
            prompt = plain_messages(protected.text, conv.history, history_turns)
        elif plan.action is Action.GROUNDED:
            prompt = grounded_messages(protected.text, conv.history, prepared.numbered, history_turns)
        else:
            prompt = open_messages(protected.text, conv.history, history_turns)
        model_name = entry.model_name
        yield Routed(model_name, entry.display_name, notice, request_class,
                     name_check_seconds=checked.seconds if checked else None,
                     names_masked=len(checked.names) if checked else 0)

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
        shown = "".join(shown_parts)
        if checked is not None:  # written by a model that saw only the checked request
            conv.name_checked.add(_digest(raw_answer))
        conv.history.extend([{"role": "user", "content": protected.text},
                             {"role": "assistant", "content": raw_answer}])
        # The answer joins the history that later requests carry: what it says counts as well.
        answer_class = (DataClass.SPECIAL_CATEGORY if self.guardrail.special_categories(raw_answer)
                        else DataClass.NONE)
        conv.raise_class(DataClass.highest((request_class, answer_class)))
        _keep_recent_turns(conv, history_turns)
        prompt_sources = prepared.prompt_sources
        # The shown draft against what the user can see: the guideline text (not its pseudonymised copy) and the
        # message as written. Without the knowledge base no guideline is claimed: only echoes are looked for.
        # Off the event loop, like everything else that reads whole texts.
        check = await asyncio.to_thread(
            check_draft, shown,
            {s.number: _source_text(s.passage) for s in prompt_sources} if plan is not None else {},
            question=prepared.cleaned, instructions=instruction_texts(),
            evidence=[s.quoted for s in evidence.sentences] if prompt_sources else ())
        if plan is None:
            check = DraftCheck(echoes=check.echoes)
        cited = cited_after(check, shown, len(prompt_sources))
        conv.last_trace = Trace(protected=event, sent_text=protected.text, model_name=model_name,
                                sources=prompt_sources, data_class=request_class)
        yield AnswerDone(
            text=shown, sources=prompt_sources, cited=cited, model_name=model_name,
            display_name=entry.display_name, prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens or len(sent_parts), seconds=time.perf_counter() - started,
            notice=prepared.no_sources, evidence=evidence if plan is not None else None,
            action=plan.action.value if plan is not None else "", check=check,
        )

    async def _own_answer(self, conv: Conversation, protected_event: Protected, prepared: _Prepared,
                          started: float) -> AsyncIterator[Event]:
        """SafeGPT answers without a model: quote what might apply and ask back, or say nothing was found.
        Nothing is sent anywhere; the turn joins the history so a follow-up question has its context."""
        assert prepared.plan is not None and prepared.own_kept is not None
        text, sources, kept = prepared.own_text, prepared.own_sources, prepared.own_kept
        yield AnswerDelta(text)
        conv.history.extend([{"role": "user", "content": prepared.protected.text},
                             {"role": "assistant", "content": kept.text}])
        # The quoted guideline text now rides along with every later request, like a passage would: the
        # conversation's class rises by it, by the one rule :meth:`_route` applies (nothing is routed now).
        conv.raise_class(self._request_class(conv, protected_event.data_class, [kept.document_class])[0])
        _keep_recent_turns(conv, self.settings.chat.history_turns)
        conv.last_trace = Trace(protected=protected_event, sent_text=prepared.protected.text, model_name="",
                                sources=sources, data_class=protected_event.data_class)
        yield AnswerDone(text=text, sources=sources, cited=tuple(s.number for s in sources), model_name="",
                         display_name=texts.ANSWERED_WITHOUT_MODEL, prompt_tokens=0, completion_tokens=0,
                         seconds=time.perf_counter() - started, notice=None if sources else prepared.no_sources,
                         evidence=prepared.evidence, action=prepared.plan.action.value, check=None)

    async def _check_names(self, conv: Conversation, prepared: _Prepared, protected: ProtectedText
                           ) -> tuple[ProtectedText, NameCheckResult]:
        """Strict mode: the local model lists the names left in everything this request sends that it has not
        checked before (message, history, passages); each accepted name is masked there as a person of this
        conversation. Returns the message as it will be sent and the check's result; raises
        :class:`chat.core.name_check.NameCheckFailed`."""
        assert self.name_check is not None
        history = [turn for turn in conv.history if turn.get("role") != "system"]
        sources = [(s.title, s.section or "", s.text) for s in prepared.numbered]
        parts = [protected.text, *(str(t.get("content") or "") for t in history), *(p for s in sources for p in s)]
        unchecked = [p for p in dict.fromkeys(parts) if p.strip() and _digest(p) not in conv.name_checked]
        if not unchecked:
            return protected, NameCheckResult((), 0, 0.0)
        result = await self.name_check.run(conv.guard, unchecked)
        names = result.names
        if names:
            guard = conv.guard
            protected = guard.mask_names(protected, names)
            for turn in history:
                turn["content"] = guard.mask_names_in(str(turn.get("content") or ""), names)
            prepared.numbered = [dataclasses.replace(
                s, title=guard.mask_names_in(s.title, names),
                section=guard.mask_names_in(s.section, names) if s.section else s.section,
                text=guard.mask_names_in(s.text, names)) for s in prepared.numbered]
            parts = [protected.text, *(str(t.get("content") or "") for t in history),
                     *(p for s in prepared.numbered for p in (s.title, s.section or "", s.text))]
        conv.name_checked.update(_digest(p) for p in parts)
        return protected, result

    def _route(self, conv: Conversation, requested: ModelEntry, message_class: DataClass,
               passage_classes: list[DataClass], allowed_models: set[str] | None, switch: bool
               ) -> tuple[ModelEntry, str | None, DataClass]:
        """The one routing rule of every path (chat, prompt library, consultation hours, ``ask``, ``/v1``):
        a request goes only where the class of *everything it sends* may go — the conversation's history
        (``conv.data_class``), the retrieved passages and the new message (system text is fixed and has none).
        Returns (model entry, German notice or None, the request's class); raises :class:`ModelNotAllowed`.

        The model moves to another allowed one (with the notice) unless ``switch`` is off
        (:func:`chat.core.routing.choose_model`)."""
        request_class, carried_by = self._request_class(conv, message_class, passage_classes)
        entry, notice = choose_model(requested, self.router.entries.values(), self.settings.policy, request_class,
                                     allowed_models=allowed_models, switch=switch, carried_by=carried_by)
        return entry, notice, request_class

    @staticmethod
    def _request_class(conv: Conversation, message_class: DataClass, passage_classes: list[DataClass]
                       ) -> tuple[DataClass, str]:
        """The class of everything a request carries (:meth:`_route`'s rule) and the part that makes it so."""
        parts = {"conversation": conv.data_class, "passages": DataClass.highest(passage_classes),
                 "message": message_class}
        request_class = DataClass.highest(parts.values())
        # Name the part that makes it this sensitive; the user's own message first, it is what they just wrote.
        carried_by = next(k for k in ("message", "conversation", "passages") if parts[k] == request_class)
        return request_class, carried_by


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
