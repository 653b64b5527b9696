"""Golden output: the rendered pages of the example dataset, both editions, and their downloads (the CSV files and
``datapackage.json`` of the data package, ``data.json``, ``feed.xml``), compared byte for byte.

After an intended change of templates or data: ``make golden`` (``pytest tests/test_golden.py --update-goldens``)
and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.editions import EDITIONS
from generator.pipeline import publish_project
from generator.project import Project

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"


ELECTIONS = sorted(p.parent.name for p in (ROOT / "data").glob("*/edisi.yml"))


@pytest.fixture(scope="module", params=[(e, s) for e in ELECTIONS for s in EDITIONS], ids="/".join)
def edition(request) -> tuple[str, str]:
    return request.param


@pytest.fixture(scope="module")
def pages(edition) -> dict[str, str]:
    """The Markdown pages and the downloads of one edition, by their path in the edition's site."""
    edisi, site_edition = edition
    publication = publish_project(Project(ROOT), edition=site_edition, edisi=edisi)
    assert not set(publication.site.pages) & set(publication.downloads)
    return {**publication.site.pages, **publication.downloads}


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


def test_rendering_is_deterministic(pages, edition):
    edisi, site_edition = edition
    publication = publish_project(Project(ROOT), edition=site_edition, edisi=edisi)
    assert {**publication.site.pages, **publication.downloads} == pages
