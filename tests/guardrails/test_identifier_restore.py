"""Issue 15 types pseudonymise with German labels and restore exactly, whole and streamed."""

from guardrails.results import DataClass

TEXT = (
    "Frau Demir (RV-Nr. 65 170839 J 00 3, Personalausweis L01X00T47, Reisepass C01X00T47) aus Herne-Wanne, "
    "Kassenzeichen 7.2210.331045.8, Kfz ms-ab 7481, Sohn in der Kita Regenbogenland."
)
EXPECTED = (
    "Frau [Person 1] (RV-Nr. [RV-Nummer 1], Personalausweis [Ausweisnummer 1], Reisepass [Passnummer 1]) aus [Ort 1], "
    "Kassenzeichen [Aktenzeichen 1], Kfz [Kennzeichen 1], Sohn in der [Einrichtung 1]."
)


def test_labels_are_german_and_round_trip_is_exact(guardrail):
    conv = guardrail.conversation()
    p = conv.protect(TEXT)
    assert p.text == EXPECTED
    assert p.data_class is DataClass.PSEUDONYMISED
    assert conv.restore(p.text) == TEXT
    assert conv.restore_protected(p) == TEXT


def test_streamed_restore_at_every_split(guardrail):
    conv = guardrail.conversation()
    p = conv.protect(TEXT)
    for cut in range(0, len(p.text), 7):
        stream = conv.restorer()
        out = stream.feed(p.text[:cut]) + stream.feed(p.text[cut:]) + stream.flush()
        assert out == TEXT, cut


def test_same_value_same_pseudonym_across_turns(guardrail):
    conv = guardrail.conversation()
    conv.protect(TEXT)
    again = conv.protect("Ist die Kita Regenbogenland zuständig, Kassenzeichen 7.2210.331045.8?")
    assert again.text == "Ist die [Einrichtung 1] zuständig, Kassenzeichen [Aktenzeichen 1]?"


def test_typed_new_labels_stay_literal(guardrail):
    conv = guardrail.conversation()
    text = "Vorlage: [Einrichtung 1] und [Ausweisnummer 1]"
    p = conv.protect(text)
    assert conv.restore(p.text) == text
