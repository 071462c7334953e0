"""Build SafeGPT's parts from the settings, each once and only when first needed.

The CLI, the server and the tests all start from ``SafeGPT(settings)``; nothing is built at import time.
"""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path

from chat.settings import Settings

log = logging.getLogger(__name__)


class SafeGPT:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)

    @property
    def models_dir(self) -> Path:
        return self.settings.data_dir / "models"

    @cached_property
    def engine(self):
        from chat.store.db import open_database

        return open_database(self.settings.db_url, data_dir=self.settings.data_dir)

    @cached_property
    def accounts(self):
        from chat.store.accounts import Accounts

        return Accounts(self.engine)

    @cached_property
    def sessions(self):
        """Checks every use of a login token against the account (chat/web/security/sessions.py)."""
        from chat.store.secret_files import login_signing_key
        from chat.web.security.sessions import SessionCheck

        return SessionCheck(self.accounts, login_signing_key(self.settings.data_dir),
                            self.settings.server.session_hours * 3600)

    @cached_property
    def login_attempts(self):
        """Failed-login counting in the database, shared by every server process."""
        from chat.web.security.login_attempts import LoginAttempts

        return LoginAttempts(self.engine, self.settings.security)

    @cached_property
    def history(self):
        """The encrypted chat-history store, or None when history is switched off."""
        if not self.settings.history.enabled:
            return None
        from chat.store.history.keys import load_history_key
        from chat.ui.data_layer import EncryptedHistory

        return EncryptedHistory(self.engine, load_history_key(self.settings.data_dir),
                                on_feedback=lambda helpful: self.usage.record_feedback(model="", helpful=helpful))

    @cached_property
    def usage(self):
        from chat.store.usage import UsageRecorder

        return UsageRecorder(self.engine, enabled=self.settings.usage.enabled)

    @cached_property
    def audit(self):
        from chat.store.audit import AuditLog

        return AuditLog(self.engine)

    @cached_property
    def onboarding(self):
        """Rules of use, prompt library and consultation hours (loads the files strictly)."""
        from onboarding.catalog import OnboardingArea

        return OnboardingArea(self.settings.onboarding, self.engine)

    @cached_property
    def curator(self):
        """Changes to the knowledge base with the client-data check and the audit log (guardrail built only when
        a check runs: ``safegpt kb list`` must not load Presidio)."""
        from knowledge.curation import Curator

        return Curator(self.knowledge, lambda: self.guardrail, self.audit, self.settings.knowledge_ingest,
                       self.settings.data_dir)

    @cached_property
    def guardrail(self):
        from guardrails.guardrail import Guardrail

        return Guardrail(self.settings.guardrails)

    @cached_property
    def knowledge(self):
        from knowledge.knowledge_base import KnowledgeBase

        mode = self.settings.knowledge.registry
        shared = mode == "database" or (mode == "auto" and self.settings.db_url.startswith(("postgres", "postgresql")))
        # Server mode: registry and keyword index in the main database, shared by every process (issue 16).
        return KnowledgeBase(self.settings.knowledge, data_dir=self.settings.data_dir,
                             registry_engine=self.engine if shared else None)

    @cached_property
    def local_models(self):
        from chat.llm.local_model import LocalModel
        from chat.llm.model_files import resolve_model_file

        used = {
            str(e.litellm_params.get("model", "")).split("/", 1)[1]
            for e in self.settings.model_list
            if str(e.litellm_params.get("model", "")).startswith("safegpt-local/")
        }
        return {
            alias: LocalModel(alias, resolve_model_file(alias, cfg, self.models_dir), cfg)
            for alias, cfg in self.settings.local_models.items()
            if alias in used
        }

    @cached_property
    def router(self):
        from chat.llm.router import ModelRouter

        return ModelRouter(self.settings.model_list, self.settings.router, self.local_models)

    @cached_property
    def pipeline(self):
        from chat.core.pipeline import Pipeline

        return Pipeline(self.settings, self.guardrail, self.knowledge, self.router)

    def close(self) -> None:
        if "router" in self.__dict__:
            self.router.close()
        if "local_models" in self.__dict__:
            for model in self.local_models.values():
                model.close()
        if "knowledge" in self.__dict__:
            self.knowledge.close()
        if "engine" in self.__dict__:
            self.engine.dispose()
