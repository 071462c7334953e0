"""Filling in a prompt, and finding prompts by word and category."""

from __future__ import annotations

import pytest

from onboarding import BUILTIN_PROMPTS_DIR, Prompt, PromptLibrary, PromptRenderError, PromptVariable

NOTE = Prompt(
    id="notiz",
    title="Gesprächsnotiz strukturieren",
    category="Dokumentation",
    description="Macht aus Stichworten eine Notiz für die Akte.",
    template="Art: {art}\nDatum: {datum}\n{stichworte}\nNochmal: {art}\n",
    variables=(
        PromptVariable("art", "Um welche Art von Gespräch ging es?", "Hausbesuch"),
        PromptVariable("datum", "Wann war das?", "12.03.2027", required=False),
        PromptVariable("stichworte", "Was haben Sie sich notiert?", "…", multiline=True),
    ),
    example_input={"art": "Hausbesuch", "stichworte": "Wohnung aufgeräumt"},
    audience=("Jugendhilfe",),
)


def make(prompt_id: str, title: str, category: str, description: str = "", status: str = "published") -> Prompt:
    return Prompt(id=prompt_id, title=title, category=category, description=description, template="x", status=status)


@pytest.fixture
def library() -> PromptLibrary:
    return PromptLibrary(
        [
            NOTE,
            make("elternbrief", "Elternbrief in Leichter Sprache", "Leichte Sprache", "Information für Eltern."),
            make("kostentraeger", "E-Mail an Kostenträger", "Briefe & E-Mails", "Nachfrage zum Antrag."),
            make("antrag", "Antrag begründen", "Anträge", "Begründung für eine Leistung."),
            make("widerspruch", "Widerspruch vorbereiten", "Anträge", "Gegen einen Bescheid, z. B. für die Straßenbahn-Fahrkarte."),
            make("pflege", "Pflegebericht strukturieren", "Pflege", "Bericht aus der Schicht."),
            make("alt", "Alter Antragstext", "Anträge", status="retired"),
            make("neu", "Vorschlag Antragshilfe", "Anträge", status="proposed"),
        ]
    )


# -- rendering ----------------------------------------------------------------------------------


def test_render_fills_every_occurrence() -> None:
    text = NOTE.render({"art": "Telefonat", "datum": "01.02.2027", "stichworte": "ruft zurück"})
    assert text == "Art: Telefonat\nDatum: 01.02.2027\nruft zurück\nNochmal: Telefonat\n"


def test_optional_variable_without_value_is_marked_for_the_model() -> None:
    assert "Datum: (keine Angabe)" in NOTE.render({"art": "Telefonat", "stichworte": "x"})


def test_missing_required_values_raise_naming_their_labels() -> None:
    with pytest.raises(PromptRenderError) as raised:
        NOTE.render({"datum": "geheimes Datum 01.01.1980", "stichworte": "   "})
    error = raised.value
    assert [v.name for v in error.missing] == ["art", "stichworte"]
    message = str(error)
    assert "„Um welche Art von Gespräch ging es?“" in message
    assert "„Was haben Sie sich notiert?“" in message
    assert "Gesprächsnotiz strukturieren" in message
    assert "geheimes Datum" not in message, "values never appear in error messages"


def test_missing_lists_required_variables_in_declaration_order() -> None:
    assert NOTE.missing({}) == (NOTE.variable("art"), NOTE.variable("stichworte"))
    assert NOTE.missing({"art": "x", "stichworte": "y"}) == ()
    assert NOTE.missing({"art": "", "stichworte": "\n"}) == (NOTE.variable("art"), NOTE.variable("stichworte"))


def test_braces_inside_values_are_not_expanded_and_extra_keys_ignored() -> None:
    text = NOTE.render({"art": "{stichworte}", "stichworte": "{datum}", "unbekannt": "egal"})
    assert text.startswith("Art: {stichworte}\nDatum: (keine Angabe)\n{datum}\n")


def test_render_example_and_repr_without_content() -> None:
    assert "Wohnung aufgeräumt" in NOTE.render_example()
    assert "Wohnung aufgeräumt" not in repr(NOTE) and "Art: {art}" not in repr(NOTE)


def test_prompt_is_immutable_and_hashable() -> None:
    with pytest.raises(AttributeError):
        NOTE.title = "anders"  # type: ignore[misc]
    with pytest.raises(TypeError):
        NOTE.example_input["art"] = "anders"  # type: ignore[index]
    assert len({NOTE, NOTE}) == 1


# -- search -------------------------------------------------------------------------------------


def ids(prompts) -> list[str]:
    return [p.id for p in prompts]


@pytest.mark.parametrize("query", ["Gespräch", "GESPRÄCH", "gespraech", "Gesprach", "gespräch notiz"])
def test_search_is_case_and_umlaut_tolerant(library: PromptLibrary, query: str) -> None:
    assert ids(library.search(query)) == ["notiz"]


def test_search_finds_parts_of_compound_words(library: PromptLibrary) -> None:
    assert ids(library.search("brief")) == ["elternbrief", "kostentraeger"]  # title, then category
    assert ids(library.search("kostentrager")) == ["kostentraeger"]
    assert ids(library.search("strasse")) == ["widerspruch"]


def test_every_word_must_match(library: PromptLibrary) -> None:
    assert ids(library.search("leichte eltern")) == ["elternbrief"]
    assert library.search("leichte pflege") == ()


def test_title_hits_rank_before_description_hits(library: PromptLibrary) -> None:
    # "Antrag" is in the title of "antrag", only in the description of "kostentraeger".
    assert ids(library.search("antrag"))[:1] == ["antrag"]
    assert set(ids(library.search("antrag"))) == {"antrag", "kostentraeger", "widerspruch"}


def test_search_by_category(library: PromptLibrary) -> None:
    assert ids(library.search("", category="Anträge")) == ["antrag", "widerspruch"]
    assert ids(library.search(category="antraege")) == ["antrag", "widerspruch"]
    assert ids(library.search("bescheid", category="Anträge")) == ["widerspruch"]
    assert library.search("bescheid", category="Pflege") == ()
    assert library.search(category="Gibt es nicht") == ()


def test_search_matches_audience(library: PromptLibrary) -> None:
    assert ids(library.search("jugendhilfe")) == ["notiz"]


def test_only_published_prompts_are_offered(library: PromptLibrary) -> None:
    assert "alt" not in ids(library.search("antrag")) and "neu" not in ids(library.search("antrag"))
    assert library.get("alt").status == "retired" and "neu" in library
    assert len(library.all()) == 8 and len(library.published()) == 6
    assert library.categories() == ("Anträge", "Briefe & E-Mails", "Dokumentation", "Leichte Sprache", "Pflege")


def test_empty_search_lists_all_published_sorted(library: PromptLibrary) -> None:
    assert ids(library.search("")) == ids(library.published())
    assert [p.category for p in library.published()] == sorted(
        [p.category for p in library.published()], key=lambda c: c.replace("ä", "ae").casefold()
    )


def test_get_unknown_returns_none(library: PromptLibrary) -> None:
    assert library.get("gibt-es-nicht") is None


def test_duplicate_ids_are_refused_when_built_by_hand() -> None:
    with pytest.raises(ValueError):
        PromptLibrary([NOTE, NOTE])


def test_search_in_the_real_library() -> None:
    library = PromptLibrary.load(BUILTIN_PROMPTS_DIR)
    assert "gespraechsnotiz-strukturieren" in ids(library.search("Gesprächsnotiz"))
    assert ids(library.search("leichte sprache elternbrief")) == ["elternbrief-leichte-sprache"]
    assert {"pflegebericht-strukturieren", "uebergabe-notiz-schichtwechsel"} <= set(ids(library.search(category="Pflege")))
    assert ids(library.search("reisekosten")) == ["reisekostenfrage-klaeren"]
    assert "teilhabeplan-ziele-smart" in ids(library.search("smart"))
