"""Domain objects of the knowledge base."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DocumentInfo:
    """One guideline document in the knowledge base (its current version)."""

    doc_id: str
    title: str
    source_file: str  # file name as added; adding the same name again replaces this document
    version: str
    owner: str
    valid_until: str | None  # ISO date (YYYY-MM-DD)
    audience: str  # department or "alle"
    chunk_count: int
    added_at: str  # ISO timestamp, UTC

    @property
    def expired(self) -> bool:
        """True when ``valid_until`` lies in the past (the document should be reviewed)."""
        from datetime import date

        return bool(self.valid_until) and self.valid_until < date.today().isoformat()  # type: ignore[operator]


@dataclass(frozen=True)
class Passage:
    """One retrieved chunk, best first in :meth:`KnowledgeBase.search`.

    ``score`` is a relevance estimate between 0 and 1 (the larger of the calibrated dense
    similarity and the keyword coverage); results are ordered by reciprocal-rank fusion and
    only passages with ``score >= min_score`` are returned.
    """

    chunk_id: str
    doc_id: str
    title: str
    source_file: str
    section: str | None
    page: int | None
    text: str = field(repr=False)
    score: float
    # Added beyond the agreed API: metadata of the document version the passage comes from.
    version: str = ""
    owner: str = ""
    valid_until: str | None = None
    audience: str = "alle"
    dense_score: float | None = None  # raw cosine similarity, None if not among dense candidates
    keyword_score: float | None = None  # idf-weighted share of query terms found, None if no hit


@dataclass(frozen=True)
class PreviewChunk:
    """A chunk as it would be indexed (see :meth:`KnowledgeBase.preview`)."""

    section: str | None
    page: int | None
    text: str = field(repr=False)


@dataclass(frozen=True)
class DocumentPreview:
    """What :meth:`KnowledgeBase.add` would store, computed without changing anything.

    Lets the caller check the text (e.g. for client data with the guardrail) before indexing.
    """

    source_file: str
    title: str
    metadata: dict[str, str]  # declared in the file: version, owner, valid_until, audience …
    replaces: str | None  # doc_id of the document this file would replace
    chunks: list[PreviewChunk] = field(repr=False)


@dataclass(frozen=True)
class Block:
    """A structural piece of a parsed document: a paragraph, list item or table row group."""

    text: str = field(repr=False)
    section_path: tuple[str, ...] = ()  # enclosing headings, outermost first
    page: int | None = None
    heading: bool = False  # True for a heading line itself (starts a new section)

    @property
    def section(self) -> str | None:
        """The nearest enclosing heading."""
        return self.section_path[-1] if self.section_path else None


@dataclass(frozen=True)
class ParsedDocument:
    """Text of a file split into blocks, plus the title found inside the file (if any)."""

    title: str | None
    blocks: list[Block]
    # Metadata declared inside the file: title, version, owner, valid_until (ISO), audience.
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Chunk:
    """A piece of a document ready for embedding and indexing."""

    index: int
    text: str = field(repr=False)
    section_path: tuple[str, ...]
    page: int | None

    @property
    def section(self) -> str | None:
        """The nearest enclosing heading."""
        return self.section_path[-1] if self.section_path else None
