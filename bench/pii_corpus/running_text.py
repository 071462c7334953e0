"""Running-text classes for person names without cue words (issue 15 §4), written for this project.

The main corpus (`builder.py`) puts most names after cue words ("Frau Demir", "Klientin X"). These
classes put them where German running text puts them: a lone surname as subject or object, foreign
names nobody on the team typed, genitives and plurals, names after roles and in lists, nicknames,
and the same in lower-case chat; plus clean sentences full of capitalised nouns, places, products,
months and organisations (false alarms). Four styles: news, case notes, encyclopaedia, chat.

Names come from `running_names.py` (mimesis locales and this benchmark's own hand lists — never the
detector's faker-based lists or its classifier's training data).

Held out: a third of the templates (by a stable hash of the template) and a third of the names
(`running_names.name_split`) form the held-out split, generated with its own seed. Tune only on the
"dev" split; the held-out figures are reported separately.

Slots: {A} first + last name; {A_first}; {A_last}; {A_gen} surname + genitive ending (the ending is
not gold); {A_first_gen}; {A_full_gen}; {A_plural} surname + plural "s" (not gold); {A_nick}
nickname; {A?female|male} text by gender; B, C, D likewise; {LIST} two to four first names joined
by commas and "und"/"sowie"/"oder". Clean-sentence slots: {ORG} {PRODUCT} {PLACE} {MONTH} {WEEKDAY}
{PROGRAMME} {NEWSPAPER}.
"""

from __future__ import annotations

import random
import re
import zlib

from .builder import GoldSpan, Sample
from .running_names import RunningPerson, draw_running_person

# class -> style -> templates
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "lone_surname": {
        "news": [
            "„Wir werden das nicht hinnehmen“, sagte {A_last} am Abend vor Journalisten.",
            "Nach einer kurzen Pause fuhr {A_last} mit der Rede fort.",
            "Da {A_last} sich weigerte, das Protokoll zu unterschreiben, wurde die Sitzung vertagt.",
            "{A_last} widersprach dem Vorwurf entschieden.",
            "Wie {A_last} betonte, sei die Finanzierung bis zum Jahresende gesichert.",
            "Der Antrag von {A_last} fand im Ausschuss keine Mehrheit.",
            "Auf Nachfrage räumte {A_last} Fehler bei der Planung ein.",
            "Dem Bericht zufolge hatte {A_last} die Mittel bereits im Frühjahr beantragt.",
            "Gegenüber der Zeitung erklärte {A_last}, man habe alle Fristen eingehalten.",
            "Erst im zweiten Wahlgang setzte sich {A_last} gegen die Mitbewerber durch.",
            "Kritik kam vor allem von {A_last}, die Opposition schloss sich an.",
            "Im Interview lobte {A_last} die Zusammenarbeit mit den Wohlfahrtsverbänden.",
        ],
        "case": [
            "Beim Hausbesuch war {A_last} nicht anzutreffen, die Nachbarin nahm den Brief an.",
            "Telefonat am Vormittag: {A_last} bittet um Verschiebung des Termins.",
            "Laut Schulsozialarbeit fehlt {A_last} seit zwei Wochen unentschuldigt.",
            "Im Gespräch wirkte {A_last} angespannt und wollte früher gehen.",
            "Die Unterlagen hat {A_last} vollständig mitgebracht.",
            "Nach Rücksprache mit {A_last} wird der Antrag erst im nächsten Monat gestellt.",
            "Gestern hat {A_last} erneut im Büro angerufen und nach dem Bescheid gefragt.",
            "Weil {A_last} keine Krankenversicherung nachweisen konnte, ruht der Antrag.",
            "Mit {A_last} wurde vereinbart, dass die Miete künftig direkt überwiesen wird.",
            "Das Jugendamt hat {A_last} zu einem weiteren Gespräch eingeladen.",
        ],
        "encyclopaedic": [
            "{A_last} studierte Sozialpädagogik in Köln und arbeitete danach in der Jugendhilfe.",
            "Nach dem Krieg kehrte {A_last} in die Heimatstadt zurück und gründete einen Verein.",
            "Als Vorsitzender des Landesverbands setzte sich {A_last} für die Rechte von Pflegekindern ein.",
            "Zu den Schülern von {A_last} gehörten mehrere spätere Hochschullehrer.",
            "Das Spätwerk von {A_last} blieb lange unbeachtet.",
            "Gemeinsam mit {A_last} veröffentlichte sie 1998 eine Studie zur Wohnungslosigkeit.",
            "Im Jahr 2004 erhielt {A_last} das Bundesverdienstkreuz.",
            "Später zog sich {A_last} aus der Politik zurück.",
        ],
    },
    "foreign_name": {
        "news": [
            "Nach Angaben von {A} sind die Wartezeiten deutlich gestiegen.",
            "Kritisch äußerte sich {A} vom Flüchtlingsrat.",
            "Die Ministerin traf am Dienstag {A} zu einem Gespräch über Migration.",
            "{A} leitet seit März die Beratungsstelle im Norden der Stadt.",
            "Ausgezeichnet wurde in diesem Jahr {A} für ein Projekt gegen Kinderarmut.",
            "Zum neuen Vorstand gehören {A} und zwei Vertreter der Stadt.",
            "Das Gericht hörte am Nachmittag {A} als Zeugin und zwei Sachverständige.",
            "Für die Stiftung sprach {A}, die das Programm seit Jahren betreut.",
            "Eingeladen war auch {A}, der über die Lage in den Unterkünften berichtete.",
            "Den Vorsitz übernimmt {A}, die bisher stellvertretende Leiterin war.",
        ],
        "case": [
            "Erstgespräch mit {A}, kam mit Dolmetscher, Thema Aufenthalt und Arbeit.",
            "{A} ist seit Januar in der Wohngruppe und besucht die Sprachklasse.",
            "Vermerk: {A} hat den Mietvertrag unterschrieben, Einzug zum Monatsende.",
            "Die Kinder von {A} gehen in die Grundschule am Markt.",
            "Anruf von {A} wegen der Kostenübernahme für die Brille.",
            "{A} wurde heute aus dem Krankenhaus entlassen und braucht Hilfe im Haushalt.",
            "Beim Hilfeplangespräch waren {A} und die Vormündin anwesend.",
            "Heute hat {A} zum ersten Mal allein den Termin beim Amt wahrgenommen.",
        ],
        "encyclopaedic": [
            "{A} (geboren 1961) ist eine Sozialwissenschaftlerin, die zu Armut forscht.",
            "Bekannt wurde {A} durch Arbeiten zur Geschichte der Fürsorge.",
            "Das Institut wurde 1972 von {A} gegründet.",
            "{A} gilt als Mitbegründer der gemeindenahen Psychiatrie.",
            "Die Übersetzung besorgte {A}, die Erstausgabe erschien in Leiden.",
        ],
    },
    "double_name": {
        "news": [
            "Für die Initiative sprach {A} vor dem Landtag.",
            "Neu im Kuratorium ist {A}.",
            "Die Sprecherin des Bündnisses, {A}, kündigte weitere Proteste an.",
            "{A} wurde am Sonntag zur neuen Vorsitzenden gewählt.",
            "Im Rat stimmte nur {A} gegen den Haushalt.",
            "Der Preis ging an {A} für die Reportage über Pflegekräfte.",
        ],
        "case": [
            "{A} hat die Ausbildung abgebrochen und sucht einen neuen Platz.",
            "Rückruf bei {A}: Termin bleibt am Donnerstag.",
            "Die Mutter, {A}, wünscht einen Wechsel der Fachkraft.",
            "Vereinbarung mit {A} über die Rückzahlung in kleinen Raten.",
        ],
        "encyclopaedic": [
            "{A} veröffentlichte mehrere Bücher über Kinderrechte.",
            "Nach dem Studium arbeitete {A} zunächst als Lehrerin in Bremen.",
        ],
    },
    "genitive": {
        "news": [
            "Laut {A_gen} Sprecherin ist eine Einigung in Sicht.",
            "{A_first_gen} Eltern kamen zur Preisverleihung.",
            "{A_gen} Antrag wurde mit knapper Mehrheit abgelehnt.",
            "Die Partei stellte sich hinter {A_gen} Vorschlag.",
            "Nach {A_gen} Rücktritt übernahm der Stellvertreter die Geschäfte.",
            "{A_full_gen} Buch über Obdachlosigkeit stand wochenlang auf der Bestsellerliste.",
        ],
        "case": [
            "{A_first_gen} Zimmer war beim Besuch sauber und aufgeräumt.",
            "{A_gen} Vermieter hat die Kaution noch nicht zurückgezahlt.",
            "Auf {A_gen} Wunsch findet das Gespräch ohne die Eltern statt.",
            "Die Schule hat {A_first_gen} Versetzung gefährdet gesehen.",
            "{A_first_gen} Mutter kommt morgen zum Elterngespräch.",
        ],
        "encyclopaedic": [
            "{A_gen} Thesen wurden in den 1980er-Jahren breit diskutiert.",
            "Zu {A_gen} bekanntesten Schriften gehört eine Studie über Heimkinder.",
            "Das Archiv verwahrt {A_gen} Nachlass.",
        ],
    },
    "plural": {
        "news": [
            "Seit Generationen betreiben die {A_plural} den Hof am Ortsrand.",
            "Die Nachbarn der {A_plural} haben die Polizei gerufen.",
            "Die {A_plural} wohnen seit dreißig Jahren in der Siedlung.",
            "Bei den {A_plural} stand das Wasser nach dem Unwetter im Keller.",
            "Auch die {A_plural} wollen gegen die Mieterhöhung klagen.",
        ],
        "case": [
            "Hausbesuch bei den {A_plural}: Die Kinder waren in der Schule.",
            "Die {A_plural} haben den Antrag auf Wohngeld erneut gestellt.",
            "Mit den {A_plural} ist ein Gespräch über die Schulden vereinbart.",
            "Nachbarn berichten, dass es bei den {A_plural} oft laut wird.",
        ],
        "chat": [
            "wie schreibe ich den {A_plural} dass der termin ausfällt",
            "waren die {A_plural} heute beim termin oder nicht",
            "die {A_plural} wollen umziehen, was muss ich beachten",
        ],
    },
    "role_relation": {
        "news": [
            "Trainerin {A} zeigte sich nach dem Spiel zufrieden.",
            "Schulleiter {A_last} verteidigte die Entscheidung der Konferenz.",
            "Oberbürgermeisterin {A_last} eröffnete die neue Tafel.",
            "Prof . {A_last} von der Hochschule warnte vor voreiligen Schlüssen.",
            "Auch Stadtrat {A} sprach sich für die Verlängerung aus.",
            "Dr . {A} leitet die Studie an der Universitätsklinik.",
        ],
        "case": [
            "Sein Schwager {A_first} holt ihn nach der Entlassung ab.",
            "Die Großtante {A} hat die Vormundschaft übernommen.",
            "Heimleiterin {A_last} bittet um die fehlenden Unterlagen.",
            "Kinderarzt {A_last} hat eine Entwicklungsverzögerung festgestellt.",
            "Ihre Freundin {A_first} begleitet sie zum Gericht.",
            "Der Lebensgefährte {A_first} war beim Gespräch nicht anwesend.",
            "Bezugsbetreuerin {A_first} meldet einen Vorfall in der Nacht.",
            "Der Hausmeister {A_last} hat die Tür geöffnet.",
            "Fallführende Fachkraft: Dipl.-Soz.päd. {A_last}.",
        ],
        "encyclopaedic": [
            "Sein Lehrer {A} förderte ihn früh.",
            "Verheiratet war sie mit dem Architekten {A}.",
            "Prof. Dr. {A_last} übernahm 1995 den Lehrstuhl.",
        ],
    },
    "list": {
        "news": [
            "Auf dem Podium diskutierten {LIST} über Kinderarmut.",
            "Ausgezeichnet wurden {LIST} für ihr ehrenamtliches Engagement.",
            "Für die Liste kandidieren {LIST}.",
        ],
        "case": [
            "In der Gruppe sind heute {LIST}, alle sehr unruhig.",
            "{LIST} haben beim Ausflug gut mitgemacht.",
            "Streit zwischen {LIST} beim Mittagessen, bitte im Team besprechen.",
            "Anwesend: {LIST}.",
            "Die Kinder {LIST} werden ab Montag vom Fahrdienst abgeholt.",
        ],
        "chat": [
            "kannst du einen elternbrief für {LIST} schreiben",
            "wer holt heute {LIST} ab",
        ],
    },
    "nickname": {
        "case": [
            "Abends saß {A_nick} lange allein im Gemeinschaftsraum.",
            "Seit {A_nick} die neue Brille hat, liest {A?sie|er} viel mehr.",
            "{A_nick} aus der Wohngruppe hat heute Geburtstag gefeiert.",
            "{A_nick} war nachts wieder unterwegs und kam erst um drei zurück.",
            "Mit {A_nick} wurde über den Ausbildungsplatz gesprochen.",
            "Heute wollte {A_nick} nicht mit in die Schule.",
            "Die Eltern nennen ihn nur {A_nick}, im Ausweis steht ein anderer Name.",
            "Beim Kochen hat {A_nick} zum ersten Mal geholfen.",
        ],
        "chat": [
            "{A_nick} hat schon wieder sein handy verloren, was mach ich",
            "schreib bitte was nettes für {A_nick} zum abschied",
            "wie spreche ich mit {A_nick} über das rauchen",
        ],
    },
    "lower_chat": {
        "chat": [
            "gestern war {A_first} total aufgelöst, wie dokumentiere ich das",
            "frag mal {A_last} ob die unterlagen da sind",
            "schreib an {A_last} dass wir den termin verschieben",
            "{A_first} darf laut gericht nicht zu {B_first}",
            "was antworte ich {A}, {A?sie|er} will die akte sehen",
            "hat {A_last} den bescheid schon bekommen",
            "kurze frage: darf {A_last} die akte einsehen",
            "{A_first} und {B_first} streiten ständig, tipps?",
            "übersetze das für {A_first}, {A?sie|er} spricht kaum deutsch",
            "notiz: {A} kommt erst um zehn",
            "mit {A_last} alles geklärt, danke",
            "ich brauche einen bericht über {A} bis freitag",
            "hab heute mit {A_last} gesprochen, {A?sie|er} meinte der antrag sei durch",
            "{A_first} ist schon wieder nicht gekommen, soll ich das melden",
            "kannst du eine mail an {A} schreiben wegen der nebenkosten",
            "wie formuliere ich dass {A_first} mehr unterstützung braucht",
            "termin mit {A} verschoben auf nächste woche",
            "{A_last} hat angerufen, bitte zurückrufen",
            "fasse zusammen was {A_first} heute erzählt hat",
            "ist es ok wenn {A_first} bei {B_first} übernachtet",
            "brief an {A} wegen mahnung, bitte freundlich",
            "bericht über {A_first_gen} schulbesuch schreiben",
        ],
    },
}

CLEAN_TEMPLATES: dict[str, list[str]] = {
    "news": [
        "Am {WEEKDAY} stellte das {ORG} in {PLACE} den neuen Armutsbericht vor.",
        "Im {MONTH} beginnt in {PLACE} das Programm „{PROGRAMME}“ für Alleinerziehende.",
        "Wie die {NEWSPAPER} berichtet, fehlen in {PLACE} über zweihundert Kitaplätze.",
        "Die Landesregierung will das {ORG} bis {MONTH} mit zusätzlichen Stellen ausstatten.",
        "Seit {MONTH} nutzt das {ORG} {PRODUCT} für die Terminvergabe.",
        "Nach Angaben der {NEWSPAPER} steigen die Mieten in {PLACE} weiter.",
        "Der Sozialausschuss tagt am {WEEKDAY} im Rathaus von {PLACE}.",
        "Die Wohlfahrtsverbände in {PLACE} warnen vor Kürzungen im Haushalt.",
    ],
    "case": [
        "Teamsitzung am {WEEKDAY}: Dienstplan für {MONTH} und Fortbildungen besprechen.",
        "Die Videokonferenz mit dem {ORG} läuft über {PRODUCT}.",
        "Ausflug der Wohngruppe nach {PLACE} ist für {MONTH} geplant.",
        "Unterlagen bitte in {PRODUCT} ablegen, nicht per Mail schicken.",
        "Rückmeldung vom {ORG} kommt voraussichtlich am {WEEKDAY}.",
        "Die Fortbildung „{PROGRAMME}“ findet im {MONTH} in {PLACE} statt.",
        "Neue Vorlage für Hilfeplan, Entwicklungsbericht und Gefährdungseinschätzung im Intranet.",
        "Stationäre Jugendhilfe, Ambulante Hilfen und Offene Ganztagsschule treffen sich am {WEEKDAY}.",
    ],
    "encyclopaedic": [
        "{PLACE} ist eine Stadt im Süden des Landes mit etwa 40.000 Einwohnern.",
        "Das {ORG} wurde nach dem Zweiten Weltkrieg gegründet und hat seinen Sitz in {PLACE}.",
        "Die Freie Wohlfahrtspflege umfasst Caritas, Diakonie, Paritätischen, Rotes Kreuz und Arbeiterwohlfahrt.",
        "Der Begriff Inklusion stammt aus der Soziologie und wurde später in der Pädagogik übernommen.",
        "Die Reform trat im {MONTH} in Kraft und änderte das Zwölfte Buch Sozialgesetzbuch.",
        "Zu den bekanntesten Einrichtungen gehört die Bethel-Stiftung bei {PLACE}.",
    ],
    "chat": [
        "wie lade ich das protokoll in {PRODUCT} hoch",
        "Was bedeutet Eingliederungshilfe nach dem Bundesteilhabegesetz?",
        "Schreib eine Einladung zum Sommerfest am {WEEKDAY} im Stadtteilzentrum.",
        "Erkläre den Unterschied zwischen Bürgergeld, Grundsicherung und Wohngeld.",
        "Kannst du die Präsentation für das {ORG} kürzer machen?",
        "Gibt es in {PLACE} eine Schuldnerberatung mit offener Sprechstunde?",
    ],
}

CLEAN_FILL: dict[str, list[str]] = {
    "ORG": ["Jugendamt", "Sozialamt", "Gesundheitsamt", "Bundesministerium für Arbeit und Soziales",
            "Landesjugendamt", "Diakonische Werk", "Caritas-Zentrum", "Familienministerium",
            "Statistische Bundesamt", "Deutsche Rote Kreuz", "Landratsamt", "Jobcenter",
            "Integrationsamt", "Versorgungsamt", "Studierendenwerk"],
    "PRODUCT": ["Microsoft Teams", "Excel", "Outlook", "SharePoint", "WhatsApp", "Zoom", "Webex",
                "OneDrive", "Nextcloud", "Moodle", "Signal", "Threema", "Vivendi", "SAP"],
    "PLACE": ["Bielefeld", "Gelsenkirchen", "Oberhausen", "Paderborn", "Göttingen", "Rostock",
              "Erfurt", "Regensburg", "Würzburg", "Lüneburg", "Flensburg", "Konstanz", "Kassel",
              "Osnabrück", "Hildesheim", "Wuppertal", "Saarbrücken", "Cottbus", "Görlitz", "Passau",
              "Mannheim", "Heilbronn", "Ingolstadt", "Tübingen", "Marburg"],
    "MONTH": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
              "Oktober", "November", "Dezember"],
    "WEEKDAY": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "PROGRAMME": ["Frühe Hilfen", "Starke Eltern", "Neue Wege", "Gesund Aufwachsen", "Digitale Teilhabe",
                  "Gemeinsam Stark", "Erste Schritte", "Soziale Stadt", "Kultur macht stark"],
    "NEWSPAPER": ["Süddeutsche Zeitung", "Rheinische Post", "Westfälische Rundschau", "Frankfurter Rundschau",
                  "Sächsische Zeitung", "Ostsee-Zeitung", "Tagesschau", "Badische Zeitung"],
}  # fmt: skip

# German given names for lists (mixed with unfamiliar ones): from mimesis de via running_names.
CLASS_GERMAN_SHARE = {"lone_surname": 0.5, "genitive": 0.4, "plural": 0.4, "role_relation": 0.4,
                      "list": 0.5, "lower_chat": 0.4, "foreign_name": 0.0, "double_name": 0.0,
                      "nickname": 0.0}  # fmt: skip
CLASSES = list(TEMPLATES) + ["clean_caps"]

_SLOT = re.compile(r"\{(\w+)(?:\?([^|}]*)\|([^}]*))?\}")


def template_split(template: str) -> str:
    """"dev" or "heldout": a stable split of templates (a third held out)."""
    return "heldout" if zlib.crc32(template.encode("utf-8")) % 3 == 0 else "dev"


def _genitive_end(name: str) -> str:
    return "'" if name[-1:].lower() in ("s", "ß", "x", "z") else "s"


Segment = tuple[str, bool, str]  # text, is gold PERSON, source


def _fill(rng: random.Random, template: str, people: dict[str, RunningPerson], split: str,
          german: bool) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for m in _SLOT.finditer(template):
        out.append((template[pos : m.start()], False, ""))
        pos = m.end()
        name = m.group(1)
        if m.group(2) is not None:
            out.append((m.group(2) if people[name].female else m.group(3), False, ""))
            continue
        if name in CLEAN_FILL:
            out.append((rng.choice(CLEAN_FILL[name]), False, ""))
            continue
        if name == "LIST":
            n = rng.choice([2, 3, 3, 4])
            members = [draw_running_person(rng, split, german=rng.random() < 0.5) for _ in range(n)]
            joiner = rng.choice([" und ", " und ", " sowie ", " oder "])
            for i, p in enumerate(members):
                if i:
                    out.append((joiner if i == n - 1 else ", ", False, ""))
                out.append((p.first, True, p.source))
            continue
        who, _, form = name.partition("_")
        p = people[who]
        if form == "":
            out.append((p.full, True, p.source))
        elif form == "first":
            out.append((p.first, True, p.source))
        elif form == "last":
            out.append((p.last, True, p.source))
        elif form == "nick":
            out.append((p.nick, True, "nickname"))
        elif form in ("gen", "first_gen", "full_gen"):
            value = {"gen": p.last, "first_gen": p.first, "full_gen": p.full}[form]
            out.append((value, True, p.source))
            out.append((_genitive_end(value), False, ""))
        elif form == "plural":
            out.append((p.last, True, p.source))
            out.append(("s" if p.last[-1:] not in "sxzß" else "", False, ""))
        else:
            raise KeyError(name)
    out.append((template[pos:], False, ""))
    return out


def _sample(idx: int, cls: str, style: str, segments: list[Segment], split: str, lower: bool) -> Sample:
    parts: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    for text, gold, source in segments:
        if lower:
            text = text.lower()
        if gold:
            spans.append(GoldSpan(pos, pos + len(text), "PERSON", source))
        parts.append(text)
        pos += len(text)
    tags = (f"class:{cls}", f"style:{style}", f"split:{split}") + (("lowercase",) if lower else ())
    return Sample(f"running-{split}-{idx:05d}", "".join(parts), tuple(spans), style, f"running_{cls}", tags)


def generate_running(n: int, seed: int, split: str = "dev") -> list[Sample]:
    """`n` samples of the running-text classes for one split ("dev" or "heldout"), about one
    in six of them clean sentences. Deterministic for (n, seed, split)."""
    if split not in ("dev", "heldout"):
        raise ValueError(split)
    rng = random.Random(f"{seed}:{split}")
    pii = [(cls, style, t) for cls, styles in TEMPLATES.items() for style, ts in styles.items() for t in ts
           if template_split(t) == split]
    clean = [(style, t) for style, ts in CLEAN_TEMPLATES.items() for t in ts if template_split(t) == split]
    by_class: dict[str, list[tuple[str, str]]] = {}
    for cls, style, t in pii:
        by_class.setdefault(cls, []).append((style, t))
    classes = sorted(by_class)
    samples: list[Sample] = []
    for i in range(n):
        if i % 6 == 5:
            style, t = rng.choice(clean)
            segs = _fill(rng, t, {}, split, False)
            samples.append(_sample(i, "clean_caps", style, segs, split, style == "chat" and t.islower()))
            continue
        cls = classes[i % len(classes)] if i % 2 == 0 else rng.choice(classes)
        style, t = rng.choice(by_class[cls])
        german_share = CLASS_GERMAN_SHARE.get(cls, 0.3)
        people = {w: draw_running_person(rng, split, german=rng.random() < german_share,
                                         double=cls == "double_name" and w == "A")
                  for w in "ABCD"}
        segs = _fill(rng, t, people, split, False)
        lower = style == "chat" and (cls in ("lower_chat", "nickname", "list", "plural") or rng.random() < 0.5)
        samples.append(_sample(i, cls, style, segs, split, lower))
    return samples
