"""scripts/page-budget: the public edition's pages are within the page-weight budget of "What readers get"
(beranda first visit ≤ 100 KB; every page ≤ 30 KB once the shared assets are cached), and the script does fail
a page over budget."""

from __future__ import annotations

import os
import random
import shutil
import string
import subprocess
import sys
from pathlib import Path

from conftest import EDISI

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "page-budget"


def page_budget(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_public_edition_within_budget(built_site):
    result = page_budget(str(built_site / "publik" / EDISI))
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Beranda, first visit:" in out and "Largest page:" in out, out
    assert "kecamatan/jenamas/index.html" in out, out  # every page is in the table
    assert "assets/stylesheets/main." in out and "assets/javascripts/bundle." in out, out  # shared assets found
    assert "References not found" not in out, out  # every stylesheet, script and image was found and counted


def test_a_page_over_budget_fails(built_site, tmp_path):
    edition = tmp_path / EDISI
    shutil.copytree(built_site / "publik" / EDISI, edition)
    page = edition / "kecamatan" / "jenamas" / "index.html"
    noise = "".join(random.Random(1).choices(string.ascii_letters + string.digits, k=60_000))  # ~45 KB gzip
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", f"<p>{noise}</p></body>"),
                    encoding="utf-8")
    result = page_budget(str(edition))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "OVER BUDGET" in result.stdout and "kecamatan/jenamas/index.html" in result.stdout, result.stdout


def test_not_a_site_is_a_usage_error(tmp_path):
    result = page_budget(str(tmp_path))
    assert result.returncode == 2, result.stdout + result.stderr
