"""What an answer may do, given what the guidelines hold (issue 18: "no source, no rule").

* grounded evidence → the evidence is quoted first, the model explains it from trimmed excerpts;
* a question the guidelines answer only unclearly → no model call: say which guideline might apply, quote
  it, and ask back instead of guessing;
* a question nothing answers → no model call: say so first, name no rule, deadline or responsibility;
* anything else with no or unclear sources — a request for a text (a letter, a summary), a greeting, a
  statement — → the model answers, told that nothing was found and that it must not state the
  organisation's rules; the user sees that first, and the draft check marks any number or deadline no
  source holds.

Why not ask the model when nothing fits a question: measured on bench/data/answers, the embedded 1.5B model
turned "nothing found" into invented rules; a fixed answer is correct, and instant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from knowledge.evidence import Evidence, Grounding

# A request for a text rather than a rule: these verbs anywhere, or a long pasted text.
_TEXT_REQUEST = re.compile(
    r"\b(?:schreib\w*|formulier\w*|umformulier\w*|verfass\w*|entw(?:irf|erfen|urf\w*)|erstell\w*|übersetz\w*|"
    r"zusammenfass\w*|fass\w*\s+(?:\w+\s+){0,6}zusammen|korrigier\w*|überarbeit\w*|vereinfach\w*|kürz\w*|"
    r"gliede\w*|brainstorm\w*|vorschl\w*|ideen)\b", re.IGNORECASE)
_LONG_REQUEST = 400
# A question: a question mark, or a German question word or verb first ("Wer …", "Darf ich …").
_QUESTION_START = re.compile(
    r"^\W*(?:wer|wen|wem|wessen|was|wann|wo|wie|warum|wieso|weshalb|wozu|wohin|woher|welche\w*|wieviel\w*|"
    r"kann|kannst|können|darf|dürfen|muss|musst|müssen|soll|sollen|sollte|gibt|gilt|gelten|ist|sind|hat|haben|"
    r"habe|bekomme|bekommt|bekommen|kriegt|kriege|brauche|braucht|brauchen|werden|wird|zahlt|reicht|steht|geht|"
    r"lohnt|stimmt|zählt|entscheidet|entscheiden)\b", re.IGNORECASE)


class Action(StrEnum):
    GROUNDED = "grounded"  # quote the evidence, the model explains it
    ASK_BACK = "ask_back"  # name the guideline that might apply, quote it, ask back; no model call
    DECLINE = "decline"  # nothing found: say so, no rule; no model call
    OPEN = "open"  # a text request without sources: the model writes it without the organisation's rules


@dataclass(frozen=True)
class AnswerPlan:
    action: Action
    evidence: Evidence

    @property
    def calls_model(self) -> bool:
        return self.action in (Action.GROUNDED, Action.OPEN)


def asks_for_text(message: str) -> bool:
    """The message asks for a text to be written or changed, not for a rule."""
    return len(message) > _LONG_REQUEST or bool(_TEXT_REQUEST.search(message))


def is_question(message: str) -> bool:
    """The message asks something (rather than asking for a text or just talking)."""
    if asks_for_text(message):
        return False
    return "?" in message or any(_QUESTION_START.match(part) for part in re.split(r"(?<=[.!:])\s+", message))


def plan_answer(message: str, evidence: Evidence) -> AnswerPlan:
    if evidence.grounding is Grounding.GROUNDED:
        return AnswerPlan(Action.GROUNDED, evidence)
    if not is_question(message):
        return AnswerPlan(Action.OPEN, evidence)
    if evidence.grounding is Grounding.UNCERTAIN and evidence.sentences:
        return AnswerPlan(Action.ASK_BACK, evidence)
    return AnswerPlan(Action.DECLINE, evidence)
