"""The starter library shipped in onboarding/prompts/: complete, consistent, renderable."""

from __future__ import annotations

import re

import pytest
import yaml

from onboarding import BUILTIN_PROMPTS_DIR, PromptLibrary

# The tasks the issue and the sector asked for, by file id.
EXPECTED_IDS = {
    "gespraechsnotiz-strukturieren", "hilfeplan-entwurf-vorbereiten", "elternbrief-leichte-sprache",
    "antrag-begruenden", "email-an-kostentraeger", "protokoll-zusammenfassen", "fachtext-vereinfachen",
    "dienstplan-aushang-formulieren", "pflegebericht-strukturieren", "uebergabe-notiz-schichtwechsel",
    "widerspruch-vorbereiten", "terminerinnerung", "einladung-hilfeplangespraech",
    "entwicklungsbericht-gliedern", "beschwerde-beantworten", "fortbildungsantrag",
    "sachbericht-zuwendungsgeber", "stellenausschreibung", "checkliste-hausbesuch",
    "rueckmeldung-an-schule", "wochenplan-leichte-sprache", "email-kuerzen-freundlicher",
    "fachbegriffe-erklaeren", "fallbesprechung-vorbereiten", "teilhabeplan-ziele-smart",
    "ehrenamtliche-einarbeiten", "dankesbrief-spender", "reisekostenfrage-klaeren",
}  # fmt: skip

PROMPT_FILES = sorted(BUILTIN_PROMPTS_DIR.glob("*.yaml"))
VARIABLE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return PromptLibrary.load(BUILTIN_PROMPTS_DIR, strict=True)


def test_all_files_load_without_errors(library: PromptLibrary) -> None:
    assert library.errors == ()
    assert len(PROMPT_FILES) >= 28
    assert len(library) == len(PROMPT_FILES)
    assert len(library.published()) >= 28


def test_the_requested_tasks_are_all_there(library: PromptLibrary) -> None:
    assert EXPECTED_IDS <= {prompt.id for prompt in library}


def test_ids_are_unique_and_match_file_names(library: PromptLibrary) -> None:
    ids = [prompt.id for prompt in library]
    assert len(ids) == len(set(ids))
    assert all(prompt.source is not None and prompt.source.stem == prompt.id for prompt in library)


def test_categories_cover_the_main_tasks(library: PromptLibrary) -> None:
    assert {"Dokumentation", "Briefe & E-Mails", "Anträge", "Leichte Sprache", "Zusammenfassen", "Pflege", "Organisation"} <= set(
        library.categories()
    )


@pytest.mark.parametrize("path", PROMPT_FILES, ids=lambda p: p.stem)
def test_variables_in_prompt_and_declaration_agree(path) -> None:
    # Checked on the raw YAML, independently of the loader's own validation.
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    used = set(VARIABLE.findall(raw["prompt"]))
    declared = {variable["name"] for variable in raw.get("variables") or []}
    assert used == declared
    assert set(raw.get("example_input") or {}) == declared, "every variable has a fictional example"


@pytest.mark.parametrize("path", PROMPT_FILES, ids=lambda p: p.stem)
def test_example_input_renders_completely(library: PromptLibrary, path) -> None:
    prompt = library.get(path.stem)
    rendered = prompt.render_example()
    assert "{" not in rendered and "}" not in rendered
    for value in prompt.example_input.values():
        assert value in rendered


@pytest.mark.parametrize("path", PROMPT_FILES, ids=lambda p: p.stem)
def test_prompt_follows_the_house_rules(library: PromptLibrary, path) -> None:
    prompt = library.get(path.stem)
    assert "ausschließlich" in prompt.template, "tells the model to use only the given information"
    assert "[fehlt:" in prompt.template, "tells the model how to mark gaps"
    assert "Entwurf" in prompt.template, "reminds that the result is a draft to be checked"
    assert prompt.status == "published" and prompt.version >= 1
    assert prompt.audience and prompt.author_role
    for variable in prompt.variables:
        assert variable.label.strip() and variable.example.strip()
