"""A real build of the example: ``mkdocs build --strict`` and ``bulletin build``, and what the site holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EDISI

from generator.build.store import LOCK

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


NEWEST = "pilkada-2024"  # what `mkdocs build` shows when run directly: the newest election edition


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """`mkdocs build --strict` run directly: the plugin runs the pipeline itself, for the public edition."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return out


def test_pages_at_their_urls(site):
    kecamatan = sorted(p.parent.name for p in (site / "kecamatan").glob("*/index.html"))
    assert kecamatan == ["dusun-hilir", "dusun-selatan", "dusun-utara", "gunung-bintang-awai", "jenamas",
                         "karau-kuala"]
    agencies = [p for p in (site / "instansi").glob("*/index.html")]
    assert len(agencies) >= 8
    meetings = len(list((ROOT / "data" / NEWEST / "rapat").glob("*.yml")))
    assert len(list((site / "rapat").glob("*/index.html"))) == meetings
    for page in ("index.html", "kecamatan/index.html", "tindak-lanjut/index.html", "kontak/index.html"):
        assert (site / page).is_file(), page


def test_no_outside_requests(site):
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".css", ".js", ".json", ".xml"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "fonts.googleapis" not in text, path
            assert "fonts.gstatic" not in text, path


def test_site_is_in_indonesian(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in html
    assert "Made with" not in html
    assert "dibangun dengan" in html


def test_kecamatan_page_joins_every_agency(site):
    html = (site / "kecamatan" / "jenamas" / "index.html").read_text(encoding="utf-8")
    for agency in ("Disdukcapil", "KPU", "Satpol PP", "Camat Jenamas"):
        assert agency in html, agency
    assert "Rantau Kujang" in html  # a kelurahan from the Kemendagri reference
    assert "Yang menentukan" in (site / "index.html").read_text(encoding="utf-8")


def test_search_index_lists_generated_pages(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "kecamatan/jenamas/" in locations


def test_bulletin_build_makes_both_editions(built_site):
    assert (built_site / "publik" / "index.html").is_file()
    assert (built_site / "internal" / "index.html").is_file()
    assert (built_site / "internal" / ".buletin-internal").is_file()
    assert not list((built_site / "publik").rglob(".buletin-internal"))
    assert built_site.is_symlink(), "the site is a link, switched to each new build in one step"
    builds = [p for p in (built_site.parent / ".site-versi").iterdir() if p.name != LOCK]  # the lock file stays
    assert builds == [built_site.resolve()], f"folders left behind: {builds}"
    assert not (built_site.parent / ".site.baru").exists()
    internal = (built_site / "internal" / EDISI / "kecamatan" / "jenamas" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex' in internal
    public = (built_site / "publik" / EDISI / "kecamatan" / "jenamas" / "index.html").read_text(encoding="utf-8")
    assert "noindex" not in public
