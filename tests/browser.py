"""Shared helpers of the real-browser tests: a static HTTP server on 127.0.0.1 and Debian's Chromium.

* ``StaticServer(root)`` serves a folder over real HTTP from a thread; the port is bound when the object is made,
  so a site can be built for its address (``--base-url``) before it is copied in and served.
* ``chromium(playwright)`` launches the system Chromium (``/usr/bin/chromium``, installed by scripts/system-deps)
  with the flags these tests use. Never a downloaded browser.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


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
