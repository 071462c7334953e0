"""Greetings for a feast are no names (issue 15 §4, precision): "Ramadan Kareem" as a pair of
name-like words, and an inflected adjective before a feast after a role word in a salutation
("Liebe Kolleginnen und Kollegen, Frohe Ostern!"). Listed given names next to a feast, and names
in the same greetings, are still found. Sentences written for this test."""

import pytest

from tests.guardrails.conftest import found

NEGATIVES = {
    "a feast and its blessing after 'und'": "Viele Grüße aus der Beratungsstelle und Ramadan Kareem!",
    "a feast and its blessing after a salutation": "Liebes Team, Ramadan Kareem und eine gute Zeit!",
    "an adjective before Easter after a role word": "Liebe Kolleginnen und Kollegen, Schöne Ostern!",
    "an adjective before Christmas after a role word": "Liebe Eltern, Frohe Weihnachten und erholsame Tage!",
    "an adjective before Pentecost after a role word": "Liebe Mitarbeitende, Schöne Pfingsten!",
}


@pytest.mark.parametrize("text", NEGATIVES.values(), ids=NEGATIVES.keys())
def test_feast_greetings_are_no_names(guardrail, text: str) -> None:
    assert found(guardrail, text, "PERSON") == []


POSITIVES = {
    "a listed given name signing a greeting": ("Frohe Ostern wünscht Ihnen Anne Ostermann", "Anne"),
    "a name after the greeting": ("Ramadan Kareem, liebe Fatma Yıldız!", "Fatma"),
    "a name addressed before the greeting": ("Lieber Kareem, Frohe Weihnachten!", "Kareem"),
}


@pytest.mark.parametrize("text,name", POSITIVES.values(), ids=POSITIVES.keys())
def test_names_beside_feast_greetings_are_found(guardrail, text: str, name: str) -> None:
    assert any(name in f for f in found(guardrail, text, "PERSON")), found(guardrail, text, "PERSON")
