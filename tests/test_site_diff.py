"""`bulletin site-diff` (generator/tools/site_diff.py, and scripts/site-diff, which runs it without .venv): which
built pages and files changed between two builds, without the noise of gzip headers, sitemap dates and the
generator's version in every page."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest
from support import cli

from generator.tools import site_diff

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "site-diff"


def write(root: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def gz(data: bytes, mtime: int) -> bytes:
    return gzip.compress(data, mtime=mtime)


META = b'<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-%s">\n'
SITEMAP = b"<urlset><url><loc>https://x/a/</loc><lastmod>%s</lastmod></url></urlset>"
OLD = {
    "publik/index.html": META % b"9.8.2" + b"<p>beranda</p>\n",
    "publik/kecamatan/jenamas/index.html": b"<h1>Jenamas</h1>\n<p>TPS 24</p>\n<p>DPT 5.000</p>\n",
    "publik/tentang/index.html": b"<p>tentang</p>\n",
    "publik/assets/main.abc.js": b"js 1",
    "publik/sitemap.xml": SITEMAP % b"2026-01-01",
    "publik/sitemap.xml.gz": gz(SITEMAP % b"2026-01-01", mtime=1),
    "publik/search/search_index.json": b'{"docs": []}',
}


@pytest.fixture
def builds(tmp_path) -> tuple[Path, Path]:
    old = write(tmp_path / "old", OLD)
    new = dict(OLD)
    new["publik/kecamatan/jenamas/index.html"] = b"<h1>Jenamas</h1>\n<p>TPS 25</p>\n<p>DPT 5.000</p>\n"
    new["publik/index.html"] = META % b"9.8.3" + b"<p>beranda</p>\n"  # reported once, not as a changed page
    del new["publik/tentang/index.html"]
    new["publik/rapat/index.html"] = b"<p>rapat</p>\n"
    del new["publik/assets/main.abc.js"]
    new["publik/assets/main.def.js"] = b"js 2"
    new["publik/search/search_index.json"] = b'{"docs": [1]}'
    # another day, another gzip timestamp: not a change
    new["publik/sitemap.xml"] = SITEMAP % b"2026-02-01"
    new["publik/sitemap.xml.gz"] = gz(SITEMAP % b"2026-02-01", mtime=2)
    return old, write(tmp_path / "new", new)


def test_added_removed_and_changed_pages_and_files(builds):
    result = site_diff.compare(*builds)
    pages, others = result.pages, result.others
    assert pages.changed == [("publik/kecamatan/jenamas/index.html", 1, 1)]
    assert pages.added == ["publik/rapat/index.html"]
    assert pages.removed == ["publik/tentang/index.html"]
    assert [rel for rel, _, _ in others.changed] == ["publik/search/search_index.json"]
    assert others.added == ["publik/assets/main.def.js"]
    assert others.removed == ["publik/assets/main.abc.js"]
    assert result.generators == ("mkdocs-1.6.1, mkdocs-material-9.8.2", "mkdocs-1.6.1, mkdocs-material-9.8.3")


def test_identical_builds_and_noise_report_no_change(tmp_path):
    old = write(tmp_path / "old", OLD)
    noisy = dict(OLD, **{"publik/sitemap.xml.gz": gz(SITEMAP % b"2027-05-05", mtime=99)})
    new = write(tmp_path / "new", noisy)
    assert not site_diff.compare(old, new)
    result = subprocess.run([sys.executable, str(SCRIPT), str(old), str(new), "--exit-code"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Tidak ada perubahan: kedua hasil bangun sama isinya.\n"


def test_text_report_names_pages_by_address(builds):
    result = subprocess.run([sys.executable, str(SCRIPT), *map(str, builds), "--exit-code"],
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Pembangun situs: mkdocs-1.6.1, mkdocs-material-9.8.2 → mkdocs-1.6.1, mkdocs-material-9.8.3. "
                        "Halaman HTML: 1 berubah, 1 baru, 1 hilang. Berkas lain: 1 berubah, 1 baru, 1 hilang.")
    assert "  publik/kecamatan/jenamas/ (-1 +1 baris)" in lines
    assert "  publik/rapat/" in lines and "  publik/tentang/" in lines
    assert "  publik/assets/main.def.js" in lines


def test_markdown_report_is_capped(builds):
    result = subprocess.run([sys.executable, str(SCRIPT), *map(str, builds), "--format", "markdown",
                             "--limit", "0"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("### Halaman situs yang berubah\n")
    assert "**Halaman berubah (1)**\n- … dan 1 lainnya" in result.stdout


def test_missing_folder_is_an_error(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path), str(tmp_path / "tidak-ada")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "tidak ada" in result.stderr


def test_the_command_reports_as_the_script_does(builds):
    """The click command in this process: the same report and the same exit codes as the script."""
    changed = cli("site-diff", *builds, "--exit-code")
    assert changed.exit_code == 1, changed.stderr
    script = subprocess.run([sys.executable, str(SCRIPT), *map(str, builds)], capture_output=True, text=True)
    assert script.returncode == 0 and changed.stdout == script.stdout
    capped = cli("site-diff", *builds, "--format", "markdown", "--limit", "0")
    assert capped.exit_code == 0, capped.stderr
    assert capped.stdout.startswith("### Halaman situs yang berubah\n")
    assert "**Halaman berubah (1)**\n- … dan 1 lainnya" in capped.stdout
    same = cli("site-diff", builds[0], builds[0], "--exit-code")
    assert (same.exit_code, same.stdout) == (0, "Tidak ada perubahan: kedua hasil bangun sama isinya.\n")
    missing = cli("site-diff", builds[0], builds[0].parent / "tidak-ada")
    assert missing.exit_code == 2 and "tidak ada" in missing.stderr
