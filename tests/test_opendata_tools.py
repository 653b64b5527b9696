"""The open data as the usual tools read it (issue 21), from the downloads of every election edition of both site
editions, made in memory (no MkDocs build):

* each CSV read with the pandas snippet that the data page shows, and with the frictionless snippet: every text
  column (the Kemendagri codes among them) stays text exactly as the file writes it; times are ISO (``09:00``);
* with a site address every resource of ``datapackage.json`` has an absolute path and the package gives its own
  address; without one the paths are relative;
* ``ckan.json`` is what ``frictionless-ckan-mapper`` makes of the data package, with CKAN's licence id ``cc-by``,
  and it keeps the rules of CKAN's ``package_create`` (``ckan.logic.schema.default_create_package_schema`` and
  its validators, written out below: the ``ckan`` package itself is not installed here).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator.domain.editions import EDITIONS
from generator.pipeline import check, publish
from generator.project import Project
from generator.render.downloads import FOLDER

pd = pytest.importorskip("pandas")
frictionless = pytest.importorskip("frictionless")
mapper = pytest.importorskip("frictionless_ckan_mapper.frictionless_to_ckan")

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://desk.example.go.id/buletin"
ELECTIONS = sorted(p.parent.name for p in (ROOT / "data").glob("*/edisi.yml"))
CODE_COLUMNS = {"kecamatan": {"kode", "kode_kabupaten"}, "laporan": {"kode"}, "instansi": {"kode_wilayah"}}


@pytest.fixture(scope="module")
def checked():
    return check(Project(ROOT))


def records_of(checked, edisi):
    return next(r for r in checked.records if r.id == edisi)


@pytest.fixture(scope="module", params=[(e, s) for e in ELECTIONS for s in EDITIONS], ids="/".join)
def publication(request, checked):
    edisi, edition = request.param
    return publish(checked, edition, records_of(checked, edisi))


@pytest.fixture()
def unduh(publication, tmp_path, monkeypatch) -> Path:
    """The edition's downloads written to a folder, which is the working folder (the snippets name the files
    relative to it when the site's address is unknown)."""
    for path, text in publication.downloads.items():
        if path.startswith(f"{FOLDER}/"):
            (tmp_path / path.removeprefix(f"{FOLDER}/")).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def written(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_the_data_page_shows_each_snippet_and_how_to_open_csv_in_a_spreadsheet(publication):
    page = publication.site.pages["data-terbuka.md"]
    for table in publication.model.data_terbuka.tables:
        assert set(table.readers) == {"pandas", "frictionless", "R (readr)"}
        for code in table.readers.values():
            assert "\n".join("    " + line if line else "    " for line in code.split("\n")) in page, table.name
    assert "Excel" in page and "LibreOffice" in page and "Google Sheets" in page


def test_pandas_snippet_keeps_every_text_column_as_written(publication, unduh):
    for table in publication.model.data_terbuka.tables:
        scope: dict = {}
        exec(table.readers["pandas"], scope)  # noqa: S102 - the snippet of the data page, as a reader runs it
        frame = scope[table.name.replace("-", "_")]
        rows = written(unduh / table.path)
        assert len(frame) == len(rows) and list(frame.columns) == [c.name for c in table.columns]
        for column in table.columns:
            got = ["" if pd.isna(v) else v for v in frame[column.name]]
            if column.type == "string":
                assert got == [row[column.name] for row in rows], (table.name, column.name)
                assert all(isinstance(v, str) for v in got)
            elif column.type == "integer":
                assert [str(v) if v != "" else "" for v in got] == [row[column.name] for row in rows]
            elif column.type == "date":
                assert [v.date().isoformat() if v != "" else "" for v in got] == [row[column.name] for row in rows]
        for name in CODE_COLUMNS.get(table.name, ()):
            assert str(frame[name].dtype) == "string", (table.name, name)


def test_plain_pandas_would_turn_a_kabupaten_code_into_a_number(publication, unduh):
    """Why the snippet is needed: what the data page warns of."""
    plain = pd.read_csv(unduh / "kecamatan.csv")
    assert plain["kode_kabupaten"].dtype.kind == "f"


def test_frictionless_snippet_keeps_every_text_column_as_written(publication, unduh):
    for table in publication.model.data_terbuka.tables:
        scope: dict = {}
        exec(table.readers["frictionless"], scope)  # noqa: S102 - the snippet of the data page
        read = scope[table.name.replace("-", "_")]
        rows = written(unduh / table.path)
        assert len(read) == len(rows)
        for column in (c for c in table.columns if c.type == "string"):
            assert [row[column.name] or "" for row in read] == [row[column.name] for row in rows], column.name


def test_meeting_times_are_iso(publication, unduh):
    times = [row["waktu"] for row in written(unduh / "rapat.csv") if row["waktu"]]
    assert len(times) == sum(1 for r in publication.model.rapat if r.waktu)
    meetings = json.loads((unduh / "data.json").read_text(encoding="utf-8"))["rapat"].values()
    times += [m["waktu"] for m in meetings if m.get("waktu")]
    assert all(re.fullmatch(r"\d{2}:\d{2}", t) for t in times), times


# --- addresses ----------------------------------------------------------------------------------------------


def test_with_a_site_address_every_path_is_absolute_and_the_package_gives_its_own(checked):
    for edisi in ELECTIONS:
        downloads = publish(checked, "publik", records_of(checked, edisi), base_url=BASE).downloads
        package = json.loads(downloads[f"{FOLDER}/datapackage.json"])
        where = f"{BASE}/{edisi}/{FOLDER}/"
        assert package["id"] == f"{where}datapackage.json"
        assert package["homepage"] == f"{BASE}/{edisi}/data-terbuka/"
        assert all(r["path"] == where + r["path"].rsplit("/", 1)[1] for r in package["resources"])
        record = json.loads(downloads[f"{FOLDER}/ckan.json"])
        assert all(r["url"].startswith(where) for r in record["resources"])


def test_without_one_paths_are_relative_and_the_page_says_download_only(publication):
    package = json.loads(publication.downloads[f"{FOLDER}/datapackage.json"])
    assert "id" not in package and all("/" not in r["path"] for r in package["resources"])
    assert "hanya untuk diunduh" in publication.site.pages["data-terbuka.md"]


def test_the_licence_is_spdx_with_title_and_url(publication):
    package = json.loads(publication.downloads[f"{FOLDER}/datapackage.json"])
    assert package["licenses"] == [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                                    "path": "https://creativecommons.org/licenses/by/4.0/"}]


# --- the CKAN record ------------------------------------------------------------------------------------------


def test_ckan_record_is_what_the_mapper_makes_of_the_package(checked):
    for edisi in ELECTIONS:
        for base in (None, BASE):
            downloads = publish(checked, "publik", records_of(checked, edisi), base_url=base).downloads
            package = json.loads(downloads[f"{FOLDER}/datapackage.json"])
            record = json.loads(downloads[f"{FOLDER}/ckan.json"])
            mapped = mapper.package(package)
            for key in ("name", "title", "notes", "author", "author_email", "maintainer", "maintainer_email",
                        "tags", "license_title", "license_url"):
                assert record.get(key) == mapped.get(key), key
            assert record.get("url") == mapped.get("url")
            assert mapped["license_id"] == "CC-BY-4.0" and record["license_id"] == "cc-by"
            assert [(r["name"], r["url"], r["description"]) for r in record["resources"]] == \
                [(r["name"], r["url"], r["description"]) for r in mapped["resources"]]
            extras = {e["key"]: e["value"] for e in record["extras"]}
            satu_data = package["satu_data"]
            assert extras["produsen_data"] == "; ".join(satu_data["produsen_data"])
            assert "Kepmendagri Nomor 300.2.2-2138 Tahun 2025" in extras["kode_referensi"]
            assert (extras["periode_awal"], extras["periode_akhir"]) == \
                (satu_data["periode"]["awal"], satu_data["periode"]["akhir"])
            assert extras["frekuensi_pembaruan"] == satu_data["frekuensi_pembaruan"]
            assert satu_data["produsen_data"][0] == package["contributors"][0]["title"]  # the desk, then agencies
            named = records_of(checked, edisi).edisi.data.desk.walidata  # the walidata edisi.yml names, or null
            custodian = satu_data["walidata"]
            if named is None:
                assert custodian is None and not any(key.startswith("walidata") for key in extras)
            else:
                assert custodian == {"nama": named.nama, "surel": named.surel, "situs": named.situs}
                assert (extras["walidata"], extras["walidata_surel"], extras["walidata_situs"]) == \
                    (named.nama, named.surel, named.situs)


def test_the_walidata_of_the_example_is_named_with_its_contact(checked):
    """pilkada-2024 names its walidata (edisi.yml desk.walidata): the package, the CKAN record and the data page
    give its contact; pilgub-kalteng-2020 names none, and says nothing of one."""
    named = publish(checked, "publik", records_of(checked, "pilkada-2024"))
    page = named.site.pages["data-terbuka.md"]
    assert "Walidata yang menghimpun data ini: Dinas Komunikasi dan Informatika Kabupaten Barito Selatan, surel " \
           "info@baritoselatankab.go.id" in page
    unnamed = publish(checked, "publik", records_of(checked, "pilgub-kalteng-2020"))
    assert "Walidata" not in unnamed.site.pages["data-terbuka.md"]


# CKAN 2.10/2.11 package_create, default_create_package_schema and its validators (ckan/logic/schema.py,
# ckan/logic/validators.py): name 2-100 characters of lowercase a-z, 0-9, - and _; title at most 100... (no
# limit in the schema beyond unicode); tags 2-100 characters of word characters, space, - _ .; extras keys
# unique and not core fields; resources need a url (string, may be empty), format free text; license_id one of
# the licence register (default list: cc-by among them); emails checked by email_validator.
NAME = re.compile(r"^[a-z0-9_\-]{2,100}$")
TAG = re.compile(r"^[\w \-.]{2,100}$", re.UNICODE)
EMAIL = re.compile(r"^[\w.+\-]+@[\w\-]+(\.[\w\-]+)+$")
DEFAULT_LICENCES = {"notspecified", "odc-pddl", "odc-odbl", "odc-by", "cc-zero", "cc-by", "cc-by-sa", "gfdl",
                    "other-open", "other-pd", "other-at", "uk-ogl", "cc-nc", "other-nc", "other-closed"}
CORE = {"author", "author_email", "license_id", "maintainer", "maintainer_email", "name", "notes", "owner_org",
        "private", "state", "tags", "title", "type", "url", "version", "resources", "extras", "groups",
        "license_title", "license_url"}


def ckan_problems(record: dict) -> list[str]:
    problems = [f"unknown key {key}" for key in record if key not in CORE]
    if not NAME.fullmatch(record.get("name", "")):
        problems.append("name")
    if not isinstance(record.get("title"), str) or not record["title"]:
        problems.append("title")
    if record.get("license_id") not in DEFAULT_LICENCES:
        problems.append("license_id")
    for key in ("author_email", "maintainer_email"):
        if key in record and not EMAIL.fullmatch(record[key]):
            problems.append(key)
    problems += [f"tag {t}" for t in record.get("tags", []) if not TAG.fullmatch(t.get("name", ""))]
    keys = [e["key"] for e in record.get("extras", [])]
    if len(keys) != len(set(keys)) or set(keys) & CORE:
        problems.append("extras keys")
    problems += [f"extra {e['key']}" for e in record.get("extras", []) if not isinstance(e.get("value"), str)]
    for r in record.get("resources", []):
        if not isinstance(r.get("url"), str) or not r.get("format") or not r.get("description"):
            problems.append(f"resource {r.get('name')}")
    return problems


def test_ckan_record_keeps_package_create_rules(publication):
    record = json.loads(publication.downloads[f"{FOLDER}/ckan.json"])
    assert not ckan_problems(record), ckan_problems(record)
    assert record["author"] and record["maintainer"] and len(record["resources"]) == 8
    assert ckan_problems({**record, "name": "Bukan Nama", "license_id": "CC-BY-4.0"}) == ["name", "license_id"]
