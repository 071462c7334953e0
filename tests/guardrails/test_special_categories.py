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
