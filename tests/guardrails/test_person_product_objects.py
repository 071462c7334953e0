"""Unknown product and app names after nouns of software, access and training (issue 15 §4, clean
brands): "Der Zugang zu Stashcat ist beantragt", "Schulung zu Carecenter am Mittwoch". The object of
such a noun is a product or a topic; the rule "an unknown word before 'ist'/'hat' is a subject" no
longer takes it. After a noun of training only "zu" names a topic: "bei", "mit", "von" still name people.
"""

import pytest

from tests.guardrails.conftest import found

PRODUCTS = {
    "access to an app, before 'ist'": "Der Zugang zu Stashcat ist beantragt.",
    "a licence for a product, before 'ist'": "Die Lizenz für Sozplaner ist abgelaufen.",
    "training on a product": "Schulung zu Carecenter am Mittwoch im Seminarraum.",
    "further training on a product, before 'war'": "Die Fortbildung zu Careplus war gut.",
    "an instruction for a product, before 'ist'": "Die Anleitung zu Vivendi ist im Intranet.",
    "a workshop on a product, compound head": "Der Praxisworkshop zu Mediflow ist ausgebucht.",
}


@pytest.mark.parametrize("text", PRODUCTS.values(), ids=PRODUCTS.keys())
def test_product_after_software_or_training_noun_is_no_name(guardrail, text: str) -> None:
    assert found(guardrail, text, "PERSON") == []


PEOPLE = {
    "training given by someone ('bei')": ("Schulung bei Xhevdeti am Mittwoch.", "Xhevdeti"),
    "an appointment about someone ('zu' after a non-training noun)": ("Der Termin zu Kaltenegger ist verschoben.", "Kaltenegger"),
    "a talk with someone": ("Das Gespräch mit Xhevdeti ist verschoben.", "Xhevdeti"),
    "an instruction by someone ('von')": ("Die Einweisung von Okonkwo ist am Montag.", "Okonkwo"),
    "an unknown subject before 'ist' without a product noun": ("Gestern ist Okonkwo nicht gekommen.", "Okonkwo"),
}


@pytest.mark.parametrize("text,name", PEOPLE.values(), ids=PEOPLE.keys())
def test_people_next_to_training_nouns_are_still_found(guardrail, text: str, name: str) -> None:
    assert name in found(guardrail, text, "PERSON")
