"""Start a real ``safegpt serve`` process for browser and end-to-end tests."""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support import forked
from tests.support.ports import free_port
from tests.support.sample_knowledge import seed_sample_knowledge

REPO = Path(__file__).resolve().parents[2]
SAFEGPT = forked.COMMAND


def toml_value(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_toml(path: Path, data: dict) -> Path:
    """Write a (flat-enough) settings dict as TOML; tables for dicts, arrays of tables for model_list."""
    lines: list[str] = []
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict) and k != "model_list"}
    for k, v in scalars.items():
        if v is not None:
            lines.append(f"{k} = {toml_value(v)}")
    for k, v in data.items():
        if isinstance(v, dict) and k != "local_models":
            lines.append(f"\n[{k}]")
            lines += [f"{kk} = {toml_value(vv)}" for kk, vv in v.items() if not isinstance(vv, dict)]
            for kk, vv in v.items():
                if isinstance(vv, dict):
                    lines.append(f"\n[{k}.{kk}]")
                    lines += [f"{a} = {toml_value(b)}" for a, b in vv.items()]
    for alias, cfg in data.get("local_models", {}).items():
        lines.append(f'\n[local_models."{alias}"]')
        lines += [f"{a} = {toml_value(b)}" for a, b in cfg.items()]
    for entry in data.get("model_list", []):
        lines.append("\n[[model_list]]")
        lines.append(f"model_name = {toml_value(entry['model_name'])}")
        params = ", ".join(f"{a} = {toml_value(b)}" for a, b in entry["litellm_params"].items())
        lines.append(f"litellm_params = {{ {params} }}")
        if "safegpt" in entry:
            lines.append("[model_list.safegpt]")
            lines += [f"{a} = {toml_value(b)}" for a, b in entry["safegpt"].items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class RunningServer:
    process: subprocess.Popen
    base_url: str
    config: Path
    log: Path
    data_dir: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def run_cli(config: Path, *args: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "SAFEGPT_CONFIG": str(config)}
    result = forked.run(list(args), input=input, env=env, cwd=REPO, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"safegpt {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


def start_server(settings: dict, tmp: Path, port: int | None = None, env: dict | None = None) -> RunningServer:
    port = port or free_port()
    settings = {**settings, "server": {**settings.get("server", {}), "host": "127.0.0.1", "port": port,
                                       "allowed_origins": [f"http://127.0.0.1:{port}"]}}
    seed_sample_knowledge(settings, env)  # the samples indexed once per worker, not at every start
    config = write_toml(tmp / "safegpt-test.toml", settings)
    log = tmp / "server.log"
    env = {**os.environ, **(env or {}), "SAFEGPT_CONFIG": str(config)}
    log.write_text("")
    process = forked.popen(["serve"], env=env, cwd=REPO, log=log)
    base = f"http://127.0.0.1:{port}"
    # On a machine shared by many runs a start can take longer than the usual 5 minutes; the wait is raised
    # per run, never by lowering what the server must do.
    deadline = time.time() + float(os.environ.get("SAFEGPT_TEST_SERVER_START_SECONDS", "300"))
    while time.time() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            # Up and warmed up (models, guardrail, knowledge base loaded), as a load balancer would wait for: a
            # test's first login must not compete with the warm-up. Other readiness checks may fail on purpose.
            ready = httpx.get(base + "/readyz", timeout=10)
            if ready.status_code in (200, 503) and ready.json().get("checks", {}).get("warmed_up"):
                return RunningServer(process, base, config, log, Path(settings["data_dir"]))
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.3)
    process.kill()
    raise AssertionError(f"server did not start:\n{log.read_text()[-3000:]}")


# Fault injection into a real server: put this folder on its PYTHONPATH (see its sitecustomize.py).
FAULT_PLUGIN = Path(__file__).resolve().parent / "fault_plugin"


def start_server_with_users(settings: dict, tmp: Path, users: dict[str, str], password: str,
                            env: dict | None = None) -> RunningServer:
    """Create the accounts (name → role, one password for all) through the CLI, then start the server."""
    config = write_toml(tmp / "pre.toml", settings)
    for name, role in users.items():
        run_cli(config, "user", "add", name, "--role", role, "--password-stdin", input=password + "\n")
    return start_server(settings, tmp, env=env)
