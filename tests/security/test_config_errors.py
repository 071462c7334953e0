"""A broken settings file stops ``safegpt serve`` with exit code ≠ 0, naming file, line and field."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.server import REPO


@pytest.mark.parametrize("body,expected", [
    ('data_dir = "d"\n\n[server]\nhost = "127.0.0.1"\nport = "achttausend"\n', ["Zeile 5", "server.port"]),
    ('data_dir = "d"\n[security]\nmax_failed_logins = 0\n', ["Zeile 3", "security.max_failed_logins"]),
    ('data_dir = "d"\n[[model_list]]\nmodel_name = "a"\nlitellm_params = { model = "openai/x" }\n'
     '[model_list.safegpt]\ndata_classes = ["geheim"]\n', ["Zeile 6", "model_list.0.safegpt.data_classes"]),
    ('data_dir = "d"\n[server\nport = 1\n', ["line 2", "ungültiges TOML"]),
    # A typo inside a section is refused, not silently ignored (the setting would fall back to its default).
    ('data_dir = "d"\n[security]\nmax_failed_login = 3\n', ["Zeile 3", "security.max_failed_login"]),
    ('data_dir = "d"\n[guardrails]\npseudonym_styl = "surrogate"\n', ["Zeile 3", "guardrails.pseudonym_styl"]),
    ('data_dir = "d"\n[[model_list]]\nmodel_name = "a"\nlitellm_params = { model = "openai/x" }\n'
     '[model_list.safegpt]\nlocation = "local"\ndata_clases = ["none"]\n', ["Zeile 7", "model_list.0.safegpt.data_clases"]),
])
def test_broken_settings_file_refuses_to_start(tmp_path, body, expected):
    config = tmp_path / "kaputt.toml"
    config.write_text(body, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "chat.cli", "serve"], capture_output=True, text=True,
                            env={**os.environ, "SAFEGPT_CONFIG": str(config)}, cwd=REPO, timeout=120)
    assert result.returncode != 0
    assert str(config) in result.stderr
    for part in expected:
        assert part in result.stderr, result.stderr
    assert not (tmp_path / "d").exists()  # nothing was set up half-configured
