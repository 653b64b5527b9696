"""`bulletin new rapat|laporan|kecamatan`: each new file validates as made, or fails only on the fields the
command tells the editor to fill; a new report leaves every other line of its agency's file as it was."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from support import cli
from test_examples import problem_lines, run_validate
from test_schemas import error_paths, schema_errors

from generator.domain.regions import region_tree
from generator.load.schema import Rapat

ROOT = Path(__file__).resolve().parents[1]
EDITION = "data/pilkada-2024"
PROBLEM_PATH = re.compile(r"[^:]+:[0-9]+:[0-9]+: ([^:]+): ")


@pytest.fixture
def project(tmp_path) -> Path:
    """The example's public data, content and schemas (not its restricted tree: new files copy data/ only)."""
    target = tmp_path / "project"
    for name in ("data", "content", "schemas"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def bulletin(project: Path, *args: str):
    return cli(*args, project=project)


def fill_paths(output: str) -> list[str]:
    line = next(line for line in output.splitlines() if line.startswith("Isi bidang ini"))
    return line.split(": ", 1)[1].split(", ")


def problems_at(project: Path) -> list[tuple[str, str]]:
    """(file, field path) of every error `bulletin validate` reports."""
    result = run_validate(project)
    out = []
    for line in problem_lines(result):
        if ": peringatan: " in line:
            continue
        out.append((line.split(":", 1)[0], PROBLEM_PATH.match(line)[1]))
    return out


def test_new_meeting_fails_only_on_what_it_asks_for_then_validates(project):
    result = bulletin(project, "new", "rapat", "--tanggal", "2024-12-02", "--judul", "Rapat evaluasi pasca pemungutan suara")
    assert result.exit_code == 0, result.output
    name = f"{EDITION}/rapat/2024-12-02-rapat-evaluasi-pasca-pemungutan-suara.yml"
    assert f"Ditulis: {name}" in result.output
    assert fill_paths(result.output) == ["ringkasan"]
    assert problems_at(project) == [(name, "ringkasan")]
    # the schema an editor's YAML extension applies says the same, and nothing else
    errors = schema_errors(project)
    assert list(errors) == [name]
    assert {p for e in errors[name] for p in error_paths(e)} >= {"ringkasan"}
    assert all("ringkasan" in error_paths(e) for e in errors[name])
    path = project / name
    path.write_text(path.read_text(encoding="utf-8").replace('ringkasan: ""', "ringkasan: Evaluasi pemungutan suara."),
                    encoding="utf-8")
    assert problems_at(project) == []
    assert schema_errors(project) == {}


def test_new_meeting_has_every_field_commented_and_carries_open_items_forward(project):
    bulletin(project, "new", "rapat", "--tanggal", "2024-12-02", "--judul", "Rapat evaluasi")
    text = (project / EDITION / "rapat/2024-12-02-rapat-evaluasi.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/rapat.schema.json\n")
    public = [name for name, f in Rapat.model_fields.items() if f.json_schema_extra.get("x-akses") == "publik"]
    for name in public:
        assert re.search(rf"^#? ?{name}:", text, flags=re.M), name
    assert "notulen_internal" not in text  # restricted: never offered in a file of data/
    lines = text.splitlines()
    for before, line in zip(lines, lines[1:]):
        if re.match(r"[a-z_]+:", line):  # every top-level key is commented, on its line or the line above
            assert " # " in line or before.startswith("# "), line
    # the attendees: every agency and every camat of the edition
    assert re.findall(r"^  - ([a-z0-9-]+)$", text, flags=re.M)[:3] == ["setda", "bawaslu", "disdukcapil"]
    assert "  - camat-jenamas" in text
    # open action items of earlier meetings, with their current status; done ones are not carried
    carried = dict(re.findall(r"^  - id: (tl-[0-9-]+)\n.*\n    status: ([a-z]+)$", text, flags=re.M))
    assert carried["tl-2024-09"] == "berjalan" and carried["tl-2024-13"] == "terbuka"
    assert all(status in ("terbuka", "berjalan", "terhambat") for status in carried.values())
    assert "tl-2024-01" not in carried


def test_new_meeting_before_any_other_asks_for_place_and_chair(project):
    result = bulletin(project, "new", "rapat", "--tanggal", "2024-01-05", "--judul", "Rapat pembentukan desk")
    assert fill_paths(result.output) == ["tempat", "pimpinan.nama", "pimpinan.jabatan", "ringkasan"]
    name = f"{EDITION}/rapat/2024-01-05-rapat-pembentukan-desk.yml"
    assert sorted(problems_at(project)) == sorted(
        (name, p) for p in ["tempat", "pimpinan.nama", "pimpinan.jabatan", "ringkasan"])
    assert "perkembangan: []" in (project / name).read_text(encoding="utf-8")


def test_new_report_only_adds_lines_and_fails_only_on_its_figures(project):
    path = project / EDITION / "instansi/disdukcapil.yml"
    before = path.read_text(encoding="utf-8").splitlines()
    result = bulletin(project, "new", "laporan", "--instansi", "disdukcapil", "--tanggal", "2024-12-01")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8").splitlines()
    diff = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ", "? ")]
    assert diff and all(line.startswith("+ ") for line in diff)  # nothing removed or changed
    assert fill_paths(result.output) == [f"laporan_kependudukan[3].kecamatan[*].{f}"
                                         for f in ("penduduk", "wajib_ktp", "ektp_rekam", "ektp_cetak")]
    name = f"{EDITION}/instansi/disdukcapil.yml"
    found = problems_at(project)
    assert len(found) == 24 and {f for f, _ in found} == {name}
    assert all(re.fullmatch(r"laporan_kependudukan\[3\]\.kecamatan\[[0-5]\]\.(penduduk|wajib_ktp|ektp_rekam|ektp_cetak)", p)
               for _, p in found)


def test_new_report_keeps_crlf_comments_and_quoting(project):
    path = project / EDITION / "instansi/kpu.yml"
    original = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    original = original.replace(b"jenis: kpu", b"jenis: kpu   # jenis 'kpu'", 1)
    path.write_bytes(original)
    bulletin(project, "new", "laporan", "--instansi", "kpu", "--tanggal", "2024-12-01")
    new = path.read_bytes()
    assert b"\n" not in new.replace(b"\r\n", b"")
    old_lines, new_lines = original.split(b"\r\n"), new.split(b"\r\n")
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    assert all(tag == "insert" for tag, *_ in matcher.get_opcodes() if tag != "equal")
    assert b"    tahap:" in new


def test_new_kecamatan_from_the_reference_validates(project):
    (project / EDITION / "kecamatan/jenamas.yml").unlink()
    result = bulletin(project, "new", "kecamatan", "--kode", "62.04.01")
    assert result.exit_code == 0, result.output
    text = (project / EDITION / "kecamatan/jenamas.yml").read_text(encoding="utf-8")
    assert 'nama: "Jenamas"' in text
    assert re.findall(r'kode: "(62\.04\.01\.[0-9]+)"', text) == region_tree().children("62.04.01")
    assert problems_at(project) == []
    assert schema_errors(project) == {}


@pytest.mark.parametrize("args, message", [
    (["kecamatan", "--kode", "62.04.01"], "sudah punya berkas"),
    (["kecamatan", "--kode", "62.05.01"], "tidak berada di wilayah edisi"),
    (["kecamatan", "--kode", "62.04"], "bukan kode kecamatan"),
    (["laporan", "--instansi", "polda", "--tanggal", "2024-12-01"], "tidak ada di edisi"),
    (["laporan", "--instansi", "polres", "--tanggal", "2024-12-01"], "tidak mengirim laporan angka"),
    (["laporan", "--instansi", "kpu", "--tanggal", "2024-09-20"], "sudah ada"),
])
def test_new_refuses_what_it_cannot_make(project, args, message):
    result = bulletin(project, "new", *args)
    assert result.exit_code == 2 and message in result.output, result.output
