"""Each user's own chat history, encrypted at rest, deleted after the configured number of days.

A Chainlit data layer backed by SafeGPT's database. Thread names, steps and elements are stored only as
Fernet ciphertext (key outside the database); threads are served only to their author, and there is no
admin path to them. ``[history] enabled = false`` switches it off entirely.
"""

from chat.history.data_layer import EncryptedHistory
from chat.history.keys import load_history_key
from chat.history.live import LiveConversations, reopen_conversation

__all__ = ["EncryptedHistory", "LiveConversations", "load_history_key", "reopen_conversation"]
