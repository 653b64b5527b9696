"""Beyond one machine: a national desk's build split by province, the parts built by separate processes at the
same time (as separate CI machines would), joined by `bulletin assemble` into the site one build makes.

The desk: two provinces (62 Kalimantan Tengah, 63 Kalimantan Selatan), one kabupaten each, from
bench/make_dataset.py. Parts: "62", "63" and "umum" (home, indexes, meetings, downloads, theme assets).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))
import make_dataset  # noqa: E402
from support import finish, start_bulletin  # noqa: E402


def bulletin(project: Path, *args: str) -> subprocess.Popen:
    return start_bulletin(*args, project=project)


def digest(site: Path) -> dict[str, str]:
    out = {}
    for path in sorted(site.rglob("*")):
        if path.is_symlink():
            out[path.relative_to(site).as_posix()] = "link → " + os.readlink(path)
        elif path.is_file():
            out[path.relative_to(site).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("nasional") / "desk"
    make_dataset.make("national", project, kabupaten_limit=1, province_codes=["62", "63"])
    return project


@pytest.fixture(scope="module")
def whole(desk) -> Path:
    result = finish(bulletin(desk, "build", "--site-dir", str(desk / "utuh"), "--cache-dir", str(desk / "c-utuh")))
    assert result.returncode == 0, result.stderr
    return desk / "utuh"


@pytest.fixture(scope="module")
def parts(desk) -> dict[str, Path]:
    folders = {name: desk / "bagian" / name for name in ("62", "63", "umum")}
    running = [bulletin(desk, "build", "--wilayah", name, "--out", str(folder), "--jobs", "1")
               for name, folder in folders.items()]  # three processes at once, as three machines would
    for process in running:
        result = finish(process)
        assert result.returncode == 0, result.stderr
    return folders


def test_national_pages_are_in_a_folder_per_province_and_kabupaten(whole):
    edition = whole / "publik" / make_dataset.EDISI
    pages = {p.parent.relative_to(edition / "kecamatan").as_posix() for p in (edition / "kecamatan").rglob("index.html")}
    assert "kalimantan-tengah" in pages and "kalimantan-selatan" in pages  # an index page per province
    assert "kalimantan-tengah/kotawaringin-barat" in pages  # and per kabupaten/kota
    assert "kalimantan-tengah/kotawaringin-barat/kumai" in pages  # the kecamatan below them
    assert "kalimantan-selatan/tanah-laut/pelaihari" in pages


def test_each_part_holds_only_its_own_pages(parts):
    from generator.build.store import Store

    sizes = {name: len(Store(folder).known()) for name, folder in parts.items()}
    assert all(sizes.values()), sizes
    assert (parts["umum"] / "assets").is_dir() and not (parts["62"] / "assets").exists()


def test_assembled_parts_are_the_site_one_build_makes(desk, whole, parts):
    site = desk / "dirakit"
    result = finish(bulletin(desk, "assemble", *map(str, parts.values()), "--site-dir", str(site)))
    assert result.returncode == 0, result.stderr
    assert digest(site) == digest(whole)
    assert (site / "publik" / "versions.json").is_file()


def test_parts_and_their_assembly_carry_the_internal_marks(desk, parts, tmp_path):
    """Every part holds internal pages, so every part carries the marker; the assembled internal edition carries
    the marker, robots.txt and noindex on every page, and is refused for a public target."""
    from generator.build.publish import MARKER, ROBOTS_TXT

    assert all((folder / MARKER).is_file() for folder in parts.values())
    site = tmp_path / "dirakit"
    result = finish(bulletin(desk, "assemble", *map(str, parts.values()), "--site-dir", str(site)))
    assert result.returncode == 0, result.stderr
    internal = site / "internal"
    assert (internal / MARKER).is_file() and (internal / "robots.txt").read_text(encoding="utf-8") == ROBOTS_TXT
    pages = [p for p in internal.rglob("*.html") if not p.is_symlink()]
    assert pages and all('content="noindex' in p.read_text(encoding="utf-8") for p in pages)
    refused = finish(bulletin(desk, "publish", str(internal), str(tmp_path / "www"), "--target", "publik"))
    assert refused.returncode == 2 and "Ditolak" in refused.stderr


def test_assembly_waits_for_the_lock_of_the_site(desk, parts, tmp_path):
    """Assembly lists, adds, switches and removes a site's builds only under the site's lock: while another
    process holds it (a build of the same site, say), assembly waits and touches nothing."""
    from generator.build.switch import locked_site, versions_folder

    site = tmp_path / "situs"
    with locked_site(site):
        process = bulletin(desk, "assemble", *map(str, parts.values()), "--site-dir", str(site))
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            pass
        assert process.poll() is None, "assembly went on while the site was locked"
        assert not site.exists() and [p.name for p in versions_folder(site).iterdir()] == [".kunci"]
    result = finish(process)
    assert result.returncode == 0, result.stderr
    assert (site / "publik" / "versions.json").is_file()


def test_a_missing_part_is_named_and_changes_nothing(desk, parts):
    site = desk / "tanpa-63"
    result = finish(bulletin(desk, "assemble", str(parts["62"]), str(parts["umum"]), "--site-dir", str(site)))
    assert result.returncode == 1
    assert "wilayah 63" in result.stderr and "Traceback" not in result.stderr
    assert not site.exists()


def test_parts_of_different_data_are_refused(desk, parts, tmp_path):
    other = tmp_path / "lain"
    make_dataset.make("national", other, kabupaten_limit=1, province_codes=["62", "63"], seed=7)
    result = finish(bulletin(other, "build", "--wilayah", "63", "--out", str(tmp_path / "63-lain"), "--jobs", "1"))
    assert result.returncode == 0, result.stderr
    result = finish(bulletin(desk, "assemble", str(parts["62"]), str(tmp_path / "63-lain"), str(parts["umum"]),
                             "--site-dir", str(tmp_path / "situs")))
    assert result.returncode == 1
    assert "commit yang sama" in result.stderr


def test_the_deploy_workflow_has_the_split_build_behind_a_variable():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert jobs["bangun"]["if"] == "needs.rencana.outputs.terbagi == 'false'"  # one machine unless asked
    matrix = jobs["bangun-bagian"]["strategy"]["matrix"]["bagian"]
    assert "needs.rencana.outputs.bagian" in matrix
    steps = " ".join(str(step.get("run", "")) for step in jobs["bangun-bagian"]["steps"])
    assert "--wilayah" in steps and "--out" in steps
    assert "bulletin assemble" in " ".join(str(step.get("run", "")) for step in jobs["gabung"]["steps"])
    plan = jobs["rencana"]["steps"][0]
    assert "vars.BULETIN_BAGIAN" in plan["env"]["VARIABEL"] and "inputs.bagian" in plan["env"]["MASUKAN"]
