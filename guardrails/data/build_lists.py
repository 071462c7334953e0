"""Build the shipped name lists in guardrails/data/ from their sources.

Run: ``.venv/bin/python guardrails/data/build_lists.py`` (needs the ``faker``
package; the output files are committed so the product does not need faker).

Sources (see SOURCES.md): faker's person providers (MIT licence) for the locales
listed below, Cyrillic names transliterated into the German (Duden) and the
English spelling that both appear in German case files, plus the project's own
hand-curated list ``curated_names.txt`` (CC0) for origins faker lacks in Latin
script (Arabic, Afghan, Eritrean/Ethiopian, Kurdish, Albanian, Bosnian/Serbian,
Polish and more Turkish surnames).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent

# Germany's population mix: German-speaking, Turkish, Polish, Russian/Ukrainian,
# Romanian, Balkan, Italian, Greek (via curated), Arabic/Maghreb (fr_DZ in Latin
# script), Pakistani/Afghan-adjacent (en_PK), Azerbaijani/Central Asian, Kenyan
# and Nigerian (East/West African names), Hungarian, Czech, Spanish, Portuguese.
LATIN_LOCALES = [
    "de_DE", "de_AT", "de_CH", "tr_TR", "pl_PL", "ro_RO", "hr_HR", "sl_SI", "cs_CZ",
    "sk_SK", "hu_HU", "it_IT", "es_ES", "pt_PT", "fr_FR", "nl_NL", "fr_DZ", "en_PK",
    "az_AZ", "uz_UZ", "en_KE", "en_NG", "ha_NG", "yo_NG", "ig_NG", "sw", "en_US",
    "en_GB", "lt_LT", "lv_LV", "sq_AL",
]
CYRILLIC_LOCALES = ["ru_RU", "uk_UA", "bg_BG", "mk_MK"]

_DUDEN = {
    "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo",
    "є": "je", "ж": "sch", "з": "s", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja", "ѓ": "gj", "ќ": "kj",
    "љ": "lj", "њ": "nj", "џ": "dsch", "ј": "j", "ѕ": "dz",
}
_ENGLISH = dict(
    _DUDEN,
    **{"в": "v", "ж": "zh", "з": "z", "й": "y", "х": "kh", "ц": "ts", "ч": "ch",
       "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya", "ё": "yo", "є": "ye", "ї": "yi",
       "с": "s", "џ": "dzh"},
)

_LATIN_WORD = re.compile(r"^[^\W\d_]+(?:[-' ][^\W\d_]+)*$")


def transliterate(name: str, table: dict[str, str]) -> str:
    """Transliterate a Cyrillic name with the given letter table."""
    out = []
    for ch in name:
        low = ch.lower()
        if low in table:
            rep = table[low]
            out.append(rep.capitalize() if ch.isupper() else rep)
        else:
            out.append(ch)
    return "".join(out)


def is_latin(name: str) -> bool:
    return bool(_LATIN_WORD.match(name)) and all(
        "LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha()
    )


def _names(provider: type, attr: str) -> list[str]:
    value = getattr(provider, attr, None) or ()
    return [str(v) for v in value]


def collect() -> tuple[dict[str, dict], dict[str, set]]:
    """Return first names {name: {"genders": set, "sources": set}} and last names."""
    first: dict[str, dict] = defaultdict(lambda: {"genders": set(), "sources": set()})
    last: dict[str, set] = defaultdict(set)

    def add_first(name: str, gender: str, source: str) -> None:
        for part in name.split(" "):  # "Nazanin Zahra" style doubles count per part
            if len(part) >= 2 and is_latin(part):
                first[part]["genders"].add(gender)
                first[part]["sources"].add(source)

    def add_last(name: str, source: str) -> None:
        if is_latin(name) and len(name) >= 2 and name != "Doe":
            last[name].add(source)

    for locale in LATIN_LOCALES + CYRILLIC_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:
            continue
        variants = (
            [lambda n: transliterate(n, _DUDEN), lambda n: transliterate(n, _ENGLISH)]
            if locale in CYRILLIC_LOCALES
            else [lambda n: n]
        )
        src = f"faker:{locale}"
        for conv in variants:
            for gender, attr in (("f", "first_names_female"), ("m", "first_names_male")):
                for n in _names(provider, attr):
                    add_first(conv(n), gender, src)
            for n in _names(provider, "first_names"):
                add_first(conv(n), "u", src)
            for attr in ("last_names", "last_names_male", "last_names_female"):
                for n in _names(provider, attr):
                    add_last(conv(n), src)

    curated = DATA_DIR / "curated_names.txt"
    for line in curated.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, gender, names = line.split("\t", 2)
        for n in names.split(","):
            n = n.strip()
            if not n:
                continue
            if kind == "first":
                add_first(n, gender, "curated")
            else:
                add_last(n, "curated")
    return first, last


def gender_code(genders: set[str]) -> str:
    specific = genders - {"u"}
    return specific.pop() if len(specific) == 1 else "u"


# Names that are everyday German words but whose word use the compound count below
# misses (few compounds end in them). Hand-curated by the project (CC0).
EVERYDAY_WORDS = """Mark August Ernst Rose Mai April Juni Juli Iban Islam Corona Ramadan Real
Power Job Kino Liga Muslim Muslima Imam Cousin Pastor Mentor Agent Major Park Post
Server Salat Junior Nazi Macho Safari Salami Hummer Panda Polo Olympia Vita Gloria
Aura Iris Lila Reis Salz Stern Sturm Frost Herbst Winter Sommer Wolf Fuchs Engel
Kaiser König Prinz Graf Herzog Ritter Richter Vogel Hahn Stein Berg Busch Horn
Schatz Kraft Glück Trost Stolz Freitag Steuer Kosten Lage Masse Zimmer Kopf Zahn
Ring Ball Bett Baum Mann Volk West Wild Gut Reich Held Faust Pilz Huhn Krebs
Kummer Mangel Scherz Schmuck Schutz Staub Stock Villa Ware Linde Heide Flora
Fröhlich Lustig Klug Kühn Schön Schnell Lang Kurz Klein Groß Alt Neu Frank Jung
Weiß Schwarz Braun Roth Grün Blau Gelb Grau Stark Frei Hell Heiß Kühl Bös Rosa
Knapp Solange Müde Still Arm Fromm Hart Weich Treu Froh Selig Nett Edel Fein Rein
Voll Bald Sauer Süß Mild Dick Dünn Breit Hoch Tief Fest Glatt Gern Gerne Ganz
Klare Fügen""".split()


def homographs(first: dict[str, dict], last: dict[str, set]) -> list[str]:
    """Listed names that are everyday German nouns ("Wolf", "Sommer", "Richter").

    A noun counts as everyday if at least two other nouns in the german-nouns
    lexicon (Wiktionary, CC BY-SA 4.0) end in it ("Werwolf", "Fleischwolf"):
    obscure homographs such as "Anna" or "Benjamin" rarely head compounds.
    Given names common in Germany (faker de_*) stay names unless in EVERYDAY_WORDS.
    """
    import csv

    from german_nouns.config import CSV_FILE_PATH

    name_tags = {"Vorname", "Nachname", "Eigenname", "Toponym", "Straßenname"}
    lemmas: set[str] = set()
    form_to_lemma: dict[str, str] = {}
    with open(CSV_FILE_PATH, encoding="utf-8") as fh:
        for row in csv.reader(fh):
            if set(row[1].split(",")) & name_tags or " " in row[0] or row[0] == "lemma":
                continue
            lemmas.add(row[0].lower())
            for form in row[7:]:
                if form and " " not in form:
                    form_to_lemma.setdefault(form.lower(), row[0].lower())
    heads: dict[str, int] = defaultdict(int)
    for lemma in lemmas:
        for cut in range(3, len(lemma) - 2):
            if lemma[cut:] in lemmas:
                heads[lemma[cut:]] += 1
    german_given = {
        n.lower() for n, info in first.items()
        if any(src.startswith("faker:de_") for src in info["sources"])
    }
    out = {w for w in EVERYDAY_WORDS}
    for name in list(first) + list(last):
        low = name.lower()
        if low in german_given:
            continue
        if low in lemmas and heads[low] >= 2:
            out.add(name)
        # Inflected forms of everyday nouns too: "Felder" (plural of "Feld").
        elif low in form_to_lemma and heads[form_to_lemma[low]] >= 2:
            out.add(name)
    return sorted(out, key=str.lower)


def main() -> None:
    first, last = collect()
    words = homographs(first, last)
    with (DATA_DIR / "name_homographs.txt").open("w", encoding="utf-8") as fh:
        fh.write(
            "# Names that are also everyday German nouns — generated by build_lists.py from\n"
            "# the name lists and the german-nouns lexicon (Wiktionary, CC BY-SA 4.0).\n"
        )
        fh.write("\n".join(words) + "\n")
    print(f"homographs: {len(words)}")
    with (DATA_DIR / "first_names.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# name\tgender (f/m/u)\tsources — generated by build_lists.py\n")
        for name in sorted(first):
            info = first[name]
            fh.write(f"{name}\t{gender_code(info['genders'])}\t{','.join(sorted(info['sources']))}\n")
    with (DATA_DIR / "last_names.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# name\tsources — generated by build_lists.py\n")
        for name in sorted(last):
            fh.write(f"{name}\t{','.join(sorted(last[name]))}\n")
    print(f"first names: {len(first)}, last names: {len(last)}")


if __name__ == "__main__":
    main()
