"""Golden output: the rendered pages of the example dataset, both editions, their downloads (the CSV files and
``datapackage.json`` of the data package, ``data.json``, ``feed.xml``) and the WhatsApp summaries as ``bulletin wa``
prints them (``whatsapp/beranda.txt``, ``whatsapp/rapat/<meeting>.txt``), compared byte for byte.

After an intended change of templates or data: ``make golden`` (``pytest tests/test_golden.py --update-goldens``)
and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.domain.editions import EDITIONS
from generator.pipeline import publish_project
from generator.project import Project
from generator.render.whatsapp import meeting_summary, readiness_summary

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"


ELECTIONS = sorted(p.parent.name for p in (ROOT / "data").glob("*/edisi.yml"))


@pytest.fixture(scope="module", params=[(e, s) for e in ELECTIONS for s in EDITIONS], ids="/".join)
def edition(request) -> tuple[str, str]:
    return request.param


@pytest.fixture(scope="module")
def pages(edition) -> dict[str, str]:
    """The Markdown pages and the downloads of one edition, by their path in the edition's site, and its WhatsApp
    summaries under whatsapp/."""
    edisi, site_edition = edition
    publication = publish_project(Project(ROOT), edition=site_edition, edisi=edisi)
    assert not set(publication.site.pages) & set(publication.downloads)
    return {**publication.site.pages, **publication.downloads, **whatsapp_texts(publication.model)}


def whatsapp_texts(model) -> dict[str, str]:
    """What ``bulletin wa`` prints for the beranda and for each meeting of the edition (no site address: paths)."""
    texts = {"whatsapp/beranda.txt": readiness_summary(model).text + "\n"}
    texts.update({f"whatsapp/rapat/{r.slug}.txt": meeting_summary(model, r.slug).text + "\n" for r in model.rapat})
    return texts


def test_golden_pages(pages, edition, request):
    golden = GOLDEN.joinpath(*edition)
    if request.config.getoption("--update-goldens"):
        shutil.rmtree(golden, ignore_errors=True)
        for path, text in pages.items():
            target = golden / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = {p.relative_to(golden).as_posix(): p.read_text(encoding="utf-8")
                for p in golden.rglob("*") if p.is_file()}
    assert sorted(pages) == sorted(expected), "files added or removed: run `make golden` and review the diff"
    for path in sorted(pages):
        assert pages[path] == expected[path], \
            f"{path} differs from {golden / path}: run `make golden` and review"


RENDER_ALL = r"""
import hashlib, json, sys
from pathlib import Path
from generator.domain.editions import EDITIONS
from generator.pipeline import check, publications
from generator.project import Project

out = {}
for publication in publications(check(Project(Path(sys.argv[1]))), EDITIONS):
    files = {**publication.site.pages, **publication.downloads}
    out.update({f"{publication.key}/{path}": hashlib.sha256(text.encode()).hexdigest() for path, text in files.items()})
print(json.dumps(out, sort_keys=True))
"""


def test_rendering_is_deterministic_across_processes():
    """Every page and download of every edition, rendered by two processes with different hash seeds (set and
    dict order, the salt of str hashes), byte for byte the same."""
    runs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1"}
        result = subprocess.run([sys.executable, "-c", RENDER_ALL, str(ROOT)], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        runs.append(json.loads(result.stdout))
    assert len(runs[0]) > 100
    assert runs[0] == runs[1]
