"""A smoke run of the benchmark scripts, so that they cannot rot: a small province (one kabupaten) through
bench/make_dataset.py and bench/run.py. Figures are printed, not asserted: this is not a timed test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_dataset_writes_a_valid_national_desk(tmp_path):
    out = tmp_path / "nasional"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "make_dataset.py"), "national", str(out),
                             "--provinsi", "62,63", "--kabupaten", "1"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert counts["kecamatan"] > 10 and counts["terbatas"] > 0 and counts["rapat"] == 3
    validated = subprocess.run([str(Path(sys.executable).parent / "bulletin"), "--project", str(out), "validate",
                                "--strict"], capture_output=True, text=True)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert (out / "data" / "pilkada-uji" / "kecamatan" / "kalimantan-selatan").is_dir()


def test_bench_run_prints_a_table_per_scale(tmp_path):
    figures = tmp_path / "angka.json"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--scale", "province",
                             "--kabupaten", "1", "--no-serve", "--work", str(tmp_path / "kerja"), "--json",
                             str(figures)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    print(result.stdout)
    for row in ("stage: load", "stage: render", "stage: mkdocs", "cold build, both site editions",
                "warm build after one file edit", "peak memory", "search index", "plain Material (defaults)"):
        assert row in result.stdout, row
    [scale] = json.loads(figures.read_text(encoding="utf-8"))
    assert scale["pages_built"] == 2 * scale["pages_per_edition"]
    assert scale["warm"]["pages_built"] < scale["cold"]["pages_built"]
    assert scale["cold"]["peak_mb"] > 0 and scale["search_kb_gzip"] > 0
