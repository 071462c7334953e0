"""What the knowledge base stores: its storage records for /transparenz and the Art. 30 record."""

from __future__ import annotations

from privacy import Content, DataCategory, Elsewhere, Files, PersonCategory, StorageRecord, Table
from privacy.messages import OPERATOR

from .paths import CHROMA_DIR, FILES_DIR, REGISTRY_FILE, UPLOADS_DIR
from .settings import KnowledgeSettings


def storage_records(settings: KnowledgeSettings, *, registry_in_database: bool = False) -> list[StorageRecord]:
    """The guidelines with their index (data directory, and Chroma embedded or on a server), and uploads
    waiting for a confirmation. ``registry_in_database``: server mode keeps the registry and the keyword index in
    the main database (knowledge/shared_registry.py) instead of the file under the data directory."""
    # In server mode each process keeps a private mirror of the keyword index in the same file.
    locations: list = [Files(REGISTRY_FILE + "*", (Content.GUIDELINE_TEXT, Content.VECTORS)),
                       Files(FILES_DIR + "/*", (Content.GUIDELINE_FILE,))]
    if settings.chroma_mode == "embedded":
        locations.append(Files(CHROMA_DIR + "/*", (Content.VECTORS, Content.GUIDELINE_TEXT)))
    else:
        locations.append(Elsewhere(f"Chroma-Server {settings.chroma_host}:{settings.chroma_port}, "
                                   f"Sammlung „{settings.collection}“"))
    return [
        _registry_in_database_record(registry_in_database),
        StorageRecord(
            key="knowledge_base",
            title="Wissensbasis (interne Richtlinien)",
            purpose="Antworten auf die internen Richtlinien des Trägers stützen und die Quellen nennen.",
            contents=("Die von Admins hochgeladenen Richtlinien: Originaldatei, Titel, Version, Verantwortliche, "
                      "Gültigkeit, Zielgruppe, der Text in Abschnitten (im Betrieb mit mehreren Prozessen in der Datenbank), ein Stichwortindex und Zahlenvektoren "
                      "(Embeddings). Vor der Aufnahme wird jedes Dokument auf Klientenangaben geprüft; gefundene "
                      "Angaben muss ein Admin ausdrücklich bestätigen."),
            stored=True,
            data=(DataCategory.GUIDELINES,),
            persons=(PersonCategory.NAMED_IN_GUIDELINES,),
            locations=tuple(locations),
            retention="Bis ein Admin das Dokument entfernt oder ersetzt (dann werden alle Abschnitte gelöscht).",
            readers="Alle Beschäftigten (als Quellen in Antworten); Pflege durch Admins.",
        ),
        StorageRecord(
            key="guideline_uploads",
            title="Hochgeladene Richtlinien vor der Aufnahme",
            purpose="Eine hochgeladene Richtlinie auf Klientenangaben prüfen, bevor sie in die Wissensbasis kommt.",
            contents=("Die hochgeladene Datei und die Formularangaben mit dem Benutzernamen des Admins, solange "
                      "die Aufnahme noch bestätigt werden muss (bei gefundenen Klientenangaben)."),
            stored=True,
            data=(DataCategory.GUIDELINES, DataCategory.ACCOUNT),
            persons=(PersonCategory.NAMED_IN_GUIDELINES, PersonCategory.ADMINS),
            locations=(Files(UPLOADS_DIR + "/*", (Content.GUIDELINE_FILE, Content.USERNAME)),),
            retention=("Gelöscht, sobald die Richtlinie aufgenommen oder abgelehnt ist; unbestätigte beim nächsten "
                       "Hochladen, wenn sie älter als eine Stunde sind."),
            readers="Admins. " + OPERATOR,
            audience="operation",
        ),
    ]


def _registry_in_database_record(stored: bool) -> StorageRecord:
    """The knowledge tables of the main database: filled only in server mode, present in every database."""
    return StorageRecord(
        key="knowledge_registry_database",
        title="Wissensbasis: Register und Stichwortindex in der Datenbank",
        purpose="Mehrere SafeGPT-Prozesse teilen sich eine Wissensbasis.",
        contents=("Je Richtlinie Titel, Dateiname, Version, Verantwortliche, Gültigkeit, Zielgruppe, Prüfsumme; "
                  "der Text in Abschnitten mit Seite und Abschnitt, die Wortstämme für die Stichwortsuche und die Sätze, "
                  "die Antworten als Beleg zitieren, mit ihren Zahlenvektoren."),
        stored=stored,
        data=(DataCategory.GUIDELINES,),
        persons=(PersonCategory.NAMED_IN_GUIDELINES,),
        locations=(
            Table("knowledge_documents", {"doc_id": Content.ID, "title": Content.ADMIN_TEXT,
                                          "source_file": Content.FILE_NAME, "stored_path": Content.FILE_NAME,
                                          "sha256": Content.HASH, "revision": Content.ID, "version": Content.LABEL,
                                          "owner": Content.ADMIN_TEXT, "valid_until": Content.DAY,
                                          "audience": Content.LABEL, "chunk_count": Content.NUMBER,
                                          "added_at": Content.TIME}),
            Table("knowledge_chunks", {"id": Content.ID, "chunk_id": Content.ID, "doc_id": Content.ID,
                                       "idx": Content.NUMBER, "page": Content.NUMBER,
                                       "section": Content.GUIDELINE_TEXT, "section_path": Content.GUIDELINE_TEXT,
                                       "text": Content.GUIDELINE_TEXT, "tokens": Content.GUIDELINE_TEXT}),
            Table("knowledge_sentences", {"id": Content.ID, "chunk_id": Content.ID, "idx": Content.NUMBER,
                                          "text": Content.GUIDELINE_TEXT, "lead": Content.GUIDELINE_TEXT,
                                          "kind": Content.LABEL, "page": Content.NUMBER, "vector": Content.VECTORS}),
            Table("knowledge_meta", {"key": Content.LABEL, "value": Content.DETAIL}),
        ),
        retention="Wie die Wissensbasis: bis ein Admin das Dokument entfernt oder ersetzt.",
        readers="Alle Beschäftigten (als Quellen in Antworten); Pflege durch Admins. " + OPERATOR,
        enabled_by="[knowledge] registry (\"auto\": mit PostgreSQL)",
        when_off="Register und Stichwortindex liegen in der Datei knowledge.sqlite3 im Datenverzeichnis.",
    )
