"""One chat completion through the same pipeline as a chat message.

The caller's ``messages`` become one :class:`chat.core.pipeline.Conversation`: system and earlier turns are
pseudonymised with the conversation's guard into its history, the last user message is the question.
The data class of everything sent is checked against the key's approved classes and the routing policy
before anything leaves; the answer comes back restored.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from chat.core import messages as chat_texts
from chat.core.events import AnswerDelta, AnswerDone, Protected
from chat.core.pipeline import Conversation, Pipeline, UserInputError
from chat.llm.errors import ModelNotAllowed, ModelUnavailable, RoutingError
from chat.web.api import errors
from chat.web.api import messages as texts
from chat.web.api.conversations import ConversationStore
from chat.web.api.keys import ApiKey
from chat.web.api.openai_models import ChatCompletionRequest, ChatMessage, SafeGPTInfo, SourceInfo, Usage
from guardrails import DataClass

log = logging.getLogger(__name__)
_ORDER = [DataClass.NONE, DataClass.PSEUDONYMISED, DataClass.RESIDUAL_RISK, DataClass.SPECIAL_CATEGORY]


@dataclass
class NamedConversation:
    """A conversation the caller named: its pipeline conversation and the highest data class sent in it,
    so that remembered turns are checked again when a later request goes to another model."""

    conv: Conversation
    sent_class: DataClass = DataClass.NONE


def worst(classes) -> DataClass:
    return max(classes, key=_ORDER.index, default=DataClass.NONE)


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
                elif isinstance(event, AnswerDone):
                    self.done = event
        except Exception as exc:  # noqa: BLE001 - mapped to an OpenAI error without its text
            raise map_error(exc) from None
        finally:
            self._events = None

    async def text(self) -> str:
        return "".join([piece async for piece in self.deltas()])

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
        return SafeGPTInfo(sources=sources, data_class=self.data_class.value, pseudonymised=dict(self.pseudonymised),
                           conversation_id=self.conversation_id)


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

    def _conversation(self, key: ApiKey, request: ChatCompletionRequest) -> NamedConversation:
        cid = request.safegpt.conversation_id if request.safegpt else None
        if cid is None:
            return NamedConversation(self.pipeline.new_conversation(request.model))
        named = self.conversations.get_or_create(
            (key.key_id, cid), lambda: NamedConversation(self.pipeline.new_conversation(request.model)))
        self.pipeline.router.entry(request.model)
        named.conv.model_name = request.model
        return named

    def _history(self, named: NamedConversation, messages: list[ChatMessage], pseudonymised: Counter
                 ) -> list[DataClass]:
        """Pseudonymise system messages and the earlier turns that will be sent into ``conv.history``.

        Returns their data classes. Only what is sent is protected and classified: the caller's
        instructions always, of the turns the newest ones (``chat.history_turns``, as in the chat)."""
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
        conv = named.conv
        classes: list[DataClass] = []
        protected_msgs: list[dict] = []
        for role, text in system + turns:
            protected = conv.guard.protect(text)
            classes.append(protected.data_class)
            pseudonymised.update(f.entity_type for f in protected.findings)
            protected_msgs.append({"role": role, "content": protected.text})
        if not turns and keep:  # a named conversation continues with what it remembers
            remembered = [m for m in conv.history if m["role"] != "system"]
            if remembered:
                protected_msgs += remembered[-keep:]
                classes.append(named.sent_class)
        conv.history = protected_msgs
        return classes

    def _check_class(self, key: ApiKey, model: str, data_class: DataClass) -> None:
        if data_class.value not in key.data_classes:
            reason = chat_texts.DATA_CLASS_REASONS.get(data_class.value, data_class.value)
            raise errors.data_class_refused(texts.DATA_CLASS_NOT_ALLOWED.format(reason=reason,
                                                                                data_class=data_class.value))
        try:
            self.pipeline.choose_model(model, data_class, allowed_models=set(key.models), switch=False)
        except ModelNotAllowed as exc:
            raise errors.data_class_refused(texts.POLICY_REFUSED.format(text=str(exc), data_class=data_class.value))

    async def start(self, key: ApiKey, request: ChatCompletionRequest) -> CompletionRun:
        """Check, pseudonymise and send; returns once the policy passed and the model began to answer.

        Raises :class:`errors.ApiError` for everything the caller has to fix (or retry)."""
        self._check_request(key, request)
        try:
            named = self._conversation(key, request)
        except RoutingError as exc:
            raise map_error(exc) from None
        conv = named.conv
        run = CompletionRun(id=f"chatcmpl-{uuid.uuid4().hex}", created=int(time.time()), model=request.model,
                            conversation_id=request.safegpt.conversation_id if request.safegpt else None)
        context_classes = self._history(named, request.messages[:-1], run.pseudonymised)
        context_class = worst(context_classes)
        if context_classes:
            self._check_class(key, request.model, context_class)
        use_knowledge = bool(request.safegpt and request.safegpt.knowledge)
        events = self.pipeline.answer(
            conv, request.messages[-1].text(), use_knowledge=use_knowledge, allowed_models=set(key.models),
            switch_model=False, max_tokens=request.max_completion_tokens or request.max_tokens)
        run._events = events
        try:
            async for event in events:
                if isinstance(event, Protected):
                    run.pseudonymised.update(entity for entity, _, _ in event.replacements)
                    run.data_class = worst([event.data_class, context_class])
                    self._check_class(key, request.model, run.data_class)
                    named.sent_class = worst([named.sent_class, run.data_class])
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
            if isinstance(exc, Exception):
                raise map_error(exc) from None
            raise
        run._events = None
        return run
