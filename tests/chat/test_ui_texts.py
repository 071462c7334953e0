"""The texts the chat UI shows (issue 18 "what a social worker sees", issue 19): Chainlit's strings in German
"Sie" form, every string Chainlit uses translated, every accessible name the page script needs present, and the
rules of use without line breaks in the middle of sentences."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from chat.ui.reflow import join_wrapped_lines
from onboarding import BUILTIN_RULES_PATH

UI = Path(__file__).resolve().parents[2] / "chat" / "ui"
OURS = json.loads((UI / "translations" / "de-DE.json").read_text(encoding="utf-8"))
CHAINLIT = json.loads((resources.files("chainlit") / "translations" / "en-US.json").read_text(encoding="utf-8"))
# Informal address and imperatives of the informal form that Chainlit's own German file used.
INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*|euch|euer|eure\w*|überprüfe|melde|versuche|beginne|füge|gebe|"
                      r"wähle|ziehe|passe|verwende)\b", re.IGNORECASE)


def leaves(tree: dict, prefix: str = ""):
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from leaves(value, prefix + key + ".")
        else:
            yield prefix + key, value


def test_every_string_chainlit_uses_is_translated():
    ours = dict(leaves(OURS))
    missing = [key for key, _ in leaves(CHAINLIT) if key not in ours]
    assert not missing, missing
    english = [key for key, value in leaves(CHAINLIT) if ours.get(key) and ours[key] == value and len(value) > 4]
    assert not english, english  # a string left in English


def test_german_strings_address_the_user_formally():
    informal = {key: value for key, value in leaves(OURS) if INFORMAL.search(value)}
    assert not informal, informal


def test_step_label_is_the_step_name_alone():
    from chat.ui import messages

    assert OURS["chat"]["messages"]["status"] == {"using": "", "used": ""}
    assert messages.STEP_PSEUDONYMISED == "Geschützte Angaben (nur für Sie sichtbar)"


def test_page_script_finds_every_accessible_name_it_uses():
    script = (UI / "public" / "safegpt-a11y.js").read_text(encoding="utf-8")
    used = set(re.findall(r'text\("(\w+)"\)', script)) | set(re.findall(r',\s*"(\w+)"\]', script))
    used |= set(re.findall(r":\s*\"(\w+)\"", script.split("var BY_ICON")[0].split("var BY_ID")[1]))
    used |= set(re.findall(r"labels\.(\w+)", script))
    for language in ("de-DE", "en-US"):
        names = json.loads((UI / "translations" / f"{language}.json").read_text(encoding="utf-8"))["safegpt"]["a11y"]
        missing = sorted(k for k in used if k not in names)
        assert not missing, (language, missing)
        assert all(value.strip() for value in names.values()), language


@pytest.mark.parametrize("markdown,expected", [
    ("Ein Satz, der\nim Editor umbrochen wurde.", "Ein Satz, der im Editor umbrochen wurde."),
    ("- Punkt eins geht\n  weiter\n- Punkt zwei", "- Punkt eins geht weiter\n- Punkt zwei"),
    ("1. Erstens\n   noch mehr\n2. Zweitens", "1. Erstens noch mehr\n2. Zweitens"),
    ("## Überschrift\nText danach\nund weiter", "## Überschrift\nText danach und weiter"),
    ("Absatz eins\n\nAbsatz zwei\nEnde", "Absatz eins\n\nAbsatz zwei Ende"),
    ("```text\nzeile 1\nzeile 2\n```", "```text\nzeile 1\nzeile 2\n```"),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n|---|---|\n| 1 | 2 |"),
    ("> Zitat\n> weiter", "> Zitat\n> weiter"),
    ("Harter Umbruch  \nbleibt", "Harter Umbruch  \nbleibt"),
    ("Text\n---\nmehr", "Text\n---\nmehr"),
    ("Text\n* Liste", "Text\n* Liste"),
])
def test_join_wrapped_lines(markdown, expected):
    assert join_wrapped_lines(markdown) == expected


def test_shipped_rules_and_guides_have_no_break_inside_a_sentence():
    block = re.compile(r"^\s*(#|[-*+]\s|\d+[.)]\s|>|\||```|$)")
    texts = {"rules": join_wrapped_lines(BUILTIN_RULES_PATH.read_text(encoding="utf-8").split("---", 2)[2]),
             "chainlit_de-DE.md": (UI / "chainlit_de-DE.md").read_text(encoding="utf-8"),
             "chainlit.md": (UI / "chainlit.md").read_text(encoding="utf-8")}
    for name, text in texts.items():
        lines = text.split("\n")
        broken = [f"{a!r} / {b!r}" for a, b in zip(lines, lines[1:])
                  if a.strip() and not a.lstrip().startswith("#") and not block.match(b)]
        assert not broken, (name, broken[:3])
