"""The open data of every edition, as a reader downloads it from the built site (``built_site``: one build).

* frictionless (the reference implementation of Data Package) validates every package of every election
  edition of both site editions: no error and no warning;
* the package says what it is: licence, sources, edition, the date the data last changed, and a Table Schema per
  table with types, ``missingValues``, keys, descriptions and units;
* the CSV files are plain: UTF-8, a header row, ISO dates, integers without thousands separators, Kemendagri codes
  as text;
* every figure of ``kecamatan.csv`` and ``laporan.csv`` is the figure its kecamatan page shows (value, date,
  source and illustrative mark of the latest report; every dated value in the trend's text alternative);
* the data page links every file and shows the first rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from pathlib import Path

import pytest

frictionless = pytest.importorskip("frictionless")

EDITIONS = ("publik", "internal")
TABLES = {"kecamatan.csv", "laporan.csv", "tindak-lanjut.csv", "rapat.csv", "kontak.csv"}
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
# The row label of each figure on a kecamatan page (a voter figure adds its stage: "Pemilih (DPT)").
LABELS = {"penduduk": "Penduduk", "wajib_ktp": "Wajib KTP", "ektp_rekam": "e-KTP terekam",
          "ektp_cetak": "e-KTP tercetak", "pemilih": "Pemilih", "tps": "TPS", "linmas_siap": "Linmas siap"}
KECAMATAN_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")


def packages(site: Path, edition: str) -> list[Path]:
    """Every election edition's unduh/ folder of one site edition (not the alias terbaru/, a link to one)."""
    found = [p.parent for p in sorted((site / edition).glob("*/unduh/datapackage.json"))
             if not p.parent.parent.is_symlink()]
    assert len(found) >= 2, found
    return found


def every_package(site: Path) -> list[Path]:
    return [folder for edition in EDITIONS for folder in packages(site, edition)]


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


def tanggal(iso: str) -> str:
    """An ISO date as the pages write it: 9 Desember 2020."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def angka(digits: str) -> str:
    """An integer as the pages write it: 131.606."""
    return f"{int(digits):,}".replace(",", ".")


# --- the package validates -----------------------------------------------------------------------------------


def test_frictionless_validates_every_package_without_warnings(built_site):
    for folder in every_package(built_site):
        report = frictionless.validate(str(folder / "datapackage.json"))
        errors = [f"{task.name}: {e.message}" for task in report.tasks for e in task.errors] + \
            [e.message for e in report.errors]
        warnings = list(report.warnings) + [w for task in report.tasks for w in task.warnings]
        assert report.valid and not errors, f"{folder}:\n" + "\n".join(errors[:20])
        assert not warnings, f"{folder}: {warnings}"
        assert {task.name for task in report.tasks} >= {name[:-4] for name in TABLES}


def test_package_states_licence_sources_edition_and_date(built_site):
    for folder in every_package(built_site):
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        edisi = folder.parent.name
        assert package["licenses"] and package["licenses"][0]["name"] == "CC-BY-4.0"
        assert package["sources"] and all(s["title"] for s in package["sources"])
        assert package["edisi"]["id"] == edisi and package["edisi"]["edisi_situs"] == folder.parent.parent.name
        dt.date.fromisoformat(package["tanggal_data"])
        assert edisi in package["name"]


def test_every_table_has_a_complete_schema(built_site):
    for folder in every_package(built_site):
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        tables = {r["name"]: r for r in package["resources"] if r["path"].endswith(".csv")}
        assert TABLES <= {r["path"] for r in tables.values()}
        for name, resource in tables.items():
            schema = resource["schema"]
            assert resource["description"] and schema["missingValues"] == [""], name
            assert schema["primaryKey"], name
            for field in schema["fields"]:
                assert field["description"], f"{name}.{field['name']} has no description"
                if field["name"] == "nilai":  # laporan.csv in long format: the unit is the row's satuan
                    assert "satuan" in [f["name"] for f in schema["fields"]], name
                elif field["type"] in ("integer", "number") and field["name"] != "nomor":  # nomor: an ordinal
                    assert field.get("unit"), f"{name}.{field['name']} has no unit"
            for key in schema.get("foreignKeys", []):
                assert key["reference"]["resource"] in tables, key
        laporan = tables["laporan"]["schema"]["foreignKeys"]
        assert {"fields": ["kode"], "reference": {"resource": "kecamatan", "fields": ["kode"]}} in laporan


def test_csv_files_are_plain_utf8_with_iso_dates_integers_and_codes_as_text(built_site):
    for folder in every_package(built_site):
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        for resource in (r for r in package["resources"] if r["path"].endswith(".csv")):
            raw = (folder / resource["path"]).read_bytes()
            assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
            rows = read_csv(folder / resource["path"])
            header = raw.decode("utf-8").split("\n", 1)[0].split(",")
            assert header == [f["name"] for f in resource["schema"]["fields"]], resource["path"]
            for field in resource["schema"]["fields"]:
                values = [row[field["name"]] for row in rows if row[field["name"]] != ""]
                if field["type"] == "date":
                    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for v in values), (resource["path"], values)
                elif field["type"] == "integer":
                    assert all(re.fullmatch(r"-?\d+", v) for v in values), (resource["path"], values)
                elif field["name"] in ("kode", "kode_wilayah"):
                    assert field["type"] == "string"
                    assert all(re.fullmatch(r"\d{2}(\.\d{2}){0,2}", v) for v in values), values


def test_public_contacts_are_office_contacts_only(built_site):
    for folder in packages(built_site, "publik"):
        header = (folder / "kontak.csv").read_text(encoding="utf-8").split("\n", 1)[0]
        assert header == "instansi,nomor,jabatan,nama,telepon_kantor,surel,alamat"


# --- the figures are the pages' figures ---------------------------------------------------------------------


def cells(row_html: str) -> list[str]:
    return re.findall(r"<td[^>]*>(.*?)</td>", row_html, re.S)


def text(cell: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", cell))).strip()


def kecamatan_pages(version: Path) -> dict[str, str]:
    """The HTML of every kecamatan page of an election edition, by the Kemendagri code it states."""
    pages = {}
    for page in sorted((version / "kecamatan").glob("*/index.html")):
        source = page.read_text(encoding="utf-8")
        found = re.search(r"Kode Kemendagri (\d{2}\.\d{2}\.\d{2})", source)
        if found:
            pages[found.group(1)] = source
    return pages


def figure_row(page: str, key: str) -> list[str] | None:
    """The cells of a figure's row in the page's table of latest figures (Angka | Nilai | … | Tren | Per tanggal |
    Sumber), or None when the page shows no such row."""
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        found = cells(row)
        if len(found) == 6 and re.fullmatch(rf"{re.escape(LABELS[key])}( \(\w+\))?", text(found[0])):
            return found
    return None


def test_every_figure_of_kecamatan_csv_is_on_its_page(built_site):
    compared = 0
    for folder in every_package(built_site):
        pages = kecamatan_pages(folder.parent)
        rows = read_csv(folder / "kecamatan.csv")
        assert {row["kode"] for row in rows} == set(pages), folder
        for row in rows:
            page = pages[row["kode"]]
            assert f"Kecamatan {html.escape(row['nama'], quote=False)}" in page
            for key in LABELS:
                shown = figure_row(page, key)
                where = f"{folder.parent}: {row['kode']} {key}"
                if row[key] == "":
                    assert shown is None or text(shown[1]) in ("–", ""), where
                    continue
                assert shown is not None, f"{where}: {row[key]} is not on the page"
                value, date, source = shown[1], text(shown[4]), shown[5]
                assert text(value).split(" ")[0] == angka(row[key]), f"{where}: {text(value)} ≠ {row[key]}"
                assert date == tanggal(row[f"{key}_tanggal"]), f"{where}: {date}"
                assert f'/{row[f"{key}_sumber"]}/' in source, f"{where}: {source}"
                assert ("bdp-ilustratif" in value) == (row[f"{key}_ilustratif"] == "true"), where
                compared += 1
    assert compared >= 100, compared


def test_every_dated_report_of_laporan_csv_is_on_its_page(built_site):
    compared = 0
    for folder in every_package(built_site):
        pages = kecamatan_pages(folder.parent)
        for row in read_csv(folder / "laporan.csv"):
            shown = figure_row(pages[row["kode"]], row["angka"])
            where = f"{folder.parent}: {row['kode']} {row['angka']} {row['tanggal']}"
            assert shown is not None, where
            point = f"{tanggal(row['tanggal'])}: {angka(row['nilai'])}"
            trend = re.search(r'aria-label="Tren [^":]*: ([^"]*)"', shown[3])
            if trend:  # every dated value, in the trend's text alternative
                assert point in html.unescape(trend.group(1)).split("; "), f"{where}: {point} not in {trend.group(1)}"
            else:  # a single report: the latest figure is the only one
                assert f"{text(shown[4])}: {text(shown[1]).split(' ')[0]}" == point, where
            compared += 1
    assert compared >= 300, compared


def test_laporan_keys_match_kecamatan(built_site):
    for folder in every_package(built_site):
        codes = {row["kode"] for row in read_csv(folder / "kecamatan.csv")}
        reports = read_csv(folder / "laporan.csv")
        assert reports and {row["kode"] for row in reports} <= codes
        assert all(KECAMATAN_CODE.match(code) for code in codes)


# --- the data page ---------------------------------------------------------------------------------------------


def test_data_page_links_every_file_and_shows_first_rows(built_site):
    for folder in every_package(built_site):
        page = (folder.parent / "data-terbuka" / "index.html").read_text(encoding="utf-8")
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        assert "&amp;#" not in page and "&amp;amp;" not in page, "text escaped twice on the data page"
        for resource in package["resources"]:
            assert f'href="../unduh/{resource["path"]}"' in page, resource["path"]
        for name in TABLES:
            lines = (folder / name).read_text(encoding="utf-8").split("\n")
            assert html.escape(lines[0], quote=False) in page, f"{name}: header row not shown"
            first = next(csv.reader([lines[1]]))
            assert html.escape(first[0], quote=False) in page, f"{name}: first row not shown"


def test_without_a_site_address_the_build_says_once_that_packages_are_for_download_only(built_site):
    from generator.render.downloads import DOWNLOAD_ONLY

    log = (built_site.parent / "build.log").read_text(encoding="utf-8")
    assert log.count(DOWNLOAD_ONLY) == 1, log
    for folder in every_package(built_site):
        assert (folder / "ckan.json").is_file()
