#!/usr/bin/env python3
"""Benchmark `bulletin build` at the three scales, against plain Material on the same Markdown.

    python bench/run.py                          # regency, province and national (national takes minutes)
    python bench/run.py --scale province         # one scale
    python bench/run.py --scale province --kabupaten 2 --no-serve    # a smoke run (what `make test` runs)

For each scale it writes the dataset (bench/make_dataset.py) into a work folder and measures, with the real
command in a subprocess:

* cold build: every site edition × election edition from an empty page cache (`bulletin build --timings`),
  with the seconds of each stage (load, validate, check, filter, views, render, MkDocs, assemble) and the
  peak memory of the build and all its processes (sum of their proportional set size, sampled);
* warm build: the same after one kecamatan file was edited;
* serve: `bulletin serve`, from writing a kecamatan file to the changed page being served (every scale; at national
  scale the preview's first build takes minutes before the rounds start);
* search: the public edition's search index, gzip-compressed;
* baseline: `mkdocs build` with Material's defaults (and with `navigation.prune`) on the Markdown that
  `bulletin render --out` writes for one edition, in the same run; the ratio is our cold build of both
  editions over the baseline's one edition.

It prints one table per scale, and exits 1 if a build fails. Figures, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))
import make_dataset  # noqa: E402

BASELINE_NAV_LIMIT = 2_000  # pages: Material's default navigation renders every page into every page (quadratic)
STAGES = ["load", "validate", "check", "filter", "views", "render", "mkdocs", "assemble"]


# --- measuring a process tree -------------------------------------------------------------------------


class PeakMemory:
    """The peak, over the life of a process and everything it starts, of the sum of their PSS (MB)."""

    def __init__(self, session: int):
        self.session = session
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = 0
            for entry in os.scandir("/proc"):
                if not entry.name.isdigit():
                    continue
                try:
                    stat = Path(entry.path, "stat").read_text()
                    if int(stat.rsplit(")", 1)[1].split()[3]) != self.session:  # field 6: session id
                        continue
                    rollup = Path(entry.path, "smaps_rollup").read_text()
                    total += int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.M).group(1))
                except (OSError, ValueError, AttributeError, IndexError):
                    continue
            self.peak = max(self.peak, total / 1024)
            self._stop.wait(0.1)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def run(command: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess]:
    """(seconds, peak MB, result) of a command run in its own session."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, start_new_session=True)
    memory = PeakMemory(process.pid)
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    return seconds, peak, subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def bulletin(project: Path, *args: str) -> list[str]:
    return [str(BIN / "bulletin"), "--project", str(project), *args]


# --- one scale ----------------------------------------------------------------------------------------


def edit_kecamatan(project: Path, marker: str) -> Path:
    """Change one kecamatan file as an editor would: a camat report's note."""
    path = sorted((project / "data" / make_dataset.EDISI / "kecamatan").rglob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(\n    ilustratif: true\n)(    catatan: [^\n]*\n)?", rf"\1    catatan: {marker}\n", text, count=1)
    path.write_text(text, encoding="utf-8")
    return path


def build(project: Path, label: str) -> dict:
    timings = project / f"waktu-{label}.json"
    seconds, peak, result = run(bulletin(project, "build", "--timings", str(timings)), project)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"bench: the {label} build failed")
    return {"seconds": seconds, "peak_mb": peak, **json.loads(timings.read_text(encoding="utf-8"))}


def baseline(project: Path, work: Path, pages: int) -> dict[str, float | str]:
    """plain Material, defaults and navigation.prune, on the Markdown of one edition (the public, newest)."""
    markdown = work / "markdown"
    shutil.rmtree(markdown, ignore_errors=True)
    result = subprocess.run(bulletin(project, "render", "--out", str(markdown)), capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: render --out failed\n{result.stderr}")
    extensions = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", {"toc": {"permalink": True}}]
    out = {}
    for name, features in (("defaults", []), ("prune", ["navigation.prune"])):
        if name == "defaults" and pages > BASELINE_NAV_LIMIT:
            out[name] = f"skipped (> {BASELINE_NAV_LIMIT} pages: every page in every page's navigation)"
            continue
        config = work / f"mkdocs-{name}.yml"
        config.write_text(json.dumps({
            "site_name": "Baseline", "docs_dir": str(markdown), "site_dir": str(work / f"site-{name}"),
            "theme": {"name": "material", "features": features}, "plugins": ["search"],
            "markdown_extensions": extensions}), encoding="utf-8")
        seconds, _, result = run([str(BIN / "mkdocs"), "build", "-q", "-f", str(config)], work)
        if result.returncode != 0:
            raise SystemExit(f"bench: the baseline build failed\n{result.stderr[-2000:]}")
        out[name] = seconds
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8", "replace")


def serve_latency(project: Path, rounds: int = 3) -> list[float]:
    """Seconds from writing a kecamatan file to `bulletin serve` serving the page with the change."""
    port = free_port()
    log = open(project / "serve.log", "w")
    process = subprocess.Popen(bulletin(project, "serve", "--dev-addr", f"127.0.0.1:{port}"), cwd=project,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        path = sorted((project / "data" / make_dataset.EDISI / "kecamatan").rglob("*.yml"))[0]
        page = _kecamatan_url(project, path, port)
        _wait(lambda: "Kecamatan" in fetch(page), 900)  # the preview's first build: minutes at national scale
        latencies = []
        for round_ in range(rounds):
            marker = f"Penanda-pratinjau-{round_}-{time.time_ns()}"
            started = time.perf_counter()
            edit_kecamatan(project, marker)
            _wait(lambda: marker in fetch(page), 60)
            latencies.append(time.perf_counter() - started)
            time.sleep(0.5)
        return latencies
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def _kecamatan_url(project: Path, path: Path, port: int) -> str:
    relative = path.relative_to(project / "data" / make_dataset.EDISI / "kecamatan").with_suffix("")
    tingkat = re.search(r"tingkat: (\w+)", (project / "data" / make_dataset.EDISI / "edisi.yml").read_text()).group(1)
    parts = relative.parts[-1:] if tingkat == "kabupaten" else relative.parts[-2:] if tingkat == "provinsi" \
        else relative.parts
    return f"http://127.0.0.1:{port}/kecamatan/{'/'.join(parts)}/"


def _wait(predicate, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit("bench: timed out waiting for the preview")


def measure(scale: str, work: Path, kabupaten: int | None, serve: bool) -> dict:
    project = work / scale
    counts = make_dataset.make(scale, project, kabupaten)
    cold = build(project, "dingin")
    edit_kecamatan(project, f"Suntingan-bench-{time.time_ns()}")
    warm = build(project, "hangat")
    publik = project / "site" / "publik" / make_dataset.EDISI
    html = [p for p in publik.rglob("*.html") if p.name != "404.html"
            and "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")[:600]]
    index = (publik / "search" / "search_index.json").read_bytes()
    result = {
        "scale": scale, "records": counts, "pages_per_edition": len(html), "pages_built": int(cold["pages_built"]),
        "cold": cold, "warm": warm, "search_kb_gzip": len(gzip.compress(index, mtime=0)) / 1000,
        "baseline": baseline(project, work / f"{scale}-baseline", len(html)),
    }
    if serve:
        result["serve"] = serve_latency(project)
    return result


# --- report ---------------------------------------------------------------------------------------------


def table(result: dict, regency_cost: float | None) -> str:
    cold, warm = result["cold"], result["warm"]
    stages = {name: cold.get(name, 0.0) for name in STAGES}
    generator = sum(stages[name] for name in STAGES[:6])
    cost = cold["seconds"] / max(1, cold["pages_built"]) * 1000
    rows = [
        ("kecamatan, desa, instansi, rapat", "{kecamatan}, {desa}, {instansi}, {rapat}".format(**result["records"])),
        ("records: reports, risks, restricted", "{laporan}, {risiko}, {terbatas}".format(**result["records"])),
        ("pages per site edition (built, both)", f"{result['pages_per_edition']} ({result['pages_built']})"),
        *[(f"stage: {name}", f"{stages[name]:.2f} s") for name in STAGES],
        ("generator stages (load … render) / cold build", f"{generator:.1f} s of processor time = "
                                                          f"{100 * generator / cold['seconds']:.0f}% "
                                                          "(run in 2 processes: wall share is lower)"),
        ("MkDocs runs: processor seconds", f"{cold.get('mkdocs_runs_cpu', 0):.1f} s in {int(cold['mkdocs_runs'])} runs"),
        ("cold build, both site editions", f"{cold['seconds']:.1f} s"),
        ("cost per page (cold / pages built)", f"{cost:.2f} ms" + (f" = {cost / regency_cost:.2f}× regency"
                                                                   if regency_cost else "")),
        ("warm build after one file edit", f"{warm['seconds']:.1f} s ({int(warm['pages_built'])} pages rebuilt)"),
        ("peak memory, all processes (PSS)", f"{cold['peak_mb']:.0f} MB cold, {warm['peak_mb']:.0f} MB warm"),
        ("search index (public, gzip)", f"{result['search_kb_gzip']:.0f} KB"),
    ]
    for name, value in result["baseline"].items():
        if isinstance(value, str):
            rows.append((f"plain Material ({name}), one edition", value))
        else:
            rows.append((f"plain Material ({name}), one edition", f"{value:.1f} s; ours both editions / it = "
                                                                  f"{cold['seconds'] / value:.2f}"))
    if "serve" in result:
        latencies = result["serve"]
        rows.append(("serve: save → changed page served", f"median {statistics.median(latencies):.2f} s "
                                                          f"(runs: {', '.join(f'{s:.2f}' for s in latencies)})"))
    width = max(len(name) for name, _ in rows)
    lines = [f"## {result['scale']}", "", f"| {'measure':<{width}} | value |", f"|{'-' * (width + 2)}|---|"]
    lines += [f"| {name:<{width}} | {value} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", action="append", choices=sorted(make_dataset.SCALES),
                        help="a scale to run (repeatable); default: regency, province, national")
    parser.add_argument("--kabupaten", type=int, default=None, help="only the first N kabupaten/kota (smoke runs)")
    parser.add_argument("--no-serve", action="store_true", help="skip the preview latency")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    scales = args.scale or ["regency", "province", "national"]
    work = args.work or Path(tempfile.mkdtemp(prefix="bulletin-bench-"))
    results, regency_cost = [], None
    print(f"bench: {os.cpu_count()} processors; work folder {work}\n", flush=True)
    for scale in scales:
        result = measure(scale, work, args.kabupaten, not args.no_serve)
        results.append(result)
        cost = result["cold"]["seconds"] / max(1, result["cold"]["pages_built"]) * 1000
        regency_cost = cost if scale == "regency" else regency_cost
        print(table(result, regency_cost if scale != "regency" else None), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
