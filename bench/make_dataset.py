#!/usr/bin/env python3
"""Write a valid desk dataset at one of three scales, from the real Kemendagri region tree.

    python bench/make_dataset.py regency  OUT     # Barito Selatan (62.04): 6 kecamatan
    python bench/make_dataset.py province OUT     # Kalimantan Tengah (62): 136 kecamatan
    python bench/make_dataset.py national OUT     # all 38 provinces: 7,285 kecamatan
    python bench/make_dataset.py province OUT --kabupaten 3    # a smaller part, for smoke runs

OUT becomes a project (mkdocs.yml and content/ copied from this repository, data/ generated) that
`bulletin --project OUT build` builds. Every kecamatan has its real desa/kelurahan, two camat reports and a
risk; every kabupaten/kota has a Disdukcapil, a KPU and a Satpol PP with dated reports; the desk's agencies
hold three meetings with action items carried across them; restricted records (personal phones, named
ASN, security deployments, vulnerable TPS, internal minutes, a risk marked terbatas) are spread through it.
Figures are made up but consistent (e-KTP recorded ≤ wajib KTP ≤ population, voters per TPS under the cap,
Linmas 2 per TPS), and the same arguments always give the same files.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "generator" / "domain" / "reference" / "wilayah-kemendagri-2025.csv"
SCALES = {
    "regency": ("kabupaten", ["62"], ["62.04"]),
    "province": ("provinsi", ["62"], []),
    "national": ("nasional", None, []),  # every province
}
EDISI = "pilkada-uji"
VOTER_CAP = 600
REPORT_DATES = {"kependudukan": ["2024-06-30", "2024-09-30"], "pemilih": ["2024-08-10", "2024-09-20"],
                "linmas": ["2024-10-15", "2024-11-10"], "camat": ["2024-07-16", "2024-11-14"]}
MEETINGS = ["2024-07-23", "2024-09-26", "2024-11-19"]


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def region_slug(name: str) -> str:
    return slugify(re.sub(r"^Kabupaten\s+", "", name))


def q(text: str) -> str:
    """A YAML double-quoted string."""
    return json.dumps(text, ensure_ascii=False)


class Tree:
    def __init__(self):
        with open(REFERENCE, newline="", encoding="utf-8") as handle:
            self.names = {row["kode"]: row["nama"] for row in csv.DictReader(handle)}
        self.children: dict[str, list[str]] = {}
        for code in self.names:
            self.children.setdefault(code.rsplit(".", 1)[0] if "." in code else "", []).append(code)
        for codes in self.children.values():
            codes.sort()


def write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def declare_private(config: Path) -> None:
    """The generated data keeps its restricted values inline (one tree, as a desk before ``bulletin split``), so
    the project is declared a private repository: the guard of a public one would refuse it."""
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\s+repositori:) publik\b", r"\1 privat", text)
    config.write_text(re.sub(r"(?m)^\s+terbatas: .*\n", "", text), encoding="utf-8")


def make(scale: str, out: Path, kabupaten_limit: int | None = None, seed: int = 2024,
         province_codes: list[str] | None = None) -> dict:
    """Write the dataset; ``kabupaten_limit``: only the first N kabupaten/kota of each province;
    ``province_codes``: only these provinces (national scale)."""
    tree = Tree()
    rng = random.Random(seed)
    tingkat, provinces, kabupaten = SCALES[scale]
    provinces = province_codes or provinces or tree.children[""]
    covered = kabupaten or [k for p in provinces for k in tree.children[p][:kabupaten_limit]]
    if kabupaten_limit:
        kabupaten = covered
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for part in ("mkdocs.yml", "content"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, out / part)
    declare_private(out / "mkdocs.yml")
    data = out / "data" / EDISI
    counts = {"kecamatan": 0, "desa": 0, "instansi": 0, "rapat": len(MEETINGS), "laporan": 0, "risiko": 0,
              "terbatas": 0}

    area = tree.names[covered[0]] if tingkat == "kabupaten" else \
        (f"Provinsi {tree.names[provinces[0]]}" if tingkat == "provinsi" else "Indonesia")
    write(data / "edisi.yml", [
        f"id: {EDISI}",
        f"nama: {q(f'Pemilihan Serentak 2024 (data uji {scale}): {area}')}",
        f"nama_singkat: {q(f'Uji {scale}')}",
        "jenis: serentak",
        "pemilihan:",
        "  - Gubernur dan Wakil Gubernur",
        "  - Bupati/Wali Kota dan Wakilnya",
        "wilayah:",
        f"  tingkat: {tingkat}",
        "  provinsi:" if len(provinces) > 1 else f"  provinsi: {q(provinces[0])}",
        *([f"    - {q(p)}" for p in provinces] if len(provinces) > 1 else []),
        *(["  kabupaten:"] + [f"    - {q(k)}" for k in kabupaten] if kabupaten else []),
        "desk:",
        f"  nama: {q(f'Desk Pilkada {area} (data uji)')}",
        "  ketua: Sekretaris Daerah",
        "  sekretariat: setda",
        "pemungutan_suara:",
        "  rencana: 2024-11-27",
        "zona_waktu: WIB",
        f"batas_pemilih_per_tps: {VOTER_CAP}",
        "catatan_data: Data uji buatan bench/make_dataset.py dari pohon wilayah Kemendagri; semua angka ilustratif.",
    ])

    desk_agencies = [("setda", "Setda", "Sekretariat Daerah", "sekretariat"), ("kpu", "KPU", "Komisi Pemilihan Umum", "kpu"),
                     ("bawaslu", "Bawaslu", "Badan Pengawas Pemilihan Umum", "bawaslu"),
                     ("polda", "Polri", "Kepolisian", "polri"), ("kodam", "TNI", "Tentara Nasional Indonesia", "tni"),
                     ("kesbangpol", "Kesbangpol", "Badan Kesatuan Bangsa dan Politik", "kesbangpol")]
    for slug, short, name, jenis in desk_agencies:
        lines = [f"singkatan: {short}", f"nama: {q(name + ' (data uji)')}", f"jenis: {jenis}",
                 f"peran: {q('Anggota desk di tingkat ' + tingkat + '.')}", "kontak:",
                 f"  - jabatan: Sekretariat {short}", "    telepon_kantor: \"(0525) 21500\"",
                 f"    telepon_pribadi: \"0812 {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)}\""]
        counts["terbatas"] += 1
        if jenis == "polri":
            lines += ["pengamanan:"]
            for kab in covered[:20]:
                kec = tree.children[kab][0]
                lines += [f"  - kecamatan: {q(kec)}", "    lokasi: Gudang logistik kecamatan",
                          f"    satuan: Polsek {q(tree.names[kec])[1:-1]}", f"    personel: {rng.randrange(4, 30)}",
                          "    tugas: pengamanan gudang logistik"]
                counts["terbatas"] += 1
            lines += ["kerawanan_tps:", f"  - kecamatan: {q(tree.children[covered[0]][0])}", "    tps: TPS 01",
                      "    tingkat: rawan", "    alasan: Riwayat gangguan pada pemilihan sebelumnya (data uji)."]
            counts["terbatas"] += 1
        write(data / "instansi" / f"{slug}.yml", lines)
        counts["instansi"] += 1

    meeting_owners = []
    for kab in covered:
        kab_slug = region_slug(tree.names[kab])
        kecamatan = tree.children.get(kab, [])
        rows = {code: rng.randrange(8_000, 120_000) for code in kecamatan}
        growth = {code: rng.randrange(0, 300) for code in kecamatan}
        agencies = {"disdukcapil": ("Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "laporan_kependudukan"),
                    "kpu": ("KPU", "Komisi Pemilihan Umum", "laporan_pemilih"),
                    "satpol-pp": ("Satpol PP", "Satuan Polisi Pamong Praja", "laporan_linmas")}
        for jenis, (short, name, field) in agencies.items():
            slug = f"{jenis}-{kab_slug}"
            meeting_owners.append(slug)
            lines = [f"singkatan: {q(short + ' ' + tree.names[kab].replace('Kabupaten ', ''))}",
                     f"nama: {q(name + ' ' + tree.names[kab])}", f"jenis: {jenis}",
                     f"peran: {q('Melaporkan angka per kecamatan di ' + tree.names[kab] + '.')}",
                     f"wilayah: {q(kab)}", "kontak:", f"  - jabatan: Sekretariat {short}",
                     f"{field}:"]
            kind = {"laporan_kependudukan": "kependudukan", "laporan_pemilih": "pemilih",
                    "laporan_linmas": "linmas"}[field]
            for step, day in enumerate(REPORT_DATES[kind]):
                lines += [f"  - tanggal: {day}", "    ilustratif: true"]
                if kind == "pemilih":
                    lines.append(f"    tahap: {['DPS', 'DPT'][step]}")
                lines.append("    kecamatan:")
                for code, population in rows.items():
                    grown = population + step * growth[code]
                    wajib = int(grown * 0.72)
                    voters = int(wajib * 0.97)
                    tps = -(-voters // 450)
                    lines.append(f"      - kecamatan: {q(code)}")
                    if kind == "kependudukan":
                        recorded = int(wajib * rng.uniform(0.90, 0.995))
                        lines += [f"        penduduk: {grown}", f"        wajib_ktp: {wajib}",
                                  f"        ektp_rekam: {recorded}", f"        ektp_cetak: {int(recorded * 0.97)}"]
                    elif kind == "pemilih":
                        lines += [f"        pemilih: {voters}", f"        tps: {tps}"]
                    else:  # two per TPS of the final voter list
                        final = -(-int(int((population + growth[code]) * 0.72) * 0.97) // 450)
                        lines.append(f"        linmas_siap: {2 * final + step}")
                counts["laporan"] += 1
            write(data / "instansi" / f"{slug}.yml", lines)
            counts["instansi"] += 1
        for code in kecamatan:
            make_kecamatan(tree, rng, data, scale, tingkat, code, counts)

    make_meetings(rng, data, meeting_owners, counts)
    return counts


def make_kecamatan(tree: Tree, rng: random.Random, data: Path, scale: str, tingkat: str, code: str,
                   counts: dict) -> None:
    name = tree.names[code]
    kab, province = code[:5], code[:2]
    folders = {"kabupaten": [], "provinsi": [region_slug(tree.names[kab])],
               "nasional": [region_slug(tree.names[province]), region_slug(tree.names[kab])]}[tingkat]
    desa = tree.children.get(code, [])
    lines = [f"kode: {q(code)}", f"nama: {q(name)}", "kontak:", f"  - jabatan: {q('Kantor Camat ' + name)}",
             f"    telepon_pribadi: \"0813 {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)}\"", "desa:"]
    counts["terbatas"] += 1
    for village in desa:
        kind = "kelurahan" if village.rsplit(".", 1)[1].startswith("1") else "desa"
        lines += [f"  - kode: {q(village)}", f"    nama: {q(tree.names[village])}", f"    jenis: {kind}"]
    lines.append("laporan:")
    for step, day in enumerate(REPORT_DATES["camat"]):
        lines += [f"  - tanggal: {day}", "    ilustratif: true", "    jalur_logistik:",
                  f"      - rute: {q('Gudang KPU – Kantor Camat ' + name)}",
                  f"        moda: {rng.choice(['darat', 'sungai', 'darat-sungai'])}",
                  f"        waktu_tempuh_jam: {rng.choice([0.5, 1, 1.5, 2, 3.5])}"]
        if desa and rng.random() < 0.3 - 0.15 * step:
            lines += ["    blank_spot:", f"      - desa: {q(desa[-1])}", "        keterangan: Sinyal lemah."]
        lines += ["    usulan_asn_panwascam:", f"      diserahkan: {'true' if step or rng.random() < 0.8 else 'false'}"]
        if step:
            lines += ["      jumlah: 1", "      daftar:", f"        - nama: {q('ASN Uji ' + name)}",
                      f"          nip: \"1987{rng.randrange(1000, 9999)} 201001 1 {rng.randrange(100, 999)}\""]
            counts["terbatas"] += 1
    counts["laporan"] += 2
    high = rng.random() < 0.1
    restricted = rng.random() < 0.05
    lines += ["risiko:", f"  - uraian: {q('Akses ke sebagian desa terhambat cuaca (data uji).')}",
              "    tahap: sebelum", f"    kategori: {rng.choice(['logistik', 'komunikasi', 'data'])}",
              f"    tingkat: {'tinggi' if high else rng.choice(['rendah', 'sedang'])}",
              "    mitigasi: Distribusi dijadwalkan lebih awal.", f"    status: {rng.choice(['terbuka', 'dipantau'])}",
              "    tanggal: 2024-10-01", "    ilustratif: true"]
    if restricted:
        lines += ["    akses: terbatas", "    dasar: \"UU 14/2008 Pasal 17 huruf c\""]
        counts["terbatas"] += 1
    counts["risiko"] += 1
    counts["kecamatan"] += 1
    counts["desa"] += len(desa)
    write(data / "kecamatan" / Path(*folders) / f"{slugify(name)}.yml", lines)


def make_meetings(rng: random.Random, data: Path, owners: list[str], counts: dict) -> None:
    desk = ["setda", "kpu", "bawaslu", "polda", "kodam", "kesbangpol"]
    items: list[tuple[str, str, str]] = []  # (id, meeting date, status)
    for number, day in enumerate(MEETINGS, start=1):
        date = dt.date.fromisoformat(day)
        lines = [f"judul: Rapat koordinasi desk ke-{number} (data uji)", f"tanggal: {day}", "waktu: \"09.00\"",
                 "tempat: Aula Sekretariat Daerah", "pimpinan:", "  nama: Sekretaris Daerah (data uji)",
                 "  jabatan: Ketua Desk Pilkada", "peserta:", *[f"  - {slug}" for slug in desk],
                 "ringkasan: Rapat koordinasi kesiapan pemilihan (data uji).", "agenda:"]
        for slug in desk:
            lines += [f"  - instansi: {slug}", f"    topik: Laporan {slug}", "    uraian: Laporan kesiapan (data uji)."]
        lines += ["keputusan:", "  - Desk memantau kesiapan tiap kecamatan setiap bulan.", "tindak_lanjut:"]
        for index in range(6):
            item = f"tl-{number}-{index + 1:02d}"
            owner = desk[index] if index < 4 else rng.choice(owners or desk)
            due = date + dt.timedelta(days=14 + 7 * index)
            lines += [f"  - id: {item}", f"    uraian: Tindak lanjut uji {item}.", f"    pemilik: {owner}",
                      f"    batas_waktu: {due.isoformat()}", "    status: terbuka"]
            items.append((item, day, "terbuka"))
        progress = [(item, origin) for item, origin, _ in items if origin < day][:8]
        if progress:
            lines.append("perkembangan:")
            for item, origin in progress:
                done = rng.random() < 0.5
                lines += [f"  - id: {item}", f"    status: {'selesai' if done else 'berjalan'}"]
                if done:
                    lines.append(f"    tanggal_selesai: {day}")
        lines += ["notulen_internal: Pembahasan internal tentang pengamanan (data uji)."]
        counts["terbatas"] += 1
        write(data / "rapat" / f"{day}-rapat-koordinasi.yml", lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scale", choices=sorted(SCALES))
    parser.add_argument("out", type=Path)
    parser.add_argument("--kabupaten", type=int, default=None, help="only the first N kabupaten/kota of each province")
    parser.add_argument("--provinsi", default=None, help="national scale: only these provinces, e.g. 62,63")
    args = parser.parse_args(argv)
    counts = make(args.scale, args.out, args.kabupaten, province_codes=args.provinsi.split(",") if args.provinsi else None)
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
