"""The one typed settings object of SafeGPT.

Read once at start-up from a TOML file (path in ``SAFEGPT_CONFIG``, otherwise ``./safegpt.toml`` when it
exists, otherwise built-in defaults) and from environment variables (prefix ``SAFEGPT_``, nested keys with
``__``, e.g. ``SAFEGPT_SERVER__PORT=8080``), then handed down to every part that needs it.
"""

from __future__ import annotations

import contextvars
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from chat.core.routing import may_receive
from chat.llm.settings import DATA_CLASSES, LocalModelSettings, ModelEntry, RouterSettings
from chat.web.accessibility.settings import AccessibilitySettings
from chat.web.api.settings import ApiSettings
from chat.web.security.settings import SecuritySettings
from guardrails.settings import GuardrailSettings
from knowledge.settings import IngestSettings, KnowledgeSettings
from onboarding.settings import OnboardingSettings
from privacy.settings import PrivacySettings

DEFAULT_CONFIG_FILE = Path("safegpt.toml")

_config_path: contextvars.ContextVar[Path | None] = contextvars.ContextVar("safegpt_config_path", default=None)


class ConfigError(Exception):
    """The settings file or environment is invalid; the message names the file and the field."""


class _Section(BaseModel):
    """A settings section: an unknown key (usually a typo) is an error, never silently ignored."""

    model_config = ConfigDict(extra="forbid")


class ServerSettings(_Section):
    host: str = "127.0.0.1"
    port: int = 8000
    chat_path: str = "/chat"
    # Origins allowed for the browser; never "*" (see issue on security).
    allowed_origins: list[str] = Field(default_factory=lambda: ["http://127.0.0.1:8000", "http://localhost:8000"])
    session_hours: float = 10.0


def _default_policy() -> dict[str, list[str]]:
    return {
        "local": list(DATA_CLASSES),
        "on-prem": ["none", "pseudonymised", "residual_risk"],
        "eu-cloud": ["none", "pseudonymised"],
    }


class AuthSettings(_Section):
    """How staff log in. Roles always come from SafeGPT's own accounts, never from the identity provider."""

    password: bool = True
    # Behind a reverse proxy with SSO that sets this header (and strips it from client requests!).
    header_enabled: bool = False
    header_user: str = "X-Forwarded-User"
    header_department: str | None = None
    # OAuth/OIDC (Keycloak, Entra ID/Azure AD, generic OIDC): providers come from Chainlit's OAUTH_* env vars.
    oauth_enabled: bool = False
    # First SSO login creates a staff account without password; off: only pre-created accounts may log in.
    sso_auto_create: bool = True
    # External identities map to accounts by issuer + subject. Only for the days after upgrading from name-based
    # SSO: an account without password, role staff and no linked identity may be linked once by its name.
    sso_claim_unlinked_accounts: bool = False


class HistorySettings(_Section):
    """Each user's own chat history (encrypted at rest); nobody else can read it."""

    enabled: bool = True
    retention_days: int = Field(default=30, ge=1)


class UsageSettings(_Section):
    enabled: bool = True
    # A department's figures are shown only where at least k distinct people contributed.
    department_k: int = Field(default=5, ge=2)
    # Prometheus scrapes /metrics with "Authorization: Bearer <token>" (SAFEGPT_USAGE__METRICS_TOKEN);
    # without a token /metrics does not exist.
    metrics_token: SecretStr | None = Field(default=None, min_length=16)


class ChatSettings(_Section):
    default_model: str = "lokal"
    history_turns: int = 6
    language: str = "de-DE"
    max_message_chars: int = 20000
    # Files attached to a chat message (PDF, DOCX, TXT, MD, HTML); checked on the server, not only in the browser.
    # Their text counts towards max_message_chars.
    max_upload_mb: float = Field(default=10.0, gt=0, le=100)
    max_upload_files: int = Field(default=3, ge=0, le=20)  # 0 switches chat uploads off
    # How often uploads that were never sent (a closed tab, a crash) are removed; also once at every start.
    upload_sweep_seconds: float = Field(default=300.0, gt=0)
    # How long a guided question (prompt library, consultation hour) waits for the answer; the accessibility
    # statement names it as a time limit (WCAG 2.2.1).
    guided_question_minutes: float = Field(default=15.0, gt=0)

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


class Settings(BaseSettings):
    """All of SafeGPT's configuration."""

    model_config = SettingsConfigDict(env_prefix="SAFEGPT_", env_nested_delimiter="__", extra="forbid")

    data_dir: Path = Path("data")
    server: ServerSettings = Field(default_factory=ServerSettings)
    chat: ChatSettings = Field(default_factory=ChatSettings)
    guardrails: GuardrailSettings = Field(default_factory=GuardrailSettings)
    knowledge: KnowledgeSettings = Field(default_factory=KnowledgeSettings)
    knowledge_ingest: IngestSettings = Field(default_factory=IngestSettings)  # uploads, client-data check
    onboarding: OnboardingSettings = Field(default_factory=OnboardingSettings)
    model_list: list[ModelEntry] = Field(default_factory=list)
    local_models: dict[str, LocalModelSettings] = Field(default_factory=dict)
    router: RouterSettings = Field(default_factory=RouterSettings)
    usage: UsageSettings = Field(default_factory=UsageSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    history: HistorySettings = Field(default_factory=HistorySettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)  # login lockout, cookies, headers
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)  # controller, DPO, backup/log retention
    accessibility: AccessibilitySettings = Field(default_factory=AccessibilitySettings)  # /barrierefreiheit
    # Which model locations may receive which data class (issue: routing by data sensitivity).
    # A model receives a class only if both its own approval and its location's policy allow it.
    policy: dict[str, list[str]] = Field(default_factory=_default_policy)
    samples_dir: Path | None = Path(__file__).resolve().parent.parent / "knowledge" / "samples"
    config_file: Path | None = None

    @model_validator(mode="after")
    def _check_models(self) -> "Settings":
        names = [m.model_name for m in self.model_list]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"model_list: doppelte model_name {duplicates}")
        if self.model_list and self.chat.default_model not in names:
            raise ValueError(f"chat.default_model '{self.chat.default_model}' steht nicht in model_list {names}")
        for location, classes in self.policy.items():
            unknown = sorted(set(classes) - set(DATA_CLASSES))
            if unknown:
                raise ValueError(f"policy.{location}: unbekannte Datenklasse(n) {unknown}")
        by_name = {e.model_name: e for e in self.model_list}
        for source, targets in self.router.fallbacks.items():
            for target in [source, *targets]:
                if target not in by_name:
                    raise ValueError(f"router.fallbacks: '{target}' steht nicht in model_list")
            # A fallback must never send data to a model that may not receive it.
            for target in targets:
                for cls in DATA_CLASSES:
                    if self.may_receive(by_name[source], cls) and not self.may_receive(by_name[target], cls):
                        raise ValueError(
                            f"router.fallbacks: '{source}' → '{target}' ist unzulässig, '{target}' darf "
                            f"Datenklasse '{cls}' nicht erhalten"
                        )
        if self.knowledge.embedder_location not in self.policy:
            raise ValueError(
                f"knowledge.embedding_location '{self.knowledge.embedder_location}' fehlt in [policy] "
                f"(bekannt: {sorted(self.policy)})"
            )
        strict = self.guardrails
        if strict.strict_names:
            checker = by_name.get(strict.strict_names_model)
            if checker is None:
                raise ValueError(f"guardrails.strict_names_model '{strict.strict_names_model}' steht nicht in "
                                 f"model_list {names}")
            if checker.safegpt.location != "local":
                raise ValueError(f"guardrails.strict_names_model '{strict.strict_names_model}' muss ein lokales "
                                 f"Modell sein (location = \"local\"), nicht '{checker.safegpt.location}'")
        for entry in self.model_list:
            if entry.safegpt.location not in self.policy:
                raise ValueError(
                    f"model_list '{entry.model_name}': Standort '{entry.safegpt.location}' fehlt in [policy] "
                    f"(bekannt: {sorted(self.policy)})"
                )
            model = str(entry.litellm_params.get("model", ""))
            if model.startswith("safegpt-local/"):
                alias = model.split("/", 1)[1]
                if alias not in self.local_models:
                    raise ValueError(
                        f"model_list '{entry.model_name}': lokales Modell '{alias}' fehlt in [local_models]"
                    )
        return self

    def may_receive(self, entry: ModelEntry, data_class: str) -> bool:
        """True when ``entry`` is approved for ``data_class`` and its location's policy allows it."""
        return may_receive(entry, data_class, self.policy)

    def embedder_may_receive(self, data_class: str) -> bool:
        """True when text of ``data_class`` may be sent to the knowledge base's embedder (its location's policy)."""
        return data_class in self.policy.get(self.knowledge.embedder_location, [])

    def knowledge_registry_in_database(self) -> bool:
        """Server mode: the knowledge registry and keyword index live in the main database (PostgreSQL with
        ``[knowledge] registry = "auto"``, or ``"database"``), shared by every process."""
        mode = self.knowledge.registry
        return mode == "database" or (mode == "auto" and self.db_url.startswith(("postgres", "postgresql")))

    def model(self, name: str) -> ModelEntry:
        for entry in self.model_list:
            if entry.model_name == name:
                return entry
        raise KeyError(name)

    @property
    def db_url(self) -> str:
        return os.environ.get("SAFEGPT_DATABASE_URL") or f"sqlite:///{(self.data_dir / 'safegpt.db').resolve()}"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment beats the file; explicit init arguments (tests) beat both.
        return (init_settings, env_settings, _TomlSource(settings_cls))


class _TomlSource(PydanticBaseSettingsSource):
    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:  # pragma: no cover - unused
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = _config_path.get()
        if path is None:
            return {}
        data = _read_toml(path)
        data.setdefault("config_file", str(path))
        return data


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Einstellungsdatei {path}: ungültiges TOML – {exc}") from None
    except OSError as exc:
        raise ConfigError(f"Einstellungsdatei {path} kann nicht gelesen werden: {exc.strerror}") from None


def config_path_from_env() -> Path | None:
    explicit = os.environ.get("SAFEGPT_CONFIG")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"SAFEGPT_CONFIG zeigt auf {path}, die Datei gibt es nicht.")
        return path
    return DEFAULT_CONFIG_FILE if DEFAULT_CONFIG_FILE.is_file() else None


def load_settings(path: Path | None = None, *, use_file: bool = True, **overrides: Any) -> Settings:
    """Build the settings from ``path`` (or ``SAFEGPT_CONFIG`` / ``./safegpt.toml``) and the environment.

    Raises :class:`ConfigError` naming the file and field when anything is invalid, so the server refuses to
    start half-configured.
    """
    if not use_file:
        path = None
    elif path is None:
        path = config_path_from_env()
    token = _config_path.set(path)
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        from chat.settings_lines import line_of

        def where(loc: tuple) -> str:
            line = line_of(path, loc) if path is not None else None
            return f"Zeile {line}, " if line else ""

        problems = "; ".join(
            f"{where(err['loc'])}{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
            for err in exc.errors(include_input=False)
        )
        raise ConfigError(f"Einstellungen ungültig ({path or 'Umgebung/Standardwerte'}): {problems}") from None
    finally:
        _config_path.reset(token)
    if path is not None:
        # Relative paths in the file are relative to the file, not to the working directory.
        base = path.resolve().parent
        if "SAFEGPT_DATA_DIR" not in os.environ and not settings.data_dir.is_absolute():
            settings.data_dir = base / settings.data_dir
        for local in settings.local_models.values():
            if local.path is not None and not local.path.is_absolute():
                local.path = base / local.path
        if settings.samples_dir is not None and not settings.samples_dir.is_absolute():
            settings.samples_dir = base / settings.samples_dir
        for name in ("rules_file", "prompts_dir"):
            value = getattr(settings.onboarding, name)
            if not value.is_absolute():
                setattr(settings.onboarding, name, base / value)
    settings.data_dir = settings.data_dir.resolve()
    return settings
