"""The two editions and the information law (UU 14/2008 Pasal 17, UU 27/2022): nothing restricted goes public.

* a leak proof with canaries: every restricted value of a copy of the example (as the exported JSON Schema
  marks it, or as an editor marks a record ``akses: terbatas``) is replaced by a unique canary in the example as
  a desk had it before the split (one data/ tree), ``bulletin split`` moves them into the restricted tree, the
  copy is built from both trees, and every canary must be in the restricted tree and the internal edition, and
  none in data/ or anywhere in the public one;
* the same on a public-only checkout (data/ without the restricted tree): no canary in any of its files, and
  both editions built from it hold none either, the internal one saying on every page that it lacks them;
* a scan of the public edition of the example for personal phone numbers, NIK and NIP;
* the JSON Schema marks every field and restricted model;
* ``filter_edition`` fails closed on what the schema does not classify;
* public pages say what was withheld and why; the internal ones show it, marked TERBATAS;
* ``bulletin publish`` refuses to put the internal edition on a public target.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml
from pydantic import BaseModel, Field

from generator.build.publish import MARKER
from generator.edition.filter import filter_edition
from generator.load.exemptions import CATEGORIES
from generator.load.reader import load_document
from generator.load.schema import Instansi, Kontak, Model, Rapat, public_field
from generator.load.validate import EditionRecords, Record, validate_tree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from canary import (  # noqa: E402
    Canary,
    Planter,
    check_unique,
    find_canaries,
    national,
    personal_numbers,
    scan_folder,
    site_files,
    squeeze,
)
from support import bulletin, cli  # noqa: E402
from trees import RESTRICTED, copy_project, declare, join  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EDISI = "pilgub-kalteng-2020"
SECRET = ROOT / RESTRICTED / EDISI  # the example's restricted tree (contoh-terbatas/), same layout as data/
KINDS = {"instansi": "instansi", "kecamatan": "kecamatan", "rapat": "rapat"}


def load(path: Path) -> Any:
    document, problems = load_document(path)
    assert document is not None and not problems, problems
    return document.data


def data_files(data_dir: Path) -> list[tuple[str, Path]]:
    """(kind, path) of every data file of every edition folder."""
    out = []
    for edition in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        out.append(("edisi", edition / "edisi.yml"))
        for kind in KINDS:
            out += [(kind, p) for p in sorted((edition / kind).glob("*.yml"))]
    return out


def exported_schema() -> dict[str, dict]:
    result = bulletin("schema")
    assert result.returncode == 0, result.stderr
    schemas = json.loads(result.stdout)
    assert set(schemas) >= {"edisi", "instansi", "kecamatan", "rapat"}, sorted(schemas)
    return schemas


# --- 1. leak proof with canaries ----------------------------------------------------------------


@pytest.fixture(scope="module")
def canary_project(tmp_path_factory) -> tuple[Path, list[Canary], list[Canary]]:
    """A copy of the project with a canary in every restricted place, split into data/ and the restricted tree.

    The example's two trees are joined into one data/ (the layout of a desk before the split), every restricted
    value there gets a canary, and ``bulletin split`` moves them out again; the project is then declared public.
    Returns the project, the canaries of restricted values, and the canaries written into the ``dasar`` (legal
    basis as typed) of records marked ``akses: terbatas``.
    """
    project = copy_project(tmp_path_factory.mktemp("kanari"))
    join(project)
    schemas = exported_schema()
    planter = Planter()
    basis_canaries: list[Canary] = []
    for kind, path in data_files(project / "data"):
        where = path.relative_to(project / "data").as_posix()
        data = planter.plant(load(path), schemas[kind], schemas[kind], where)
        basis_canaries += _plant_in_basis(data, planter, where)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    canaries = planter.canaries
    check_unique(canaries + basis_canaries)
    assert len(canaries) >= 40, f"only {len(canaries)} canaries planted: is the schema still marked?"

    result = bulletin("--project", str(project), "split", "--restricted", str(project / RESTRICTED))
    assert result.returncode == 0, result.stdout + result.stderr
    declare(project, repository="publik")
    result = bulletin("--project", str(project), "validate", "--public-only")
    assert result.returncode == 0, f"the copy with canaries is not valid:\n{result.stdout}{result.stderr}"
    return project, canaries, basis_canaries


@pytest.fixture(scope="module")
def canary_site(canary_project) -> tuple[Path, list[Canary], list[Canary]]:
    """The canary project built from both trees (both editions). Returns the site folder and the canaries."""
    project, canaries, basis_canaries = canary_project
    site = project / "site"
    result = bulletin("--project", str(project), "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site, canaries, basis_canaries


@pytest.fixture(scope="module")
def public_checkout(canary_project, tmp_path_factory) -> tuple[Path, Path]:
    """What a public repository holds after the split: the canary project without its restricted tree, built
    (both editions). Returns the checkout and its site folder."""
    project, _, _ = canary_project
    checkout = tmp_path_factory.mktemp("publik-saja")
    for name in ("data", "content"):
        shutil.copytree(project / name, checkout / name)
    shutil.copy2(project / "mkdocs.yml", checkout / "mkdocs.yml")
    site = checkout / "site"
    result = bulletin("--project", str(checkout), "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return checkout, site


def _plant_in_basis(data: Any, planter: Planter, where: str, loc: str = "") -> list[Canary]:
    """Every ``dasar`` of a record marked terbatas gets a canary after its citation (still a valid citation)."""
    planted = []
    if isinstance(data, dict):
        if data.get("akses") == "terbatas" and isinstance(data.get("dasar"), str):
            n = planter._next()
            canary = Canary(f"{data['dasar']} (KANARI{n})", f"{where}: {loc + '.' if loc else ''}dasar", False)
            data["dasar"] = canary.value
            planted.append(Canary(f"KANARI{n}", canary.where, False))
        for key, value in data.items():
            planted += _plant_in_basis(value, planter, where, f"{loc}.{key}".lstrip("."))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            planted += _plant_in_basis(value, planter, where, f"{loc}[{i}]")
    return planted


def _found_in(folder: Path, canaries: list[Canary]) -> dict[str, list[Canary]]:
    found: dict[str, list[Canary]] = {}
    for rel, text in site_files(folder):
        hits = find_canaries(text, canaries, squeeze(text))
        if hits:
            found[rel] = hits
    return found


def test_canaries_cover_every_restricted_kind(canary_site):
    """The planting itself: every restricted field of the schema that the example uses got a canary."""
    _, canaries, basis = canary_site
    places = " ".join(c.where for c in canaries)
    for needle in ("pengamanan[0].lokasi", "pengamanan[0].personel", "pengamanan[0].jadwal",
                   "kerawanan_tps[0].alasan", "kerawanan_tps[0].pihak_terkait", "kerawanan_tps[0].tps",
                   "potensi_gangguan[0].uraian", "potensi_gangguan[0].sumber_informasi",
                   "kontak[0].telepon_pribadi", "kontak[0].nip", "kontak[0].nik",
                   "usulan_asn_panwascam.daftar[0].nip", "usulan_asn_panwascam.daftar[0].nama",
                   "notulen_internal", "agenda[", "tindak_lanjut[0].uraian", "tindak_lanjut[0].catatan"):
        assert needle in places, f"no canary at {needle}"
    kinds = {("text" if str(c.value).startswith("KANARI") else "number" if isinstance(c.value, int)
              else f"{len(c.needle)} digits") for c in canaries}
    assert {"text", "number", "16 digits", "18 digits", "12 digits"} <= kinds, kinds
    assert basis, "no record marked akses: terbatas in the example"


def test_every_canary_is_in_the_internal_edition(canary_site):
    site, canaries, basis = canary_site
    found = {c for hits in _found_in(site / "internal", canaries + basis).values() for c in hits}
    missing = [f"{c.value!r} ({c.where})" for c in canaries + basis if c not in found]
    assert not missing, "restricted values missing from the internal edition:\n" + "\n".join(missing)


def test_no_canary_in_the_public_edition(canary_site):
    site, canaries, basis = canary_site
    public = site / "publik"
    versions = [p.parent.parent for p in public.glob("*/search/search_index.json")]
    assert (public / "index.html").is_file() and versions, "every version has its own search index"
    assert all((v / "sitemap.xml.gz").is_file() for v in versions)
    leaks = [f"{rel}: {c.value!r} ({c.where})"
             for rel, hits in sorted(_found_in(public, canaries + basis).items()) for c in hits]
    assert not leaks, "restricted values in the public edition:\n" + "\n".join(leaks)


def test_canary_search_covers_every_download(canary_site):
    """The search above reads every file of the site: each download of each election edition among them (every
    resource of its data package, the package itself and its CKAN record, data.json and the feed) and, in the public edition, every
    file of its ZIP for reading without signal (the internal edition has none)."""
    site, _, _ = canary_site
    for edition in ("publik", "internal"):
        scanned = {rel for rel, _ in site_files(site / edition)}
        packages = sorted(p for p in (site / edition).glob("*/unduh/datapackage.json")
                          if not p.parent.parent.is_symlink())  # the alias terbaru/ is an election edition too
        assert len(packages) >= 2, packages
        for package in packages:
            version = package.parent.parent.relative_to(site / edition).as_posix()
            resources = [r["path"] for r in json.loads(package.read_text(encoding="utf-8"))["resources"]]
            assert {"kecamatan.csv", "laporan.csv", "tindak-lanjut.csv", "rapat.csv", "kontak.csv"} <= set(resources)
            downloads = {p.relative_to(site / edition).as_posix() for p in package.parent.iterdir()}
            copy = f"{version}/unduh/buletin-{version}.zip"
            assert (copy in downloads) == (edition == "publik"), downloads
            described = [*resources, "datapackage.json", "ckan.json"]  # the package, and its record for CKAN portals
            assert downloads - {copy} == {f"{version}/unduh/{name}" for name in described}, \
                "a download that the data package does not describe"
            assert downloads | {f"{version}/feed.xml"} <= scanned
            if edition == "publik":
                with zipfile.ZipFile(site / edition / copy) as archive:
                    members = {f"{copy}!{name}" for name in archive.namelist()}
                assert f"{copy}!buletin-{version}/index.html" in members and members <= scanned


def _files_with(folder: Path, canaries: list[Canary]) -> dict[str, list[Canary]]:
    """Every canary found in each file of a project folder (the data files as they would be committed)."""
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "site" not in p.relative_to(folder).parts):
        text = path.read_text(encoding="utf-8", errors="replace")
        hits = find_canaries(text, canaries, squeeze(text))
        if hits:
            found[path.relative_to(folder).as_posix()] = hits
    return found


def test_split_moves_every_canary_into_the_restricted_tree(canary_project):
    project, canaries, basis = canary_project
    in_public = _files_with(project / "data", canaries + basis)
    leaks = [f"data/{rel}: {c.value!r} ({c.where})" for rel, hits in in_public.items() for c in hits]
    assert not leaks, "restricted values left in data/ by the split:\n" + "\n".join(leaks)
    moved = {c for hits in _files_with(project / RESTRICTED, canaries + basis).values() for c in hits}
    missing = [f"{c.value!r} ({c.where})" for c in canaries + basis if c not in moved]
    assert not missing, "restricted values lost by the split:\n" + "\n".join(missing)


def test_whatsapp_texts_of_the_public_edition_hold_no_canary(canary_project):
    """``bulletin wa --edition publik`` of the beranda and of every meeting of every election edition (of data/
    and of the restricted tree: a meeting restricted as a whole is refused as unknown), with both trees at hand:
    no canary. The internal text of a meeting with restricted records holds theirs, marked TERBATAS (so the search
    would see a leak)."""
    project, canaries, basis = canary_project
    leaks, printed = [], 0
    for edisi in sorted(p.parent.name for p in (project / "data").glob("*/edisi.yml")):
        slugs = sorted({p.stem for tree in ("data", RESTRICTED) for p in (project / tree / edisi / "rapat").glob("*.yml")})
        for slug in [None, *slugs]:
            result = cli("wa", *([slug] if slug else []), "--edisi", edisi, "--edition", "publik", project=project)
            assert result.exit_code in (0, 2), result.output
            printed += result.exit_code == 0
            leaks += [f"{edisi}/{slug or 'beranda'}: {c.value!r} ({c.where})"
                      for c in find_canaries(result.output, canaries + basis)]
    assert not leaks, "restricted values in the public WhatsApp texts:\n" + "\n".join(leaks)
    assert printed >= 7  # the two beranda and the five public meetings
    internal = cli("wa", "2024-11-19-rapat-evaluasi-desk-pilkada", "--edisi", "pilkada-2024", "--edition", "internal",
                   project=project)
    assert internal.exit_code == 0 and find_canaries(internal.stdout, canaries + basis), internal.output
    assert "*TERBATAS* KANARI" in internal.stdout


def test_public_checkout_holds_no_restricted_value(public_checkout, canary_project):
    checkout, site = public_checkout
    _, canaries, basis = canary_project
    assert not (checkout / RESTRICTED).exists()
    leaks = [f"{rel}: {c.value!r} ({c.where})" for rel, hits in sorted(_files_with(checkout, canaries + basis).items())
             for c in hits]
    assert not leaks, "restricted values in the public checkout's files:\n" + "\n".join(leaks)
    result = bulletin("--project", str(checkout), "validate", "--public-only")
    assert result.returncode == 0, result.stdout + result.stderr


def test_public_checkout_builds_both_editions_without_restricted_values(public_checkout, canary_project):
    _, site = public_checkout
    _, canaries, basis = canary_project
    assert (site / "internal" / EDISI / "index.html").is_file() and (site / "publik" / EDISI / "index.html").is_file()
    leaks = [f"{rel}: {c.value!r} ({c.where})" for rel, hits in sorted(_found_in(site, canaries + basis).items())
             for c in hits]
    assert not leaks, "restricted values in a site built from the public checkout:\n" + "\n".join(leaks)


def test_internal_edition_without_restricted_tree_says_so_on_every_page(public_checkout, built_site):
    _, site = public_checkout
    pages = [p for p in sorted((site / "internal").glob("*/**/index.html"))
             if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")  # not the redirects of moved pages
             and "admin" not in p.relative_to(site).parts]  # nor the web form (tests/test_cms.py)
    assert len(pages) >= 30
    missing = [p.relative_to(site).as_posix() for p in pages if "Tanpa data terbatas" not in _page_text(p)]
    assert not missing, f"internal pages without the notice: {missing}"
    public_pages = sorted((site / "publik").glob("*/**/index.html"))
    assert not [p for p in public_pages if "Tanpa data terbatas" in _page_text(p)], "notice on public pages"
    complete = sorted((built_site / "internal").glob("*/**/index.html"))
    assert complete and not [p for p in complete if "Tanpa data terbatas" in _page_text(p)], \
        "the internal edition built from both trees says it lacks them"


def test_canary_finder_finds_reformatted_numbers():
    phone, nip, number = (Canary("0857 7001 7001", "x", True), Canary("198670012015700110", "y", True),
                          Canary(9107001, "z", True))
    text = "WA +62 857-7001-7001; NIP 19867001 201570 0 110; personel 9.107.001 orang"
    assert find_canaries(text, [phone, nip, number]) == [phone, nip, number]
    assert find_canaries("91070012 dan 857700170019", [phone, number]) == []
    assert find_canaries("<p>kanari7001</p>", [Canary("KANARI7001", "t", False)])


# --- 2. personal numbers in the public edition of the example -----------------------------------


def office_numbers() -> frozenset[str]:
    """Every ``telepon_kantor`` of the example data, in national digit form."""
    numbers = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "telepon_kantor" and isinstance(item, str):
                    numbers.add(national(item))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for _, path in data_files(ROOT / "data"):
        walk(load(path))
    return frozenset(numbers)


def test_public_edition_has_no_personal_numbers(built_site):
    allowed = office_numbers()
    assert allowed, "the example has office numbers"
    findings = scan_folder(built_site / "publik", allowed)
    assert not findings, "personal numbers in the public edition:\n" + "\n".join(map(str, findings))


def test_office_numbers_are_allowed_in_any_spelling():
    allowed = frozenset({national("+62 525 21500")})
    for spelling in ("+62 525 21500", "(0525) 21500", "0525-21500", "+6252521500", "0525 215 00"):
        assert personal_numbers(f"Telepon {spelling}.", allowed_phones=allowed) == [], spelling


@pytest.mark.parametrize("text", ["62.04.01.2001", "kode 62.04.01", "2020-12-09", "9 Desember 2020",
                                  "09-12-2020", "94.974", "1.074.280 jiwa", "pukul 07.00 WIB", "2-9-18",
                                  "TPS 02", "0,5 persen", "Rp 5.000.000", "#0d47a1", "UU 14/2008", "0.0001"])
def test_number_patterns_leave_codes_dates_and_counts_alone(text):
    assert personal_numbers(text) == []


@pytest.mark.parametrize("text", ["0812 3456 7890", "0812-3456-7890", "081234567890", "+62 812 3456 7890",
                                  "(+62) 812-3456-7890", "62 812 3456 7890", "0812.3456.7890", "(0525) 21501",
                                  "0525 21501", "3173012345678901", "19860926 201505 1 001",
                                  "198609262015051001"])
def test_number_patterns_find_phones_nik_and_nip(text):
    assert len(personal_numbers(f"Hubungi: {text}.")) == 1, personal_numbers(text)


def test_scanner_finds_planted_numbers(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>Kontak: 0812 3456 7890 (WA)</p>", encoding="utf-8")
    (tmp_path / "data.json").write_text('{"nik": "3173012345678901", "kode": "62.04.01.2001"}',
                                        encoding="utf-8")
    import gzip
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"<x>NIP 19860926 201505 1 001, 94.974</x>"))
    findings = scan_folder(tmp_path)
    assert sorted((f.kind, f.file) for f in findings) == [
        ("NIK", "data.json"), ("NIP", "sitemap.xml.gz!"), ("telepon", "a/index.html")], findings


# --- 3. the JSON Schema marks access -------------------------------------------------------------


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict]:
    return exported_schema()


def _definitions(schemas: dict[str, dict]) -> dict[str, dict]:
    """Every definition of every file kind, and each file's root model under its kind's title."""
    out = {}
    for kind, document in schemas.items():
        out.update(document.get("$defs", {}))
        out[document.get("title", kind)] = {k: v for k, v in document.items() if k != "$defs"}
    return out


@pytest.mark.parametrize("model, prop", [
    ("Kontak", "telepon_pribadi"), ("Kontak", "nip"), ("Kontak", "nik"), ("Instansi", "pengamanan"),
    ("Instansi", "kerawanan_tps"), ("Instansi", "potensi_gangguan"), ("Rapat", "notulen_internal"),
    ("UsulanAsnPanwascam", "daftar")])
def test_schema_marks_restricted_fields(schemas, model, prop):
    definition = _definitions(schemas)[model]
    assert definition["properties"][prop].get("x-akses") == "terbatas", definition["properties"][prop]


@pytest.mark.parametrize("model", ["Pengamanan", "KerawananTps", "PotensiGangguan", "AsnDiusulkan"])
def test_schema_marks_restricted_models(schemas, model):
    definition = _definitions(schemas)[model]
    assert definition.get("x-akses") == "terbatas", model
    assert all(p.get("x-akses") == "terbatas" for p in definition["properties"].values()), model


def test_schema_classifies_every_field(schemas):
    unclassified, required_restricted = [], []
    for name, definition in _definitions(schemas).items():
        for prop, schema in definition.get("properties", {}).items():
            if schema.get("x-akses") not in ("publik", "terbatas"):
                unclassified.append(f"{name}.{prop}")
            elif schema["x-akses"] == "terbatas" and definition.get("x-akses") != "terbatas" \
                    and prop in definition.get("required", []):
                required_restricted.append(f"{name}.{prop}")
    assert not unclassified, f"fields without x-akses: {unclassified}"
    assert not required_restricted, f"restricted fields that a public record must have: {required_restricted}"


def test_schema_of_the_cli_is_the_models_schema(schemas):
    assert schemas["instansi"]["$defs"]["Kontak"]["properties"]["nik"] == \
        Kontak.model_json_schema()["properties"]["nik"]
    assert schemas["rapat"]["properties"]["notulen_internal"]["x-akses"] == \
        Rapat.model_json_schema()["properties"]["notulen_internal"]["x-akses"]


# --- 4. the filter fails closed ------------------------------------------------------------------


class Lampiran(BaseModel):  # a plain pydantic model: no akses_jenis at all
    isi: str = public_field(description="Isi lampiran.")


class Catatan(Model):  # a data model that forgot to say whether the public may see it
    isi: str = public_field(description="Isi catatan.")


class InstansiBaru(Instansi):
    """Instansi with fields a careless change could add: one without x-akses, and lists of undeclared models."""

    bocor: str | None = Field(None, description="Field tanpa klasifikasi.")
    lampiran: list[Lampiran] = public_field(default_factory=list, description="Lampiran.")
    catatan_lain: list[Catatan] = public_field(default_factory=list, description="Catatan.")


@pytest.fixture()
def records(tmp_path) -> EditionRecords:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / RESTRICTED, tmp_path / RESTRICTED)
    editions, problems = validate_tree(tmp_path / "data", tmp_path, restricted_dir=tmp_path / RESTRICTED)
    assert not problems.failed(False), problems
    (records,) = [e for e in editions if e.id == EDISI]
    return records


def test_filter_removes_what_the_schema_does_not_classify(records):
    setda = records.instansi["setda"]
    values = {name: getattr(setda.data, name) for name in Instansi.model_fields}
    data = InstansiBaru(**values, bocor="KANARI-BOCOR", lampiran=[Lampiran(isi="KANARI-LAMPIRAN")],
                        catatan_lain=[Catatan(isi="KANARI-CATATAN")])
    records.instansi["setda"] = Record("setda", data, setda.document)

    public, withheld = filter_edition(records, "publik")
    kept = public.instansi["setda"].data
    assert kept.bocor is None
    assert kept.lampiran == [] and kept.catatan_lain == []
    assert "KANARI" not in kept.model_dump_json()
    assert [c.jabatan for c in kept.kontak] == [c.jabatan for c in setda.data.kontak]  # public parts stay
    assert all(c.telepon_pribadi is None and c.nip is None for c in kept.kontak)
    assert ("ditandai", "setda") in {(w.kategori, w.source_slug) for w in withheld}  # noted, undeclared

    internal, none = filter_edition(records, "internal")
    assert none == [] and internal.instansi["setda"].data.bocor == "KANARI-BOCOR"


def test_filter_removes_a_record_of_an_undeclared_kind(records):
    class Rahasia(Instansi):  # a file model that is not a PublicModel
        akses_jenis: ClassVar[str | None] = None

    setda = records.instansi["setda"]
    data = Rahasia(**{name: getattr(setda.data, name) for name in Instansi.model_fields})
    records.instansi["setda"] = Record("setda", data, setda.document)
    public, withheld = filter_edition(records, "publik")
    assert "setda" not in public.instansi
    assert any(w.source_slug == "setda" for w in withheld)


def test_filter_removes_restricted_records_of_the_example(records):
    public, withheld = filter_edition(records, "publik")
    for slug in ("polres", "kodim-1012", "bawaslu"):
        data = public.instansi[slug].data
        assert data.pengamanan == [] and data.kerawanan_tps == [] and data.potensi_gangguan == [], slug
    for record in public.rapat.values():
        assert record.data.notulen_internal is None
        assert all(item.akses == "publik" for item in record.data.agenda + record.data.tindak_lanjut)
    reports = public.kecamatan["dusun-hilir"].data.laporan
    assert all(r.usulan_asn_panwascam is None or r.usulan_asn_panwascam.daftar == [] for r in reports)
    assert {w.kategori for w in withheld} >= {"pengamanan", "kerawanan_tps", "potensi_gangguan", "data_pribadi",
                                              "notulen_internal", "ditandai"}
    for note in withheld:  # notes carry canonical citations only
        assert all(d.startswith("UU ") for d in note.dasar), note


# --- 5. withheld notices -------------------------------------------------------------------------


def _page_text(path: Path) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
    return re.sub(r"\s+", " ", text)


def _restricted_texts(path: Path) -> list[str]:
    """The free texts of the restricted lists of an agency file (not codes, enums or short tokens)."""
    data = load(path)
    texts = []
    for field in ("pengamanan", "kerawanan_tps", "potensi_gangguan"):
        for item in data.get(field, []):
            for key, value in item.items():
                if key != "id" and isinstance(value, str) and len(value) >= 12 and not re.fullmatch(r"[0-9.]+", value):
                    texts.append(re.sub(r"\s+", " ", value.strip()))
    return texts


def test_public_page_says_what_was_withheld(built_site):
    page = built_site / "publik" / EDISI / "instansi" / "polres" / "index.html"
    text = _page_text(page)
    assert "dikecualikan" in text.lower()
    assert "Pasal 17 huruf c" in text
    secrets = _restricted_texts(SECRET / "instansi" / "polres.yml")
    assert len(secrets) >= 8
    leaked = [s for s in secrets if s in text]
    assert not leaked, f"{page}: {leaked}"
    assert (built_site / "publik" / EDISI / "dikecualikan" / "index.html").is_file()


def test_internal_page_shows_restricted_texts_marked(built_site):
    text = _page_text(built_site / "internal" / EDISI / "instansi" / "polres" / "index.html")
    assert "TERBATAS" in text
    assert "Pasal 17 huruf c" in text
    missing = [s for s in _restricted_texts(SECRET / "instansi" / "polres.yml") if s not in text]
    assert not missing, missing


def test_public_kecamatan_pages_do_not_reveal_where_security_is_deployed(built_site):
    """A notice "pengamanan/kerawanan TPS/potensi gangguan withheld" only on the kecamatan pages that have such
    records would disclose their disposition (Pasal 17 huruf c): such notices are on every page or on none."""
    pages = sorted((built_site / "publik" / EDISI / "kecamatan").glob("*/index.html"))
    assert len(pages) >= 6
    texts = {p.parent.name: _page_text(p) for p in pages}
    for key in ("pengamanan", "kerawanan_tps", "potensi_gangguan"):
        name = CATEGORIES[key].nama
        showing = sorted(slug for slug, text in texts.items() if name in text)
        assert showing in ([], sorted(texts)), f"{name!r} withheld-notice only on {showing}"


def test_no_restricted_text_of_the_example_anywhere_in_public(built_site):
    secrets = {}
    for path in sorted((ROOT / RESTRICTED).glob("*/instansi/*.yml")):
        secrets.update({s: path.name for s in _restricted_texts(path)})
    assert len(secrets) >= 8
    leaks = []
    for rel, text in site_files(built_site / "publik"):
        flat = re.sub(r"\s+", " ", html.unescape(text))
        leaks += [f"{rel}: {s!r} ({secrets[s]})" for s in secrets if s in flat]
    assert not leaks, "\n".join(leaks)


# --- 6. publishing -------------------------------------------------------------------------------


def test_publish_refuses_internal_edition_to_public_target(built_site, tmp_path):
    out = tmp_path / "out"
    result = bulletin("publish", str(built_site / "internal"), str(out), "--target", "publik")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Ditolak" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [], "publish left something behind"


def test_publish_refuses_internal_edition_nested_in_a_public_folder(built_site, tmp_path):
    nested = tmp_path / "situs"
    shutil.copytree(built_site / "publik", nested)
    shutil.copytree(built_site / "internal", nested / "arsip" / "internal")
    out = tmp_path / "out2"
    result = bulletin("publish", str(nested), str(out), "--target", "publik")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Ditolak" in result.stderr and "internal" in result.stderr
    assert not out.exists()

    whole = bulletin("publish", str(built_site), str(tmp_path / "out3"), "--target", "publik")
    assert whole.returncode == 2 and "Ditolak" in whole.stderr
    assert not (tmp_path / "out3").exists()


def test_publish_internal_and_public_editions_to_their_targets(built_site, tmp_path):
    internal = tmp_path / "intranet"
    result = bulletin("publish", str(built_site / "internal"), str(internal), "--target", "internal")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (internal / MARKER).is_file() and (internal / "index.html").is_file()

    public = tmp_path / "pages"
    result = bulletin("publish", str(built_site / "publik"), str(public), "--target", "publik")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (public / "index.html").is_file()
    assert not list(public.rglob(MARKER))
    source = built_site / "publik"
    newest = os.readlink(source / "terbaru")  # the alias link is published as the edition it points to
    expected = {p.relative_to(source) for p in source.rglob("*")} | \
        {Path("terbaru") / p.relative_to(source / newest) for p in (source / newest).rglob("*")}
    assert {p.relative_to(public) for p in public.rglob("*")} == expected
    assert not [p for p in public.rglob("*") if p.is_symlink()], "GitHub Pages takes files only, no links"
