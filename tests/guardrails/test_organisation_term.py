import pytest

from tests.guardrails.conftest import found

VALID = [
    ("Er lebt im Kinderhaus Sonnenschein seit Mai.", "Kinderhaus Sonnenschein"),
    ("Er lebt im kinderhaus sonnenschein.", "kinderhaus sonnenschein"),
    ("Wohngruppe Lindenhof: Übergabe", "Wohngruppe Lindenhof"),
]
NEAR_MISSES = ["Das Kinderhaus hat Sonnenschein.", "Die Wohngruppe am Lindenhofplatz"]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_always_mask_found(guardrail, text, expected):
    assert found(guardrail, text, "ORGANISATION_TERM") == [expected]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_always_mask_near_misses(guardrail, text):
    assert found(guardrail, text, "ORGANISATION_TERM") == []
