"""Licence plates after a vehicle cue, in any case and spacing ("Kfz: ms-ab 7481", "Wagen DO AB 123E")."""

from __future__ import annotations

import re
from typing import List, Optional

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# Words after which a plate follows: the plate itself and the vehicle it belongs to.
_CUE = (
    r"(?:kfz-kennzeichen|kfz-zeichen|amtliche[sn]?\s+kennzeichen|fahrzeugkennzeichen|kennzeichen|"
    r"nummernschild|kfz|pkw|lkw|wagen|auto|fahrzeug|motorrad|motorroller|roller|transporter|"
    r"wohnmobil|anhänger|kleinbus)"
)
# Between cue and plate: ":", "(", "Nr.", "lautet", "ist", "mit dem Kennzeichen" is a cue itself.
_GAP = r"(?:[ \t]*(?:[:(]|nr\.?|lautet|ist)[ \t]*){0,2}[ \t]*"
# District (1–3 letters, umlauts possible), 1–2 letters, 1–4 digits, E (electric) or
# H (historic); hyphen, space or nothing between the parts.
_PLATE = r"[a-zäöü]{1,3}(?:[ ]?-[ ]?|[ ])?[a-z]{1,2}(?:[ ]?-[ ]?|[ ])?[1-9]\d{0,3}[eh]?"
# Lower-case letter groups that are ordinary words ("mit dem auto bis um 12").
_WORDS = frozenset(
    """am an im in um zu ab bis es er ich du wir ihr sie da so wo ob der die das den dem des ein mit
    von vom zum zur auf aus bei für hat ist war und nur neu alt ca pro per je ja nie tag uhr rot
    weg wie was wer nun gut eng als""".split()
)


class LowerCasePlateRecognizer(PatternRecognizer):
    """Entity DE_KFZ after a vehicle cue, complementing Presidio's DeKfzRecognizer
    (upper case, scored by context). Lower-case "ab cd 12" shapes are everywhere in
    ordinary typing ("bis am 12"), so this recognizer fires only after a cue, and a
    lower-case match whose letter groups are both German words is rejected."""

    PATTERNS = [
        Pattern("plate after cue", rf"(?<=(?<![\w-]){_CUE}[.]?{_GAP}){_PLATE}(?![\w])", 0.85),
    ]
    # The same as one forward pattern (a look-behind tried at every position is slow).
    _FORWARD = re.compile(rf"(?<![\w-]){_CUE}[.]?{_GAP}(?P<plate>{_PLATE})(?![\w])", re.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(
            supported_entity="DE_KFZ",
            patterns=list(self.PATTERNS),
            supported_language="de",
            name="LowerCasePlateRecognizer",
            global_regex_flags=re.DOTALL | re.MULTILINE | re.IGNORECASE,
        )

    def analyze(
        self,
        text: str,
        entities: List[str],
        nlp_artifacts: Optional[NlpArtifacts] = None,
        regex_flags: Optional[int] = None,
    ) -> List[RecognizerResult]:
        """Plates after a cue (score 0.95: above a name found inside, "MS J 2190"), minus lower-case word runs."""
        results = []
        for m in self._FORWARD.finditer(text):
            start, end = m.span("plate")
            if self.invalidate_result(m.group("plate")):
                continue
            results.append(
                RecognizerResult(
                    entity_type="DE_KFZ", start=start, end=end, score=0.95,
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                          RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
                )
            )
        return results

    def invalidate_result(self, pattern_text: str) -> Optional[bool]:
        """Reject lower-case matches without a hyphen that run district and letters together
        ("pkw am 12") or whose two letter groups are German words ("auto bis um 12");
        "ms ab 7481" and "da-ab 12" stay plates."""
        if pattern_text != pattern_text.lower() or "-" in pattern_text:
            return None
        groups = re.findall(r"[a-zäöü]+", pattern_text)
        return True if len(groups) < 2 or all(g in _WORDS for g in groups[:2]) else None
