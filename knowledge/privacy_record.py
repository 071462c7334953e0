"""What the knowledge base stores (its storage record for the transparency page and the Art. 30 record)."""

from __future__ import annotations

from privacy import Content, DataCategory, Elsewhere, Files, PersonCategory, StorageRecord

from .knowledge_base import FILES_DIR, REGISTRY_FILE
from .settings import KnowledgeSettings


def storage_record(settings: KnowledgeSettings) -> StorageRecord:
    """The guidelines with their index: in the data directory, and in Chroma (embedded or a server)."""
    locations: list = [
        Files(REGISTRY_FILE + "*", (Content.GUIDELINE_TEXT, Content.VECTORS)),
        Files(FILES_DIR + "/*", (Content.GUIDELINE_FILE,)),
    ]
    if settings.chroma_mode == "embedded":
        locations.append(Files("chroma/*", (Content.VECTORS, Content.GUIDELINE_TEXT)))
    else:
        locations.append(Elsewhere(f"Chroma-Server {settings.chroma_host}:{settings.chroma_port}, "
                                   f"Sammlung „{settings.collection}“"))
    return StorageRecord(
        key="knowledge_base",
        title="Wissensbasis (interne Richtlinien)",
        purpose="Antworten auf die internen Richtlinien des Trägers stützen und die Quellen nennen.",
        contents=("Die von Admins hochgeladenen Richtlinien: Originaldatei, Titel, Version, Verantwortliche, "
                  "Gültigkeit, Zielgruppe, der Text in Abschnitten, ein Stichwortindex und Zahlenvektoren "
                  "(Embeddings). Vor der Aufnahme wird jedes Dokument auf Klientenangaben geprüft; gefundene "
                  "Angaben muss ein Admin ausdrücklich bestätigen."),
        stored=True,
        data=(DataCategory.GUIDELINES,),
        persons=(PersonCategory.NAMED_IN_GUIDELINES,),
        locations=tuple(locations),
        retention="Bis ein Admin das Dokument entfernt oder ersetzt (dann werden alle Abschnitte gelöscht).",
        readers="Alle Beschäftigten (als Quellen in Antworten); Pflege durch Admins.",
    )
