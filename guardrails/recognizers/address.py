"""Street addresses and PLZ + town (entity ADDRESS)."""

from __future__ import annotations

import re
from typing import Callable, Optional

from presidio_analyzer import Pattern, PatternRecognizer

_UP = "A-ZÄÖÜ"
_LOW = "a-zäöüß"
_WORD = rf"[{_UP}][{_LOW}]+"
# Street-type endings written as part of the word ("Lindenstraße") …
_SUFFIX = (
    r"(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|steig|pfad|"
    r"chaussee|markt|berg|hof|garten|wall|graben|kamp|stieg|twiete|zeile|promenade|"
    r"stra[sß]e)"
)
# … or as a separate word ("Karl-Marx-Straße", "Alte Landstraße", "Am Markt").
_STREET_WORD = (
    r"(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee|Markt|"
    r"Steig|Pfad|Promenade|Wall|Graben)"
)
_NOT_A_STREET = (
    r"(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|"
    r"Morgen|Vormittag|Mittag|Nachmittag|Abend|Anfang|Ende|Telefon|Termin|Tag)\b)"
)
_PREPOSITION_STREET = (
    rf"(?:Am|An\sder|An\sden|Auf\sdem|Auf\sder|Im|In\sder|In\sden|Zum|Zur|Hinter\sder|"
    rf"Unter\sden|Vor\sdem|Alte|Alter|Neue|Neuer|Große|Großer|Kleine|Kleiner)\s{_NOT_A_STREET}{_WORD}"
)
# House numbers; a year ("Im Jahr 2024") is not one.
_HOUSE_NO = (
    r"(?!(?:19|20)\d\d(?!\d))\d{1,4}(?:\s?[a-zA-Z](?![\wäöüß]))?(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?)?"
)

STREET = (
    rf"(?:{_WORD}(?:-(?:{_WORD}|von|vom|der|am|an))*-?{_SUFFIX}"
    rf"|[{_UP}][{_LOW}]+(?:-|\s)(?:(?:[{_UP}][{_LOW}]+|von|vom|der|zu|am)(?:-|\s)){{0,3}}{_STREET_WORD}"
    rf"|{_PREPOSITION_STREET})"
)
TOWN = rf"[{_UP}][{_LOW}]+(?:[-\s](?:an\sder\s|am\s|im\s|ob\sder\s)?[{_UP}][{_LOW}]+)?"
PLZ_TOWN = rf"(?:D-)?(?:0[1-9]|[1-9]\d)\d{{3}}\s{TOWN}"
# The same in lower-case typing ("wohnt in der horazweg 58, 74750 hirschberg").
_LOWER_STREET = (
    r"(?:[a-zäöü][a-zäöüß]+(?:-[a-zäöüß]+)*-?(?:straße|strasse|str\.|weg|allee|gasse|damm|chaussee|platz|ufer)"
    r"|[a-zäöü][a-zäöüß]+\s(?:straße|strasse|str\.|weg|allee|gasse|platz))"
)
# A second word only after a hyphen, a connector ("frankfurt am main") or a first word that needs one ("bad
# oeynhausen"): "44135 dortmund ist frei" ends at the town.
_LOWER_PLZ_TOWN = (
    r"(?:0[1-9]|[1-9]\d)\d{3}\s(?:(?:bad|sankt|st\.|neu|alt|groß|klein)\s)?[a-zäöü][a-zäöüß]+"
    r"(?:(?:-|\s(?:an\sder|am|im|ob\sder)\s)[a-zäöü][a-zäöüß]+)?"
)
# Lower-case streets named with a preposition or an adjective ("am alten markt 3", "auf dem brink 19"): only
# with PLZ and town after them — alone, "am montag 3" or "im raum 12" look the same.
_LOWER_PREPOSITION_STREET = (
    r"(?:am|an\sder|an\sden|auf\sdem|auf\sder|im|in\sder|in\sden|zum|zur|hinter\sdem|hinter\sder|"
    r"unter\sden|vor\sdem|alte|alter|neue|neuer|große|großer|kleine|kleiner)"
    r"\s(?:[a-zäöüß]+\s)?[a-zäöü][a-zäöüß]+(?:-[a-zäöüß]+)*"
)
# A post-office box ("Postfach 10 02 44") reaches a person as an address does.
_PO_BOX = r"Postfach\s\d{1,3}(?:\s?\d{2,3}){1,3}"


# Places that are numbered slots, not streets, though they end in "-platz": a parking or work place
# ("Parkplatz 28 ist reserviert"). Squares ("Marktplatz 3", "Lindenplatz 5") stay addresses.
_NUMBERED_SLOT = re.compile(
    r"(?:Park|Stell|Abstell|Arbeits|Sitz|Liege|Steck|Schlaf|Praktikums|Ausbildungs|Studien|Kita|Krippen|"
    r"Kindergarten|Heim|Therapie|Pflege|Wohn|Zelt|Camping|Wohnmobil)platz\s\d"
)


class GermanAddressRecognizer(PatternRecognizer):
    """"Lindenstraße 12", "Karl-Marx-Str. 5a, 44135 Dortmund", "Am Markt 3", "44135 Dortmund".

    The town after a PLZ must not be a common noun ("12000 Euro", "10000 Menschen").
    """

    PATTERNS = [
        Pattern(
            "street + number (+ PLZ town)",
            rf"(?<![\w-]){STREET}\s{_HOUSE_NO}(?:,?\s(?:in\s)?{PLZ_TOWN})?(?![\wäöüß])",
            0.75,
        ),
        Pattern("PLZ + town", rf"(?<![\w.,-]){PLZ_TOWN}(?![\wäöüß])", 0.65),
        Pattern(
            "street without street word, before PLZ + town ('Kohlhasenbrück 147, 84456 Otterndorf')",
            rf"(?<![\w-]){_WORD}(?:[\s-]{_WORD})?\s{_HOUSE_NO},\s{PLZ_TOWN}(?![\wäöüß])",
            0.7,
        ),
        Pattern(
            "street + number, lower case",
            rf"(?<![\w-]){_LOWER_STREET}\s{_HOUSE_NO}(?:,?\s(?:in\s)?{_LOWER_PLZ_TOWN})?(?![\wäöüß])",
            0.7,
        ),
        Pattern(
            "preposition street + number + PLZ town, lower case",
            rf"(?<![\w-]){_LOWER_PREPOSITION_STREET}\s{_HOUSE_NO},?\s{_LOWER_PLZ_TOWN}(?![\wäöüß])",
            0.7,
        ),
        Pattern("post-office box (+ PLZ town)", rf"(?<![\w-]){_PO_BOX}(?:,?\s{PLZ_TOWN})?(?![\däöüß\w])", 0.75),
    ]

    CONTEXT = ["adresse", "anschrift", "wohnhaft", "wohnt", "wohnort", "straße", "plz"]

    def __init__(self, is_common_word: Callable[[str], bool] = lambda _w: False) -> None:
        super().__init__(
            supported_entity="ADDRESS",
            patterns=list(self.PATTERNS),
            context=self.CONTEXT,
            supported_language="de",
            name="GermanAddressRecognizer",
            global_regex_flags=re.DOTALL | re.MULTILINE,
        )
        self._is_common_word = is_common_word

    def invalidate_result(self, pattern_text: str) -> Optional[bool]:
        """A PLZ-shaped number followed by a common noun is an amount, not a town; a numbered slot
        ("Parkplatz 28", "Stellplatz 3", "Arbeitsplatz 12") is no street."""
        m = re.match(r"^(?:D-)?\d{5}\s([^\s-]+)", pattern_text)
        if m and self._is_common_word(m.group(1)):
            return True
        if _NUMBERED_SLOT.match(pattern_text):
            return True
        return None
