"""The kind of quantity a question asks for, and the kinds of quantity a guideline sentence names (issue 18:
"no source, no rule").

Evidence that names *a* number does not answer every question asking for one: "Was kostet die Prüfung?"
against "Vorlauf etwa drei Wochen", "Ab welchem Alter …?" against "innerhalb von 72 Stunden". A question
asking for a kind of quantity is answered only by evidence naming a quantity of a kind that answers it;
:func:`knowledge.evidence.select_evidence` asks back otherwise (reason ``other_quantity``).

Kinds:

* ``money`` — "30 €", "0,30 Euro", "kostenlos";
* ``time`` — a duration or deadline: "72 Stunden", "innerhalb eines Monats", "drei Werktage vorher", "sofort";
* ``date`` — a point in time: "bis zum 15.", "10. des Vormonats", "6:00 Uhr", "am selben Tag", "Monatsende";
* ``start`` — a point in time something begins at: "ab dem Ersten des Monats", "seit 1. März", "beginnt um
  6:30 Uhr", the first time of a range ("06:00 – 14:12 Uhr" names a start and an end, so a date too). A start
  alone does not answer "Bis wann …?" or "Wie lange …?" ("ab dem Ersten des Monats" says nothing of how long a
  benefit is paid); a deadline alone ("bis 05:00 Uhr") answers "Wann fängt … an?" only as a last resort: a
  question for a beginning prefers a unit naming a start (:attr:`QuestionCue.preferred`);
* ``frequency`` — a rhythm or rate: "alle zwei Jahre", "monatlich", "zweimal", "pro Tag";
* ``processing`` — how long handling something takes, a time or date in a sentence about handling: "Anträge
  werden binnen zwei Wochen bearbeitet", "Vorlauf etwa drei Wochen". A question for the processing time
  ("Wie lange dauert die Bearbeitung?", "Bearbeitungszeit?") is not answered by a deadline the applicant must
  meet ("setzt eine Frist von zwei Wochen") or by how long a benefit is granted ("für 12 Monate bewilligt");
* ``count`` — "drei Termine", "höchstens 12 Kinder", or an enumeration of three or more items (the answer to
  "In wie vielen Stufen …?" may be the stages themselves);
* ``share`` — "12,5 Prozent", "50 %", "die Hälfte";
* ``age`` — "ab 18 Jahren", "vollendeten 16. Lebensjahr", "volljährig".
* ``identifier`` — a form or phone number ("Formular F-12", "Tel. 0341 998877"): no quantity any question cue
  asks for, but the answer to "Welche Formularnummer …?".

:func:`names_quantity` is the one answer to "does this sentence name a number at all?" (the evidence's
``no_quantity`` check and the bonus for "Wie hoch …?" questions of no particular kind): a kind named in words or
digits — not an enumeration, whose items answer "In wie vielen Stufen …?" only.

A question's kind is read only from words that ask for one (:data:`QUESTION_CUES`: "was kostet", "wie lange",
"bis wann", "wie viele Stunden", "ab welchem Alter" …); a question without such words ("Welche Unterlagen
brauche ich?", "Wie viel Urlaub …?") asks for no particular kind and is never judged by this rule. Each cue
names the kinds that answer it: a time question is answered by a duration or a date ("Bis wann?" — "innerhalb
von 72 Stunden"), an amount by money or a share ("Wie hoch ist der Zuschlag?" — "25 Prozent"). A question with
two cues ("Wer zahlt das, und bis zu welchem Betrag?") needs both answered.

A sentence's quantities are read left to right by :data:`SENTENCE_CUES`, the most specific first, each match
masking its words for the later ones: "ab 18 Jahren" is an age and no longer a duration, "30 Euro" is money
and no longer a count, "§ 8a Abs. 4" and "Formular F-12" are where a rule stands, no quantity at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from enum import StrEnum


class QuantityKind(StrEnum):
    MONEY = "money"
    TIME = "time"
    DATE = "date"
    START = "start"
    COUNT = "count"
    FREQUENCY = "frequency"
    PROCESSING = "processing"
    SHARE = "share"
    AGE = "age"
    IDENTIFIER = "identifier"


@dataclass(frozen=True)
class QuestionCue:
    """Words that ask for a kind of quantity, the kinds of quantity that answer them, and those of them that
    answer best (the evidence ranking prefers units naming one of these)."""

    name: str
    pattern: re.Pattern[str]
    answered_by: frozenset[QuantityKind]
    preferred: frozenset[QuantityKind]


@dataclass(frozen=True)
class SentenceCue:
    """Words that name a quantity of each of ``kinds`` (none: words that look like a number but name none)."""

    kinds: frozenset[QuantityKind]
    pattern: re.Pattern[str]


K = QuantityKind

# --------------------------------------------------------------------------------------------- shared words
# "wie viel", "wieviel", "wie viele", "wiviel", "wie vil", "wievielen" …
_HOW_MUCH = r"wi(?:e)?\s?vie?l(?:e[nmrs]?)?"
_NUMBER_WORD = (r"(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(?:zwanzig|dreißig|vierzig|fünfzig|"
                r"sechzig)|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|"
                r"sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|"
                r"neunzig|hundert|tausend|anderthalb|eineinhalb|zweieinhalb)")
_DIGITS = r"\d+(?:[.,]\d+)*"
_NUMBER = rf"(?:{_DIGITS}|{_NUMBER_WORD})"
# A number or a range ("zwei bis vier", "2–3", "10 oder 12").
_AMOUNT = rf"{_NUMBER}(?:\s*(?:-|–|bis|oder)\s*{_NUMBER})?"
# Units of time, also as the end of a compound ("Werktage", "Kalendertagen", "Urlaubstage").
_TIME_UNIT = (r"[a-zäöüß]*(?:sekunden?|minuten?|stunden?|tag|tage|tagen|tages|woche|wochen|monat|monate|monaten|"
              r"monats|quartal|quartale|quartalen|quartals|jahr|jahre|jahren|jahres|halbjahr\w*)")
_ARTICLE = r"(?:ein|eine|einen|einem|einer|eines)"
_FEW = r"(?:wenige[nrs]?|einige[nrs]?|mehrere[nrs]?|halbe[nrs]?|vollen?|ganze[nrs]?)"
# An adjective between number and unit: "drei volle Werktage", "zwei aufeinanderfolgende Nächte".
_ADJECTIVE = r"(?:[a-zäöüß]+e[nrs]?\s+)?"
_MONEY_NOUN = (r"[a-zäöüß]*(?:geld|gelder|geldes|euro|gebühr|gebühren|kosten|preis|preise|betrag|beträge|summe|"
               r"pauschale|pauschalen|zuschlag|zuschläge|zulage|zulagen|prämie|prämien|vergütung|honorar|entgelt|"
               r"lohn|gehalt|miete|rente|zuschuss|erstattung|beihilfe|beitrag|beiträge|satz|sätze)")
_DETERMINER = r"(?:der|die|das|den|dem|mein|meine|meinen|unser|unsere|ihr|ihre|sein|seine|eine?)"


def _cue(name: str, alternatives: list[str], *kinds: QuantityKind,
         preferred: Iterable[QuantityKind] = ()) -> QuestionCue:
    return QuestionCue(name, re.compile("|".join(alternatives), re.IGNORECASE), frozenset(kinds),
                       frozenset(preferred) or frozenset(kinds))


# --------------------------------------------------------------------------------------------- questions
# The most specific first: a span a cue matched is not read again by a later one ("wie viele Stunden" is time,
# not a count; "wie viel Prozent" a share, not money).
QUESTION_CUES: tuple[QuestionCue, ...] = (
    _cue("age", [
        r"\b(?:ab|bis\s+zu|bis|in|mit|unter)\s+welche[mnr]?\s+(?:alter|lebensjahr)\b",
        r"\bwie\s+alt\b",
        r"\b(?:mindest|höchst)alter\w*",
        r"\baltersgrenze\w*",
        r"\b(?:ab|mit|bis)\s+" + _HOW_MUCH + r"\s+jahren\b",
    ], K.AGE),
    _cue("share", [
        r"\b" + _HOW_MUCH + r"\s+prozent\w*",
        r"\bprozentsatz\w*",
        r"\bprozentual\w*",
        r"\bwelche[nrs]?\s+(?:\w+\s+)?(?:anteil|quote)\w*",
        r"\bwie\s+(?:hoch|groß)\s+(?:ist|sind|wäre|liegt)\s+" + _DETERMINER + r"\s+(?:\w+\s+)?\w*(?:anteil|quote)\w*",
    ], K.SHARE),
    # How long handling takes: "wie lange …" with a word of handling, or the nouns themselves.
    _cue("processing", [
        r"\b(?:wie\s*lange?|wielange?|wie\s+schnell)\b[^?.!]*?\b(?:bearbeit\w*|entschie\w*|entscheid\w*)",
        r"\b\w*(?:bearbeitungs(?:zeit|dauer)|wartezeit)\w*",
    ], K.PROCESSING),
    _cue("time", [
        r"\b" + _HOW_MUCH + r"\s+" + _ADJECTIVE + _TIME_UNIT + r"\b",
        r"\b" + _HOW_MUCH + r"\s+zeit\b",
    ], K.TIME, K.DATE),
    # When something begins: answered best by a start ("ab dem Ersten", "beginnt um 6 Uhr", "06:00 – 14:00 Uhr"),
    # still by any other point in time.
    _cue("start", [
        r"\b(?:ab|seit)\s+wann\b",
        r"\b(?:ab|seit)\s+welche[mnr]?\s+(?:tag|datum|zeitpunkt|monat|uhrzeit|stichtag|termin)\b",
        r"\bwann\s+(?:genau\s+)?(?:fängt|fangen|f[aä]ngt|beginnt|beginnen|startet|starten|öffnet|öffnen)\b",
        r"\bwann\s+(?:ist|sind)\s+(?:der\s+|die\s+)?\w*(?:beginn|start)\b",
    ], K.START, K.DATE, K.TIME, preferred=(K.START,)),
    # Until when: a deadline or a duration; a start alone says nothing of the end.
    _cue("deadline", [
        r"\bbis\s+wann\b",
        r"\bbis\s+(?:zu\s+)?welche[mnr]?\s+(?:tag|datum|zeitpunkt|monat|uhrzeit|stichtag|termin)\b",
        r"\bwann\s+spätestens\b",
        r"\bwann\s+(?:endet|enden|schließt|schließen|hört|hören)\b",
        r"\bwann\s+(?:ist|sind)\s+(?:der\s+|die\s+)?\w*(?:ende|schluss)\b",
    ], K.DATE, K.TIME),
    _cue("date", [
        r"\b(?:an|zu)\s+welche[mnr]?\s+(?:tag|datum|zeitpunkt|monat|uhrzeit|stichtag|termin)\b",
        r"\bwelche[nrs]?\s+(?:datum|stichtag|uhrzeit|zeitpunkt)\b",
        r"\bstichtag\w*",
        r"\bum\s+" + _HOW_MUCH + r"\s+uhr\b",
        r"\bwann\s+genau\b",
        # "wann" asks for a time only when something begins or ends (above); otherwise often for a condition
        # ("Wann muss das Jugendamt informiert werden?" — "wenn …"), which is no quantity.
    ], K.DATE, K.TIME, K.START),
    _cue("time", [
        r"\bwie\s*lange?\b",
        r"\bwielange?\b",
        r"\bwie\s+(?:schnell|früh|zeitnah|bald)\b",
        r"\binnerhalb\s+welche[rnm]?\b",
        r"\bin\s+welche[rm]\s+\w*frist\b",
        r"\bwelche[rns]?\s+(?:\w+\s+)?\w*frist(?:en)?\b",
        r"\bdauer[nt]?\b",
        r"\b\w+dauer\b",
        r"\b\w*laufzeit(?:en)?\b",
        r"\bzeitraum\w*",
        r"\bzeitspanne\b",
    ], K.TIME, K.DATE),
    _cue("frequency", [
        r"\bwie\s+(?:oft|häufig|regelmäßig)\b",
        r"\bin\s+welche[mnr]\s+(?:abst(?:a|ä)nd\w*|rhythmus|turnus)\b",
        r"\b" + _HOW_MUCH + r"\s*mal\b",
    ], K.FREQUENCY, K.COUNT, K.TIME),
    _cue("money", [
        r"\bwas\s+kost\w*",
        r"\b" + _HOW_MUCH + r"\s+kost\w*",
        r"\bkoste[tn]?\s+(?:das|es|der|die|dies\w*|sowas)\s+(?:\w+\s+)?(?:was|etwas|geld)\b",
        r"\bwie\s+teuer\b",
        r"\b(?:in|bis\s+zu|bis)\s+welche[rm]\s+(?:höhe|betrag)\b",
        r"\bkosten(?:los|frei|pflichtig)\b",
        r"\bgebühren(?:frei|pflichtig)\b",
        r"\b" + _HOW_MUCH + r"\s+(?:\w+\s+)?" + _MONEY_NOUN + r"\b",
        r"\bwelche[nrsm]?\s+(?:\w+\s+)?[a-zäöüß]*(?:betrag|beträge|summe|preis|gebühr|gebühren|pauschale|"
        r"pauschalen|geld|honorar|entgelt|satz)\b",
        r"\bwie\s+hoch\s+(?:ist|sind|wäre|liegt|liegen|fällt|fallen)\s+" + _DETERMINER + r"\s+(?:\w+\s+)?"
        + _MONEY_NOUN + r"\b",
        # "Wie viel wird mir für die Fahrt zur Fortbildung erstattet?": the verb of paying ends the clause.
        r"\b" + _HOW_MUCH + r"\b(?:\s+[\w-]+){0,8}?\s+(?:erstatt\w*|bezahl\w*|zahl\w*|vergüt\w*|verdien\w*|"
        r"überwies\w*|ausgezahlt)\b",
    ], K.MONEY, K.SHARE),
    _cue("count", [
        r"\bwi(?:e)?\s?vie?le[nmr]?\b",
        r"\banzahl\b",
        r"\b(?:höchst|mindest|maximal)zahl\b",
    ], K.COUNT),
)


def asked_cues(question: str) -> list[QuestionCue]:
    """The cues of ``question`` that ask for a kind of quantity (one per cue name), the most specific reading of
    each place first. Empty: the question asks for no particular kind."""
    text = question.lower()
    taken: list[tuple[int, int]] = []
    out: dict[str, QuestionCue] = {}
    for cue in QUESTION_CUES:
        for match in cue.pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            out.setdefault(cue.name, cue)
    return list(out.values())


# --------------------------------------------------------------------------------------------- sentences
def _sentence(kinds: Iterable[QuantityKind], alternatives: list[str]) -> SentenceCue:
    return SentenceCue(frozenset(kinds), re.compile("|".join(alternatives), re.IGNORECASE))


_MONTH = r"(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)"
_WEEKDAY = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s?"
# A point in time after "ab"/"seit": a day of the month, a date, a month, a weekday, a time of day, a year, the
# first or next day, the beginning of something.
_POINT = (r"(?:\d{1,2}\.(?:\s*(?:\d{1,2}\.(?:\d{2,4})?|" + _MONTH + r"))?(?!\d)|" + _MONTH + r"|" + _WEEKDAY
          + r"|\d{1,2}(?:[:.]\d{2})?\s*uhr\b|(?:19|20)\d\d\b|"
          r"(?:ersten|nächsten|folgenden|darauffolgenden)\s+(?:(?:werk|arbeits|kalender)?tag\w*|des\s+(?:\w+\s+)?"
          r"\w*(?:monats|quartals|jahres)|monat\w*)|"
          r"(?:beginn|antritt|dienstantritt|aufnahme|einstellung|eintritt|start|monatsbeginn|jahresbeginn)\b)")

SENTENCE_CUES: tuple[SentenceCue, ...] = (
    # Where a rule stands, a paragraph's number ("4.2 Dienstfahrzeuge …"): digits, but no quantity.
    _sentence((), [
        r"(?:^|\n)\s*\d+(?:\.\d+)+\.?(?=\s)",
        r"§§?\s*\d+\s?[a-z]?\b(?:\s*(?:abs\.|absatz|satz|nr\.|nummer)\s*\d+\b)*",
        r"\b(?:art\.|artikel|abs\.|absatz|nr\.)\s*\d+\s?[a-z]?\b(?:\s*(?:abs\.|absatz|satz|nr\.)\s*\d+\b)*",
        r"\b(?:sgb|stgb|bgb)\s+[ivx]+\b",
    ]),
    # Form and phone numbers: no quantity, but a number a question may ask for.
    _sentence((K.IDENTIFIER,), [
        r"\b[a-z]{1,3}\s?-\s?\d+[a-z]?\b",
        r"\bformular\w*\s+\S*\d\S*",
        r"\b(?:tel\.?|telefon|fax)\s*:?\s*[\d(+][\d /()-]+",
        r"\b0\d{2,5}[ /-]?\d{3,}\b",
    ]),
    # A start: "ab"/"seit" before a point in time, a verb of beginning before a time of day, a range of times.
    _sentence((K.START,), [
        r"\b(?:ab|seit|beginnend\s+(?:mit|am))\s+(?:dem\s+|der\s+|den\s+)?" + _POINT,
    ]),
    _sentence((K.START, K.DATE), [
        r"\b(?:beginn\w*|fängt|fangen|start\w*|öffne\w*)\b[^.;\n]{0,40}?\bum\s+\d{1,2}(?:[:.]\d{2})?\s*uhr\b",
        r"\b\d{1,2}[:.]\d{2}\s*(?:uhr\s*)?(?:-|–|bis)\s*\d{1,2}[:.]\d{2}(?:\s*uhr)?",
    ]),
    _sentence((K.DATE,), [
        r"\b\d{1,2}\.\s*(?:\d{1,2}\.(?:\d{2,4})?|" + _MONTH + r"|des\s+(?:\w+\s+)?\w*(?:monats|quartals|jahres))",
        r"\b(?:bis|zum|am|ab|vom|bis\s+zum|bis\s+spätestens)\s+(?:zum\s+)?\d{1,2}\.(?!\d)",
        r"\b\d{1,2}(?:[:.]\d{2})?\s*uhr\b",
        r"\b\d{1,2}[:.]\d{2}\s*(?:-|–|bis)\s*\d{1,2}[:.]\d{2}\b",
        r"\b" + _WEEKDAY + r"\b",
        r"\b" + _MONTH + r"\b",
        r"\b(?:monats|jahres|quartals|wochen|dienst|schicht|arbeits)(?:ende|anfang|beginn|mitte|schluss)\b",
        r"\b(?:selben|gleichen|nächsten|folgenden|darauffolgenden|ersten|letzten)\s+(?:werk|arbeits|kalender)?tag\w*",
        r"\b(?:folge|vor)(?:tag|werktag|woche|monat|jahr)\w*",
        r"\bersten\s+des\s+(?:\w+\s+)?monats\b",
        r"\bstichtag\w*",
        r"\b(?:19|20)\d\d\b(?!\s*(?:€|euro|eur\b|prozent|%))",  # a year, not an amount
        r"\bbis\s+(?:zum|zur|spätestens)\b",
        r"\b(?:vor|bei|mit|nach|zu|zum|am)\s+(?:dem\s+|der\s+)?(?:beginn|ende|antritt|dienstantritt|aufnahme|"
        r"einstellung|abschluss|ausscheiden|eintritt|start)\b",
    ]),
    _sentence((K.MONEY,), [
        r"(?:" + _DIGITS + r"|" + _NUMBER_WORD + r")\s*(?:€|euro\b|eur\b|cent\b|ct\b)",
        r"€\s*\d",
        r"\bkosten(?:los|frei|pflichtig)\w*",
        r"\bgebühren(?:frei|pflichtig)\w*",
        r"\bunentgeltlich\w*",
        r"\bohne\s+(?:kosten|gebühr\w*|eigenanteil)\b",
        r"\bkeine\s+(?:kosten|gebühr\w*)\b",
        r"\bin\s+(?:voller|tatsächlicher|angemessener)\s+höhe\b",
        r"\btatsächlich(?:en)?\s+kosten\b",
    ]),
    _sentence((K.SHARE,), [
        _DIGITS + r"\s*(?:%|prozent\w*|v\.\s?h\.)",
        r"\b" + _NUMBER_WORD + r"\s+prozent\w*",
        r"\b(?:die|zur|der|eine|einer)\s+hälfte\b",
        r"\b(?:ein|einem|einen|zwei|drei)\s+(?:drittel|viertel|fünftel|zehntel)\b",
        r"\banteilig\b",
    ]),
    _sentence((K.AGE,), [
        r"\b(?:vollendet\w*|ab\s+dem|vor\s+dem|mit\s+dem|bis\s+zum|zum)\s+(?:vollendeten\s+)?\d{1,2}\.\s*lebensjahr\w*",
        r"\blebensjahr\w*",
        r"\b\d{1,2}\s*-?\s*jährig\w*",
        r"\b" + _NUMBER_WORD + r"jährig\w*",
        r"\bjahre?\s+alt\b",
        r"\balter\s+von\s+(?:\d|" + _NUMBER_WORD + r")",
        r"\b(?:voll|minder)jährig\w*",
        r"\b(?:ab|unter|über)\s+(?:\d{1,2}|" + _NUMBER_WORD + r")\s+jahre[n]?\b",
    ]),
    _sentence((K.FREQUENCY,), [
        r"\b(?:stündlich|täglich|werktäglich|wöchentlich|monatlich|jährlich|halbjährlich|vierteljährlich|"
        r"quartalsweise)\b",
        r"\balle\s+(?:" + _AMOUNT + r"\s+)?" + _TIME_UNIT + r"\b",
        r"\bjede[nmrs]?\s+(?:zweite[nmrs]?\s+)?" + _TIME_UNIT + r"\b",
        r"\b(?:pro|je)\s+" + _TIME_UNIT + r"\b",
        r"\b(?:ein|zwei|drei|vier|fünf|sechs|mehr)mal\b",
        r"\bmehrmals\b",
    ]),
    _sentence((K.TIME,), [
        r"\b(?:" + _AMOUNT + r"|" + _ARTICLE + r"|" + _FEW + r")\s+" + _ADJECTIVE + _TIME_UNIT + r"\b",
        r"\b(?:sofort\w*|unverzüglich|umgehend|unmittelbar|zeitnah|spätestens|fristgerecht|jederzeit)\b",
    ]),
    _sentence((K.COUNT,), [
        r"\b\d+(?:[.,]\d+)?\b",
        r"\b" + _NUMBER_WORD + r"\b",
        r"\b(?:mindestens|höchstens|maximal|genau|nur|je)\s+" + _ARTICLE + r"\b",
        r"\bbeide[nrs]?\b",
    ]),
)


# An enumeration answers "how many" by its items: three or more after a colon ("Einstufung: keine, latente oder
# akute Gefährdung"), or three or more lines (a list unit).
_ENUMERATION = re.compile(r":\s*[^:.;\n,]+(?:,\s*[^:.;\n,]+)+,?\s+(?:und|oder|sowie)\s+[^.;\n]+|"
                          r"[^\n]+\n[^\n]+\n[^\n]+")


# Words of handling something (an office, the organisation): a time beside them says how long handling takes.
_HANDLING = re.compile(r"\b(?:\w*bearbeit\w*|\w*wartezeit\w*|vorlauf\w*|entschie\w*|entscheid\w*|dauer\w*|"
                       r"beantwort\w*|rückmeld\w*|\w*bescheid\w*|erledig\w*|geprüft|ausgezahlt|auszahlung\w*)\b",
                       re.IGNORECASE)


@lru_cache(maxsize=4096)  # guideline units recur from question to question; only their text is kept
def spelled_kinds(text: str) -> frozenset[QuantityKind]:
    """The kinds of quantity ``text`` names in words or digits (:data:`SENTENCE_CUES`)."""
    masked = text.lower()
    kinds: set[QuantityKind] = set()
    for cue in SENTENCE_CUES:
        def mask(match: re.Match[str]) -> str:
            kinds.update(cue.kinds)
            return " " * len(match.group(0))
        masked = cue.pattern.sub(mask, masked)
    return frozenset(kinds)


def names_quantity(text: str) -> bool:
    """``text`` names a number, amount, duration, point in time, rate, share, age or form or phone number (digits,
    number words, "sofort", "ab dem Ersten des Monats" …). A reference to a law ("§ 203 StGB", "Art. 33 DSGVO",
    "Abs. 4") or a paragraph's number names none: it says where a rule stands, not how much or until when."""
    return bool(spelled_kinds(text))


@lru_cache(maxsize=4096)
def named_kinds(text: str) -> frozenset[QuantityKind]:
    """The kinds of quantity ``text`` names, an enumeration's count and a processing time among them."""
    kinds = set(spelled_kinds(text))
    if _ENUMERATION.search(text):
        kinds.add(QuantityKind.COUNT)
    if kinds & {QuantityKind.TIME, QuantityKind.DATE, QuantityKind.START} and _HANDLING.search(text):
        kinds.add(QuantityKind.PROCESSING)
    return frozenset(kinds)


def unanswered(question: str, texts: Iterable[str]) -> list[str]:
    """The names of the cues of ``question`` (``money``, ``time`` …) that no kind named by ``texts`` answers.
    Empty when the question asks for no particular kind."""
    return unanswered_cues(asked_cues(question), texts)


def unanswered_cues(cues: Sequence[QuestionCue], texts: Iterable[str]) -> list[str]:
    """:func:`unanswered` for cues already read from the question (:func:`asked_cues`)."""
    if not cues:
        return []
    named = frozenset().union(*(named_kinds(t) for t in texts))
    return [cue.name for cue in cues if not cue.answered_by & named]


def answers_kind(question: str, text: str) -> bool:
    """``text`` names a quantity of a kind ``question`` asks for (False when it asks for none)."""
    return answers(asked_cues(question), text)


def answers(cues: Sequence[QuestionCue], text: str) -> bool:
    """``text`` names a quantity of a kind one of ``cues`` (:func:`asked_cues`) asks for."""
    named = named_kinds(text)
    return any(cue.answered_by & named for cue in cues)


def answers_best(cues: Sequence[QuestionCue], text: str) -> bool:
    """``text`` names a quantity of a kind one of ``cues`` prefers (a start for "Wann beginnt …?")."""
    named = named_kinds(text)
    return any(cue.preferred & named for cue in cues)
