"""Each user's own chat history, encrypted at rest, deleted after the configured number of days.

The tables (``schema``), the key kept outside the database (``keys``) and the open conversations of this
process (``live``). Thread names, steps and elements are stored only as Fernet ciphertext; threads are served
only to their author, and there is no admin path to them. The Chainlit data layer that reads and writes them
is ``chat.ui.data_layer.EncryptedHistory``. ``[history] enabled = false`` switches it off entirely.
"""

from chat.store.history.keys import load_history_key
from chat.store.history.live import LiveConversations, reopen_conversation

__all__ = ["LiveConversations", "load_history_key", "reopen_conversation"]
