"""Identifier classes of issue 15 (section 2) and their hard negatives, one class per form.

Every value comes from the benchmark's own generators (`identifiers.py`, `documents.py`,
random shapes here), never from the detector's patterns. Cue words: the issue's list plus
compounds the detector does not list by name ("Antragsnummer", "Darlehensnummer"), to test
the general rule. Sentences were written for the benchmark.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from . import documents as doc
from . import identifiers as ids
from .names import KFZ_CODES, draw_person

Segment = tuple[str, str | None, str]  # (text, gold label or None, source)


def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _who(rng: random.Random) -> list[Segment]:
    p = draw_person(rng)
    return [("Frau " if p.female else "Herr ", None, ""), (p.last, "PERSON", p.source)]


def _fill(rng: random.Random, text: str) -> list[Segment]:
    """Plain text with "<WHO>" replaced by a person (gold PERSON)."""
    out: list[Segment] = []
    for i, part in enumerate(text.split("<WHO>")):
        if i:
            out += _who(rng)
        out.append((part, None, ""))
    return out


def _frame(rng: random.Random, frames: list[str], value: Segment) -> list[Segment]:
    """Put ``value`` into one of the frames at "{}" (the rest of the frame is plain text)."""
    before, after = rng.choice(frames).split("{}")
    return _fill(rng, before) + [value] + _fill(rng, after)


# --- RV-Nr. in the printed spacings ----------------------------------------------------------------

def _rv(rng: random.Random) -> str:
    return ids.rvnr(rng, draw_person(rng).last)


RV_FORMATS: dict[str, Callable[[str], str]] = {
    "letter 2-6-1-2-1": lambda v: f"{v[:2]} {v[2:8]} {v[8]} {v[9:11]} {v[11]}",
    "card 2-6-1-3": lambda v: f"{v[:2]} {v[2:8]} {v[8]} {v[9:]}",
    "lower-case letter": lambda v: f"{v[:2]} {v[2:8]} {v[8].lower()} {v[9:11]} {v[11]}",
    "pairs 2-2-2-2-1-2-1": lambda v: f"{v[:2]} {v[2:4]} {v[4:6]} {v[6:8]} {v[8]} {v[9:11]} {v[11]}",
    "8-1-3": lambda v: f"{v[:8]} {v[8]} {v[9:]}",
    "hyphens": lambda v: f"{v[:2]}-{v[2:8]}-{v[8]}-{v[9:]}",
}
RV_FRAMES = [
    "Rentenversicherungsnummer {} liegt vor.", "Ihre Versicherungsnummer: {}", "Die RV-Nr. von <WHO> ist {}.",
    "Laut Rentenbescheid ({}) besteht kein Anspruch.", "SV-Nummer {} bitte in den Antrag übernehmen.",
    "{} steht auf dem Sozialversicherungsausweis von <WHO>.", "Versicherungsnr. lautet {}",
]


# --- ID card and passport --------------------------------------------------------------------------

def _id_printed(rng: random.Random) -> list[Segment]:
    v = doc.document_number(rng, "id")
    return _frame(rng, ["Personalausweis {} liegt in Kopie vor.", "Ausweisnummer: {}",
                        "Die Ausweisnr. von <WHO> lautet {}.", "Perso-Nr. {} (gültig bis 2031)",
                        "Kopie des Personalausweises (Nr. {}) anbei.", "eAT-Nr. {} laut Aufenthaltstitel"],
                  (v, "DE_ID_CARD", "printed 9"))


def _id_mrz(rng: random.Random) -> list[Segment]:
    v = doc.with_check(doc.document_number(rng, "id"))
    return _frame(rng, ["Personalausweisnummer {} (aus der MRZ).", "Nummer {} auf der Rückseite.",
                        "Bitte {} in das Formular übernehmen.", "<WHO> hat die {} angegeben."],
                  (v, "DE_ID_CARD", "MRZ 9+check"))


def _id_mrz_line(rng: random.Random) -> list[Segment]:
    v = doc.with_check(doc.document_number(rng, "id"))
    return [("Zeile 1: IDD<<", None, ""), (v, "DE_ID_CARD", "MRZ line"), ("<<<<<<<<<<<<<<<", None, "")]


def _passport_printed(rng: random.Random) -> list[Segment]:
    v = doc.document_number(rng, "passport")
    return _frame(rng, ["Reisepass {} ist abgelaufen.", "Pass-Nr.: {}", "Die Passnummer lautet {}.",
                        "Kinderreisepass {} für die Tochter von <WHO>."], (v, "DE_PASSPORT", "printed 9"))


def _passport_mrz(rng: random.Random) -> list[Segment]:
    v = doc.with_check(doc.document_number(rng, "passport"))
    return _frame(rng, ["Reisepassnummer {} laut MRZ.", "Dokument {} liegt vor.", "Nummer {} notiert."],
                  (v, "DE_PASSPORT", "MRZ 9+check"))


def _passport_foreign(rng: random.Random) -> list[Segment]:
    v, style = doc.foreign_passport(rng)
    return _frame(rng, ["Der syrische Pass mit der Nummer {} liegt vor.", "Reisepass {} (Herkunftsland).",
                        "Passnummer: {}", "<WHO> legt den Pass {} vor."], (v, "DE_PASSPORT", f"foreign {style}"))


# --- file and account numbers of every shape after a cue -------------------------------------------

CUES = ["Aktenzeichen", "Az.", "AZ", "Zeichen", "Geschäftszeichen", "Kassenzeichen", "Vertragskonto",
        "Kundennummer", "Kunden-Nr.", "Mieternummer", "BG-Nummer", "Versichertennummer", "Vorgangsnummer",
        "Mitgliedsnummer", "Ihr Zeichen", "Unser Zeichen", "unter dem Zeichen"]
UNLISTED_CUES = ["Antragsnummer", "Darlehensnummer", "Rechnungsnummer", "Schadennummer", "Beitragskonto",
                 "Leistungsnummer", "Policennummer", "Buchungszeichen", "Personalnummer", "Zählernummer"]
LINKS = [" ", ": ", " Nr. ", " lautet ", " ist ", ": ", " "]


def _agency(rng: random.Random) -> tuple[str, str]:
    y = rng.randint(2015, 2026)
    shapes = [
        (f"R-{y}-{_d(rng, 5)}", "letter-year-serial"),
        (f"{_d(rng, 5)}//{_d(rng, 7)}", "double slash"),
        (f"{rng.randint(1, 9)}.{_d(rng, 4)}.{_d(rng, 6)}.{rng.randint(0, 9)}", "dotted"),
        (f"{rng.choice(['JA', 'SGB', 'WG', 'EGH'])}/{rng.choice(['HzE', 'II', 'XII', 'BuT'])}/{y}/{_d(rng, 4)}", "slashes"),
        (f"{_d(rng, 3)}{rng.choice('ABCDEFGH')}{_d(rng, 6)}", "digits-letter-digits"),
        (f"{_d(rng, 2)}.{rng.randint(1, 9)}-{y}/{_d(rng, 4)}", "amt"),
        (f"{_d(rng, 4)} {_d(rng, 4)} {_d(rng, 2)}", "spaced groups"),
        (f"{rng.choice(string.ascii_uppercase)}{_d(rng, 9)}", "letter+9"),
        (f"{_d(rng, 2)}-{_d(rng, 4)}-{_d(rng, 2)}", "hyphen groups"),
        (f"{_d(rng, 5)}BG{_d(rng, 7)}", "bg"),
        (f"{y}-{_d(rng, 6)}", "year-serial"),
        (f"{_d(rng, 8)}", "plain digits"),
    ]
    return rng.choice(shapes)


ROMAN = ["I", "II", "III", "IV", "VI", "VII", "IX", "XII", "XIV", "XVII", "XX"]


def _court(rng: random.Random) -> tuple[str, str]:
    yy = f"{rng.randint(15, 26):02d}"
    shapes = [
        (f"{rng.choice(ROMAN)} {rng.randint(1, 999)}/{yy}", "roman register"),
        (f"{rng.randint(1, 99)} {rng.choice(['F', 'C', 'UF', 'WF', 'XVII', 'Js', 'Ds', 'M'])} {rng.randint(1, 9999)}/{yy}", "number register"),
        (f"{rng.choice('LS')} {rng.randint(1, 40)} {rng.choice(['AS', 'SO', 'R', 'KR', 'AY', 'U'])} {rng.randint(1, 9999)}/{yy}", "social court"),
        (f"S {rng.randint(1, 40)} {rng.choice(['AS', 'SO', 'AY'])} {rng.randint(1, 999)}/{yy} ER", "interim (ER)"),
    ]
    return rng.choice(shapes)


def _cue_value(rng: random.Random, cues: list[str], court: bool) -> list[Segment]:
    cue = rng.choice(cues)
    link = rng.choice(LINKS)
    value, shape = (_court if court else _agency)(rng)
    if cue == "unter dem Zeichen":
        link = " "
    frames = ["{} bitte bei Rückfragen angeben.", "Bescheid vom Amt, {}.", "{}", "Schreiben an <WHO>, {}.",
              "Laut Schreiben: {} – Frist beachten.", "({})"]
    before, after = rng.choice(frames).split("{}")
    return _fill(rng, before) + [(cue + link, None, ""), (value, "CASE_NUMBER", shape)] + _fill(rng, after)


def _case_list(rng: random.Random) -> list[Segment]:
    gen = rng.choice([_court, _agency])
    first, shape = gen(rng)
    while True:  # a second value of the same shape
        second, shape2 = gen(rng)
        if shape2 == shape:
            break
    cue = rng.choice(["Aktenzeichen", "Kundennummern", "Az.", "Vertragskonten", "Geschäftszeichen"])
    return [(f"{cue} ", None, ""), (first, "CASE_NUMBER", shape), (rng.choice([" und ", ", ", " sowie "]), None, ""),
            (second, "CASE_NUMBER", shape), (" sind betroffen.", None, "")]


def _case_late(rng: random.Random) -> list[Segment]:
    value, shape = _agency(rng)
    frame = rng.choice(["Die Kundennummer von <WHO>: {}", "Das Aktenzeichen des Gerichts lautet {}.",
                        "Das Kassenzeichen für die Rückforderung ist {}.", "Mitgliedsnummer bei der Kasse: {}"])
    before, after = frame.split("{}")
    return _fill(rng, before) + [(value, "CASE_NUMBER", shape)] + _fill(rng, after)


# --- licence plates ---------------------------------------------------------------------------------

def _plate(rng: random.Random, lower: bool) -> list[Segment]:
    code = rng.choice(KFZ_CODES)
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.choice([1, 2])))
    num = str(rng.randint(1, 9999)) + rng.choice(["", "", "", "E", "H"])
    sep1, sep2 = rng.choice([("-", " "), (" ", " "), ("-", "-"), ("-", ""), (" ", "")])
    value = f"{code}{sep1}{letters}{sep2}{num}"
    if lower:
        value = value.lower()
    cue = rng.choice(["Kfz", "Kfz:", "Kennzeichen", "Kennzeichen:", "Wagen", "Auto", "Pkw", "Kfz-Kennzeichen",
                      "amtliches Kennzeichen", "Fahrzeug", "Motorrad"])
    if lower:
        cue = cue.lower()
    frame = rng.choice(["{} gehört <WHO>.", "Der Fahrdienst kommt mit dem {}.", "Parkausweis für {} beantragt.",
                        "{}, bitte notieren"])
    before, after = frame.split("{}")
    return (_fill(rng, before) + [(cue + " ", None, ""), (value, "DE_KFZ", f"{'lower' if lower else 'upper'} {sep1!r}{sep2!r}")]
            + _fill(rng, after))


# --- hard negatives: ordinary numbers -----------------------------------------------------------------

def _amount(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(1, 9)}.{_d(rng, 3)},{_d(rng, 2)} €", f"{rng.randint(10, 999)},{_d(rng, 2)} Euro",
                       f"{rng.randint(5, 999)} €", f"{rng.randint(1, 99)},- €", f"EUR {rng.randint(10, 999)},{_d(rng, 2)}"])


NEGATIVES: dict[str, Callable[[random.Random], str]] = {
    "amounts": lambda r: rng_frame(r, ["Die Nachzahlung beträgt {}.", "Der Regelbedarf liegt bei {} im Monat.",
                                       "Offen sind noch {} aus der Nebenkostenabrechnung.", "Rückforderung: {}"],
                                   _amount(r)),
    "law and its date": lambda r: rng_frame(r, ["Das Gesetz vom {} gilt ab sofort.", "in der Fassung vom {}",
                                                "Die Verordnung vom {} regelt den Mehrbedarf.",
                                                "Bekanntmachung vom {} (BGBl. I S. 123)"],
                                            f"{r.randint(1, 28)}.{r.randint(1, 12):02d}.{r.randint(1990, 2025)}"),
    "§ references": lambda r: rng_frame(r, ["Nach {} ist das zulässig.", "Der Anspruch ergibt sich aus {}.",
                                            "Siehe {} und die Kommentierung."],
                                        r.choice([f"§ {r.randint(1, 200)} SGB {r.choice(['II', 'VIII', 'IX', 'X', 'XII'])}",
                                                  f"Art. {r.randint(1, 99)} DSGVO", f"§ {r.randint(1, 99)}a Abs. {r.randint(1, 5)} SGB VIII",
                                                  f"§§ {r.randint(1, 50)}, {r.randint(51, 99)} BGB",
                                                  f"Art. 6 Abs. 1 lit. {r.choice('abcdef')} DSGVO"])),
    "years": lambda r: rng_frame(r, ["Seit {} lebt die Familie hier.", "Im Jahr {} wurde die Hilfe beendet.",
                                     "Die Zahlen von {} liegen vor."], str(r.randint(1990, 2026))),
    "percentages": lambda r: rng_frame(r, ["Die Quote stieg um {}.", "Das sind {} mehr als im Vorjahr."],
                                       r.choice([f"{r.randint(1, 99)} %", f"{r.randint(1, 99)},{r.randint(1, 9)} %",
                                                 f"{r.randint(1, 99)} Prozent"])),
    "public hotlines": lambda r: rng_frame(r, ["Die Telefonseelsorge ist unter {} erreichbar.", "Hilfetelefon: {}",
                                               "Rufen Sie kostenlos {} an.", "Die Hotline {} hilft weiter."],
                                           r.choice(["0800 111 0 111", "0800 111 0 222", "116 111", "116 117",
                                                     "08000 116 016", "0800 116 016", "115", "0800 22 55 530",
                                                     "0800 1110111"])),
    "phone extensions": lambda r: rng_frame(r, ["Bitte die Durchwahl {} wählen.", "Zentrale, Durchwahl {}",
                                                "Die Zentrale leitet zur Durchwahl {} weiter."],
                                            r.choice([f"-{r.randint(10, 99)}", f"-{r.randint(100, 999)}", f"{r.randint(10, 99)}"])),
    "times": lambda r: rng_frame(r, ["Die Sitzung beginnt um {}.", "Treffpunkt {} am Haupteingang.",
                                     "Sprechzeiten: {}"], r.choice([f"{r.randint(7, 19)}:{r.choice(['00', '15', '30', '45'])} Uhr",
                                                                   f"{r.randint(7, 12)}.{r.choice(['00', '30'])} Uhr",
                                                                   f"{r.randint(8, 11)} bis {r.randint(12, 18)} Uhr"])),
    "ages and counts": lambda r: rng_frame(r, ["Die Klientin ist {} alt.", "Im Haushalt leben {}.", "Es fehlen {}."],
                                           r.choice([f"{r.randint(18, 95)} Jahre", f"{r.randint(2, 7)} Kinder",
                                                     f"{r.randint(2, 40)} Seiten", f"{r.randint(2, 12)} Wochen"])),
    "room numbers": lambda r: rng_frame(r, ["Die Teamsitzung findet in Raum {} statt.", "Zimmer {} ist frei.",
                                            "Das Gespräch ist in Zimmer Nr. {}."],
                                        r.choice([f"{r.randint(1, 4)}.{r.randint(1, 30):02d}", str(r.randint(1, 250)),
                                                  f"{r.randint(1, 3)}{r.choice('abc')}"])),
    "cue without a number": lambda r: r.choice([
        "Das Aktenzeichen kommt mit der Post, Frist 14 Tage.", "Die Kundennummer fehlt, Betrag 1.250,00 €.",
        "Ihr Zeichen war unleserlich, bitte bis 30.06. nachreichen.", "Die Mitgliedsnummer kostet nichts, Beitrag 12,50 €.",
        "Das Kennzeichen fehlt noch, Termin um 9 Uhr.", "Die Vorgangsnummer ist seit 2019 dieselbe.",
        "Die Versichertennummer ändert sich nach 10 Jahren nicht.", "Den Ausweis bitte bis 15 Uhr abgeben."]),
}


def rng_frame(rng: random.Random, frames: list[str], value: str) -> str:
    return rng.choice(frames).format(value)


# --- registry ------------------------------------------------------------------------------------------

POSITIVE: dict[str, Callable[[random.Random], list[Segment]]] = {
    **{f"RV-Nr. {name}": (lambda fmt: lambda r: _frame(r, RV_FRAMES, (fmt(_rv(r)), "DE_SOCIAL_SECURITY", "rv")))(fmt)
       for name, fmt in RV_FORMATS.items()},
    "ID card, printed, cue": _id_printed,
    "ID card, MRZ form, cue or none": _id_mrz,
    "ID card, MRZ line": _id_mrz_line,
    "passport, printed, cue": _passport_printed,
    "passport, MRZ form": _passport_mrz,
    "passport, foreign, cue": _passport_foreign,
    "file no. after listed cue": lambda r: _cue_value(r, CUES, court=False),
    "file no. after unlisted cue": lambda r: _cue_value(r, UNLISTED_CUES, court=False),
    "court file no. after cue": lambda r: _cue_value(r, CUES, court=True),
    "court file no., no cue": lambda r: _frame(r, ["Das Gericht führt das Verfahren unter {}.", "Verfahren {} ruht.",
                                                 "Im Verfahren {} wurde verhandelt."], (lambda v: (v[0], "CASE_NUMBER", v[1]))(_court(r))),
    "several numbers, one cue": _case_list,
    "cue earlier in the clause": _case_late,
    "plate, upper case, cue": lambda r: _plate(r, lower=False),
    "plate, lower case, cue": lambda r: _plate(r, lower=True),
}
