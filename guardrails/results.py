"""Value objects returned by the guardrail.

Fields that hold client data are excluded from ``repr`` so that a logged or
printed object never shows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class DataClass(str, Enum):
    """How sensitive a text still is after pseudonymisation (input to routing)."""

    NONE = "none"
    PSEUDONYMISED = "pseudonymised"
    RESIDUAL_RISK = "residual_risk"
    SPECIAL_CATEGORY = "special_category"

    @property
    def rank(self) -> int:
        """Position in the order none < pseudonymised < residual_risk < special_category."""
        return _ORDER.index(self)

    @staticmethod
    def highest(classes: "Iterable[DataClass]") -> "DataClass":
        """The most sensitive of ``classes`` (``NONE`` for none): what a request carrying them all is."""
        return max(classes, key=lambda c: c.rank, default=DataClass.NONE)


_ORDER = (DataClass.NONE, DataClass.PSEUDONYMISED, DataClass.RESIDUAL_RISK, DataClass.SPECIAL_CATEGORY)


@dataclass(frozen=True)
class DetectedSpan:
    """One resolved finding: ``text[start:end]`` is of ``entity_type``."""

    start: int
    end: int
    entity_type: str
    score: float


@dataclass(frozen=True)
class Finding:
    """A value replaced in a protected text, with the pseudonym it got."""

    entity_type: str
    original: str = field(repr=False)
    pseudonym: str


@dataclass(frozen=True)
class Replacement:
    """Where a pseudonym stands in a protected text (``text[start:end]``) and what it replaced."""

    start: int
    end: int
    entity_type: str
    original: str = field(repr=False)


@dataclass(frozen=True)
class ProtectedText:
    """A pseudonymised text that is safe to send to an external model."""

    text: str = field(repr=False)
    findings: tuple[Finding, ...]
    data_class: DataClass
    special_categories: tuple[str, ...]
    # Every replacement in order of position (the UI can highlight them, and
    # ConversationGuard.restore_protected() undoes them exactly).
    replacements: tuple[Replacement, ...] = field(default=(), repr=False)
    # Placeholder-shaped text the user typed ("[Person 1]") and the fresh pseudonym
    # it was sent as; not personal data, so kept apart from ``replacements``.
    inert: tuple[Replacement, ...] = field(default=(), repr=False)
    # The class when the text is a curated document (a guideline passage) rather than a message about a
    # client: Art. 9 terms alone are the document's subject; with a person identified in it, they are data.
    document_class: DataClass | None = None

    def __post_init__(self) -> None:
        if self.document_class is None:
            object.__setattr__(self, "document_class", self.data_class)

    def __repr__(self) -> str:
        # The pseudonymised text may still hold data the detector missed, so it is
        # kept out of repr as well; counts are enough for debugging.
        return (
            f"ProtectedText(chars={len(self.text)}, findings={len(self.findings)}, "
            f"data_class={self.data_class.value}, "
            f"special_categories={self.special_categories!r})"
        )
