"""Publishing fails closed: whatever path built an internal edition, it can never be published to a public target.

Every path that builds the internal edition marks it (the marker file, ``robots.txt`` refusing every crawler,
``noindex`` on every page, the 404 pages and the form's stand-in included): `bulletin build`, `mkdocs build`
through the plugin, `bulletin build --wilayah` parts and their assembly (tests/test_parts.py), the preview
(tests/test_warm_cold.py holds it to a cold build file for file). ``bulletin publish --target publik`` refuses a
folder with any sign of it, also when the marker was deleted by hand, when the marks were stripped from the pages,
and when a download of the internal edition is slipped into the public one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import bulletin, environment

from generator.build.publish import MARKER, NOINDEX, ROBOTS_TXT, RestrictedValues, internal_signs
from generator.render import webform as cms

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = environment()
NOINDEX_META = re.compile(r'<meta\s+name="robots"\s+content="[^"]*noindex')


def html_pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html") if not p.is_symlink() and p.is_file())


def assert_marked_internal(folder: Path) -> None:
    """The marker and robots.txt at the root, and noindex on every page."""
    assert (folder / MARKER).is_file()
    assert (folder / "robots.txt").read_text(encoding="utf-8") == ROBOTS_TXT
    unmarked = [p.relative_to(folder).as_posix() for p in html_pages(folder)
                if not NOINDEX_META.search(p.read_text(encoding="utf-8"))]
    assert unmarked == [], "internal pages without noindex"


def test_bulletin_build_marks_every_internal_page_and_no_public_one(built_site):
    internal, public = built_site / "internal", built_site / "publik"
    assert_marked_internal(internal)
    for unit in (p for p in internal.iterdir() if p.is_dir() and not p.is_symlink()):
        assert_marked_internal(unit)  # each election edition, on its own too
    assert {"404.html", "index.html"} <= {p.name for p in internal.iterdir()}
    assert not [p for p in html_pages(public) if NOINDEX_META.search(p.read_text(encoding="utf-8"))]
    assert not list(public.rglob("robots.txt")) and not list(public.rglob(MARKER))
    assert internal_signs(public) == []


def test_mkdocs_build_of_the_internal_edition_is_marked_and_refused(tmp_path):
    """`mkdocs build` with `edition: internal` under the plugin (a mode README documents): the finding published
    TERBATAS content without a marker."""
    project = tmp_path / "proyek"
    for part in ("data", "contoh-terbatas", "content"):
        shutil.copytree(ROOT / part, project / part)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count("      edition: publik\n") == 1
    (project / "mkdocs.yml").write_text(config.replace("      edition: publik\n", "      edition: internal\n"),
                                        encoding="utf-8")
    result = subprocess.run([str(BIN / "mkdocs"), "build", "-d", "out"], cwd=project, capture_output=True,
                            text=True, env=ENV, timeout=300)
    assert result.returncode == 0, result.stderr
    out = project / "out"
    assert "TERBATAS" in (out / "index.html").read_text(encoding="utf-8")
    assert_marked_internal(out)
    refused = bulletin("publish", str(out), str(tmp_path / "www"), "--target", "publik", cwd=project)
    assert refused.returncode == 2 and "Ditolak" in refused.stderr, refused.stdout + refused.stderr
    assert not (tmp_path / "www").exists()


@pytest.fixture
def internal_copy(built_site, tmp_path) -> Path:
    copy = tmp_path / "salinan"
    shutil.copytree(built_site / "internal", copy, symlinks=True)
    return copy


def test_a_marker_deleted_by_hand_does_not_open_the_door(internal_copy, tmp_path):
    for path in [*internal_copy.rglob(MARKER), *internal_copy.rglob("robots.txt")]:
        path.unlink()
    result = bulletin("publish", str(internal_copy), str(tmp_path / "www"), "--target", "publik")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "halaman bertanda noindex" in result.stderr
    assert not (tmp_path / "www").exists()


def test_pages_stripped_of_their_marks_are_refused_for_their_restricted_values(internal_copy, tmp_path):
    """Marker, robots.txt, noindex, TERBATAS marks, banner and access marks all removed: what stays is the
    restricted values themselves, which publish finds by the restricted tree (mkdocs.yml's `terbatas:`)."""
    for path in [*internal_copy.rglob(MARKER), *internal_copy.rglob("robots.txt")]:
        path.unlink()
    for path in internal_copy.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.suffix in (".html", ".json", ".xml", ".csv"):
            text = path.read_text(encoding="utf-8")
            text = text.replace(NOINDEX, "").replace('<meta name="robots" content="noindex">', "")
            text = text.replace('class="bdp-terbatas"', "").replace("EDISI INTERNAL", "")
            text = re.sub(r'"akses":\s*"terbatas"', '"akses":"publik"', text)
            path.write_text(text, encoding="utf-8")
    assert not [s for s in internal_signs(internal_copy) if "pohon data terbatas" not in s.what]
    result = bulletin("publish", str(internal_copy), str(tmp_path / "www"), "--target", "publik")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "nilai dari pohon data terbatas" in result.stderr
    assert not (tmp_path / "www").exists()


def test_an_internal_download_slipped_into_the_public_edition_is_refused(built_site, tmp_path):
    public = tmp_path / "publik"
    shutil.copytree(built_site / "publik", public, symlinks=True)
    newest = os.readlink(public / "terbaru")
    shutil.copy(built_site / "internal" / newest / "unduh" / "keputusan.csv", public / newest / "unduh" / "keputusan.csv")
    result = bulletin("publish", str(public), str(tmp_path / "www"), "--target", "publik")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{newest}/unduh/keputusan.csv: nilai dari pohon data terbatas" in result.stderr
    clean = tmp_path / "bersih"
    shutil.copytree(built_site / "publik", clean, symlinks=True)
    assert bulletin("publish", str(clean), str(tmp_path / "www2"), "--target", "publik").returncode == 0


def test_restricted_values_are_found_however_they_are_written():
    values = RestrictedValues.of(ROOT / "contoh-terbatas", ROOT / "data")
    assert "0812 0000 2401" not in values.texts and "81200002401" in values.numbers  # a phone, by its digits
    for written in ("tel:+6281200002401", "0812-0000-2401", "0812 0000 2401", "telepon pribadi 0812 0000 2401"):
        assert values.find(written) == "81200002401", written
    assert values.find("NIP 19900101 201501 1 001") == "199001012015011001"
    assert values.find("Jalan raya, Buntok Kota") is None
    text = next(t for t in values.texts if '"' in t or "&" in t or len(t) > 40)
    import html
    import json
    for written in (text, html.escape(text), json.dumps(text, ensure_ascii=False)):
        assert values.find(f"<p>{written}</p>") is not None


def test_the_forms_stand_in_page_is_not_indexed(monkeypatch):
    monkeypatch.setattr(cms, "CMS_SCRIPT", Path("/tidak-ada/decap-cms.js"))
    page = cms.admin_files("pilkada-2024", cms.github_backend(None))["admin/index.html"]
    assert NOINDEX_META.search(page) or '<meta name="robots" content="noindex">' in page
    assert "scripts/node-deps" in page
