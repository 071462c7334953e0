"""Exception types of the onboarding package.

Every message is German, names where the problem is (file, line, field) and never quotes a value:
values may be client data (a rendered prompt) or anything an admin typed into a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from . import messages


class _Labelled(Protocol):
    """A prompt variable as far as an error message needs it (``onboarding.prompt.PromptVariable``)."""

    label: str


class OnboardingFileError(ValueError):
    """A file maintained by admins (prompt, rules of use) is broken.

    ``line`` is 1-based and ``None`` when the problem concerns the whole file; ``field`` is the
    field's path inside the file (e.g. ``variables[2].label``, entries counted from 1) or ``None``.
    """

    def __init__(self, path: Path, line: int | None, field: str | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.field = field
        self.message = message
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [str(self.path)]
        if self.line is not None:
            parts.append(messages.LOCATION_LINE.format(line=self.line))
        if self.field is not None:
            parts.append(messages.LOCATION_FIELD.format(field=self.field))
        return f"{', '.join(parts)}: {self.message}"

    def __str__(self) -> str:
        return self._describe()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(path={str(self.path)!r}, line={self.line!r}, "
            f"field={self.field!r}, message={self.message!r})"
        )

    def __reduce__(self):  # keeps the four fields when pickled (e.g. across processes)
        return (type(self), (self.path, self.line, self.field, self.message))


class PromptFileError(OnboardingFileError):
    """A YAML file of the prompt library is broken; the prompt it describes is not loaded."""


class RulesFileError(OnboardingFileError):
    """The rules-of-use file is missing or broken."""


class PromptRenderError(ValueError):
    """Required variables of a prompt have no value.

    ``missing`` holds the variables in the order the prompt declares them, so a UI can ask for
    exactly those. The message names their labels (the questions shown to the user), no values.
    """

    def __init__(self, prompt_title: str, missing: Sequence[_Labelled]) -> None:
        self.missing = tuple(missing)
        labels = [messages.RENDER_LABEL.format(label=variable.label) for variable in self.missing]
        joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + messages.RENDER_AND + labels[-1]
        super().__init__(messages.RENDER_MISSING.format(title=prompt_title, labels=joined))
