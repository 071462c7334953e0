"""Surrogate style: realistic German values, consistent, restorable."""

import re

from tests.guardrails.test_conversation import EXAMPLE


def test_surrogates_hide_and_restore(surrogate_guardrail):
    conv = surrogate_guardrail.conversation()
    p = conv.protect(EXAMPLE)
    for secret in ("Aylin", "Demir", "14.03.1987", "aylin.demir@web.de"):
        assert secret not in p.text
    assert "[" not in p.text  # no placeholders: realistic values
    name = r"[A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ][a-zäöüß]+"
    assert re.search(rf"Frau {name} \(geb\. \d\d\.\d\d\.1987, kontakt1@example\.org\)", p.text)
    assert conv.restore(p.text) == EXAMPLE


def test_surrogate_consistent_and_partial_forms(surrogate_guardrail):
    conv = surrogate_guardrail.conversation()
    conv.protect("Frau Aylin Demir hat angerufen.")
    (_, original, full) = conv.pseudonym_table()[0]
    first, last = full.split(" ")
    later = conv.protect("Frau Demir und Aylin kommen. Demirs Antrag.")
    assert later.text == f"Frau {last} und {first} kommen. {last}s Antrag."
    answer = f"{first} {last} sollte {last}s Antrag prüfen; Frau {last} ist {first}."
    assert conv.restore(answer) == "Aylin Demir sollte Demirs Antrag prüfen; Frau Demir ist Aylin."


def test_surrogate_gender_follows_cue(surrogate_guardrail):
    from guardrails.surrogates import FEMALE, MALE

    conv = surrogate_guardrail.conversation()
    conv.protect("Frau Öztürk und Herr Yılmaz, Frau Elif Kaya und Herr Mehmet Kaya")
    rows = {orig: pseudo for _, orig, pseudo in conv.pseudonym_table()}
    assert rows["Elif Kaya"].split()[0] in FEMALE
    assert rows["Mehmet Kaya"].split()[0] in MALE


def test_surrogate_stream(surrogate_guardrail):
    conv = surrogate_guardrail.conversation()
    conv.protect("Frau Aylin Demir, Tel. 0176 12345678")
    full = conv.pseudonym_table()[0][2]
    phone = conv.pseudonym_table()[1][2]
    answer = f"{full}s Nummer ist {phone}."
    for cut in range(len(answer) + 1):
        s = conv.restorer()
        out = s.feed(answer[:cut]) + s.feed(answer[cut:]) + s.flush()
        assert out == "Aylin Demirs Nummer ist 0176 12345678.", cut


def test_surrogate_iban_is_valid_and_restorable(surrogate_guardrail):
    from guardrails.recognizers.iban import iban_checksum_ok

    conv = surrogate_guardrail.conversation()
    p = conv.protect("IBAN DE89 3704 0044 0532 0130 00")
    iban = p.text.removeprefix("IBAN ")
    assert iban != "DE89 3704 0044 0532 0130 00"
    assert iban_checksum_ok(iban.replace(" ", ""))
    assert conv.restore(p.text) == "IBAN DE89 3704 0044 0532 0130 00"
