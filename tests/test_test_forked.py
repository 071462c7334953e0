"""The fork server the tests start ``safegpt`` from (tests/support/forked.py) behaves like a fresh interpreter for
what the tests look at: arguments, environment, standard input, output, error output and exit code."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support import forked
from tests.support.server import REPO, write_toml


def _both(args: list[str], env: dict[str, str], input: str | None = None):
    fresh = subprocess.run([sys.executable, "-m", "chat.cli", *args], input=input, capture_output=True, text=True,
                           env=env, cwd=REPO, timeout=300)
    return forked.run(args, env=env, cwd=REPO, input=input), fresh


def test_a_forked_command_answers_like_a_fresh_interpreter(tmp_path):
    config = write_toml(tmp_path / "safegpt.toml", {"data_dir": str(tmp_path / "data"), "samples_dir": None})
    env = {**os.environ, "SAFEGPT_CONFIG": str(config)}
    added = forked.run(["user", "add", "probe", "--role", "staff", "--password-stdin"], env=env, cwd=REPO,
                       input="sicheres-passwort-123\n")
    assert added.returncode == 0, added.stderr
    listed, fresh = _both(["user", "list"], env)
    assert listed.returncode == fresh.returncode == 0
    assert "probe" in listed.stdout and listed.stdout == fresh.stdout
    refused, fresh = _both(["user", "add", "probe", "--role", "staff", "--password-stdin"], env, "kurz\n")
    assert refused.returncode == fresh.returncode != 0
    assert refused.stderr.strip() and refused.stderr == fresh.stderr  # the same German refusal


def test_a_different_interpreter_start_gets_a_fresh_interpreter():
    assert forked.enabled({**os.environ})
    assert not forked.enabled({**os.environ, "PYTHONPATH": "/somewhere/with/a/sitecustomize"})
