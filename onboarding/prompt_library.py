"""The prompt library: all prompt files of a folder, validated, searchable by word and category."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import messages
from .errors import PromptFileError
from .prompt import Prompt, PromptVariable
from .prompt_file import read_prompt_file

__all__ = ["Prompt", "PromptFileError", "PromptLibrary", "PromptVariable"]

PROMPT_FILE_SUFFIXES = (".yaml", ".yml")

# How much a hit in each part of a prompt counts when ranking search results.
_SEARCH_WEIGHTS = (("title", 4), ("category", 2), ("id", 2), ("description", 1), ("audience", 1))


class PromptLibrary:
    """Validated prompts from one folder, one YAML file per prompt (see ``prompts/README.md``).

    Broken files do not stop the others from loading: their problems are in :attr:`errors`.
    Prompts of every status are loaded; :meth:`published`, :meth:`search` and :meth:`categories`
    consider only published ones, which is what chat users see.
    """

    def __init__(self, prompts: Iterable[Prompt] = (), errors: Iterable[PromptFileError] = ()) -> None:
        ordered = sorted(prompts, key=lambda p: (_fold_expand(p.category), _fold_expand(p.title), p.id))
        self._prompts: dict[str, Prompt] = {}
        for prompt in ordered:
            if prompt.id in self._prompts:
                raise ValueError(f"duplicate prompt id {prompt.id!r}")
            self._prompts[prompt.id] = prompt
        self.errors: tuple[PromptFileError, ...] = tuple(errors)

    @classmethod
    def load(cls, directory: Path, *, strict: bool = False) -> PromptLibrary:
        """Read every ``*.yaml``/``*.yml`` file in ``directory`` (not in sub-folders), sorted by name.

        With ``strict=True`` the first problem is raised as :class:`PromptFileError` instead of
        being collected — for server start, which should refuse to run half-configured.
        """
        directory = Path(directory)
        if not directory.is_dir():
            message = messages.NOT_A_DIRECTORY if directory.exists() else messages.DIRECTORY_MISSING
            error = PromptFileError(directory, None, None, message)
            if strict:
                raise error
            return cls(errors=[error])
        prompts: list[Prompt] = []
        errors: list[PromptFileError] = []
        first_file_of: dict[str, Path] = {}
        paths = sorted(
            p
            for p in directory.iterdir()
            if p.suffix in PROMPT_FILE_SUFFIXES and p.is_file() and not p.name.startswith((".", "~"))
        )  # hidden files and editor leftovers ("._x.yaml", "~x.yaml") are not prompts
        for path in paths:
            prompt, file_errors = read_prompt_file(path)
            if prompt is not None and prompt.id in first_file_of:
                other = first_file_of[prompt.id].name
                file_errors = [PromptFileError(path, None, "id", messages.ID_DUPLICATE.format(other=other))]
                prompt = None
            if file_errors and strict:
                raise file_errors[0]
            errors.extend(file_errors)
            if prompt is not None:
                first_file_of[prompt.id] = path
                prompts.append(prompt)
        return cls(prompts, errors)

    # -- access -------------------------------------------------------------------------------

    def all(self) -> tuple[Prompt, ...]:
        """Every valid prompt regardless of status, sorted by category, then title."""
        return tuple(self._prompts.values())

    def published(self) -> tuple[Prompt, ...]:
        """The prompts chat users see, sorted by category, then title."""
        return tuple(p for p in self._prompts.values() if p.is_published)

    def get(self, prompt_id: str) -> Prompt | None:
        """The prompt with this id (any status), or ``None``."""
        return self._prompts.get(prompt_id)

    def categories(self) -> tuple[str, ...]:
        """Categories of the published prompts, sorted alphabetically (umlauts as their base letter)."""
        unique = {p.category for p in self.published()}
        return tuple(sorted(unique, key=_fold_strip))

    def __len__(self) -> int:
        return len(self._prompts)

    def __iter__(self) -> Iterator[Prompt]:
        return iter(self._prompts.values())

    def __contains__(self, prompt_id: object) -> bool:
        return prompt_id in self._prompts

    def __repr__(self) -> str:
        return f"PromptLibrary(prompts={len(self._prompts)}, errors={len(self.errors)})"

    # -- search -------------------------------------------------------------------------------

    def search(self, text: str = "", category: str | None = None) -> tuple[Prompt, ...]:
        """Published prompts matching every word of ``text`` and, if given, the ``category``.

        Words match the start of a word or any part of it in title, description, category, id
        and audience ("brief" finds "Elternbrief"), case-insensitive and umlaut-tolerant:
        "Gespräch", "gespraech" and "Gesprach" are the same. Best matches (hits in the title)
        come first. An empty ``text`` lists the whole category (or everything).
        """
        words = [w for w in re.split(r"[\s,;/]+", text) if w.strip()]
        wanted_category = None if category is None else _fold_strip(category.strip())
        results: list[tuple[int, Prompt]] = []
        for prompt in self.published():
            if wanted_category and _fold_strip(prompt.category) != wanted_category:
                continue
            score = _score(prompt, words)
            if score is not None:
                results.append((score, prompt))
        results.sort(key=lambda pair: -pair[0])  # stable: keeps category/title order among equals
        return tuple(prompt for _, prompt in results)


def _score(prompt: Prompt, words: list[str]) -> int | None:
    parts = {
        "title": prompt.title,
        "category": prompt.category,
        "id": prompt.id.replace("-", " "),
        "description": prompt.description,
        "audience": " ".join(prompt.audience),
    }
    total = 0
    for word in words:
        best = 0
        for part, weight in _SEARCH_WEIGHTS:
            if _contains(parts[part], word):
                best = max(best, weight)
        if best == 0:
            return None
        total += best
    return total


def _contains(haystack: str, needle: str) -> bool:
    # Two foldings make "ä", "ae" and "a" all match each other, in both directions.
    return _fold_expand(needle) in _fold_expand(haystack) or _fold_strip(needle) in _fold_strip(haystack)


def _fold_expand(text: str) -> str:
    """Case-folded with umlauts written out: "Gespräch" → "gespraech"."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return _strip_accents(text)


def _fold_strip(text: str) -> str:
    """Case-folded with umlauts as their base letter: "Gespräch" → "gesprach", "Gespraech" → "gesprach"."""
    text = text.casefold().replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return _strip_accents(text)


def _strip_accents(text: str) -> str:
    # casefold() already turned "ß" into "ss".
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
