"""Open data: the tables of an edition's data package, from what the edition may show.

Built once per site edition × election edition, after the site model (``views`` calls ``open_data``), from the
filtered records and the model: the public package holds exactly what the public pages hold. Each table has a
Table Schema (types, Indonesian descriptions, units, keys); ``export`` writes it as CSV beside
``datapackage.json``, and the data page shows its first rows. Rows are sorted by their key, so a new report
adds lines to a file rather than reordering it; values stay Python values until ``csv_text`` writes them.

    instansi        the agencies and camat offices: what the other tables' agency columns refer to
    kecamatan       the latest figure per kecamatan, with its date, source agency and illustrative flag
    laporan         every dated report figure, long format: kecamatan × date × agency × figure
    tindak-lanjut   every action item with owner, due date and status
    rapat           the meetings; keputusan: their decisions, one row each
    kontak          office contacts (positions, office phones and addresses: never a personal number)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import textwrap
from dataclasses import replace

from generator.domain.directory import Directory
from generator.domain.model import Column, DataTable, ForeignKey, OpenData, SiteModel
from generator.domain.readiness import LABELS as LEVEL_LABELS
from generator.domain.series import FIGURES, agency_reports, basis, is_illustrative, report_rows
from generator.load.schema import JENIS_INSTANSI, STATUS_TINDAK_LANJUT
from generator.load.validate import EditionRecords

PREVIEW_ROWS = 3  # the first rows the data page shows of each table, whatever its size
PREVIEW_CHARS = 60  # a longer value is cut there on the page (never in the file)
LICENCE = ("CC-BY-4.0", "Creative Commons Attribution 4.0 International",
           "https://creativecommons.org/licenses/by/4.0/")
UNITS = {"penduduk": "jiwa", "wajib_ktp": "orang", "ektp_rekam": "orang", "ektp_cetak": "keping",
         "pemilih": "orang", "tps": "TPS", "linmas_siap": "orang"}
MEANINGS = {  # what each figure counts, for the column descriptions
    "penduduk": "Jumlah penduduk",
    "wajib_ktp": "Penduduk wajib KTP",
    "ektp_rekam": "Wajib KTP yang sudah merekam e-KTP",
    "ektp_cetak": "e-KTP yang sudah dicetak",
    "pemilih": "Jumlah pemilih pada tahap daftar pemilih yang dilaporkan",
    "tps": "Jumlah TPS",
    "linmas_siap": "Anggota Linmas yang siap bertugas di TPS",
}
AGENCY_KINDS = [*JENIS_INSTANSI, "camat"]  # the camat reports on a kecamatan as an agency does
CODE = r"^\d{2}(\.\d{2}){0,2}$"  # a Kemendagri code of a province, kabupaten/kota or kecamatan
KECAMATAN_CODE = r"^\d{2}\.\d{2}\.\d{2}$"
CODE_DECREE = "Kepmendagri Nomor 300.2.2-2138 Tahun 2025"  # the region codes of the kode columns
UPDATE_FREQUENCY = "tidak tetap: setiap ada laporan instansi atau rapat desk"  # Satu Data frekuensi pembaruan
# How a Table Schema type is read: pandas dtype (None: a date, parsed), readr's compact column type.
PANDAS_TYPES = {"string": "string", "integer": "Int64", "boolean": "boolean", "date": None}
READR_TYPES = {"string": "c", "integer": "i", "boolean": "l", "date": "D"}
BASIS = Column("terbatas", "string", "Edisi internal: dasar hukum pengecualian bila baris ini informasi yang "
                                     "dikecualikan (TERBATAS); kosong bila terbuka untuk publik.")


def _finished(table: DataTable, internal: bool, address: str) -> DataTable:
    """A table as its site edition gives it (the basis column is the internal edition's only), with the first
    rows the data page shows and the code that reads it."""
    if internal:
        table = replace(table, columns=[*table.columns, BASIS])
    else:
        table = replace(table, rows=[row[:-1] for row in table.rows])
    first = [[csv_text(value) for value in row] for row in table.rows[:PREVIEW_ROWS]]
    return replace(table, examples=[_cut(value) for value in first[0]] if first else [],
                   preview=csv_document([c.name for c in table.columns], [[_cut(v) for v in row] for row in first]),
                   readers=readers(table, address))


def readers(table: DataTable, address: str = "") -> dict[str, str]:
    """Copy-ready code that reads a table's CSV file with the types of its schema, by tool: every text column
    (the Kemendagri codes among them) stays text as written, an empty cell is the only missing value.
    ``address``: where unduh/ is (empty: the file is in the working folder)."""
    variable = table.name.replace("-", "_")
    by_type: dict[str, list[str]] = {}
    for column in table.columns:
        by_type.setdefault(column.type, []).append(column.name)

    def names(items: list[str], indent: str) -> str:
        listed = "[" + ", ".join(f'"{name}"' for name in items) + "]"
        return textwrap.fill(listed, 100, initial_indent=indent, subsequent_indent=indent + " ",
                             break_on_hyphens=False, break_long_words=False).lstrip()

    dtypes = [f'{{c: "{dtype}" for c in {names(by_type[kind], "        ")}}}'
              for kind, dtype in PANDAS_TYPES.items() if dtype and kind in by_type]
    pandas = ["import pandas as pd", "", f"{variable} = pd.read_csv(", f'    "{address}{table.path}",',
              '    keep_default_na=False, na_values=[""],', "    dtype=" + "\n    | ".join(dtypes) + ","]
    if "date" in by_type:
        pandas.append(f"    parse_dates={names(by_type['date'], '    ')},")
    pandas.append(")")
    return {
        "pandas": "\n".join(pandas),
        "frictionless": (f'from frictionless import Package\n\n{variable} = Package("{address}datapackage.json")'
                         f'.get_resource("{table.name}").read_rows()'),
        "R (readr)": (f'{variable} <- readr::read_csv("{address}{table.path}", na = "",\n'
                      f'  col_types = "{"".join(READR_TYPES[c.type] for c in table.columns)}")'),
    }


def iso_time(waktu: str | None) -> str | None:
    """A meeting's time as the downloads write it, ISO 8601: "09.00" → "09:00"."""
    return waktu.replace(".", ":") if waktu else None


def open_data(records: EditionRecords, model: SiteModel, directory: Directory,
              site_url: str | None = None) -> OpenData:
    """The data package of one edition as its site edition shows it (``site_url``: the election edition's
    address, when known: the package then names its files by absolute address)."""
    internal = model.edition == "internal"
    address = f"{site_url}unduh/" if site_url else None
    tables = [_finished(table, internal, address or "") for table in (
        instansi(model), kecamatan(model), laporan(records, model, directory), tindak_lanjut(model), rapat(model),
        keputusan(model), kontak(model))]
    edisi = model.edisi
    return OpenData(
        name=f"buletin-desk-pilkada-{edisi.id}-{model.edition}",
        title=f"Data terbuka {edisi.desk.nama}: {edisi.nama_singkat}",
        description=(f"Data {edisi.nama} yang dihimpun {edisi.desk.nama}, edisi {model.edition}, {_per(model)}: "
                     "angka kesiapan per kecamatan dan laporan bertanggal dari instansi, "
                     "rapat dan keputusannya, tindak lanjut, serta kontak kantor. Angka bertanda ilustratif adalah "
                     "contoh, bukan data resmi."
                     + (" Edisi internal: memuat informasi yang dikecualikan (kolom terbatas); jangan diteruskan "
                        "ke luar desk." if internal else "")),
        licence=LICENCE, sources=list(edisi.sumber),
        keywords=["pilkada", "desk pilkada", "kesiapan pemilihan", edisi.nama_singkat, model.area.nama],
        publisher=edisi.desk.nama, as_of=model.as_of, edisi=(edisi.id, edisi.nama), edition=model.edition,
        tables=tables, address=address, period=_period(tables), producers=_producers(model, tables),
        secretariat=_secretariat(model), custodian=edisi.desk.walidata)


def _period(tables: list[DataTable]) -> tuple[dt.date, dt.date] | None:
    """The first and last dates of the reports and meetings."""
    dates = [row[[c.name for c in table.columns].index("tanggal")]
             for table in tables if table.name in ("laporan", "rapat") for row in table.rows]
    return (min(dates), max(dates)) if dates else None


def _producers(model: SiteModel, tables: list[DataTable]) -> list[str]:
    """The desk, then each agency whose reports the package holds (Satu Data: produsen data)."""
    laporan_table = next(t for t in tables if t.name == "laporan")
    column = [c.name for c in laporan_table.columns].index("instansi")
    names = {row[0]: row[2] for row in next(t for t in tables if t.name == "instansi").rows}
    slugs = sorted({row[column] for row in laporan_table.rows})
    return [model.edisi.desk.nama, *sorted({names.get(slug, slug) for slug in slugs})]


def _secretariat(model: SiteModel) -> tuple[str, str | None] | None:
    office = next((i for i in model.instansi if i.slug == model.edisi.desk.sekretariat), None)
    if office is None:
        return None
    return office.nama, next((c.surel for c in office.kontak if c.surel), None)


def csv_text(value) -> str:
    """A value as the CSV files write it: ISO dates, plain integers, true/false, empty when unknown."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_document(header: list[str], rows: list[list]) -> str:
    """CSV as the downloads write it: UTF-8 text, a header row, comma-separated, quoted only where needed, one
    line per row, values written by ``csv_text``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_text(value) for value in row] for row in rows)
    return out.getvalue()


def _cut(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS - 1].rstrip() + "…"


# --- the tables -------------------------------------------------------------------------------------------
# Each builder returns rows whose last value is the row's legal basis (None when public); ``open_data`` drops it
# from the public edition and names it in the internal one.


def _agency(name: str, description: str, required: bool = True) -> Column:
    return Column(name, "string", f"{description} (kolom slug di instansi.csv).",
                  constraints={"required": True} if required else {})


def instansi(model: SiteModel) -> DataTable:
    rows = [(i.slug, i.singkatan, i.nama, i.jenis, i.wilayah[0] if i.wilayah else None, i.situs, None)
            for i in model.instansi]
    rows += [(k.camat.slug, k.camat.singkatan, k.camat.nama, "camat", k.kode, None, None) for k in model.kecamatan]
    rows.sort(key=lambda row: row[0])
    return DataTable(
        "instansi", "Instansi dan kantor camat",
        "Instansi yang tergabung dalam desk dan kantor camat, yang dirujuk kolom instansi, sumber dan pemilik tabel "
        "lain.",
        [Column("slug", "string", "Pengenal instansi; camat: camat-<kecamatan>.",
                constraints={"required": True, "unique": True}),
         Column("singkatan", "string", "Nama singkat yang dipakai di buletin.", constraints={"required": True}),
         Column("nama", "string", "Nama lengkap instansi, atau kecamatan dari kantor camat.",
                constraints={"required": True}),
         Column("jenis", "string", "Jenis instansi.", constraints={"required": True, "enum": AGENCY_KINDS}),
         Column("kode_wilayah", "string", "Kode Kemendagri wilayah kerja instansi (provinsi, kabupaten/kota, atau "
                                          "kecamatan bagi camat); kosong berarti seluruh wilayah desk.",
                constraints={"pattern": CODE}),
         Column("situs", "string", "Situs web resmi.", format="uri")],
        rows, ("slug",))


def kecamatan(model: SiteModel) -> DataTable:
    columns = [
        Column("kode", "string", "Kode Kemendagri kecamatan (teks, mis. 62.04.01).",
               constraints={"required": True, "unique": True, "pattern": KECAMATAN_CODE}),
        Column("nama", "string", "Nama kecamatan menurut Kemendagri.", constraints={"required": True}),
        Column("kode_kabupaten", "string", "Kode Kemendagri kabupaten/kota.", constraints={"required": True}),
        Column("kabupaten", "string", "Nama kabupaten/kota."),
        Column("provinsi", "string", "Nama provinsi."),
        Column("jumlah_desa", "integer", "Jumlah desa.", "desa", {"required": True, "minimum": 0}),
        Column("jumlah_kelurahan", "integer", "Jumlah kelurahan.", "kelurahan", {"required": True, "minimum": 0}),
    ]
    foreign = []
    for key, (label, _) in FIGURES.items():
        columns += [
            Column(key, "integer", f"{MEANINGS[key]} menurut laporan terbaru.", UNITS[key], {"minimum": 0}),
            Column(f"{key}_tanggal", "date", f"Tanggal laporan terbaru {label}."),
            _agency(f"{key}_sumber", f"Instansi yang melaporkan {label} terbaru", required=False),
            Column(f"{key}_ilustratif", "boolean", f"true bila angka {label} terbaru ilustratif (contoh, bukan data "
                                                   "resmi)."),
        ]
        foreign.append(ForeignKey((f"{key}_sumber",), "instansi", ("slug",)))
    columns += [
        Column("status_kesiapan", "string", "Status kesiapan kecamatan menurut aturan kesiapan buletin.",
               constraints={"required": True, "enum": list(LEVEL_LABELS.values())}),
        Column("alasan_status", "string", "Aturan dan data yang menentukan status kesiapan."),
    ]
    rows = []
    for k in model.kecamatan:
        row = [k.kode, k.nama, k.kabupaten_kode, k.kabupaten_nama, k.provinsi_nama, k.jumlah_desa,
               k.jumlah_kelurahan]
        for key in FIGURES:
            figure = k.figures[key]
            known = figure.value is not None
            row += [figure.value, figure.date, figure.source.slug if figure.source else None,
                    figure.illustrative if known else None]
        decided = k.readiness.decided_by
        bases = sorted({f.dasar for f in k.figures.values() if f.dasar})
        row += [k.readiness.label, f"{decided.rule}: {decided.detail}" if decided else "semua aturan terpenuhi",
                "; ".join(bases) or None]
        rows.append(tuple(row))
    return DataTable(
        "kecamatan", "Angka terbaru per kecamatan",
        "Satu baris per kecamatan: angka terbaru setiap jenis laporan dengan tanggal, instansi sumber dan tanda "
        "ilustratif, serta status kesiapan. Riwayat setiap angka ada di laporan.csv.",
        columns, rows, ("kode",), foreign)


def laporan(records: EditionRecords, model: SiteModel, directory: Directory) -> DataTable:
    names = {k.kode: k.nama for k in model.kecamatan}
    order = {key: index for index, key in enumerate(FIGURES)}
    rows = []
    for slug, _record, _field, kind, _index, report in agency_reports(records):
        keys = [key for key, (_, figure_kind) in FIGURES.items() if figure_kind == kind]
        tahap = getattr(report, "tahap", None)
        for _, row in report_rows(report, directory.kecamatan_by_code):
            for key in keys:
                rows.append((row.kecamatan, names.get(row.kecamatan), report.tanggal, slug, key, getattr(row, key),
                             UNITS[key], tahap, is_illustrative(report, key), basis(report)))
    rows.sort(key=lambda r: (r[0], order[r[4]], r[2], r[3]))
    return DataTable(
        "laporan", "Laporan bertanggal",
        "Setiap angka setiap laporan instansi, satu baris per kecamatan, tanggal, instansi dan jenis angka: dasar "
        "tren dan perubahan yang ditampilkan di halaman kecamatan.",
        [Column("kode", "string", "Kode Kemendagri kecamatan.",
                constraints={"required": True, "pattern": KECAMATAN_CODE}),
         Column("kecamatan", "string", "Nama kecamatan."),
         Column("tanggal", "date", "Tanggal posisi data laporan.", constraints={"required": True}),
         _agency("instansi", "Instansi yang melaporkan"),
         Column("angka", "string", "Jenis angka; nama kolom yang sama di kecamatan.csv.",
                constraints={"required": True, "enum": list(FIGURES)}),
         Column("nilai", "integer", "Nilai angka, dalam satuan di kolom satuan.", constraints={"required": True,
                                                                                              "minimum": 0}),
         Column("satuan", "string", "Satuan nilai.", constraints={"required": True,
                                                                  "enum": sorted(set(UNITS.values()))}),
         Column("tahap", "string", "Tahap daftar pemilih (laporan KPU): DP4, DPS, DPSHP atau DPT.",
                constraints={"enum": ["DP4", "DPS", "DPSHP", "DPT"]}),
         Column("ilustratif", "boolean", "true bila angka ini ilustratif (contoh, bukan data resmi).",
                constraints={"required": True})],
        rows, ("kode", "tanggal", "instansi", "angka"),
        [ForeignKey(("kode",), "kecamatan", ("kode",)), ForeignKey(("instansi",), "instansi", ("slug",))])


def tindak_lanjut(model: SiteModel) -> DataTable:
    items = sorted(model.action_items, key=lambda a: (a.rapat_tanggal, a.id))
    rows = [(a.id, a.uraian, a.pemilik.slug, a.rapat_slug, a.rapat_tanggal, a.batas_waktu, a.status,
             a.tanggal_selesai, a.days_overdue, a.catatan, a.dasar) for a in items]
    return DataTable(
        "tindak-lanjut", "Tindak lanjut rapat",
        f"Semua tindak lanjut rapat desk dengan penanggung jawab, batas waktu dan status {_per(model)}.",
        [Column("id", "string", "Pengenal tindak lanjut.", constraints={"required": True, "unique": True}),
         Column("uraian", "string", "Apa yang harus dikerjakan.", constraints={"required": True}),
         _agency("pemilik", "Instansi penanggung jawab"),
         Column("rapat", "string", "Rapat yang memutuskannya (kolom slug di rapat.csv).",
                constraints={"required": True}),
         Column("tanggal_rapat", "date", "Tanggal rapat itu.", constraints={"required": True}),
         Column("batas_waktu", "date", "Batas waktu.", constraints={"required": True}),
         Column("status", "string", "Status terakhir.", constraints={"required": True, "enum": list(STATUS_TINDAK_LANJUT)}),
         Column("tanggal_selesai", "date", "Tanggal selesai, bila selesai."),
         Column("terlambat_hari", "integer", f"Hari lewat batas waktu {_per(model)}; 0 bila tidak "
                                             "terlambat.", "hari", {"required": True, "minimum": 0}),
         Column("catatan", "string", "Catatan perkembangan terakhir.")],
        rows, ("id",),
        [ForeignKey(("pemilik",), "instansi", ("slug",)), ForeignKey(("rapat",), "rapat", ("slug",))])


def rapat(model: SiteModel) -> DataTable:
    meetings = sorted(model.rapat, key=lambda r: (r.tanggal, r.slug))
    rows = [(r.slug, r.tanggal, iso_time(r.waktu), r.judul, r.tempat, r.pimpinan.nama, r.pimpinan.jabatan,
             "; ".join(p.slug for p in r.peserta), r.ringkasan, len(r.keputusan), len(r.tindak_lanjut), r.dasar)
            for r in meetings]
    return DataTable(
        "rapat", "Rapat desk",
        "Rapat desk, satu baris per rapat; keputusannya di keputusan.csv dan tindak lanjutnya di tindak-lanjut.csv.",
        [Column("slug", "string", "Pengenal rapat (alamat halamannya).", constraints={"required": True,
                                                                                    "unique": True}),
         Column("tanggal", "date", "Tanggal rapat.", constraints={"required": True}),
         Column("waktu", "string", f"Jam mulai ({model.edisi.zona_waktu}), ISO 8601 JJ:MM, mis. 09:00.",
                constraints={"pattern": r"^\d{2}:\d{2}$"}),
         Column("judul", "string", "Judul rapat.", constraints={"required": True}),
         Column("tempat", "string", "Tempat rapat."),
         Column("pimpinan", "string", "Nama pimpinan rapat."),
         Column("jabatan_pimpinan", "string", "Jabatan pimpinan rapat."),
         Column("peserta", "string", "Instansi yang hadir, dipisah titik koma (kolom slug di instansi.csv)."),
         Column("ringkasan", "string", "Ringkasan rapat untuk publik."),
         Column("jumlah_keputusan", "integer", "Keputusan rapat ini.", "keputusan", {"required": True,
                                                                                      "minimum": 0}),
         Column("jumlah_tindak_lanjut", "integer", "Tindak lanjut baru dari rapat ini.", "tindak lanjut",
                {"required": True, "minimum": 0})],
        rows, ("slug",))


def keputusan(model: SiteModel) -> DataTable:
    rows = [(r.slug, r.tanggal, number, d.uraian, d.dasar)
            for r in sorted(model.rapat, key=lambda r: (r.tanggal, r.slug))
            for number, d in enumerate(r.keputusan, start=1)]
    return DataTable(
        "keputusan", "Keputusan rapat",
        "Keputusan dan kesepakatan rapat desk, satu baris per keputusan, dalam urutan notulen.",
        [Column("rapat", "string", "Rapat yang memutuskan (kolom slug di rapat.csv).",
                constraints={"required": True}),
         Column("tanggal_rapat", "date", "Tanggal rapat.", constraints={"required": True}),
         Column("nomor", "integer", "Nomor urut keputusan dalam rapat itu.", constraints={"required": True,
                                                                                        "minimum": 1}),
         Column("uraian", "string", "Keputusan atau kesepakatan.", constraints={"required": True})],
        rows, ("rapat", "nomor"), [ForeignKey(("rapat",), "rapat", ("slug",))])


def kontak(model: SiteModel) -> DataTable:
    owners = [(i.slug, i.kontak) for i in model.instansi] + [(k.camat.slug, k.kontak) for k in model.kecamatan]
    rows = [(slug, number, c.jabatan, c.nama, c.telepon_kantor, c.surel, c.alamat,
             c.dasar if c.akses == "terbatas" else None)
            for slug, contacts in sorted(owners, key=lambda owner: owner[0])
            for number, c in enumerate(contacts, start=1)]
    return DataTable(
        "kontak", "Kontak kantor",
        "Kontak kantor instansi dan camat: jabatan, telepon kantor, surel dan alamat. Nomor pribadi, NIK dan NIP "
        "tidak pernah dimuat.",
        [_agency("instansi", "Instansi atau kantor camat"),
         Column("nomor", "integer", "Nomor urut kontak di instansi itu.", constraints={"required": True,
                                                                                     "minimum": 1}),
         Column("jabatan", "string", "Jabatan atau unit.", constraints={"required": True}),
         Column("nama", "string", "Nama pejabat, bila dicantumkan."),
         Column("telepon_kantor", "string", "Telepon kantor, seperti ditulis instansi."),
         Column("surel", "string", "Alamat surel kantor.", format="email"),
         Column("alamat", "string", "Alamat kantor.")],
        rows, ("instansi", "nomor"), [ForeignKey(("instansi",), "instansi", ("slug",))])


def _per(model: SiteModel) -> str:
    """"per <the date of the data>", or that there is none yet."""
    return f"per {model.as_of.isoformat()}" if model.as_of else "sebelum ada laporan atau rapat bertanggal"
