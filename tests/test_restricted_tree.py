"""Two places for data: data/ (what may be public) and the restricted tree laid over it record by record.

* ``generator.load.overlay`` places each restricted field and record by its key (``id``, a report's ``tanggal``),
  never by position, and a merged value keeps the file and line it came from;
* the guard ``bulletin validate --public-only`` finds every restricted value in data/, at its line;
* ``bulletin split`` turns the one-tree layout of an existing desk into the two trees: both validate, data/
  means what it meant, a second split changes nothing, invalid data is refused with nothing changed, and the two
  editions built from both trees are the same, page for page, as those built from the one tree;
* the restricted tree can be given by ``--restricted`` or ``BULETIN_TERBATAS`` as well as by mkdocs.yml;
* the pre-commit hook stops a commit that puts a restricted value into the data of a public repository.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.load.overlay import overlay
from generator.load.reader import load_document
from generator.load.schema import Instansi, Kecamatan, Rapat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import cli, environment  # noqa: E402
from trees import RESTRICTED, ROOT, copy_project, declare, join, yaml_files  # noqa: E402

BIN = Path(sys.executable).parent
ENV = environment()


def run(*args: str, env: dict | None = None) -> tuple[int, str]:
    """The CLI in-process: exit code and everything it printed."""
    result = cli(*args, env=env)
    return result.exit_code, result.output


def document(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    loaded, problems = load_document(path, name)
    assert loaded is not None and not problems, problems
    return loaded


# --- 1. merge: by key, never by position ----------------------------------------------------------


INSTANSI = """\
slug: polres
nama: Kepolisian Resor Contoh
singkatan: Polres
kontak:
- id: kapolres
  jabatan: Kapolres
  telepon_kantor: "(0525) 21110"
- id: kasat-intelkam
  jabatan: Kasat Intelkam
  telepon_kantor: "(0525) 21111"
"""


def test_restricted_field_goes_onto_the_record_with_its_id_and_keeps_its_line(tmp_path):
    public = document(tmp_path, "data/polres.yml", INSTANSI)
    secret = document(tmp_path, "terbatas/polres.yml", """\
# kontak terbatas
kontak:
- id: kasat-intelkam
  telepon_pribadi: "0812 0000 0001"
""")
    merged, problems = overlay(public, secret, Instansi)
    assert not problems, [p.format() for p in problems]
    kontak = merged.data["kontak"]
    assert [k["id"] for k in kontak] == ["kapolres", "kasat-intelkam"], "a field adds no record"
    assert kontak[1]["telepon_pribadi"] == "0812 0000 0001" and "telepon_pribadi" not in kontak[0]
    assert kontak[1]["jabatan"] == "Kasat Intelkam"
    assert merged.origin(("kontak", 1, "telepon_pribadi")) == "terbatas/polres.yml"
    assert merged.origin(("kontak", 1, "jabatan")) == "data/polres.yml"
    problem = merged.problem(("kontak", 1, "telepon_pribadi"), "contoh")
    assert problem.format().startswith("terbatas/polres.yml:4:"), problem.format()


def test_restricted_record_follows_the_record_it_names_or_opens_the_list(tmp_path):
    public = document(tmp_path, "data/rapat.yml", """\
judul: Rapat contoh
tanggal: 2024-07-23
agenda:
- id: pembukaan
  topik: Pembukaan
- id: logistik
  topik: Logistik
""")
    secret = document(tmp_path, "terbatas/rapat.yml", """\
agenda:
- setelah: pembukaan
  topik: Rincian pengamanan
  akses: terbatas
- topik: Catatan intelijen
  akses: terbatas
""")
    merged, problems = overlay(public, secret, Rapat)
    assert not problems, [p.format() for p in problems]
    assert [a["topik"] for a in merged.data["agenda"]] == [
        "Catatan intelijen", "Pembukaan", "Rincian pengamanan", "Logistik"]
    assert all("setelah" not in a for a in merged.data["agenda"]), "the placement key is not data"
    assert merged.origin(("agenda", 2, "topik")) == "terbatas/rapat.yml"


def test_order_of_the_restricted_file_does_not_matter(tmp_path):
    public = document(tmp_path, "data/polres.yml", INSTANSI)
    first = document(tmp_path, "a/polres.yml", """\
kontak:
- id: kasat-intelkam
  nip: "19860926 201505 1 001"
- id: kapolres
  telepon_pribadi: "0812 0000 0002"
""")
    second = document(tmp_path, "b/polres.yml", """\
kontak:
- id: kapolres
  telepon_pribadi: "0812 0000 0002"
- id: kasat-intelkam
  nip: "19860926 201505 1 001"
""")
    assert overlay(public, first, Instansi)[0].data == overlay(public, second, Instansi)[0].data


def test_dated_report_is_found_by_its_date(tmp_path):
    public = document(tmp_path, "data/jenamas.yml", """\
kode: "62.04.01"
nama: Jenamas
laporan:
- tanggal: 2024-10-01
  sumber: camat-jenamas
- tanggal: 2024-11-14
  sumber: camat-jenamas
""")
    secret = document(tmp_path, "terbatas/jenamas.yml", """\
laporan:
- tanggal: "2024-11-14"
  usulan_asn_panwascam:
    daftar:
    - nama: Contoh ASN
      nip: "19870415 201001 1 003"
""")
    merged, problems = overlay(public, secret, Kecamatan)
    assert not problems, [p.format() for p in problems]
    laporan = merged.data["laporan"]
    assert "usulan_asn_panwascam" not in laporan[0]
    assert laporan[1]["usulan_asn_panwascam"]["daftar"][0]["nama"] == "Contoh ASN"


def test_restricted_value_that_contradicts_the_public_one_is_refused_at_its_line(tmp_path):
    public = document(tmp_path, "data/polres.yml", INSTANSI)
    secret = document(tmp_path, "terbatas/polres.yml", """\
kontak:
- id: kapolres
  jabatan: Wakapolres
- setelah: tidak-ada
  jabatan: Ajudan
""")
    _, problems = overlay(public, secret, Instansi)
    formatted = sorted(p.format() for p in problems)
    assert len(formatted) == 2, formatted
    assert formatted[0].startswith("terbatas/polres.yml:3:") and "kontak[0].jabatan" in formatted[0], formatted
    assert formatted[1].startswith("terbatas/polres.yml:4:") and "tidak-ada" in formatted[1], formatted


# --- 2. the example as a desk had it before the split ---------------------------------------------


@pytest.fixture(scope="module")
def joined(tmp_path_factory) -> Path:
    """The example with its restricted tree merged into data/ (declared private), as before the split."""
    project = copy_project(tmp_path_factory.mktemp("satu-pohon"))
    join(project)
    return project


def test_guard_finds_every_restricted_value_in_data_at_its_line(joined):
    code, output = run("--project", joined, "validate", "--public-only")
    assert code == 1, output
    findings = [line for line in output.splitlines() if "padahal repositori ini publik" in line]
    assert len(findings) >= 20, output
    pattern = re.compile(r"^(data/[^:]+):(\d+):(\d+): ([^:]+): ")
    for finding in findings:
        match = pattern.match(finding)
        assert match, finding
        name, line, where = match[1], int(match[2]), match[4]
        source = (joined / name).read_text(encoding="utf-8").splitlines()[line - 1]
        last = re.sub(r"\[\d+\]$", "", where.split(".")[-1])
        assert last in source or source.lstrip().startswith("-"), f"{finding}\n  line {line}: {source!r}"
        assert "bulletin split" in finding, finding
    named = {f.split(":")[0] for f in findings}
    assert {"data/pilkada-2024/instansi/polres.yml", "data/pilkada-2024/kecamatan/jenamas.yml",
            "data/pilkada-2024/rapat/2024-07-23-rapat-koordinasi-desk-pilkada.yml"} <= named, named


def test_guard_passes_the_example_as_it_is_in_the_repository():
    code, output = run("--project", ROOT, "validate", "--public-only")
    assert code == 0, output
    code, output = run("--project", ROOT, "validate", "--public-only", "--restricted", ROOT / RESTRICTED)
    assert code == 0, output


@pytest.fixture(scope="module")
def split_example(joined, tmp_path_factory) -> tuple[Path, str]:
    """The joined example split again by ``bulletin split``; returns the project and what the command printed."""
    project = tmp_path_factory.mktemp("dipisah") / "proyek"
    shutil.copytree(joined, project)
    code, output = run("--project", project, "split", "--restricted", project / RESTRICTED)
    assert code == 0, output
    return project, output


def _meaning(folder: Path) -> dict[str, object]:
    """What each YAML file says, its dates as text (a date quoted or not is the same date to the loader)."""
    return {name: json.loads(json.dumps(yaml.safe_load(text), default=str)) for name, text in yaml_files(folder).items()}


def test_split_gives_two_trees_that_validate(split_example):
    project, output = split_example
    assert "berkas dipisah" in output and "bagian terbatas dipindah" in output, output
    declare(project, repository="publik")
    try:
        code, report = run("--project", project, "validate", "--public-only")
        assert code == 0, report
    finally:
        declare(project, repository="privat")


def test_split_public_data_means_what_the_repository_data_means(split_example):
    """The split of the joined example gives back the example's own two trees (same meaning, ids included)."""
    project, _ = split_example
    assert _meaning(project / "data") == _meaning(ROOT / "data")
    assert _meaning(project / RESTRICTED) == _meaning(ROOT / RESTRICTED)


def test_split_keeps_comments_and_untouched_lines(split_example, joined):
    project, _ = split_example
    before = (ROOT / "data" / "pilkada-2024" / "kecamatan" / "dusun-selatan.yml").read_text(encoding="utf-8")
    assert (project / "data" / "pilkada-2024" / "kecamatan" / "dusun-selatan.yml").read_text(
        encoding="utf-8") == before, "a file without restricted values is left as it was"
    polres = (project / "data" / "pilkada-2024" / "instansi" / "polres.yml").read_text(encoding="utf-8")
    assert "telepon_pribadi" not in polres and "pengamanan:" not in polres


def test_second_split_changes_nothing(split_example, tmp_path):
    project, _ = split_example
    again = tmp_path / "lagi"
    shutil.copytree(project, again)
    code, output = run("--project", again, "split", "--restricted", again / RESTRICTED)
    assert code == 0, output
    assert yaml_files(again / "data") == yaml_files(project / "data")
    assert yaml_files(again / RESTRICTED) == yaml_files(project / RESTRICTED)


def test_split_refuses_invalid_data_and_changes_nothing(joined, tmp_path):
    project = tmp_path / "rusak"
    shutil.copytree(joined, project)
    bad = project / "data" / "pilkada-2024" / "kecamatan" / "jenamas.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("kode:", "kode_salah:", 1), encoding="utf-8")
    before = yaml_files(project / "data")
    code, output = run("--project", project, "split", "--restricted", project / RESTRICTED)
    assert code == 1, output
    assert "Tidak dipisah" in output and "\ndata/pilkada-2024/kecamatan/jenamas.yml:" in output, output
    assert "Traceback" not in output
    assert yaml_files(project / "data") == before
    assert not (project / RESTRICTED).exists()


# --- 3. the same site from one tree and from two ----------------------------------------------------


def _build(project: Path, site: Path) -> None:
    result = subprocess.run([str(BIN / "bulletin"), "--project", str(project), "build", "--site-dir",
                             str(site), "--cache-dir", str(site.parent / "cache")], capture_output=True, text=True,
                            env=ENV, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def _differences(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only (the gzipped sitemap carries its build's time)."""
    out = []
    compare = filecmp.dircmp(left, right)
    stack = [(compare, "")]
    while stack:
        node, prefix = stack.pop()
        out += [f"{prefix}{n} (only one side)" for n in node.left_only + node.right_only]
        out += [f"{prefix}{n}" for n in node.diff_files if not n.endswith(".gz")]
        stack += [(sub, f"{prefix}{name}/") for name, sub in node.subdirs.items()]
    return out


@pytest.mark.build
def test_both_editions_from_both_trees_are_those_from_one_tree(joined, built_site, tmp_path):
    """The joined example builds the site that the example's own two trees build (the session's ``built_site``).
    The split of the joined example gives those two trees back (test_split_public_data_means_…), so this is also
    the site of the split."""
    one = tmp_path / "satu"
    _build(joined, one)
    for edition in ("publik", "internal"):
        pages = list((one / edition).rglob("index.html"))
        assert len(pages) >= 60, edition
        differences = _differences(one / edition, built_site / edition)
        assert not differences, f"{edition}: {differences[:20]}"


# --- 4. where the restricted tree comes from ---------------------------------------------------------


@pytest.fixture()
def unnamed(tmp_path) -> Path:
    """The example with mkdocs.yml naming no restricted tree (as on a CI runner that fetches it elsewhere)."""
    project = copy_project(tmp_path / "proyek")
    declare(project, restricted=None)
    return project


def _internal_polres(project: Path, out: Path, env: dict | None = None, *extra: str) -> str:
    code, output = run("--project", project, "render", *extra, "--edition", "internal", "--out", out, env=env)
    assert code == 0, output
    return (out / "instansi" / "polres.md").read_text(encoding="utf-8")


def test_restricted_tree_from_the_environment_or_the_option(unnamed, tmp_path):
    secret = yaml.safe_load((ROOT / RESTRICTED / "pilkada-2024" / "instansi" / "polres.yml").read_text())
    lokasi = secret["pengamanan"][0]["lokasi"]
    without = _internal_polres(unnamed, tmp_path / "tanpa", {"BULETIN_TERBATAS": None})
    assert lokasi not in without
    by_env = _internal_polres(unnamed, tmp_path / "env", {"BULETIN_TERBATAS": str(unnamed / RESTRICTED)})
    assert lokasi in by_env
    by_option = _internal_polres(unnamed, tmp_path / "opsi", {"BULETIN_TERBATAS": None},
                                 "--restricted", str(unnamed / RESTRICTED))
    assert by_option == by_env


# --- 5. the pre-commit hook ----------------------------------------------------------------------------


def git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**ENV, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "GIT_AUTHOR_NAME": "Uji",
           "GIT_AUTHOR_EMAIL": "uji@contoh.go.id", "GIT_COMMITTER_NAME": "Uji",
           "GIT_COMMITTER_EMAIL": "uji@contoh.go.id"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, timeout=300)


def test_pre_commit_hook_stops_a_restricted_value_in_a_public_repository(tmp_path):
    repo = copy_project(tmp_path / "desk", ("data", "content", "mkdocs.yml"))
    shutil.copytree(ROOT / "scripts" / "git-hooks", repo / "scripts" / "git-hooks")
    assert git(repo, "init", "-q").returncode == 0
    git(repo, "config", "core.hooksPath", "scripts/git-hooks")
    git(repo, "add", "-A")
    first = git(repo, "commit", "-qm", "data publik")
    assert first.returncode == 0, first.stdout + first.stderr

    polres = repo / "data" / "pilkada-2024" / "instansi" / "polres.yml"
    polres.write_text(polres.read_text(encoding="utf-8") + "notulen_internal: Rahasia\n", encoding="utf-8")
    # also a change not staged: the hook checks what is committed, not the working tree
    (repo / "data" / "pilkada-2024" / "edisi.yml").write_text("rusak: [\n", encoding="utf-8")
    git(repo, "add", str(polres))
    refused = git(repo, "commit", "-qm", "bocor")
    assert refused.returncode != 0
    assert re.search(r"data/pilkada-2024/instansi/polres\.yml:\d+:\d+: ", refused.stderr + refused.stdout), \
        refused.stdout + refused.stderr
    assert "Commit dibatalkan" in refused.stderr
    assert "edisi.yml" not in refused.stdout + refused.stderr, "the hook read the unstaged change"
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"


POLRES_PUBLIK = """\
singkatan: Polres
nama: Kepolisian Resor Contoh
jenis: polri
peran: Pengamanan tahapan pemilihan.
# kontak kantor, publik
kontak:
  - jabatan: Markas Polres
    telepon_kantor: "(0525) 21110"
"""


def test_split_moves_the_comments_that_head_a_restricted_block(tmp_path):
    public = tmp_path / "data" / "uji-2020" / "instansi" / "polres.yml"
    public.parent.mkdir(parents=True)
    shutil.copy2(ROOT / "tests" / "examples" / "base" / "data" / "uji-2020" / "edisi.yml", public.parent.parent)
    public.write_text(POLRES_PUBLIK + """\

# --- TERBATAS: penempatan personel (UU 14/2008 Pasal 17 huruf c)
pengamanan:
  - kecamatan: "62.04.01"
    lokasi: Gudang logistik
    satuan: Sat Samapta
    personel: 8
    tugas: Penjagaan gudang
risiko:
  - uraian: Rencana pengerahan massa saat rekapitulasi
    tahap: sesudah
    kategori: keamanan
    tingkat: tinggi
    mitigasi: Penebalan personel.
    status: dipantau
    tanggal: 2020-10-01
    akses: terbatas
    dasar: UU 14/2008 Pasal 17 huruf c
""", encoding="utf-8")
    schema_line = "# yaml-language-server: $schema=../../../schemas/instansi.schema.json\n"
    kodim = public.with_name("kodim.yml")  # its restricted block comes first: the schema line stays above the rest
    kodim.write_text(schema_line + """\
pengamanan:
  - kecamatan: "62.04.01"
    lokasi: Jalur darat
    satuan: Kodim
    personel: 4
    tugas: Patroli
""" + POLRES_PUBLIK.replace("Polres", "Kodim"), encoding="utf-8")
    code, output = run("--project", tmp_path, "split", "--restricted", tmp_path / "terbatas")
    assert code == 0, output
    assert kodim.read_text(encoding="utf-8") == schema_line + POLRES_PUBLIK.replace("Polres", "Kodim")
    # a list that moved as a whole (no risiko left in data/) is opened in the restricted file, and both trees pass
    code, output = run("--project", tmp_path, "validate", "--public-only", "--restricted", tmp_path / "terbatas")
    guard = [line for line in output.splitlines() if "bukan informasi terbatas" in line or "repositori ini publik" in line]
    assert not guard and "terbatas/uji-2020/instansi/polres.yml:" in output, output  # (other files are missing)
    assert public.read_text(encoding="utf-8") == POLRES_PUBLIK, "the rest of the file is as it was"
    secret = (tmp_path / "terbatas" / "uji-2020" / "instansi" / "polres.yml").read_text(encoding="utf-8")
    assert "# --- TERBATAS: penempatan personel (UU 14/2008 Pasal 17 huruf c)\npengamanan:" in secret, secret
    assert yaml.safe_load(secret)["pengamanan"][0]["lokasi"] == "Gudang logistik"
