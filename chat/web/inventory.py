"""Collect the storage records of every area into the one inventory, from the running settings.

Each area declares what it stores in its own ``privacy_record`` module, next to its code. The transparency page
(``/transparenz``), ``/transparenz.json``, ``safegpt privacy report`` and the storage inventory test all use
:func:`build_inventory`; nothing describes storage by hand anywhere else. Light on purpose (no Chainlit, no
Chroma, no Presidio): ``safegpt privacy report`` only reads settings.
"""

from __future__ import annotations

import os

from chat.llm.settings import DATA_CLASSES
from chat.settings import Settings
from chat.store import privacy_record as store_records
from chat.store.history import privacy_record as history_records
from chat.store.usage import privacy_record as usage_records
from chat.web import privacy_record as server_records
from chat.web.api import privacy_record as api_records
from chat.web.security import privacy_record as security_records
from knowledge import privacy_record as knowledge_records
from onboarding import privacy_record as onboarding_records
from privacy import DataCategory, Elsewhere, Inventory, PersonCategory, StorageRecord
from privacy import embedding_recipient, model_recipient
from privacy.messages import NOT_FILLED_IN, days


def build_inventory(settings: Settings) -> Inventory:
    """Every storage record of every area, and every recipient, as configured now."""
    records = [
        *history_records.storage_records(settings),
        *server_records.storage_records(settings),
        *usage_records.storage_records(settings),
        *onboarding_records.storage_records(settings.onboarding),
        *store_records.storage_records(settings),
        *security_records.storage_records(settings),
        *api_records.storage_records(settings),
        *knowledge_records.storage_records(settings.knowledge,
                                            registry_in_database=settings.knowledge_registry_in_database()),
        backup_record(settings),
    ]
    records.sort(key=lambda r: r.audience != "staff")  # what concerns every user first, then the operation's
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


def backup_record(settings: Settings) -> StorageRecord:
    """Backups are the operator's (docs/OPERATIONS.md section 4: the database, the knowledge base and the
    secrets); SafeGPT writes none itself (the inventory test would find the files). What they hold and who can
    read the chat history in them follows the running settings; their retention comes from ``[privacy]``."""
    kept = settings.privacy.backup_retention_days
    history = settings.history.enabled
    key_in_data_dir = not os.environ.get("SAFEGPT_HISTORY_KEY")
    database = ("Kopien der Datenbank (mit dem verschlüsselten Chatverlauf; gelöschte Chats bleiben darin, bis "
                "die Kopie gelöscht wird)" if history
                else "Kopien der Datenbank (ohne Chatverlauf: er ist abgeschaltet)")
    if not history:
        readers = "Der Betrieb/die IT."
    elif key_in_data_dir:
        readers = ("Der Betrieb/die IT. Der Schlüssel des Chatverlaufs liegt im Datenverzeichnis "
                   "(data/secrets/history.key): eine Kopie des ganzen Datenverzeichnisses, wie sie "
                   "docs/OPERATIONS.md für den Betrieb ohne Container beschreibt, enthält ihn – wer sie hat, kann "
                   "den Chatverlauf darin lesen. Bewahren Sie den Schlüssel getrennt von den Kopien auf.")
    else:
        readers = ("Der Betrieb/die IT. Den Chatverlauf darin kann nur lesen, wer auch den Schlüssel "
                   "(SAFEGPT_HISTORY_KEY) hat; er wird getrennt von den Kopien aufbewahrt.")
    return StorageRecord(
        key="backups",
        title="Sicherungskopien",
        purpose="Wiederherstellung nach einem Ausfall.",
        contents=(f"{database}, der Wissensbasis (Richtlinien und Suchindex) und der Schlüssel, wie sie der Betrieb "
                  "nach docs/OPERATIONS.md Abschnitt 4 anlegt. SafeGPT selbst legt keine Sicherungskopien an."),
        stored=True,
        data=(*((DataCategory.CHAT_CONTENT,) if history else ()), DataCategory.CLIENT_DATA, DataCategory.ACCOUNT,
              DataCategory.GUIDELINES, DataCategory.KEYS),
        persons=(PersonCategory.STAFF, PersonCategory.CLIENTS, PersonCategory.ADMINS),
        locations=(Elsewhere("beim Betrieb, außerhalb von SafeGPT"),),
        retention=(f"{days(kept)} (Angabe des Betriebs)" if kept
                   else NOT_FILLED_IN.format(field="backup_retention_days")),
        readers=readers,
        audience="operation",
    )
