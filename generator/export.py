"""Data terbuka: an edition's data as downloads (JSON, CSV) with a Frictionless data-package descriptor.

Written from the records and the model an edition may show, so the public downloads hold exactly what the
public pages hold: restricted records were removed before this stage. Output is deterministic.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
import xml.etree.ElementTree as ET

from .model import SiteModel
from .validate import EditionRecords

FOLDER = "unduh"
KECAMATAN_FIELDS = ["kode", "nama", "penduduk", "wajib_ktp", "ektp_rekam", "ektp_cetak", "pemilih", "tps",
                    "linmas_siap", "status_kesiapan"]
ACTION_FIELDS = ["id", "uraian", "pemilik", "rapat", "tanggal_rapat", "batas_waktu", "status", "tanggal_selesai",
                 "terlambat_hari"]


def export(records: EditionRecords, model: SiteModel, site_url: str | None = None) -> dict[str, str]:
    """``{path: text}`` of the downloads under ``unduh/``, and the Atom feed of meetings (``feed.xml``)."""
    data = {
        "edisi": records.edisi.data.model_dump(mode="json") if records.edisi else None,
        "instansi": {slug: r.data.model_dump(mode="json") for slug, r in sorted(records.instansi.items())},
        "kecamatan": {slug: r.data.model_dump(mode="json") for slug, r in sorted(records.kecamatan.items())},
        "rapat": {slug: r.data.model_dump(mode="json") for slug, r in sorted(records.rapat.items())},
    }
    kecamatan = [[k.kode, k.nama, *(k.figures[key].value for key in KECAMATAN_FIELDS[2:-1]), k.readiness.label]
                 for k in model.kecamatan]
    actions = [[a.id, a.uraian, a.pemilik.slug, a.rapat_slug, a.rapat_tanggal.isoformat(), a.batas_waktu.isoformat(),
                a.status, a.tanggal_selesai.isoformat() if a.tanggal_selesai else "", a.days_overdue]
               for a in model.action_items]
    return {
        f"{FOLDER}/data.json": json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        f"{FOLDER}/kecamatan.csv": _csv(KECAMATAN_FIELDS, kecamatan),
        f"{FOLDER}/tindak-lanjut.csv": _csv(ACTION_FIELDS, actions),
        f"{FOLDER}/datapackage.json": json.dumps(_package(model), ensure_ascii=False, indent=1) + "\n",
        "feed.xml": atom_feed(model, site_url),
    }


def atom_feed(model: SiteModel, site_url: str | None = None) -> str:
    """An Atom feed (RFC 4287) of the meetings, newest first. Links are relative to the feed unless the site's
    address is known; ids are stable URNs, so a reader sees the same entry across rebuilds."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    zone = {"WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00"}[model.edisi.zona_waktu]
    feed_id = uuid.uuid5(uuid.NAMESPACE_URL, f"buletin-desk-pilkada/{model.edisi.id}/{model.edition}")
    stamps = {r.slug: f"{r.tanggal.isoformat()}T{(r.waktu or '00.00').replace('.', ':')}:00{zone}" for r in model.rapat}
    updated = max(stamps.values(), default=f"{model.as_of.isoformat()}T00:00:00{zone}")  # same zone: text order
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


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return out.getvalue()


def _package(model: SiteModel) -> dict:
    integer = {"type": "integer"}
    text = {"type": "string"}
    return {
        "name": f"buletin-desk-pilkada-{model.edisi.id}-{model.edition}",
        "title": f"{model.edisi.desk.nama}: {model.edisi.nama}",
        "description": (f"Data edisi {model.edition} buletin {model.edisi.desk.nama}, per {model.as_of.isoformat()}. "
                        "Angka bertanda ilustratif adalah contoh, bukan data resmi."),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": [
            {"name": "kecamatan", "path": "kecamatan.csv", "format": "csv", "mediatype": "text/csv",
             "schema": {"fields": [{"name": n, **(text if n in ("kode", "nama", "status_kesiapan") else integer)}
                                   for n in KECAMATAN_FIELDS]}},
            {"name": "tindak-lanjut", "path": "tindak-lanjut.csv", "format": "csv", "mediatype": "text/csv",
             "schema": {"fields": [{"name": n, **(integer if n == "terlambat_hari" else text)}
                                   for n in ACTION_FIELDS]}},
            {"name": "data", "path": "data.json", "format": "json", "mediatype": "application/json",
             "description": "Seluruh data edisi ini per berkas: edisi, instansi, kecamatan, rapat."},
        ],
    }
