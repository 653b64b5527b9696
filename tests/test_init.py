"""`bulletin init`: a new desk for any region of the Kemendagri reference, valid and buildable at once.

* a kabupaten desk (Kapuas, 62.03): its files, the restricted tree beside it (never inside), 0 errors, and both
  site editions built by real MkDocs;
* a province and the national desk: 0 errors, a folder per kabupaten/kota (and per province), the elections each
  region really holds (no governor election in DI Yogyakarta, no regent or mayor election in DKI Jakarta);
* drawn kabupaten/kota codes, made, validated, built and crawled: tests/test_desks.py;
* what the command refuses, in words; no message or written file says `None` or leaves a `{…}` unformatted.

The commands run in this process (support.cli); only the build runs MkDocs.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml
from support import cli

from generator.domain.regions import REFERENCE

EDISI = "pilkada-2029"
VOTING_DAY = "2029-11-28"
UNFORMATTED = re.compile(r"\bNone\b|\{[^}\n]*\}|\{\{|\}\}")

with open(REFERENCE, newline="", encoding="utf-8") as _handle:
    CODES = {row["kode"]: row["nama"] for row in csv.DictReader(_handle)}


def init(folder: Path, wilayah: str, *more: str):
    result = cli("init", folder, "--wilayah", wilayah, "--pemungutan", VOTING_DAY, *more)
    assert result.exit_code == 0, result.output
    assert not UNFORMATTED.search(result.output), result.output
    return result


def validated(folder: Path) -> str:
    result = cli("validate", project=folder)
    assert result.exit_code == 0, result.output
    assert "tidak ada kesalahan" in result.output or "0 kesalahan" in result.output, result.output
    assert not UNFORMATTED.search(result.output), result.output
    return result.output


def edition(folder: Path, edisi: str = EDISI) -> dict:
    return yaml.safe_load((folder / "data" / edisi / "edisi.yml").read_text(encoding="utf-8"))


def written_text(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file() and "schemas" not in p.parts}


@pytest.fixture(scope="module")
def kapuas(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("desk") / "desk-kapuas"
    init(folder, "62.03")
    return folder


def test_a_kabupaten_desk_has_every_part(kapuas):
    files = written_text(kapuas)
    for name in ("mkdocs.yml", "README.md", "content/tentang.md", ".gitignore", ".pre-commit-config.yaml",
                 ".github/CODEOWNERS", ".vscode/settings.json", ".vscode/extensions.json",
                 f"data/{EDISI}/edisi.yml"):
        assert name in files, name
    agencies = {Path(name).stem for name in files if name.startswith(f"data/{EDISI}/instansi/")}
    assert agencies == {"setda", "kesbangpol", "kpu", "bawaslu", "polres", "kodim", "disdukcapil", "satpol-pp"}
    kecamatan = sorted(name for name in files if name.startswith(f"data/{EDISI}/kecamatan/"))
    assert len(kecamatan) == sum(1 for code in CODES if code.startswith("62.03.") and code.count(".") == 2)
    assert all(files[name].startswith("# yaml-language-server: $schema=../../../schemas/kecamatan.schema.json\n")
               for name in kecamatan)
    assert (kapuas / "schemas" / "kecamatan.schema.json").is_file()
    # the product is not copied into the desk
    assert not (kapuas / "generator").exists() and not (kapuas / "theme").exists()
    assert {"cara-membaca.md", "panduan-editor.md"}.isdisjoint(p.name for p in (kapuas / "content").iterdir())

    config = files["mkdocs.yml"]
    assert 'site_name: "Buletin Desk Pilkada Kabupaten Kapuas"' in config
    assert 'short_title: "Desk Pilkada Kapuas"' in config
    assert "repositori: publik" in config and 'terbatas: "../desk-kapuas-terbatas"' in config
    data = edition(kapuas)
    assert data["wilayah"] == {"tingkat": "kabupaten", "provinsi": "62", "kabupaten": ["62.03"]}
    assert data["pemilihan"] == ["Gubernur dan Wakil Gubernur Kalimantan Tengah", "Bupati dan Wakil Bupati Kapuas"]
    assert str(data["pemungutan_suara"]["rencana"]) == VOTING_DAY and data["zona_waktu"] == "WIB"
    jenamas_like = yaml.safe_load(files[kecamatan[0]])
    assert jenamas_like["desa"] and all(d["kode"].startswith(jenamas_like["kode"] + ".") for d in jenamas_like["desa"])
    kpu = yaml.safe_load(files[f"data/{EDISI}/instansi/kpu.yml"])
    assert kpu["nama"] == "Komisi Pemilihan Umum Kabupaten Kapuas" and kpu["kontak"] == [] and kpu["peran"]
    for name, text in files.items():
        if not name.endswith(".json") and not name.startswith(".github/workflows/"):  # GitHub's ${{ }}: test_desk_files
            assert not UNFORMATTED.search(text), (name, UNFORMATTED.search(text))


def test_the_restricted_tree_is_beside_the_desk_never_inside(kapuas):
    restricted = kapuas.parent / "desk-kapuas-terbatas"
    assert (restricted / "README.md").is_file() and (restricted / EDISI).is_dir()
    assert "repositori **privat**" in (restricted / "README.md").read_text(encoding="utf-8")
    assert not list(kapuas.rglob("*terbatas*"))


def test_a_new_desk_is_valid(kapuas):
    """0 errors at once (what is still to fill are warnings). Its build, and what its pages say while nothing has
    come in, are tests/test_desks.py's: every kabupaten desk there is made by the same command."""
    validated(kapuas)


def test_a_province_desk_keeps_a_folder_per_kabupaten(tmp_path):
    folder = tmp_path / "desk-diy"
    init(folder, "34")
    validated(folder)
    data = edition(folder)
    assert data["wilayah"] == {"tingkat": "provinsi", "provinsi": "34"}
    assert data["jenis"] == "serentak" and not any("Gubernur" in e for e in data["pemilihan"])  # the Sultan
    folders = {p.parent.name for p in (folder / "data" / EDISI / "kecamatan").rglob("*.yml")}
    assert len(folders) == 5 and {"bantul", "sleman", "kota-yogyakarta"} <= folders, folders
    assert (folder / "data" / EDISI / "instansi" / "polda.yml").is_file()


def test_jakarta_elects_its_governor_only(tmp_path):
    folder = tmp_path / "desk-jaksel"
    init(folder, "31.74")
    data = edition(folder)
    assert data["jenis"] == "pilgub" and data["pemilihan"] == ["Gubernur dan Wakil Gubernur Daerah Khusus Ibukota Jakarta"]
    validated(folder)


@pytest.mark.slow
def test_the_national_desk(tmp_path, request):
    """The whole country: 7,285 kecamatan written and validated (10 to 40 s). `make test` builds a national desk
    made by the same code from two provinces (tests/test_desks.py); this runs with the larger budget by hand:
    pytest tests/test_init.py tests/test_desks.py --desk-examples 40."""
    if request.config.getoption("--desk-examples") <= 1:
        pytest.skip("the whole country by hand: --desk-examples 2 or more (make test: tests/test_desks.py's national "
                    "desk of two provinces)")
    folder = tmp_path / "desk-nasional"
    result = init(folder, "nasional", "--edisi", "pilkada-nasional-2029")
    assert "7285 kecamatan" in result.output
    validated(folder)
    data = edition(folder, "pilkada-nasional-2029")
    assert data["wilayah"]["tingkat"] == "nasional" and len(data["wilayah"]["provinsi"]) == 38
    assert data["pemilihan"] == ["Gubernur dan Wakil Gubernur di 37 provinsi",
                                 "Bupati dan Wakil Bupati serta Wali Kota dan Wakil Wali Kota di 508 kabupaten/kota"]
    assert (folder / "data" / "pilkada-nasional-2029" / "kecamatan" / "kalimantan-tengah" / "barito-selatan" /
            "jenamas.yml").is_file()


@pytest.mark.parametrize("wilayah, words", [
    ("99.99", "bukan kode provinsi"),
    ("62.03.01", "bukan kode provinsi (mis. \"62\") atau kabupaten/kota"),
    ("kabupaten kapuas", "bukan kode provinsi"),
])
def test_a_region_that_is_not_one_is_refused_in_words(tmp_path, wilayah, words):
    result = cli("init", tmp_path / "desk", "--wilayah", wilayah, "--pemungutan", VOTING_DAY)
    assert result.exit_code == 2 and words in result.output, result.output
    assert not (tmp_path / "desk").exists()
    assert not UNFORMATTED.search(result.output), result.output


def test_a_folder_in_use_is_refused_and_left_as_it_was(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "catatan.txt").write_text("milik desk", encoding="utf-8")
    result = cli("init", folder, "--wilayah", "62.03", "--pemungutan", VOTING_DAY)
    assert result.exit_code == 2 and "sudah ada dan tidak kosong" in result.output, result.output
    assert [p.name for p in folder.iterdir()] == ["catatan.txt"]


def test_an_edition_id_that_is_not_a_slug_is_refused(tmp_path):
    result = cli("init", tmp_path / "desk", "--wilayah", "62.03", "--pemungutan", VOTING_DAY, "--edisi", "Pilkada 2029")
    assert result.exit_code == 2 and "huruf kecil, angka dan tanda hubung" in result.output, result.output


@pytest.mark.build
def test_a_desk_whose_voting_day_is_not_set_yet(tmp_path):
    """KPU has not set the day: the desk starts anyway. validate names the missing day as a warning at its line,
    and the pages count nothing down."""
    folder = tmp_path / "desk-kapuas"
    result = cli("init", folder, "--wilayah", "62.03")
    assert result.exit_code == 0, result.output
    edisi = folder / "data" / "pilkada-berikutnya" / "edisi.yml"
    lines = edisi.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.startswith("  rencana:"))
    checked = cli("validate", project=folder)
    assert checked.exit_code == 0, checked.output
    assert f"data/pilkada-berikutnya/edisi.yml:{line}:" in checked.output, checked.output
    assert "pemungutan_suara.rencana: peringatan: hari pemungutan suara belum diisi" in checked.output, checked.output
    assert not UNFORMATTED.search(checked.output), checked.output
    site = tmp_path / "site"
    built = cli("build", "--site-dir", site, "--cache-dir", tmp_path / "cache", project=folder)
    assert built.exit_code == 0, built.output
    home = (site / "publik" / "pilkada-berikutnya" / "index.html").read_text(encoding="utf-8")
    assert "Belum ditetapkan" in home and "H-" not in home and "Hari H" not in home
