"""A prompt of the library and how it is filled in with the user's values."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from . import messages
from .errors import PromptRenderError

#: ``{name}`` in a prompt template; names are lower-case identifiers.
VARIABLE_PATTERN = re.compile(r"\{([a-z][a-z0-9_]*)\}")

#: States of the review workflow (issue 6): proposed → published → retired.
STATUSES = ("proposed", "published", "retired")


@dataclass(frozen=True)
class PromptVariable:
    """A named gap in a prompt that the user fills in.

    ``label`` is the German question the chat asks, ``example`` a placeholder hint for the form,
    ``multiline`` asks for a text area instead of a single line.
    """

    name: str
    label: str
    example: str = ""
    required: bool = True
    multiline: bool = False


@dataclass(frozen=True)
class Prompt:
    """One curated prompt: metadata, the template with ``{variable}`` gaps and its variables.

    ``template`` is the YAML field ``prompt``. ``example_input`` holds fictional values for every
    required variable; ``render_example()`` shows what the filled-in prompt looks like.
    """

    id: str
    title: str
    category: str
    description: str
    template: str = field(repr=False)
    variables: tuple[PromptVariable, ...] = ()
    example_input: Mapping[str, str] = field(default_factory=dict, repr=False, hash=False)
    audience: tuple[str, ...] = ("alle",)
    version: int = 1
    author_role: str = ""
    status: str = "published"
    source: Path | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "example_input", MappingProxyType(dict(self.example_input)))

    @property
    def is_published(self) -> bool:
        return self.status == "published"

    def variable(self, name: str) -> PromptVariable:
        """The declared variable called ``name`` (``KeyError`` if there is none)."""
        for variable in self.variables:
            if variable.name == name:
                return variable
        raise KeyError(name)

    def missing(self, values: Mapping[str, str]) -> tuple[PromptVariable, ...]:
        """Required variables without a value (absent, empty or only whitespace), in order."""
        return tuple(v for v in self.variables if v.required and not _has_value(values.get(v.name)))

    def render(self, values: Mapping[str, str]) -> str:
        """The prompt with every ``{variable}`` replaced by the user's value.

        Optional variables without a value become "(keine Angabe)", so the model sees the gap and
        can mark it. Keys that are not variables of this prompt are ignored. Values are inserted
        in one pass: braces inside a value are never expanded.

        Raises :class:`PromptRenderError` naming the labels of missing required variables.
        """
        missing = self.missing(values)
        if missing:
            raise PromptRenderError(self.title, missing)
        declared = {variable.name for variable in self.variables}

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in declared:  # validated away on load; kept for hand-built prompts
                return match.group(0)
            value = values.get(name)
            return value.strip() if _has_value(value) else messages.NOT_PROVIDED

        return VARIABLE_PATTERN.sub(substitute, self.template)

    def render_example(self) -> str:
        """The prompt filled in with its fictional ``example_input``."""
        return self.render(self.example_input)


def _has_value(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""
