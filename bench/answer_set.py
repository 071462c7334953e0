"""The answer-quality evaluation set (``bench/data/answers/questions.toml``): loading, the held-out split, and
the text normalisation its fact patterns are written against. Used by ``bench/answers.py`` and its tests."""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

QUESTIONS = Path(__file__).resolve().parent / "data" / "answers" / "questions.toml"
HELD_OUT_SHARE = 3  # of 10: about 30 % of the questions are held out


@dataclass(frozen=True)
class Question:
    id: str
    q: str
    answerable: bool = True
    kind: str = ""
    answer: str | None = None
    facts: tuple[str, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()  # (file name, part of the section heading)
    wrong: tuple[str, ...] = ()
    near: str | None = None
    why: str = ""
    split: str = field(default="tune")

    def fact_shown(self, text: str) -> bool:
        """True when any fact pattern matches ``text`` (normalised here)."""
        plain = normalise(text)
        return any(re.search(p, plain) for p in self.facts)

    def states_wrong(self, text: str) -> bool:
        plain = normalise(text)
        return any(re.search(p, plain) for p in self.wrong)

    def source_ok(self, source_file: str, section: str | None) -> bool:
        return any(source_file == f and part.lower() in (section or "").lower() for f, part in self.sources)


def split_of(question_id: str) -> str:
    """Held out or tuned, decided by a hash of the id, so nobody picks which questions are held out."""
    return "heldout" if hashlib.sha1(question_id.encode()).digest()[0] % 10 < HELD_OUT_SHARE else "tune"


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))["question"]
    out = []
    for item in raw:
        sources = tuple(tuple(s.split("#", 1)) for s in item.get("sources", ()))
        out.append(Question(
            id=item["id"], q=item["q"], answerable=item.get("answerable", True), kind=item.get("kind", "unanswerable"),
            answer=item.get("answer"), facts=tuple(item.get("facts", ())), sources=sources,  # type: ignore[arg-type]
            wrong=tuple(item.get("wrong", ())), near=item.get("near"), why=item.get("why", ""),
            split=split_of(item["id"]),
        ))
    return out


_PLAIN = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-",
                        "\u00a0": " ", "\u202f": " ", "»": '"', "«": '"'})


def normalise(text: str) -> str:
    """Lower case, markdown emphasis removed, typographic quotes and dashes made plain, one space between words."""
    text = unicodedata.normalize("NFC", text).translate(_PLAIN)
    text = re.sub(r"[*_`]+", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()
