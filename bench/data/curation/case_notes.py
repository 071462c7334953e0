"""Case notes that staff paste into a guideline by mistake, for the curation benchmark.

Hand-written templates (the SafeGPT project, Apache-2.0); the values are drawn at run time from sources
the product does not use: names from `mimesis` (via bench/pii_corpus/names.py), identifiers with valid
check digits from the benchmark's own generators (bench/pii_corpus/identifiers.py), streets and cities
from mimesis. Every note is fictional.

``TUNE`` templates were looked at while the classifier was built; ``HELDOUT`` templates were written at
the same time and are reported on their own (their findings are not printed unless asked for);
``HELDOUT2``, ``HELDOUT3`` and ``HELDOUT4`` were written later (see the comments there).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.pii_corpus import identifiers as ids
from bench.pii_corpus.names import MOBILE_PREFIXES, draw_person, german_places

DIAGNOSES = ["mittelgradigen depressiven Episode", "Alkoholabhängigkeit", "paranoiden Schizophrenie",
             "Epilepsie", "HIV-Infektion", "Posttraumatischen Belastungsstörung",
             "Borderline-Persönlichkeitsstörung", "Multiplen Sklerose", "bipolaren Störung", "Magersucht"]
MEDICATION = ["Sertralin 50 mg", "Quetiapin", "Lamotrigin", "Methadon", "Insulin", "Lithium"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
FREEMAIL = ["web.de", "gmx.de", "gmail.com", "t-online.de", "outlook.de", "yahoo.de"]

TUNE: dict[str, str] = {
    "name_in_case": ("Fallbeispiel aus unserem Team: Die Klientin {name} lebt mit ihren Kindern {child} und {child2} "
                     "in einer Zweizimmerwohnung und hat Mietschulden von 2.300 Euro."),
    "birth_date": ("Hilfeplan für {name}, geb. {dob}: Ziele für das nächste Halbjahr sind regelmäßiger "
                   "Schulbesuch und Anbindung an den Sportverein."),
    "insurance_numbers": ("Für den Rentenantrag von {salutation} {last} liegen vor: Rentenversicherungsnummer {rv}, "
                          "Krankenversichertennummer {kvnr}."),
    "health": ("{salutation} {name} wurde im Februar stationär wegen einer {diagnosis} behandelt und nimmt seitdem "
               "täglich {medication}."),
    "private_contact": ("Neue Anschrift von {salutation} {name}: {street} {number}, {postcode} {city}, "
                        "Handy {mobile}, E-Mail {email}."),
    "table_row": "| {name} | geb. {dob} | Pflegegrad 3 | {diagnosis_plain} |",
    "mail_forward": ("Von: {email}\nBetreff: Termin wegen meinem Sohn {child}\nHallo, ich kann am Donnerstag nicht "
                     "kommen, {child} ist wieder krank. Viele Grüße {name}"),
    "account_tax": ("Bitte die Erstattung an {salutation} {name} überweisen, IBAN {iban}; die Steuer-ID {taxid} liegt "
                    "der Akte bei."),
    "home_visit": ("Hausbesuch am 12.03.: {salutation} {last} wirkte erschöpft, berichtete von Streit mit dem "
                   "Vermieter und weinte mehrmals. Ihr Sohn {child} ({age} J.) war nicht in der Schule."),
    "initials_dob": ("Notiz Fallbesprechung: Herr K., geboren am {dob}, Aktenzeichen 51.2-{case}/24, Kontakt zum ASD "
                     "besteht."),
}
HELDOUT: dict[str, str] = {
    "file_note": ("Nachtrag zur Akte {name} ({dob}): Die Krankenkasse verlangt die Versichertennummer {kvnr}; "
                  "Kopie anbei."),
    "kita_observation": ("Beobachtung Kita: {child} (4 J.) kam heute mit Hämatomen am Arm. Die Mutter, "
                         "{salutation_f} {name}, sagt, er sei gestürzt."),
    "guardian": ("Betreuerwechsel: Für {salutation} {name} ist ab sofort {name2} als rechtlicher Betreuer bestellt, "
                 "Tel. {mobile}."),
    "rent_arrears": "{name}, {street} {number}, {postcode} {city} – Mietrückstand vier Monate, Räumungsklage angekündigt.",
    "discharge": "Diagnose laut Entlassbrief: {diagnosis_plain}. Patientin: {name_f}, RV-Nr. {rv}.",
    "conversation": ("Kurzprotokoll: Gespräch mit {salutation_f} {last_f} und ihrer Tochter {child}. {salutation_f} "
                     "{last_f} möchte in eine eigene Wohnung ziehen; Einkommen 1.150 Euro Rente."),
}

# Written after the first evaluation run, when one held-out note had been missed and inspected; these
# were never looked at while the classifier was changed (bench/curation.py reports them as "heldout2").
HELDOUT2: dict[str, str] = {
    "messenger": ("[14:32] {first}: hi, ich bins, {first} aus der WG. kann morgen nicht zur beratung, meine tabletten "
                  "sind alle und der arzt hat zu. meine nummer {mobile}"),
    "list": ("Offene Punkte {last}:\n- Antrag auf Schwerbehindertenausweis (GdB 50 beantragt)\n- Termin Psychiaterin "
             "am 03.07.\n- Schulden bei der Stadtwerke-Rechnung klären\n- {salutation} {name}, geb. {dob}"),
    "letter": ("Sehr geehrte {salutation} {last}, wir bestätigen Ihren Antrag vom 02.05. Ihre Kundennummer beim "
               "Jobcenter lautet 962D{case}4411. Mit freundlichen Grüßen"),
    "report_excerpt": ("Aus dem Entwicklungsbericht: {child} (geb. {dob}) lebt seit 2023 in der Wohngruppe; die "
                       "Mutter {name_f} hat begleiteten Umgang alle zwei Wochen."),
    "name_and_health": "{salutation} {name} ist HIV-positiv und bittet darum, dass das im Team nicht erwähnt wird.",
}

# Written on 2026-12-06 together with the twelve clean documents of HELDOUT3_CLEAN (bench/curation.py),
# in forms the other groups lack (lower-case messages, "*" and written-out birth dates, English
# abbreviations, multi-row tables, letter signatures, transcripts). Their first run (before any change:
# 34/53 contaminated documents blocked, 2/12 clean ones blocked) led to rule changes, so they are no
# longer held out; HELDOUT4 is.
HELDOUT3: dict[str, str] = {
    "sms_lowercase": ("nachricht von {first} an das diensthandy: bin jetzt bei meiner schwester in {city}, "
                      "{street} {number}. mein handy ist {mobile}. bitte nix dem jugendamt sagen"),
    "referral_star": "Überweisung an die Suchtberatung: {name}, * {dob}, {street} {number}, {postcode} {city}.",
    "dob_written": ("{salutation} {name} (geboren am {dob_long}) hat am Montag den Termin im Jobcenter verpasst "
                    "und braucht eine neue Einladung."),
    "english_abbrev": "Client: {name}, DOB {dob_slash}, referred by school social worker due to absences.",
    "contact_table": ("| Name | Anschrift | Telefon |\n|---|---|---|\n| {name} | {street} {number}, {postcode} {city} "
                      "| {mobile} |\n| {name2} | {street2} {number2}, {postcode} {city} | {mobile2} |"),
    "voice_memo": ("sprachnachricht abgetippt: also {salutation} {last} hat angerufen, die kleine {child} ist seit "
                   "freitag wieder bei ihr und der vater darf sie nur noch begleitet sehen"),
    "pregnancy": ("{salutation_f} {name_f} ist in der 22. Schwangerschaftswoche und hat Angst, dass ihr das "
                  "Jugendamt das Kind wegnimmt."),
    "debt_letter": ("Betreff: {name} – Forderung der Inkasso Nord GmbH über 1.840,23 €, Vertragsnummer "
                    "4471{case}02, Ratenzahlung von 50 € monatlich angeboten."),
    "child_protection": ("Gefährdungsmeldung: Eine Nachbarin meldet, dass {child} {last} (ca. {age} Jahre) abends "
                         "oft allein in der Wohnung {street} {number} ist."),
    "chat_transcript": ("Chatprotokoll, Auszug:\nRatsuchende: hi ich bin {first}, {age}, mein stiefvater schreit "
                        "jeden abend rum\nBeraterin: Danke, dass du dich meldest, {first}."),
    "client_signature": ("Mit freundlichen Grüßen\n{name}\n{street} {number}\n{postcode} {city}\n"
                         "Tel. privat {mobile}"),
    "insurance_fax": "Versichertennummer {kvnr} bitte bis Freitag an die Krankenkasse faxen (betrifft {salutation} {last}).",
}

# Written on 2026-12-06 after the classifier had been changed on HELDOUT3, together with the six clean
# documents of HELDOUT4_CLEAN (bench/curation.py); the classifier was not changed after their first run.
HELDOUT4: dict[str, str] = {
    "ocr_form": "Name: {last}, {first}   Geb.-Dat.: {dob}   Anschrift: {street} {number} {postcode} {city}",
    "team_chat": ("[Team-Chat] Kathi: wer kann morgen zu {salutation} {last}? sie hat wieder nicht aufgemacht, "
                  "die nachbarin sagt sie trinkt wieder"),
    "night_handover": ("Übergabe Nachtdienst: Zi. 12, {salutation} {last}, unruhig, RR 160/95, hat um 2 Uhr "
                       "Tavor 1 mg bekommen."),
    "school_mail": ("Sehr geehrte Damen und Herren, {child} {last} aus der 7b fehlt seit drei Wochen "
                    "unentschuldigt. Mit freundlichen Grüßen, die Klassenleitung"),
    "family_court": ("Familiengericht, Az. 12 F {case}/24: Anhörung der Kindesmutter {name_f} am 14.05., "
                     "ein Verfahrensbeistand ist bestellt."),
    "benefits": ("{salutation} {name} bezieht Bürgergeld, BG-Nummer 23402BG00{case}45, Jobcenter Nord; "
                 "Kosten der Unterkunft 612 € warm."),
    "residence": ("{name} (Duldung bis 30.06., der Pass liegt der Ausländerbehörde vor) wohnt in der "
                  "Gemeinschaftsunterkunft {street} {number}."),
    "callback": "Rückruf erbeten: {name}, Tel. {mobile}, wegen eines Kita-Platzes für die Tochter.",
}


@dataclass(frozen=True)
class CaseNote:
    kind: str
    split: str  # "tune", "heldout", "heldout2", "heldout3" or "heldout4"
    text: str


def _date(rng: random.Random, first_year: int, last_year: int) -> str:
    return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(first_year, last_year)}"


def fill(template: str, rng: random.Random) -> str:
    adult, other, child, child2 = (draw_person(rng) for _ in range(4))
    woman = draw_person(rng)
    while not woman.female:
        woman = draw_person(rng)
    streets, cities = german_places()
    local = rng.choice([f"{adult.first}.{adult.last}", f"{adult.first[0]}{adult.last}{rng.randint(60, 99)}",
                        f"{adult.last}.{adult.first[0]}"]).lower()
    mobile = f"{rng.choice(MOBILE_PREFIXES)} {rng.randint(1000000, 9999999)}"
    values = {
        "name": adult.full, "last": adult.last, "salutation": "Frau" if adult.female else "Herr",
        "name_f": woman.full, "last_f": woman.last, "salutation_f": "Frau",
        "name2": other.full, "child": child.first, "child2": child2.first,
        "first": adult.first, "dob": _date(rng, 1950, 2012), "age": rng.randint(6, 16), "case": rng.randint(100, 999),
        "rv": ids.format_rvnr(ids.rvnr(rng, adult.last, adult.female), rng.choice(["plain", "spaced"])),
        "kvnr": ids.format_kvnr(ids.kvnr(rng), rng.choice(["plain", "spaced"])),
        "taxid": ids.format_steuer_id(ids.steuer_id(rng), rng.choice(["plain", "spaced"])),
        "iban": ids.format_iban(ids.iban_de(rng), rng.choice(["plain", "spaced"])),
        "diagnosis": rng.choice(DIAGNOSES), "diagnosis_plain": rng.choice(DIAGNOSES).capitalize(),
        "medication": rng.choice(MEDICATION), "mobile": mobile,
        "email": f"{local.replace(' ', '')}@{rng.choice(FREEMAIL)}",
        "street": rng.choice(streets), "number": rng.randint(1, 120),
        "postcode": f"{rng.randint(1067, 99998):05d}", "city": rng.choice(cities),
    }
    # Only the HELDOUT3 forms use these.
    if any(key in template for key in ("{dob_long}", "{dob_slash}", "{street2}", "{mobile2}")):
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1950, 2012)
        values |= {"dob_long": f"{day}. {MONTHS[month - 1]} {year}", "dob_slash": f"{month:02d}/{day:02d}/{year}",
                   "street2": rng.choice(streets), "number2": rng.randint(1, 120),
                   "mobile2": f"{rng.choice(MOBILE_PREFIXES)}-{rng.randint(1000000, 9999999)}"}
    return template.format(**values)


def notes(rng: random.Random, split: str) -> list[CaseNote]:
    """One filled note per template of ``split``."""
    templates = {"tune": TUNE, "heldout": HELDOUT, "heldout2": HELDOUT2, "heldout3": HELDOUT3,
                 "heldout4": HELDOUT4}[split]
    return [CaseNote(kind, split, fill(template, rng)) for kind, template in templates.items()]
