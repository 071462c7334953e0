"""Text a user typed that looks like one of our pseudonyms ("[Person 1]", "E-Mail 2").

Such text must stay inert: it must not reach the model looking like a pseudonym the
vault issued, and a model echoing it must not get it "restored" to a real value.
``ConversationGuard.protect`` therefore treats it like a value of its own: it gets a
fresh pseudonym of the same shape ("[Person 1]" typed → "[Person 3]" sent) that
restores to exactly what the user typed.

The shapes are those ``restore.Restorer`` recognises, for every label it could ever
restore (not only the labels issued so far), so nothing placeholder-shaped slips by.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from guardrails.messages import FALLBACK_LABEL, PLACEHOLDER_LABELS

# Entity type of a placeholder-shaped text the user typed (internal; never shown
# as personal data, never counted as a finding).
LITERAL = "PLACEHOLDER_TEXT"

_LABELS = sorted(set(PLACEHOLDER_LABELS.values()) | {FALLBACK_LABEL}, key=len, reverse=True)
_CANONICAL = {label.lower(): label for label in _LABELS}
_ALT = "|".join(regex.escape(label) for label in _LABELS)
# Mirrors the two placeholder parts of Restorer's pattern (bracketed and bare).
_SHAPES = regex.compile(
    rf"(?P<bracket>[\[<]\s?(?P<l1>{_ALT})[\s_]?\d+\s?[\]>])"
    rf"|(?P<bare>(?<![\w\[<-])(?P<l2>{_ALT})[ ]\d+(?![\d\]>]))",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class PlaceholderShape:
    """Where placeholder-shaped text stands in a user's text, and its shape."""

    start: int
    end: int
    label: str  # canonical label ("Person", "E-Mail")
    bracketed: bool

    def pseudonym(self, number: int) -> str:
        """The pseudonym of the same shape with ``number``."""
        return f"[{self.label} {number}]" if self.bracketed else f"{self.label} {number}"


def placeholder_shapes(text: str) -> list[PlaceholderShape]:
    """Every stretch of ``text`` that restoration would take for a pseudonym."""
    shapes = []
    for m in _SHAPES.finditer(text):
        bracketed = m.group("bracket") is not None
        label = _CANONICAL[(m.group("l1") if bracketed else m.group("l2")).lower()]
        shapes.append(PlaceholderShape(m.start(), m.end(), label, bracketed))
    return shapes


def shape_of(original: str) -> PlaceholderShape | None:
    """The shape of one placeholder-shaped text (``None`` if it is not one)."""
    found = placeholder_shapes(original)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(original):
        return found[0]
    return None
