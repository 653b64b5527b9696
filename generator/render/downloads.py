"""Data terbuka: an edition's data as downloads (JSON, CSV) with a Frictionless data-package descriptor.

Written from the records and the model an edition may show, so the public downloads hold exactly what the
public pages hold: restricted records were removed before this stage. Output is deterministic.
"""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET

from generator.domain.model import DataTable, OpenData, SiteModel
from generator.load.validate import EditionRecords
from generator.views.opendata import CODE_DECREE, UPDATE_FREQUENCY, csv_document, iso_time

FOLDER = "unduh"
PROFILE = "data-package"  # not "tabular-data-package": data.json, the whole edition per file, is not a table
DATA_JSON = {"name": "data", "path": "data.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "title": "Seluruh data edisi",
             "description": "Seluruh data edisi ini per berkas, seperti ditulis editor: edisi, instansi, kecamatan, "
                            "rapat (hanya yang boleh ditampilkan edisi ini)."}
CKAN_LICENCE = "cc-by"  # CC-BY-4.0 in CKAN's default licence list
CODE_COLUMNS = {"kecamatan": ["kode", "kode_kabupaten"], "laporan": ["kode"], "instansi": ["kode_wilayah"]}
DOWNLOAD_ONLY = ("Paket data (unduh/datapackage.json, unduh/ckan.json) hanya untuk diunduh: alamat situs tidak "
                 "diketahui, sehingga jalur berkasnya relatif dan portal data (CKAN, Satu Data) tidak dapat "
                 "mengambilnya. Bangun dengan --base-url URL atau isi site_url di mkdocs.yml.")


def export(records: EditionRecords, model: SiteModel, site_url: str | None = None) -> dict[str, str]:
    """``{path: text}`` of the downloads under ``unduh/``, and the Atom feed of meetings (``feed.xml``)."""
    data = {
        "edisi": records.edisi.data.model_dump(mode="json") if records.edisi else None,
        "instansi": {slug: r.data.model_dump(mode="json") for slug, r in sorted(records.instansi.items())},
        "kecamatan": {slug: r.data.model_dump(mode="json") for slug, r in sorted(records.kecamatan.items())},
        "rapat": {slug: _iso_times(r.data.model_dump(mode="json")) for slug, r in sorted(records.rapat.items())},
    }
    package = model.data_terbuka
    files = {f"{FOLDER}/{table.path}": table_csv(table) for table in package.tables}
    files[f"{FOLDER}/data.json"] = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    files[f"{FOLDER}/datapackage.json"] = json.dumps(descriptor(package, site_url), ensure_ascii=False,
                                                     indent=1) + "\n"
    files[f"{FOLDER}/ckan.json"] = json.dumps(ckan_dataset(package, site_url), ensure_ascii=False, indent=1) + "\n"
    files["feed.xml"] = atom_feed(model, site_url)
    return files


def _iso_times(meeting: dict) -> dict:
    """A meeting as data.json gives it: its time ISO 8601 (09:00), as in rapat.csv."""
    return {**meeting, "waktu": iso_time(meeting.get("waktu"))} if "waktu" in meeting else meeting


def table_csv(table: DataTable) -> str:
    """A table as its CSV file."""
    return csv_document([column.name for column in table.columns], table.rows)


def descriptor(package: OpenData, site_url: str | None = None) -> dict:
    """The Frictionless Data Package descriptor (``datapackage.json``): what, whose, which licence, from which
    sources, as of when, and a Table Schema per table."""
    identifier, title, address = package.licence
    where = package.address or ""  # with the site's address, every file by its absolute address
    secretariat = [{"title": package.secretariat[0], "role": role,
                    **({"email": package.secretariat[1]} if package.secretariat[1] else {})}
                   for role in ("author", "maintainer")] if package.secretariat else []
    out = {
        "profile": PROFILE,
        **({"id": f"{where}datapackage.json"} if where else {}),
        "name": package.name,
        "title": package.title,
        "description": package.description,
        **({"homepage": f"{site_url}data-terbuka/"} if site_url else {}),
        "licenses": [{"name": identifier, "title": title, "path": address}],
        "sources": [{"title": s.judul, **({"path": s.tautan} if s.tautan else {})} for s in package.sources],
        "contributors": [{"title": package.publisher, "role": "publisher"}, *secretariat],
        "keywords": package.keywords,
        "edisi": {"id": package.edisi[0], "nama": package.edisi[1], "edisi_situs": package.edition},
        # when the data last changed: the newest report or meeting (null: nothing dated has come in yet)
        "tanggal_data": package.as_of.isoformat() if package.as_of else None,
        "satu_data": satu_data(package),
        "resources": [_resource(table, where) for table in package.tables]
        + [{**DATA_JSON, "path": f"{where}{DATA_JSON['path']}"}],
    }
    return out


def satu_data(package: OpenData) -> dict:
    """The metadata of Satu Data Indonesia (Perpres 39/2019): data producers, reference codes with their decree,
    period, update frequency."""
    return {
        "produsen_data": package.producers,
        "kode_referensi": [{"kode": "Kode wilayah administrasi pemerintahan Kemendagri", "dasar": CODE_DECREE,
                            "kolom": [f"{table}.csv: {column}" for table, columns in CODE_COLUMNS.items()
                                      for column in columns]}],
        "periode": ({"awal": package.period[0].isoformat(), "akhir": package.period[1].isoformat()}
                    if package.period else None),
        "frekuensi_pembaruan": UPDATE_FREQUENCY,
        "walidata": _custodian(package),
    }


def _custodian(package: OpenData) -> dict | None:
    """The walidata and its office contact, as edisi.yml names them (None: the desk names none)."""
    if package.custodian is None:
        return None
    custodian = package.custodian
    return {key: value for key, value in (("nama", custodian.nama), ("surel", custodian.surel),
                                          ("telepon", custodian.telepon_kantor), ("situs", custodian.situs))
            if value}


def ckan_dataset(package: OpenData, site_url: str | None = None) -> dict:
    """The package as a CKAN dataset record (``package_create``): what a portal that runs CKAN (Satu Data
    Indonesia, regional portals) harvests. The CKAN licence id is ``cc-by``; the Satu Data metadata are extras."""
    identifier, title, address = package.licence
    where = package.address or ""
    meta = satu_data(package)
    extras = {
        "produsen_data": "; ".join(meta["produsen_data"]),
        "kode_referensi": "; ".join(f"{r['kode']} ({r['dasar']})" for r in meta["kode_referensi"]),
        "periode_awal": meta["periode"]["awal"] if meta["periode"] else "",
        "periode_akhir": meta["periode"]["akhir"] if meta["periode"] else "",
        "frekuensi_pembaruan": meta["frekuensi_pembaruan"],
        "tanggal_data": package.as_of.isoformat() if package.as_of else "",
        "edisi": f"{package.edisi[1]} ({package.edition})",
        "lisensi_spdx": identifier,
        "penerbit": package.publisher,
        **{f"walidata_{key}" if key != "nama" else "walidata": value
           for key, value in (meta["walidata"] or {}).items()},
    }
    name, email = package.secretariat or (package.publisher, None)
    return {
        "name": package.name,
        "title": package.title,
        "notes": package.description,
        **({"url": f"{site_url}data-terbuka/"} if site_url else {}),
        "license_id": CKAN_LICENCE, "license_title": title, "license_url": address,
        "author": name, **({"author_email": email} if email else {}),
        "maintainer": name, **({"maintainer_email": email} if email else {}),
        "tags": [{"name": keyword} for keyword in package.keywords],
        "resources": [{"name": t.name, "url": f"{where}{t.path}", "format": "CSV", "mimetype": "text/csv",
                       "description": t.description} for t in package.tables]
        + [{"name": DATA_JSON["name"], "url": f"{where}{DATA_JSON['path']}", "format": "JSON",
            "mimetype": "application/json", "description": DATA_JSON["description"]}],
        "extras": [{"key": key, "value": value} for key, value in extras.items()],
    }


def _resource(table: DataTable, where: str = "") -> dict:
    schema = {
        "fields": [{"name": c.name, "type": c.type, **({"format": c.format} if c.format else {}),
                    "description": c.description, **({"unit": c.unit} if c.unit else {}),
                    **({"constraints": c.constraints} if c.constraints else {})} for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [{"fields": list(fk.fields), "reference": {"resource": fk.table,
                                                                          "fields": list(fk.reference)}}
                                 for fk in table.foreign_keys]
    return {"name": table.name, "path": f"{where}{table.path}", "profile": "tabular-data-resource", "title": table.title,
            "description": table.description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": schema}


def atom_feed(model: SiteModel, site_url: str | None = None) -> str:
    """An Atom feed (RFC 4287) of the meetings, newest first. Links are relative to the feed unless the site's
    address is known; ids are stable URNs, so a reader sees the same entry across rebuilds."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    zone = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}[model.edisi.zona_waktu]
    feed_id = uuid.uuid5(uuid.NAMESPACE_URL, f"buletin-desk-pilkada/{model.edisi.id}/{model.edition}")
    stamps = {r.slug: f"{r.tanggal.isoformat()}T{(r.waktu or '00.00').replace('.', ':')}:00{zone}" for r in model.rapat}
    # The newest meeting (same zone: text order), else the date of the data. A desk with nothing dated yet has an
    # empty feed: Atom still asks for a time, and the earliest one says that nothing has changed since.
    since = f"{model.as_of.isoformat()}T00:00:00{zone}" if model.as_of else "1970-01-01T00:00:00Z"
    updated = max(stamps.values(), default=since)
    root = ET.Element("feed", {"xmlns": "http://www.w3.org/2005/Atom", "xml:lang": "id"})
    ET.SubElement(root, "title").text = f"{model.edisi.desk.nama}: rapat dan buletin ({model.edisi.nama_singkat})"
    ET.SubElement(root, "id").text = f"urn:uuid:{feed_id}"
    ET.SubElement(root, "updated").text = updated
    ET.SubElement(root, "link", {"rel": "self", "href": f"{base}feed.xml"})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": f"{base}rapat/"})
    ET.SubElement(ET.SubElement(root, "author"), "name").text = model.edisi.desk.nama
    for meeting in model.rapat:
        entry = ET.SubElement(root, "entry")
        ET.SubElement(entry, "title").text = f"{meeting.judul}, {meeting.tanggal.isoformat()}"
        ET.SubElement(entry, "id").text = f"urn:uuid:{uuid.uuid5(feed_id, meeting.slug)}"
        ET.SubElement(entry, "updated").text = stamps[meeting.slug]
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": f"{base}rapat/{meeting.slug}/"})
        ET.SubElement(entry, "summary").text = meeting.ringkasan
        decisions = "\n".join(f"- {d.uraian}" for d in meeting.keputusan)
        actions = "\n".join(f"- {a.uraian} ({a.pemilik.singkatan}, {a.batas_waktu.isoformat()})"
                             for a in meeting.tindak_lanjut)
        ET.SubElement(entry, "content", {"type": "text"}).text = "\n\n".join(
            part for part in (meeting.ringkasan, decisions and "Keputusan:\n" + decisions,
                              actions and "Tindak lanjut:\n" + actions) if part)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
