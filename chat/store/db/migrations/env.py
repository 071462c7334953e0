"""Alembic environment: migrations run on the connection handed in by ``open_database``."""

from alembic import context

from chat.store.db.schema import metadata
from knowledge.shared_registry import metadata as knowledge_metadata
from onboarding.store import metadata as onboarding_metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI directly
    raise SystemExit("Migrationen laufen über 'safegpt db upgrade' bzw. beim Start automatisch.")
context.configure(connection=connection, target_metadata=[metadata, onboarding_metadata, knowledge_metadata], render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
