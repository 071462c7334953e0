"""Placeholder-shaped text the user types stays inert (issue 3).

A user who types "[Person 1]" (or a surrogate name this chat issued) must get exactly
that text back in the answer, never a real person's name; and the model must never
see the typed text as one of the pseudonyms issued for real values.
"""

import re

import pytest

from guardrails.literals import placeholder_shapes


def _stream(conv, answer: str, size: int) -> str:
    restorer = conv.restorer()
    out = [restorer.feed(answer[i : i + size]) for i in range(0, len(answer), size)]
    return "".join(out) + restorer.flush()


@pytest.mark.parametrize(
    "typed",
    ["[Person 1]", "[person 1]", "<Person 1>", "[Person1]", "[ Person 1 ]", "Person 1", "[Person 01]"],
)
def test_typed_person_placeholder_is_not_restored_to_a_name(guardrail, typed):
    conv = guardrail.conversation()
    p = conv.protect(f"Frau Aylin Demir hat angerufen. Was heißt {typed} in der Vorlage?")
    assert "Aylin" not in p.text and "Demir" not in p.text
    real = conv.pseudonym_table()[0][2]
    assert real == "[Person 1]"
    # The typed text reached the model as a pseudonym of its own, not as the real one.
    sent = p.text.split("Was heißt ", 1)[1].removesuffix(" in der Vorlage?")
    assert sent != typed and "1" not in sent
    assert conv.restore_protected(p) == f"Frau Aylin Demir hat angerufen. Was heißt {typed} in der Vorlage?"
    # The model echoes both: the real pseudonym becomes the name, the typed one the literal text.
    answer = f"Frau [Person 1] fragt nach {sent}: {sent} ist ein Platzhalter."
    expected = f"Frau Aylin Demir fragt nach {typed}: {typed} ist ein Platzhalter."
    assert conv.restore(answer) == expected
    for size in (1, 2, 3, 7):
        assert _stream(conv, answer, size) == expected


def test_typed_placeholder_and_real_name_never_share_a_number(guardrail):
    conv = guardrail.conversation()
    p = conv.protect("In der Vorlage steht [Person 1] für die Klientin Aylin Demir.")
    assert p.text == "In der Vorlage steht [Person 2] für die Klientin [Person 1]."
    assert conv.restore("[Person 2] ist [Person 1]") == "[Person 1] ist Aylin Demir"
    # Later turns: the same typed text keeps its pseudonym, the person keeps hers;
    # a new typed placeholder gets a number not issued before.
    p2 = conv.protect("Ersetze [Person 1] durch Frau Demir, nicht [Person 2].")
    assert p2.text == "Ersetze [Person 2] durch Frau [Person 1], nicht [Person 3]."
    assert conv.restore(p2.text) == "Ersetze [Person 1] durch Frau Demir, nicht [Person 2]."


@pytest.mark.parametrize(
    ("typed", "label"),
    [("[E-Mail 1]", "E-Mail"), ("[Telefon 2]", "Telefon"), ("<IBAN 1>", "IBAN"), ("Adresse 1", "Adresse"),
     ("[Steuer-ID 1]", "Steuer-ID")],
)
def test_typed_value_placeholders_stay_literal(guardrail, typed, label):
    conv = guardrail.conversation()
    p = conv.protect(
        f"Mail an aylin.demir@web.de, Tel. 0176 12345678, IBAN DE89 3704 0044 0532 0130 00, "
        f"Lindenstraße 12, 44135 Dortmund, Steuer-ID 36 574 261 809; Vorlage: {typed}."
    )
    sent = p.text.rsplit("Vorlage: ", 1)[1].removesuffix(".")
    assert label in sent
    # Never the pseudonym of a real value (it may equal the typed text when that
    # number was still free: it is then reserved for the typed text).
    issued = {row[2] for row in conv.pseudonym_table()}
    assert sent not in issued
    restored = conv.restore(p.text)
    assert restored.endswith(f"Vorlage: {typed}.")
    assert "aylin.demir@web.de" in restored
    assert conv.restore_protected(p) == restored


def test_typed_placeholder_alone_is_no_personal_data(guardrail):
    conv = guardrail.conversation()
    p = conv.protect("Was bedeutet [Person 3] in diesem Text?")
    assert p.findings == () and p.replacements == ()
    assert p.data_class.value == "none"
    assert len(p.inert) == 1
    assert conv.pseudonym_table() == []
    assert conv.restore(p.text) == "Was bedeutet [Person 3] in diesem Text?"


def test_placeholders_the_vault_never_issued_stay_as_written(guardrail):
    conv = guardrail.conversation()
    conv.protect("Frau Aylin Demir hat angerufen.")
    answer = "[Person 1] und [Person 7], <E-Mail 4>, Telefon 9"
    assert conv.restore(answer) == "Aylin Demir und [Person 7], <E-Mail 4>, Telefon 9"
    assert _stream(conv, answer, 2) == "Aylin Demir und [Person 7], <E-Mail 4>, Telefon 9"


def test_every_restorable_shape_is_found_in_user_text():
    text = "[Person 1], [person 2], <Datum 3>, [Angabe_4], Kennzeichen 5, [Führerschein 6], Personen 7"
    found = [text[s.start : s.end] for s in placeholder_shapes(text)]
    assert found == ["[Person 1]", "[person 2]", "<Datum 3>", "[Angabe_4]", "Kennzeichen 5", "[Führerschein 6]"]


# -- surrogate style -------------------------------------------------------------------


def test_typed_surrogate_name_gets_its_own_surrogate(surrogate_guardrail):
    conv = surrogate_guardrail.conversation()
    p1 = conv.protect("Frau Aylin Demir hat angerufen.")
    surrogate = conv.pseudonym_table()[0][2]
    first, last = surrogate.split()
    assert surrogate in p1.text
    # The user types the surrogate they saw in the pseudonym table, and its surname alone.
    typed = f"Wer ist {surrogate}? Und was schreibt {last} dazu?"
    p2 = conv.protect(typed)
    assert surrogate not in p2.text and not re.search(rf"\b{last}\b", p2.text)
    assert conv.restore_protected(p2) == typed
    assert conv.restore(p2.text) == typed
    # Model output: the typed name's new surrogate comes back as typed, the real
    # surrogate as the real name — whole and streamed.
    new = next(row[2] for row in conv.pseudonym_table() if row[1] == surrogate)
    answer = f"{new} ist nicht {surrogate}."
    expected = f"{surrogate} ist nicht Aylin Demir."
    assert conv.restore(answer) == expected
    for size in (1, 3, 5):
        assert _stream(conv, answer, size) == expected


def test_typed_surrogate_value_and_placeholder_in_surrogate_style(surrogate_guardrail):
    conv = surrogate_guardrail.conversation()
    conv.protect("Mail von aylin.demir@web.de, Frau Aylin Demir.")
    issued_mail = next(row[2] for row in conv.pseudonym_table() if row[0] == "EMAIL_ADDRESS")
    typed = f"Schreib an {issued_mail}, nicht an [Person 1]."
    p = conv.protect(typed)
    assert issued_mail not in p.text and "[Person 1]" not in p.text
    assert conv.restore(p.text) == typed
    assert _stream(conv, p.text, 4) == typed
    assert conv.restore(f"{issued_mail}") == "aylin.demir@web.de"


def test_typed_surrogate_first_name_inside_a_real_name_masks_the_whole_name(surrogate_guardrail):
    conv = surrogate_guardrail.conversation()
    conv.protect("Frau Aylin Demir hat angerufen.")
    first = conv.pseudonym_table()[0][2].split()[0]
    typed = f"Termin mit {first} Yılmaz am Montag."
    p = conv.protect(typed)
    assert "Yılmaz" not in p.text and not re.search(rf"\b{first}\b", p.text)
    assert conv.restore(p.text) == typed
    assert conv.restore_protected(p) == typed


@pytest.mark.parametrize("text,secret", [
    ("Telefon 0176 1234567", "1234567"),
    ("Bitte zurückrufen, Telefon 0231 98765-0, danke.", "98765"),
    ("Telefon 0176 1234567 oder E-Mail aylin.demir@web.de", "web.de"),
])
def test_a_real_value_reaching_beyond_a_placeholder_shape_is_pseudonymised(guardrail, text, secret):
    """"Telefon 0176" looks like a typed "Telefon N"; the phone number around it still wins."""
    conv = guardrail.conversation()
    p = conv.protect(text)
    assert secret not in p.text and "0176" not in p.text and "0231" not in p.text
    assert conv.restore_protected(p) == text
