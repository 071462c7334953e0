"""Every ``safegpt`` verb with an unknown name, id, path or value: a German refusal, a non-zero exit code and no
Python traceback (issue 16). Real commands in subprocesses on a set-up data directory."""

from __future__ import annotations

import json

import pytest

from tests.conftest import settings_dict
from tests.support.server import run_cli, write_toml

# (arguments, words the refusal must contain, stdin)
BAD = [
    (["ask", "--model", "no-such-model", "Hallo"], "nicht", None),
    (["ask", "--json", "--model", "no-such-model", "Hallo"], "nicht", None),
    (["kb", "add", "/no/such/file.pdf"], "", None),
    (["kb", "add", "{tmp}/kaputt.docx"], "", None),
    (["kb", "show", "no-such-doc"], "", None),
    (["kb", "remove", "no-such-doc"], "", None),
    (["user", "disable", "no-such-user"], "gibt es nicht", None),
    (["user", "passwd", "no-such-user", "--password-stdin"], "gibt es nicht", "ein-langes-passwort\n"),
    (["user", "set-role", "no-such-user", "staff"], "gibt es nicht", None),
    (["user", "set-role", "admin", "no-such-role"], "", None),
    (["user", "set-department", "no-such-user", "Pflege"], "gibt es nicht", None),
    (["user", "link", "no-such-user", "oauth:keycloak:", "sub-1"], "gibt es nicht", None),
    (["user", "logout", "no-such-user"], "gibt es nicht", None),
    (["user", "add", "admin", "--password-stdin"], "gibt es bereits", "ein-langes-passwort\n"),
    (["user", "add", "zu-kurz", "--password-stdin"], "mindestens 10 Zeichen", "kurz\n"),
    (["apikey", "revoke", "no-such-key"], "", None),
    (["apikey", "add", "fachverfahren", "--models", "no-such-model"], "", None),
    (["apikey", "add", "fachverfahren", "--models", "extern", "--classes", "no-such-class"], "", None),
    (["--config", "/no/such/safegpt.toml", "user", "list"], "", None),
    (["no-such-verb"], "", None),
]


@pytest.fixture(scope="module")
def config(tmp_path_factory, module_provider):
    tmp = tmp_path_factory.mktemp("cli-bad")
    cfg = write_toml(tmp / "cli.toml", settings_dict(tmp / "data", module_provider))
    run_cli(cfg, "setup", "--no-index")
    (tmp / "kaputt.docx").write_bytes(b"PK\x03\x04 kein echtes docx")
    return cfg


@pytest.mark.parametrize("args, words, stdin", BAD, ids=[" ".join(a) for a, _, _ in BAD])
def test_a_bad_name_id_or_path_gets_a_german_refusal_not_a_traceback(config, args, words, stdin):
    args = [a.replace("{tmp}", str(config.parent)) for a in args]
    result = run_cli(config, *args, input=stdin, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output and 'File "' not in output, output
    assert words in output
    if "--json" in args:
        assert json.loads(result.stdout)["error"]  # machine-readable, as the --json success output
        return
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    # One German line says what was wrong (a usage error adds where to find help).
    assert lines and any(line.startswith("Fehler") for line in lines), result.stderr
    assert "Error:" not in result.stderr
