"""Check a model's draft against the guideline passages it was shown (issue 18).

Pure functions, no I/O. Three kinds of findings, each with its place in the draft so the user can see it —
nothing is rewritten silently:

* :class:`UnsupportedDetail` — a number, amount, percentage, duration or deadline, date, time, form number
  (F-12) or paragraph (§ 8a SGB VIII) that no shown source contains (nor the question: a number the user
  gave is not invented). Compared by meaning, not spelling: "drei Monate" = "3 Monaten", "zwei Wochen" =
  "14 Tage", "ein halbes Jahr" = "6 Monate", "0,30 €" = "30 Cent", "90,00 EUR" = "90 Euro", "§8a" =
  "§ 8 a", "SGB 8" = "SGB VIII", "31.03." = "31. März";
* :class:`CitationFix` — a citation [n] whose passage shares no content with its sentence: replaced by the
  shown passage that does, or removed when none does (also [n] beyond the shown sources);
* :class:`EchoedInstruction` — a sentence that repeats the prompt's own instruction text;
* ``conflict`` — the draft opens with "Ja" where the quoted evidence says no (kein, nicht, nie …), or with
  "Nein" where it says nothing of the kind: the evidence stands, the draft is marked.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from chat.core.german_numbers import parse_number_word
from knowledge.german_analyzer import STOPWORDS

# ---------------------------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class UnsupportedDetail:
    start: int
    end: int
    text: str = field(repr=False)
    kind: str  # number | amount | percent | duration | date | time | form | paragraph


@dataclass(frozen=True)
class CitationFix:
    start: int  # span of the "[n]" in the draft
    end: int
    cited: int
    replacement: int | None  # the source that fits, or None: citation removed


@dataclass(frozen=True)
class EchoedInstruction:
    start: int  # span of the sentence in the draft
    end: int


@dataclass(frozen=True)
class DraftCheck:
    unsupported: tuple[UnsupportedDetail, ...] = ()
    citations: tuple[CitationFix, ...] = ()
    echoes: tuple[EchoedInstruction, ...] = ()
    conflict: bool = False  # yes/no of the draft against the quoted evidence

    @property
    def clean(self) -> bool:
        return not (self.unsupported or self.citations or self.echoes or self.conflict)


# ------------------------------------------------------------------------------------------------ details


@dataclass(frozen=True)
class Detail:
    """A checkable detail found in a text: ``key`` is its meaning, comparable across spellings."""

    start: int
    end: int
    kind: str
    key: tuple


_MONTHS = {"januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4, "apr": 4,
           "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
           "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12}
# Duration units → (class, factor): days and weeks as days, months and years as months, hours and minutes
# as minutes, so "zwei Wochen" = "14 Tage" and "ein halbes Jahr" = "6 Monate".
_UNITS = {"tag": ("days", 1), "tage": ("days", 1), "tagen": ("days", 1), "tages": ("days", 1),
          "kalendertag": ("days", 1), "kalendertage": ("days", 1), "kalendertagen": ("days", 1),
          "werktag": ("workdays", 1), "werktage": ("workdays", 1), "werktagen": ("workdays", 1),
          "arbeitstag": ("workdays", 1), "arbeitstage": ("workdays", 1), "arbeitstagen": ("workdays", 1),
          "woche": ("days", 7), "wochen": ("days", 7),
          "monat": ("months", 1), "monate": ("months", 1), "monaten": ("months", 1), "monats": ("months", 1),
          "quartal": ("months", 3), "quartale": ("months", 3), "quartalen": ("months", 3),
          "jahr": ("months", 12), "jahre": ("months", 12), "jahren": ("months", 12), "jahres": ("months", 12),
          "stunde": ("minutes", 60), "stunden": ("minutes", 60), "std": ("minutes", 60),
          "minute": ("minutes", 1), "minuten": ("minutes", 1), "min": ("minutes", 1)}
_ARTICLES = {"ein", "eine", "einen", "einem", "einer", "eines"}
_HALF = {"halbe", "halben", "halbes", "halber"}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11,
          "xii": 12, "xiii": 13, "xiv": 14}

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d+)?"
_WORDNUM = r"[A-Za-zÄÖÜäöüß]+"
_PARAGRAPH = re.compile(
    r"(?P<sign>§§?|Paragra(?:ph|f)(?:en)?|Art\.|Artikel)\s*(?P<num>\d{1,4})(?:\s?(?P<letter>[a-z])\b)?"
    r"(?:\s*(?:Abs\.|Absatz)\s*(?P<abs>\d{1,2}))?(?:\s*(?:S\.|Satz)\s*\d{1,2})?(?:\s*(?:Nr\.|Ziff\.)\s*\d{1,2})?"
    r"(?:\s+(?P<law>SGB\s*(?:[IVX]{1,4}|\d{1,2})\b|[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,12}G\b|BGB|StGB|DSGVO|BDSG|GG|"
    r"StPO|ZPO|VwVfG|BRKG))?")
_FORM = re.compile(r"(?<![\w-])(?P<letter>[A-Z])\s?-\s?(?P<num>\d{1,3})(?![\d,.]\d)\b|(?<![\w-])(?P<l2>F)\s?(?P<n2>\d{1,3})\b")
_DATE_NUMERIC = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.(?:\s?(?P<y>\d{4}|\d{2})\b)?")
_DATE_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_DATE_WORDS = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True))
                         + r")\b(?:\s+(?P<y>\d{4}))?", re.IGNORECASE)
_TIME = re.compile(r"\b(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*Uhr\b|\b(?P<h2>\d{1,2}):(?P<m2>\d{2})\b|"
                   r"\b(?P<h3>\d{1,2})\s*Uhr\b", re.IGNORECASE)
_AMOUNT = re.compile(
    r"(?P<n>" + _NUM + r")(?:,-{1,2}|,–)?\s*(?P<cur>€|Euro|EUR|Cent|ct)(?!\w)|(?P<cur2>€|EUR)\s*(?P<n2>" + _NUM + r")"
    r"|\b(?P<w>" + _WORDNUM + r")\s+(?P<cur3>Euro|Cent)\b", re.IGNORECASE)
_PERCENT = re.compile(r"(?P<n>" + _NUM + r")\s*(?:%|Prozent|v\.\s?H\.)|\b(?P<w>" + _WORDNUM + r")\s+Prozent\b",
                      re.IGNORECASE)
_DURATION = re.compile(
    r"(?:(?P<n1>" + _NUM + r"|" + _WORDNUM + r")\s*(?:-|–|bis)\s*)?(?P<n>" + _NUM + r"|" + _WORDNUM + r")"
    r"(?:\s+(?P<half>halbe[nrs]?))?\s+(?P<unit>" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE)
_PLAIN = re.compile(r"(?<![\w.,])(?P<n>" + _NUM + r")(?![\w,]|\.\d)|\b(?P<w>" + _WORDNUM + r")\b")
# The thing a bare number counts: the next noun, over up to two adjectives ("drei eigene zertifizierte
# Kinderschutzfachkräfte"). German capitalises nouns.
_COUNTED = re.compile(r"\.?\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}(?P<noun>[A-ZÄÖÜ][a-zäöüß]{2,})")
_SKIP = re.compile(r"\[\d{1,2}(?:\s*,\s*\d{1,2})*\]|\[[A-Za-zÄÖÜäöüß\- ]+ \d+\]|^\s*\d{1,2}[.)]\s", re.MULTILINE)


def _number(token: str) -> Decimal | None:
    """Digits (German decimal comma, thousands points) or a number word."""
    if token[0].isdigit():
        plain = token.replace(".", "") if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token) else token
        try:
            return Decimal(plain.replace(",", "."))
        except ArithmeticError:
            return None
    value = parse_number_word(token)
    return Decimal(value) if value is not None else None


def extract_details(text: str) -> list[Detail]:
    """Every checkable detail in ``text``, with its span (citation marks, placeholders such as [Person 1] and
    list numbering are not details)."""
    taken = [False] * len(text)
    for m in _SKIP.finditer(text):
        for i in range(m.start(), m.end()):
            taken[i] = True
    found: list[Detail] = []

    def claim(start: int, end: int, kind: str, key: tuple) -> None:
        found.append(Detail(start, end, kind, key))
        for i in range(start, end):
            taken[i] = True

    def free(m: re.Match) -> bool:
        return not any(taken[m.start():m.end()])

    for m in _PARAGRAPH.finditer(text):
        if free(m):
            sign = "art" if m.group("sign").lower().startswith("art") else "§"
            claim(m.start(), m.end(), "paragraph",
                  (sign, m.group("num") + (m.group("letter") or ""), m.group("abs"), _law(m.group("law"))))
    for m in _FORM.finditer(text):
        if free(m):
            letter = m.group("letter") or m.group("l2")
            claim(m.start(), m.end(), "form", (letter.upper(), int(m.group("num") or m.group("n2"))))
    for pattern in (_DATE_ISO, _DATE_WORDS, _DATE_NUMERIC):
        for m in pattern.finditer(text):
            if not free(m):
                continue
            month = _MONTHS[m.group("month").lower()] if "month" in m.groupdict() and m.groupdict().get("month") \
                else int(m.group("m"))
            day, year = int(m.group("d")), m.group("y")
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            if year is not None and len(year) == 2:
                year = "20" + year
            claim(m.start(), m.end(), "date", (day, month, int(year) if year else None))
    for m in _TIME.finditer(text):
        if free(m):
            hours = int(m.group("h") or m.group("h2") or m.group("h3"))
            minutes = int(m.group("m") or m.group("m2") or 0)
            if hours <= 24 and minutes < 60:
                claim(m.start(), m.end(), "time", (hours, minutes))
    for m in _AMOUNT.finditer(text):
        if not free(m):
            continue
        value = _number(m.group("n") or m.group("n2") or m.group("w"))
        if value is None:
            continue
        cur = (m.group("cur") or m.group("cur2") or m.group("cur3")).lower()
        euros = value / 100 if cur in ("cent", "ct") else value
        claim(m.start(), m.end(), "amount", (euros.normalize(),))
    for m in _PERCENT.finditer(text):
        if free(m):
            value = _number(m.group("n") or m.group("w"))
            if value is not None:
                claim(m.start(), m.end(), "percent", (value.normalize(),))
    for m in re.finditer(r"\b(?:ein|einem|eines)\s+halbe[nrs]?\s+(?P<unit>Jahr|Jahres|Tag|Tages|Monat|Monats|"
                         r"Stunde)\b", text, re.IGNORECASE):
        if free(m):  # "ein halbes Jahr" = 6 months
            unit_class, factor = _UNITS[m.group("unit").lower()]
            claim(m.start(), m.end(), "duration", (unit_class, (Decimal(factor) / 2).normalize()))
    for m in _DURATION.finditer(text):
        if not free(m):
            continue
        unit_class, factor = _UNITS[m.group("unit").lower()]
        tokens = [t for t in (m.group("n1"), m.group("n")) if t is not None]
        values = [Decimal(1) if t.lower() in _ARTICLES else _number(t) for t in tokens]
        if not values or any(v is None for v in values):
            continue  # "die letzten Monate": no number before the unit
        for value in values:  # a range "zwei bis vier Wochen" holds both ends
            found.append(Detail(m.start(), m.end(), "duration", (unit_class, (value * factor).normalize())))
        for i in range(m.start(), m.end()):
            taken[i] = True
    for m in _PLAIN.finditer(text):
        if not free(m):
            continue
        token = m.group("n") or m.group("w")
        if m.group("w") is not None and (token.lower() in _ARTICLES or token.lower() in ("eins",)):
            continue  # "ein"/"eine" is an article far more often than a number
        value = _number(token)
        if value is None:
            continue
        counted = _COUNTED.match(text, m.end())
        claim(m.start(), m.end(), "number", (value.normalize(), _noun(counted.group("noun")) if counted else None))
    found.sort(key=lambda d: d.start)
    return found


def _noun(word: str) -> str:
    """A noun without its usual plural or case ending, lower case ("Stufen" → "stuf", "Fachkräfte" → "fachkräft")."""
    word = word.lower()
    for ending in ("innen", "en", "er", "es", "e", "n", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _same_noun(a: str, b: str) -> bool:
    """"Fachkraft" and "Kinderschutzfachkräfte" count the same thing: a German compound ends in its head."""
    a, b = a.replace("ä", "a").replace("ö", "o").replace("ü", "u"), b.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    return a == b or a.endswith(b) or b.endswith(a) or a[:5] == b[:5]


def _law(law: str | None) -> str | None:
    if not law:
        return None
    law = re.sub(r"\s+", "", law).upper()
    match = re.fullmatch(r"SGB([IVX]+)", law)
    if match and match.group(1).lower() in _ROMAN:
        return f"SGB{_ROMAN[match.group(1).lower()]}"
    return law


def _values(detail: Detail) -> set[Decimal]:
    """The plain numbers inside a detail, for comparing a bare number with anything that contains it."""
    out: set[Decimal] = set()
    for part in detail.key[:1] if detail.kind == "number" else detail.key:
        if isinstance(part, Decimal):
            out.add(part)
        elif isinstance(part, int) and not isinstance(part, bool):
            out.add(Decimal(part))
        elif isinstance(part, str) and re.fullmatch(r"\d+", part):
            out.add(Decimal(part))
    if detail.kind == "duration":  # also the number as written: "3 Monate" holds 3, "2 Wochen" holds 2 and 14
        unit_class, value = detail.key
        factor = {"months": (1, 12), "days": (1, 7), "minutes": (1, 60), "workdays": (1,)}[unit_class]
        out.update((value / f).normalize() for f in factor if (value / f) == (value / f).to_integral_value())
    return out


def supported(detail: Detail, known: Sequence[Detail]) -> bool:
    """True when a detail of the sources means the same as ``detail``."""
    if detail.kind == "number":
        value, noun = detail.key
        for k in known:
            if value not in _values(k):
                continue
            # "drei Stufen" is not supported by "drei Kinderschutzfachkräfte": what is counted must agree
            if noun is None or (k.kind == "number" and (k.key[1] is None or _same_noun(noun, k.key[1]))):
                return True
        return False
    if detail.kind == "paragraph":
        sign, number, absatz, law = detail.key
        for k in known:
            if k.kind != "paragraph" or k.key[0] != sign or k.key[1] != number:
                continue
            if absatz and k.key[2] and absatz != k.key[2]:
                continue
            if law and k.key[3] and law != k.key[3]:
                continue
            return True
        return False
    if detail.kind == "date":
        day, month, year = detail.key
        return any(k.kind == "date" and k.key[0] == day and k.key[1] == month and (year is None or k.key[2] in (None, year))
                   for k in known)
    if detail.kind == "time":
        return any(k.kind == "time" and k.key == detail.key for k in known) or (
            detail.key[1] == 0 and any(k.kind == "number" and k.key[0] == detail.key[0] for k in known))
    return any(k.kind == detail.kind and k.key == detail.key for k in known)


# ---------------------------------------------------------------------------------------------- citations

_CITATION = re.compile(r"\[(\d{1,2})\]")
# A citation stands when its source shares at least this share of what the best-fitting source shares with
# the sentence (words weighted by rarity among the sources, a matching detail counting DETAIL_WEIGHT).
CITATION_SHARE = 0.5
DETAIL_WEIGHT = 2.0
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _stems(text: str, stopwords: frozenset[str]) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in stopwords}


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _check_citations(draft: str, sources: Mapping[int, str], stopwords: frozenset[str]) -> list[CitationFix]:
    stems = {n: _stems(text, stopwords) for n, text in sources.items()}
    details_of = {n: source_details(text) for n, text in sources.items()}
    # A word many shown sources contain (the topic, "innerhalb", "Monat") attributes a sentence to none of
    # them in particular: words weigh by how few sources have them.
    total = len(sources)

    def idf(stem: str) -> float:
        df = sum(stem in s for s in stems.values())
        return math.log((total + 1) / (df + 0.5)) if df else 0.0

    fixes = []
    for start, end in _sentence_spans(draft):
        sentence = draft[start:end]
        marks = list(_CITATION.finditer(sentence))
        if not marks:
            continue
        bare = _CITATION.sub(" ", sentence)
        own = _stems(bare, stopwords)
        own_details = extract_details(bare)

        def shared(n: int) -> float:
            words = sum(idf(stem) for stem in own & stems[n])
            details = sum(1 for d in own_details if supported(d, details_of[n]))
            return words + DETAIL_WEIGHT * details

        best = max(sources, key=shared)
        top = shared(best)
        for m in marks:
            n = int(m.group(1))
            if n in sources and shared(n) > 0 and shared(n) >= CITATION_SHARE * top:
                continue
            fixes.append(CitationFix(start + m.start(), start + m.end(), n, best if top > 0 and best != n else None))
    return fixes


# --------------------------------------------------------------------------------------------- echoes


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zäöüß0-9]+", text.lower())


def _shingles(text: str, n: int) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _check_echoes(draft: str, instructions: Sequence[str], allowed: Sequence[str], n: int) -> list[EchoedInstruction]:
    if not instructions:
        return []
    instruction = set().union(*(_shingles(t, n) for t in instructions))
    ok = set().union(*(_shingles(t, n) for t in allowed)) if allowed else set()
    echoed = instruction - ok
    return [EchoedInstruction(start, end) for start, end in _sentence_spans(draft)
            if _shingles(draft[start:end], n) & echoed]


# ---------------------------------------------------------------------------------------------- the check


@functools.lru_cache(maxsize=512)
def source_details(text: str) -> tuple[Detail, ...]:
    """:func:`extract_details` of a shown source, remembered: the same guideline passages are shown again and
    again, and each answer's check read every source's details twice (bench/load.py --profile: 7 % of the server's
    CPU per message). Sources are protected texts; the cache lives in memory only."""
    return tuple(extract_details(text))


def check_draft(draft: str, sources: Mapping[int, str], *, question: str = "", instructions: Sequence[str] = (),
                evidence: Sequence[str] = (), stopwords: frozenset[str] = STOPWORDS, echo_words: int = 6
                ) -> DraftCheck:
    """Check ``draft`` against the shown ``sources`` (number → text, including title and heading).

    ``question`` counts as a source for details (the user's own numbers) but not for citations;
    ``instructions`` are the prompt's fixed texts: a draft sentence repeating ``echo_words`` of their words
    in a row (words not also in the question or the sources) is an echo; ``evidence`` are the quoted units
    the draft's yes or no is compared with. A citation fits by shared words other than ``stopwords`` (by
    default the keyword index's German stop words: "eine" or "wird" in common is no shared content)."""
    known = [d for text in sources.values() for d in source_details(text)] + extract_details(question)
    echoes = _check_echoes(draft, instructions, [question, *sources.values()], echo_words)
    in_echo = [False] * (len(draft) + 1)
    for e in echoes:
        for i in range(e.start, e.end):
            in_echo[i] = True
    unsupported: dict[tuple[int, int], UnsupportedDetail] = {}
    for d in extract_details(draft):  # a range ("zwei bis vier Wochen") is one span with two details
        if not in_echo[d.start] and not supported(d, known):
            unsupported.setdefault((d.start, d.end), UnsupportedDetail(d.start, d.end, draft[d.start:d.end], d.kind))
    citations = tuple(f for f in _check_citations(draft, sources, stopwords) if not in_echo[f.start]) if sources else \
        tuple(CitationFix(m.start(), m.end(), int(m.group(1)), None) for m in _CITATION.finditer(draft))
    return DraftCheck(tuple(unsupported.values()), citations, tuple(echoes), _conflicts(draft, evidence))


_NEGATION = re.compile(r"\b(?:kein\w*|nicht|nie|niemals|niemand|nichts|unwirksam|unzulässig|verboten|untersagt)\b",
                       re.IGNORECASE)
_OPENING = re.compile(r"^\W*(?P<word>ja|nein)\b", re.IGNORECASE)


def _conflicts(draft: str, evidence: Sequence[str]) -> bool:
    """A draft that opens with "Ja" against negative evidence, or "Nein" against evidence without any negation.
    Only the opening word counts: it is what a hurried reader takes away."""
    opening = _OPENING.match(draft)
    if not opening or not evidence:
        return False
    negative = any(_NEGATION.search(text) for text in evidence)
    return (opening.group("word").lower() == "ja") == negative


def cited_after(check: DraftCheck, draft: str, shown: int) -> tuple[int, ...]:
    """The source numbers the draft cites once the citation fixes are applied."""
    fixed = {(f.start, f.end): f.replacement for f in check.citations}
    out = set()
    for m in _CITATION.finditer(draft):
        n = fixed.get((m.start(), m.end()), int(m.group(1)))
        if n is not None and 1 <= n <= shown:
            out.add(n)
    return tuple(sorted(out))

