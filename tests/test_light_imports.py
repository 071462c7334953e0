"""What the command line and the settings load: no Chainlit outside the chat UI, nothing heavy for settings.

Importing Chainlit writes a default ``.chainlit/`` folder into the working directory, so every command runs in
an empty temporary working directory and must leave it empty. Each check runs in a fresh interpreter and
reads that interpreter's ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, settings_dict
from tests.support.server import write_toml

HEAVY = ("presidio_analyzer", "presidio_anonymizer", "spacy", "chromadb", "litellm", "llama_cpp", "chainlit")

_RUN_CLI = """
import json, os, sys
sys.argv = ["safegpt", *json.loads(os.environ["CLI_ARGS"])]
from chat.cli.main import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code
with open(os.environ["LOADED_FILE"], "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""


def _loaded(tmp_path: Path, code: str, env: dict[str, str] | None = None) -> tuple[dict, Path]:
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)
    record = tmp_path / "loaded.json"
    inherited = {name: value for name, value in os.environ.items() if name != "CHAINLIT_APP_ROOT"}  # as users run it
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=600,
                            env={**inherited, **(env or {}), "LOADED_FILE": str(record)})
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(record.read_text()), cwd


def _heavy(modules: list[str]) -> set[str]:
    return {name for name in HEAVY if name in modules}


@pytest.fixture
def cli(tmp_path, provider):
    config = write_toml(tmp_path / "cli.toml", settings_dict(tmp_path / "data", provider))

    def run(*args: str) -> tuple[dict, Path]:
        return _loaded(tmp_path, _RUN_CLI, {"CLI_ARGS": json.dumps(args), "SAFEGPT_CONFIG": str(config)})

    return run


def test_settings_import_without_presidio_spacy_chroma_litellm_or_chainlit(tmp_path):
    code = ("import json, os, sys\nfrom chat.settings import load_settings\nload_settings(use_file=False)\n"
            "json.dump({'modules': sorted(sys.modules)}, open(os.environ['LOADED_FILE'], 'w'))")
    loaded, cwd = _loaded(tmp_path, code)
    assert "chat.settings" in loaded["modules"]
    assert _heavy(loaded["modules"]) == set()
    assert list(cwd.iterdir()) == []


@pytest.mark.parametrize("args", [("--help",), ("user", "list"), ("apikey", "list"), ("privacy", "report")])
def test_management_commands_load_nothing_heavy_and_write_nothing_into_the_working_directory(cli, args):
    loaded, cwd = cli(*args)
    assert loaded["code"] in (0, None)
    assert _heavy(loaded["modules"]) == set()
    assert list(cwd.iterdir()) == []  # no .chainlit/, no .files/


def test_ask_answers_without_chainlit_and_leaves_the_working_directory_empty(cli, provider):
    # A request for a text: with no guideline indexed, a rule question gets SafeGPT's own answer without any model
    # (issue 18, "no source, no rule"), a text request still goes to the model.
    loaded, cwd = cli("ask", "--json", "Formulieren Sie bitte eine kurze Einladung zur Teamsitzung am Montag.")
    assert loaded["code"] == 0
    assert provider.requests, "the question reached the model"  # the command really ran the pipeline
    assert "chat.core.pipeline" in loaded["modules"] and "litellm" in loaded["modules"]
    assert "chainlit" not in loaded["modules"]
    assert not any(m.startswith("chat.ui") for m in loaded["modules"])
    assert list(cwd.iterdir()) == []


def test_the_repository_holds_no_generated_chainlit_folder():
    """Chainlit's generated config lives under the data directory (chat/web/server.py); a ``.chainlit/`` in the
    repository would be a stale copy nobody reads."""
    tracked = subprocess.run(["git", "ls-files", "--", ".chainlit", "*/.chainlit/*"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.split()
    assert tracked == []
