"""Memory tracing for the soak's server process (``bench/soak.py --trace-memory``); never used in production.

Python imports ``sitecustomize`` at start-up when this folder is on ``PYTHONPATH``. Every
``SAFEGPT_MEMTRACE_EVERY`` seconds one line goes to ``$SAFEGPT_MEMTRACE/trace.tsv``: RSS, the memory
tracemalloc sees, and the counts of the most common object types. SIGUSR1 starts ``tracemalloc`` (the first
time: tracing slows everything, so the soak sends it after warm-up) and takes a snapshot (again at half
time); SIGUSR2 takes the last one and lists the growth since each earlier snapshot by source line
(``growth.txt``). Only sizes, counts and source locations are written — never the contents of any object.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import threading
import time
import tracemalloc
from collections import Counter
from pathlib import Path

_OUT = os.environ.get("SAFEGPT_MEMTRACE")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _type_counts() -> Counter:
    return Counter(type(o).__name__ for o in gc.get_objects())


def _start(out: Path, every: float) -> None:
    state: dict = {}
    out.mkdir(parents=True, exist_ok=True)
    table = (out / "trace.tsv").open("a", buffering=1)
    table.write("seconds\trss_mb\ttraced_mb\tgc_objects\ttop_types\n")
    t0 = time.monotonic()

    def sample() -> None:
        counts = _type_counts()
        traced, _peak = tracemalloc.get_traced_memory()
        top = ",".join(f"{name}={n}" for name, n in counts.most_common(12))
        table.write(f"{time.monotonic() - t0:.0f}\t{_rss_mb():.1f}\t{traced / 2**20:.1f}\t{sum(counts.values())}\t{top}\n")

    def loop() -> None:
        while True:
            time.sleep(every)
            try:
                sample()
            except Exception as exc:  # noqa: BLE001 — tracing must never take the server down
                table.write(f"# sample failed: {type(exc).__name__}\n")

    def snap() -> tuple:
        snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
        return snapshot, _type_counts(), _rss_mb()

    def mark(*_args) -> None:
        if not tracemalloc.is_tracing():  # from the first mark on (after warm-up): tracing slows everything
            tracemalloc.start(int(os.environ.get("SAFEGPT_MEMTRACE_FRAMES", "8")))
        state.setdefault("marks", []).append(snap())

    def report(*_args) -> None:
        last, last_counts, last_rss = snap()
        with (out / "growth.txt").open("w") as f:
            for number, (earlier, counts, rss) in enumerate(state.get("marks", []), start=1):
                f.write(f"# growth from snapshot {number} to the end: RSS {rss:.1f} → {last_rss:.1f} MB; "
                        f"by traceback (top 30)\n")
                for stat in last.compare_to(earlier, "traceback")[:30]:
                    f.write(f"\n{stat.size_diff / 1024:+.0f} KiB, {stat.count_diff:+d} blocks\n")
                    for line in stat.traceback.format()[-16:]:
                        f.write(line + "\n")
                f.write(f"\n# object types whose count grew most since snapshot {number}\n")
                grown = Counter(last_counts)
                grown.subtract(counts)
                for name, n in grown.most_common(25):
                    f.write(f"{name}\t{n:+d}\n")
                f.write("\n")
            # Is the rest native memory held by the allocator (fragmentation) rather than live objects?
            before = _rss_mb()
            gc.collect()
            ctypes.CDLL("libc.so.6").malloc_trim(0)
            f.write(f"\n# RSS before / after gc.collect() + malloc_trim(0): {before:.1f} / {_rss_mb():.1f} MB\n")

    threading.Thread(target=loop, name="memtrace", daemon=True).start()
    signal.signal(signal.SIGUSR1, mark)
    signal.signal(signal.SIGUSR2, report)


if _OUT:
    _start(Path(_OUT), float(os.environ.get("SAFEGPT_MEMTRACE_EVERY", "60")))
