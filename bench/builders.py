#!/usr/bin/env python3
"""The same edition built by each candidate builder past Material's end of life: seconds and peak memory.

    .venv/bin/python bench/builders.py --create /tmp/builders            # make the candidates' venvs (PyPI), once
    .venv/bin/python bench/builders.py --venvs /tmp/builders             # example, province and national
    .venv/bin/python bench/builders.py --venvs /tmp/builders --scale example --scale province --runs 3
    .venv/bin/python bench/builders.py --candidate zensical=/opt/z/bin/zensical --scale example

Run it with the project's Python (.venv): it renders the Markdown with the generator, then starts each builder
as a command of its own virtualenv. Candidates (NAME=COMMAND, or --venvs DIR with DIR/NAME/bin/…):

* ``mkdocs``      MkDocs 1.6 + Material 9.8 at the lock's versions: the baseline;
* ``properdocs``  ProperDocs 1.6.x (the community continuation of MkDocs 1.x, ``mkdocs.*`` aliased to it) with
  Material 9.8;
* ``zensical``    the newest Zensical that installs here (``--create`` tries the newest first and prints why each
  newer one does not install).

Per scale (``example``: this repository's example; ``province``, ``national``: bench/make_dataset.py) it writes
the public edition's pages with ``bulletin render --out``, adds what a builder needs besides them and what
``render --out`` does not write (the navigation, the downloads, the product's and the desk's hand-written
pages), writes one configuration per candidate (mkdocs.yml's theme, extensions and search, without the
``bulletin`` plugin, which only MkDocs-compatible builders run; Zensical gets a copy of the theme with the two
changes it needs, see ZENSICAL_THEME_FIXES) and builds it cold, ``--runs`` times. Peak memory is the largest sum
of the PSS of the builder and everything it starts (as bench/run.py measures it).

With ``--product``, ProperDocs also runs the product's own ``bulletin build --edition publik`` (the plugin,
the versions, the search summaries, the offline copy…), beside the same command on MkDocs: ProperDocs needs
the project installed in its venv (``--create`` does it) and ``import properdocs.replacement`` before MkDocs
is imported, which the command line here does (``bulletin`` itself imports ``mkdocs``).

It prints one table: figures, not a test; it exits 1 only when a builder it was asked for fails to build.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
import make_dataset  # noqa: E402
from run import run as _run  # noqa: E402  (seconds, peak PSS of the process tree, result)

SCALES = ("example", "province", "national")
CANDIDATES = ("mkdocs", "properdocs", "zensical")
COMMANDS = {"mkdocs": ["build", "-q", "-f"], "properdocs": ["build", "-q", "-f"],
            "zensical": ["build", "--clean", "-f"]}  # --clean: no cache of an earlier build (a cold build)
# The theme's Jinja2 that Zensical's template engine (MiniJinja) does not run, and the change that runs on both
# (generator/build/theme/ would take the same change; MkDocs then renders the same HTML as before):
ZENSICAL_THEME_FIXES = [
    # MiniJinja strings have no Python methods: base_url.rstrip('/') fails ("unknown method")
    ("main.html", "base_url.rstrip('/')", "base_url | trim('/')"),
    # a partial does not see the `lang` macros base.html imported: each partial imports them itself
    *[(f"partials/{name}.html", "-#}\n", '-#}\n{% import "partials/language.html" as lang with context %}\n')
      for name in ("header", "search", "toc")],
]
THEME = ROOT / "generator" / "build" / "theme"
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "pymdownx.details", "tables",
              {"toc": {"permalink": True}}]


# --- the candidates' venvs -------------------------------------------------------------------------------


def lock_version(name: str) -> str:
    found = re.search(rf"(?m)^{re.escape(name)}==(\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"))
    return found.group(1)


def pip(venv: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check",
                           "--no-input", *args], capture_output=True, text=True)


def create(folder: Path, python: str) -> None:
    """Three venvs under ``folder``, from PyPI: the baseline at the lock's versions, ProperDocs with Material 9.8
    (and this project, for --product), and the newest Zensical that installs."""
    material = f"mkdocs-material=={lock_version('mkdocs-material')}"
    wanted = {
        "mkdocs": [f"mkdocs=={lock_version('mkdocs')}", material,
                   f"pymdown-extensions=={lock_version('pymdown-extensions')}", f"markdown=={lock_version('markdown')}"],
        "properdocs": ["properdocs>=1.6,<1.7", material, "-e", str(ROOT)],
    }
    for name in CANDIDATES:
        venv = folder / name
        if (venv / "bin" / name).exists():
            print(f"{name}: {venv} is there", flush=True)
            continue
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        if name in wanted:
            result = pip(venv, "install", "-q", *wanted[name])
            if result.returncode:
                raise SystemExit(f"{name}: pip install failed\n{result.stderr[-3000:]}")
        else:
            install_newest_zensical(venv)
        print(f"{name}: {venv} made", flush=True)


def install_newest_zensical(venv: Path) -> None:
    listed = pip(venv, "index", "versions", "zensical")
    versions = re.search(r"Available versions: (.*)", listed.stdout)
    if not versions:
        raise SystemExit(f"zensical: no versions listed\n{listed.stdout}{listed.stderr}")
    for version in [v.strip() for v in versions.group(1).split(",")]:
        result = pip(venv, "install", "-q", f"zensical=={version}")
        if result.returncode == 0:
            print(f"zensical: {version} installed", flush=True)
            return
        why = [line for line in result.stderr.splitlines() if line.startswith("ERROR")][:1]
        print(f"zensical: {version} does not install: {why[0] if why else result.stderr[-300:]}", flush=True)
    raise SystemExit("zensical: no version installs")


def version_of(command: Path) -> str:
    result = subprocess.run([str(command.parent / "python"), "-m", "pip", "list", "--format", "json"],
                            capture_output=True, text=True)
    try:
        packages = {p["name"].lower(): p["version"] for p in json.loads(result.stdout)}
    except json.JSONDecodeError:
        return "?"
    names = {"mkdocs": ["mkdocs", "mkdocs-material"], "properdocs": ["properdocs", "mkdocs-material"],
             "zensical": ["zensical", "zensical-ui"]}[command.name]
    return " + ".join(f"{name} {packages.get(name, '?')}" for name in names)


# --- the pages ----------------------------------------------------------------------------------------------


def project_for(scale: str, work: Path) -> Path:
    if scale == "example":
        return ROOT
    project = work / scale / "project"
    if not (project / "data").is_dir():
        make_dataset.make(scale, project)
    return project


def prepare(project: Path, folder: Path) -> dict:
    """The public edition's Markdown (``bulletin render --out``) plus what render --out leaves out: the navigation,
    the downloads and the hand-written pages. Returns the figures of the step and the navigation."""
    docs = folder / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    seconds, peak, result = measured([str(BIN / "bulletin"), "--project", str(project), "render", "--out", str(docs)],
                                     project)
    if result.returncode != 0:
        raise SystemExit(f"render --out failed\n{result.stdout}{result.stderr}")
    nav = extras(project, docs)
    pages = sum(1 for _ in docs.rglob("*.md"))
    return {"render_seconds": seconds, "render_cpu": cpu_seconds, "render_peak_mb": peak, "pages": pages, "nav": nav}


def extras(project: Path, docs: Path) -> list:
    """The downloads and the navigation, from the core (what a `render --out --with-extras` would write), and the
    product's and the desk's hand-written pages, desk first."""
    from generator.domain.editions import offline_copy
    from generator.fingerprint import CONTENT
    from generator.pipeline import check, publications
    from generator.project import Project

    publication = next(publications(check(Project(project)), ("publik",), None))
    for path, content in publication.downloads.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    # the offline ZIP is made from the built site (generator.build.offline.write_copy); an empty one here lets the
    # builder resolve the data page's link to it, as the plugin's excluded file does under MkDocs
    copy = docs / offline_copy("publik", publication.edisi)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(b"")
    for source in (project / "content", CONTENT):
        for path in sorted(source.rglob("*.md")) if source.is_dir() else []:
            target = docs / path.relative_to(source)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    import yaml
    own = yaml.safe_load(re.sub(r"!ENV\b", "", (project / "mkdocs.yml").read_text(encoding="utf-8")))
    return publication.site.nav + list(own.get("nav") or [])


def zensical_theme(folder: Path) -> Path:
    theme = folder / "theme-zensical"
    shutil.rmtree(theme, ignore_errors=True)
    shutil.copytree(THEME, theme)
    for name, old, new in ZENSICAL_THEME_FIXES:
        path = theme / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1 if old == "-#}\n" else -1), encoding="utf-8")
    return theme


def configuration(name: str, folder: Path, nav: list, project: Path) -> Path:
    """mkdocs.yml of the project, as a builder without the bulletin plugin reads it."""
    import yaml
    own = yaml.safe_load(re.sub(r"!ENV\b", "", (project / "mkdocs.yml").read_text(encoding="utf-8")))
    theme = {k: v for k, v in own["theme"].items() if k != "custom_dir"}
    theme["custom_dir"] = str(zensical_theme(folder) if name == "zensical" else THEME)
    extra = {**(own.get("extra") or {}), "version": {"provider": "mike", "default": "terbaru", "alias": True}}
    config = {
        "site_name": own["site_name"], "site_description": own.get("site_description", ""),
        "docs_dir": "docs", "site_dir": f"site-{name}", "use_directory_urls": True,  # relative: as Zensical wants
        "theme": theme, "plugins": [{"search": {"lang": "en"}}], "markdown_extensions": EXTENSIONS,
        "extra": extra, "copyright": own.get("copyright", ""), "nav": nav,
        "validation": {"nav": {"omitted_files": "info", "not_found": "warn"}},
    }
    path = folder / f"{name}.yml"
    path.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")  # JSON is YAML
    return path


# --- measuring ------------------------------------------------------------------------------------------------


def measured(command: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess]:
    """bench/run.py's measure, and the processor seconds of the command and its children in ``cpu_seconds``
    (a loaded machine stretches the wall time, much less the processor time)."""
    global cpu_seconds
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, peak, result = _run(command, cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, peak, result


cpu_seconds = 0.0


def build(command: Path, config: Path, runs: int) -> dict:
    times, peaks, cpus = [], [], []
    for _ in range(runs):
        shutil.rmtree(config.parent / f"site-{command.name}", ignore_errors=True)
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)  # Zensical's cache: cold each time
        seconds, peak, result = measured([str(command), *COMMANDS[command.name], str(config)], config.parent)
        if result.returncode != 0:
            return {"failed": (result.stdout + result.stderr)[-1500:]}
        times.append(seconds)
        peaks.append(peak)
        cpus.append(cpu_seconds)
    site = config.parent / f"site-{command.name}"
    html = [p for p in site.rglob("*.html") if p.name != "404.html"]
    index = next((p for p in (site / "search" / "search_index.json", site / "search.json") if p.is_file()), None)
    return {"seconds": times, "cpu": min(cpus), "peak_mb": max(peaks), "html": len(html),
            "search_kb": index.stat().st_size / 1000 if index else 0,
            "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6}


def product(command: list[str], project: Path, site_dir: Path) -> dict:
    """`bulletin build --edition publik` with the builder the command runs on (MkDocs, or ProperDocs)."""
    shutil.rmtree(site_dir, ignore_errors=True)
    cache = site_dir.with_name(site_dir.name + "-cache")
    shutil.rmtree(cache, ignore_errors=True)
    seconds, peak, result = measured([*command, "--project", str(project), "build", "--edition", "publik",
                                      "--site-dir", str(site_dir), "--cache-dir", str(cache)], project)
    if result.returncode != 0:
        return {"failed": (result.stdout + result.stderr)[-1500:]}
    return {"seconds": [seconds], "cpu": cpu_seconds, "peak_mb": peak, "html": sum(1 for _ in site_dir.rglob("*.html")),
            "search_kb": 0, "site_mb": sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file()) / 1e6}


def table(rows: list[tuple[str, str, dict]], versions: dict[str, str]) -> str:
    lines = ["| scale | builder | cold build, wall (s): fastest of the runs | processor (s) | peak memory, all processes (MB PSS) | HTML pages | search index (KB) "
             "| site (MB) |", "|---|---|---|---|---|---|---|---|"]
    for scale, name, figures in rows:
        if "failed" in figures:
            lines.append(f"| {scale} | {name} | failed: {figures['failed'].splitlines()[-1][:120]} | | | | | |")
            continue
        times = figures["seconds"]
        shown = f"{min(times):.2f}" + (f" (runs: {', '.join(f'{t:.2f}' for t in times)})" if len(times) > 1 else "")
        lines.append(f"| {scale} | {name} | {shown} | {figures['cpu']:.2f} | {figures['peak_mb']:.0f} | {figures['html']} "
                     f"| {figures['search_kb']:.0f} | {figures['site_mb']:.1f} |")
    lines += ["", *(f"- {name}: {version}" for name, version in versions.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--create", type=Path, help="make the candidates' venvs in this folder and stop")
    parser.add_argument("--python", default="python3.11", help="the Python of the venvs --create makes")
    parser.add_argument("--venvs", type=Path, help="a folder of venvs named mkdocs, properdocs, zensical")
    parser.add_argument("--candidate", action="append", default=[], metavar="NAME=COMMAND",
                        help="a builder's command, e.g. zensical=/tmp/z/bin/zensical (repeatable)")
    parser.add_argument("--scale", action="append", choices=SCALES, help="repeatable; default: all three")
    parser.add_argument("--runs", type=int, default=1, help="cold builds per candidate and scale (default 1)")
    parser.add_argument("--product", action="store_true",
                        help="also `bulletin build --edition publik` on MkDocs (.venv) and on ProperDocs")
    parser.add_argument("--work", type=Path, help="work folder (kept; default: a temporary one, removed)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.create:
        create(args.create, args.python)
        return 0
    commands: dict[str, Path] = {}
    if args.venvs:
        commands = {name: args.venvs / name / "bin" / name for name in CANDIDATES
                    if (args.venvs / name / "bin" / name).exists()}
    for given in args.candidate:
        name, _, command = given.partition("=")
        if name not in CANDIDATES:
            parser.error(f"{name}: a candidate is one of {', '.join(CANDIDATES)}")
        commands[name] = Path(command).absolute()
    if not commands:
        parser.error("no candidate: give --venvs DIR or --candidate NAME=COMMAND (make them with --create DIR)")
    work = args.work or Path(tempfile.mkdtemp(prefix="bulletin-builders-"))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    rows, failed = [], False
    versions = {name: version_of(command) for name, command in commands.items()}
    print(f"builders: {os.cpu_count()} processors; work folder {work}", flush=True)
    for scale in args.scale or SCALES:
        folder = work / scale
        folder.mkdir(parents=True, exist_ok=True)
        project = project_for(scale, work)
        prepared = prepare(project, folder)
        rows.append((scale, "bulletin render --out (the generator)",
                     {"seconds": [prepared["render_seconds"]], "cpu": prepared["render_cpu"],
                      "peak_mb": prepared["render_peak_mb"],
                      "html": 0, "search_kb": 0, "site_mb": 0}))
        for name, command in commands.items():
            figures = build(command, configuration(name, folder, prepared["nav"], project), args.runs)
            failed |= "failed" in figures
            rows.append((scale, name, figures))
            print(f"{scale} {name}: {figures if 'failed' in figures else figures['seconds']}", flush=True)
        if args.product and "properdocs" in commands:
            for name, command in (
                    ("bulletin build --edition publik (MkDocs)", [str(BIN / "bulletin")]),
                    ("bulletin build --edition publik (ProperDocs)",
                     [str(commands["properdocs"].parent / "python"), "-c",
                      "import sys, properdocs.replacement; from generator.cli import run; sys.argv[0] = 'bulletin'; "
                      "run()"])):
                figures = product(command, project, folder / f"product-{len(rows)}")
                failed |= "failed" in figures
                rows.append((scale, name, figures))
                print(f"{scale} {name}: {figures if 'failed' in figures else figures['seconds']}", flush=True)
    print()
    print(table(rows, versions), flush=True)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "versions": versions}, indent=1), encoding="utf-8")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
