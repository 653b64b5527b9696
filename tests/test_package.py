"""The product is one installable package: its wheel holds the generator with everything it reads at build time
(templates, the Kemendagri reference, the theme over Material, the product's own pages), so a desk's repository
needs none of this repository's folders beside its own data, content and mkdocs.yml.

The wheel is built from this checkout (pip, setuptools of the lock, no network), unpacked, and put first on the
module search path of a fresh `bulletin build` of a desk made of the example's data, content and mkdocs.yml
only: the command, the MkDocs plugin and the theme all come from the wheel.

A release's wheel (scripts/release, from a commit) is the same byte for byte each time it is built, its
SHA256SUMS names it, and `bulletin init --paket` locks that hash in the desk it makes.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support import BIN, EDISI, ROOT, cli, copy_project, environment

from generator import __version__

pytestmark = pytest.mark.build

PACKAGE = ROOT / "generator"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("roda")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                             "-q", "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=300,
                            cwd=out)  # setuptools writes its build/ folder beside the wheel, not in the checkout
    assert result.returncode == 0, result.stdout + result.stderr
    (found,) = out.glob("buletin_desk_pilkada-*.whl")
    return found


def tracked_package_files() -> set[str]:
    listed = subprocess.run(["git", "ls-files", "generator"], cwd=ROOT, capture_output=True, text=True, check=True)
    return {line for line in listed.stdout.splitlines() if line}


def test_the_wheel_holds_every_file_of_the_package(wheel):
    with zipfile.ZipFile(wheel) as archive:
        inside = {name: hashlib.sha256(archive.read(name)).hexdigest() for name in archive.namelist()
                  if name.startswith("generator/")}
    tracked = tracked_package_files()
    assert tracked - set(inside) == set(), "files of the package missing from the wheel"
    for name in tracked:
        assert inside[name] == hashlib.sha256((ROOT / name).read_bytes()).hexdigest(), name
    assert {"generator/build/theme/main.html", "generator/build/theme/assets/stylesheets/bulletin.css",
            "generator/render/templates/kecamatan.md.j2",
            "generator/domain/reference/wilayah-kemendagri-2025.csv"} <= set(inside)


def test_a_desk_builds_with_the_wheel_alone(wheel, tmp_path):
    unpacked = tmp_path / "paket"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    desk = copy_project(tmp_path / "desk", ("data", "content", "mkdocs.yml"))
    # the desk replaces one of the product's pages with its own; the other comes from the package
    (desk / "content" / "cara-membaca.md").write_text("# Cara membaca buletin\n\nPanduan membaca dari desk.\n",
                                                       encoding="utf-8")
    env = environment(PYTHONPATH=str(unpacked))
    where = subprocess.run([sys.executable, "-c", "import generator, generator.build.plugin as p; "
                            "print(generator.__file__); print(p.__file__)"],
                           capture_output=True, text=True, env=env, cwd=desk, check=True).stdout.split()
    assert all(Path(path).is_relative_to(unpacked) for path in where), where
    result = subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(desk), "build", "--site-dir",
                             str(desk / "site"), "--cache-dir", str(tmp_path / "cache")],
                            capture_output=True, text=True, env=env, cwd=desk, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    css = desk / "site" / "publik" / EDISI / "assets" / "stylesheets" / "bulletin.css"
    assert css.read_bytes() == (unpacked / "generator" / "build" / "theme" / "assets" / "stylesheets" /
                                "bulletin.css").read_bytes()
    own = (desk / "site" / "publik" / EDISI / "cara-membaca" / "index.html").read_text(encoding="utf-8")
    assert "Panduan membaca dari desk." in own and "Status kesiapan" not in own
    guide = (desk / "site" / "publik" / EDISI / "panduan-editor" / "index.html").read_text(encoding="utf-8")
    assert "Panduan editor data" in guide and "pull request" in guide
    page = (desk / "site" / "publik" / EDISI / "index.html").read_text(encoding="utf-8")
    assert "assets/stylesheets/bulletin.css" in page
    toggles = re.findall(r'<input\b[^>]*type="checkbox"[^>]*>', page)  # the plugin's fix of Material's markup
    assert toggles and not [tag for tag in toggles if "autocomplete" in tag], toggles


def test_a_release_is_reproducible_and_its_hash_is_locked_by_init(tmp_path):
    runs = []
    for name in ("pertama", "kedua"):
        out = tmp_path / name
        result = subprocess.run([str(ROOT / "scripts" / "release"), "--out", str(out)], capture_output=True,
                                text=True, timeout=300, env=environment(BIN=str(BIN)))
        assert result.returncode == 0, result.stdout + result.stderr
        (wheel,) = out.glob("*.whl")
        runs.append((wheel, (out / "SHA256SUMS").read_text(encoding="utf-8")))
    (first, sums), (second, _) = runs
    assert first.name == second.name == f"buletin_desk_pilkada-{__version__}-py3-none-any.whl"
    assert first.read_bytes() == second.read_bytes(), "two builds of one commit differ"
    digest = hashlib.sha256(first.read_bytes()).hexdigest()
    assert sums == f"{digest}  {first.name}\n" == runs[1][1]

    made = cli("init", tmp_path / "desk", "--wilayah", "62.03", "--paket", first)
    assert made.exit_code == 0 and "Peringatan" not in made.stderr, made.stdout + made.stderr
    lock = (tmp_path / "desk" / "requirements.txt").read_text(encoding="utf-8")
    assert f"buletin-desk-pilkada=={__version__} \\\n    --hash=sha256:{digest}\n" in lock
