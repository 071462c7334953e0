"""Strict mode (issue 15 §4): what a local model lists is masked only where the text really holds it.

The lister is driven through a real OpenAI-compatible recording server on 127.0.0.1 (``reply`` is the
model's answer); parsing, acceptance and masking run on the real guardrail. The made-up surname
"Quastenberg" is one the rules miss in "Streit zwischen Joker und Quastenberg …" (checked below).
"""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from guardrails.strict_names import NameLister, parse_name_list
from tests.support.openai_stub import RecordingProvider

MISSED = "Quastenberg"
TEXT = "Frau Aylin Demir berichtet: Streit zwischen Joker und Quastenberg beim Mittagessen, bitte klären."


@pytest.fixture(scope="module")
def stub():
    provider = RecordingProvider(name="local-lister").start()
    yield provider
    provider.stop()


def loopback_completion(provider: RecordingProvider):
    """A completion callable over the stub's OpenAI-compatible endpoint (what the product's router does)."""

    async def complete(messages: list[dict]) -> str:
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.post(f"{provider.api_base}/chat/completions",
                                         json={"model": "stub-model", "messages": messages})
            response.raise_for_status()
            return response.json()["choices"][0]["message"]["content"]

    return complete


def list_and_mask(guard, provider, reply: str, text: str = TEXT):
    protected = guard.protect(text)
    provider.reply = reply
    candidates = asyncio.run(NameLister(loopback_completion(provider)).candidates(protected.text))
    names = guard.accept_names(candidates, [protected.text])
    return protected, names, guard.mask_names(protected, names)


def test_the_rules_miss_the_surname_these_tests_use(guardrail):
    protected = guardrail.conversation().protect(TEXT)
    assert MISSED in protected.text and "Aylin" not in protected.text


@pytest.mark.parametrize("reply, masked", [
    ("Quastenberg", ["Quastenberg"]),                                  # a name the rules missed
    ("- Quastenberg\n2. Quastenberg.\n„Quastenberg“", ["Quastenberg"]),  # duplicates, bullets, quotes
    ("Herr Quastenberg", ["Quastenberg"]),                             # a title the model added
    ("Quastenberg, Müller", ["Quastenberg"]),                          # one invented beside a real one
    ("Müller\nSchneider-Yilmaz", []),                                  # hallucinated: not in the text
    ("Aylin Demir\nDemir", []),                                        # already pseudonymised: not in the text
    ("[Person 1]\nPerson 1\nPerson", []),                              # the placeholder and its parts
    ("Mittagessen\nStreit\nJoker\nFrau", []),                          # words the lexicon vetoes
    ("quastenberg", []),                                               # not as written, not capitalised
    ("Quastenberg Meier\nJoker Quastenberg", []),                      # the model may not add words
    ("", []),                                                          # empty answer
    ("KEINE", []),                                                     # "none"
    ("<html>\x00\x7f{\"choices\": [garbage ÿþ</html>\n1234 5678", []),  # garbage
    ("Im Text stehen keine weiteren Namen, nur Platzhalter wie [Person 1].", []),  # prose
])
def test_listed_names_are_masked_only_where_the_text_holds_them(guardrail, stub, reply, masked):
    guard = guardrail.conversation()
    protected, names, result = list_and_mask(guard, stub, reply)
    assert names == masked
    if masked:
        assert MISSED not in result.text and result.text.count("[Person 2]") == 1
        assert result.data_class.value == "pseudonymised"
    else:
        assert result == protected  # nothing changed
    # Whatever the model said: only words of the text were replaced, and restoring gives the message back.
    assert guard.restore_protected(result) == TEXT
    assert guard.restore(result.text) == TEXT
    prompt = stub.requests[-1]["messages"]
    assert "Aylin" not in str(prompt) and "[Person 1]" in prompt[-1]["content"]  # the lister saw the pseudonymised text


def test_a_name_inside_a_longer_word_or_inside_a_pseudonym_is_left_alone(guardrail, stub):
    guard = guardrail.conversation()
    text = "Die Quastenbergstraße ist gesperrt, Streit zwischen Joker und Quastenberg beim Mittagessen."
    protected, names, result = list_and_mask(guard, stub, "Quastenberg\nQuastenbergstraße", text)
    assert names == ["Quastenberg"]  # the street is a common-noun compound: vetoed
    assert result.text == "Die Quastenbergstraße ist gesperrt, Streit zwischen Joker und [Person 1] beim Mittagessen."


def test_surrogates_the_chat_issued_are_no_names_to_mask(surrogate_guardrail, stub):
    guard = surrogate_guardrail.conversation()
    protected = guard.protect(TEXT)
    surrogate = next(f.pseudonym for f in protected.findings if f.entity_type == "PERSON")
    stub.reply = f"{surrogate}\n{surrogate.split()[-1]}\nQuastenberg"
    candidates = asyncio.run(NameLister(loopback_completion(stub)).candidates(protected.text))
    names = guard.accept_names(candidates, [protected.text])
    assert names == ["Quastenberg"]
    result = guard.mask_names(protected, names)
    assert surrogate in result.text and MISSED not in result.text
    assert guard.restore(result.text) == TEXT


def test_a_masked_name_keeps_its_pseudonym_in_later_turns_and_texts(guardrail, stub):
    guard = guardrail.conversation()
    _, names, first = list_and_mask(guard, stub, "Quastenberg")
    assert "[Person 2]" in first.text
    later = guard.protect("Hat Quastenberg sich inzwischen gemeldet? quastenberg wollte anrufen.")
    assert later.text == "Hat [Person 2] sich inzwischen gemeldet? [Person 2] wollte anrufen."
    assert guard.mask_names_in("Antwort: Quastenberg kommt morgen.", names) == "Antwort: [Person 2] kommt morgen."
    assert guard.restore("[Person 2] kommt.") == "Quastenberg kommt."
    assert ("PERSON", "Quastenberg", "[Person 2]") in guard.pseudonym_table()


def test_replacements_stay_exact_around_masked_names(guardrail):
    guard = guardrail.conversation()
    text = ("Streit zwischen Joker und Quastenberg beim Mittagessen: [Person 1] ist ein Platzhalter, "
            "Frau Aylin Demir nicht, Joker und Quastenberg schon.")
    protected = guard.protect(text)
    result = guard.mask_names(protected, guard.accept_names(["Quastenberg"], [protected.text]))
    assert result.text.count("[Person 3]") == 2 and MISSED not in result.text
    for r in result.replacements + result.inert:
        assert result.text[r.start:r.end].startswith("[Person ")
    assert guard.restore_protected(result) == text


@pytest.mark.parametrize("answer, parsed", [
    ("Quastenberg\nAnna Quastenberg", ["Quastenberg", "Anna Quastenberg"]),
    ("1) Frau Dr. Anna Quastenberg\n* Joker;  Pim", ["Anna Quastenberg", "Joker", "Pim"]),
    ("", []),
    ("\n\n  \n", []),
    ("Ein sehr langer Satz mit vielen Wörtern statt eines Namens", []),
])
def test_parse_name_list(answer, parsed):
    assert parse_name_list(answer) == parsed


def test_longer_names_are_masked_before_their_parts(guardrail):
    # On a text as a history turn holds it (no ProtectedText): a full name first, then its lone surname.
    guard = guardrail.conversation()
    text = "Streit zwischen Joker und Pim Quastenberg, danach ging Quastenberg."
    names = guard.accept_names(["Quastenberg", "Pim Quastenberg"], [text])
    assert names == ["Pim Quastenberg", "Quastenberg"]
    masked = guard.mask_names_in(text, names)
    assert masked == "Streit zwischen Joker und [Person 1], danach ging [Person 1]."
    assert guard.restore(masked) == "Streit zwischen Joker und Pim Quastenberg, danach ging Pim Quastenberg."


def test_nothing_of_the_text_or_the_names_reaches_logs_or_reprs(guardrail, stub, caplog):
    caplog.set_level(logging.DEBUG)
    guard = guardrail.conversation()
    protected, names, result = list_and_mask(guard, stub, "Quastenberg")
    seen = caplog.text + repr(guard) + repr(result) + repr(protected) + "".join(repr(f) for f in result.findings)
    for secret in (MISSED, "Aylin", "Demir", "Mittagessen"):
        assert secret not in seen
