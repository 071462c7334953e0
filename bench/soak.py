"""Soak test (issue 9): simulated staff chat for minutes while the model server and Chroma are killed.

    .venv/bin/python bench/soak.py --minutes 10 --users 30

What runs, all on 127.0.0.1: one ``safegpt serve`` (SQLite, encrypted history on) with the sample
guidelines in a Chroma server (``chroma run``, as in tests/support/topology.py) and the fast
OpenAI-compatible stub model (tests/support/openai_stub.py) in its own process. Each simulated user is a
Chainlit chat session over socket.io, exactly what the page does (tests/support/chat_session.py): it logs
in, sends a message with client data, reads what comes back, waits a moment, sends the next.

Faults on a schedule: every ``--fault-every`` seconds the model stub is killed (SIGKILL) and restarted
``--down`` seconds later; half a period later the same happens to the Chroma server.

Reported (per message sent):
- answered: the model's answer was shown; "of which without guidelines": with the German note that the
  guidelines (Chroma) were unreachable;
- failed_clear: no answer, but a German message saying what happened (⚠️ …);
- unanswered: neither — the turn ended silently, showed technical text, or did not end within the timeout;
- lost: the message is not in its author's chat history at the end (checked over the history API after
  the run, with everything up again) — "what the user wrote is kept".
Plus the server's memory (RSS) at start (after warm-up), end and maximum, sampled every 5 s.
Target (issue 9): lost = 0, unanswered = 0, memory flat.
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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402

from tests.conftest import settings_dict  # noqa: E402
from tests.support.chat_session import ChatSession, history_texts  # noqa: E402
from tests.support.http_login import logged_in_client  # noqa: E402
from tests.support.ports import free_port  # noqa: E402
from tests.support.server import start_server  # noqa: E402
from tests.support.topology import Service, start_chroma, stop_process  # noqa: E402

PASSWORD = "soak-test-passwort-1"
ANSWER_MARK = "Mietbescheinigung"  # in every answer of the stub (tests/support/openai_stub.py echo_reply)
ERROR_MARK = "⚠️"  # chat/core/messages.py ERROR_PREFIX
KB_DOWN_MARK = "Richtlinien sind gerade nicht erreichbar"  # chat/core/messages.py KNOWLEDGE_UNAVAILABLE
TECHNICAL = ("Error", "Exception", "Traceback", "OperationalError", "httpx", "litellm")
MESSAGES = ["Frau Aylin Demir braucht Hilfe beim Wohngeld. Was muss ich beachten?",
            "Herr Jonas Becker (geb. 02.05.1979) fragt nach der Schuldnerberatung.",
            "Wie lange ist die Frist für einen Widerspruch?",
            "Welche Unterlagen braucht der Teilhabeplan?"]


class Stub:
    """The stub model server in its own process, on a fixed port so it can be killed and started again."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> None:
        code = (f"import time; from tests.support.openai_stub import RecordingProvider; "
                f"p = RecordingProvider(port={self.port}, token_delay=0.01).start(); "
                f"[time.sleep(3600) for _ in iter(int, 1)]")
        self.process = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                httpx.get(f"{self.api_base}/models", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.2)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()


class Chroma:
    """The Chroma server, killed and restarted in place (same data directory and port)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.service: Service = start_chroma(root)

    @property
    def port(self) -> int:
        return self.service.port

    def kill(self) -> None:
        stop_process(self.service.process, signal.SIGKILL)

    def start(self) -> None:
        self.service = start_chroma(self.root, self.port)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    sent: dict[str, list[str]] = field(default_factory=dict)  # user → texts sent
    notes: Counter = field(default_factory=Counter)  # first words of German failure messages
    unanswered: Counter = field(default_factory=Counter)  # why: timeout, technical text, nothing shown
    faults: list[str] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)


def classify(outputs: list[str], tally: Tally) -> str:
    shown = "\n".join(outputs)
    if any(ANSWER_MARK in o for o in outputs):
        if KB_DOWN_MARK in shown:
            tally.counts["answered_without_guidelines"] += 1
        return "answered"
    errors = [o for o in outputs if o.startswith(ERROR_MARK)]
    technical = any(word in shown for word in TECHNICAL)
    if errors and not technical:
        tally.notes[errors[-1][len(ERROR_MARK):].strip()[:50]] += 1  # system texts only, never user input
        return "failed_clear"
    tally.unanswered["technical text shown" if technical else "nothing shown"] += 1
    if os.environ.get("SOAK_DEBUG"):  # diagnosis: the shape of what was shown, never its text
        print(f"unanswered: {len(outputs)} outputs, lengths {[len(o) for o in outputs]}, "
              f"error-marked {[o.startswith(ERROR_MARK) for o in outputs]}", file=sys.stderr, flush=True)
    return "unanswered"


async def user(n: int, base: str, until: float, tally: Tally, timeout: float) -> None:
    rng = random.Random(n)
    name = f"soak{n:02d}"
    sent = tally.sent.setdefault(name, [])
    try:
        session = await ChatSession(base, name, PASSWORD).open(timeout=timeout)
    except Exception as exc:  # counted and shown: a user who could not even start a chat
        tally.counts["sessions_failed"] += 1
        tally.notes[f"session not opened: {type(exc).__name__}"] += 1
        return
    try:
        while time.monotonic() < until:
            text = f"{rng.choice(MESSAGES)} (Anfrage {len(sent) + 1} von {name})"
            sent.append(text)
            tally.counts["sent"] += 1
            started = time.monotonic()
            try:
                outcome = classify(await session.ask(text, timeout=timeout), tally)
            except asyncio.TimeoutError:
                outcome = "unanswered"
                tally.unanswered[f"no end of turn within {timeout:g} s"] += 1
            tally.counts[outcome] += 1
            if outcome == "answered":
                tally.latencies.append(time.monotonic() - started)
            await asyncio.sleep(rng.uniform(0.5, 2.0))
    finally:
        await session.close()


async def faults(stub: Stub, chroma: Chroma, until: float, every: float, down: float, tally: Tally) -> None:
    """Model stub at every period, Chroma half a period later; each down for ``down`` seconds."""
    began = time.monotonic()
    k = 0
    while True:
        for offset, target, name in ((every, stub, "model"), (every * 1.5, chroma, "chroma")):
            at = began + k * every + offset
            if at + down >= until:
                return
            await asyncio.sleep(max(0.0, at - time.monotonic()))
            target.kill()
            tally.faults.append(f"{name} killed")
            await asyncio.sleep(down)
            await asyncio.to_thread(target.start)
            tally.faults.append(f"{name} restarted")
        k += 1


async def sample_memory(pid: int, until: float, tally: Tally) -> None:
    while time.monotonic() < until:
        tally.memory.append(rss_mb(pid))
        await asyncio.sleep(5)


def add_users(settings: dict, count: int) -> None:
    """Create the soak accounts directly in the database (one ``safegpt user add`` process each is slow)."""
    from chat.settings import load_settings
    from chat.store.accounts import Accounts
    from chat.store.db import open_database

    loaded = load_settings(use_file=False, **settings)
    engine = open_database(loaded.db_url)
    accounts = Accounts(engine)
    for n in range(count):
        accounts.add(f"soak{n:02d}", PASSWORD)
    engine.dispose()


async def mark_half_time(process: subprocess.Popen, when: float) -> None:
    await asyncio.sleep(max(0.0, when - time.monotonic()))
    process.send_signal(signal.SIGUSR1)  # memtrace: snapshot at half time


def memtrace_env(out: Path | None) -> dict | None:
    if out is None:
        return None
    path = os.pathsep.join(filter(None, [str(REPO / "bench" / "memtrace"), os.environ.get("PYTHONPATH")]))
    return {"PYTHONPATH": path, "SAFEGPT_MEMTRACE": str(out.resolve())}


def lost_messages(base: str, tally: Tally) -> int:
    """Messages sent that are not in their author's chat history."""
    lost = 0
    for name, texts in tally.sent.items():
        client = logged_in_client(base, name, PASSWORD)
        try:
            history = history_texts(client)
        finally:
            client.close()
        lost += sum(1 for text in texts if text not in history)
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--fault-every", type=float, default=30,
                        help="seconds between model-server kills (Chroma is killed half a period later)")
    parser.add_argument("--down", type=float, default=8, help="seconds the killed part stays down")
    parser.add_argument("--timeout", type=float, default=90, help="seconds a user waits for a turn to end")
    parser.add_argument("--trace-memory", type=Path, metavar="DIR",
                        help="trace the server's memory (tracemalloc, object counts; bench/memtrace) into DIR: "
                             "trace.tsv per minute, growth.txt at the end — slower, for finding growth")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="safegpt-soak-"))
    stub = Stub(free_port())
    stub.start()
    chroma = Chroma(tmp)
    try:
        run_soak(args, tmp, stub, chroma)
    finally:
        stub.kill()
        chroma.kill()


def run_soak(args, tmp: Path, stub: Stub, chroma: Chroma) -> None:
    class _P:  # settings_dict only needs the provider's api_base
        api_base = stub.api_base

    settings = settings_dict(tmp / "data", _P(), samples=True)
    settings["router"] = {"timeout_seconds": 15, "num_retries": 0}
    settings["knowledge"] = {**settings["knowledge"], "chroma_mode": "http", "chroma_host": "127.0.0.1",
                             "chroma_port": chroma.port}
    add_users(settings, args.users)
    t0 = time.perf_counter()
    server = start_server(settings, tmp, env=memtrace_env(args.trace_memory))
    tally = Tally()
    try:
        ready = httpx.get(server.base_url + "/readyz", timeout=30).json()
        print(f"server up in {time.perf_counter() - t0:.0f} s; ready: {ready['ready']}", flush=True)

        async def warm_up() -> None:  # loads Presidio and the embedder before memory is measured
            session = await ChatSession(server.base_url, "soak00", PASSWORD).open()
            await session.ask("Aufwärmen: Was gilt beim Wohngeld?", timeout=180)
            await session.close()

        asyncio.run(warm_up())
        mem_start = rss_mb(server.process.pid)
        until = time.monotonic() + args.minutes * 60
        if args.trace_memory:
            server.process.send_signal(signal.SIGUSR1)  # memtrace: snapshot after warm-up

        async def run() -> None:
            await asyncio.gather(
                faults(stub, chroma, until, args.fault_every, args.down, tally),
                sample_memory(server.process.pid, until, tally),
                *([mark_half_time(server.process, until - args.minutes * 30)] if args.trace_memory else []),
                *(user(i, server.base_url, until, tally, args.timeout) for i in range(args.users)))

        asyncio.run(run())
        mem_end = rss_mb(server.process.pid)
        if args.trace_memory:
            server.process.send_signal(signal.SIGUSR2)  # memtrace writes growth.txt
            time.sleep(20)
        # Everything is up again: give the history a moment to catch up, then check nothing was lost.
        time.sleep(5)
        lost = lost_messages(server.base_url, tally)

        async def check_recovered() -> bool:
            session = await ChatSession(server.base_url, "soak00", PASSWORD).open()
            try:
                shown = "\n".join(await session.ask("Was gilt beim Wohngeld?", timeout=args.timeout))
            finally:
                await session.close()
            return ANSWER_MARK in shown and KB_DOWN_MARK not in shown

        recovered = asyncio.run(check_recovered())
        alive = httpx.get(server.base_url + "/readyz", timeout=30).status_code == 200
    finally:
        server.stop()
    c = tally.counts
    latencies = sorted(tally.latencies)
    p50 = latencies[len(latencies) // 2] if latencies else float("nan")
    p95 = latencies[int(len(latencies) * 0.95)] if latencies else float("nan")
    memory = [m for m in tally.memory if m == m]
    print(f"\nsoak: {args.users} chat users (Chainlit websocket), {args.minutes:g} min; "
          f"model stub killed {tally.faults.count('model killed')}×, Chroma killed "
          f"{tally.faults.count('chroma killed')}× (every {args.fault_every:g} s, {args.down:g} s down each)")
    print(f"{'sent':>6} {'answered':>9} {'failed_clear':>13} {'unanswered':>11} {'lost':>5} {'p50 s':>6} "
          f"{'p95 s':>6} {'RSS start':>10} {'RSS end':>8} {'RSS max':>8} {'ready after':>12}")
    print(f"{c['sent']:>6} {c['answered']:>9} {c['failed_clear']:>13} {c['unanswered']:>11} {lost:>5} "
          f"{p50:>6.2f} {p95:>6.2f} {mem_start:>7.0f} MB {mem_end:>5.0f} MB {max(memory, default=mem_end):>5.0f} MB "
          f"{str(alive):>12}")
    if c["sessions_failed"]:
        print(f"{c['sessions_failed']} of {args.users} users could not open a chat session")
    print(f"of the answers, {c['answered_without_guidelines']} came with the note that the guidelines were "
          f"unreachable (Chroma down)")
    if tally.unanswered:
        print("unanswered: " + "; ".join(f"{n}× {why}" for why, n in tally.unanswered.most_common()))
    print(f"after the run, with everything up again: a new chat is answered with guidelines: {recovered}")
    if tally.notes:
        print("clear messages shown: " + "; ".join(f"{n}× „{text}…“" for text, n in tally.notes.most_common()))
    if len(memory) >= 24:  # the trend: per minute (samples every 5 s) and growth per half of the run
        per_minute = memory[::12]
        print("RSS by minute (MB): " + " ".join(f"{m:.0f}" for m in per_minute))
        half = len(memory) // 2
        print(f"RSS growth: first half {memory[half] - memory[0]:+.0f} MB, second half {memory[-1] - memory[half]:+.0f} MB")
    print("target (issue 9): lost = 0, unanswered = 0, memory flat (RSS end ≈ start)")


if __name__ == "__main__":
    main()
