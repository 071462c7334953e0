"""``safegpt pii scan`` as a click command."""

import json

from click.testing import CliRunner

from guardrails.cli import make_pii_group


def test_scan_outputs_one_line_per_input(guardrail):
    group = make_pii_group(lambda: guardrail)
    stdin = "\n".join(
        [
            json.dumps({"text": "Frau Aylin Demir, geb. 14.03.1987"}),
            json.dumps({"text": "Keine Daten hier."}),
        ]
    )
    result = CliRunner().invoke(group, ["scan"], input=stdin)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [
        {
            "spans": [
                {"start": 5, "end": 16, "entity_type": "PERSON", "score": 0.9},
                {"start": 23, "end": 33, "entity_type": "DATE_OF_BIRTH", "score": 1.0},
            ]
        },
        {"spans": []},
    ]


def test_scan_bad_lines_are_reported_without_text_and_skipped(guardrail):
    group = make_pii_group(lambda: guardrail)
    stdin = "\n".join(
        [
            '{"text": "Frau Aylin Demir"',  # broken JSON holding a name
            json.dumps({"txt": "Herr Mehmet Yilmaz"}),
            json.dumps(["Jonas Weber"]),
            json.dumps({"text": "Herr Jonas Weber"}),
        ]
    )
    result = CliRunner().invoke(group, ["scan"], input=stdin)
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert len(out) == 1 and json.loads(out[0])["spans"][0]["entity_type"] == "PERSON"
    err = result.stderr
    assert "Zeile 1" in err and "Zeile 2" in err and "Zeile 3" in err
    for secret in ("Aylin", "Demir", "Mehmet", "Yilmaz", "Jonas", "Weber"):
        assert secret not in err


def test_scan_reports_bad_encoding(guardrail):
    group = make_pii_group(lambda: guardrail)
    stdin = b'{"text": "Frau M\xfcller"}\n' + json.dumps({"text": "ok"}).encode() + b"\n"
    result = CliRunner().invoke(group, ["scan"], input=stdin)
    assert result.exit_code == 1
    assert "Zeile 1" in result.stderr and "ller" not in result.stderr
    assert result.stdout.splitlines() == ['{"spans": []}']


def test_empty_and_whitespace_texts(guardrail):
    conv = guardrail.conversation()
    assert conv.protect("").text == ""
    assert conv.protect("   ").findings == ()
    assert guardrail.detect("") == []
