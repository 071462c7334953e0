"""Institution and place classes of issue 15 (section 3) and their hard negatives.

Name sources the detector does not use: mimesis (`de` person names, streets, towns; MIT)
and the hand-written bench-only lists below (Kita names, saints, city districts, head
words the detector does not list). The detector's own word list
(`guardrails/data/institution_words.tsv`) is not read here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache

from .names import draw_person, german_places, pool

Segment = tuple[str, str | None, str]

# Hand-written for the benchmark (not shipped): names Kitas, homes and groups give themselves.
FANCY_NAMES = [
    "Wirbelwind", "Zwergenland", "Sternschnuppe", "Abenteuerland", "Lummerland", "Rasselbande", "Glühwürmchen",
    "Wolkenschloss", "Spatzennest", "Löwenzahn", "Schatzkiste", "Funkelstern", "Purzelbaum", "Kinderinsel",
    "Tausendfüßler", "Krümelkiste", "Sonnenblume", "Regenbogen", "Kunterbunt", "Wichtelhaus", "Biberburg",
    "Marienkäfer", "Traumland", "Eulennest", "Seepferdchen", "Lindenblüte", "Abendrot", "Morgenröte",
    "Sonnenhügel", "Rosengarten", "Haselnuss", "Apfelbaum", "Eichenhain", "Birkenhof", "Am Mühlenbach",
    "Himmelszelt", "Flohkiste", "Pünktchen", "Knirpsenland", "Drachenhöhle",
]
# Written before the detector's naming-word rule (and never used to tune it): held-out Kita/home names.
FANCY_NAMES_HELD_OUT = [
    "Gänseblümchen", "Sausewind", "Kleine Strolche", "Sonnenkäfer", "Regenwurm", "Apfelbäumchen", "Mäuseburg",
    "Wiesenzwerge", "Waldwichtel", "Kuckucksnest", "Libelle", "Spielinsel", "Bärenhöhle", "Kastanienhof", "Fuchsbau",
    "Elefantenhaus", "Rappelkiste", "Tintenklecks", "Storchennest", "Mühlenbach", "Weidenkätzchen", "Hummelnest",
    "Zauberwald", "Frechdachs", "Blumenwiese", "Lichtblick", "Kleeblatt", "Windrose", "Seestern", "Bullerbü",
]
SAINTS = ["St. Martin", "St. Josef", "St. Elisabeth", "St. Marien", "St. Hedwig", "St. Antonius", "St. Barbara",
          "St. Michael", "St. Ludgerus", "Sankt Georg", "St. Franziskus", "St. Clemens"]
# Heads the detector lists (by the issue) and heads it does not (held out: measured apart).
HEADS_KIDS = ["Kita", "Kindergarten", "Kindertagesstätte", "Familienzentrum", "Kinderhaus", "Hort"]
HEADS_CARE = ["Seniorenheim", "Altenzentrum", "Pflegedienst", "Wohngruppe", "Seniorenzentrum", "Tagespflege", "Hospiz"]
HEADS_SCHOOL = ["Grundschule", "Gesamtschule", "Förderschule", "Realschule", "Gymnasium", "Sekundarschule"]
HEADS_TRADE = ["Bäckerei", "Tischlerei", "Gärtnerei", "Metzgerei", "Malerbetrieb", "Autohaus", "Spedition", "Friseursalon"]
HEADS_UNLISTED = ["Jugendwerkstatt", "Kinderkrippe", "Tagesmütter-Verbund", "Ergotherapiepraxis", "Wohnschule",
                  "Lernwerkstatt", "Mehrgenerationenhaus", "Stadtteilladen"]
# A second held-out list, written after the detector's compound-head rule and never used to tune it.
HEADS_UNLISTED_2 = ["Waldkindergarten", "Bewegungskita", "Naturkindergarten", "Jugendkunstschule", "Musikschule",
                    "Physiopraxis", "Suchtklinik", "Biobäckerei", "Behindertenwerkstatt", "Kindertagespflege",
                    "Wohnpflegegemeinschaft", "Jugendclub", "Begegnungsstätte", "Nachbarschaftshaus", "Stadtteilzentrum"]
CARRIERS = ["AWO", "Caritas", "Diakonie", "DRK", "Ev.", "Kath.", "Städtische", "Lebenshilfe"]
LEGAL = ["GmbH", "gGmbH", "e.V.", "& Partner", "GmbH & Co. KG", "KG", "UG"]
# Real city districts (bench-only list) for "Town-District" forms.
DISTRICTS = [("Dortmund", "Hörde"), ("Herne", "Wanne"), ("Bad Salzuflen", "Schötmar"), ("Gelsenkirchen", "Buer"),
             ("Duisburg", "Marxloh"), ("Essen", "Katernberg"), ("Bochum", "Wattenscheid"), ("Hamm", "Bockum-Hövel"),
             ("Köln", "Chorweiler"), ("Bielefeld", "Sennestadt"), ("Hagen", "Haspe"), ("Lünen", "Brambauer"),
             ("Unna", "Massen"), ("Castrop-Rauxel", "Ickern"), ("Recklinghausen", "Suderwich"), ("Detmold", "Hiddesen"),
             ("Paderborn", "Schloß Neuhaus"), ("Hannover", "Linden"), ("Berlin", "Marzahn"), ("Leipzig", "Grünau")]
# German cities of 100,000 inhabitants or more (Großstädte): not "small places" (bench-only list).
BIG_CITIES = set("""Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen Dresden
Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Münster Mannheim Karlsruhe Augsburg Wiesbaden Mönchengladbach
Gelsenkirchen Aachen Braunschweig Kiel Chemnitz Halle Magdeburg Freiburg Krefeld Mainz Lübeck Erfurt Oberhausen Rostock
Kassel Hagen Potsdam Saarbrücken Hamm Ludwigshafen Oldenburg Mülheim Osnabrück Leverkusen Darmstadt Heidelberg Solingen
Herne Regensburg Neuss Paderborn Ingolstadt Offenbach Würzburg Fürth Ulm Heilbronn Pforzheim Wolfsburg Göttingen Bottrop
Reutlingen Koblenz Recklinghausen Bremerhaven Erlangen Remscheid Jena Trier Salzgitter Moers Siegen Hildesheim Cottbus
Gütersloh Kaiserslautern Ludwigsburg Esslingen Witten Iserlohn Schwerin Gera Düren Zwickau Flensburg Ratingen Hanau
Marl Lünen Velbert""".split())


def _surname(rng: random.Random) -> str:
    p = pool(rng.choice(["de", "de", "tr", "pl", "it"]))
    return rng.choice(p.last_male)


def _street_root(rng: random.Random) -> str:
    streets, _ = german_places()
    for _ in range(50):
        s = rng.choice(streets)
        for suffix in ("straße", "weg", "allee", "gasse", "platz", "ring"):
            if s.lower().endswith(suffix) and " " not in s and "-" not in s and len(s) > len(suffix) + 3:
                return s[: -len(suffix)]
    return "Linden"


def _small_town(rng: random.Random) -> str:
    _, cities = german_places()
    while True:
        c = rng.choice(cities)
        if c not in BIG_CITIES and "/" not in c:
            return c


def _name_part(rng: random.Random, head: str) -> str:
    kind = rng.random()
    if kind < 0.35:
        return rng.choice(FANCY_NAMES)
    if kind < 0.5:
        return rng.choice(SAINTS)
    if kind < 0.7:
        return f"{rng.choice(['Am', 'An der', 'Im', 'Zum', 'am'])} {_street_root(rng)}{rng.choice(['park', 'hof', 'garten', 'bach', 'berg'])}"
    if kind < 0.85:
        return _small_town(rng)
    return f"„{rng.choice(FANCY_NAMES)}“"


INSTITUTION_FRAMES = [
    "Ihr Sohn geht seit dem Sommer in die {}.", "Die Tochter ist in der {} angemeldet.",
    "Er wohnt jetzt im {}, Zimmer 12.", "Sie arbeitet bei {} in Teilzeit.", "Die {} hat heute angerufen.",
    "Rückmeldung von {} liegt vor.", "Der Bericht von {} ist angekommen.", "{} meldet Fehlzeiten.",
    "Abholung ab 16 Uhr an der {}.", "Gespräch mit der Leitung von {} am Montag.",
]


def _institution(rng: random.Random, heads: list[str], source: str) -> list[Segment]:
    head = rng.choice(heads)
    name = f"{head} {_name_part(rng, head)}"
    if rng.random() < 0.25:
        name = f"{rng.choice(CARRIERS)} {name}"
    before, after = rng.choice(INSTITUTION_FRAMES).split("{}")
    return [(before, None, ""), (name, "INSTITUTION", source), (after, None, "")]


def _institution_held_out_name(rng: random.Random) -> list[Segment]:
    name = f"{rng.choice(HEADS_KIDS + HEADS_CARE)} {rng.choice(FANCY_NAMES_HELD_OUT)}"
    before, after = rng.choice(INSTITUTION_FRAMES).split("{}")
    return [(before, None, ""), (name, "INSTITUTION", "held-out name"), (after, None, "")]


def _company(rng: random.Random) -> list[Segment]:
    style = rng.random()
    if style < 0.4:
        name = f"{rng.choice(HEADS_TRADE)} {_surname(rng)}"
        name += " " + rng.choice(LEGAL) if rng.random() < 0.5 else ""
    elif style < 0.7:
        name = f"{_surname(rng)} {rng.choice(LEGAL)}"
    else:
        name = f"{_surname(rng)} & {_surname(rng)} {rng.choice(['GmbH', 'KG', 'GbR'])}"
    before, after = rng.choice(["Er arbeitet bei {} als Helfer.", "Die Firma {} zahlt den Lohn.",
                                "Praktikum bei {} ab August.", "Arbeitgeber: {}", "Sie hat bei {} gekündigt."]).split("{}")
    return [(before, None, ""), (name, "INSTITUTION", "company"), (after, None, "")]


def _practice(rng: random.Random) -> list[Segment]:
    head = rng.choice(["Praxis", "Arztpraxis", "Zahnarztpraxis", "Kinderarztpraxis", "Praxis"])
    name = f"{head} {rng.choice(['Dr.', 'Dr. med.', 'Dres.'])} {_surname(rng)}"
    before, after = rng.choice(["Termin in der {} am Freitag.", "Die {} hat das Attest ausgestellt.",
                                "Überweisung von der {} liegt vor."]).split("{}")
    return [(before, None, ""), (name, "INSTITUTION", "practice"), (after, None, "")]


def _named_school(rng: random.Random) -> list[Segment]:
    p = draw_person(rng)
    name = f"{p.first}-{p.last}-{rng.choice(['Schule', 'Gesamtschule', 'Grundschule', 'Gymnasium'])}"
    before, after = rng.choice(["Er geht auf die {}.", "Die {} lädt zum Elternabend.", "Anmeldung an der {}."]).split("{}")
    return [(before, None, ""), (name, "INSTITUTION", "person-named school"), (after, None, "")]


# --- hard negatives: generic public bodies, national organisations, heads used as words -------------
PUBLIC_BODIES = ["Jugendamt", "Jobcenter", "Wohngeldstelle", "Krankenkasse", "Agentur für Arbeit", "Sozialamt",
                 "Familiengericht", "Familienkasse", "Ausländerbehörde", "Bürgeramt", "Gesundheitsamt", "Landratsamt",
                 "Versorgungsamt", "Pflegekasse", "Medizinische Dienst", "Standesamt", "Schulamt", "Finanzamt",
                 "Amtsgericht Dortmund", "Sozialgericht Detmold", "Jobcenter Kreis Unna", "Jugendamt der Stadt Herne",
                 "Polizei", "Rentenversicherung", "Bundesagentur für Arbeit", "Landschaftsverband Westfalen-Lippe"]
NATIONAL = ["AOK", "Barmer", "Techniker Krankenkasse", "DAK", "Deutsche Rentenversicherung", "Caritas", "Diakonie",
            "AWO", "DRK", "Verbraucherzentrale", "Schufa", "Lebenshilfe", "Deutsche Bahn", "Weißer Ring", "VdK"]
GENERIC_USES = [
    "Er hat in der Schule {noun} mit einem Mitschüler.", "Bitte der Kita {noun} geben, wenn sie krank ist.",
    "In der Werkstatt {noun} zu haben ist für ihn wichtig.", "Die Klinik {noun} war gut organisiert.",
    "Im Kindergarten {noun} zu finden ist schwer.", "Die Praxis {noun} ist oft überlaufen.",
    "Die Werkstatt für behinderte Menschen schließt im August.", "Der Pflegedienst der Diakonie kommt morgens.",
    "Die Praxis für Ergotherapie hat einen Platz frei.", "Die Schule beginnt um 8 Uhr.",
    "Nach der Schule geht sie in den Hort.", "Die Kita bleibt am Montag geschlossen.",
]
GENERIC_NOUNS = ["Streitigkeiten", "Freundschaften", "Pflichten", "Aufgaben", "Vorgaben", "Verpflichtungen",
                 "Sorgen", "Nöte", "Schwierigkeiten", "Konflikte", "Probleme", "Kontakte"]


def _public_body(rng: random.Random) -> list[Segment]:
    body = rng.choice(PUBLIC_BODIES)
    before, after = rng.choice(["Antwort von {} liegt vor.", "Zuständig ist {}.", "{}: Der Bescheid ist da.",
                                "Rückfrage bei {} gestellt.", "Unterlagen gehen an {}."]).split("{}")
    return [(before, None, ""), (body, "NEG", "public body"), (after, None, "")]


def _national(rng: random.Random) -> list[Segment]:
    org = rng.choice(NATIONAL)
    before, after = rng.choice(["Die Beratung der {} ist kostenlos.", "Mitglied bei der {} seit Jahren.",
                                "Die {} zahlt das Hilfsmittel.", "Informationen gibt es bei {}."]).split("{}")
    return [(before, None, ""), (org, "NEG", "national organisation"), (after, None, "")]


def _generic_use(rng: random.Random) -> list[Segment]:
    return [(rng.choice(GENERIC_USES).format(noun=rng.choice(GENERIC_NOUNS)), None, "")]


@lru_cache(maxsize=1)
def _singular_nouns() -> tuple[str, ...]:
    """Nominative singular lemmas of german-nouns (Wiktionary), no names or places: everyday nouns the
    sentences below use as objects right after a head word."""
    import csv

    from german_nouns.config import CSV_FILE_PATH

    names = {"Vorname", "Nachname", "Eigenname", "Toponym", "Straßenname"}
    out = []
    with open(CSV_FILE_PATH, encoding="utf-8") as fh:
        rows = csv.reader(fh)
        next(rows)
        for row in rows:
            if set(row[1].split(",")) & names or not row[0].isalpha() or not row[0][:1].isupper() or len(row[0]) < 4:
                continue
            out.append(row[0])
    return tuple(sorted(set(out)))


OBJECT_FRAMES = ["Er hat in der Schule {} gelernt.", "Sie hat in der Kita {} bekommen.",
                 "In der Werkstatt {} zu reparieren dauert lange.", "Im Kindergarten {} zu finden ist schwer.",
                 "Er hat in der Klinik {} erlebt.", "Im Seniorenheim {} anzubieten ist geplant."]


def _head_with_random_noun(rng: random.Random) -> list[Segment]:
    return [(rng.choice(OBJECT_FRAMES).format(rng.choice(_singular_nouns())), None, "")]


# --- places ------------------------------------------------------------------------------------------
def _district(rng: random.Random) -> str:
    if rng.random() < 0.6:
        town, part = rng.choice(DISTRICTS)
    else:  # generated pair: a mimesis town with another mimesis town as district name
        town, part = _small_town(rng), _small_town(rng)
    return f"{town}-{part}"


def _place_next_to(rng: random.Random, district: bool) -> list[Segment]:
    place = _district(rng) if district else _small_town(rng)
    p = draw_person(rng)
    streets, _ = german_places()
    title = "Frau" if p.female else "Herr"
    frames: list[list[Segment]] = [
        [(f"{title} ", None, ""), (p.last, "PERSON", p.source), (" aus ", None, ""), ("{}", None, ""), (" kam zum Termin.", None, "")],
        [("Familie ", None, ""), (p.last, "PERSON", p.source), (" lebt seit 2019 in ", None, ""), ("{}", None, ""), (".", None, "")],
        [("Die Klientin wohnt in ", None, ""), ("{}", None, ""), (".", None, "")],
        [("Der Jugendliche ist nach ", None, ""), ("{}", None, ""), (" umgezogen.", None, "")],
        [(f"{rng.choice(streets)} {rng.randint(1, 99)}", "ADDRESS", "street"), (" in ", None, ""), ("{}", None, "")],
        [("Wohnort: ", None, ""), ("{}", None, "")],
        [(p.first, "PERSON", p.source), (" stammt aus ", None, ""), ("{}", None, ""), (".", None, "")],
    ]
    seg = (place, "LOCATION", "district" if district else "small place")
    return [seg if part == "{}" else (part, label, src) for part, label, src in rng.choice(frames)]


def _place_negative(rng: random.Random) -> list[Segment]:
    place = rng.choice(["Berlin", "Deutschland", "Syrien", "Nordrhein-Westfalen", "Baden-Württemberg", "der Türkei",
                        "Hamburg", "Polen", "Bayern", "Köln"])
    before, after = rng.choice(["Die Familie lebt in {}.", "Sie kommt aus {}.", "Er ist nach {} gezogen.",
                                "Die Tagung in {} war hilfreich."]).split("{}")
    return [(before, None, ""), (place, "NEG", "not identifying place"), (after, None, "")]


POSITIVE: dict[str, Callable[[random.Random], list[Segment]]] = {
    "institution: Kita/children": lambda r: _institution(r, HEADS_KIDS, "kids"),
    "institution: care/housing": lambda r: _institution(r, HEADS_CARE, "care"),
    "institution: school": lambda r: _institution(r, HEADS_SCHOOL, "school"),
    "institution: company": _company,
    "institution: practice Dr.": _practice,
    "institution: person-named school": _named_school,
    "institution: held-out Kita/home names":  _institution_held_out_name,
    "institution: unlisted head (held out, seen)": lambda r: _institution(r, HEADS_UNLISTED, "unlisted head"),
    "institution: unlisted head (held out 2)": lambda r: _institution(r, HEADS_UNLISTED_2, "unlisted head 2"),
    "place: district next to person/address": lambda r: _place_next_to(r, district=True),
    "place: small place next to person/address": lambda r: _place_next_to(r, district=False),
}
NEGATIVE: dict[str, Callable[[random.Random], list[Segment]]] = {
    "public body": _public_body,
    "national organisation": _national,
    "head word used as a word": _generic_use,
    "head + random everyday noun (object)": _head_with_random_noun,
    "country/state/big city": _place_negative,
}
