"""What a question asks for beyond a quantity, and the guideline units that answer that kind of question best
(issue 18: "evidence first").

The evidence ranking (:func:`knowledge.evidence.select_evidence`) is similarity plus keyword overlap; for some
kinds of question the unit most similar to the question is not the one that answers it. An **enumeration**
question ("Welche Schritte …?", "Wofür steht die Abkürzung …?", "Was zählt als …?", "Wie gehe ich vor?") is
answered by a list, not by one of its items or by the sentence that defines the term: a whole list unit, or a
sentence that enumerates after a colon, ranks higher (an item only when its list is too long to be a unit).

The preference only orders the units that are clear enough on their own (like the kind preference of
:mod:`knowledge.quantity_kinds`); the score judged against the minimum stays the unit's own, so it never makes
weak evidence look clear, nor puts a weak unit before a clear one. Questions are read
as staff type them: lower case, without the question mark, colloquial ("wie geh ich da vor"), misspelt
("wofuer steht").

Measured and left out (bench/answers.py --evidence-only, tuned questions): preferring units that state a rule
("darf", "nicht", "in der Regel kein" …) for yes/no questions quoted no further key fact and let a promoted
rule sentence with a lower score turn one answerable question weak; the tuned "who" questions already had the key
fact in their best unit, so a preference for responsible roles had nothing to show there.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------------------------- enumeration
_ENUMERATION_QUESTION = re.compile(
    r"\bwof(?:ü|ue|u)r\s+steh\w*|\bwas\s+(?:heißt|heisst|bedeutet)\s+(?:die\s+)?abk(?:ü|ue|u)rzung\b|"
    r"\bwie\s+(?:geh|gehe|gehen)\s+(?:ich|wir|man)\b[^?.!]*\bvor\b|\bvorgehen\b|\bvorgehensweise\b|"
    r"\bwelche\w*\s+(?:\w+\s+)?(?:schritte|schritten|punkte|bestandteile|angaben|teile|elemente|beispiele|"
    r"kriterien|anzeichen|merkmale|stufen|phasen|regeln|unterlagen|dokumente|nachweise)\b|"
    r"\b(?:in\s+welcher\s+)?reihenfolge\b|\bablauf\w*|\bwie\s+l(?:ä|ae|a)uft\b[^?.!]*\bab\b|"
    r"\bwas\s+(?:geh(?:ö|oe|o)rt|z(?:ä|ae|a)hlt)\s+(?:\w+\s+)?(?:alles\s+)?(?:zu|zum|zur|in|als|dazu)\b|"
    r"\bwas\s+muss\s+(?:\w+\s+){0,3}?(?:alles\s+)?(?:rein|hinein|drin|drinstehen|enthalten|dabei\s+sein)\b|"
    r"\bwas\s+(?:muss|soll)\s+(?:ich|man|wir)\s+(?:alles|der\s+reihe\s+nach)\b|"
    r"\b(?:aufbau|struktur|gliederung|schema)\b",
    re.IGNORECASE)
# A sentence that enumerates: three or more parts after a colon ("Einstufung: keine, latente oder akute …").
_ENUMERATES = re.compile(r":\s*[^:.;\n,]+(?:,\s*[^:.;\n,]+)+,?\s+(?:und|oder|sowie)\s+[^.;\n]+")


def asks_for_enumeration(question: str) -> bool:
    """The question asks for steps, parts, examples or what an abbreviation stands for."""
    return bool(_ENUMERATION_QUESTION.search(question))


def enumerates(text: str, kind: str) -> bool:
    """The unit is a whole list (``kind`` ``list``, see :mod:`knowledge.sentences`) or enumerates after a colon."""
    return kind == "list" or bool(_ENUMERATES.search(text))
