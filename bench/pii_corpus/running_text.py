"""Running-text classes for person names without cue words (issue 15 §4), written for this project.

The main corpus (`builder.py`) puts most names after cue words ("Frau Demir", "Klientin X"). These
classes put them where German running text puts them: a lone surname as subject or object, foreign
names nobody on the team typed, genitives and plurals (also of names ending in "-e": "Grotkes"),
names after roles and in lists, nicknames (also nouns: "Krümel", "Jojo"), a title and a first name
followed by a surname that is an ordinary word or a town ("Frau Ilvy Kranichfeld", "Herrn Paul
Winter"), and the same in lower-case chat; plus clean sentences full of capitalised nouns, places,
products, months and organisations, and clean lower-case chat full of verbs and adjectives (false
alarms). Four styles: news, case notes, encyclopaedia, chat.

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
    "cue_noun_surname": {
        "news": [
            "{A?Frau|Herr} {A} vom Mieterverein kritisierte die Pläne der Stadt.",
            "Den Vorsitz des Fördervereins hat {A?Frau|Herr} {A} übernommen.",
            "Wie {A?Frau|Herr} {A} mitteilte, bleibt die Beratungsstelle im August geöffnet.",
            "Die Auszeichnung nahm {A?Frau|Herr} {A} stellvertretend für das Team entgegen.",
            "{A?Bürgermeisterin|Bürgermeister} {A} eröffnete am Samstag das neue Familienzentrum.",
            "Nach Angaben von {A?Frau|Herrn} {A} fehlen in der Kita drei Fachkräfte.",
            "{A?Frau|Herr} Dr. {A} leitet die Ambulanz seit dem Frühjahr.",
        ],
        "case": [
            "{A?Frau|Herr} {A} fragt, ob {A?sie|er} Wohngeld bekommt.",
            "Termin mit {A?Frau|Herrn} {A} am Montag um zehn Uhr im Büro.",
            "Bitte rufen Sie {A?Frau|Herrn} {A} wegen der Kostenübernahme zurück.",
            "Wir haben {A?Frau|Herrn} {A} Bescheid gegeben, dass der Antrag bewilligt ist.",
            "Bitte {A?Frau|Herrn} {A} Geld für die Fahrkarte auszahlen.",
            "Der Vormund, {A?Frau|Herr} {A}, war beim Gespräch dabei.",
            "{A?Klientin|Klient} {A} hat heute den Mietvertrag unterschrieben.",
            "Anruf von {A?Frau|Herrn} {A}: Die Heizung ist wieder ausgefallen.",
            "Hausbesuch bei {A?Frau|Herrn} {A} und den zwei Kindern.",
            "{A?Betreuerin|Betreuer} {A} hat die Unterlagen ans Amtsgericht geschickt.",
            "Mit {A?Frau|Herrn} {A} Rücksprache wegen der Schulden halten.",
            "Eingang: Schreiben von {A?Frau|Herrn} {A} vom 3. des Monats.",
            "{A?Frau|Herr} {A} und {B?Frau|Herr} {B} teilen sich die Wohnung.",
        ],
        "encyclopaedic": [
            "Die {A?Sozialreformerin|Sozialreformer} {A} gründete 1921 den ersten Mütterverein der Stadt.",
            "Zu den Gründungsmitgliedern zählte {A?die Ärztin|der Arzt} {A}.",
            "{A?Ihre|Seine} Nachfolge trat {A?die Juristin|der Jurist} {B} an.",
        ],
        "chat": [
            "{A?frau|herr} {A} hat angerufen, was soll ich antworten",
            "kannst du {A?frau|herrn} {A} eine mail schreiben wegen dem termin",
            "brief an {A?frau|herrn} {A}, bitte freundlich formulieren",
            "wie erkläre ich {A?frau|herrn} {A} den bescheid",
            "{A?frau|herr} {A} kommt morgen nicht, bitte termin verschieben",
            "Schreib eine Absage an {A?Frau|Herrn} {A} für den Termin am Freitag.",
        ],
    },
    "genitive_e": {
        "news": [
            "{A_gen} Vorschlag fand im Stadtrat eine knappe Mehrheit.",
            "Nach {A_gen} Einschätzung reicht das Geld nicht bis zum Jahresende.",
            "Die Kritik an {A_gen} Amtsführung wird lauter.",
            "{A_first_gen} Rede wurde mit langem Beifall aufgenommen.",
        ],
        "case": [
            "{A_first_gen} Schulweg ist zu lang, der Fahrdienst wird beantragt.",
            "{A_gen} Wohnung ist seit dem Wasserschaden kaum bewohnbar.",
            "Auf {A_first_gen} Wunsch bleibt die Tür nachts offen.",
            "{A_first_gen} Vater hat heute angerufen.",
            "Die Schule meldet sich wegen {A_first_gen} Fehlzeiten.",
            "Laut {A_gen} Hausärztin ist eine Reha sinnvoll.",
            "Gespräch über {A_full_gen} Schulden mit der Schuldnerberatung.",
        ],
        "encyclopaedic": [
            "{A_gen} Studien zur Jugendarmut gelten als Standardwerk.",
            "Nach {A_gen} Tod übernahm die Tochter die Leitung der Stiftung.",
        ],
        "chat": [
            "wie schreibe ich {A_first_gen} entwicklungsbericht ohne diagnosen",
            "{A_first_gen} mutter will die akte sehen, darf sie das",
            "kannst du {A_gen} widerspruch kürzer machen",
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
            "Heute Morgen hat {A_nick} das Frühstück verweigert.",
            "{A_nick} und {B_nick} haben sich im Flur wieder gestritten.",
            "Bitte {A_nick} nach der Schule abholen, {A?sie|er} hat einen Zahnarzttermin.",
            "Im Gruppenabend hat {A_nick} zum ersten Mal von zu Hause erzählt.",
            "Nachtdienst: {A_nick} konnte nicht schlafen und hat lange geweint.",
            "Für {A_nick} wird ein Platz in der Tagesgruppe gesucht.",
        ],
        "chat": [
            "{A_nick} hat schon wieder sein handy verloren, was mach ich",
            "schreib bitte was nettes für {A_nick} zum abschied",
            "wie spreche ich mit {A_nick} über das rauchen",
            "was schreib ich {A_nick} zum geburtstag",
            "{A_nick} will nicht mehr zur therapie, wie reagiere ich",
            "wie erkläre ich {A_nick} dass {A?sie|er} umziehen muss",
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
            "ruf bitte {A_first} an, {A?sie|er} wartet auf den rückruf",
            "{A_last} meinte gestern, dass die miete nicht bezahlt ist",
            "gib {A_first} bescheid dass die gruppe ausfällt",
            "war {A_last} heute da oder hat {A?sie|er} abgesagt",
            "zwischen {A_first} und {B_first} gabs wieder stress",
            "wie beantworte ich die mail von {A}",
            "{A_gen} antrag ist durch, wie sag ich das {A?ihr|ihm}",
            "termin bei {A_last} am montag absagen",
            "kannst du mir helfen, {A_first} versteht den brief nicht",
            "die {A_plural} haben schon wieder nicht gezahlt",
            "hab {A_first} heute im park getroffen, {A?sie|er} sah schlecht aus",
            "schick {A_first} die einladung nochmal",
            "frage von {A_first}: kann ich meinen termin tauschen",
            "{A} ruft ständig an, wie grenze ich mich ab",
            "mach mir eine notiz: {A_first} braucht neue schuhe",
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

# Lower-case chat without names: imperatives, verbs and adjectives that no noun lexicon knows
# ("mach", "holt", "nettes") stand where names stand in chat.
CLEAN_LOWER_TEMPLATES: dict[str, list[str]] = {
    "chat": [
        "mach mal einen entwurf für den elternbrief",
        "kannst du mir was nettes für die abschiedskarte schreiben",
        "wer holt morgen die schlüssel beim hausmeister ab",
        "schick mir bitte nochmal die vorlage für den hilfeplan",
        "wie lange dauert es bis das wohngeld bewilligt ist",
        "gib mir tipps für ein schwieriges elterngespräch",
        "formulier das bitte freundlicher und kürzer",
        "was heißt eingliederungshilfe in leichter sprache",
        "bring das protokoll in eine ordentliche form",
        "ich brauche eine checkliste für den hausbesuch",
        "wir haben morgen teamsitzung, mach eine tagesordnung",
        "sag mir wie ich einen widerspruch gegen den bescheid schreibe",
        "frag nach ob die fortbildung in {PLACE} stattfindet",
        "lies den text und fass ihn zusammen",
        "halt dich kurz, nur drei sätze",
        "mach aus den stichpunkten einen fließtext",
        "hilf mir bei der dienstplanung für {MONTH}",
        "welche fristen gelten beim bürgergeld",
        "übersetz das ins englische, aber einfach",
        "wie erkläre ich kindern den umzug in eine neue gruppe",
        "zeig mir ein beispiel für einen guten entwicklungsbericht",
        "nimm die namen raus und schreib es neutral",
        "geht das auch ohne dass die eltern zustimmen",
        "sollen wir das in {PRODUCT} oder per mail machen",
        "lass uns die einladung nochmal durchgehen",
        "mir fehlt noch ein schöner schlusssatz",
        "kürz das auf eine seite und mach es verständlicher",
        "wie melde ich mich krank wenn der dienstplan schon steht",
        "gestern war es sehr laut in der gruppe, wie dokumentiere ich das",
        "brauchen wir für den ausflug nach {PLACE} eine einverständniserklärung",
        "ist das so okay oder klingt das zu streng",
        "schreib was aufmunterndes für die kollegin die lange krank war",
        "passt der ton oder ist das zu förmlich",
        "hol mir die wichtigsten punkte aus dem protokoll raus",
        "wann muss der verwendungsnachweis beim {ORG} sein",
        "erklär mir kurz was ein persönliches budget ist",
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
                      "nickname": 0.0, "cue_noun_surname": 0.6, "genitive_e": 0.6}  # fmt: skip
# Classes whose people get surnames of a special kind (see `draw_running_person`).
CLASS_SURNAMES = {"cue_noun_surname": "word", "genitive_e": "e"}
CLEAN_CLASSES = ["clean_caps", "clean_lower"]
CLASSES = list(TEMPLATES) + CLEAN_CLASSES

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
    clean = {cls: [(style, t) for style, ts in templates.items() for t in ts if template_split(t) == split]
             for cls, templates in (("clean_caps", CLEAN_TEMPLATES), ("clean_lower", CLEAN_LOWER_TEMPLATES))}
    by_class: dict[str, list[tuple[str, str]]] = {}
    for cls, style, t in pii:
        by_class.setdefault(cls, []).append((style, t))
    classes = sorted(by_class)
    samples: list[Sample] = []
    for i in range(n):
        if i % 6 == 5:
            clean_cls = CLEAN_CLASSES[(i // 6) % 2]
            style, t = rng.choice(clean[clean_cls])
            segs = _fill(rng, t, {}, split, False)
            lower = clean_cls == "clean_lower" or (style == "chat" and t.islower())
            samples.append(_sample(i, clean_cls, style, segs, split, lower))
            continue
        cls = classes[i % len(classes)] if i % 2 == 0 else rng.choice(classes)
        style, t = rng.choice(by_class[cls])
        german_share = CLASS_GERMAN_SHARE.get(cls, 0.3)
        people = {w: draw_running_person(rng, split, german=rng.random() < german_share,
                                         double=cls == "double_name" and w == "A",
                                         surname=CLASS_SURNAMES.get(cls, ""))
                  for w in "ABCD"}
        segs = _fill(rng, t, people, split, False)
        lower = style == "chat" and (cls in ("lower_chat", "nickname", "list", "plural") or rng.random() < 0.5)
        samples.append(_sample(i, cls, style, segs, split, lower))
    return samples
