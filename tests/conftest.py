"""Shared fixtures: the example site built once per run, and the golden-update switch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import EDISI, ROOT, bulletin, made_once  # noqa: F401  (EDISI, ROOT: for the tests that import them from here)

# Every `bulletin build` of the suite in one process (MkDocs runs one after another), unless a test asks for more
# with --jobs: the suite already keeps every core busy, and worker processes cost CPU (0.8 s a build of the
# example) without making anything faster here. The session's built site and tests/test_build_once.py's runs
# keep the parallel path, and the latter holds it to the one-process path page for page.
os.environ.setdefault("BULETIN_PROSES", "1")

# What `make test-fast` leaves out (pyproject.toml declares the marks): whole modules, and any test that uses a
# built site. A test elsewhere that builds carries @pytest.mark.build itself.
MODULE_MARKS = {
    "test_browser": "browser",
    "test_html_valid": "validator",
    **dict.fromkeys(["test_build", "test_build_once", "test_serve", "test_parts", "test_versions", "test_nginx",
                     "test_warm_cold", "test_site_diff", "test_page_budget", "test_bench", "test_publishing", "test_desks",
                     "test_builder_alt"],
                    "build"),
}
BUILT_SITE_FIXTURES = {"built_site", "served_site", "canary_site", "public_checkout", "admin_site", "built_example",
                       "payload_site"}


# The longest files first (after pytest-randomly's shuffle, keeping its order otherwise), as measured (worker
# seconds, `--durations=0`): `make test` hands each file to one worker (`--dist loadfile`, with
# `--no-loadscope-reorder`, else xdist orders files by their number of tests) in this order, so the run does not end
# with one worker on a long file while the other waits.
LONGEST_FIRST = ("test_browser", "test_desks", "test_hardening", "test_cms_format", "test_warm_cold", "test_cms",
                 "test_editions", "test_build_once", "test_parts", "test_versions", "test_restricted_tree",
                 "test_builder_alt", "test_offline", "test_package", "test_cms_workflow", "test_incremental")


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: LONGEST_FIRST.index(item.path.stem) if item.path.stem in LONGEST_FIRST
               else len(LONGEST_FIRST))
    for item in items:
        mark = MODULE_MARKS.get(item.path.stem)
        if mark:
            item.add_marker(mark)
        if BUILT_SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker("build")
        if "browser" in getattr(item, "fixturenames", ()):  # each module's Chromium, whatever the test does
            item.add_marker("browser")


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite tests/golden/ from the example data instead of comparing")
    parser.addoption("--warm-cold-examples", type=int, default=1,
                     help="drawn edit sequences of tests/test_warm_cold.py (more than 1: drawn at random, on the "
                          "whole example)")
    parser.addoption("--desk-examples", type=int, default=1,  # make test: 0, the explicit examples only
                     help="drawn region codes of tests/test_desks.py, each made, built and checked (besides its "
                          "explicit examples; more than 1: drawn at random)")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Both editions of the example, built by `bulletin build` (real MkDocs) into a temporary folder, with a cache
    of its own (never the repository's .cache/); built once for the run, whichever workers use it. Tests only read
    it (a test that changes a site copies it first)."""
    def build(folder: Path) -> None:
        result = bulletin("build", "--jobs", "2", "--site-dir", folder / "site", "--cache-dir", folder / "cache",
                          timeout=600)  # in worker processes, as a desk's build on two cores
        (folder / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")  # what it said
        assert result.returncode == 0, result.stdout + result.stderr

    return made_once(tmp_path_factory, "built", build) / "site"
