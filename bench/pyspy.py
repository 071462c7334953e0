"""Sample a running process with py-spy (a development tool, requirements/dev.in) and summarise the samples.

Used by ``bench/load.py --profile out.svg``: one py-spy writes the flame graph (SVG), a second one the same
samples as collapsed stacks (``out.txt``), from which :func:`summary` prints the top of the profile.
Only the thread holding the GIL is sampled (``--gil``): in ``--nonblocking`` mode py-spy cannot tell an idle thread
from a busy one (waits on PostgreSQL and on the thread pool's queue showed up as a third of the samples), so the
samples are where Python code spends CPU. Native work that releases the GIL (numpy's BLAS) is not in them.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path


class PySpy:
    """``with PySpy(pid, svg):`` records while the block runs."""

    def __init__(self, pid: int, svg: Path, rate: int = 200) -> None:
        self.pid, self.svg, self.raw, self.rate = pid, svg, svg.with_suffix(".txt"), rate
        self._procs: list[subprocess.Popen] = []

    def __enter__(self) -> "PySpy":
        exe = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
        if exe is None:
            raise SystemExit("py-spy is not installed: it is in requirements/dev.in (make deps)")
        for fmt, out in (("flamegraph", self.svg), ("raw", self.raw)):
            # --nonblocking: read the process's memory without stopping it, so two samplers can share it and
            # the measured CPU time is not stretched by the profiler.
            self._procs.append(subprocess.Popen(
                [exe, "record", "--pid", str(self.pid), "--rate", str(self.rate), "--nonblocking", "--gil",
                 "--format", fmt, "--output", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        return self

    def __exit__(self, *exc) -> None:
        for proc in self._procs:
            proc.send_signal(signal.SIGINT)  # py-spy writes its output on Ctrl-C
        for proc in self._procs:
            proc.wait(timeout=60)


def _frame_name(frame: str) -> str:
    # "answer (chat/core/pipeline.py:212)" -> "answer (chat/core/pipeline.py)"
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit(':', 1)[0].rstrip(')')})" if where else name


def summary(raw: Path, top: int = 25) -> str:
    """The functions with the most samples on top of the stack (self) and anywhere in it (inclusive)."""
    own: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = [_frame_name(f) for f in stack.split(";")]
        frames = [f for f in frames if not f.startswith(("process ", "thread "))] or frames
        own[frames[-1]] += n
        for frame in set(frames):
            anywhere[frame] += n
    if not total:
        return "no samples"
    lines = [f"{total} samples", f"{'self %':>7}  function (file)"]
    lines += [f"{100 * n / total:>7.1f}  {f}" for f, n in own.most_common(top)]
    lines += ["", f"{'incl %':>7}  function (file)"]
    lines += [f"{100 * n / total:>7.1f}  {f}" for f, n in anywhere.most_common(top)]
    return "\n".join(lines)


if __name__ == "__main__":  # python bench/pyspy.py out.txt [top]
    print(summary(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 25))
