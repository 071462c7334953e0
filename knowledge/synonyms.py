"""Abbreviations and synonyms for the keyword search: "KiWo" also looks for "Kindeswohlgefährdung",
"Knöllchen" for "Verwarnungsgeld".

The table is a UTF-8 text file, one entry per line::

    # comment
    KiWo = Kindeswohl | Kindeswohlgefährdung
    in die Hand drücken = Geschenk | Geldgeschenk

The shipped table is ``knowledge/data/synonyme.txt``; an organisation extends it with its own file
(``[knowledge] synonyms_file``, same format). Keys match whole words of the question in any case,
except keys of one or two characters ("AU", "BG"), which match only as written, so that ordinary
short words are not taken for abbreviations. A one-word key also matches its inflected forms (same
stem: "Knöllchens" finds "Knöllchen").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import messages
from .errors import KnowledgeError

DEFAULT_TABLE = Path(__file__).resolve().parent / "data" / "synonyme.txt"
MAX_KEY_WORDS = 5
MAX_EXPANSION_WORDS = 8
MAX_LINES = 20_000
# The query side splits words the same way (see GermanAnalyzer.words).
_WORD = re.compile(r"[^\W_]+")


class SynonymTableError(KnowledgeError):
    """The synonym table cannot be read or a line is malformed (German message with file and line)."""


@dataclass(frozen=True)
class SynonymMatch:
    """Words ``start``..``end`` (exclusive) of the question match a key with these expansions."""

    start: int
    end: int
    expansions: tuple[str, ...]


def words(text: str) -> list[str]:
    """The words of ``text`` as the table and the query see them (hyphens and punctuation split)."""
    return _WORD.findall(text)


@dataclass(frozen=True)
class _Key:
    words: tuple[str, ...]  # case-folded, except for one- and two-character keys
    case_sensitive: bool


class SynonymTable:
    """Keys (one or more words) with their expansions; immutable once built."""

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]], stem: Callable[[str], str]) -> None:
        """``stem`` reduces a lower-case word to its stem (the keyword index's stemmer)."""
        self._stem = stem
        self._entries: dict[_Key, tuple[str, ...]] = {}
        for key, expansions in entries:
            parsed = _parse_key(key)
            merged = self._entries.get(parsed, ()) + tuple(e for e in expansions if e)
            self._entries[parsed] = tuple(dict.fromkeys(merged))
        self._longest = max((len(k.words) for k in self._entries), default=0)
        # Inflected forms of one-word keys are found through their stem ("Bufdis" -> "bufdi").
        self._by_stem: dict[str, tuple[str, ...]] = {}
        for key, expansions in self._entries.items():
            if len(key.words) == 1 and not key.case_sensitive and len(key.words[0]) >= 4:
                key_stem = stem(key.words[0])
                self._by_stem[key_stem] = tuple(dict.fromkeys(self._by_stem.get(key_stem, ()) + expansions))

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def load(cls, paths: Iterable[Path], stem: Callable[[str], str]) -> SynonymTable:
        """Read and merge the tables at ``paths`` (later files add expansions to earlier keys).

        Raises :class:`SynonymTableError` naming the file and line of the first problem.
        """
        entries: list[tuple[str, tuple[str, ...]]] = []
        for path in paths:
            entries.extend(read_table(Path(path)))
        return cls(entries, stem)

    def stemmed_keys(self) -> dict[str, tuple[str, ...]]:
        """One-word keys of four or more letters by their stem, with their expansions (for finding a
        misspelt key: "Testamant" is within one edit of "testament")."""
        return dict(self._by_stem)

    def matches(self, question_words: list[str]) -> list[SynonymMatch]:
        """Keys found in ``question_words``; longer keys first where they overlap."""
        folded = [w.casefold() for w in question_words]
        stems = [self._stem(w) for w in folded]
        found: list[SynonymMatch] = []
        taken: set[int] = set()
        for size in range(min(self._longest, len(question_words)), 0, -1):
            for start in range(len(question_words) - size + 1):
                span = range(start, start + size)
                if taken.intersection(span):
                    continue
                expansions = self._lookup(question_words[start:start + size], folded[start:start + size],
                                          stems[start:start + size])
                if expansions:
                    found.append(SynonymMatch(start, start + size, expansions))
                    taken.update(span)
        return sorted(found, key=lambda m: m.start)

    def _lookup(self, raw: list[str], folded: list[str], stems: list[str]) -> tuple[str, ...]:
        if len(raw) == 1 and len(raw[0]) <= 2:
            return self._entries.get(_Key((raw[0],), True), ())
        exact = self._entries.get(_Key(tuple(folded), False))
        if exact:
            return exact
        if len(raw) == 1 and len(raw[0]) >= 4:
            return self._by_stem.get(stems[0], ())
        return ()


def _parse_key(key: str) -> _Key:
    parts = tuple(words(key))
    if len(parts) == 1 and len(parts[0]) <= 2:
        return _Key(parts, True)
    return _Key(tuple(p.casefold() for p in parts), False)


def read_table(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Parse one table file into (key, expansions) pairs; raises :class:`SynonymTableError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SynonymTableError(messages.SYNONYMS_MISSING.format(path=path)) from None
    except UnicodeDecodeError:
        raise SynonymTableError(messages.SYNONYMS_UNREADABLE.format(path=path, reason=messages.SYNONYMS_NOT_UTF8)) from None
    except OSError as exc:
        raise SynonymTableError(messages.SYNONYMS_UNREADABLE.format(path=path, reason=type(exc).__name__)) from None
    lines = text.lstrip("\ufeff").splitlines()
    if len(lines) > MAX_LINES:
        raise SynonymTableError(messages.SYNONYMS_TOO_LONG.format(path=path, limit=MAX_LINES))
    entries = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        problem, entry = _parse_line(line)
        if problem:
            raise SynonymTableError(messages.SYNONYMS_LINE.format(path=path, line=number, problem=problem))
        entries.append(entry)
    return entries


def _parse_line(line: str) -> tuple[str | None, tuple[str, tuple[str, ...]]]:
    empty: tuple[str, tuple[str, ...]] = ("", ())
    if line.count("=") != 1:
        return (messages.SYNONYMS_NO_EQUALS if "=" not in line else messages.SYNONYMS_MANY_EQUALS), empty
    key, _, rest = (part.strip() for part in line.partition("="))
    if not words(key):
        return messages.SYNONYMS_NO_KEY, empty
    if len(words(key)) > MAX_KEY_WORDS:
        return messages.SYNONYMS_KEY_TOO_LONG.format(limit=MAX_KEY_WORDS), empty
    expansions = tuple(e.strip() for e in rest.split("|"))
    if not any(expansions):
        return messages.SYNONYMS_NO_EXPANSION, empty
    if any(not words(e) for e in expansions):
        return messages.SYNONYMS_EMPTY_EXPANSION, empty
    if any(len(words(e)) > MAX_EXPANSION_WORDS for e in expansions):
        return messages.SYNONYMS_EXPANSION_TOO_LONG.format(limit=MAX_EXPANSION_WORDS), empty
    return None, (key, expansions)
