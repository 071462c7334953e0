import pytest

from guardrails import GuardrailSettings
from guardrails.guardrail import Guardrail

CASES = [
    ("Sie hat eine Depression.", ("health",)),
    ("Diagnose: paranoide Schizophrenie", ("health",)),
    ("Er ist alkoholabhängig und in Substitution.", ("health",)),
    ("Sie ist schwanger.", ("health",)),
    ("Schwerbehinderung mit GdB 50", ("health",)),
    ("Die Familie ist muslimisch und fastet im Ramadan.", ("religion",)),
    ("Er ist Jeside.", ("religion",)),
    ("Sie ist lesbisch.", ("sexual_orientation",)),
    ("Er ist vorbestraft wegen Diebstahl.", ("criminal",)),
    ("Die Familie gehört zu den Roma.", ("ethnicity",)),
    ("Er ist in der Gewerkschaft aktiv.", ("trade_union",)),
    ("Wie beantrage ich Wohngeld?", ()),
    ("Die Frist endet am Freitag.", ()),
    ("Ich glaube, der Bescheid ist falsch.", ()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_categories(guardrail, text, expected):
    assert guardrail.special_categories(text) == expected


def test_extra_terms_file(tmp_path):
    terms = tmp_path / "terms.tsv"
    terms.write_text("health\tlongcovid*\n", encoding="utf-8")
    g = Guardrail(GuardrailSettings(special_category_terms_file=terms))
    assert g.special_categories("Verdacht auf LongCovid-Syndrom") == ("health",)


def test_missing_terms_file_error_names_path(tmp_path):
    with pytest.raises(ValueError) as info:
        Guardrail(GuardrailSettings(special_category_terms_file=tmp_path / "nope.tsv"))
    assert "nope.tsv" in str(info.value)


def test_a_recurring_text_is_scanned_once_and_answers_the_same(guardrail):
    """Retrieved passages recur in every message: their categories are kept under a digest of the text, so the
    second call is a lookup — with the same answer, and never for the texts themselves being different."""
    passage = "Bei einer Schwangerschaft oder Schwerbehinderung gelten eigene Fristen."
    first = guardrail.special_categories(passage, recurring=True)
    assert first == guardrail.special_categories(passage) == ("health",)
    scans = []
    real = guardrail._special.categories
    guardrail._special.categories = lambda text: scans.append(text) or real(text)
    try:
        assert guardrail.special_categories(passage, recurring=True) == ("health",)
        assert scans == []  # answered from the kept result
        other = "Die Frist endet am Freitag."
        assert guardrail.special_categories(other, recurring=True) == ()
        assert scans == [other]  # another text is scanned, not confused with the kept one
    finally:
        del guardrail._special.categories
