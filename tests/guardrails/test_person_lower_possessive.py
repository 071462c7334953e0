"""A surname's possessive before its noun (issue 15 §4): "Xs Antrag", and in chat typed in lower case
"xs antrag ist durch", "x' antrag …", where the noun after the genitive is lower case too. A stem no
lexicon knows counts whatever the classifier scores it: long made-up names score near 0."""

import random

import pytest

from tests.guardrails.conftest import found, missed_names
from tests.privacy.fictional import make_client


@pytest.mark.parametrize("context", [
    "{low}s antrag ist durch, wie sag ich das ihm",
    "hab {low}s akte nicht gefunden",
])
def test_made_up_surnames_possessive_typed_lower(guardrail, context):
    _assert_found(guardrail, context, lower=True)


def test_made_up_surnames_possessive_capitalised(guardrail):
    _assert_found(guardrail, "Die Schule schreibt, {low}s Antrag sei unvollständig.", lower=False)


def _assert_found(guardrail, context, lower):
    rng = random.Random(20261208)
    names = [c.last.lower() if lower else c.last for c in (make_client(rng) for _ in range(200)) if not c.last.endswith(("s", "x", "z", "ß"))]
    missed = missed_names(guardrail, ((n, context.format(low=n)) for n in names))
    assert len(missed) <= len(names) // 20, missed  # ≤ 5 %


@pytest.mark.parametrize("text,expected", [
    ("dorkalis' antrag ist durch, wie sag ich das ihr", ["dorkalis"]),
    ("brumpfatz' akte liegt bei mir", ["brumpfatz"]),
])
def test_apostrophe_possessive_typed_lower(guardrail, text, expected):
    assert found(guardrail, text, "PERSON") == expected


ORDINARY_WORDS = {
    "a noun's genitive with an apostrophe": "kurs' ende naht, was mach ich dann",
    "a plural before a noun": "kids zimmer ist chaos",
    "a brand before a noun": "windows update macht probleme",
    "a genitive-looking word before a verb": "abends essen wir zusammen",
}


@pytest.mark.parametrize("text", ORDINARY_WORDS.values(), ids=ORDINARY_WORDS.keys())
def test_ordinary_words_typed_lower_stay(guardrail, text):
    assert found(guardrail, text, "PERSON") == []
