"""Client data or the organisation's own contact data? The curation check before indexing.

The guardrail finds names, phone numbers, e-mail addresses, IBANs, identifiers and birth dates. In a
guideline most of them belong to the organisation: the data-protection officer with her extension, the
complaints mailbox, the hotline 0800 111 0 111, the donations account in the imprint. Those are reported
as information. Only client data blocks indexing: birth dates, identifiers of a person (RV-Nr., KVNR,
Steuer-ID …), a person's private contact data or account, names in a client context ("Klientin …",
"Hilfeplan für …", "Mutter …", "seine Tochter", "Zi. 12", "aus der 7b", "Rückrufbitte", "Termin verschoben"),
names in a copied chat line or typed in lower case next to such words, and health or other special-category
details next to a person's name.

The decision looks at the words around each finding (its sentence, table row or list item): role words
("Datenschutzbeauftragte", "Leitung", "Ansprechpartnerin") against client words ("Klientin", "geb.",
"wohnhaft", "Sohn"). When neither side is clear, a name is shown as information — a pasted case note
carries more than a bare name, and one blocking finding is enough to stop the document.

Pure functions: the caller passes the text, the guardrail's spans and the special-category detector;
carriers, legal forms and institution head words are the guardrail's own list (``OrganisationWords``).
Findings keep the found value and the words around it for the admin page only; ``repr`` hides both, and
:meth:`ClientDataReport.summary` gives counts that are safe for the audit log.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from . import messages

if TYPE_CHECKING:
    from guardrails.recognizers.institution import InstitutionVocabulary

# How many words either side of a finding the admin sees.
CONTEXT_WORDS = 6
# Cue words are looked for within this many words of a finding, inside its sentence or table row.
CUE_REACH = 12
# A health or other special-category word this close to a named person is a detail about that person.
HEALTH_REACH = 12
# Person guesses below this score are mostly capitalised nouns ("Ambulante Hilfen"); the old check
# used the same floor.
MIN_PERSON_SCORE = 0.75


class Span(Protocol):
    """What the guardrail reports (``guardrails.results.DetectedSpan`` fits)."""

    start: int
    end: int
    entity_type: str
    score: float


class Severity(str, Enum):
    INFO = "info"    # organisational contact data or nothing identifying: shown, does not block
    BLOCK = "block"  # client data: the document is not indexed


@dataclass(frozen=True)
class Finding:
    """One finding with why it was judged so; ``value`` and its surrounding words are for the admin only."""

    entity_type: str
    reason: str           # a key of messages.CURATION_REASONS
    severity: Severity
    value: str = field(repr=False)
    before: str = field(repr=False)
    after: str = field(repr=False)
    # For "health_detail": the special categories (keys of guardrails.messages.SPECIAL_CATEGORY_LABELS).
    categories: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """German text of the reason, for the admin page."""
        return messages.CURATION_REASONS[self.reason]

    @property
    def context(self) -> str:
        """The value with a few words either side, e.g. "… Datenschutzbeauftragte, Frau Dr. [Miriam Hollenbach], Tel. …"."""
        return f"… {self.before} [{self.value}] {self.after} …".replace("  ", " ")


@dataclass(frozen=True)
class ClientDataReport:
    """All findings of a document, most severe first."""

    findings: tuple[Finding, ...]

    @property
    def blocked(self) -> bool:
        return any(f.severity is Severity.BLOCK for f in self.findings)

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.BLOCK)

    @property
    def information(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for finding in self.findings:
            out[finding.reason] = out.get(finding.reason, 0) + 1
        return out

    def summary(self, *, blocking_only: bool = False) -> str:
        """Counts per reason in German, blocking ones first — never a value (safe for the audit log)."""
        parts = [f"{messages.CURATION_REASONS[r]}: {n}" for r, n in sorted(
            self.counts().items(), key=lambda kv: (kv[0] not in BLOCK_REASONS, kv[0]))
            if r in BLOCK_REASONS or not blocking_only]
        return ", ".join(parts)


BLOCK_REASONS = frozenset({"client_name", "birth_date", "identifier", "private_email", "client_phone",
                           "client_address", "client_account", "client_number", "health_detail"})

_IDENTIFIERS = frozenset({"DE_SOCIAL_SECURITY", "DE_HEALTH_INSURANCE", "DE_TAX_ID", "DE_PASSPORT", "DE_ID_CARD",
                          "DE_FUEHRERSCHEIN"})
_NUMBERS_BY_CONTEXT = frozenset({"CASE_NUMBER", "DE_KFZ", "DE_TAX_NUMBER"})
# Not client data of a guideline on their own (dates, places, postcodes, register and practice numbers).
_IGNORED = frozenset({"DATE_TIME", "LOCATION", "DE_PLZ", "DE_HANDELSREGISTER", "DE_VAT_ID", "DE_LANR", "DE_BSNR",
                      "ORGANISATION_TERM"})


def _stem_pattern(stems: Iterable[str]) -> re.Pattern[str]:
    """"^x" matches at the start of a word, "x$" at its end, "x" anywhere ("amt$": Jugendamt, not gesamt)."""
    parts = []
    for stem in stems:
        body = re.escape(stem.strip("^$"))
        parts.append(("^" if stem.startswith("^") else "") + body + ("$" if stem.endswith("$") else ""))
    return re.compile("|".join(f"(?:{p})" for p in parts))


def _has_stem(word: str, stems: Iterable[str]) -> bool:
    return any(stem in word for stem in stems)


# --- cue words (lower case; see _stem_pattern for "^" and "$") --------------------------------------------
# People in a function: roles, units of the organisation, professional titles.
_ROLE = _stem_pattern((
    "ansprech", "beauftragt", "leitung", "leiter", "koordinat", "berater", "referent", "sachbearbeit",
    "sekretariat", "assistenz", "geschäftsführ", "vorstand", "vorsitz", "sprecher", "zuständig", "verantwortlich",
    "redaktion", "herausgeb", "impressum", "v.i.s.d.p", "sozialarbeiter", "sozialpädagog", "psycholog",
    "therapeut", "fachärzt", "arbeitsmedizin", "betriebsarzt", "betriebsärzt", "pfarrer", "seelsorg",
    "gemeindereferent", "^diakon", "rechtsanwalt", "trainer", "fachkraft", "fachkräfte", "fachberat",
    "schulsozialarbeit", "lehrkraft", "klassenleit", "^stellv", "^vertretung", "abteilung", "^personal",
    "buchhaltung", "fundraising", "qualitätsmanagement", "betriebsrat", "mitarbeitervertretung", "personalrat",
    "bezirkssozialarbeit", "durchwahl", "^zentrale", "sprechzeit", "sprechstunde", "öffnungszeit", "hotline",
    "geschäftsstelle", "^dipl", "^ostd$", "^teamleit", "dozent", "moderat", "kursleit", "ombud", "präsident",
    "justiziar", "kontaktperson", "^gez$", "^i.a$", "^i.v$", "kassenprüf", "kassenwart", "schriftführ",
    "^organisation$",
    # staff and their employment ("Kollegin", "Praktikantin", "leitet die Tagesgruppe")
    "kolleg", "mitarbeiter", "praktikant", "auszubildend", "^azubi", "hausmeister", "^leitet$", "ehrenamtlich",
))
_ROLE_WORDS = frozenset({"dr", "prof", "kontakt", "b.a", "m.a", "pdl", "wbl", "gf"})
# Words that put a named person into a client's story. Plural forms ("Klientinnen und Klienten") are left
# out on purpose: guidelines speak of clients in general next to the names of staff.
_CLIENT_WORDS = frozenset({
    "klientin", "klient", "bewohnerin", "bewohner", "patientin", "patient", "betreute", "betreuter", "betreuten",
    "betreuer", "betreuerin", "leistungsberechtigte", "ratsuchende", "antragstellerin", "antragsteller",
    "jugendliche", "jugendlicher", "kind", "kindes", "sohn", "tochter", "mutter", "vater", "kindsmutter",
    "kindsvater", "ehemann", "ehefrau", "lebensgefährte", "lebensgefährtin", "freund", "freundin", "großmutter",
    "großvater", "oma", "opa", "enkel", "enkelin", "bruder", "geschwister", "stiefvater", "stiefmutter",
    "pflegemutter", "pflegevater", "familie", "hausbesuch", "berichtet", "berichtete", "erzählt", "erzählte",
    "äußert", "äußerte", "wirkt", "wirkte", "weint", "weinte", "sagt", "sagte", "möchte", "wünscht",
    "lebt", "wohnt", "zog", "gestürzt", "hämatome", "mietrückstand", "mietschulden", "räumungsklage",
    "schulden", "einkommen", "rente", "pflegegrad", "akte", "fallakte", "fallbesprechung", "fallbeispiel",
    "fallverlauf", "nachtrag", "beobachtung", "kurzprotokoll", "notiz", "anamnese", "vorgeschichte", "sorgerecht",
    "inobhutnahme", "kontoinhaber", "kontoinhaberin", "überweisen", "versicherte",
    "versicherter", "entlassbrief", "behandelt", "stationär", "heute", "gestern", "kam", "war",
    # a person's home and debts ("allein in der Wohnung", "Forderung der Inkasso …, Ratenzahlung")
    "wohnung", "gefährdungsmeldung", "forderung", "inkasso", "ratenzahlung", "pfändung", "mahnbescheid",
    # English words of case files ("Client: …, DOB …")
    "client", "born",
    # relatives in the forms case notes use ("Umgang des Vaters", "die Kindesmutter", "mit ihrer Mama")
    "vaters", "kindesmutter", "kindesvater", "kindesvaters", "mama", "papa", "tante", "onkel", "schwester",
    "schwager", "schwägerin", "cousin", "cousine", "neffe", "nichte", "enkelkind", "ex-partner", "ex-partnerin",
    "ex-mann", "ex-frau", "lebenspartner", "lebenspartnerin",
    # what a client is called in a job centre, a school or a foster family ("Kunde (Herr …)", "Schülerin …")
    "kunde", "kundin", "schüler", "schülerin", "pflegekind", "mündel",
    # someone asking to be called back: a telephone note about a person ("hat angerufen", "Rückrufbitte")
    "anruf", "anrufer", "anruferin", "angerufen", "rückruf", "rückrufbitte", "rückrufwunsch", "zurückrufen",
    "zurückgerufen", "rr",
    # the person's residence status ("Duldung verlängert", "Aufenthaltstitel erhalten")
    "duldung", "aufenthaltstitel", "aufenthaltserlaubnis", "abschiebung", "asylantrag", "asylverfahren",
    # a decision on the person's benefits ("bezieht …", "sanktioniert", "Antrag abgelehnt")
    "bezieht", "bezog", "sanktioniert", "bewilligt", "abgelehnt", "weiterbewilligungsantrag",
    # the person's home at risk ("Miete offen", "Räumung angekündigt", "obdachlos")
    "miete", "räumung", "zwangsräumung", "obdachlos", "wohnungslos",
    # a person's appointment, kept or not ("Termin verschoben", "nicht erschienen", "hat abgesagt")
    "termin", "verschoben", "abgesagt", "erschienen", "versäumt", "verpasst",
    # past participles of the story verbs above ("hat geweint", "hat geäußert")
    "geweint", "geäußert", "gelebt", "gewohnt", "lebte", "wohnte",
})
# A third-person possessive before one of these is someone's own family or room ("ihrer Tochter", "ihre
# Kinder", "mit seiner Ex-Partnerin", "ihr Zimmer"): a named person's private life, not staff in a function.
_POSSESSIVES = frozenset({"sein", "seine", "seiner", "seinem", "seinen", "seines", "ihr", "ihre", "ihrer", "ihrem",
                          "ihren", "ihres"})
# A spouse is left out: chronicles and staff news say it of founders and colleagues ("mit seiner Frau").
_KIN = frozenset({"kind", "kinder", "kindern", "eltern", "familie", "partner", "partnerin", "freund",
                  "freundin", "sohn", "tochter", "töchter", "söhne", "mutter", "vater", "mama", "papa", "schwester",
                  "bruder", "geschwister", "oma", "opa", "großmutter", "großvater", "tante", "onkel", "ex-partner",
                  "ex-partnerin", "ex-mann", "ex-frau", "zimmer", "wohnung"})
# Words whose "für" names the person the matter is about ("BuT-Antrag für …", "Hilfeplan für …").
_MATTER_FOR = ("antrag", "hilfeplan", "förderplan", "teilhabeplan", "bescheid", "stellungnahme", "gutachten")
# Where someone lives in a home: a room number ("Zi. 12 Herr …", "Zimmer 101 – …").
_ROOM = frozenset({"zi", "zimmer", "zimmernr", "zi.-nr"})
# Words that mark a person's data beyond doubt, whatever role words stand nearby.
_STRONG_CLIENT_WORDS = frozenset({"geb", "geboren", "geburtsdatum", "wohnhaft", "diagnose", "diagnosen",
                                  "entlassbrief", "meldeadresse", "dob", "d.o.b"})
# Someone speaking of their own phone or address ("mein Handy ist …", "bin bei meiner Schwester in …",
# "Tel. privat"): guidelines give the organisation's numbers, not the writer's own.
_OWN_WORDS = frozenset({"mein", "meine", "meiner", "meinem", "meinen", "privat", "private", "privatnummer",
                        "privatanschrift", "privatadresse", "handynummer"})
# An age right after a name ("Leonie Albers, 34, …", "Tom (ca. 7 Jahre)", "Mia (4 J.)"): a person described
# as a case; lists of staff give roles, not ages.
_AGE_AFTER_NAME = re.compile(r"\s*(?:,|\()\s*(?:ca\.\s*|etwa\s*)?\d{1,2}\s*(?:Jahre|J\.|jährig\w*)?\s*[,)]")
# A clock time right before or after a name that ends in a colon or dash: the sender of a copied chat or
# messenger line ("[09:14] Sandra K.: …", "Mareike 10:32: …", "Schneider, Laura 09:41").
_CLOCK = r"\[?\d{1,2}:\d{2}(?:\s*(?:Uhr|AM|PM))?\]?"
_SENDER_BEFORE = re.compile(rf"{_CLOCK}\s*$")
_SENDER_AFTER = re.compile(rf"\s*,?\s*{_CLOCK}\s*(?::|–|-|\n|$)")
# The organisation itself: its accounts, seat, register entries, authorities and premises. Carriers,
# national organisations, legal forms and institution head words come from the guardrail's institution
# list instead (see OrganisationWords).
_ORGANISATION = _stem_pattern((
    "spendenkonto", "bankverbindung", "kontoverbindung", "verwendungszweck", "^spende", "mitgliedsbeitr",
    "^verband", "verband$", "werk$", "geschäftsstelle", "postanschrift", "^sitz$", "stelle$", "amt$", "behörde",
    "rathaus", "einrichtung", "^träger", "registergericht", "amtsgericht", "steuernummer", "impressum", "^bic$",
    "sparkasse", "bank$", "fuhrpark", "dienstwagen", "fahrzeug", "kennzeichen", "barrierefrei", "straßenbahn",
    "^raum$", "^kreis", "kreis$", "^stadt", "^landes", "^bundes", "dienst$", "diakoni", "parität",
    # premises: "Gemeindehaus", "Stadtteilzentrum", "Teambüro" (the list's weak heads only count whole)
    "haus$", "zentrum$", "^büro", "büro$", "gemeinde",
))


@dataclass(frozen=True)
class OrganisationWords:
    """The organisation's world as the guardrail's institution list (``guardrails/data/institution_words.tsv``)
    knows it: carriers, national organisations and legal forms as whole words ("awo", "caritas", "e.v",
    "ggmbh"), head words as whole words or compound endings ("kita", "grundschule", "ergotherapiepraxis").
    One list for the recognizer that masks institutions and for this check."""

    whole: frozenset[str]
    endings: tuple[str, ...]

    @classmethod
    def from_vocabulary(cls, vocabulary: InstitutionVocabulary) -> "OrganisationWords":
        whole = {word.lower().replace(" ", "").rstrip(".") for word in
                 vocabulary.carriers | vocabulary.national | vocabulary.weak_heads | set(vocabulary.legal_forms)
                 if " " not in word.strip() or word.replace(" ", "").lower() in ("e.v.", "e.v")}
        heads = {h.lower() for h in vocabulary.heads}
        # As the recognizer does: only heads that are no everyday words end a compound ("Jugendwerkstatt").
        return cls(frozenset(whole | heads), tuple(sorted(h for h in heads if len(h) >= 4)))

    @classmethod
    def load(cls) -> "OrganisationWords":
        """The shipped list. Imported here, not at the top: the recognizers' package brings Presidio, which
        `safegpt kb list` must not load (tests/test_light_imports.py); a check loads the guardrail anyway."""
        from guardrails.recognizers.institution import InstitutionVocabulary

        return cls.from_vocabulary(InstitutionVocabulary.load())

    def __contains__(self, word: str) -> bool:
        return any(part in self.whole or part.endswith(self.endings) for part in (word, *word.split("-")) if part)


# Telephones of a function: "Diensthandy", "Orga-Handy", "Notfallhandy", "Rufbereitschaft".
_DUTY = _stem_pattern(("bereitschaft", "notdienst", "notfall", "notruf", "hotline", "dienst$", "^dienst"))
_SALUTATIONS = frozenset({"geehrte", "geehrter", "liebe", "lieber", "hallo"})
_PLACEHOLDER_WORDS = ("fiktiv", "erfunden", "platzhalter", "musterfall")
_PLACEHOLDER_NAMES = ("muster", "beispiel", "mustermann", "musterfrau", "musterperson", "doe")
# Whole surnames of the standard examples (a birth date or number next to one is the example's).
_PLACEHOLDER_SURNAMES = frozenset({"mustermann", "mustermanns", "musterfrau", "musterperson", "doe"})
_FREEMAIL = frozenset({
    "web.de", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmail.com", "googlemail.com", "t-online.de", "yahoo.de",
    "yahoo.com", "outlook.de", "outlook.com", "hotmail.de", "hotmail.com", "live.de", "live.com", "freenet.de",
    "posteo.de", "mail.de", "icloud.com", "me.com", "aol.com", "aol.de", "arcor.de", "online.de", "bluewin.ch",
    "protonmail.com", "proton.me", "email.de", "vodafone.de", "ymail.com",
})
_FUNCTION_MAILBOX = (
    "info", "kontakt", "datenschutz", "poststelle", "post", "beschwerde", "personal", "verwaltung", "sekretariat",
    "service", "support", "hotline", "it", "buero", "büro", "office", "team", "presse", "spenden", "fundraising",
    "ehrenamt", "fortbildung", "bewerbung", "jobs", "karriere", "termin", "anmeldung", "leitung", "gf", "qm",
    "pdl", "kita", "beratung", "kinderschutz", "asd", "jugendamt", "noreply", "no-reply", "mail", "zentrale",
    "empfang", "abrechnung", "buchhaltung", "rechnung", "einkauf", "fuhrpark", "betriebsrat", "mav",
    "arbeitssicherheit", "hygiene", "ombud", "vorstand", "assistenz", "sozialdienst", "pflege", "heim",
    "wohngruppe", "schuldnerberatung", "erziehungsberatung", "stelle", "amt", "infektionsschutz", "redaktion",
    "webmaster", "admin", "verein", "koordination", "sprechstunde",
)

_WORD = re.compile(r"[^\W\d_][\w.\-]*|\d[\d.\-/]*", re.UNICODE)
# Sentence ends, but not after abbreviations, initials or ordinal dates ("Dr. Vogt", "Herr K. kam", "12.03. war").
_ABBREVIATIONS = frozenset({"dr", "prof", "tel", "nr", "geb", "str", "dipl", "med", "ca", "bzw", "vgl", "ggf", "z",
                            "b", "st", "abs", "az", "mo", "di", "mi", "do", "fr", "sa", "so", "jan", "feb", "mär",
                            "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "hr", "fr", "u", "o",
                            "inkl", "evtl", "jg", "ostd", "stv", "stellv", "verw", "allg", "i", "e", "v", "zi",
                            # written as one word by _WORD: "e.V., Kirchplatz 3" is the association's address
                            "e.v", "z.b", "u.a", "d.h", "s.o", "s.u", "i.a", "i.v", "v.i.s.d.p", "o.g", "u.u"})


@dataclass(frozen=True)
class _Word:
    text: str   # lower case, trailing dots stripped
    start: int
    end: int
    segment: int


def _words(text: str) -> list[_Word]:
    """Words with the number of the sentence, line or table row they belong to."""
    out: list[_Word] = []
    segment = 0
    last_end = 0
    for match in _WORD.finditer(text):
        gap = text[last_end:match.start()]
        # A table row is one line and stays one segment: its cells belong together ("Name | geb. … | …").
        if out and ("\n" in gap or "•" in gap or "·" in gap or _ends_sentence(out[-1], text)):
            segment += 1
        raw = match.group(0)
        out.append(_Word(raw.lower().rstrip(".-"), match.start(), match.end(), segment))
        last_end = match.end()
    return out


def _table_headers(text: str, words: list[_Word]) -> dict[int, int]:
    """Segment of each table row -> segment of its table's first row (a pipe table as the parser writes it,
    one row a line): "Woche | Bereitschaft | Ersatznummer" names what every row below it holds."""
    headers: dict[int, int] = {}
    line_start = 0
    header: int | None = None
    by_start = {w.start: w.segment for w in words}
    starts = sorted(by_start)
    for line in text.split("\n"):
        line_end = line_start + len(line)
        index = bisect.bisect_left(starts, line_start)
        segment = by_start[starts[index]] if index < len(starts) and starts[index] < line_end else None
        if "|" in line and segment is not None:
            if header is None:
                header = segment
            elif segment != header:
                headers[segment] = header
        else:
            header = None
        line_start = line_end + 1
    return headers


def _ends_sentence(word: _Word, text: str) -> bool:
    raw = text[word.start:word.end]
    if not raw.endswith(".") and not (word.end < len(text) and text[word.end] in ".!?"):
        return False
    if raw.endswith(".") and (word.text in _ABBREVIATIONS or len(word.text) == 1 or word.text[:1].isdigit()):
        return False
    return True


def _client_marks(text: str, words: list[_Word]) -> frozenset[int]:
    """Word numbers that put a person nearby into a client's story by what stands next to them: a possessive
    before a family word ("ihrer Tochter", "ihr Zimmer"), "für" after an application or plan ("BuT-Antrag für"),
    a room number ("Zi. 12", "Zimmer 101") and a school class ("aus der 7b", "Klasse 3a")."""
    marks: set[int] = set()
    for number, word in enumerate(words):
        before = words[number - 1] if number else None
        after = words[number + 1] if number + 1 < len(words) else None
        if word.text in _KIN and before is not None and before.text in _POSSESSIVES and before.segment == word.segment:
            marks.add(number)
        elif word.text == "für" and before is not None and before.text.endswith(_MATTER_FOR):
            marks.add(number)
        elif word.text in _ROOM and after is not None and after.text[:1].isdigit() and after.segment == word.segment:
            marks.add(number)
        elif word.text[:1].isdigit() and _school_class(text, words, number):
            marks.add(number)
    return frozenset(marks)


def _school_class(text: str, words: list[_Word], number: int) -> bool:
    """"7b", "(9c)", "Klasse 3a": a number of one or two digits with a class letter written onto it — not a
    legal paragraph ("§ 8a"), a room ("Raum 2b") or a list number."""
    word = words[number]
    after = words[number + 1] if number + 1 < len(words) else None
    before = words[number - 1] if number else None
    if before is not None and before.text == "klasse" and len(word.text) <= 2:
        return True
    if not (len(word.text) <= 2 and word.text.isdigit() and after is not None and after.start == word.end
            and re.fullmatch(r"[a-h]", after.text)):
        return False
    if "§" in text[max(0, word.start - 3):word.start] or (after.end < len(text) and text[after.end].isalnum()):
        return False
    return before is None or before.text not in ("abs", "art", "nr", "ziff", "anlage", "raum", "haus", "zimmer",
                                                  "zi", "gebäude", "etage", "stock", "tür", "buchst", "satz")


class _Document:
    """One text with its words, for looking up cue words around a finding."""

    def __init__(self, text: str, organisation_words: OrganisationWords | None = None) -> None:
        self.text = text
        self.words = _words(text)
        self._starts = [w.start for w in self.words]
        self._organisation_words = organisation_words or OrganisationWords(frozenset(), ())
        self._headers = _table_headers(text, self.words)
        self.client_marks = _client_marks(text, self.words)

    def organisation(self, word: str) -> bool:
        """A word of the organisation's world: accounts, seat, premises, carriers, institutions."""
        return _ORGANISATION.search(word) is not None or word in self._organisation_words

    def index(self, start: int, end: int) -> tuple[int, int]:
        """Word numbers covered by the characters ``start``..``end`` (at least one word)."""
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        if self.words and self.words[first].end <= start and first + 1 < len(self.words):
            first += 1
        last = first
        while last + 1 < len(self.words) and self.words[last + 1].start < end:
            last += 1
        return first, last

    def nearest(self, first: int, last: int, matches: Callable[[str], bool], reach: int = CUE_REACH,
                segments: int = 0, marks: frozenset[int] = frozenset()) -> int | None:
        """Distance in words to the nearest word (outside the finding) for which ``matches`` is true or whose
        number is in ``marks``, within ``reach`` words and the finding's own segment (± ``segments``). In a
        table row without such a word, a match in the table's header row counts as ``reach`` away (it loses
        to any cue in the row itself)."""
        if not self.words:
            return None
        segment = self.words[first].segment
        best: int | None = None
        for number in range(max(0, first - reach), min(len(self.words), last + reach + 1)):
            if first <= number <= last:
                continue
            word = self.words[number]
            if abs(word.segment - segment) > segments or not (matches(word.text) or number in marks):
                continue
            distance = first - number if number < first else number - last
            best = distance if best is None else min(best, distance)
        header = self._headers.get(segment)
        if best is None and header is not None and any(
                matches(w.text) for w in self.words if w.segment == header):
            best = reach
        return best

    def segment_text(self, number: int) -> str:
        words = [w for w in self.words if w.segment == number]
        return self.text[words[0].start:words[-1].end] if words else ""

    def context(self, start: int, end: int) -> tuple[str, str]:
        first, last = self.index(start, end)
        before = self.words[max(0, first - CONTEXT_WORDS):first]
        after = self.words[last + 1:last + 1 + CONTEXT_WORDS]
        squash = lambda s: " ".join(s.split())  # noqa: E731 - table bars and line breaks become spaces
        return (squash(self.text[before[0].start:start]) if before else squash(self.text[max(0, start - 40):start]),
                squash(self.text[end:after[-1].end]) if after else squash(self.text[end:end + 40]))


def _role(word: str) -> bool:
    # "Schulbegleitung", "Begleitung zum Amt": an accompaniment someone receives, not a "Leitung".
    if word.endswith("begleitung"):
        return False
    return word in _ROLE_WORDS or _ROLE.search(word) is not None


def _client(word: str) -> bool:
    # any kind of note about someone: "Aktennotiz", "Gesprächsnotiz", "Tel.-Notiz"
    return word in _CLIENT_WORDS or word in _STRONG_CLIENT_WORDS or word.endswith("notiz")


def _strong_client(word: str) -> bool:
    return word in _STRONG_CLIENT_WORDS


def _duty(word: str) -> bool:
    # A compound ending in "handy" names the phone's function; a bare "Handy" is someone's own.
    return _DUTY.search(word) is not None or (word.endswith("handy") and len(word) > 5) or _role(word)


def _placeholder_word(word: str) -> bool:
    return _has_stem(word, _PLACEHOLDER_WORDS)


def classify_findings(text: str, spans: Sequence[Span], special_categories: Callable[[str], tuple[str, ...]],
                      *, ignore_types: Iterable[str] = (), min_person_score: float = MIN_PERSON_SCORE,
                      organisation_words: OrganisationWords | None = None) -> list[Finding]:
    """Judge every span of ``text``: organisational (information) or client data (blocks).

    ``special_categories`` returns the Art. 9 categories a text touches (the guardrail's detector); it is
    asked for the words around each named person, and a health or other special detail blocks only there.
    ``ignore_types``: entity types to leave out entirely (besides dates, places and register numbers);
    ``min_person_score``: weaker person guesses are dropped; ``organisation_words``: carriers and
    institution words (default: the guardrail's list, :meth:`OrganisationWords.load`).
    """
    doc = _Document(text, organisation_words or OrganisationWords.load())
    ignored = _IGNORED | frozenset(ignore_types)
    judged: list[tuple[Span, str, Severity]] = []
    kept = [span for span in sorted(spans, key=lambda s: s.start) if not (
        span.entity_type in ignored or (span.entity_type == "PERSON" and span.score < min_person_score
                                        and not _typed_lower(text[span.start:span.end])))]
    for span in kept:
        verdict = _judge(doc, span)
        if verdict is not None:
            judged.append((span, *verdict))
    judged = _names_in_chat_messages(doc, judged)
    judged = _same_name_elsewhere(doc, judged)
    judged = _addresses_of_named_people(doc, judged)
    findings = [_finding(doc, span, reason, severity) for span, reason, severity in judged]
    findings.extend(_special_details(doc, judged, special_categories))
    return findings


def _typed_lower(value: str) -> bool:
    """A name typed in lower case ("mehmet war gestern …", "bei olena"): the guardrail gives it only a weak
    score, yet guidelines write the names of staff with capitals — lower-case names come from chats and
    messages. It is judged by the words around it like any name (a bare one stays information)."""
    return len(value) >= 3 and value.islower() and value.isalpha()


def _judge(doc: _Document, span: Span) -> tuple[str, Severity] | None:
    kind = span.entity_type
    value = doc.text[span.start:span.end]
    first, last = doc.index(span.start, span.end)
    placeholder = _is_placeholder(doc, first, last, value, own_sentence=kind != "PERSON")
    if kind == "PERSON":
        if len(value.replace(".", "").strip()) < 2:
            return None  # a guess, or an initial ("Herr M."), which already is a pseudonym
        if placeholder:
            return "placeholder", Severity.INFO
        if first > 0 and doc.words[first - 1].text in ("st", "sankt"):
            return "institution_name", Severity.INFO  # "Tagungshaus St. Lioba", "St. Josef"
        if doc.nearest(first, last, lambda w: w in _SALUTATIONS, reach=2) is not None and \
                doc.nearest(first, last, _role, reach=2) is None:
            return "client_name", Severity.BLOCK  # the addressee of a letter ("Sehr geehrte Frau Beutel, …")
        if _AGE_AFTER_NAME.match(doc.text, span.end) and doc.nearest(first, last, _role, reach=3) is None:
            return "client_name", Severity.BLOCK
        return _by_cues(doc, first, last, "client_name", "contact_person", "name_unclear")
    if kind == "DATE_OF_BIRTH":
        if placeholder:
            return "placeholder", Severity.INFO
        if re.fullmatch(r"\s*(19|20)\d\d\s*", value) and doc.nearest(first, last, _client) is None:
            return "birth_year_general", Severity.INFO  # "ab Jahrgang 1960 gilt …": no person
        return "birth_date", Severity.BLOCK
    if kind in _IDENTIFIERS:
        return ("placeholder", Severity.INFO) if placeholder else ("identifier", Severity.BLOCK)
    if kind == "INSTITUTION":
        # "Kita Regenbogenland", "Förderverein … e.V.": the organisation's own world. Where a client lives or
        # works is client data only together with the client, whose name or record blocks on its own.
        return "institution_name", Severity.INFO
    if kind == "EMAIL_ADDRESS":
        return _judge_email(doc, first, last, value)
    if kind == "PHONE_NUMBER":
        return _judge_phone(doc, first, last, value)
    if kind == "IBAN_CODE":
        if placeholder:
            return "placeholder", Severity.INFO
        organisation = doc.nearest(first, last, doc.organisation, reach=CUE_REACH, segments=1)
        client = doc.nearest(first, last, _client, segments=1)
        if client is not None and (organisation is None or client < organisation):
            return "client_account", Severity.BLOCK
        if organisation is not None:
            return "organisation_account", Severity.INFO
        return "client_account", Severity.BLOCK  # an account without the organisation's name is a person's
    if kind == "ADDRESS":
        if _own(doc, first, last):
            return "client_address", Severity.BLOCK
        return _by_cues(doc, first, last, "client_address", "organisation_address", "address_unclear",
                        info_cue=lambda w: doc.organisation(w) or _role(w))
    if kind in _NUMBERS_BY_CONTEXT:
        return _by_cues(doc, first, last, "client_number", "organisation_number", "organisation_number",
                        info_cue=lambda w: doc.organisation(w) or _role(w))
    return _by_cues(doc, first, last, "client_number", "organisation_number", "name_unclear")


def _by_cues(doc: _Document, first: int, last: int, client_reason: str, role_reason: str, unclear_reason: str,
             info_cue: Callable[[str], bool] = _role) -> tuple[str, Severity]:
    if doc.nearest(first, last, _strong_client, reach=4) is not None:
        return client_reason, Severity.BLOCK
    client = doc.nearest(first, last, _client, marks=doc.client_marks)
    role = doc.nearest(first, last, info_cue)
    if client is not None and (role is None or client < role):
        return client_reason, Severity.BLOCK
    if role is not None:
        return role_reason, Severity.INFO
    return unclear_reason, Severity.INFO


def _own(doc: _Document, first: int, last: int) -> bool:
    """"mein Handy ist …", "bei meiner Schwester in …": an own-word within a few words of the finding, with
    no word of a function or of the organisation in between ("mein Diensthandy: …", "mein Büro in der …")."""
    segment = doc.words[first].segment
    for number in [*range(first - 1, max(-1, first - 7), -1), *range(last + 1, min(len(doc.words), last + 7))]:
        word = doc.words[number]
        if word.segment != segment:
            continue
        if word.text in _OWN_WORDS:
            between = doc.words[number + 1:first] if number < first else doc.words[last + 1:number]
            if not any(_duty(w.text) or doc.organisation(w.text) for w in between):
                return True
    return False


def _function_word(part: str) -> bool:
    """"datenschutz", "it-service", "beschwerdestelle" — but not the "it" inside "witczak"."""
    return any(part == word or (len(word) >= 5 and (part.startswith(word) or part.endswith(word)))
               for word in _FUNCTION_MAILBOX)


def _judge_email(doc: _Document, first: int, last: int, value: str) -> tuple[str, Severity]:
    local, _, domain = value.lower().partition("@")
    parts = [p for p in re.split(r"[._\-+]", local) if p]
    if any(_function_word(p) for p in parts):
        return "function_mailbox", Severity.INFO
    if domain in _FREEMAIL:
        return "private_email", Severity.BLOCK  # a person's own mailbox at a free-mail provider
    reason, severity = _by_cues(doc, first, last, "private_email", "staff_email", "staff_email")
    return reason, severity


def _judge_phone(doc: _Document, first: int, last: int, value: str) -> tuple[str, Severity]:
    digits = re.sub(r"\D", "", value.replace("+49", "0"))
    if digits.startswith("0049"):
        digits = "0" + digits[4:]
    if digits.startswith(("0800", "0180", "0137", "0900", "116")) or digits in {"110", "112", "115", "19222"}:
        return "service_number", Severity.INFO
    if doc.nearest(first, last, _strong_client, reach=6) is not None:
        return "client_phone", Severity.BLOCK
    extension = re.search(r"[-–]\s?\d{1,4}\s*$", value) is not None
    if extension or doc.nearest(first, last, lambda w: "durchwahl" in w or "zentrale" in w, reach=3) is not None:
        return "office_number", Severity.INFO  # also "meine Durchwahl -219" in a colleague's e-mail
    if _own(doc, first, last):
        return "client_phone", Severity.BLOCK
    client = doc.nearest(first, last, _client, marks=doc.client_marks)
    duty = doc.nearest(first, last, lambda w: _duty(w) or doc.organisation(w))
    if client is not None and (duty is None or client < duty):
        return "client_phone", Severity.BLOCK
    if duty is not None:
        return "office_number", Severity.INFO
    if digits.startswith(("015", "016", "017")):
        return "client_phone", Severity.BLOCK  # a mobile number with nothing that makes it a service line
    return "phone_unclear", Severity.INFO


def _is_placeholder(doc: _Document, first: int, last: int, value: str, *, own_sentence: bool = False) -> bool:
    """A placeholder name ("Max Mustermann"), or a value next to "erfunden"/"fiktiv". ``own_sentence``: the
    statement must stand in the value's own sentence (identifiers, birth dates, accounts — an invented
    example rarely has valid check digits, a pasted record next to an example does)."""
    lowered = value.lower()
    if any(name in lowered for name in _PLACEHOLDER_NAMES):
        return True
    if own_sentence:
        # "Ich, Max Mustermann, geb. 01.01.1980, …": a value next to a placeholder name is the example's too.
        return doc.nearest(first, last, _placeholder_word, reach=15) is not None or \
            doc.nearest(first, last, lambda w: w in _PLACEHOLDER_SURNAMES, reach=6) is not None
    # "Alle Angaben sind erfunden." in the sentence or the rows just before or after the finding — unless
    # the finding's own sentence carries a mark of a real person's record ("Diagnose", "geb."), which a
    # note pasted next to an invented example would.
    if doc.nearest(first, last, _strong_client, reach=8) is not None:
        return False
    if doc.nearest(first, last, _placeholder_word, reach=25, segments=2) is not None:
        return True
    # "Frau Demir (Name geändert)": the usual mark of a pseudonymised case vignette, right at the name.
    for number in range(max(0, first - 3), min(len(doc.words) - 1, last + 4)):
        if doc.words[number].text in ("name", "namen", "namens") and \
                doc.words[number + 1].text in ("geändert", "verändert", "anonymisiert"):
            return True
    return False


def _names_in_chat_messages(doc: _Document,
                            judged: list[tuple[Span, str, Severity]]) -> list[tuple[Span, str, Severity]]:
    """A name without cues in a copied chat line — after a sender with a clock time ("Mareike 10:32: Tran Van
    Minh hat …") — is someone the team talks about: a client. The senders themselves stay as they are."""
    senders = [(span, number) for number, (span, _, _) in enumerate(judged) if span.entity_type == "PERSON" and (
        _SENDER_BEFORE.search(doc.text[max(0, span.start - 12):span.start]) and
        doc.text[span.end:span.end + 2].lstrip()[:1] == ":" or _SENDER_AFTER.match(doc.text, span.end))]
    if not senders:
        return judged
    out = list(judged)
    sender_numbers = {number for _, number in senders}
    for number, (span, reason, severity) in enumerate(out):
        if number in sender_numbers or reason != "name_unclear" or span.entity_type != "PERSON":
            continue
        # the same line (the parser may join a paragraph's lines, so: no blank line in between)
        if any(sender.end <= span.start and "\n" not in doc.text[sender.end:span.start] for sender, _ in senders):
            out[number] = (span, "client_name", Severity.BLOCK)
    return out


def _same_name_elsewhere(doc: _Document, judged: list[tuple[Span, str, Severity]]) -> list[tuple[Span, str, Severity]]:
    """A name without cues that the document names elsewhere in a role ("Redaktion: Lea Sandmann") is staff."""
    role_names = {part.lower() for span, reason, _ in judged if reason == "contact_person"
                  for part in doc.text[span.start:span.end].split() if len(part) > 2}
    out = []
    for span, reason, severity in judged:
        if reason == "name_unclear" and role_names & {p.lower() for p in doc.text[span.start:span.end].split()}:
            reason = "contact_person"
        out.append((span, reason, severity))
    return out


def _addresses_of_named_people(doc: _Document,
                               judged: list[tuple[Span, str, Severity]]) -> list[tuple[Span, str, Severity]]:
    """A street address right after the name of someone who is not staff is where that person lives
    ("Frau Pelin Aksoy: Lindenweg 4, …"); an office address has the organisation's name in between."""
    out = list(judged)
    for number, (span, reason, severity) in enumerate(out):
        if span.entity_type != "ADDRESS" or severity is Severity.BLOCK or reason == "organisation_address":
            continue
        first, _ = doc.index(span.start, span.end)
        for other in range(number - 1, -1, -1):
            person, person_reason, _ = out[other]
            if person.entity_type != "PERSON":
                continue
            person_last = doc.index(person.start, person.end)[1]
            if person_reason in ("name_unclear", "client_name") and 0 < first - person_last <= 3:
                out[number] = (span, "client_address", Severity.BLOCK)
                out[other] = (person, "client_name", Severity.BLOCK)
            break
    return out


def _special_details(doc: _Document, judged: list[tuple[Span, str, Severity]],
                     special_categories: Callable[[str], tuple[str, ...]]) -> list[Finding]:
    """Health (or other Art. 9) details within a few words of a named person. Only a role word right next
    to the name ("Betriebsärztin Dr. Vogt", "Anja Kowalczyk, Datenschutzbeauftragte") makes it staff: a
    role word further off may belong to a table row the chunker ran into the next paragraph."""
    out: list[Finding] = []
    for span, reason, _ in judged:
        if span.entity_type != "PERSON" or reason not in ("client_name", "name_unclear", "contact_person"):
            continue
        first, last = doc.index(span.start, span.end)
        if doc.nearest(first, last, _role, reach=2) is not None:
            continue
        segment = doc.words[first].segment
        window = [w for w in doc.words[max(0, first - HEALTH_REACH):last + HEALTH_REACH + 1] if w.segment == segment]
        categories = special_categories(doc.text[window[0].start:window[-1].end]) if window else ()
        if categories:
            before, after = doc.context(span.start, span.end)
            out.append(Finding("SPECIAL_CATEGORY", "health_detail", Severity.BLOCK,
                               " ".join(doc.text[span.start:span.end].split()), before, after, tuple(categories)))
    return out


def _finding(doc: _Document, span: Span, reason: str, severity: Severity) -> Finding:
    before, after = doc.context(span.start, span.end)
    return Finding(span.entity_type, reason, severity, " ".join(doc.text[span.start:span.end].split()), before, after)


@dataclass(frozen=True)
class _ShiftedSpan:
    start: int
    end: int
    entity_type: str
    score: float


# A line counts as typed in lower case when at least this share of its words are (German capitalises
# every noun: an ordinary sentence has a third or more capitalised words), and it has a few words.
_LOWER_LINE_SHARE = 0.8
_LOWER_LINE_MIN_WORDS = 5


def _detect_with_lower_case_lines(text: str, detect: Callable[[str], Sequence[Span]]) -> list[Span]:
    """The guardrail's spans of ``text``, plus those of each sentence or line typed in lower case read on its
    own. The guardrail reads lower-case names ("bei olena", "mehmet war …") only in a text typed in lower
    case throughout; a chat message pasted into a guideline is such a text inside one that is not (the
    parser joins a paragraph's lines, so the messages of a chat are found by their sentence ends)."""
    spans: list[Span] = list(detect(text))
    for piece in re.finditer(r"[^\n.!?]+[.!?]*", text):
        words = re.findall(r"[^\W\d_]+", piece.group(0))
        if len(words) < _LOWER_LINE_MIN_WORDS or sum(w.islower() for w in words) < _LOWER_LINE_SHARE * len(words):
            continue
        for span in detect(piece.group(0)):
            start, end = piece.start() + span.start, piece.start() + span.end
            if not any(s.start < end and start < s.end for s in spans):
                spans.append(_ShiftedSpan(start, end, span.entity_type, span.score))
    return spans


def check_texts(texts: Iterable[str], detect: Callable[[str], Sequence[Span]],
                special_categories: Callable[[str], tuple[str, ...]], *, ignore_types: Iterable[str] = (),
                min_person_score: float = MIN_PERSON_SCORE,
                organisation_words: OrganisationWords | None = None) -> ClientDataReport:
    """Check the chunk texts of one document. Chunks overlap, so a value is reported once; where the same
    value was judged differently in two places, the more severe judgement is kept."""
    best: dict[tuple[str, str], Finding] = {}
    ignore_types = tuple(ignore_types)
    organisation_words = organisation_words or OrganisationWords.load()
    for text in texts:
        for finding in classify_findings(text, _detect_with_lower_case_lines(text, detect), special_categories,
                                         ignore_types=ignore_types,
                                         min_person_score=min_person_score, organisation_words=organisation_words):
            key = (finding.entity_type, finding.value.casefold())
            kept = best.get(key)
            if kept is None or (kept.severity is Severity.INFO and finding.severity is Severity.BLOCK):
                best[key] = finding
    ordered = sorted(best.values(), key=lambda f: (f.severity is not Severity.BLOCK, f.reason))
    return ClientDataReport(tuple(ordered))
