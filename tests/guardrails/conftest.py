"""Shared fixtures: one real Guardrail per test session (building one takes ~2 s)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from guardrails import GuardrailSettings
from guardrails.guardrail import Guardrail


@pytest.fixture(scope="session")
def guardrail() -> Guardrail:
    return Guardrail(
        GuardrailSettings(
            always_mask=["Kinderhaus Sonnenschein", "Wohngruppe Lindenhof"],
            extra_case_number_patterns=[r"\bSGB-\d{4}-\d{5}\b"],
        )
    )


@pytest.fixture(scope="session")
def surrogate_guardrail() -> Guardrail:
    return Guardrail(GuardrailSettings(pseudonym_style="surrogate"))


def found(guardrail: Guardrail, text: str, entity_type: str) -> list[str]:
    """Texts of all spans of ``entity_type`` that detect() returns for ``text``."""
    return [text[s.start : s.end] for s in guardrail.detect(text) if s.entity_type == entity_type]


def missed_names(guardrail: Guardrail, cases: Iterable[tuple[str, str]]) -> list[str]:
    """The names of ``(name, text)`` pairs that no PERSON finding in their text contains."""
    return [name for name, text in cases if not any(name in f for f in found(guardrail, text, "PERSON"))]
