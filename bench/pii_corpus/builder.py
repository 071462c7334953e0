"""Fill the templates with generated values and record gold spans (deterministic, seeded)."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from . import identifiers as ids
from . import templates as T
from .names import (
    AREA_CODES,
    KFZ_CODES,
    MOBILE_PREFIXES,
    WORD_SURNAMES,
    Person,
    draw_person,
    german_places,
)

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]  # fmt: skip


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str  # one of the benchmark labels (see LABELS in bench/pii_corpus/__init__.py)
    source: str = ""  # name source ("de", "tr", "sy", "double:de+tr", "word") or value format


@dataclass(frozen=True)
class Sample:
    id: str
    text: str = field(repr=False)
    spans: tuple[GoldSpan, ...]
    domain: str
    kind: str  # case_note | chat | chat_lower | email | no_pii | word_noun
    tags: tuple[str, ...] = ()


Segment = tuple[str, str | None, str]  # (text, label or None, source)


# --- value generators --------------------------------------------------------------------------


def _date(rng: random.Random, y0: int, y1: int) -> tuple[int, int, int]:
    return rng.randint(1, 28), rng.randint(1, 12), rng.randint(y0, y1)


def fmt_date(rng: random.Random, d: int, m: int, y: int, *, short_ok: bool = True) -> tuple[str, str]:
    styles = ["dd.mm.yyyy", "d.m.yyyy", "d. Monat yyyy", "dd.mm.yy"] if short_ok else [
        "dd.mm.yyyy", "d.m.yyyy", "d. Monat yyyy"]
    style = rng.choice(styles)
    if style == "dd.mm.yyyy":
        return f"{d:02d}.{m:02d}.{y}", style
    if style == "d.m.yyyy":
        return f"{d}.{m}.{y}", style
    if style == "d. Monat yyyy":
        return f"{d}. {MONTHS[m - 1]} {y}", style
    return f"{d:02d}.{m:02d}.{y % 100:02d}", style


def gen_dob(rng: random.Random) -> tuple[str, str]:
    return fmt_date(rng, *_date(rng, 1932, 2021))


def gen_date(rng: random.Random) -> tuple[str, str]:
    d, m, y = _date(rng, 2019, 2026)
    if rng.random() < 0.15:
        return f"{d}. {MONTHS[m - 1]}", "d. Monat"
    return fmt_date(rng, d, m, y)


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def gen_landline(rng: random.Random) -> tuple[str, str]:
    area = rng.choice(AREA_CODES)
    n = _digits(rng, 9 - len(area) + 1 if len(area) > 4 else rng.randint(6, 8))
    style = rng.choice(["slash", "slash_ext", "paren_pairs", "space", "intl", "intl_0", "dash"])
    if style == "slash":
        return f"{area}/{n}", style
    if style == "slash_ext":
        return f"{area}/{n[:5]}-{rng.choice(['0', '0', '12', '231'])}", style
    if style == "paren_pairs":
        six = n[:6].ljust(6, "0")
        return f"({area}) {six[:2]} {six[2:4]} {six[4:]}", style
    if style == "space":
        return f"{area} {n}", style
    if style == "intl":
        return f"+49 {area[1:]} {n}", style
    if style == "intl_0":
        return f"+49 (0){area[1:]} {n}", style
    return f"{area}-{n}", style


def gen_mobile(rng: random.Random) -> tuple[str, str]:
    pre = rng.choice(MOBILE_PREFIXES)
    n = _digits(rng, rng.choice([7, 8]))
    style = rng.choice(["intl", "slash", "space", "plain", "intl_compact", "0049"])
    if style == "intl":
        return f"+49 {pre[1:]} {n}", style
    if style == "slash":
        return f"{pre}/{n}", style
    if style == "space":
        return f"{pre} {n[:3]} {n[3:]}", style
    if style == "plain":
        return f"{pre}{n}", style
    if style == "intl_compact":
        return f"+49{pre[1:]}{n}", style
    return f"0049 {pre[1:]} {n}", style


_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ş": "s", "ğ": "g",
                       "ç": "c", "ł": "l", "ț": "t", "ș": "s", "ă": "a", "ê": "e", "î": "i",
                       "û": "u", "ć": "c", "č": "c", "š": "s", "ž": "z", "đ": "d", "ń": "n",
                       "ś": "s", "ź": "z", "ż": "z", "ó": "o", "ą": "a", "ę": "e", " ": ""})  # fmt: skip
FREEMAIL = ["web.de", "gmx.de", "gmx.net", "t-online.de", "gmail.com", "posteo.de", "outlook.de",
            "yahoo.de", "freenet.de", "icloud.com", "hotmail.de", "mail.de"]  # fmt: skip
ORG_DOMAINS = ["caritas-musterstadt.de", "awo-ruhrgebiet.de", "diakonie-nordheide.de",
               "lebenshilfe-lippe.de", "jugendhilfe-sued.de", "drk-kv-emsland.de",
               "skf-bezirk.de", "paritaet-beispiel.org", "stadt-musterhausen.de", "vb-sozial.de"]  # fmt: skip


def ascii_fold(s: str) -> str:
    s = s.lower().translate(_FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch.isascii() and (ch.isalnum() or ch in "-."))


def gen_email(rng: random.Random, p: Person, org: bool) -> tuple[str, str]:
    f, la = ascii_fold(p.first.split("-")[0]), ascii_fold(p.last.split("-")[0])
    if org:
        local = rng.choice([f"{f}.{la}", f"{f[0]}.{la}", f"{la}"])
        return f"{local}@{rng.choice(ORG_DOMAINS)}", "org"
    local = rng.choice([f"{f}.{la}", f"{f}{la}{rng.randint(1, 99)}", f"{f[0]}{la}", f"{la}.{f}",
                        f"{f}_{rng.randint(70, 2010)}", f"{f}-{la}"])
    return f"{local}@{rng.choice(FREEMAIL)}", "freemail"


_IN_DER = ("straße", "gasse", "allee", "chaussee", "promenade")


def gen_address(rng: random.Random, with_town: bool = True) -> tuple[str, str]:
    streets, cities = german_places()
    if with_town:
        street = rng.choice(streets)
    else:  # used after "in der": feminine street names only
        street = rng.choice([s for s in streets if s.lower().endswith(_IN_DER)])
    no = str(rng.randint(1, 180)) + (rng.choice(["a", "b", " a"]) if rng.random() < 0.15 else "")
    if not with_town:
        return f"{street} {no}", "street"
    plz = f"{rng.randint(1067, 99998):05d}"
    sep = rng.choice([", ", ", ", " in "])
    return f"{street} {no}{sep}{plz} {rng.choice(cities)}", "street_plz_town"


def gen_case(rng: random.Random, styles: tuple[str, ...] = ("amt", "gericht", "akte")) -> tuple[str, str]:
    y = rng.randint(2015, 2026)
    style = rng.choice(styles)
    if style == "amt":
        return f"{rng.randint(10, 99)}.{rng.randint(1, 9)}-{y}/{rng.randint(1, 9999):04d}", style
    if style == "gericht":
        return f"{rng.randint(1, 499)} F {rng.randint(1, 999)}/{y % 100:02d}", style
    if style == "fall":
        return f"{y}-{rng.randint(10000, 99999)}", style
    if style == "kd":
        return f"{rng.randint(100000, 999999)}", style
    if style == "vorgang":
        return f"V-{y}-{rng.randint(1, 999999):06d}", style
    return f"JA-HzE {y}/{rng.randint(1, 999)}", style


def gen_jobcenter(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return f"{rng.randint(10000, 99999)}BG{rng.randint(0, 9999999):07d}", "bg_nr"
    return f"{rng.randint(100, 999)}D{rng.randint(0, 999999):06d}", "kunden_nr"


def gen_kfz(rng: random.Random) -> tuple[str, str]:
    code = rng.choice(KFZ_CODES)
    letters = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(rng.choice([1, 2])))
    num = str(rng.randint(1, 9999))
    suffix = "E" if rng.random() < 0.08 else ""
    if rng.random() < 0.75:
        return f"{code}-{letters} {num}{suffix}", "dash"
    return f"{code} {letters} {num}{suffix}", "spaced"


def _styled(rng: random.Random, value: str, fmt: Callable[[str, str], str], p_spaced: float) -> tuple[str, str]:
    style = "spaced" if rng.random() < p_spaced else "compact"
    return fmt(value, style), style


# --- template filling --------------------------------------------------------------------------

SLOT = re.compile(r"\{(\w+)(?:\?([^|}]*)\|([^}]*))?\}")


def _genitive(name: str) -> tuple[str, str]:
    """Return (name, ending): "Demir" -> ("Demir", "s"), "Jonas" -> ("Jonas", "'")."""
    if name[-1:].lower() in ("s", "ß", "x", "z") or name.lower().endswith("ce"):
        return name, "'"
    return name, "s"


class _Filler:
    def __init__(self, rng: random.Random, people: dict[str, Person]):
        self.rng = rng
        self.people = people
        self.tags: set[str] = set()

    def person(self, who: str, form: str) -> list[Segment]:
        p = self.people[who]
        src = p.source
        if "double" in src and form != "first":
            self.tags.add("double_name")
        if "word" in src and form != "first":
            self.tags.add("word_name")
        title = "Frau" if p.female else "Herr"
        dat = "Frau" if p.female else "Herrn"
        if form == "":
            return [(p.full, "PERSON", src)]
        if form == "first":
            return [(p.first, "PERSON", p.first_source or src)]
        if form == "last":
            return [(p.last, "PERSON", src)]
        if form == "title":
            return [(title + " ", None, ""), (p.last, "PERSON", src)]
        if form == "dat":
            return [(dat + " ", None, ""), (p.last, "PERSON", src)]
        if form == "gen":
            self.tags.add("genitive")
            name, end = _genitive(p.last)
            return [(p.first + " " + name, "PERSON", src), (end, None, "")]
        if form == "title_gen":
            self.tags.add("genitive")
            name, end = _genitive(p.last)
            return [(dat + " ", None, ""), (name, "PERSON", src), (end, None, "")]
        if form == "comma":
            return [(f"{p.last}, {p.first}", "PERSON", src)]
        if form == "initial":
            return [(f"{p.first[0]}. {p.last}", "PERSON", src)]
        raise KeyError(form)

    def slot(self, name: str) -> list[Segment]:
        rng = self.rng
        m = re.fullmatch(r"([PQS])(?:_(\w+))?", name)
        if m:
            who, form = m.group(1), m.group(2) or ""
            if form == "age":
                return [(str(rng.randint(3, 17)), None, "")]
            if form == "first_gen":
                self.tags.add("genitive")
                n, end = _genitive(self.people[who].first)
                return [(n, "PERSON", self.people[who].first_source or self.people[who].source), (end, None, "")]
            return self.person(who, form)
        gens: dict[str, tuple[str, Callable[[], tuple[str, str]]]] = {
            "DOB": ("DATE_OF_BIRTH", lambda: gen_dob(rng)),
            "DATE": ("DATE", lambda: gen_date(rng)),
            "PHONE": ("PHONE_NUMBER", lambda: gen_landline(rng)),
            "MOBILE": ("PHONE_NUMBER", lambda: gen_mobile(rng)),
            "ANYPHONE": ("PHONE_NUMBER", lambda: (gen_mobile if rng.random() < 0.5 else gen_landline)(rng)),
            "EMAIL_P": ("EMAIL_ADDRESS", lambda: gen_email(rng, self.people["P"], org=False)),
            "EMAIL_S": ("EMAIL_ADDRESS", lambda: gen_email(rng, self.people["S"], org=True)),
            "ADDR": ("ADDRESS", lambda: gen_address(rng)),
            "STREET": ("ADDRESS", lambda: gen_address(rng, with_town=False)),
            "IBAN": ("IBAN_CODE", lambda: _styled(rng, ids.iban_de(rng), ids.format_iban, 0.6)),
            "STID": ("DE_TAX_ID", lambda: _styled(rng, ids.steuer_id(rng), ids.format_steuer_id, 0.5)),
            "RVNR": ("DE_SOCIAL_SECURITY", lambda: _styled(
                rng, ids.rvnr(rng, self.people["P"].last, self.people["P"].female), ids.format_rvnr, 0.5)),
            "KVNR": ("DE_HEALTH_INSURANCE", lambda: _styled(rng, ids.kvnr(rng), ids.format_kvnr, 0.15)),
            "CASE_AZ": ("CASE_NUMBER", lambda: gen_case(rng, ("amt", "akte", "amt"))),
            "CASE_COURT": ("CASE_NUMBER", lambda: gen_case(rng, ("gericht",))),
            "CASE_FALL": ("CASE_NUMBER", lambda: gen_case(rng, ("fall", "vorgang"))),
            "CASE_KD": ("CASE_NUMBER", lambda: gen_case(rng, ("kd",))),
            "JOBCENTER_NR": ("CASE_NUMBER", lambda: gen_jobcenter(rng)),
            "KFZ": ("DE_KFZ", lambda: gen_kfz(rng)),
        }
        label, fn = gens[name]
        text, style = fn()
        return [(text, label, style)]

    def fill(self, template: str) -> list[Segment]:
        out: list[Segment] = []
        pos = 0
        for m in SLOT.finditer(template):
            if m.start() > pos:
                out.append((template[pos : m.start()], None, ""))
            if m.group(2) is not None:  # gender alternative
                p = self.people[m.group(1)]
                out.append((m.group(2) if p.female else m.group(3), None, ""))
            else:
                out.extend(self.slot(m.group(1)))
            pos = m.end()
        if pos < len(template):
            out.append((template[pos:], None, ""))
        return out


def _assemble(segments: list[Segment], lower: bool) -> tuple[str, tuple[GoldSpan, ...]]:
    parts: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    for text, label, src in segments:
        if lower:
            text = text.lower()
        if label:
            spans.append(GoldSpan(pos, pos + len(text), label, src))
        parts.append(text)
        pos += len(text)
    full = "".join(parts)
    # capitalise the first character of a sentence that starts with a slot value (not if lower)
    return full, tuple(spans)


def _draw_people(rng: random.Random) -> tuple[dict[str, Person], set[str]]:
    r = rng.random()
    p = draw_person(rng, double=r < 0.10, word_surname=0.10 <= r < 0.22)
    q = draw_person(rng, double=rng.random() < 0.05)
    if rng.random() < 0.6:  # child/relative shares the surname (first name may be from another pool)
        q = Person(q.first, p.last, q.female, p.source, q.first_source or q.source)
    s = draw_person(rng, word_surname=rng.random() < 0.05)
    return {"P": p, "Q": q, "S": s}, set()


def _pii_sample(rng: random.Random, idx: int, domain: str, kind: str, template: str, lower: bool) -> Sample:
    people, _ = _draw_people(rng)
    f = _Filler(rng, people)
    segs = f.fill(template)
    text, spans = _assemble(segs, lower)
    tags = set(f.tags)
    if lower:
        tags.add("lowercase")
    return Sample(f"{kind}-{idx:05d}", text, spans, domain, kind, tuple(sorted(tags)))


def _no_pii_sentences(rng: random.Random) -> list[tuple[str, str]]:
    out = [(s, "fixed") for s in T.NO_PII_FIXED]
    combos = [
        f"{subj} wurde {agent} {verb}{tail}."
        for subj in T.NO_PII_SUBJECTS
        for agent in T.NO_PII_AGENTS
        for verb in T.NO_PII_VERBS
        for tail in T.NO_PII_TAILS
    ]
    rng.shuffle(combos)
    out += [(s, "combinatorial") for s in combos]
    return out


def generate(n: int = 2400, seed: int = 20261125) -> list[Sample]:
    """Generate `n` samples: ~20 % without PII (incl. all name-like word sentences), the rest
    case notes, chat questions (some typed in lower case) and short e-mails."""
    rng = random.Random(seed)
    samples: list[Sample] = []
    word_sentences = [s for v in WORD_SURNAMES.values() for s in v]
    n_word = min(len(word_sentences), max(1, n // 40))
    n_nopii = max(1, n // 5) - n_word
    for i, s in enumerate(word_sentences[:n_word]):
        samples.append(Sample(f"word_noun-{i:05d}", s, (), "general", "word_noun", ("word_noun",)))
    nopii = _no_pii_sentences(rng)
    for i, (s, src) in enumerate(nopii[: max(0, n_nopii)]):
        samples.append(Sample(f"no_pii-{i:05d}", s, (), "general", "no_pii", (src,)))
    n_pii = n - len(samples)
    kinds = [("case_note", 0.50), ("chat", 0.27), ("chat_lower", 0.13), ("email", 0.10)]
    case = [(d, t) for d, ts in T.CASE_NOTES.items() for t in ts]
    chat = [(d, t) for d, ts in T.CHAT_QUESTIONS.items() for t in ts]
    for i in range(n_pii):
        kind = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        lower = False
        if kind == "case_note":
            domain, tpl = rng.choice(case)
        elif kind == "chat":
            domain, tpl = rng.choice(chat)
            lower = rng.random() < 0.08
        elif kind == "chat_lower":
            domain, tpl = "general", rng.choice(T.LOWER_CHAT)
            lower = True
        else:
            domain, tpl = "general", rng.choice(T.EMAILS)
        samples.append(_pii_sample(rng, i, domain, kind, tpl, lower))
    return samples


def long_messages(samples: list[Sample], words: int = 60, limit: int = 150, seed: int = 7) -> list[Sample]:
    """Concatenate corpus samples (in a seeded shuffled order) into messages of about `words`
    words, for latency at a realistic chat-message length; gold spans are shifted accordingly."""
    samples = list(samples)
    random.Random(seed).shuffle(samples)
    out: list[Sample] = []
    buf: list[Sample] = []
    count = 0
    for s in samples:
        buf.append(s)
        count += len(s.text.split())
        if count >= words - 5:
            text_parts: list[str] = []
            spans: list[GoldSpan] = []
            pos = 0
            for b in buf:
                spans += [GoldSpan(g.start + pos, g.end + pos, g.label, g.source) for g in b.spans]
                text_parts.append(b.text)
                pos += len(b.text) + 1
            out.append(Sample(f"long-{len(out):04d}", " ".join(text_parts), tuple(spans), "mixed", "long", ()))
            buf, count = [], 0
            if len(out) >= limit:
                break
    return out
