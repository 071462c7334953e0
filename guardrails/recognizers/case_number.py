"""File, case, customer and account numbers after a cue, and court file numbers: CASE_NUMBER.

The rule is general, not a list of shapes: after an identifier cue (Aktenzeichen,
Az., Kassenzeichen, Kundennummer, Vertragskonto, BG-Nummer, "unter dem Zeichen" …,
and any compound ending in -nummer/-Nr. that is not a phone, room or page number),
the following token that contains digits is the identifier, whatever its shape
("R-2025-11842", "45602//0071234", "7.2210.331045.8", "5 F 123/24"). Between cue
and value may stand ":", "Nr.", "lautet", "ist"; a cue earlier in the clause
reaches a value after ":"/"lautet"/"ist" ("Kundennummer von Herrn Akyüz: 719D984161");
several values of the same shape may follow one cue ("Az. 12/24 und 13/24").
Amounts, dates, times and counts ("1.250,00 €", "3 Kinder") are never taken.
Court file numbers are also found without a cue ("S 12 AS 1234/22", "XVII 512/24").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, List, Optional, Sequence

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails import messages
from guardrails.recognizers.ordinary_numbers import is_ordinary_number, is_unit_word

_LETTER = "A-Za-zÄÖÜäöüß"
# Words that may be cues: a letter first, then letters, digits, dots and hyphens
# ("Kassenzeichen", "Kd.-Nr.", "BG-Nummer", "Az."); checked by ``is_identifier_cue``.
_WORD = regex.compile(r"(?<![\w-])[^\W\d_][\w.\-]*")
_CUE_END = re.compile(r"(?i)(?:nummern|nummer|nr|zeichen|kennziffer|konten|konto|-id)\.?$|^(?:az|gz|akte|vorgang|kto|pkz)\.?$")
_HEAD = re.compile(r"(nummern|nummer|nr|zeichen|kennziffer|konten|konto|id)$")
# "…zeichen" identifies a file only after these stems ("Kennzeichen" is a plate,
# "Satzzeichen" punctuation); "Zeichen" alone does ("unser Zeichen", "unter dem Zeichen").
_FILE_SIGN_STEMS = frozenset({"", "akten", "geschäfts", "gesch", "kassen", "buchungs", "bearbeitungs", "bezugs"})
# "…nummer" and "…-Nr." are identifiers except for these stems: phones, rooms, pages,
# positions in a text, and bare "Nummer"/"Nr." (the hotline's number is no client's).
_NOT_IDENTIFIER_STEMS = frozenset(
    """ telefon tel handy mobil mobilfunk fax telefax ruf hotline notruf durchwahl service
    servicetelefon haus zimmer raum seiten seite bus linie gleis tür etage sitz lauf lfd laufende
    folge paragraf paragraph artikel kapitel abschnitt ausgabe heft band start los glücks kenn
    version modell typ serien randnummer rn rdnr behörden notfall info zentral""".split()
) | {""}
# Nouns after which "Nr." introduces an identifier ("Bescheid Nr. 4711", not "Zimmer Nr. 12").
_NOUNS_BEFORE_NR = frozenset(
    """bescheid antrag vertrag rechnung konto akte fall vorgang mitglied kunde kunden mieter police
    schaden auftrag beleg karte versicherten bewohner patient patienten klient klienten
    ausweis""".split()
)
# Between cue and value.
_GAP = regex.compile(
    r"(?:[ \t]*(?:[:#=]|-(?=[ \t])|Nr\.?|Nummer|No\.?|lautet|lautete|lauten|ist|war|sind|"
    r"\((?:neu|alt)\))[ \t]*){0,3}[ \t]*\n?[ \t]*",
    regex.IGNORECASE,
)
# A cue earlier in the clause ("Kundennummer von Herrn Akyüz: …", "Das Aktenzeichen des
# Gerichts lautet …"): up to 50 characters without a sentence end, then ":"/"lautet"/"ist".
_LATE_LINK = regex.compile(
    r"(?:(?![.!?;\n][ \t\n]|[!?;\n]).){1,50}?(?::|[ \t](?:lautet|lautete|ist|lauten|sind))[ \t]+",
    regex.IGNORECASE,
)
_TOKEN = regex.compile(r"[^\s]+")
_TRAIL = ".,;:!?)]}\"'“”»«"
_LEAD = "([{\"'„“»«"
# Value tokens: with a digit; an uppercase letter group before or inside a court number
# ("S 12 SO 45/24 ER", "XVII 512/24"); a letter prefix of agency numbers ("JA-HzE 2025/303").
_HAS_DIGIT = re.compile(r"\d")
_UPPER_GROUP = re.compile(r"[A-ZÄÖÜ]{1,5}")
_LETTER_PREFIX = re.compile(rf"[A-ZÄÖÜ][{_LETTER}]{{0,7}}(?:[-/.][{_LETTER}]{{1,8}}){{0,3}}")
_COURT_TAIL = re.compile(r"\d+/\d{2,4}")
# A bare "Nummer"/"Nr." is a cue when a record a person has owns it: a noun whose last part is a record noun, then
# "hat/trägt/mit die/der" ("Sein Schwerbehindertenausweis hat die Nummer …", "der Mietvertrag mit der Nr. …").
_RECORD_OWNS = regex.compile(r"(?i)(?<![\w-])([\w-]+)[ \t]+(?:hat|hatte|trägt|trug|mit)[ \t]+(?:die|der)[ \t]+$")
# The last character before a position that no match of _RECORD_OWNS can contain (searched backwards): such a
# match lies in the run of word characters, hyphens and blanks after it, so only that run is searched.
_NOT_IN_RECORD_RUN = regex.compile(r"[^\w\- \t]", regex.REVERSE)
# Events, not records: "Im Notfall hat die Nummer 112 …", "Unfall", "Todesfall".
_RECORD_SUFFIX_EXCEPT = ("fall",)
_RECORD_SUFFIXES = tuple(sorted(n for n in _NOUNS_BEFORE_NR if n not in _RECORD_SUFFIX_EXCEPT))
# Filed under a value: "unter" + a value, with a verb of filing in the same clause before it or right after it
# ("Die Pflegekasse führt ihn unter …", "… ist dort unter … registriert", "Die Akte läuft unter …").
_FILING_VERB = (r"(?:führt|führen|führte|geführt|läuft|laufen|lief|registriert|erfasst|gespeichert|abgelegt|"
                r"verbucht|gelistet|eingetragen|vermerkt)")
_UNDER = regex.compile(r"(?<![\w-])unter[ \t]+", regex.IGNORECASE)
_FILED_BEFORE = regex.compile(rf"(?i)(?<![\w-]){_FILING_VERB}(?![\w-])(?:(?![.!?;\n][ \t\n]|[!?;\n]).){{0,50}}$")
_FILED_BEFORE_REACH = 80  # characters before "unter" that can hold a match (verb ≤ 11 + 50 + a final line break)
_FILED_AFTER = regex.compile(rf"(?i)[ \t]+(?:[^\s.,;:!?]+[ \t]+){{0,3}}{_FILING_VERB}(?![\w-])")
_LIST_LINK = regex.compile(r"(?:[ \t]*[,;/][ \t]*|[ \t]+(?:und|sowie|bzw\.|oder|u\.)[ \t]+)", regex.IGNORECASE)

COURT_FILE = (
    r"(?:(?!AZ\s|GZ\s)[A-Z]{1,2}\s)?\d{1,3}\s[A-Z]{1,3}[a-z]?(?:\s[A-Z]{1,3})?\s\d{1,6}/\d{2,4}(?:\s(?:ER|WA|B|R))?"
    r"|(?:\d{1,3}\s)?[IVXL]{1,7}\s\d{1,6}/\d{2,4}"
)
JOBCENTER_BG = r"\d{5}BG\d{7}"


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str


def _tokens(text: str, pos: int, limit: int = 12) -> list[_Tok]:
    """Whitespace tokens from ``pos`` on, stopping at a line break, without edge punctuation."""
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text, pos):
        if text.count("\n", pos, m.start()) or len(out) >= limit:
            break
        start, end = m.span()
        while start < end and text[start] in _LEAD:
            start += 1
        while end > start and text[end - 1] in _TRAIL:
            end -= 1
        out.append(_Tok(start, end, text[start:end]))
        pos = m.end()
    return out


def _shape(value: str) -> str:
    return re.sub(r"[A-Za-zÄÖÜäöüß]+", "A", re.sub(r"\d+", "9", value))


def is_identifier_cue(cue: str) -> bool:
    """Whether a word (or "noun Nr.") introduces a file, customer or account number."""
    words = cue.split()
    if len(words) == 2 and re.fullmatch(r"(?i)nr\.?|nummer", words[1]):
        return words[0].lower() in _NOUNS_BEFORE_NR
    key = re.sub(r"[.\-\s]", "", cue.lower())
    head = _HEAD.search(key)
    if head is None:
        return True  # the short cues: Az., Gz., Akte, Vorgang, Kto., PKZ
    stem = key[: head.start()]
    if head.group(1) == "zeichen":
        return stem in _FILE_SIGN_STEMS or stem.endswith(("unser", "ihr", "mein"))
    if head.group(1) in ("konto", "konten"):
        return True
    return stem not in _NOT_IDENTIFIER_STEMS and not stem.endswith(("telefon", "handy", "fax", "ruf", "haus", "zimmer"))


class CaseNumberRecognizer(EntityRecognizer):
    """Entity CASE_NUMBER (see the module docstring for the rule), plus Jobcenter
    Bedarfsgemeinschaft numbers ("12345BG0012345") and the admin's own regexes."""

    def __init__(self, extra_patterns: Sequence[str] = ()) -> None:
        self._bare = [
            # above a street-shaped "Im Verfahren 29 …" (ADDRESS, 0.75), so the type is right
            (regex.compile(rf"(?<![\w/]){COURT_FILE}(?![\w/])"), 0.8),
            (regex.compile(rf"(?<!\w){JOBCENTER_BG}(?!\w)"), 0.9),
        ]
        for index, pattern in enumerate(extra_patterns, start=1):
            try:
                self._bare.append((regex.compile(pattern, regex.DOTALL | regex.MULTILINE), 0.9))
            except (regex.error, re.error):
                # The message names the setting and index, never the pattern text
                # (an admin may have pasted a real number into it).
                raise ValueError(messages.ERR_BAD_CASE_PATTERN.format(index=index)) from None
        super().__init__(supported_entities=["CASE_NUMBER"], supported_language="de", name="CaseNumberRecognizer")

    def load(self) -> None:  # everything is compiled in __init__
        pass

    def analyze(
        self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> List[RecognizerResult]:
        """Values after cues (0.85), court file numbers (0.8), BG numbers and admin patterns (0.9)."""
        spans: list[tuple[int, int, float]] = []
        previous = ""
        for m in _WORD.finditer(text):
            word = m.group().rstrip("-")
            cue, before = word, previous
            previous = word
            if not _CUE_END.search(word):
                continue
            if re.fullmatch(r"(?i)nr\.?|nummer", word) and before:
                cue = f"{before} {word}"  # "Bescheid Nr."
                if not is_identifier_cue(cue) and _names_a_record(text, m.start()):
                    cue = "Aktennummer"  # "Sein Ausweis hat die Nummer …": as after a record noun
            if not is_identifier_cue(cue):
                continue
            end = m.start() + len(word)
            values = list(self._values(text, _GAP.match(text, end).end()))
            if not values:
                late = _LATE_LINK.match(text, end)
                if late:
                    values = [v for v in self._values(text, late.end()) if _digits(text[v[0] : v[1]]) >= 2]
            score = 0.55 if _has_own_recognizer(cue) else 0.85
            spans += [(s, e, score) for s, e in values]
        spans += [(s, e, 0.85) for s, e in self._filed_under(text)]
        for pattern, score in self._bare:
            spans += [(m.start(), m.end(), score) for m in pattern.finditer(text) if m.end() > m.start()]
        return [self._result(s, e, score) for s, e, score in spans]

    def _filed_under(self, text: str) -> Iterator[tuple[int, int]]:
        """Values something is filed under: "unter <value>" with a verb of filing in its clause."""
        for m in _UNDER.finditer(text):
            value = self._value(text, m.end())
            if value is None or _digits(text[value[0] : value[1]]) < 4:  # "unter 12 Teilnehmern" is a quantity
                continue
            if (_FILED_BEFORE.search(text, max(0, m.start() - _FILED_BEFORE_REACH), m.start())
                    or _FILED_AFTER.match(text, value[1])):
                yield value

    def _values(self, text: str, pos: int) -> Iterator[tuple[int, int]]:
        """The identifier at ``pos`` and the ones of the same shape listed after it."""
        first = self._value(text, pos)
        if first is None:
            return
        yield first
        shape, length = _shape(text[first[0] : first[1]]), first[1] - first[0]
        end = first[1]
        for _ in range(8):
            link = _LIST_LINK.match(text, end)
            if link is None:
                return
            nxt = self._value(text, link.end())
            if nxt is None:
                return
            value = text[nxt[0] : nxt[1]]
            if _shape(value) != shape or not 0.7 * length <= len(value) <= 1.3 * length + 1:
                return
            yield nxt
            end = nxt[1]

    def _value(self, text: str, pos: int) -> tuple[int, int] | None:
        toks = _tokens(text, pos)
        i = 0
        # Letter prefixes ("JA-HzE 2025/303", "L 7 AS 1234/23", "XVII 512/24"): at most two.
        while i < min(2, len(toks)) and not _HAS_DIGIT.search(toks[i].text) and _is_prefix(toks[i].text):
            i += 1
        if i >= len(toks) or not self._is_value_token(toks, i):
            return None
        start, last = toks[0].start if i else toks[i].start, i
        j = i + 1
        while j < len(toks):
            if toks[last].end != _raw_end(text, toks[last]):
                break  # punctuation after the token ends the value
            t = toks[j].text
            if _HAS_DIGIT.search(t) and self._is_value_token(toks, j):
                last = j
            elif (_UPPER_GROUP.fullmatch(t) or (len(t) == 1 and t.isalpha())) and j + 1 < len(toks) and (
                _HAS_DIGIT.search(toks[j + 1].text) and self._is_value_token(toks, j + 1)
            ):
                last = j + 1
                j += 1
            elif _UPPER_GROUP.fullmatch(t) and len(t) <= 3 and _COURT_TAIL.fullmatch(toks[last].text) and (
                j + 1 >= len(toks) or not toks[j + 1].text[:1].isupper()
            ):
                last = j  # "S 12 SO 45/24 ER"
                break
            else:
                break
            j += 1
        value = text[start : toks[last].end]
        if len(value.replace(" ", "")) < 3 or _digits(value) < 2:
            return None
        return start, toks[last].end

    @staticmethod
    def _is_value_token(toks: list[_Tok], i: int) -> bool:
        t = toks[i].text
        if not _HAS_DIGIT.search(t) or is_ordinary_number(t) or t.startswith("§"):
            return False
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        after = toks[i + 2].text if i + 2 < len(toks) else ""
        if len(nxt) == 1 and _HAS_DIGIT.search(after):
            return True  # a letter between digit groups is part of the value ("12 150385 M 02 4"), not metres
        return not is_unit_word(nxt)

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type="CASE_NUMBER",
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


# Cues of identifiers with their own validating recognizer (Steuernummer, Steuer-ID,
# RV-Nr., KVNR): the value is still taken, at a score below those recognizers, so their
# type wins and a value that fails their check digit is masked all the same.
_OWN_RECOGNIZER = re.compile(r"(?i)^(?:steuer|steueridentifikations|rentenversicherungs|sozialversicherungs|"
                             r"krankenversicherten|versicherungs|rv|sv|kv|ust|umsatzsteuer|personalausweis|"
                             r"ausweis|perso|pa|reisepass|pass|kinderreisepass|dokumenten|aufenthaltstitel|eat)")


def _names_a_record(text: str, end: int) -> bool:
    """Whether a record of a person owns the bare "Nummer"/"Nr." at ``end`` (see ``_RECORD_OWNS``). Searches only
    the run of characters a match can consist of, so a long text costs no more per "Nummer" than a short one."""
    stop = end - 1 if end and text[end - 1] == "\n" else end  # "$" also matches before a final line break
    run = _NOT_IN_RECORD_RUN.search(text, 0, stop)
    m = _RECORD_OWNS.search(text, run.end() if run else 0, end)
    if m is None:
        return False
    noun = m.group(1).lower().rstrip("-")
    if noun in _NOUNS_BEFORE_NR:
        return True
    return noun.endswith(_RECORD_SUFFIXES)


def _has_own_recognizer(cue: str) -> bool:
    return bool(_OWN_RECOGNIZER.match(re.sub(r"[.\-\s]", "", cue)))


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _is_prefix(token: str) -> bool:
    if not _LETTER_PREFIX.fullmatch(token):
        return False
    return len(token) == 1 or sum(ch.isupper() for ch in token) >= 2 or any(c in "-/." for c in token)


def _raw_end(text: str, tok: _Tok) -> int:
    """End of the whitespace token that ``tok`` was cut from."""
    end = tok.end
    while end < len(text) and not text[end].isspace():
        end += 1
    return end
