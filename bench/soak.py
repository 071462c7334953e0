"""Soak test: simulated staff users against a real ``safegpt serve`` with the stub model, faults on a schedule.

Each user sends a message through the /v1 API (same pipeline as the chat: guardrail → model → restore),
waits a moment and sends the next. Every ``--fault-every`` seconds the stub model server is killed
(SIGKILL) and restarted ``--down`` seconds later. Reported: sent, answered, failed with a clear (German)
message, lost (no answer and no message: timeout, connection error, empty body), and the server's memory.

    python bench/soak.py --minutes 10 --users 30
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402

from tests.conftest import settings_dict  # noqa: E402
from tests.support.openai_stub import free_port  # noqa: E402
from tests.support.server import run_cli, start_server, write_toml  # noqa: E402

MESSAGES = ["Frau Aylin Demir braucht Hilfe beim Wohngeld. Was muss ich beachten?",
            "Herr Jonas Becker (geb. 02.05.1979) fragt nach der Schuldnerberatung.",
            "Wie lange ist die Frist für einen Widerspruch?",
            "Welche Unterlagen braucht der Teilhabeplan?"]


class Stub:
    def __init__(self, port: int) -> None:
        self.port = port
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        code = (f"import time; from tests.support.openai_stub import RecordingProvider; "
                f"p = RecordingProvider(port={self.port}, token_delay=0.01).start(); "
                f"[time.sleep(3600) for _ in iter(int, 1)]")
        self.process = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{self.port}/v1/models", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.2)

    def kill(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def user(n: int, base: str, key: str, until: float, counts: dict, latencies: list) -> None:
    rng = random.Random(n)
    async with httpx.AsyncClient(base_url=base, timeout=60, headers={"Authorization": f"Bearer {key}"}) as client:
        while time.monotonic() < until:
            counts["sent"] += 1
            started = time.monotonic()
            try:
                response = await client.post("/v1/chat/completions", json={
                    "model": "extern", "messages": [{"role": "user", "content": rng.choice(MESSAGES)}]})
                body = response.json()
                if response.status_code == 200 and body["choices"][0]["message"]["content"]:
                    counts["answered"] += 1
                    latencies.append(time.monotonic() - started)
                elif response.status_code >= 400 and body.get("error", {}).get("message"):
                    counts["failed_clear"] += 1
                else:
                    counts["lost"] += 1
            except Exception:
                counts["lost"] += 1
            await asyncio.sleep(rng.uniform(0.5, 2.0))


async def faults(stub: Stub, until: float, every: float, down: float, log: list) -> None:
    while time.monotonic() + every < until:
        await asyncio.sleep(every)
        stub.kill()
        log.append("killed")
        await asyncio.sleep(down)
        await asyncio.to_thread(stub.start)
        log.append("restarted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--fault-every", type=float, default=30, help="seconds between model-server kills")
    parser.add_argument("--down", type=float, default=8, help="seconds the model server stays down")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="safegpt-soak-"))
    stub = Stub(free_port())
    stub.start()
    try:
        run_soak(args, tmp, stub)
    finally:
        stub.kill()


def run_soak(args, tmp: Path, stub: Stub) -> None:

    class _P:  # settings_dict only needs the provider's api_base
        api_base = f"http://127.0.0.1:{stub.port}/v1"

    settings = settings_dict(tmp / "data", _P())
    settings["router"] = {"timeout_seconds": 15, "num_retries": 0}
    config = write_toml(tmp / "pre.toml", settings)
    out = run_cli(config, "apikey", "add", "soak", "--models", "extern", "--rate", "100000").stdout
    key = out.strip().splitlines()[-1].strip()
    server = start_server(settings, tmp)
    counts = {"sent": 0, "answered": 0, "failed_clear": 0, "lost": 0}
    latencies: list[float] = []
    fault_log: list[str] = []
    try:
        httpx.post(server.base_url + "/v1/chat/completions", headers={"Authorization": f"Bearer {key}"},
                   json={"model": "extern", "messages": [{"role": "user", "content": "Aufwärmen"}]}, timeout=120)
        mem_start = rss_mb(server.process.pid)
        until = time.monotonic() + args.minutes * 60

        async def run() -> None:
            await asyncio.gather(faults(stub, until, args.fault_every, args.down, fault_log),
                                 *(user(i, server.base_url, key, until, counts, latencies) for i in range(args.users)))

        asyncio.run(run())
        mem_end = rss_mb(server.process.pid)
        alive = httpx.get(server.base_url + "/healthz").status_code == 200
    finally:
        server.stop()
        stub.kill()
    latencies.sort()
    p50 = latencies[len(latencies) // 2] if latencies else 0
    p95 = latencies[int(len(latencies) * 0.95)] if latencies else 0
    print(f"soak: {args.users} users, {args.minutes} min, model killed {fault_log.count('killed')}× "
          f"(every {args.fault_every:.0f} s, {args.down:.0f} s down)")
    print(f"{'sent':>8} {'answered':>9} {'failed_clear':>13} {'lost':>6} {'p50 s':>7} {'p95 s':>7} "
          f"{'RSS start MB':>13} {'RSS end MB':>11} {'alive':>6}")
    print(f"{counts['sent']:>8} {counts['answered']:>9} {counts['failed_clear']:>13} {counts['lost']:>6} "
          f"{p50:>7.2f} {p95:>7.2f} {mem_start:>13.0f} {mem_end:>11.0f} {str(alive):>6}")
    print("target: lost = 0, every failure with a clear message, memory flat")


if __name__ == "__main__":
    main()
