"""Restoration of placeholders, whole and streamed (split at every position)."""

import pytest

from guardrails.restore import Restorer, genitive

TURN = "Frau Aylin Demir und ihr Sohn Jonas Weber, Mail aylin.demir@web.de, wohnen Lindenstraße 12."


@pytest.fixture()
def conv(guardrail):
    c = guardrail.conversation()
    protected = c.protect(TURN)
    assert protected.text == "Frau [Person 1] und ihr Sohn [Person 2], Mail [E-Mail 1], wohnen [Adresse 1]."
    return c


ANSWERS = [
    ("[Person 1] sollte …", "Aylin Demir sollte …"),
    ("[Person 1]s Antrag", "Aylin Demirs Antrag"),
    ("[Person 2]s Schule", "Jonas Webers Schule"),
    ("Person 1 und Person 2", "Aylin Demir und Jonas Weber"),
    ("[person 1]", "Aylin Demir"),
    ("[Person1] / [ Person 1 ]", "Aylin Demir / Aylin Demir"),
    ("<Person 2>", "Jonas Weber"),
    ("[Person 1]'s Sohn", "Aylin Demirs Sohn"),
    ("Schreiben Sie an [E-Mail 1].", "Schreiben Sie an aylin.demir@web.de."),
    ("Adresse: [Adresse 1]", "Adresse: Lindenstraße 12"),
    ("[Person 3] gibt es nicht", "[Person 3] gibt es nicht"),
    ("Person 10 und Person 1", "Person 10 und Aylin Demir"),
    ("Personen 1 bis 3", "Personen 1 bis 3"),
    ("[Person 1][Person 2]", "Aylin DemirJonas Weber"),
]


@pytest.mark.parametrize(("answer", "expected"), ANSWERS)
def test_restore(conv, answer, expected):
    assert conv.restore(answer) == expected


@pytest.mark.parametrize(("answer", "expected"), ANSWERS)
def test_stream_split_at_every_position(conv, answer, expected):
    for cut in range(len(answer) + 1):
        stream = conv.restorer()
        out = stream.feed(answer[:cut]) + stream.feed(answer[cut:]) + stream.flush()
        assert out == expected, cut


@pytest.mark.parametrize(("answer", "expected"), ANSWERS)
def test_stream_char_by_char(conv, answer, expected):
    stream = conv.restorer()
    out = "".join(stream.feed(ch) for ch in answer) + stream.flush()
    assert out == expected


def test_stream_holds_back_only_possible_placeholder(conv):
    stream = conv.restorer()
    assert stream.feed("Liebe Frau [Pers") == "Liebe Frau "
    assert stream.feed("on 1") == ""
    assert stream.feed("], danke") == "Aylin Demir, danke"
    assert stream.flush() == ""


def test_stream_text_without_placeholders_passes_through(conv):
    stream = conv.restorer()
    assert stream.feed("Guten Tag, ") == "Guten Tag, "
    assert stream.feed("wie kann ich helfen?") == "wie kann ich helfen?"


def test_genitive_of_names_ending_in_s():
    assert genitive("Jonas", "s") == "Jonas'"
    assert genitive("Demir", "s") == "Demirs"
    assert genitive("Demir", "") == "Demir"
    r = Restorer(placeholders={("person", 1): "Jonas"}, surrogates={})
    assert r.restore("[Person 1]s Schule") == "Jonas' Schule"


def test_restore_roundtrip_of_protected_text(guardrail):
    c = guardrail.conversation()
    texts = [
        TURN,
        "Tel. 0231/98765-0, IBAN DE89 3704 0044 0532 0130 00, geb. 14.03.1987, Az. 4 C 123/24",
        "Herrn Öztürks Tochter Elif und Frau Sommer kommen am 3. Juni 2015.",
    ]
    for text in texts:
        assert c.restore(c.protect(text).text) == text


def test_title_form_is_kept(guardrail):
    c = guardrail.conversation()
    p = c.protect("Frau Aylin Demir hat angerufen. Frau Demir braucht Hilfe.")
    assert p.text == "Frau [Person 1] hat angerufen. Frau [Person 1] braucht Hilfe."
    # After a title the form last written after a title; alone the full name.
    assert c.restore("Frau [Person 1] sollte, dann [Person 1].") == "Frau Demir sollte, dann Aylin Demir."


def test_title_form_in_stream_across_chunks(guardrail):
    c = guardrail.conversation()
    c.protect("Frau Demir hat angerufen.")
    c.protect("Aylin Demir ist ihr voller Name.")
    answer = "Liebe Frau [Person 1], wie geht es [Person 1]?"
    for cut in range(len(answer) + 1):
        s = c.restorer()
        out = s.feed(answer[:cut]) + s.feed(answer[cut:]) + s.flush()
        assert out == "Liebe Frau Demir, wie geht es Aylin Demir?", cut


SENTENCES = [
    "Frau Aylin Demir (geb. 14.03.1987) und Frau Demirs Sohn Jonas kommen; Demir ruft an.",
    "Herr Öztürk, Tel. 0231/98765-0, IBAN DE89 3704 0044 0532 0130 00, Az. 4 C 123/24.",
    "Nichts Persönliches in diesem Satz.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_restore_protected_is_exact(guardrail, sentence):
    c = guardrail.conversation()
    p = c.protect(sentence)
    assert c.restore_protected(p) == sentence
    for r in p.replacements:
        assert p.text[r.start] == "[" and r.original not in p.text


def test_replacements_point_at_pseudonyms(guardrail):
    c = guardrail.conversation()
    p = c.protect("Frau Aylin Demir, aylin.demir@web.de")
    assert [(p.text[r.start : r.end], r.entity_type, r.original) for r in p.replacements] == [
        ("[Person 1]", "PERSON", "Aylin Demir"),
        ("[E-Mail 1]", "EMAIL_ADDRESS", "aylin.demir@web.de"),
    ]


def test_genitive_mirrors_the_users_spelling(guardrail):
    c = guardrail.conversation()
    text = "Wegen Łukaszs Antrag und Jonas' Schule, Herr Łukasz Nowak ist da."
    p = c.protect(text)
    assert "Łukasz" not in p.text and "Jonas" not in p.text
    assert c.restore(p.text) == text
    # Without a recorded spelling the German rule applies.
    c2 = guardrail.conversation()
    c2.protect("Herr Jonas Weber")
    assert c2.restore("[Person 1]s Schule") == "Jonas Webers Schule"
