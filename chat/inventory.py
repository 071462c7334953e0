"""Collect the storage records of every area into the one inventory, from the running settings.

The transparency page (``/transparenz``), ``/transparenz.json``, ``safegpt privacy report`` and the storage
inventory test all use :func:`build_inventory`; nothing describes storage by hand anywhere else.
"""

from __future__ import annotations

from privacy import Inventory, embedding_recipient, model_recipient

from chat.settings import DATA_CLASSES, Settings


def build_inventory(settings: Settings) -> Inventory:
    """Every storage record of every area, and every recipient, as configured now."""
    from chat import storage_records as areas
    from knowledge.privacy_record import storage_record as knowledge_record

    records = [
        *areas.history_records(settings),
        areas.memory_record(settings),
        *areas.chat_file_records(settings),
        *areas.usage_records(settings),
        areas.consultation_record(settings),
        *areas.prompt_records(settings),
        *areas.account_records(settings),
        areas.audit_record(settings),
        *areas.api_records(settings),
        knowledge_record(settings.knowledge),
        areas.guideline_upload_record(settings),
        areas.database_record(settings),
        areas.server_log_record(settings),
        areas.backup_record(settings),
        areas.technical_record(settings),
    ]
    recipients = [
        model_recipient(entry.display_name, entry.safegpt.location,
                        [c for c in DATA_CLASSES if settings.may_receive(entry, c)],
                        entry.safegpt.approved_by, entry.safegpt.approved_on)
        for entry in settings.model_list
    ]
    knowledge = settings.knowledge
    if knowledge.embedder_is_remote:
        recipients.append(embedding_recipient(str(knowledge.embedding_model), knowledge.embedder_location,
                                              [c for c in DATA_CLASSES if settings.embedder_may_receive(c)]))
    return Inventory(records=tuple(records), recipients=tuple(recipients), organisation=settings.privacy)
