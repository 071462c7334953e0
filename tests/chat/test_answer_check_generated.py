"""The draft check (issue 18) on generated values: amounts, dates, durations, percentages, times, form numbers,
paragraphs and counts drawn at random (seeded), written into a source in one German spelling and into a draft
in another — the check must accept the same value in any spelling and mark the value changed by a little (a
day, a cent, a letter, an Absatz, a unit). Spellings and number words come from this file's own writer, not
from the product's parser, so a test cannot agree with the checker by sharing its mistakes.

Citations: drafts built from generated topic sources, citing the right, a wrong or no existing source.
Every case also checks that the marked answer is the draft plus visible marks — nothing rewritten silently.
"""

from __future__ import annotations

import random
import re

import pytest

from chat.core import messages as texts
from chat.core.answer_check import check_draft, cited_after
from chat.core.answer_render import marked_draft

SEEDS = range(25)
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_ONES = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_TEENS = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def german_words(n: int) -> str:
    """1 ≤ n ≤ 999 as one German word (written here, independent of chat.core.german_numbers)."""
    hundreds, rest = divmod(n, 100)
    head = (_ONES[hundreds] + "hundert") if hundreds else ""
    if rest == 0:
        tail = ""
    elif rest == 1:
        tail = "eins" if hundreds else "ein"
    elif rest < 10:
        tail = _ONES[rest]
    elif rest < 20:
        tail = _TEENS[rest - 10]
    else:
        tens, ones = divmod(rest, 10)
        tail = (_ONES[ones] + "und" if ones else "") + _TENS[tens]
    return head + tail


def german_amount(cents: int, thousands: bool = True) -> str:
    euros, rest = divmod(cents, 100)
    whole = f"{euros:,}".replace(",", ".") if thousands else str(euros)
    return f"{whole},{rest:02d}"


def marks_removed(shown: str) -> str:
    """The marked answer without the marks the check may add for unsupported details."""
    return shown.replace(f" ⚠️ *({texts.MARK_UNSUPPORTED})*", "")


def assert_flagged_exactly(draft: str, source: str, expected: list[str]) -> None:
    check = check_draft(draft, {1: source})
    assert [u.text for u in check.unsupported] == expected, (draft, source)
    shown = marked_draft(draft, check)
    assert marks_removed(shown) == draft  # only marks were added, every word of the draft stays
    for text in expected:
        assert f"{text} ⚠️ *({texts.MARK_UNSUPPORTED})*" in shown


# ------------------------------------------------------------------------------------------- the values


def amount_case(rng: random.Random) -> tuple[str, str, str]:
    cents = rng.choice([rng.randrange(5, 100), rng.randrange(100, 100_000), rng.randrange(100, 2_000) * 100,
                        rng.randrange(1_000, 5_000_000)])
    source_forms = [f"{german_amount(cents)} Euro", f"{german_amount(cents)} €", f"EUR {german_amount(cents)}"]
    draft_forms = [f"{german_amount(cents, thousands=False)} €", f"{german_amount(cents)} EUR",
                   f"€ {german_amount(cents)}"]
    if cents < 100:
        draft_forms.append(f"{cents} Cent")
    if cents % 100 == 0:
        draft_forms += [f"{cents // 100} Euro", f"{german_amount(cents)[:-3]},- €"]
    wrong = cents + rng.choice([1, 5, 10, 100, -1]) if cents > 1 else cents + 1
    wrong_form = f"{german_amount(wrong)} Euro"
    return (f"Die Pauschale beträgt {rng.choice(source_forms)} je Antrag.",
            f"Es gibt {rng.choice(draft_forms)} pro Antrag.", f"Es gibt {wrong_form} pro Antrag."), wrong_form


def date_case(rng: random.Random):
    year, month, day = rng.randrange(2020, 2031), rng.randrange(1, 13), rng.randrange(1, 29)
    source = f"Der Antrag muss bis zum {day:02d}.{month:02d}.{year} vorliegen."
    same = rng.choice([f"{day}. {MONTHS[month - 1]} {year}", f"{year}-{month:02d}-{day:02d}", f"{day}.{month}.",
                       f"{day}. {MONTHS[month - 1]}", f"{day:02d}.{month:02d}.{str(year)[2:]}"])
    kind = rng.choice(["day", "month", "year"])
    if kind == "day":
        wrong = f"{day + 1}. {MONTHS[month - 1]} {year}"
    elif kind == "month":
        wrong = f"{day:02d}.{month % 12 + 1:02d}.{year}"
    else:
        wrong = f"{day:02d}.{month:02d}.{year + 1}"
    return (source, f"Abgabe bis {same}.", f"Abgabe bis {wrong}."), wrong


def duration_case(rng: random.Random):
    unit = rng.choice(["weeks", "months", "days"])
    n = rng.randrange(2, 13)
    if unit == "weeks":
        source = f"Die Frist beträgt {rng.choice([german_words(n), str(n)])} Wochen."
        same = rng.choice([f"{7 * n} Tage", f"{n} Wochen", f"{german_words(n)} Wochen"])
        wrong = rng.choice([f"{n + 1} Wochen", f"{n} Monate", f"{n} Tage"])
    elif unit == "months":
        k = rng.randrange(1, 6)
        source = f"Die Unterlagen werden {12 * k} Monate aufbewahrt."
        same = rng.choice([f"{k} Jahre" if k > 1 else "ein Jahr", f"{german_words(12 * k)} Monate"])
        wrong = rng.choice([f"{12 * k + 1} Monate", f"{k + 1} Jahre", f"{12 * k} Wochen"])
    else:
        source = f"Die Meldung erfolgt innerhalb von {german_words(n)} Werktagen."
        same = f"{n} Werktagen"
        wrong = rng.choice([f"{n} Wochen", f"{n + 2} Werktagen"])
    return (source, f"Es gilt eine Frist von {same}.", f"Es gilt eine Frist von {wrong}."), wrong


def percent_case(rng: random.Random):
    p = rng.randrange(2, 100)
    source = f"Der Eigenanteil beträgt {rng.choice([f'{p} Prozent', f'{p} %', f'{p} v. H.'])}."
    same = rng.choice([f"{p} %", f"{p}%", f"{german_words(p)} Prozent", f"{p} Prozent"])
    wrong = f"{p + rng.choice([1, 5, 10])} Prozent"
    return (source, f"Sie zahlen {same} selbst.", f"Sie zahlen {wrong} selbst."), wrong


def time_case(rng: random.Random):
    h, m = rng.randrange(6, 20), rng.choice([0, 15, 30, 45])
    source = f"Die Sprechstunde beginnt um {h:02d}:{m:02d} Uhr."
    same = rng.choice([f"{h}:{m:02d} Uhr", f"{h}.{m:02d} Uhr"] + ([f"{h} Uhr"] if m == 0 else []))
    wrong = f"{h}:{(m + 10) % 60:02d} Uhr"
    return (source, f"Beginn ist {same}.", f"Beginn ist {wrong}."), wrong


def form_case(rng: random.Random):
    letter, n = rng.choice("ABDFGHKLMPRTVW"), rng.randrange(1, 100)
    source = f"Dafür ist das Formular {letter}-{n} zu verwenden."
    same = rng.choice([f"{letter}-{n}", f"{letter} {n}" if letter == "F" else f"{letter}-{n}", f"{letter} - {n}"])
    other = rng.choice([c for c in "ABDFGHKLMPRTVW" if c != letter])
    wrong = rng.choice([f"{letter}-{n + 1}", f"{other}-{n}"])
    return (source, f"Nehmen Sie Formular {same}.", f"Nehmen Sie Formular {wrong}."), wrong


def paragraph_case(rng: random.Random):
    number, letter, absatz, book = rng.randrange(1, 400), rng.choice(["", "a", "b"]), rng.randrange(1, 9), \
        rng.randrange(1, 13)
    source = f"Maßgeblich ist § {number}{letter} Abs. {absatz} SGB {ROMAN[book - 1]}."
    same = rng.choice([f"§{number}{(' ' + letter) if letter else ''} Absatz {absatz} SGB {book}",
                       f"§ {number}{letter} SGB {ROMAN[book - 1]}", f"§ {number}{letter}"])
    kind = rng.choice(["number", "absatz", "book", "letter"])
    if kind == "number":
        wrong = f"§ {number + 1}{letter} SGB {ROMAN[book - 1]}"
    elif kind == "absatz":
        wrong = f"§ {number}{letter} Abs. {absatz + 1} SGB {ROMAN[book - 1]}"
    elif kind == "book":
        wrong = f"§ {number}{letter} SGB {ROMAN[book % 12]}"
    else:
        wrong = f"§ {number}{'c' if letter != 'c' else 'd'} SGB {ROMAN[book - 1]}"
    return (source, f"Das regelt {same}.", f"Das regelt {wrong}."), wrong


def count_case(rng: random.Random):
    n = rng.randrange(2, 30)
    noun, other = rng.sample(["Stufen", "Fachkräfte", "Termine", "Belege", "Unterschriften", "Gespräche"], 2)
    source = f"Vorgesehen sind {rng.choice([german_words(n), str(n)])} {noun}."
    same = rng.choice([f"{n} {noun}", f"{german_words(n)} {noun}"])
    wrong = rng.choice([f"{n + 1} {noun}", f"{german_words(n + 1)} {noun}"])
    return (source, f"Es braucht {same}.", f"Es braucht {wrong}."), wrong.split()[0], (n, noun, other)


CASES = {"amount": amount_case, "date": date_case, "duration": duration_case, "percent": percent_case,
         "time": time_case, "form": form_case, "paragraph": paragraph_case}


@pytest.mark.parametrize("kind", sorted(CASES))
@pytest.mark.parametrize("seed", SEEDS)
def test_a_value_is_accepted_in_any_spelling_and_marked_when_changed(kind, seed):
    rng = random.Random(f"{kind}-{seed}")
    (source, same, changed), wrong = CASES[kind](rng)
    assert_flagged_exactly(same, source, [])
    assert_flagged_exactly(changed, source, [wrong])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_must_count_the_same_thing(seed):
    rng = random.Random(f"count-{seed}")
    (source, same, changed), wrong, (n, noun, other) = count_case(rng)
    assert_flagged_exactly(same, source, [])
    assert_flagged_exactly(changed, source, [wrong])
    # The right number of the wrong thing ("drei Stufen" where the guideline has three specialists).
    assert [u.text for u in check_draft(f"Es braucht {n} {other}.", {1: source}).unsupported] == [str(n)]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_value_only_in_the_question_or_the_heading_is_not_invented(seed):
    rng = random.Random(f"question-{seed}")
    cents, n = rng.randrange(1_000, 90_000), rng.randrange(2, 9)
    question = f"Die Miete beträgt {german_amount(cents)} Euro, reicht das?"
    source = f"Wohngeld, Abschnitt § {n}0 WoGG: Maßgeblich ist die Höchstgrenze der Mietenstufe."
    draft = f"Bei {german_amount(cents, thousands=False)} € kommt es auf die Mietenstufe an (§ {n}0 WoGG)."
    assert check_draft(draft, {1: source}, question=question).unsupported == ()
    assert [u.kind for u in check_draft(draft, {1: source}).unsupported] == ["amount"]


@pytest.mark.parametrize("seed", SEEDS)
def test_several_invented_details_in_one_draft_are_all_marked_and_the_right_ones_not(seed):
    rng = random.Random(f"mixed-{seed}")
    kinds = rng.sample(sorted(CASES), 4)
    built = [CASES[k](rng) for k in kinds]
    source = " ".join(b[0][0] for b in built)
    picks = [rng.random() < 0.5 for _ in built]  # True: the changed value
    draft = " ".join((b[0][2] if wrong else b[0][1]) for b, wrong in zip(built, picks))
    expected = [b[1] for b, wrong in zip(built, picks) if wrong]
    assert_flagged_exactly(draft, source, expected)


# ------------------------------------------------------------------------------------------- citations

TOPICS = {
    "Dienstwagen": "Das Fahrtenbuch des Dienstwagens wird nach jeder Fahrt mit Kilometerstand ausgefüllt.",
    "Schlüssel": "Verlorene Generalschlüssel meldet die Hausmeisterei sofort der Verwaltung.",
    "Spenden": "Sachspenden nimmt die Kleiderkammer montags entgegen und quittiert sie schriftlich.",
    "Hitze": "Bei Hitzewarnung werden Trinkpausen eingeplant und Außentermine verschoben.",
    "Praktikum": "Praktikantinnen erhalten eine Einarbeitung durch die Anleitung im Team.",
    "Ehrenamt": "Ehrenamtliche legen vor dem Einsatz ein erweitertes Führungszeugnis vor.",
}
PARAPHRASES = {
    "Dienstwagen": "Nach jeder Fahrt gehört der Kilometerstand ins Fahrtenbuch",
    "Schlüssel": "Einen verlorenen Generalschlüssel sofort der Verwaltung melden",
    "Spenden": "Die Kleiderkammer quittiert Sachspenden schriftlich",
    "Hitze": "Bei einer Hitzewarnung Außentermine verschieben und Trinkpausen einplanen",
    "Praktikum": "Die Anleitung übernimmt die Einarbeitung der Praktikantinnen",
    "Ehrenamt": "Vor dem Einsatz ist ein erweitertes Führungszeugnis nötig",
}
UNRELATED = ["Bitte wenden Sie sich bei Unklarheiten an Ihre Vorgesetzten", "Das ist eine gute Frage",
             "Weitere Informationen finden Sie im Intranet",
             "Diese Regel gilt für eine Person, die nach dem Termin wird warten müssen"]


@pytest.mark.parametrize("seed", SEEDS)
def test_citations_are_kept_replaced_or_removed_by_what_the_sentence_shares(seed):
    rng = random.Random(f"cite-{seed}")
    topics = rng.sample(sorted(TOPICS), 4)
    sources = {i + 1: f"{t}: {TOPICS[t]}" for i, t in enumerate(topics)}
    sentences, expected = [], []
    for topic_index, topic in enumerate(topics[:3]):
        right = topic_index + 1
        cited = rng.choice([right, *(n for n in sources if n != right)])
        sentences.append(f"{PARAPHRASES[topic]} [{cited}].")
        if cited != right:
            expected.append((cited, right))
    bogus = rng.choice([len(sources) + 1, 9])
    sentences.insert(rng.randrange(len(sentences) + 1), f"{rng.choice(UNRELATED)} [{rng.choice([1, bogus])}].")
    draft = " ".join(sentences)
    check = check_draft(draft, sources)
    unrelated_mark = re.search(r"(?:Vorgesetzten|Frage|Intranet|müssen) \[(\d)\]", draft)
    assert sorted(((f.cited, f.replacement) for f in check.citations), key=str) == sorted(
        expected + [(int(unrelated_mark.group(1)), None)], key=str)
    for f in check.citations:
        assert draft[f.start:f.end] == f"[{f.cited}]"
    # The cited sources after the fixes are exactly the ones the three rule sentences paraphrase.
    assert cited_after(check, draft, len(sources)) == (1, 2, 3)
    shown = marked_draft(draft, check)
    for f in check.citations:  # the original citation stays visible, struck through
        assert f"~~[{f.cited}]~~" in shown
    for topic in topics[:3]:
        assert PARAPHRASES[topic] in shown
