"""Name and place pools for the benchmark corpus.

Sources (deliberately NOT the lists the detector uses, which come from `faker`):
- `mimesis` (MIT licence) locale data sets: de, de-at, de-ch, tr, pl, ru, uk, hr, cs, hu, it.
  Russian and Ukrainian names are transliterated from Cyrillic into the German (Duden) spelling
  that German case files use ("Кузнецов" -> "Kusnezow").
- Small hand-written lists below for Syrian/Arabic, Afghan, Eritrean, Romanian and Kurdish names,
  written for this project in the Latin spellings common in German authorities' files.
- German street and town names from mimesis `de` address data.
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import mimesis

_DATA = Path(mimesis.__file__).parent / "datasets"

# German (Duden) transliteration of Russian/Ukrainian Cyrillic.
_CYR = {
    "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo", "є": "je",
    "ж": "sch", "з": "s", "и": "i", "і": "i", "ї": "ji", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch",
    "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "ju", "я": "ja", "'": "", "’": "",
}  # fmt: skip
_VOWELS = set("аеёиоуыэюяєіїaeiouy")


def transliterate_de(name: str) -> str:
    out: list[str] = []
    low = name.lower()
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if ch == "е" and (i == 0 or prev in _VOWELS or prev in "ьъ"):
            t = "je"
        elif ch == "с" and prev in _VOWELS and nxt in _VOWELS:
            t = "ss"  # voiceless s between vowels: "Wassili"
        elif ch == "й" and nxt in _VOWELS:
            t = "j"
        elif ch == "й" and prev in "иы" and (not nxt or nxt == "-"):
            t = ""  # "-ий" -> "-i", "-ый" -> "-y" (Duden)
        elif ch == "-":
            t = "-"
        else:
            t = _CYR.get(ch, ch)
        out.append(t)
    text = "".join(out)
    # restore capitalisation of each hyphen part
    return "-".join(p[:1].upper() + p[1:] for p in text.split("-"))


# --- hand-written lists (project's own) -------------------------------------------------------
HAND = {
    "sy": {  # Syrian / Levantine Arabic, as spelt in German documents
        "male": ["Mohammed", "Ahmad", "Mahmoud", "Khaled", "Omar", "Yousef", "Bilal", "Hassan",
                 "Hussein", "Ibrahim", "Mustafa", "Samer", "Tarek", "Walid", "Rami", "Fadi",
                 "Jamal", "Anas", "Obada", "Majd", "Ghaith", "Nizar", "Moaz", "Abdulrahman"],
        "female": ["Fatima", "Aisha", "Rania", "Lina", "Rasha", "Amal", "Hiba", "Dalia", "Yasmin",
                   "Salma", "Layla", "Rim", "Ghada", "Heba", "Zainab", "Maryam", "Nour", "Alaa",
                   "Bushra", "Raghad", "Sidra", "Hala", "Asmaa", "Doaa"],
        "last": ["Al-Hassan", "Al-Ahmad", "Haddad", "Khalil", "Nasser", "Saleh", "Hamdan",
                 "Darwish", "Mansour", "Sabbagh", "Al-Khatib", "Kassem", "Othman", "Shaker",
                 "Hammoud", "Al-Masri", "Hijazi", "Barakat", "Suleiman", "Zaher", "Alhamwi",
                 "Alhussein", "Al Najjar", "Kanaan", "Tlass", "Abdo", "Hallak", "Jabbour"],
    },
    "af": {  # Afghan (Dari/Pashto names in German spellings)
        "male": ["Mohammad", "Abdul", "Sayed", "Farid", "Naveed", "Hamid", "Jawad", "Wahid",
                 "Zabiullah", "Rahmatullah", "Habibullah", "Sohail", "Bashir", "Nasir", "Shafiq",
                 "Ehsan", "Milad", "Mujtaba", "Sajad", "Ramin", "Hamidullah", "Esmatullah"],
        "female": ["Zahra", "Fereshta", "Mursal", "Shabnam", "Nilofar", "Mahbooba", "Farzana",
                   "Roya", "Parwana", "Sima", "Hosai", "Nazanin", "Marwa", "Frishta", "Zarghuna",
                   "Masooma", "Latifa", "Khadija", "Setara", "Wazhma"],
        "last": ["Ahmadi", "Hakimi", "Karimi", "Rahimi", "Noori", "Sultani", "Popal", "Stanikzai",
                 "Wardak", "Mohammadi", "Amiri", "Hashimi", "Sadat", "Qaderi", "Rasuli", "Safi",
                 "Haidari", "Rezaie", "Naziri", "Azizi", "Faizi", "Jalali", "Samadi", "Mirzaei",
                 "Hotak", "Durrani", "Nazari", "Sharifi"],
    },
    "er": {  # Eritrean (Tigrinya); surname is usually the father's first name
        "male": ["Tesfay", "Yonas", "Dawit", "Habtom", "Kibrom", "Mehari", "Yohannes", "Filmon",
                 "Biniam", "Robel", "Semere", "Teklit", "Goitom", "Amanuel", "Mussie", "Henok",
                 "Efrem", "Samson", "Aron", "Natnael"],
        "female": ["Senait", "Rahel", "Selam", "Lidya", "Meron", "Saba", "Tsega", "Hiwet", "Winta",
                   "Feven", "Mebrat", "Luwam", "Helen", "Yordanos", "Ruta", "Semhar", "Eden",
                   "Almaz", "Abrehet", "Freweini"],
        "last": ["Tesfamariam", "Ghebremichael", "Habte", "Tekle", "Gebremedhin", "Woldemariam",
                 "Berhane", "Kidane", "Asmerom", "Haile", "Mebrahtu", "Andemariam", "Negash",
                 "Fitsum", "Yemane", "Zerai", "Tewelde", "Ghebreyesus", "Okbazghi", "Abraha",
                 "Tesfazghi", "Measho"],
    },
    "ro": {  # Romanian
        "male": ["Andrei", "Mihai", "Ionuț", "Alexandru", "Florin", "Cristian", "Gheorghe",
                 "Bogdan", "Sorin", "Vasile", "Marius", "Costel", "Daniel", "Adrian"],
        "female": ["Ioana", "Elena", "Andreea", "Mihaela", "Roxana", "Florentina", "Gabriela",
                   "Alina", "Simona", "Daniela", "Ramona", "Larisa", "Nicoleta", "Georgiana"],
        "last": ["Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Constantin", "Stoica",
                 "Munteanu", "Dinu", "Lungu", "Moldovan", "Rusu", "Ursu", "Nistor", "Căpraru",
                 "Bălan", "Zamfir", "Toma", "Mocanu", "Ciobanu", "Radu", "Lupu"],
    },
    "ku": {  # Kurdish (Syria/Iraq/Turkey)
        "male": ["Şivan", "Rojhat", "Dilovan", "Azad", "Baran", "Berxwedan", "Hozan", "Kawa",
                 "Rêber", "Serhat", "Welat", "Zana"],
        "female": ["Rojda", "Berfin", "Dilan", "Hêvî", "Jiyan", "Nûjîn", "Rûken", "Viyan",
                   "Zozan", "Berivan", "Evîn", "Gulistan"],
        "last": ["Ibrahim", "Haso", "Sido", "Kurdo", "Elî", "Xelil", "Omar", "Sheikhmous",
                 "Hesso", "Mamo", "Bakr", "Kalo"],
    },
}  # fmt: skip

# Surnames that are also ordinary German words (nouns, adjectives, seasons). Used (a) as surnames
# with a cue word or a first name, and (b) as ordinary words in sentences without PII.
WORD_SURNAMES = {
    "Wolf": ["Der Wolf ist im Märchen der Bösewicht, das Buch gefällt den Kindern trotzdem.",
             "Im Wildgehege haben die Kinder einen Wolf gesehen."],
    "Fuchs": ["Beim Ausflug in den Wald hat die Gruppe einen Fuchs beobachtet.",
              "Der Fuchs aus dem Bilderbuch heißt in der Kita nur noch Lieblingsfigur."],
    "Sommer": ["Im Sommer findet die Ferienfreizeit der Wohngruppe an der Ostsee statt.",
               "Der Sommer war für die Familie wegen der Hitze in der Dachwohnung schwer."],
    "Winter": ["Im Winter braucht die Familie Unterstützung bei den Heizkosten.",
               "Der Winter ist für wohnungslose Menschen die gefährlichste Zeit."],
    "Becker": ["Die Bäckerei, früher Becker genannt, spendet jeden Freitag Brot an die Tafel.",
               "Im Gruppenraum stehen zwei Becker mit Stiften für die Hausaufgabenhilfe."],
    "Koch": ["Der Koch der Einrichtung achtet auf die Allergien der Bewohner.",
             "Sie möchte nach der Maßnahme eine Ausbildung als Koch beginnen."],
    "Bauer": ["Der Bauer aus dem Nachbarort bietet Praktikumsplätze auf dem Hof an.",
              "Im Vorlesebuch geht es um einen Bauer und seine Tiere."],
    "Vogel": ["Der Vogel im Gruppenraum wird von den Kindern abwechselnd gefüttert.",
              "Ein Vogel ist gegen die Scheibe des Büros geflogen."],
    "Engel": ["Zur Weihnachtsfeier haben die Kinder einen Engel aus Papier gebastelt.",
              "Die Kollegin war an diesem Tag ein echter Engel für das Team."],
    "Braun": ["Die Wände im Besuchsraum sollen nicht mehr braun gestrichen werden.",
              "Braun und Grün sind die Farben des neuen Flyers der Beratungsstelle."],
    "Schwarz": ["Auf dem Kontoauszug stehen die Zahlen wieder schwarz statt rot.",
                "Schwarz gedruckte Formulare sind für die Klientin besser lesbar."],
    "Lange": ["Lange Wartezeiten beim Amt belasten die Familie zusätzlich.",
              "Die Bearbeitung des Antrags hat sehr lange gedauert."],
    "Klein": ["Klein anfangen: Zuerst werden die dringendsten Rechnungen sortiert.",
              "Das Zimmer ist für drei Kinder zu klein."],
    "Jung": ["Jung und Alt treffen sich jeden Mittwoch im Stadtteilcafé.",
             "Viele Pflegeeltern sind selbst noch sehr jung."],
    "König": ["Beim Schach ist der König die wichtigste Figur, erklärt der Betreuer.",
              "Der Kunde ist König, heißt es, aber beim Amt gilt das wenig."],
    "Stein": ["Ein Stein fiel der Mutter vom Herzen, als der Bescheid kam.",
              "Im Garten der Wohngruppe liegt ein großer Stein zum Klettern."],
    "Berg": ["Der Berg an unbezahlten Rechnungen ist seit dem Frühjahr gewachsen.",
             "Die Ferienfreizeit führt auf einen Berg im Sauerland."],
    "Hahn": ["Der Hahn im Bad tropft, der Vermieter wurde informiert.",
             "Auf dem Bauernhof hat ein Hahn die Kinder geweckt."],
    "Strauß": ["Zum Abschied bekam die Praktikantin einen Strauß Blumen.",
               "Die Bewohnerinnen haben einen Strauß für den Gemeinschaftsraum gepflückt."],
    "Kaiser": ["Im Geschichtsunterricht ging es um den Kaiser und die Reichsgründung.",
               "Der Junge spielte beim Theaterstück den Kaiser."],
    "Frank": ["Frank und frei hat der Jugendliche über seine Wünsche gesprochen.",
              "Sie sagte frank und frei, dass sie keine Hilfe mehr möchte."],
    "Haas": [],
    "Hase": ["Der Hase der Wohngruppe braucht einen neuen Stall.",
             "Zu Ostern versteckt die Kita einen Hasen aus Schokolade für jedes Kind."],
}  # fmt: skip

# First names that are also words or month names
WORD_FIRSTNAMES = {"female": ["Rose", "Erika", "Hoffnung", "Mai", "April", "Grace", "Hope"],
                   "male": ["August", "Ernst", "Frieder", "Konrad"]}  # fmt: skip

# (source key, mimesis locale or hand list, weight) approximating Germany's population mix
SOURCES: list[tuple[str, str, float]] = [
    ("de", "mimesis:de", 0.40),
    ("de-at", "mimesis:de-at", 0.05),
    ("de-ch", "mimesis:de-ch", 0.03),
    ("tr", "mimesis:tr", 0.10),
    ("pl", "mimesis:pl", 0.06),
    ("ru", "mimesis:ru", 0.05),
    ("uk", "mimesis:uk", 0.05),
    ("hr", "mimesis:hr", 0.04),
    ("it", "mimesis:it", 0.02),
    ("cs", "mimesis:cs", 0.02),
    ("hu", "mimesis:hu", 0.01),
    ("sy", "hand:sy", 0.06),
    ("af", "hand:af", 0.04),
    ("er", "hand:er", 0.02),
    ("ro", "hand:ro", 0.03),
    ("ku", "hand:ku", 0.02),
]


@dataclass(frozen=True)
class NamePool:
    key: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    last_male: tuple[str, ...]
    last_female: tuple[str, ...]


def _clean(names: list[str], cyrillic: bool) -> tuple[str, ...]:
    out = []
    for n in names:
        n = unicodedata.normalize("NFC", n.strip())
        if cyrillic:
            n = transliterate_de(n)
        if not n or " " in n or not n[0].isupper():
            continue
        if not all(ch.isalpha() or ch in "-" for ch in n):
            continue
        out.append(n)
    return tuple(sorted(set(out)))


@lru_cache(maxsize=None)
def pool(key: str) -> NamePool:
    spec = dict((k, s) for k, s, _ in SOURCES)[key]
    kind, name = spec.split(":")
    if kind == "hand":
        h = HAND[name]
        last = tuple(h["last"])
        return NamePool(key, tuple(h["male"]), tuple(h["female"]), last, last)
    data = json.loads((_DATA / name / "person.json").read_text(encoding="utf-8"))
    cyr = name in ("ru", "uk")
    names = data["names"]
    surnames = data["surnames"]
    if isinstance(surnames, dict):
        lm = _clean(surnames.get("male", []), cyr)
        lf = _clean(surnames.get("female", []), cyr)
    else:
        lm = lf = _clean(surnames, cyr)
    return NamePool(key, _clean(names["male"], cyr), _clean(names["female"], cyr), lm, lf)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    female: bool
    source: str  # pool key, e.g. "tr", "sy"; "+"-joined for mixed double names; "word"
    first_source: str = ""  # pool of the first name when it differs from `source`

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def draw_person(rng: random.Random, *, double: bool = False, word_surname: bool = False) -> Person:
    keys = [k for k, _, _ in SOURCES]
    weights = [w for _, _, w in SOURCES]
    key = rng.choices(keys, weights)[0]
    p = pool(key)
    female = rng.random() < 0.5
    first = rng.choice(p.female if female else p.male)
    last = rng.choice(p.last_female if female else p.last_male)
    source = key
    if word_surname:
        last = rng.choice([w for w in WORD_SURNAMES])
        source = "word"
        p = pool("de")
        first = rng.choice(p.female if female else p.male)
    if double:
        key2 = rng.choices(keys, weights)[0]
        p2 = pool(key2)
        if rng.random() < 0.5:
            first2 = rng.choice(p.female if female else p.male)
            if first2 != first:
                first = f"{first}-{first2}"
        last2 = rng.choice(p2.last_female if female else p2.last_male)
        if last2 != last and "-" not in last and "-" not in last2:
            last = f"{last}-{last2}"
        source = f"{source}+{key2}" if key2 != key else source
        source = f"double:{source}"
    first_source = "de" if word_surname else source
    return Person(first, last, female, source, first_source)


# --- places ------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def german_places() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = json.loads((_DATA / "de" / "address.json").read_text(encoding="utf-8"))
    # no digits in street names ("Straße 387" exists in Berlin but reads like a house number)
    # and no allotment colonies or bridges (Berlin's list has many; nobody lives on a bridge)
    streets = tuple(
        s for s in data["street"]["name"]
        if len(s) < 30 and not any(ch.isdigit() for ch in s)
        and not s.startswith("Kolonie") and not s.lower().endswith("brücke")
    )
    cities = tuple(c for c in data["city"] if " " not in c and c not in ("Stadt",))
    return streets, cities


# Real German area codes (Vorwahlen) with their city, and mobile prefixes.
AREA_CODES = ["030", "040", "089", "0221", "0231", "0201", "0211", "069", "0711", "0341",
              "0351", "0511", "0421", "0911", "0234", "0209", "02331", "05251", "0251", "0521",
              "0228", "0241", "0621", "0721", "0761", "0381", "0331", "0361", "0391", "0431",
              "02303", "02381", "06151", "07531", "08031", "09131", "03641", "04131"]  # fmt: skip
MOBILE_PREFIXES = ["0151", "0152", "0157", "0159", "0160", "0162", "0163", "0170", "0171",
                   "0172", "0173", "0174", "0175", "0176", "0177", "0178", "0179", "0155"]  # fmt: skip
KFZ_CODES = ["B", "M", "HH", "K", "DO", "BO", "E", "DU", "GE", "HA", "UN", "MS", "BI", "PB", "S",
             "F", "KA", "HD", "L", "DD", "H", "HB", "KI", "HRO", "N", "A", "R", "WÜ", "RE", "RD",
             "MK", "EN", "SO", "HAM", "COE", "GT", "LIP", "OB", "MH", "KR"]  # fmt: skip
