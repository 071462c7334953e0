"""The server-mode topology of deploy/compose.yaml as plain processes on 127.0.0.1 (no containers).

PostgreSQL (Debian package), a Chroma server (``chroma run``), an OpenAI-compatible model server
(``python -m llama_cpp.server`` with a small model, or the in-test :class:`RecordingProvider`), any number
of ``safegpt serve`` processes sharing one configuration, database and Chroma, and nginx in front with
sticky sessions (the shipped ``deploy/nginx/safegpt-proxy.conf``). Used by tests/deploy/test_topology.py
and bench/load.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support import forked
from tests.support.ports import free_port
from tests.support.postgres import PostgresServer, start_postgres
from tests.support.server import REPO, write_toml

BIN = Path(sys.executable).parent
PROXY_SNIPPET = REPO / "deploy" / "nginx" / "safegpt-proxy.conf"


def wait_http(url: str, process: subprocess.Popen | None, log: Path | None, timeout: float = 300,
              ok=lambda r: r.status_code == 200) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise AssertionError(f"process for {url} exited ({process.returncode}):\n{tail}")
        try:
            if ok(httpx.get(url, timeout=2)):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise AssertionError(f"{url} did not become ready:\n{tail}")


def stop_process(process: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@dataclass
class Service:
    name: str
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start_chroma(root: Path, port: int | None = None) -> Service:
    """``chroma run`` with its data under ``root/chroma``; the same ``port`` again restarts it in place."""
    port = port or free_port()
    log = root / "chroma.log"
    process = subprocess.Popen([str(BIN / "chroma"), "run", "--path", str(root / "chroma"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=log.open("w"), stderr=subprocess.STDOUT,
                               env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    wait_http(f"http://127.0.0.1:{port}/api/v2/heartbeat", process, log, timeout=120)
    return Service("chroma", process, port, log)


def start_llama_server(root: Path, model: Path, alias: str = "smollm2", threads: int = 1) -> Service:
    port = free_port()
    log = root / "llama-server.log"
    process = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias",
                                alias, "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048",
                                "--n_threads", str(threads)], stdout=log.open("w"), stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{port}/v1/models", process, log, timeout=180)
    return Service("llama-server", process, port, log)


def nginx_config(root: Path, port: int, upstreams: list[int], proxy_bind: str | None = None) -> Path:
    """``proxy_bind``: the source address nginx connects to SafeGPT from (a proxy that is not 127.0.0.1)."""
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;" for p in upstreams)
    temp = root / "nginx-tmp"
    temp.mkdir(parents=True, exist_ok=True)
    temp.chmod(0o777)
    conf = f"""
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;
events {{ worker_connections 2048; }}
http {{
  log_format upstream '$request_method $uri $status upstream=$upstream_addr route=$safegpt_route';
  access_log {root}/nginx-access.log upstream;
  client_body_temp_path {temp}/body;
  proxy_temp_path {temp}/proxy;
  fastcgi_temp_path {temp}/fastcgi;
  uwsgi_temp_path {temp}/uwsgi;
  scgi_temp_path {temp}/scgi;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  map $cookie_safegpt_route $safegpt_route {{ "" $request_id; default $cookie_safegpt_route; }}
  upstream safegpt {{
    hash $safegpt_route consistent;
{servers}
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      {f"proxy_bind {proxy_bind};" if proxy_bind else ""}
      include {PROXY_SNIPPET};
    }}
  }}
}}
"""
    path = root / "nginx.conf"
    path.write_text(conf)
    return path


def start_nginx(root: Path, upstreams: list[int], port: int | None = None, proxy_bind: str | None = None) -> Service:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise RuntimeError("nginx is not installed: run 'make system-test-deps' (apt-get install nginx)")
    port = port or free_port()
    conf = nginx_config(root, port, upstreams, proxy_bind)
    log = root / "nginx.out"
    process = subprocess.Popen([nginx, "-p", str(root), "-c", str(conf), "-e", str(root / "nginx-error.log")],
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{port}/healthz", process, root / "nginx-error.log", timeout=60,
              # nginx's own answer: another server on this port would make a test talk to the wrong process
              ok=lambda r: r.status_code in (200, 502, 503) and r.headers.get("server", "").startswith("nginx"))
    return Service("nginx", process, port, log)


@dataclass
class Topology:
    """Everything started by :func:`start_topology`; ``stop()`` ends it all (and removes the temp dir)."""

    root: Path
    config: Path
    postgres: PostgresServer
    database_url: str
    chroma: Service | None
    model_server: Service | None
    nginx: Service | None = None
    safegpt: list[Service] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        assert self.nginx is not None
        return self.nginx.url

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "SAFEGPT_CONFIG": str(self.config), "SAFEGPT_DATABASE_URL": self.database_url}

    def cli(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
        result = forked.run(list(args), input=input, env=self.env, cwd=REPO, timeout=900)
        if result.returncode != 0:
            raise AssertionError(f"safegpt {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result

    def start_safegpt(self, ports: list[int]) -> list[Service]:
        """Start one ``safegpt serve`` per port, all at once, and wait until each is ready."""
        services = []
        for port in ports:
            index = len(self.safegpt) + len(services)
            log = self.root / f"safegpt-{index}.log"
            process = forked.popen(["serve", "--host", "127.0.0.1", "--port", str(port)], env=self.env, cwd=REPO,
                                   log=log)
            services.append(Service(f"safegpt-{index}", process, port, log))
        self.safegpt += services
        for service in services:
            wait_http(service.url + "/readyz", service.process, service.log,
                      timeout=float(os.environ.get("SAFEGPT_TEST_SERVER_START_SECONDS", "300")))
        return services

    def stop_safegpt(self, sig: int = signal.SIGTERM) -> None:
        for service in self.safegpt:
            stop_process(service.process, sig)

    def stop(self) -> None:
        for service in [self.nginx, *self.safegpt, self.model_server, self.chroma]:
            if service is not None:
                stop_process(service.process)
        self.postgres.cleanup()
        shutil.rmtree(self.root, ignore_errors=True)


def start_topology(settings: dict, *, model: Path | None = None, processes: int = 2,
                   model_entry: dict | None = None, users: dict[str, str] | None = None) -> Topology:
    """Start the whole topology. ``settings`` is a settings dict (tests/conftest.py ``settings_dict``) whose
    data_dir, knowledge and model_list are filled in here; with ``model`` a llama.cpp server serves it as
    ``openai/smollm2``, else ``model_entry`` names an already running OpenAI-compatible server."""
    root = Path(tempfile.mkdtemp(prefix="safegpt-topology-"))
    topology = Topology(root, root / "safegpt.toml", start_postgres(), "", None, None)
    try:
        topology.database_url = topology.postgres.create_database()
        topology.chroma = start_chroma(root)
        if model is not None:
            topology.model_server = start_llama_server(root, model)
            model_entry = {
                "model_name": "lokal-server",
                "litellm_params": {"model": "openai/smollm2", "api_base": topology.model_server.url + "/v1",
                                   "api_key": "keiner", "max_tokens": 32, "temperature": 0.0},
                "safegpt": {"location": "on-prem", "display_name": "llama.cpp-Server",
                            "data_classes": ["none", "pseudonymised", "residual_risk"]},
            }
        nginx_port = free_port()
        settings = {
            **settings,
            "data_dir": str(root / "data"),
            "chat": {**settings.get("chat", {}), "default_model": model_entry["model_name"]},
            "knowledge": {**settings.get("knowledge", {}), "chroma_mode": "http", "chroma_host": "127.0.0.1",
                          "chroma_port": topology.chroma.port},
            "model_list": [model_entry],
            "local_models": {},
            "server": {"allowed_origins": [f"http://127.0.0.1:{nginx_port}"]},
        }
        write_toml(topology.config, settings)
        # One `setup` before the fleet starts, as the compose init service / Helm hook job does.
        topology.cli("setup")
        for name, password in (users or {}).items():
            topology.cli("user", "add", name, "--role", "staff", "--password-stdin", input=password + "\n")
        ports = [free_port() for _ in range(processes)]
        # Backends first: nginx marks an upstream that refuses connections as failed for a while.
        topology.start_safegpt(ports)
        topology.nginx = start_nginx(root, ports, nginx_port)
        return topology
    except BaseException:
        topology.stop()
        raise
