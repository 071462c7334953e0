"""How ``bench/answers.py`` scores an answer. Deliberately independent of the product's own draft checker
(``chat/core/answer_check.py``): a second, simpler reading of numbers, so that the bench does not grade the
checker with itself.
"""

from __future__ import annotations

import re

from answer_set import normalise

_WORDS = {"null": 0, "eins": 1, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2,
          "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
          "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
          "zweiundsiebzig": 72, "vierundzwanzig": 24, "achtundzwanzig": 28, "vierzehn": 14, "sechzehn": 16,
          "achtzehn": 18, "dreizehn": 13, "siebzehn": 17, "neunzehn": 19, "sechzig": 60, "neunzig": 90}
_ARTICLES = {"ein", "eine", "einen", "einem", "einer", "eines"}
_UNITS = r"(?:tag|woche|monat|jahr|stunde|minute)"
_TOKEN = re.compile(
    r"§\s*\d+\s?[a-z]?\b|\bf\s?-?\s?\d{1,3}\b|\d+(?:[.,:]\d+)*|\b[a-zäöüß]+\b(?=\s+" + _UNITS + r")|\b[a-zäöüß]+\b")


def numbers(text: str) -> set[str]:
    """Every number-like value in ``text``: digits (decimal comma or point, times), number words, form numbers
    (F-12) and paragraphs (§ 8a), each reduced to a plain key ("0.3", "12", "f12", "§8a")."""
    text = re.sub(r"(?m)^\s*\d{1,2}[.)]\s", " ", text)  # list numbering
    plain = normalise(text)
    plain = re.sub(r"\[\d{1,2}\]", " ", plain)  # citation markers
    plain = re.sub(r"\[[a-zäöüß\- ]+ \d+\]", " ", plain)  # placeholders such as [person 1]
    found: set[str] = set()
    for match in _TOKEN.finditer(plain):
        token = match.group(0)
        if token.startswith("§"):
            found.add("§" + re.sub(r"\s", "", token[1:]))
        elif re.fullmatch(r"f\s?-?\s?\d{1,3}", token):
            found.add("f" + str(int(re.sub(r"\D", "", token))))
        elif token[0].isdigit():
            found.update(_digit_keys(token))
        elif token in _WORDS:
            if token in _ARTICLES and not re.match(r"\s+" + _UNITS, plain[match.end():]):
                continue
            found.add(str(_WORDS[token]))
    return found


def _digit_keys(token: str) -> set[str]:
    if ":" in token:  # 05:00 → "5", 14:12 → "14:12"
        hours, minutes = token.split(":", 1)
        return {str(int(hours))} if minutes.strip("0") == "" else {f"{int(hours)}:{minutes}"}
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):  # 500.000
        return {token.replace(".", "")}
    if "," in token:  # 0,30 → 0.3 ; 90,00 → 90
        whole, frac = token.split(",", 1)
        value = float(f"{whole}.{frac.replace(',', '')}")
        return {f"{value:g}"}
    if re.fullmatch(r"\d+\.\d+\.\d*", token):  # a date 14.10.2025 → its parts
        return {str(int(p)) for p in token.split(".") if p}
    if "." in token:
        return {str(int(p)) for p in token.split(".") if p}
    return {str(int(token))}


def unsupported_numbers(draft: str, sources: list[str]) -> set[str]:
    """Numbers in the draft that no source (nor the question, passed among ``sources``) contains."""
    known: set[str] = set()
    for text in sources:
        known |= numbers(text)
    return numbers(draft) - known


_SOURCE = r"(?:richtlinie|auszüg|auszug|quelle|richtlinientext|dokument)\w*"
_DECLINE = re.compile("|".join([
    r"keine passende richtlinie",
    r"(?:steht|stehen|finde|findet|finden|gibt es|enthalten|enthält|nennen|nennt)[^.]{0,60}\b(?:nichts|keine)\b"
    r"[^.]{0,50}(?:" + _SOURCE + r"|angabe|information|regel)",
    _SOURCE + r"[^.]{0,60}\b(?:nicht|keine|nichts)\b[^.]{0,40}(?:beantwort|antwort|angabe|information|geregelt|"
    r"genannt|festgelegt|erwähnt|enthalten|gefunden)",
    r"(?:in den|in der|im) (?:internen |gefundenen |zitierten )?" + _SOURCE + r"[^.]{0,30}\b(?:nichts|keine angabe|"
    r"keine information|keine regel)",
    _SOURCE + r"[^.]{0,40}beantwort\w*[^.]{0,30}\bnicht\b",
    r"nicht (?:in den|in der|im) (?:internen )?" + _SOURCE,
    r"welche (?:richtlinie|regel)[^.]{0,30}(?:meinen|gemeint)",
]))


def says_not_covered(text: str) -> bool:
    """The user is told that the guidelines do not answer the question (or asked which guideline is meant)."""
    return bool(_DECLINE.search(normalise(text)))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zäöüß0-9]+", normalise(text))


def instruction_echoes(answer: str, instructions: tuple[str, ...], allowed: list[str], n: int = 6) -> list[str]:
    """Runs of ``n`` words of the fixed instruction text that appear in the answer, except runs that also occur
    in ``allowed`` (the question and the sources: repeating those is no echo)."""
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = _words(text)
        return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}

    instruction = set().union(*(shingles(t) for t in instructions)) if instructions else set()
    ok = set().union(*(shingles(t) for t in allowed)) if allowed else set()
    return sorted(" ".join(s) for s in (instruction & shingles(answer)) - ok)
