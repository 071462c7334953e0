"""The subset of the OpenAI protocol SafeGPT serves, as pydantic models (requests strict, responses plain).

Unknown top-level request fields are ignored (clients send ``user``, ``seed``, ``metadata`` …); sampling
parameters are accepted but the operator's model settings apply. Tools, several choices and non-text
content are refused with a clear error rather than silently dropped.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Request(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class TextPart(_Request):
    type: Literal["text"]
    text: str


class ChatMessage(_Request):
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[TextPart] | None = None
    name: str | None = Field(default=None, max_length=64)

    def text(self) -> str:
        if self.content is None:
            return ""
        if isinstance(self.content, str):
            return self.content
        return "\n".join(part.text for part in self.content)

    def __repr__(self) -> str:  # never show message text
        return f"ChatMessage(role={self.role!r})"


class SafeGPTOptions(BaseModel):
    """SafeGPT's own request field (``extra_body={"safegpt": {...}}`` in the openai client)."""

    model_config = ConfigDict(strict=True, extra="forbid")

    conversation_id: str | None = Field(default=None, min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:\-]+$",
                                        description="Keeps pseudonyms consistent across requests of one conversation.")
    knowledge: bool = Field(default=False, description="Ground the answer in the knowledge base; sources come back.")


class StreamOptions(_Request):
    include_usage: bool = False


class ResponseFormat(_Request):
    type: str


class ChatCompletionRequest(_Request):
    model: str = Field(min_length=1, max_length=200)
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    max_tokens: int | None = Field(default=None, ge=1, le=65536)
    max_completion_tokens: int | None = Field(default=None, ge=1, le=65536)
    n: int = Field(default=1, ge=1, le=1, description="Only 1 is supported.")
    temperature: float | None = Field(default=None, ge=0, le=2, description="Accepted; the model settings apply.")
    top_p: float | None = Field(default=None, ge=0, le=1, description="Accepted; the model settings apply.")
    tools: list[Any] | None = Field(default=None, description="Not supported (must be absent or empty).")
    functions: list[Any] | None = Field(default=None, description="Not supported (must be absent or empty).")
    response_format: ResponseFormat | None = Field(default=None, description="Only {'type': 'text'}.")
    safegpt: SafeGPTOptions | None = None

    def __repr__(self) -> str:
        return f"ChatCompletionRequest(model={self.model!r}, messages={len(self.messages)}, stream={self.stream})"


class EmbeddingRequest(_Request):
    model: str = Field(min_length=1, max_length=200)
    input: str | list[str] = Field(description="One text or a list of texts (token arrays are not supported).")
    encoding_format: Literal["float", "base64"] = "float"
    dimensions: int | None = Field(default=None, ge=1)

    def texts(self) -> list[str]:
        return [self.input] if isinstance(self.input, str) else list(self.input)

    def __repr__(self) -> str:
        return f"EmbeddingRequest(model={self.model!r})"


# -- responses -------------------------------------------------------------------------------------


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class SourceInfo(BaseModel):
    number: int
    title: str
    source_file: str
    section: str | None = None
    page: int | None = None
    score: float
    cited: bool = Field(description="The answer refers to this source as [number].")
    text: str = Field(description="The guideline passage the answer was grounded in.")


class EvidenceInfo(BaseModel):
    text: str = Field(description="A sentence (or list item, table row) of the guideline, verbatim.")
    lead: str | None = Field(default=None, description="The verbatim sentence introducing its list or table.")
    title: str
    source_file: str
    section: str | None = None
    page: int | None = None


class UnsupportedInfo(BaseModel):
    text: str = Field(description="A number, amount, deadline, date, form number or paragraph of the answer.")
    kind: str


class CitationFixInfo(BaseModel):
    cited: int
    replacement: int | None = Field(description="The source that fits the sentence; null: citation removed.")


class AnswerCheckInfo(BaseModel):
    """What the check of the model's draft found (issue 18); ``checked_answer`` shows it in place."""

    unsupported: list[UnsupportedInfo] = Field(default_factory=list,
                                               description="Details no shown source contains.")
    citations: list[CitationFixInfo] = Field(default_factory=list)
    echoes_hidden: int = Field(0, description="Sentences repeating instruction text, hidden in checked_answer.")
    conflict: bool = Field(False, description="The draft's yes/no contradicts the quoted evidence.")


class SafeGPTInfo(BaseModel):
    """What SafeGPT adds to an answer: sources, data class, what was pseudonymised (counts only), and the
    guideline evidence with the check of the draft."""

    sources: list[SourceInfo] = Field(default_factory=list)
    data_class: str
    pseudonymised: dict[str, int] = Field(default_factory=dict, description="Entity type → values replaced.")
    conversation_id: str | None = None
    evidence: list[EvidenceInfo] = Field(default_factory=list,
                                         description="The guideline sentences that answer the question.")
    grounding: str | None = Field(default=None, description="grounded | uncertain | none (knowledge asked only).")
    answer_kind: str | None = Field(default=None, description="grounded | ask_back | decline | open.")
    check: AnswerCheckInfo | None = None
    checked_answer: str | None = Field(default=None, description="Evidence first, then the draft with its marks.")


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop", "length"]


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage
    safegpt: SafeGPTInfo


class Delta(BaseModel):
    role: Literal["assistant"] | None = None
    content: str | None = None


class ChunkChoice(BaseModel):
    index: int = 0
    delta: Delta
    finish_reason: Literal["stop", "length"] | None = None


class ChatCompletionChunk(BaseModel):
    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: str
    choices: list[ChunkChoice]
    usage: Usage | None = None
    safegpt: SafeGPTInfo | None = Field(default=None, description="Only in the chunk with the finish_reason.")


class ModelInfo(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = "safegpt"
    display_name: str
    location: str
    kind: Literal["chat", "embedding"] = "chat"
    data_classes: list[str] = Field(description="Data classes this key may send to this model.")


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelInfo]


class Embedding(BaseModel):
    object: Literal["embedding"] = "embedding"
    index: int
    embedding: list[float] | str


class EmbeddingUsage(BaseModel):
    prompt_tokens: int
    total_tokens: int


class EmbeddingResponse(BaseModel):
    object: Literal["list"] = "list"
    data: list[Embedding]
    model: str
    usage: EmbeddingUsage


class ErrorDetail(BaseModel):
    message: str
    type: str
    code: str | None = None
    param: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorDetail


REQUEST_MODELS = (ChatCompletionRequest, EmbeddingRequest)
RESPONSE_MODELS = (ChatCompletion, ChatCompletionChunk, ModelInfo, ModelList, EmbeddingResponse, ErrorResponse)
