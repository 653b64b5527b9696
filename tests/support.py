"""The one test-support module: running the command, copies of the project, ports, waiting and the browser.

* ``bulletin(...)`` runs the installed command in a subprocess, as an editor or CI runs it (exit code, output,
  no traceback reaching anyone); ``start_bulletin`` / ``finish`` do the same for runs that go on side by side.
* ``cli(...)`` runs the same command in this process (click's runner): for tests of messages and exit codes,
  where a new interpreter per run adds only time.
* ``copy_project(to, parts)`` copies the example project (both trees by default).
* ``free_port()``, ``wait_for(predicate)``, ``wait_for_port(port)``: servers that a test starts.
* ``StaticServer(root)`` serves a folder over real HTTP from a thread; the port is bound when the object is made,
  so a site can be built for its address (``--base-url``) before it is copied in and served.
* ``chromium(playwright)`` launches Debian's Chromium (``/usr/bin/chromium``, installed by scripts/system-deps)
  with the flags these tests use. Never a downloaded browser.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EDISI = "pilgub-kalteng-2020"  # the election edition the page-level tests read (the founding example)
RESTRICTED = "contoh-terbatas"  # the example's restricted tree, as mkdocs.yml names it
PROJECT_PARTS = ("data", RESTRICTED, "content", "mkdocs.yml")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


# --- running the command ---------------------------------------------------------------------------------


def environment(**extra: str) -> dict[str, str]:
    """The environment of a run: this one, without CI's step summary (a run would write into it), quiet about
    MkDocs 2, in UTF-8 and without colours; ``extra`` on top."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_STEP_SUMMARY"}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8", NO_COLOR="1")
    env.update(extra)
    return env


def _command(args: tuple, project: Path | None) -> list[str]:
    return [str(BIN / "bulletin"), *(["--project", str(project)] if project else []), *map(str, args)]


def bulletin(*args, project: Path | None = None, cwd: Path | None = None, timeout: float = 300,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``bulletin ARGS`` in a subprocess (in ``project``, or ``cwd``, or the repository), its output as text."""
    return subprocess.run(_command(args, project), cwd=cwd or project or ROOT, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=environment(**(env or {})), timeout=timeout)


# Ctrl+C as a terminal delivers it. A run started in the background by a shell without job control (`make test &`,
# nohup, some CI runners) inherits SIGINT ignored, and Python then leaves it ignored: a command that must answer
# SIGINT is started through this, which restores the default and then becomes the command (same process).
DEFAULT_SIGINT = [sys.executable, "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                  "os.execv(sys.argv[1], sys.argv[1:])"]


def start_bulletin(*args, project: Path | None = None, cwd: Path | None = None,
                   env: dict[str, str] | None = None) -> subprocess.Popen:
    """``bulletin ARGS`` started in a subprocess, running on while the test goes on; ``finish`` waits for it."""
    return subprocess.Popen(_command(args, project), cwd=cwd or project or ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
                            env=environment(**(env or {})))


def finish(process: subprocess.Popen, timeout: float = 300) -> subprocess.CompletedProcess:
    stdout, stderr = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """Both streams, as a terminal shows them (stdout first)."""
        return self.stdout + self.stderr


def cli(*args, project: Path | None = None, cwd: Path | None = None, env: dict[str, str] | None = None) -> CliResult:
    """``bulletin ARGS`` in this process, in ``cwd`` (default: ``project``, where relative paths of the arguments
    are read): the same command, exit code and messages, without a new interpreter. An exception that the
    command lets through fails the test with its traceback."""
    from click.testing import CliRunner

    from generator.cli import main

    arguments = [*(["--project", str(project)] if project else []), *map(str, args)]
    with contextlib.chdir(cwd or project or ROOT):
        result = CliRunner().invoke(main, arguments, env={"NO_MKDOCS_2_WARNING": "1", **(env or {})},
                                    catch_exceptions=False)
    return CliResult(result.exit_code, result.stdout, result.stderr)


def no_traceback(output: str) -> None:
    assert "Traceback" not in output, f"a traceback reached the editor:\n{output[-1500:]}"


# --- copies of the project -----------------------------------------------------------------------------


def copy_project(to: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """The example project (both trees by default, or only ``parts``) copied to ``to``."""
    to.mkdir(parents=True, exist_ok=True)
    for name in parts:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, to / name)
        else:
            shutil.copy2(source, to / name)
    return to


def made_once(tmp_path_factory, name: str, make) -> Path:
    """A folder made once for the whole run, also across pytest-xdist workers (a session fixture runs once in each
    worker): the first worker to take the lock calls ``make(folder)``, the others wait for it and use its result.
    For what tests only read. A ``make`` that fails leaves no folder behind, so each worker tries, and fails, alike."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's temporary folder, shared by its workers
    folder = root / name
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / f"{name}.done").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            try:
                make(folder)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            (root / f"{name}.done").touch()
    return folder


# --- servers a test starts --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, seconds: float = 30.0, every: float = 0.3):
    """The first true result of ``predicate()`` within ``seconds`` (an OSError counts as not yet)."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = predicate()
            if last:
                return last
        except OSError:
            pass
        time.sleep(every)
    raise AssertionError(f"timed out after {seconds} s; last result: {last!r}")


def wait_for_port(port: int, seconds: float = 10.0) -> None:
    """Until something accepts connections on 127.0.0.1:``port``."""
    def accepts() -> bool:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    wait_for(accepts, seconds, every=0.05)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the signature of the base class)
        pass


class StaticServer:
    """A folder served on http://127.0.0.1:<port>/ by the standard library, in a daemon thread.

    Use as a context manager; ``url`` is the server's root, without a trailing slash."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(_QuietHandler, directory=str(self.root))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread: threading.Thread | None = None

    def start(self) -> "StaticServer":
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> "StaticServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def chromium(playwright):
    """Debian's Chromium through Playwright (``playwright.chromium.launch``), headless."""
    assert CHROMIUM.exists(), f"{CHROMIUM} is not installed: run scripts/system-deps (make test does)"
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
