"""The rules of use file: version, validity date, text, and precise errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onboarding import BUILTIN_RULES_PATH, RulesFileError, RulesOfUse

VALID = """---
version: 3
valid_from: 2027-01-15
approved_by: Geschäftsführung
---
# Nutzungsregeln

Bitte lesen.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_rules_load_and_cover_the_required_topics() -> None:
    rules = RulesOfUse.load(BUILTIN_RULES_PATH)
    assert rules.version == 1 and isinstance(rules.valid_from, dt.date)
    for topic in ("Pseudonymisierung", "Passwörter", "Art. 9", "lokales", "Entwurf", "prüfen", "Dienstvereinbarung", "Datenschutz", "künstlichen Intelligenz"):
        assert topic in rules.text, topic
    assert not rules.text.startswith("---")


def test_valid_file(tmp_path: Path) -> None:
    rules = RulesOfUse.load(write(tmp_path, VALID))
    assert (rules.version, rules.valid_from, rules.approved_by) == (3, dt.date(2027, 1, 15), "Geschäftsführung")
    assert rules.text == "# Nutzungsregeln\n\nBitte lesen.\n"
    assert "Bitte lesen" not in repr(rules)


def test_date_written_as_quoted_text_is_accepted(tmp_path: Path) -> None:
    rules = RulesOfUse.load(write(tmp_path, VALID.replace("valid_from: 2027-01-15", 'valid_from: "2027-01-15"')))
    assert rules.valid_from == dt.date(2027, 1, 15)


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (VALID.replace("version: 3", "version: drei"), 2, "version", "ganze Zahl"),
        (VALID.replace("version: 3", "version: 0"), 2, "version", "ab 1"),
        (VALID.replace("version: 3", "version: true"), 2, "version", "ganze Zahl"),
        (VALID.replace("valid_from: 2027-01-15", "valid_from: 15.01.2027"), 3, "valid_from", "JJJJ-MM-TT"),
        (VALID.replace("valid_from: 2027-01-15\n", ""), 2, "valid_from", "Pflichtfeld"),
        (VALID.replace("approved_by", "approvd_by"), 4, "approvd_by", "Meinten Sie „approved_by“?"),
        (VALID.replace("approved_by: Geschäftsführung", "approved_by: [a, b]"), 4, "approved_by", "Text"),
        (VALID.replace("approved_by: Geschäftsführung", "approved_by: a: b"), 4, "approved_by", "YAML-Syntaxfehler"),
        (VALID.replace("version: 3\n", "version: 3\nversion: 4\n"), 3, "version", "mehrfach"),
    ],
)
def test_broken_front_matter_names_line_and_field(tmp_path: Path, text: str, line: int, field: str, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RulesFileError) as raised:
        RulesOfUse.load(path)
    error = raised.value
    assert (error.path, error.line, error.field) == (path, line, field)
    assert words in error.message
    assert f"{path}, Zeile {line}, Feld „{field}“" in str(error)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("# Nutzungsregeln ohne Kopfbereich\n", "Kopfbereich"),
        ("---\nversion: 1\nvalid_from: 2027-01-01\n# Regeln\n", "nicht mit einer Zeile „---“ abgeschlossen"),
        ("---\nversion: 1\nvalid_from: 2027-01-01\n---\n\n   \n", "kein Regeltext"),
        ("---\n- eine Liste\n---\nText\n", "Kopfbereich"),
        ("", "Kopfbereich"),
    ],
)
def test_broken_structure(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(RulesFileError, match=words):
        RulesOfUse.load(write(tmp_path, text))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RulesFileError, match="nicht gefunden") as raised:
        RulesOfUse.load(tmp_path / "fehlt.md")
    assert raised.value.path == tmp_path / "fehlt.md"


def test_file_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "rules.md"
    path.write_bytes(VALID.encode("utf-8-sig"))
    assert RulesOfUse.load(path).version == 3


def test_new_version_asks_again(tmp_path: Path) -> None:
    rules = RulesOfUse.load(write(tmp_path, VALID))
    assert rules.needs_acknowledgement(None)
    assert rules.needs_acknowledgement(2)
    assert not rules.needs_acknowledgement(3)
