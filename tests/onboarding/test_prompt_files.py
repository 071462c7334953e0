"""Broken prompt files: each problem is named by file, line and field; the other prompts still load."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from onboarding import PromptFileError, PromptLibrary

# A valid prompt file; the comments give the line numbers the cases below refer to.
VALID_LINES = [
    "id: PROMPT_ID",  # 1
    "title: Testprompt",  # 2
    "category: Dokumentation",  # 3
    "description: Ein Prompt für Tests.",  # 4
    'audience: ["alle"]',  # 5
    "version: 1",  # 6
    "author_role: Qualitätsmanagement",  # 7
    "status: published",  # 8
    "variables:",  # 9
    "  - name: stichworte",  # 10
    "    label: Was haben Sie notiert?",  # 11
    "    example: Wohnung aufgeräumt",  # 12
    "    required: true",  # 13
    "    multiline: true",  # 14
    "  - name: datum",  # 15
    "    label: Wann war das?",  # 16
    "    example: 12.03.2027",  # 17
    "    required: false",  # 18
    "prompt: |",  # 19
    "  Strukturiere die Stichworte.",  # 20
    "  Datum: {datum}",  # 21
    "  {stichworte}",  # 22
    "  Verwende ausschließlich die Angaben oben, markiere Lücken mit [fehlt: …].",  # 23
    "example_input:",  # 24
    "  stichworte: Wohnung aufgeräumt",  # 25
    "  datum: 12.03.2027",  # 26
]


def valid_text(prompt_id: str) -> str:
    return "\n".join(VALID_LINES).replace("PROMPT_ID", prompt_id) + "\n"


def replace(line: int, new: str) -> Callable[[list[str]], list[str]]:
    def change(lines: list[str]) -> list[str]:
        return lines[: line - 1] + [new] + lines[line:]

    return change


def delete(line: int) -> Callable[[list[str]], list[str]]:
    return lambda lines: lines[: line - 1] + lines[line:]


def replace_range(first: int, last: int, new: str) -> Callable[[list[str]], list[str]]:
    return lambda lines: lines[: first - 1] + [new] + lines[last:]


def append(new: str) -> Callable[[list[str]], list[str]]:
    return lambda lines: lines + [new]


# (case, change to the valid file, expected line, expected field, words expected in the message)
CASES = [
    ("missing-field", delete(2), 1, "title", "Pflichtfeld fehlt"),
    ("missing-variable-label", delete(16), 15, "variables[2].label", "Pflichtfeld fehlt"),
    ("wrong-type-version", replace(6, "version: Geheimwert"), 6, "version", "ganze Zahl"),
    ("wrong-type-bool", replace(13, "    required: Geheimwert"), 13, "variables[1].required", "true oder false"),
    ("wrong-type-audience", replace(5, "audience: 5"), 5, "audience", "Liste"),
    ("wrong-type-variables", replace_range(9, 18, "variables: Geheimwert"), 9, "variables", "Liste"),
    ("version-zero", replace(6, "version: 0"), 6, "version", "ab 1"),
    ("empty-title", replace(2, "title:"), 2, "title", "nicht leer"),
    ("yaml-syntax-colon", replace(4, "description: Geheimwert: mit Doppelpunkt"), 4, "description", "YAML-Syntaxfehler"),
    ("yaml-syntax-tab", replace(7, "author_role:\tGeheimwert"), 7, "author_role", "YAML-Syntaxfehler"),
    ("yaml-syntax-unclosed-quote", append('title: "Geheimwert ohne Ende'), 27, "title", "Anführungszeichen nicht geschlossen"),
    ("yaml-syntax-quote-runs-on", replace(4, 'description: "Geheimwert'), 5, "audience", "Anführungszeichen nicht geschlossen?"),
    ("yaml-syntax-indent", replace(11, "     label: Was haben Sie notiert?"), 11, "variables", "Einrückung"),
    ("unknown-variable-in-prompt", replace(22, "  {stichworte} in {ort}"), 22, "prompt", "{ort}"),
    ("declared-variable-unused", replace(21, "  Datum: Geheimwert"), 15, "variables[2].name", "datum"),
    ("stray-brace", replace(23, "  Verwende { ausschließlich die Angaben."), 23, "prompt", "Geschweifte Klammer"),
    ("unknown-field", replace(2, "titel: Testprompt"), 2, "titel", "Meinten Sie „title“?"),
    ("unknown-field-no-guess", append("farbe: blau"), 27, "farbe", "Erlaubt sind: id, title"),
    ("id-not-file-name", replace(1, "id: anderer-name"), 1, "id", "Dateinamen"),
    ("id-format", replace(1, "id: Gespräch"), 1, "id", "Kleinbuchstaben"),
    ("unknown-status", replace(8, "status: entwurf"), 8, "status", "proposed, published, retired"),
    ("unquoted-time", replace(26, "  datum: 14:30"), 26, "example_input.datum", "Anführungszeichen"),
    ("example-for-undeclared", append("  ort: Musterstadt"), 27, "example_input.ort", "nicht deklariert"),
    ("example-missing", delete(25), 24, "example_input.stichworte", "Beispielwert"),
    ("duplicate-key", append("title: Noch ein Titel"), 27, "title", "mehrfach"),
    ("variable-name-format", replace(15, "  - name: Datum des Termins"), 15, "variables[2].name", "Kleinbuchstaben"),
]


def write_library(directory: Path, case: str, change: Callable[[list[str]], list[str]]) -> Path:
    (directory / "aaa-gueltig.yaml").write_text(valid_text("aaa-gueltig"), encoding="utf-8")
    (directory / "zzz-gueltig.yaml").write_text(valid_text("zzz-gueltig"), encoding="utf-8")
    broken = directory / f"{case}.yaml"
    lines = change(valid_text(case).splitlines())
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return broken


def test_the_valid_template_is_valid(tmp_path: Path) -> None:
    (tmp_path / "test.yaml").write_text(valid_text("test"), encoding="utf-8")
    library = PromptLibrary.load(tmp_path, strict=True)
    assert library.errors == ()
    assert library.get("test").render({"stichworte": "x"}).startswith("Strukturiere")


@pytest.mark.parametrize(("case", "change", "line", "field", "words"), CASES, ids=[c[0] for c in CASES])
def test_broken_file_is_named_precisely_and_others_still_load(tmp_path, case, change, line, field, words) -> None:
    broken = write_library(tmp_path, case, change)

    library = PromptLibrary.load(tmp_path)

    assert sorted(p.id for p in library) == ["aaa-gueltig", "zzz-gueltig"]
    assert library.get(case) is None
    assert library.errors and all(error.path == broken for error in library.errors)
    matching = [e for e in library.errors if (e.line, e.field) == (line, field)]
    assert matching, [str(e) for e in library.errors]
    error = matching[0]
    assert words in error.message
    text = str(error)
    assert str(broken) in text and f"Zeile {line}" in text and f"Feld „{field}“" in text
    assert "Geheimwert" not in text, "error messages never quote values from the file"


@pytest.mark.parametrize(("case", "change", "line", "field", "words"), CASES, ids=[c[0] for c in CASES])
def test_strict_mode_raises_naming_file_line_and_field(tmp_path, case, change, line, field, words) -> None:
    broken = write_library(tmp_path, case, change)
    collected = PromptLibrary.load(tmp_path).errors

    with pytest.raises(PromptFileError) as raised:
        PromptLibrary.load(tmp_path, strict=True)

    assert raised.value.path == broken
    assert (raised.value.line, raised.value.field, raised.value.message) == (
        collected[0].line,
        collected[0].field,
        collected[0].message,
    )
    assert raised.value.line is not None and raised.value.field is not None


def test_all_problems_of_a_file_are_collected(tmp_path: Path) -> None:
    lines = valid_text("viele-fehler").splitlines()
    lines = replace(6, "version: zwei")(lines)
    lines = replace(22, "  {stichworte} {ort}")(lines)
    lines = delete(3)(lines)  # category
    (tmp_path / "viele-fehler.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    errors = PromptLibrary.load(tmp_path).errors

    assert {(e.line, e.field) for e in errors} == {(1, "category"), (5, "version"), (21, "prompt")}


def test_empty_file_and_non_mapping(tmp_path: Path) -> None:
    (tmp_path / "leer.yaml").write_text("", encoding="utf-8")
    (tmp_path / "liste.yaml").write_text("- a\n- b\n", encoding="utf-8")
    errors = {e.path.name: e for e in PromptLibrary.load(tmp_path).errors}
    assert "leer" in errors["leer.yaml"].message
    assert errors["liste.yaml"].line == 1 and "name: wert" in errors["liste.yaml"].message


def test_file_not_in_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin1.yaml").write_bytes(valid_text("latin1").encode("latin-1", errors="replace"))
    (error,) = PromptLibrary.load(tmp_path).errors
    assert error.line == 4 and "UTF-8" in error.message  # "für" in the description is the first umlaut


def test_same_id_in_yaml_and_yml(tmp_path: Path) -> None:
    (tmp_path / "doppelt.yaml").write_text(valid_text("doppelt"), encoding="utf-8")
    (tmp_path / "doppelt.yml").write_text(valid_text("doppelt"), encoding="utf-8")
    library = PromptLibrary.load(tmp_path)
    assert [p.id for p in library] == ["doppelt"]
    (error,) = library.errors
    assert error.path.name == "doppelt.yml" and error.field == "id" and "doppelt.yaml" in error.message


def test_other_files_and_sub_folders_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Hinweise", encoding="utf-8")
    (tmp_path / "archiv").mkdir()
    (tmp_path / "archiv" / "alt.yaml").write_text("kaputt: [", encoding="utf-8")
    (tmp_path / "._gut.yaml").write_bytes(b"\x00\x05\x16\x07")  # macOS metadata next to the file
    (tmp_path / "gut.yaml").write_text(valid_text("gut"), encoding="utf-8")
    library = PromptLibrary.load(tmp_path, strict=True)
    assert [p.id for p in library] == ["gut"] and library.errors == ()


def test_windows_line_endings_and_byte_order_mark(tmp_path: Path) -> None:
    (tmp_path / "windows.yaml").write_bytes(valid_text("windows").replace("\n", "\r\n").encode("utf-8-sig"))
    prompt = PromptLibrary.load(tmp_path, strict=True).get("windows")
    assert "\r" not in prompt.template and prompt.render_example().startswith("Strukturiere die Stichworte.\n")


def test_missing_directory(tmp_path: Path) -> None:
    missing = tmp_path / "gibt-es-nicht"
    library = PromptLibrary.load(missing)
    assert len(library) == 0
    (error,) = library.errors
    assert error.path == missing and "nicht gefunden" in str(error)
    with pytest.raises(PromptFileError, match="nicht gefunden"):
        PromptLibrary.load(missing, strict=True)


def test_optional_fields_may_be_left_out(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "id: ohne-variablen",
            "title: Ideen für den Teamtag",
            "category: Organisation",
            "description: Sammelt Ideen.",
            "audience: alle",
            "version: 2",
            "author_role: Leitung",
            "status: proposed",
            "prompt: Sammle zehn Ideen für einen Teamtag.",
        ]
    )
    (tmp_path / "ohne-variablen.yaml").write_text(text, encoding="utf-8")
    prompt = PromptLibrary.load(tmp_path, strict=True).get("ohne-variablen")
    assert prompt.variables == () and dict(prompt.example_input) == {}
    assert prompt.audience == ("alle",) and prompt.version == 2 and not prompt.is_published
    assert prompt.render({}) == "Sammle zehn Ideen für einen Teamtag.\n"


def test_variable_defaults(tmp_path: Path) -> None:
    # without "required" and "multiline" (deleted from the bottom up, so line numbers hold)
    lines = delete(13)(delete(14)(delete(18)(valid_text("defaults").splitlines())))
    (tmp_path / "defaults.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    prompt = PromptLibrary.load(tmp_path, strict=True).get("defaults")
    assert [(v.required, v.multiline) for v in prompt.variables] == [(True, False), (True, False)]


def test_error_survives_pickling_and_has_a_useful_repr(tmp_path: Path) -> None:
    error = PromptFileError(tmp_path / "x.yaml", 3, "title", "Pflichtfeld fehlt.")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.line, copy.field, copy.message) == (error.path, 3, "title", "Pflichtfeld fehlt.")
    assert str(copy) == f"{tmp_path / 'x.yaml'}, Zeile 3, Feld „title“: Pflichtfeld fehlt."
    assert "line=3" in repr(copy)
