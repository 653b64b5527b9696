"""New data files and reports, written for the editor to complete: `bulletin new rapat|laporan|kecamatan`.

Every field is present and commented in Indonesian (the comment is the field's own description in
generator.load.schema, so nothing is written twice). What the data already knows is filled in: the attendees and the
open action items of earlier meetings for a meeting, the kecamatan of the last report for a report, the name and
every desa/kelurahan of the Kemendagri reference for a kecamatan. What only the editor knows is left empty, and
`fill` lists it: the new file validates once those fields are filled, and fails on them alone until then.

A report is added to its agency's file as text, after the last line of its list, so every other line of the file
stays as it was: comments, order and quoting (as generator.tools.split does).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.domain.directory import Directory, attendees
from generator.domain.regions import RegionTree, slugify
from generator.domain.series import REPORT_KINDS
from generator.load.schema import (
    STATUS_TERBUKA,
    STATUS_TINDAK_LANJUT,
    AngkaKependudukan,
    AngkaLinmas,
    AngkaPemilih,
    Instansi,
    Kecamatan,
    LaporanKependudukan,
    LaporanLinmas,
    LaporanPemilih,
    Model,
    Rapat,
    TindakLanjut,
)
from generator.load.validate import EditionRecords
from generator.render.schemas import schema_line

SLUG_WORDS_MAX = 60  # characters of the title kept in a meeting's file name

REPORTS: dict[str, tuple[type[Model], type[Model]]] = {  # list in an agency file → (report, row per kecamatan)
    "laporan_kependudukan": (LaporanKependudukan, AngkaKependudukan),
    "laporan_pemilih": (LaporanPemilih, AngkaPemilih),
    "laporan_linmas": (LaporanLinmas, AngkaLinmas),
}


class ScaffoldRefused(Exception):
    """The file cannot be made as asked (it exists, the agency has no reports, the code is unknown…)."""


@dataclass
class Scaffold:
    path: Path
    text: str
    fill: list[str] = field(default_factory=list)  # the fields the editor must fill, as validate names them


def note(model: type[Model], name: str) -> str:
    """The field's description, as a comment for the editor."""
    return model.model_fields[name].description or ""


def quoted(text: str) -> str:
    """A YAML scalar that reads back as ``text`` whatever it holds (a JSON string is a YAML double-quoted one)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(line: str, text: str, width: int = 40) -> str:
    return f"{line.ljust(width)} # {text}" if text else line


# --- meeting ---------------------------------------------------------------------------------------------


def meeting_slug(tanggal: dt.date, judul: str) -> str:
    words = slugify(judul)
    if len(words) > SLUG_WORDS_MAX:
        words = words[:SLUG_WORDS_MAX].rsplit("-", 1)[0]
    return f"{tanggal.isoformat()}-{words}" if words else tanggal.isoformat()


def open_action_items(records: EditionRecords, before: dt.date) -> list[tuple[TindakLanjut, str, str]]:
    """Action items decided at meetings before ``before`` and not done or cancelled since, in the order they
    were decided: (item, its current status, the date it was decided)."""
    items: dict[str, tuple[TindakLanjut, str, str]] = {}
    meetings = sorted(records.rapat.values(), key=lambda r: (r.data.tanggal, r.slug))
    for record in meetings:
        if record.data.tanggal >= before:
            break
        for item in record.data.tindak_lanjut:
            items[item.id] = (item, item.status, record.data.tanggal.isoformat())
        for progress in record.data.perkembangan:
            if progress.id in items:
                item, _, decided = items[progress.id]
                items[progress.id] = (item, progress.status, decided)
    return [entry for entry in items.values() if entry[1] in STATUS_TERBUKA]


def new_meeting(records: EditionRecords, regions: RegionTree, schema_dir: Path, tanggal: dt.date,
                judul: str) -> Scaffold:
    path = records.folder / "rapat" / f"{meeting_slug(tanggal, judul)}.yml"
    if path.exists():
        raise ScaffoldRefused(f"{path.name} sudah ada; pilih judul lain atau ubah berkas itu")
    earlier = [r for r in sorted(records.rapat.values(), key=lambda r: (r.data.tanggal, r.slug))
               if r.data.tanggal < tanggal]
    last = earlier[-1].data if earlier else None
    n = lambda name: note(Rapat, name)  # noqa: E731
    lines = [
        schema_line(path, "rapat", schema_dir),
        "# Rapat baru dari `bulletin new rapat`. Isi setiap bidang yang kosong (\"\"), hapus contoh yang tidak",
        "# dipakai, lalu periksa dengan `bulletin validate`. Panduan: halaman Panduan editor di buletin.",
        _comment(f"judul: {quoted(judul)}", n("judul")),
        _comment(f"tanggal: {tanggal.isoformat()}", n("tanggal") + " TTTT-BB-HH"),
        _comment('waktu: "09.00"', n("waktu") + " Dalam tanda kutip."),
        _comment(f"tempat: {quoted(last.tempat) if last else quoted('')}",
                 n("tempat") + (" Dari rapat sebelumnya; ubah bila berbeda." if last else "")),
        _comment("pimpinan:", n("pimpinan") + (" Dari rapat sebelumnya." if last else "")),
        _comment(f"  nama: {quoted(last.pimpinan.nama) if last else quoted('')}", "Nama pimpinan rapat."),
        _comment(f"  jabatan: {quoted(last.pimpinan.jabatan) if last else quoted('')}", "Jabatan pimpinan rapat."),
        "",
        f"# {n('peserta')} Semua instansi dan camat edisi ini; hapus yang tidak hadir.",
        "peserta:",
        *(f"  - {slug}" for slug in attendees(records, regions)),
        "",
        f"# {n('ringkasan')}",
        'ringkasan: ""',
        "",
        f"# {n('agenda')} Satu butir per pokok bahasan; instansi boleh satu nama atau daftar.",
        "agenda: []",
        "#  - instansi: kpu",
        "#    topik: Pokok bahasan",
        "#    uraian: Apa yang dibahas atau dilaporkan.",
        "",
        f"# {n('keputusan')} Cukup teksnya saja per butir.",
        "keputusan: []",
        "#  - Rapat sepakat …",
        "",
        f"# {n('tindak_lanjut')} id unik di edisi ini; status: {', '.join(STATUS_TINDAK_LANJUT)}.",
        "tindak_lanjut: []",
        f"#  - id: tl-{tanggal.year}-",
        "#    uraian: Apa yang harus dikerjakan.",
        "#    pemilik: kpu",
        f"#    batas_waktu: {tanggal.isoformat()}",
        "#    status: terbuka",
        "",
    ]
    lines += [f"# catatan_data: \"\"                      # {n('catatan_data')}",
              f"# sumber: []                               # {n('sumber')}",
              "# akses: terbatas                          # rapat yang seluruhnya terbatas: berkasnya disimpan "
              "di pohon terbatas, bukan di data/",
              f"# dasar: \"UU 14/2008 Pasal 17 huruf i\"     # {n('dasar')}",
              ""]
    pending = open_action_items(records, tanggal)
    if pending:
        lines += [f"# {n('perkembangan')} Tindak lanjut yang belum selesai dari rapat sebelumnya; perbarui",
                  "# statusnya (selesai: isi juga tanggal_selesai) dan tulis perkembangannya di catatan.",
                  "perkembangan:"]
        for item, status, decided in pending:
            lines += [f"  - id: {item.id}",
                      f"    # {item.uraian} ({item.pemilik}, batas {item.batas_waktu.isoformat()}, rapat {decided})",
                      f"    status: {status}",
                      "    # tanggal_selesai: TTTT-BB-HH",
                      "    # catatan: Apa yang dilaporkan."]
    else:
        lines += [f"# {n('perkembangan')}", "perkembangan: []"]
    fill = [] if last else ["tempat", "pimpinan.nama", "pimpinan.jabatan"]
    return Scaffold(path, "\n".join(lines) + "\n", fill + ["ringkasan"])


# --- report ------------------------------------------------------------------------------------------------


def report_list(agency: Instansi) -> str:
    for name, (_, allowed) in REPORT_KINDS.items():
        if agency.jenis == allowed:
            return name
    kinds = ", ".join(f"{allowed} ({name})" for name, (_, allowed) in REPORT_KINDS.items())
    raise ScaffoldRefused(f"instansi berjenis {agency.jenis} tidak mengirim laporan angka; yang mengirim: {kinds}")


def new_report(records: EditionRecords, slug: str, tanggal: dt.date) -> Scaffold:
    record = records.instansi.get(slug)
    if record is None:
        known = ", ".join(sorted(records.instansi))
        raise ScaffoldRefused(f"instansi \"{slug}\" tidak ada di edisi {records.id} (atau berkasnya belum valid); "
                              f"yang ada: {known}")
    name = report_list(record.data)
    report_model, row_model = REPORTS[name]
    reports = getattr(record.data, name)
    if any(r.tanggal == tanggal for r in reports):
        raise ScaffoldRefused(f"{name} bertanggal {tanggal.isoformat()} sudah ada di berkas ini")
    last = max(reports, key=lambda r: r.tanggal) if reports else None
    codes = [row.kecamatan for row in last.kecamatan] if last else \
        sorted(k.data.kode for k in records.kecamatan.values())
    previous = {row.kecamatan: row for row in last.kecamatan} if last else {}
    names = {k.data.kode: k.data.nama for k in records.kecamatan.values()}
    path = records.folder / "instansi" / f"{slug}.yml"
    text = path.read_bytes().decode("utf-8")
    eol = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(eol)
    where, dash = _list_end(lines, name)
    pad, inner = " " * dash, " " * (dash + 2)
    since = f" (laporan {last.tanggal.isoformat()})" if last else ""
    item = [_comment(f"{pad}- tanggal: {tanggal.isoformat()}", note(report_model, "tanggal")),
            _comment(f"{inner}ilustratif: false", "true bila angkanya contoh, bukan data resmi."),
            f"{inner}# catatan: Keterangan untuk pembaca."]
    fill = []
    index = len(reports)
    for field_name in report_model.model_fields:
        if field_name in ("tanggal", "ilustratif", "catatan", "sumber", "id", "akses", "dasar", "kecamatan"):
            continue
        before = getattr(last, field_name, None) if last else None
        hint = f"sebelumnya {before}{since}" if before is not None else ""
        item.append(_comment(f"{inner}{field_name}:", " ".join(filter(None, [note(report_model, field_name), hint]))))
        if report_model.model_fields[field_name].is_required():
            fill.append(f"{name}[{index}].{field_name}")
    item.append(f"{inner}kecamatan:")
    figures = [f for f in row_model.model_fields if f != "kecamatan"]
    for row, code in enumerate(codes):
        item.append(_comment(f"{inner}  - kecamatan: {quoted(code)}", names.get(code, "")))
        for figure in figures:
            before = getattr(previous.get(code), figure, None)
            hint = f"sebelumnya {before}{since}" if before is not None else note(row_model, figure)
            item.append(_comment(f"{inner}    {figure}:", hint))
            fill.append(f"{name}[{index}].kecamatan[{row}].{figure}")
    if where is None:  # no such list yet: it starts at the end of the file
        while lines and lines[-1] == "":
            lines.pop()
        lines += [f"{name}:", *item, ""]
    else:
        lines[where:where] = item
    return Scaffold(path, eol.join(lines), fill)


def _list_end(lines: list[str], name: str) -> tuple[int | None, int]:
    """(index after the last line of the top-level list ``name``, indentation of its "- "), or (None, 2) when
    the file has no such list. An empty flow list (``name: []``) becomes a block list in place."""
    start = next((i for i, line in enumerate(lines) if re.match(rf"{name}\s*:", line)), None)
    if start is None:
        return None, 2
    if re.match(rf"{name}\s*:\s*\[\s*\]\s*(#.*)?$", lines[start]):
        lines[start] = f"{name}:"
        return start + 1, 2
    end, dash = start + 1, None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line[0].isspace() and not line.startswith("#"):
            break  # the next key
        if line.strip() and line[0].isspace():
            end = i + 1
            if dash is None and line.lstrip().startswith("- "):
                dash = len(line) - len(line.lstrip())
    return end, 2 if dash is None else dash


# --- kecamatan -----------------------------------------------------------------------------------------------


def new_kecamatan(records: EditionRecords, regions: RegionTree, schema_dir: Path, kode: str) -> Scaffold:
    name = regions.name(kode)
    if name is None or regions.level(kode) != "kecamatan":
        raise ScaffoldRefused(f"{kode} bukan kode kecamatan dalam daftar wilayah Kemendagri (bentuk 62.04.01)")
    directory = Directory.build(records, regions)
    if not directory.covers(kode):
        raise ScaffoldRefused(f"kecamatan {kode} ({name}) tidak berada di wilayah edisi {records.id}")
    for record in records.kecamatan.values():
        if record.data.kode == kode:
            raise ScaffoldRefused(f"kecamatan {kode} sudah punya berkas: kecamatan/{record.slug}.yml")
    path = records.folder / "kecamatan" / f"{slugify(name)}.yml"
    if path.exists():
        raise ScaffoldRefused(f"{path.name} sudah ada")
    text = kecamatan_text(regions, kode, schema_line(path, "kecamatan", schema_dir), "`bulletin new kecamatan`")
    return Scaffold(path, text, [])


def kecamatan_text(regions: RegionTree, kode: str, schema: str, origin: str) -> str:
    """A kecamatan file from the Kemendagri reference: its name and every desa/kelurahan, the rest left to fill
    (``origin``: the command that made it, said in the file's first comment)."""
    n = lambda f: note(Kecamatan, f)  # noqa: E731
    lines = [
        schema,
        f"# Kecamatan baru dari {origin}: nama dan desa/kelurahan dari daftar Kemendagri.",
        _comment(f"kode: {quoted(kode)}", n("kode")),
        _comment(f"nama: {quoted(regions.name(kode) or kode)}", n("nama")),
        f"# alias: []                                # {n('alias')}",
        f"# ibu_kota: \"\"                             # {n('ibu_kota')}",
        f"# {n('kontak')}",
        "kontak: []",
        "#  - jabatan: Kantor Camat …",
        "#    alamat: …",
        "",
        f"# {n('desa')}",
        "desa:",
    ]
    for code in regions.children(kode):
        lines += [f"  - kode: {quoted(code)}", f"    nama: {quoted(regions.name(code))}",
                  f"    jenis: {regions.village_kind(code)}"]
    lines += ["", f"# {n('laporan')} Tambahkan laporan camat bertanggal di sini.", "laporan: []",
              "", f"# {n('risiko')}", "risiko: []", ""]
    return "\n".join(lines)
