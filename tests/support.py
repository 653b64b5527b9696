"""The one test-support module: running the command, copies of the project, ports, waiting and the browser.

* ``bulletin(...)`` runs the installed command in a subprocess, as an editor or CI runs it (exit code, output,
  no traceback reaching anyone); ``start_bulletin`` / ``finish`` do the same for runs that go on side by side.
* ``cli(...)`` runs the same command in this process (click's runner): for tests of messages and exit codes,
  where a new interpreter per run adds only time.
* ``copy_project(to, parts)`` copies the example project (both trees by default).
* ``free_port()``, ``wait_for(predicate)``, ``wait_for_port(port)``: servers that a test starts.
* ``StaticServer(root)`` serves a folder over real HTTP from a thread; the port is bound when the object is made,
  so a site can be built for its address (``--base-url``) before it is copied in and served.
* ``parse_page(html)`` and ``crawl(server, seeds)``: what a page refers to and loads, and every URL of a served
  site reached from some pages, with its status (broken links, references leaving the site).
* ``chromium(playwright)`` launches Debian's Chromium (``/usr/bin/chromium``, installed by scripts/system-deps)
  with the flags these tests use. Never a downloaded browser.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import html.parser
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

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

    @property
    def returncode(self) -> int:
        """As subprocess.CompletedProcess names it: a test reads either kind of result the same way."""
        return self.exit_code


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


# --- pages over HTTP: what they refer to, and a crawl of a served site ------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
INLINE = {"a", "abbr", "b", "bdi", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup",
          "time", "u"}
REFRESH_URL = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*['\"]?([^'\"]+?)['\"]?\s*$", re.IGNORECASE)


class PageParser(html.parser.HTMLParser):
    """Every URL a page refers to (``refs``), those of them a browser loads by itself, without a click
    (``loads``: scripts, styles, images, frames, a meta refresh), its meta refresh, and the links of the smallest
    block (not inline) element whose text says ``banner``."""

    def __init__(self, banner: str | None = None):
        super().__init__(convert_charrefs=True)
        self.banner = banner
        self.loads: list[str] = []
        self.refs: list[str] = []
        self.refresh: str | None = None
        self.banner_links: list[str] | None = None
        self._stack: list[tuple[str, list[str], list[str]]] = [("#document", [], [])]  # tag, text, links

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        found = []
        if tag in ("a", "link", "area") and "href" in attrs:
            found.append(attrs["href"])
        if tag in ("script", "img", "source", "iframe", "video", "audio", "embed", "track") and attrs.get("src"):
            found.append(attrs["src"])
        if tag in ("img", "source") and attrs.get("srcset"):
            found += [candidate.split()[0] for candidate in attrs["srcset"].split(",") if candidate.strip()]
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            match = REFRESH_URL.match(attrs.get("content", ""))
            if match:
                self.refresh = match[1]
                found.append(match[1])
        self.refs += found
        if tag not in ("a", "area"):
            self.loads += found
        if tag == "a" and "href" in attrs:
            self._stack[-1][2].append(attrs["href"])
        if tag not in VOID:
            self._stack.append((tag, [], []))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        self._stack[-1][1].append(data)

    def handle_endtag(self, tag):
        if tag in VOID or all(frame[0] != tag for frame in self._stack[1:]):
            return
        while True:
            name, text, links = self._stack.pop()
            joined = "".join(text)
            if self.banner and self.banner_links is None and name not in INLINE and self.banner in joined:
                self.banner_links = links
            self._stack[-1][1].append(joined)
            self._stack[-1][2].extend(links)
            if name == tag:
                break


def parse_page(text: str, banner: str | None = None) -> PageParser:
    parser = PageParser(banner)
    parser.feed(text)
    parser.close()
    return parser


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with _OPENER.open(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), b""


SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:")


def crawl(server: str, seeds: list[str], within: str = "/") -> tuple[dict[str, int], dict[str, set[str]], list[str]]:
    """Fetch ``seeds`` and every URL on ``server`` that their pages (and theirs) refer to, once each.
    Returns ``{url: status}``, ``{url: pages referring to it}`` and the references that leave the path
    ``within`` of the server or load anything from another host (a link to another site is not one)."""
    host = urlsplit(server).netloc
    statuses: dict[str, int] = {}
    referrers: dict[str, set[str]] = {url: {"(start)"} for url in seeds}
    outside: list[str] = []
    queue = deque(seeds)
    while queue:
        url = queue.popleft()
        status, kind, body = fetch(url)
        statuses[url] = status
        if status != 200 or "html" not in kind:
            continue
        page = parse_page(body.decode("utf-8", "replace"))
        outside += [f"{url}: loads {ref!r}" for ref in page.loads
                    if urlsplit(urljoin(url, ref.strip())).netloc not in ("", host)]
        for ref in page.refs:
            ref = ref.strip()
            if not ref or ref.startswith("#") or ref.lower().startswith(SKIPPED_SCHEMES):
                continue
            target = urldefrag(urljoin(url, ref))[0]
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != host:
                continue
            if not parts.path.startswith(within):
                outside.append(f"{url}: {ref!r} -> {target}")
                continue
            if target not in referrers:
                referrers[target] = set()
                queue.append(target)
            referrers[target].add(url)
    return statuses, referrers, outside
