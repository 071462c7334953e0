"""What SafeGPT stores, declared by the code that stores it: typed storage records, the inventory that
collects them, and the record of processing activities (Art. 30 GDPR) generated from it.

Imports nothing of the other packages, so ``chat``, ``knowledge`` and ``onboarding`` can each declare
their own records next to their code.
"""

from privacy.art30 import processing_record, render_text
from privacy.inventory import Inventory, InventoryError, embedding_recipient, model_recipient
from privacy.records import (Content, DataCategory, Elsewhere, Files, Logs, PersonCategory, Recipient,
                             StorageRecord, Table)
from privacy.settings import PrivacySettings

__all__ = [
    "Content", "DataCategory", "Elsewhere", "Files", "Inventory", "InventoryError", "Logs", "PersonCategory",
    "PrivacySettings", "Recipient", "StorageRecord", "Table", "embedding_recipient", "model_recipient",
    "processing_record", "render_text",
]
