"""Shared fixtures: the example site built once per run, and the golden-update switch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EDISI = "pilgub-kalteng-2020"  # the election edition the page-level tests read (the founding example)


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite tests/golden/ from the example data instead of comparing")
    parser.addoption("--warm-cold-examples", type=int, default=1,
                     help="drawn edit sequences of tests/test_warm_cold.py (more than 1: drawn at random, on the "
                          "whole example)")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Both editions of the example, built by `bulletin build` (real MkDocs) into a temporary folder, with a cache
    of its own (never the repository's .cache/)."""
    folder = tmp_path_factory.mktemp("built")
    out = folder / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(BIN / "bulletin"), "build", "--site-dir", str(out), "--cache-dir",
                             str(folder / "cache")], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out
