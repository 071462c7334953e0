"""One chat completion through the same pipeline as a chat message.

The caller's ``messages`` become one :class:`chat.core.pipeline.Conversation`: system and earlier turns are
pseudonymised with the conversation's guard into its history (raising the conversation's data class), the
last user message is the question. The pipeline's one routing rule checks the class of everything sent
(history, passages, message) against the routing policy; this module adds the key's approved classes.
Nothing leaves before both passed; the answer comes back restored.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from chat.core import messages as chat_texts
from chat.core.answer_render import answer_markdown, evidence_preamble
from chat.core.events import AnswerDelta, AnswerDone, EvidenceFound, Protected, Routed
from chat.core.pipeline import Conversation, Pipeline, UserInputError
from chat.llm.errors import ModelNotAllowed, ModelUnavailable, RoutingError
from chat.web.api import errors
from chat.web.api import messages as texts
from chat.web.api.conversations import ConversationStore
from chat.web.api.keys import ApiKey
from chat.web.api.openai_models import (AnswerCheckInfo, ChatCompletionRequest, ChatMessage, CitationFixInfo,
                                       EvidenceInfo, SafeGPTInfo, SourceInfo, UnsupportedInfo, Usage)
from guardrails import DataClass

log = logging.getLogger(__name__)


def worst(classes) -> DataClass:
    return DataClass.highest(classes)


@dataclass
class CompletionRun:
    """A started completion: policy passed, first answer text (or the end) already received."""

    id: str
    created: int
    model: str
    conversation_id: str | None
    data_class: DataClass = DataClass.NONE
    pseudonymised: Counter = field(default_factory=Counter)
    buffered: list[str] = field(default_factory=list, repr=False)
    done: AnswerDone | None = None
    _events: AsyncIterator | None = field(default=None, repr=False)

    async def deltas(self) -> AsyncIterator[str]:
        """The restored answer text piece by piece; ``done`` is set afterwards. Raises :class:`ApiError`."""
        for text in self.buffered:
            yield text
        self.buffered = []
        if self._events is None:
            return
        try:
            async for event in self._events:
                if isinstance(event, AnswerDelta):
                    yield event.text
                elif isinstance(event, EvidenceFound):
                    preamble = evidence_preamble(event.evidence, event.action, event.notice)
                    if preamble:
                        yield preamble
                elif isinstance(event, AnswerDone):
                    self.done = event
        except Exception as exc:  # noqa: BLE001 - mapped to an OpenAI error without its text
            raise map_error(exc) from None
        finally:
            self._events = None

    async def text(self) -> str:
        """The whole answer as a user sees it: evidence first, then the draft with the check's marks."""
        streamed = "".join([piece async for piece in self.deltas()])
        return answer_markdown(self.done) if self.done is not None else streamed

    async def close(self) -> None:
        if self._events is not None:
            await self._events.aclose()
            self._events = None

    def usage(self) -> Usage:
        prompt = self.done.prompt_tokens if self.done else 0
        completion = self.done.completion_tokens if self.done else 0
        return Usage(prompt_tokens=prompt, completion_tokens=completion, total_tokens=prompt + completion)

    def finish_reason(self, max_tokens: int | None) -> str:
        if max_tokens and self.done and self.done.completion_tokens >= max_tokens:
            return "length"
        return "stop"

    def info(self) -> SafeGPTInfo:
        sources = []
        if self.done is not None:
            cited = set(self.done.cited)
            sources = [
                SourceInfo(number=s.number, title=s.passage.title, source_file=s.passage.source_file,
                           section=s.passage.section, page=s.passage.page, score=round(s.passage.score, 4),
                           cited=s.number in cited, text=s.passage.text)
                for s in self.done.sources
            ]
        done = self.done
        evidence = [
            EvidenceInfo(text=e.text, lead=e.lead, title=e.passage.title, source_file=e.passage.source_file,
                         section=e.passage.section, page=e.page)
            for e in (done.evidence.sentences if done is not None and done.evidence is not None else ())
        ]
        check = None
        if done is not None and done.check is not None:
            check = AnswerCheckInfo(
                unsupported=[UnsupportedInfo(text=u.text, kind=u.kind) for u in done.check.unsupported],
                citations=[CitationFixInfo(cited=c.cited, replacement=c.replacement) for c in done.check.citations],
                echoes_hidden=len(done.check.echoes), conflict=done.check.conflict)
        return SafeGPTInfo(sources=sources, data_class=self.data_class.value, pseudonymised=dict(self.pseudonymised),
                           conversation_id=self.conversation_id, evidence=evidence,
                           grounding=done.evidence.grounding.value if done and done.evidence else None,
                           answer_kind=done.action or None if done else None, check=check,
                           checked_answer=answer_markdown(done) if done is not None else None)


def map_error(exc: BaseException) -> errors.ApiError:
    """Pipeline and routing exceptions as OpenAI errors; their German texts never contain message text."""
    if isinstance(exc, errors.ApiError):
        return exc
    if isinstance(exc, UserInputError):
        return errors.ApiError(400, str(exc), code="invalid_message", param="messages")
    if isinstance(exc, ModelNotAllowed):
        return errors.data_class_refused(str(exc))
    if isinstance(exc, (ModelUnavailable, RoutingError)):
        return errors.upstream_unavailable(str(exc))
    log.error("api completion failed: %s", type(exc).__name__)
    return errors.internal_error()


class CompletionService:
    def __init__(self, pipeline: Pipeline, conversations: ConversationStore, max_messages: int) -> None:
        self.pipeline = pipeline
        self.conversations = conversations
        self.max_messages = max_messages

    def _check_request(self, key: ApiKey, request: ChatCompletionRequest) -> None:
        if request.model not in key.models or request.model not in self.pipeline.router.entries:
            raise errors.model_not_found(request.model)
        if request.tools:
            raise errors.unsupported("tools")
        if request.functions:
            raise errors.unsupported("functions")
        if request.response_format is not None and request.response_format.type != "text":
            raise errors.unsupported("response_format")
        if len(request.messages) > self.max_messages:
            raise errors.ApiError(400, texts.TOO_MANY_MESSAGES.format(limit=self.max_messages),
                                  code="too_many_messages", param="messages")
        limit = self.pipeline.settings.chat.max_message_chars
        for message in request.messages:
            length = len(message.text())
            if length > limit:
                raise errors.ApiError(400, chat_texts.MESSAGE_TOO_LONG.format(length=length, limit=limit),
                                      code="message_too_long", param="messages")
        if request.messages[-1].role != "user":
            raise errors.ApiError(400, texts.LAST_MESSAGE_NOT_USER, code="invalid_message", param="messages")

    def _conversation(self, key: ApiKey, request: ChatCompletionRequest) -> Conversation:
        """A fresh conversation, or the caller's named one (its data class carries over: it only rises)."""
        cid = request.safegpt.conversation_id if request.safegpt else None
        if cid is None:
            return self.pipeline.new_conversation(request.model)
        conv = self.conversations.get_or_create(
            (key.key_id, cid), lambda: self.pipeline.new_conversation(request.model))
        self.pipeline.router.entry(request.model)
        conv.model_name = request.model
        return conv

    def _history(self, conv: Conversation, messages: list[ChatMessage], pseudonymised: Counter) -> None:
        """Pseudonymise system messages and the earlier turns that will be sent into ``conv.history`` and raise
        the conversation's data class to theirs (they travel with this request).

        Only what is sent is protected and classified: the caller's instructions always, of the turns the
        newest ones (``chat.history_turns``, as in the chat)."""
        system: list[tuple[str, str]] = []
        turns: list[tuple[str, str]] = []
        for message in messages:
            text = message.text().replace("\x00", "").strip()
            if text:
                role = "system" if message.role in ("system", "developer") else message.role
                (system if role == "system" else turns).append((role, text))
        budget = max(0, 2 * self.pipeline.settings.chat.history_turns)
        keep = max(0, budget - len(system))
        system = system[:budget]
        turns = turns[-keep:] if keep else []
        protected_msgs: list[dict] = []
        for role, text in system + turns:
            protected = conv.guard.protect(text)
            conv.raise_class(protected.data_class)
            pseudonymised.update(f.entity_type for f in protected.findings)
            protected_msgs.append({"role": role, "content": protected.text})
        if not turns and keep:  # a named conversation continues with what it remembers (and its class)
            remembered = [m for m in conv.history if m["role"] != "system"]
            protected_msgs += remembered[-keep:]
        conv.history = protected_msgs

    @staticmethod
    def _check_key(key: ApiKey, data_class: DataClass) -> None:
        if data_class.value not in key.data_classes:
            reason = chat_texts.DATA_CLASS_REASONS.get(data_class.value, data_class.value)
            raise errors.data_class_refused(texts.DATA_CLASS_NOT_ALLOWED.format(reason=reason,
                                                                                data_class=data_class.value))

    async def start(self, key: ApiKey, request: ChatCompletionRequest) -> CompletionRun:
        """Check, pseudonymise and send; returns once the policy passed and the model began to answer.

        Raises :class:`errors.ApiError` for everything the caller has to fix (or retry)."""
        self._check_request(key, request)
        try:
            conv = self._conversation(key, request)
        except RoutingError as exc:
            raise map_error(exc) from None
        run = CompletionRun(id=f"chatcmpl-{uuid.uuid4().hex}", created=int(time.time()), model=request.model,
                            conversation_id=request.safegpt.conversation_id if request.safegpt else None)
        self._history(conv, request.messages[:-1], run.pseudonymised)
        run.data_class = conv.data_class
        self._check_key(key, run.data_class)
        use_knowledge = bool(request.safegpt and request.safegpt.knowledge)
        events = self.pipeline.answer(
            conv, request.messages[-1].text(), use_knowledge=use_knowledge, allowed_models=set(key.models),
            switch_model=False, max_tokens=request.max_completion_tokens or request.max_tokens)
        run._events = events
        try:
            async for event in events:
                if isinstance(event, Protected):
                    run.pseudonymised.update(entity for entity, _, _ in event.replacements)
                    run.data_class = worst([event.data_class, run.data_class])
                    self._check_key(key, run.data_class)  # before anything is searched or sent
                elif isinstance(event, Routed):
                    run.data_class = worst([event.data_class, run.data_class])  # passages count as well
                    self._check_key(key, run.data_class)
                elif isinstance(event, EvidenceFound):
                    preamble = evidence_preamble(event.evidence, event.action, event.notice)
                    if preamble:  # the guideline's words come first in the content, before the model's
                        run.buffered.append(preamble)
                elif isinstance(event, AnswerDelta):
                    run.buffered.append(event.text)
                    return run
                elif isinstance(event, AnswerDone):
                    run.done = event
                    run._events = None
                    return run
        except BaseException as exc:
            await events.aclose()
            run._events = None
            if isinstance(exc, ModelNotAllowed):  # the routing policy: say which class, never which text
                raise errors.data_class_refused(
                    texts.POLICY_REFUSED.format(text=str(exc), data_class=run.data_class.value)) from None
            if isinstance(exc, Exception):
                raise map_error(exc) from None
            raise
        run._events = None
        return run
