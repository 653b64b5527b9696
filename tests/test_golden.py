"""Golden Markdown: the rendered pages of the example dataset, compared byte for byte.

After an intended change of templates or data: ``make golden`` (``pytest tests/test_golden.py --update-goldens``)
and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import render_project
from generator.project import Project

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_project(Project(ROOT))


def test_golden_pages(pages, request):
    if request.config.getoption("--update-goldens"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, text in pages.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "pages added or removed: run `make golden` and review the diff"
    for path in sorted(pages):
        assert pages[path] == expected[path], f"{path} differs from tests/golden/{path}: run `make golden` and review"


def test_rendering_is_deterministic(pages):
    assert render_project(Project(ROOT)) == pages
