"""SafeGPT's database: engine and migrations (``db``), accounts, the admin audit log, usage figures
(``usage``) and the encrypted chat history (``history``).

No Chainlit, no FastAPI: the web server and the Chainlit handlers use these stores; they never use the web or
the UI. Migrations: ``chat/store/db/migrations/versions`` (one branch per area, see docs/ARCHITECTURE.md).
Importing ``chat.store`` itself loads nothing.
"""
