"""Flags special categories of personal data (Art. 9 GDPR, plus Art. 10 criminal).

Uses a German term list (``data/special_categories_de.tsv``, lines
``category<TAB>term``; a trailing ``*`` matches any ending, so ``depress*`` finds
"Depression" and "depressiv"). Only category names leave this module, never text.
"""

from __future__ import annotations

from pathlib import Path

import regex

from guardrails import messages

DEFAULT_TERMS_FILE = Path(__file__).resolve().parent / "data" / "special_categories_de.tsv"


def _read_terms(path: Path) -> list[tuple[str, str]]:
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        category, _, term = line.partition("\t")
        if term.strip():
            terms.append((category.strip(), term.strip().lower()))
    return terms


class SpecialCategoryDetector:
    """Finds which Art. 9 categories a text touches."""

    def __init__(self, terms: list[tuple[str, str]]) -> None:
        by_category: dict[str, list[str]] = {}
        for category, term in terms:
            # "*" stands for any word ending, also inside multi-word terms.
            expr = regex.escape(term).replace(r"\*", r"\w*")
            if not term.endswith("*"):
                expr += r"(?!\w)"
            by_category.setdefault(category, []).append(expr)
        groups = [
            f"(?P<{cat}>{'|'.join(sorted(exprs, key=len, reverse=True))})"
            for cat, exprs in by_category.items()
        ]
        # Terms match at the start of a word or inside a compound's head
        # ("Alkoholsucht" via "sucht*") only if listed so; default is word start.
        self._pattern = regex.compile(r"(?<!\w)(?:" + "|".join(groups) + ")", regex.IGNORECASE) if groups else None

    def __repr__(self) -> str:
        return "SpecialCategoryDetector()"

    @classmethod
    def load(cls, extra_file: Path | None = None) -> "SpecialCategoryDetector":
        """The shipped list plus an optional organisation list (same format)."""
        terms = _read_terms(DEFAULT_TERMS_FILE)
        if extra_file is not None:
            try:
                terms += _read_terms(Path(extra_file))
            except OSError:
                raise ValueError(messages.ERR_TERMS_FILE.format(path=extra_file)) from None
        return cls(terms)

    def categories(self, text: str) -> tuple[str, ...]:
        """Sorted category names found in ``text`` (empty if none)."""
        if self._pattern is None:
            return ()
        found = {m.lastgroup for m in self._pattern.finditer(text) if m.lastgroup}
        return tuple(sorted(found))
