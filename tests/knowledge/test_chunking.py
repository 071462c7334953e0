"""Chunks follow the structure: never across headings, bounded size, sentence-aligned overlap."""

from __future__ import annotations

import itertools

from knowledge.chunking import chunk_blocks
from knowledge.models import Block


def _sentences(n: int, prefix: str) -> str:
    return " ".join(f"{prefix} Satz Nummer {i} regelt einen Teil der Vorgehensweise im Dienst." for i in range(n))


def test_chunks_stay_inside_sections_and_keep_pages() -> None:
    blocks = [
        Block("1 Ziele", ("1 Ziele",), page=1, heading=True),
        Block("Kurzer Abschnitt.", ("1 Ziele",), page=1),
        Block("2 Ablauf", ("2 Ablauf",), page=2, heading=True),
        Block(_sentences(40, "Ablauf"), ("2 Ablauf",), page=2),
        Block(_sentences(10, "Ablauf"), ("2 Ablauf",), page=3),
    ]
    chunks = chunk_blocks(blocks, chunk_size=600, chunk_overlap=120)
    assert chunks[0].section == "1 Ziele" and chunks[0].text == "Kurzer Abschnitt." and chunks[0].page == 1
    rest = chunks[1:]
    assert len(rest) >= 5
    assert all(c.section == "2 Ablauf" for c in rest)
    assert all(len(c.text) <= 600 for c in chunks)
    assert rest[0].page == 2 and rest[-1].page == 3
    assert [c.index for c in chunks] == list(range(len(chunks)))


def test_overlap_repeats_the_last_sentence_of_the_previous_chunk() -> None:
    blocks = [Block(_sentences(30, "Regel"), ("A",))]
    chunks = chunk_blocks(blocks, chunk_size=500, chunk_overlap=120)
    for previous, current in itertools.pairwise(chunks):
        last_sentence = previous.text.split(". ")[-1].rstrip(".")
        assert last_sentence in current.text[:130]


def test_no_overlap_across_sections() -> None:
    blocks = [Block(_sentences(12, "Erste"), ("A",)), Block(_sentences(3, "Zweite"), ("B",))]
    chunks = chunk_blocks(blocks, chunk_size=400, chunk_overlap=100)
    first_b = next(c for c in chunks if c.section == "B")
    assert "Erste" not in first_b.text


def test_overlong_sentence_is_cut_at_words() -> None:
    word_salad = " ".join(["Fachkraftgebot"] * 200)
    chunks = chunk_blocks([Block(word_salad, ())], chunk_size=300, chunk_overlap=50)
    assert len(chunks) > 5
    assert all(len(c.text) <= 300 for c in chunks)
    assert all(c.section is None for c in chunks)
