"""Warm against cold: the machinery of tests/test_warm_cold.py.

A *workspace* is a copy of the example project and of the generator package itself, so that a test can edit
data, the restricted tree, content, theme, mkdocs.yml, templates and the generator's own code, and run both
paths on the copy:

* the **warm** path is a long-lived process (``WarmProcess``) that keeps its memory and the project's cache
  between steps, as ``bulletin serve`` and a second ``bulletin build`` use them: it checks the data through
  the validation memo, builds the site into ``site/`` with the project's cache, and rebuilds the preview;
  restarted (a new process, the same cache) where the code changed, or when a step asks for it;
* the **cold** path is a fresh process with another hash seed, an empty cache and an empty Jinja cache
  (``cold_run``): what a first build on a clean machine gives.

Both import the generator from the workspace (``PYTHONPATH``), never from the repository.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("data", "contoh-terbatas", "content", "mkdocs.yml")

# Files a cold build and a warm build may write differently, with the reason. None so far: every file of the
# site, HTML, search index, sitemap, feed, downloads, versions.json and the alias link, must be the same.
MAY_DIFFER: dict[str, str] = {}


@dataclass
class Workspace:
    root: Path
    elections: tuple[str, ...] | None = None  # the election editions kept (None: all of the example's)

    @property
    def project(self) -> Path:
        return self.root / "proyek"

    @property
    def package(self) -> Path:
        return self.root / "paket"

    def path(self, relative: str) -> Path:
        """A file of the workspace: ``generator/…`` is the package's copy, anything else the project's."""
        return (self.package if relative.startswith("generator/") else self.project) / relative

    def reset(self) -> None:
        """The project and the package as in the repository (the project's cache and site are kept)."""
        for part in PROJECT_PARTS:
            target = self.project / part
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                shutil.copy(source, target)  # not copy2: a fresh time of change, as an editor's save gives
        if self.elections is not None:  # a smaller example: fewer pages for each cold build
            for tree_name in ("data", "contoh-terbatas"):
                for folder in (self.project / tree_name).iterdir():
                    if folder.is_dir() and folder.name not in self.elections:
                        shutil.rmtree(folder)
        shutil.rmtree(self.package / "generator", ignore_errors=True)
        shutil.copytree(ROOT / "generator", self.package / "generator",
                        ignore=shutil.ignore_patterns("__pycache__"))


def workspace(root: Path, elections: tuple[str, ...] | None = None) -> Workspace:
    space = Workspace(Path(root), elections)
    space.project.mkdir(parents=True, exist_ok=True)
    space.package.mkdir(parents=True, exist_ok=True)
    space.reset()
    return space


def environment(space: Workspace, seed: int, cache_home: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(space.package), "PYTHONHASHSEED": str(seed),
           "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("BULETIN_TERBATAS", None)
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = str(cache_home)  # Jinja's compiled templates: none for a cold run
    return env


# --- the warm path: one process, kept between steps ---------------------------------------------------------

WARM = r'''
import contextlib, io, json, sys, tempfile
from pathlib import Path
import click
from generator.cli import main
from generator.pipeline import check
from generator.build.preview import Preview
from generator.project import Project

project_dir = Path(sys.argv[1])
previews = {}
for line in sys.stdin:
    request = json.loads(line)
    project = Project(project_dir)
    answer = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        if request["op"] == "check":  # the data as build and serve see it: through the validation memo
            checked = check(project, memo=project.cache_dir / "memo.sqlite")
            answer["problems"] = [p.format() for p in checked.problems]  # as every report lists them
        elif request["op"] == "build":
            try:  # click returns the exit status of ctx.exit() when not standalone
                code = main(["--project", str(project_dir), "build", "--jobs", "1"], standalone_mode=False) or 0
            except click.exceptions.Exit as exc:
                code = exc.exit_code
            answer["code"] = code
        elif request["op"] == "serve":
            edition = request["edition"]
            if edition not in previews:
                previews[edition] = Preview(project, edition, None, Path(tempfile.mkdtemp(prefix="pratinjau-")))
            preview = previews[edition]
            preview.rebuild()
            answer["site"] = str(preview.site.resolve())
            answer["banner"] = bool(preview.builder.problems)
    answer["output"] = out.getvalue()
    print("@@jawaban@@" + json.dumps(answer), flush=True)
'''


ANSWER = "@@jawaban@@"


class WarmProcess:
    """The warm path: a process that answers ``check``, ``build`` and ``serve`` requests, keeping its memory."""

    def __init__(self, space: Workspace, seed: int = 1):
        self.space, self.seed = space, seed
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.stop()
        self.process = subprocess.Popen([sys.executable, "-c", WARM, str(self.space.project)],
                                        cwd=self.space.root, env=environment(self.space, self.seed),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(self, **request) -> dict:
        if self.process is None:
            self.start()
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        while True:  # anything else a library prints to the real stdout is passed over
            line = self.process.stdout.readline()
            assert line, "the warm process ended"
            if line.startswith(ANSWER):
                return json.loads(line[len(ANSWER):])

    def stop(self) -> None:
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(timeout=60)
            self.process = None

    @property
    def site(self) -> Path:
        return self.space.project / "site"


# --- the cold path: a fresh process with nothing remembered ------------------------------------------------

COLD = r'''
import json, sys
from pathlib import Path
import click
from generator.cli import main
from generator.pipeline import check
from generator.project import Project

project_dir, site, cache = (Path(arg) for arg in sys.argv[1:4])
problems = [p.format() for p in check(Project(project_dir)).problems]  # as every report lists them
try:  # click returns the exit status of ctx.exit() when not standalone
    code = main(["--project", str(project_dir), "build", "--site-dir", str(site), "--cache-dir", str(cache)],
                standalone_mode=False) or 0
except click.exceptions.Exit as exc:
    code = exc.exit_code
print(json.dumps({"problems": problems, "code": code}))
'''


@dataclass
class ColdRun:
    problems: list[str]
    code: int
    site: Path


def cold_start(space: Workspace, seed: int) -> tuple[subprocess.Popen, Path]:
    """Start a cold run; ``cold_finish`` waits for it (the warm path runs meanwhile, on the other core)."""
    scratch = Path(tempfile.mkdtemp(prefix="kalt-", dir=space.root))
    process = subprocess.Popen([sys.executable, "-c", COLD, str(space.project), str(scratch / "site"),
                                str(scratch / "cache")], cwd=scratch,
                               env=environment(space, seed, cache_home=scratch / "xdg"),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process, scratch


def cold_finish(started: tuple[subprocess.Popen, Path]) -> ColdRun:
    process, scratch = started
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr[-3000:]
    answer = json.loads(stdout.strip().splitlines()[-1])
    return ColdRun(answer["problems"], answer["code"], scratch / "site")


# --- comparing sites ---------------------------------------------------------------------------------------


# What the preview leaves out of the public edition by design (generator.build.offline): the service worker's
# registration (a worker would stay in the browser for the preview's address), the ZIP and so its size on the
# data page. A preview is held against a built election edition without them.
_OFFLINE_ONLY = [(re.compile(rb'\n *<script src="[^"]*assets/javascripts/offline\.js" data-service-worker="[^"]*">'
                             rb'</script>'), b""),
                 (re.compile(rb'(<span class="bdp-ukuran-salinan">)[^<]*(</span>)'), rb"\1\2")]
_OFFLINE_COPY = re.compile(r"^unduh/buletin-[^/]*\.zip$")


def tree(folder: Path, as_previewed: bool = False) -> dict[str, str]:
    """Every file of a built site by its path: the hash of its bytes, or where a link points. ``as_previewed``:
    without what the preview leaves out by design."""
    folder = Path(folder).resolve()
    out = {}
    for root, folders, names in os.walk(folder):
        for name in [*folders, *names]:
            path = Path(root, name)
            relative = path.relative_to(folder).as_posix()
            if path.is_symlink():
                out[relative] = "-> " + os.readlink(path)
            elif name in names:
                data = path.read_bytes()
                if as_previewed and _OFFLINE_COPY.match(relative):
                    continue
                if as_previewed and name.endswith(".html"):
                    for pattern, replacement in _OFFLINE_ONLY:
                        data = pattern.sub(replacement, data)
                out[relative] = hashlib.sha256(data).hexdigest()
    return out


def differences(warm: Path, cold: Path, as_previewed: bool = False) -> list[str]:
    """The files that differ between two sites, but those declared in MAY_DIFFER; with the first changed lines.
    ``as_previewed``: the second site without what the preview leaves out by design (both, in fact)."""
    left, right = tree(warm, as_previewed), tree(cold, as_previewed)
    found = []
    for path in sorted(set(left) | set(right)):
        if path in MAY_DIFFER or left.get(path) == right.get(path):
            continue
        if path not in left or path not in right:
            found.append(f"{path}: only in the {'cold' if path not in left else 'warm'} build")
            continue
        found.append(f"{path}: {_first_change(Path(warm, path), Path(cold, path))}")
    return found


def _first_change(warm: Path, cold: Path) -> str:
    try:
        a, b = warm.read_text(encoding="utf-8").splitlines(), cold.read_text(encoding="utf-8").splitlines()
    except (UnicodeDecodeError, OSError):
        return "bytes differ"
    for line_a, line_b in zip(a, b):
        if line_a != line_b:
            return f"warm {line_a[:200]!r} / cold {line_b[:200]!r}"
    return f"warm has {len(a)} lines, cold {len(b)}"
