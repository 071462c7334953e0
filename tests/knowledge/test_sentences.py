"""Evidence units (issue 18): sentences that respect German abbreviations, list items and table rows with
their introduction, short paragraphs and lists as a whole; always verbatim text of the guideline."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.chunking import chunk_blocks
from knowledge.parsers import parse_file
from knowledge.sentences import chunk_units, sentences, split_units

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text, expected", [
    ("Das gilt z. B. für Hausbesuche. Danach wird gemeldet.", ["Das gilt z. B. für Hausbesuche.", "Danach wird gemeldet."]),
    ("Am 14. Oktober um 10 Uhr. Bitte kommen.", ["Am 14. Oktober um 10 Uhr.", "Bitte kommen."]),
    ("Nach § 8a Abs. 4 SGB VIII gilt das. Sonst nicht.", ["Nach § 8a Abs. 4 SGB VIII gilt das.", "Sonst nicht."]),
    ("Bahnfahrten in der 2. Klasse. Sparpreise nutzen.", ["Bahnfahrten in der 2. Klasse.", "Sparpreise nutzen."]),
    ("Sie ist freiwillig . Die Beratung bleibt.", ["Sie ist freiwillig .", "Die Beratung bleibt."]),  # HTML spacing
    ("Wie lange? Drei Jahre! „Zitat“ folgt.", ["Wie lange?", "Drei Jahre!", "„Zitat“ folgt."]),
    ("Frau Dr. Beispiel ggf. später, vgl. Nr. 3 der Liste.", ["Frau Dr. Beispiel ggf. später, vgl. Nr. 3 der Liste."]),
])
def test_sentences_respect_abbreviations_and_ordinals(text, expected):
    assert sentences(text) == expected


def test_list_items_keep_their_introduction_even_when_it_ends_without_colon():
    units = split_units("Das Jugendamt wird informiert, wenn\n- die Eltern nicht bereit sind,\n"
                        "- eine akute Gefährdung vorliegt.")
    items = [u for u in units if u.kind == "item"]
    assert [u.text for u in items] == ["die Eltern nicht bereit sind,", "eine akute Gefährdung vorliegt."]
    assert {u.lead for u in items} == {"Das Jugendamt wird informiert, wenn"}
    whole = [u for u in units if u.kind == "list"]
    assert whole and whole[0].quoted == ("Das Jugendamt wird informiert, wenn … die Eltern nicht bereit sind,\n"
                                         "eine akute Gefährdung vorliegt.")
    # the introduction alone answers nothing and is not a unit of its own
    assert all(u.text != "Das Jugendamt wird informiert, wenn" for u in units)


def test_table_rows_lead_with_the_header_unless_a_sentence_introduced_them():
    rows = split_units("Dienst | Stationär | Ambulant\nFrühdienst | 06:00 Uhr | 06:30 Uhr\nSpätdienst | 13:30 Uhr | 15:30 Uhr")
    assert [(u.kind, u.lead, u.text) for u in rows] == [
        ("row", "Dienst | Stationär | Ambulant", "Frühdienst | 06:00 Uhr | 06:30 Uhr"),
        ("row", "Dienst | Stationär | Ambulant", "Spätdienst | 13:30 Uhr | 15:30 Uhr")]
    introduced = split_units("Es gelten folgende Fristen:\nDatenart | Aufbewahrung\nBeratungsakten | 3 Jahre")
    assert [(u.lead, u.text) for u in introduced] == [("Es gelten folgende Fristen:", "Beratungsakten | 3 Jahre")]


def test_headings_and_fragments_are_no_units_short_paragraphs_are():
    units = split_units("Ansprechpersonen\nWichtig:\nFachliche Fragen klärt die Leitung. Sonst hilft das Intranet.",
                        section="Ansprechpersonen")
    assert [(u.kind, u.text) for u in units] == [
        ("sentence", "Fachliche Fragen klärt die Leitung."), ("sentence", "Sonst hilft das Intranet."),
        ("paragraph", "Fachliche Fragen klärt die Leitung. Sonst hilft das Intranet.")]


def test_overlap_carried_into_a_chunk_splits_into_whole_units():
    # chunking joins the carried overlap and the next list item with a space
    units = split_units("Im Zweifel wird die Leitung gefragt. - Fallbesprechungen erfolgen pseudonymisiert.")
    assert [u.text for u in units if u.kind != "paragraph"] == [
        "Im Zweifel wird die Leitung gefragt.", "Fallbesprechungen erfolgen pseudonymisiert."]


@pytest.mark.parametrize("sample", sorted(p.name for p in (REPO / "knowledge" / "samples").iterdir()
                                          if p.name != "README.md"))
def test_every_unit_of_the_samples_is_verbatim_and_in_its_chunk(sample):
    parsed = parse_file(REPO / "knowledge" / "samples" / sample)
    chunks = chunk_blocks(parsed.blocks, 900, 150)
    per_chunk = chunk_units(parsed.blocks, chunks)
    assert len(per_chunk) == len(chunks) and all(per_chunk)
    document = "\n".join(b.text for b in parsed.blocks)
    for chunk, units in zip(chunks, per_chunk):
        for unit, _page in units:
            for line in unit.text.split("\n"):
                assert line.strip() in document
            if unit.lead:
                assert unit.lead in document
            assert unit.text.split("\n")[0][:40] in chunk.text
