"""No original value may appear in logs, exception messages or reprs."""

import logging

import pytest

from guardrails import GuardrailSettings
from guardrails.guardrail import Guardrail

SEEDED = [
    "Aylin", "Demir", "14.03.1987", "aylin.demir@web.de", "0176 12345678",
    "DE89 3704 0044 0532 0130 00", "Hinterdorf",
]
TURNS = [
    "Frau Aylin Demir (geb. 14.03.1987, aylin.demir@web.de) braucht Hilfe beim Antrag auf Wohngeld.",
    "Ihre Nummer ist 0176 12345678, IBAN DE89 3704 0044 0532 0130 00. Sie hat eine Depression.",
    "Demirs Sohn wohnt in Hinterdorf.",
]


def _assert_clean(text: str) -> None:
    for secret in SEEDED:
        assert secret not in text, "an original value leaked"


def test_full_chat_leaves_no_trace(caplog):
    caplog.set_level(logging.DEBUG)  # everything, including Presidio's debug output
    guardrail = Guardrail(GuardrailSettings())
    conv = guardrail.conversation()
    seen_objects = [guardrail, conv]
    for turn in TURNS:
        protected = conv.protect(turn)
        seen_objects += [protected, *protected.findings, *guardrail.detect(turn)]
        if "Hinterdorf" not in turn:  # not yet marked, so it stays in clear text
            _assert_clean(protected.text)
    conv.mark("Hinterdorf", "LOCATION")
    stream = conv.restorer()
    stream.feed("[Person 1]s Antrag, [Pers")
    seen_objects += [stream, conv.protect(TURNS[2])]
    restored = conv.restore("[Person 1]")
    assert restored == "Aylin Demir"
    _ = conv.pseudonym_table()

    for obj in seen_objects:
        _assert_clean(repr(obj))
        _assert_clean(str(obj))
    _assert_clean(caplog.text)
    for record in caplog.records:
        _assert_clean(record.getMessage())
        _assert_clean(repr(record.args))


def test_protected_text_repr_hides_text(guardrail):
    conv = guardrail.conversation()
    p = conv.protect("Hinterdorf liegt bei Frau Aylin Demir.")
    assert "Hinterdorf" in p.text  # missed on purpose: not a known place
    _assert_clean(repr(p))


def test_exceptions_do_not_carry_values(guardrail):
    conv = guardrail.conversation()
    conv.protect(TURNS[0])
    # Wrong input that still carries every value (a caller handing over raw bytes): the error may name the
    # problem, never the content.
    with pytest.raises(Exception) as info:
        conv.protect(TURNS[1].encode())  # type: ignore[arg-type]
    _assert_clean(str(info.value))
    _assert_clean(repr(info.value))
    with pytest.raises(ValueError) as info:
        Guardrail(GuardrailSettings(extra_case_number_patterns=["Demir(("]))
    _assert_clean(str(info.value))
