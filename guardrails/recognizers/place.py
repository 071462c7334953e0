"""Small places and city districts next to a person or an address (entity LOCATION).

"Frau Demir aus Herne-Wanne", "wohnt in Bad Salzuflen-Schötmar", "Lindenstraße 5 in
Dortmund-Hörde": a district or a village narrows a household down to a few streets.
Masked as ``LOCATION``:

- a district compound (a known town, a hyphen, a district: "Dortmund-Hörde") after
  "in/aus/nach/bei/von";
- any place after a residence cue ("wohnt in", "lebt in", "wohnhaft in", "zieht nach",
  "stammt aus", "Wohnort:") or after a person ("Familie Yilmaz aus …", "Frau K. aus …")
  or an address ("Lindenstraße 5, …"), unless the name alone identifies no one: countries,
  federal states and large cities (``data/non_identifying_places.txt``); a common noun
  is no place ("lebt in Trennung").
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.names import NameLexicon
from guardrails.recognizers.address import STREET

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "non_identifying_places.txt"

_UP = "A-ZÄÖÜ"
_LOW = "a-zäöüß"
_WORD = rf"[{_UP}][{_LOW}]+"
# "am Dienstag" after a place is a time, not part of the name ("Frankfurt am Main").
_NOT_TIME = (
    r"(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|Morgen|Abend|"
    r"Vormittag|Nachmittag|Mittag|Anfang|Ende|Telefon|Termin|Tag|Januar|Februar|März|April|Mai|Juni|"
    r"Juli|August|September|Oktober|November|Dezember)\b)"
)
_PLACE = (
    rf"(?:(?:Bad|Sankt|St\.|Groß|Klein|Neu|Alt|Ober|Unter|Nieder|Hohen|Markt)[\s-])?{_WORD}"
    rf"(?:-{_WORD})*(?:\s(?:an\sder|am|im|ob\sder|in\sder)\s{_NOT_TIME}{_WORD})?(?:\s\((?:Westf|Saale|Oder)\.?\))?"
)
_RESIDENCE = (
    r"(?:wohnt|wohnen|wohnte|lebt|leben|lebte|wohnhaft|gemeldet|zieht|ziehen|gezogen|umgezogen|"
    r"stammt|stammen|kommt|kommen|untergebracht|Wohnort|Wohnsitz|Umzug|Hausbesuch|Heimatort)"
)
_CUED = regex.compile(
    rf"(?<![\w-]){_RESIDENCE}(?:\s+(?:jetzt|seit\s+\S+|noch|wieder|inzwischen|bei\s+\S+))?"
    rf"(?:\s*:\s*|\s+(?:in|nach|aus|im\s+Ortsteil|im\s+Stadtteil)\s+)(?P<place>{_PLACE})(?![\w-])"
)
# German puts the verb last: "ist nach Cham umgezogen", "sind aus Hörde weggezogen".
_VERB_LAST = regex.compile(
    rf"(?<![\w-])(?:in|nach|aus)\s(?P<place>{_PLACE})\s(?:umgezogen|gezogen|verzogen|weggezogen|zurückgezogen|"
    rf"zurückgekehrt|gekommen|geflohen|gemeldet|wohnhaft|untergebracht|aufgewachsen|geboren)(?![\w-])"
)
# After an address: found from the house number on, the street checked backwards (the street
# pattern is costly to try at every position).
_ADDRESS_TAIL = regex.compile(rf"(?<=\s)\d{{1,4}}[a-zA-Z]?(?:,\s|\s(?:in|bei)\s)(?P<place>{_PLACE})(?![\w-])")
_STREET_BEFORE = regex.compile(rf"(?<![\w-]){STREET}\s$")
_AFTER_PERSON = regex.compile(
    rf"(?<![\w-])(?:Frau|Herrn?|Familie|Fam\.|Klientin|Klient|Bewohnerin|Bewohner|Patientin|Patient)"
    rf"\s+(?:\p{{Lu}}[\p{{L}}'-]+|\p{{Lu}}\.)(?:\s\p{{Lu}}[\p{{L}}'-]+)?,?\s(?:aus|in|von)\s(?P<place>{_PLACE})(?![\w-])"
)
_DISTRICT = regex.compile(
    rf"(?<![\w-])(?:in|aus|nach|bei|von|Ortsteil|Stadtteil)\s(?P<place>(?:Bad\s)?{_WORD}(?:-{_WORD}){{1,3}})(?![\w-])"
)


def _load_non_identifying(path: Path) -> frozenset[str]:
    return frozenset(
        line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


class PlaceRecognizer(EntityRecognizer):
    """Entity LOCATION: districts and small places next to a person or an address."""

    def __init__(self, lexicon: NameLexicon, non_identifying_file: Path = DATA_FILE) -> None:
        self._lex = lexicon
        self._not_identifying = _load_non_identifying(non_identifying_file)
        super().__init__(supported_entities=["LOCATION"], supported_language="de", name="PlaceRecognizer")

    def load(self) -> None:  # everything is built in __init__
        pass

    def analyze(
        self, text: str, entities: List[str], nlp_artifacts: Optional[NlpArtifacts] = None
    ) -> List[RecognizerResult]:
        """Places after residence cues, persons and addresses (0.8); districts (0.75)."""
        results = []
        for pattern in (_CUED, _VERB_LAST, _AFTER_PERSON):
            for m in pattern.finditer(text):
                if self._identifies(m.group("place")):
                    results.append(self._result(m.start("place"), m.end("place"), 0.8))
        for m in _ADDRESS_TAIL.finditer(text):
            if _STREET_BEFORE.search(text[max(0, m.start() - 60) : m.start()]) and self._identifies(m.group("place")):
                results.append(self._result(m.start("place"), m.end("place"), 0.8))
        for m in _DISTRICT.finditer(text):
            place = m.group("place")
            parts = place.split("-")
            # a known town before the district: "Dortmund-Hörde", "Castrop-Rauxel-Ickern"
            towns = ["-".join(parts[:i]) for i in range(1, len(parts))]
            if any(self._lex.is_place(t) or self._lex.is_place(t.removeprefix("Bad ")) for t in towns) and self._identifies(place):
                results.append(self._result(m.start("place"), m.end("place"), 0.75))
        return results

    def _identifies(self, place: str) -> bool:
        low = place.lower()
        if low in self._not_identifying or low.split(" (")[0] in self._not_identifying:
            return False
        if "-" not in place and " " not in place:
            if self._lex.is_function_word(place):
                return False
            if self._lex.is_common_noun(place) and not self._lex.is_place(place):
                return False  # "lebt in Trennung", "kommt aus Angst"
        parts = [p for p in regex.split(r"[-\s]", place) if p]
        # "Eltern-Kind-Gruppe": every part a common noun and none a place is no place
        return not all(self._lex.is_common_noun(p) and not self._lex.is_place(p) for p in parts)

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type="LOCATION",
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
