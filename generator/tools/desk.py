"""A new desk's repository from one region code of the Kemendagri reference (``bulletin init``).

A kabupaten/kota ("62.03"), a province ("62") or the country ("nasional"): the desk's ``mkdocs.yml``, its first
election edition (``edisi.yml`` with the region, one file per kecamatan with its desa/kelurahan from the
reference, one file per standing member of a Desk Pilkada with its role written out), the desk's own page
(``content/tentang.md``), the JSON Schemas its editor checks against, a README in Indonesian and the editor and
git settings. The restricted tree is written beside it, as its own folder (``DIR-terbatas``), never inside.

The product (generator, templates, theme, the product's own pages) is not copied: the desk depends on the
package, through a lock with hashes (``requirements.in`` names this version, ``requirements.txt`` pins it and
every dependency, from the runtime lock shipped with the package), and gets the workflows that check its pull
requests and publish its public edition, and Dependabot's settings (``package_files``). Everything a desk must
still fill in (contacts, reports, the stages of the election) is left empty with a comment saying what goes
there, so that the new desk validates and builds at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from email.parser import HeaderParser
from importlib import metadata
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator import __version__
from generator.check.formats import FORMAT
from generator.domain.regions import RegionTree, slugify
from generator.load.schema import Edisi, Instansi
from generator.render.schemas import schema_line, write_schemas
from generator.tools.scaffold import kecamatan_text, note, quoted

TEMPLATES = Path(__file__).resolve().parent / "desk"
NATIONAL = "nasional"
RESTRICTED_SUFFIX = "-terbatas"
PERSONNEL_WITHHELD = "Jumlah, susunan dan penempatan personel tidak dipublikasikan (UU 14/2008 Pasal 17 huruf c)."
VOTER_CAP = 600  # PKPU for Pilkada 2024; the desk checks its own election's decision (said in edisi.yml)
LEGAL_BASIS = ("Permendagri Nomor 9 Tahun 2005 tentang Pedoman bagi Pemerintah Daerah dalam Pelaksanaan Pemilihan "
               "Kepala Daerah dan Wakil Kepala Daerah, Pasal 6 ayat (1)")
NO_GOVERNOR_ELECTION = "34"  # DI Yogyakarta: the governor is not elected (UU 13/2012)
NO_REGENT_ELECTION = "31"  # DKI Jakarta: its kota and kabupaten are administrative, without elections (UU 2/2024)
# Time zones by province (Permendagri/Keppres 41/1987): WITA and WIT provinces; every other one is WIB.
WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
DISTRIBUTION = "buletin-desk-pilkada"
WHEEL = f"{DISTRIBUTION.replace('-', '_')}-{__version__}-py3-none-any.whl"  # this version's wheel, as released
# The package's runtime dependencies, resolved and hashed by uv at the versions of this repository's lock
# (scripts/lock writes it beside requirements.txt; tests/test_lock.py holds the two together).
RUNTIME_LOCK = TEMPLATES / "requirements-paket.txt"
# The desk's lock is what this command of uv writes from requirements.in (given the package on an index): the
# header says so, so that the desk re-locks with it and Dependabot updates the file as a compiled one.
LOCK_COMMAND = ("uv pip compile requirements.in --generate-hashes --python-version 3.11 "
                "--python-platform x86_64-unknown-linux-gnu --output-file requirements.txt")
# (file under desk/, path in the desk): the same for every desk of this release
PACKAGE_FILES = (("periksa.yml", ".github/workflows/periksa.yml"), ("terbitkan.yml", ".github/workflows/terbitkan.yml"),
                 ("dependabot.yml", ".github/dependabot.yml"))
SHA256 = re.compile(r"[0-9a-f]{64}")


class InitRefused(Exception):
    """The desk cannot be made as asked (unknown region, a folder that is not empty…)."""


@dataclass(frozen=True)
class DeskRegion:
    """The region a new desk covers."""

    tingkat: str  # kabupaten | provinsi | nasional
    code: str | None  # None for the country
    name: str  # "Kabupaten Kapuas", "Provinsi Kalimantan Tengah", "Indonesia"
    provinces: tuple[str, ...]
    kabupaten: tuple[str, ...]  # the kabupaten/kota the desk names in edisi.yml (a kabupaten desk: its own)

    @property
    def short_name(self) -> str:
        """Without "Kabupaten" or "Provinsi": "Kapuas", "Kota Palangka Raya", "Kalimantan Tengah"."""
        for word in ("Kabupaten ", "Provinsi "):
            if self.name.startswith(word):
                return self.name[len(word):]
        return self.name


def desk_region(regions: RegionTree, wilayah: str) -> DeskRegion:
    """The region of ``wilayah``: "nasional", a province code or a kabupaten/kota code of the reference."""
    wilayah = wilayah.strip()
    if wilayah.lower() == NATIONAL:
        provinces = tuple(regions.children(""))
        return DeskRegion(NATIONAL, None, "Indonesia", provinces, ())
    name = regions.name(wilayah)
    if name is None or regions.level(wilayah) not in ("provinsi", "kabupaten/kota"):
        raise InitRefused(f"\"{wilayah}\" bukan kode provinsi (mis. \"62\") atau kabupaten/kota (mis. \"62.03\") dalam "
                          "daftar wilayah Kemendagri, dan bukan \"nasional\"")
    if regions.level(wilayah) == "provinsi":
        return DeskRegion("provinsi", wilayah, f"Provinsi {name}", (wilayah,), ())
    return DeskRegion("kabupaten", wilayah, name, (regions.province(wilayah),), (wilayah,))


def elections(regions: RegionTree, region: DeskRegion) -> tuple[str, list[str]]:
    """The edition's ``jenis`` and its ``pemilihan``: what is elected in the region (no governor election in
    DI Yogyakarta, no regent or mayor election in DKI Jakarta's administrative kota and kabupaten)."""
    chosen: list[str] = []
    if region.tingkat == NATIONAL:
        governors = [p for p in region.provinces if p != NO_GOVERNOR_ELECTION]
        local = [k for p in region.provinces if p != NO_REGENT_ELECTION for k in regions.children(p)]
        return "serentak", [f"Gubernur dan Wakil Gubernur di {len(governors)} provinsi",
                            f"Bupati dan Wakil Bupati serta Wali Kota dan Wakil Wali Kota di {len(local)} "
                            "kabupaten/kota"]
    province = region.provinces[0]
    if province != NO_GOVERNOR_ELECTION:
        chosen.append(f"Gubernur dan Wakil Gubernur {regions.name(province)}")
    if province != NO_REGENT_ELECTION:
        if region.tingkat == "provinsi":
            chosen.append(f"Bupati dan Wakil Bupati serta Wali Kota dan Wakil Wali Kota di {regions.name(province)}")
        elif region.name.startswith("Kota "):
            chosen.append(f"Wali Kota dan Wakil Wali Kota {region.short_name}")
        else:
            chosen.append(f"Bupati dan Wakil Bupati {region.short_name}")
    if len(chosen) > 1 or region.tingkat == "provinsi":  # a province desk follows the elections of many regions
        return "serentak", chosen
    return ("pilgub" if chosen[0].startswith("Gubernur") else
            "pilwalkot" if chosen[0].startswith("Wali Kota") else "pilbup"), chosen


def time_zone(region: DeskRegion) -> str:
    if region.tingkat == NATIONAL:
        return "WIB"  # the national desk sits in Jakarta
    province = region.provinces[0]
    return "WITA" if province in WITA else "WIT" if province in WIT else "WIB"


@dataclass(frozen=True)
class Member:
    """A standing member of the desk: its file name, kind, abbreviation, full name and role."""

    slug: str
    jenis: str
    singkatan: str
    nama: str
    peran: str


def members(region: DeskRegion) -> list[Member]:
    """The standing members of a Desk Pilkada at the region's level (Permendagri 9/2005 and the practice of the
    desks: the Sekda's secretariat, Kesbangpol, KPU, Bawaslu, police, army, Disdukcapil, Satpol PP)."""
    place = region.name
    if region.tingkat == NATIONAL:
        return [
            Member("kemendagri", "sekretariat", "Kemendagri", "Kementerian Dalam Negeri (Direktorat Jenderal Politik "
                   "dan Pemerintahan Umum)", "Sekretariat desk nasional: menghimpun laporan desk provinsi dan "
                   "kabupaten/kota, mengundang rapat, memantau tindak lanjut dan menyusun buletin ini."),
            Member("kesbangpol", "kesbangpol", "Ditjen Polpum", "Direktorat Jenderal Politik dan Pemerintahan Umum",
                   "Kewaspadaan dini, pendidikan politik dan koordinasi dengan badan kesatuan bangsa dan politik "
                   "daerah."),
            Member("kpu", "kpu", "KPU RI", "Komisi Pemilihan Umum Republik Indonesia",
                   "Penyelenggara pemilihan: menetapkan tahapan, daftar pemilih, TPS dan logistik."),
            Member("bawaslu", "bawaslu", "Bawaslu RI", "Badan Pengawas Pemilihan Umum Republik Indonesia",
                   "Mengawasi seluruh tahapan pemilihan dan netralitas ASN."),
            Member("polri", "polri", "Polri", "Kepolisian Negara Republik Indonesia",
                   f"Pengamanan seluruh tahapan pemilihan. {PERSONNEL_WITHHELD}"),
            Member("tni", "tni", "TNI", "Tentara Nasional Indonesia",
                   f"Membantu Polri dalam pengamanan pemilihan. {PERSONNEL_WITHHELD}"),
            Member("disdukcapil", "disdukcapil", "Ditjen Dukcapil", "Direktorat Jenderal Kependudukan dan "
                   "Pencatatan Sipil", "Melaporkan data kependudukan, perekaman dan pencetakan e-KTP, serta "
                   "ketersediaan blangko; membantu KPU mencocokkan data pemilih."),
            Member("satpol-pp", "satpol-pp", "Ditjen Bina Adwil", "Direktorat Jenderal Bina Administrasi "
                   "Kewilayahan (pembina Satpol PP dan Linmas)", "Melaporkan kesiapan Linmas di TPS (dua per TPS, "
                   "UU 7/2017 Pasal 351 ayat 4)."),
        ]
    province = region.tingkat == "provinsi"
    police = ("polda", "Polda", f"Kepolisian Daerah {region.short_name}") if province else \
        ("polres", "Polres", f"Kepolisian Resor {region.short_name}")
    army = ("kodam", "Kodam", f"Komando Daerah Militer di {place}") if province else \
        ("kodim", "Kodim", f"Komando Distrik Militer di {place}")
    head = "Gubernur" if province else ("Wali Kota" if region.name.startswith("Kota ") else "Bupati")
    return [
        Member("setda", "sekretariat", "Setda", f"Sekretariat Daerah {place}",
               f"Sekretariat desk. Sekretaris Daerah memimpin desk atas penunjukan {head} (Permendagri 9/2005 "
               "Pasal 6 ayat 1); sekretariat mengundang rapat, menghimpun laporan instansi"
               f"{'' if province else ' dan camat'}, memantau tindak lanjut dan menyusun buletin ini."),
        Member("kesbangpol", "kesbangpol", "Kesbangpol", f"Badan Kesatuan Bangsa dan Politik {place}",
               "Deteksi dini dan forum kewaspadaan dini, pendidikan politik dan ajakan memilih, serta koordinasi "
               "dengan tokoh masyarakat, organisasi kemasyarakatan dan partai politik."),
        Member("kpu", "kpu", "KPU", f"Komisi Pemilihan Umum {place}",
               "Penyelenggara pemilihan: menyusun daftar pemilih (DPS, DPSHP, DPT), menetapkan TPS, membentuk badan "
               "ad hoc dan mendistribusikan logistik. Desk memfasilitasi kebutuhannya."),
        Member("bawaslu", "bawaslu", "Bawaslu", f"Badan Pengawas Pemilihan Umum {place}",
               "Mengawasi tahapan pemilihan, membentuk pengawas ad hoc dan mengawasi netralitas ASN dan kepala desa."),
        Member(police[0], "polri", police[1], police[2],
               "Pengamanan seluruh tahapan pemilihan: memetakan potensi gangguan kamtibmas dan mengawal logistik. "
               + PERSONNEL_WITHHELD),
        Member(army[0], "tni", army[1], army[2],
               "Membantu Polri dalam pengamanan pemilihan. Nama dan nomor satuan diisi desk. " + PERSONNEL_WITHHELD),
        Member("disdukcapil", "disdukcapil", "Disdukcapil", f"Dinas Kependudukan dan Pencatatan Sipil {place}",
               "Melaporkan jumlah penduduk, wajib KTP, perekaman dan pencetakan e-KTP serta ketersediaan blangko; "
               "membantu KPU mencocokkan data pemilih."),
        Member("satpol-pp", "satpol-pp", "Satpol PP", f"Satuan Polisi Pamong Praja {place}",
               "Melaporkan kesiapan Linmas di TPS (dua per TPS, UU 7/2017 Pasal 351 ayat 4)."),
    ]


@dataclass(frozen=True)
class NewDesk:
    """The files of a new desk: relative paths and their text, in the desk and in its restricted tree."""

    files: dict[str, str]
    restricted: dict[str, str]
    kecamatan: int
    warnings: tuple[str, ...] = ()  # what `bulletin init` must say about the files (a lock without the hash…)


def new_desk(regions: RegionTree, wilayah: str, pemungutan: dt.date | None = None,
             edisi: str | None = None, folder_name: str = "desk", sha256: str | None = None) -> NewDesk:
    """The desk's files. Without ``pemungutan`` (KPU has not set the day yet) the edition is "pilkada-berikutnya"
    unless named, and validate says, as a warning at its line, that the voting day is still to fill.
    ``folder_name``: the desk's folder, whose restricted tree is "../<folder_name>-terbatas". ``sha256``: the
    package wheel's (``wheel_hash``), else the installed distribution's when pip recorded it; without either,
    the lock's line of the package has no hash, and the desk's warnings say so and how to mend it."""
    region = desk_region(regions, wilayah)
    year = pemungutan.year if pemungutan else None
    edisi = edisi or (f"pilkada-{year}" if year else "pilkada-berikutnya")
    if slugify(edisi) != edisi:
        raise InitRefused(f"pengenal edisi \"{edisi}\" hanya boleh huruf kecil, angka dan tanda hubung, "
                          f"mis. \"pilkada-{year or 2029}\"")
    desk_name = "Desk Pilkada Nasional" if region.tingkat == NATIONAL else f"Desk Pilkada {region.name}"
    restricted = f"../{folder_name}{RESTRICTED_SUFFIX}"  # beside the desk's folder, never inside it
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                      autoescape=False)
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    agencies = members(region)
    context = {
        "site_name": f"Buletin {desk_name}", "desk_name": desk_name, "edisi": edisi,
        "site_description": f"Buletin {desk_name}: kesiapan pemilihan, hasil rapat koordinasi dan kontak instansi.",
        "short_title": f"Desk Pilkada {region.short_name}" if region.tingkat != NATIONAL else "Desk Pilkada RI",
        "copyright": (f"Pemerintah {region.name}" if region.tingkat != NATIONAL else "Kementerian Dalam Negeri")
                     + f" · {'Desk Pilkada' if region.tingkat != NATIONAL else desk_name}",
        "restricted": restricted, "voting_day": pemungutan,
        "members": ", ".join(member.singkatan for member in agencies), "camat": region.tingkat == "kabupaten",
        "package": DISTRIBUTION, "version": __version__, "wheel": WHEEL, "desk_format": FORMAT,
    }
    files: dict[str, str] = {}
    schema_dir = Path("schemas")
    data = Path("data") / edisi
    files[f"{data}/edisi.yml"] = _edisi(regions, region, edisi, desk_name, pemungutan, agencies[0].slug,
                                        schema_line(data / "edisi.yml", "edisi", schema_dir))
    for member in agencies:
        path = data / "instansi" / f"{member.slug}.yml"
        files[path.as_posix()] = _agency(member, schema_line(path, "instansi", schema_dir))
    count = 0
    for folder, code in _kecamatan(regions, region):
        path = data / "kecamatan" / folder / f"{_unique_slug(regions, code, files, data / 'kecamatan' / folder)}.yml"
        files[path.as_posix()] = kecamatan_text(regions, code, schema_line(path, "kecamatan", schema_dir),
                                                "`bulletin init`")
        count += 1
    for template, target in (("mkdocs.yml.j2", "mkdocs.yml"), ("tentang.md.j2", "content/tentang.md"),
                             ("README.md.j2", "README.md")):
        files[target] = env.get_template(template).render(context)
    for source, target in (("gitignore", ".gitignore"), ("pre-commit-config.yaml", ".pre-commit-config.yaml"),
                           ("CODEOWNERS", ".github/CODEOWNERS")):
        files[target] = (TEMPLATES / source).read_text(encoding="utf-8")
    files[".vscode/settings.json"] = _vscode_settings()
    files[".vscode/extensions.json"] = json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"
    sha256 = sha256 or installed_wheel_hash()
    files.update(package_files(sha256=sha256))
    restricted_files = {"README.md": env.get_template("terbatas-README.md.j2").render(context),
                        f"{edisi}/.gitkeep": ""}
    return NewDesk(files, restricted_files, count, () if sha256 else (missing_hash_warning(),))


def package_files(sha256: str | None = None) -> dict[str, str]:
    """The files a desk gets from the package, the same for every desk of this release: the package's lock (``requirements.in`` and ``requirements.txt``), the
    workflows and Dependabot's settings. ``sha256``: the package wheel's; by default the installed
    distribution's, when pip recorded it."""
    files = {"requirements.in": f"{DISTRIBUTION}=={__version__}\n",
             "requirements.txt": desk_lock(sha256 or installed_wheel_hash())}
    for source, target in PACKAGE_FILES:
        files[target] = (TEMPLATES / source).read_text(encoding="utf-8")
    return files


def desk_lock(sha256: str | None) -> str:
    """The desk's ``requirements.txt``: this version of the package (with its wheel's hash when known) and the
    runtime lock's pins with their hashes, in uv's order and form, as uv writes it from ``requirements.in``."""
    blocks: dict[str, str] = {}
    name = None
    for line in RUNTIME_LOCK.read_text(encoding="utf-8").splitlines(keepends=True):
        if line[:1].isalnum():  # a pin opens a block; its hash and "via" lines are indented
            name = re.split(r"[=<>!~ ;\[]", line, maxsplit=1)[0]
            blocks[name] = ""
        if name:
            blocks[name] += line.replace(f"{DISTRIBUTION} (pyproject.toml)", DISTRIBUTION)
    blocks[DISTRIBUTION] = (f"{DISTRIBUTION}=={__version__}" + (f" \\\n    --hash=sha256:{sha256}" if sha256 else "")
                            + "\n    # via -r requirements.in\n")
    header = f"# This file was autogenerated by uv via the following command:\n#    {LOCK_COMMAND}\n"
    return header + "".join(blocks[key] for key in sorted(blocks))


def wheel_hash(path: Path) -> str:
    """The sha256 of ``path`` when it is this version's wheel of the package (``bulletin init --paket``)."""
    if not path.is_file():
        raise InitRefused(f"--paket {path}: berkas tidak ada")
    try:
        with zipfile.ZipFile(path) as archive:
            (name,) = [name for name in archive.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", name)]
            found = HeaderParser().parsestr(archive.read(name).decode("utf-8"))
        what = f"{found['Name']} {found['Version']}"
    except (zipfile.BadZipFile, ValueError, UnicodeDecodeError):  # ValueError: no METADATA, or several
        what = None
    if what != f"{DISTRIBUTION} {__version__}" or path.suffix != ".whl":
        raise InitRefused(f"--paket {path}: bukan wheel {DISTRIBUTION} {__version__} (berkas ini "
                          f"{f'wheel {what}' if what else 'bukan wheel paket Python'}); pakai {WHEEL} dari rilis "
                          f"v{__version__}, yang hash-nya tercantum di SHA256SUMS rilis itu")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def installed_wheel_hash() -> str | None:
    """The sha256 of the wheel this package was installed from, as pip recorded it in ``direct_url.json`` (a
    wheel file or address given to pip); None when not known: an editable install, from an index, or from source."""
    try:
        distribution = metadata.distribution(DISTRIBUTION)
        record = json.loads(distribution.read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError):
        return None
    if distribution.version != __version__ or not isinstance(record, dict) or \
            not str(record.get("url", "")).endswith(".whl") or not isinstance(record.get("archive_info"), dict):
        return None
    archive = record["archive_info"]
    hashes = archive.get("hashes") if isinstance(archive.get("hashes"), dict) else {}
    algorithm, _, value = str(archive.get("hash", "")).partition("=")  # the older form: "sha256=<hex>"
    found = hashes.get("sha256") or (value if algorithm == "sha256" else None)
    return found if isinstance(found, str) and SHA256.fullmatch(found) else None


def missing_hash_warning() -> str:
    """What `bulletin init` says when the lock's line of the package has no hash."""
    return (f"requirements.txt desk ini tidak memuat hash paket {DISTRIBUTION} {__version__}: paket ini tidak "
            "dipasang dari berkas wheel (mis. dipasang dari kode sumbernya), sehingga hash-nya tidak diketahui. "
            "pip dalam mode hash (pip install --require-hashes …) akan menolak berkas kunci ini. "
            f"Perbaiki: buat desk dengan `bulletin init … --paket {WHEEL}` memakai wheel dari rilis "
            f"v{__version__}, atau tambahkan `--hash=sha256:…` yang tercantum di SHA256SUMS rilis itu pada baris "
            f"{DISTRIBUTION} di requirements.txt.")


def write_desk(desk: NewDesk, folder: Path) -> Path:
    """Write the desk into ``folder`` (new or empty) and its restricted tree beside it; the restricted tree's
    folder. The JSON Schemas are written as `bulletin schema` writes them."""
    restricted = folder.parent / f"{folder.name}{RESTRICTED_SUFFIX}"
    for target in (folder, restricted):
        if target.exists() and any(target.iterdir()):
            raise InitRefused(f"folder {target} sudah ada dan tidak kosong; pilih folder baru")
    for files, root in ((desk.files, folder), (desk.restricted, restricted)):
        for relative, text in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
    write_schemas(folder / "schemas")
    return restricted


def _edisi(regions: RegionTree, region: DeskRegion, edisi: str, desk_name: str, pemungutan: dt.date | None,
           secretariat: str, schema: str) -> str:
    jenis, chosen = elections(regions, region)
    area = "Indonesia" if region.tingkat == NATIONAL else region.name
    year = f"Tahun {pemungutan.year} " if pemungutan else ""
    short = f"Pilkada {pemungutan.year}" if pemungutan else "Pilkada"
    n = lambda field: note(Edisi, field)  # noqa: E731
    lines = [
        schema,
        "# Edisi pemilihan dari `bulletin init`. Lengkapi nama, dasar hukum dan tahapan; periksa dengan",
        "# `bulletin validate`.",
        f"id: {edisi}",
        f"nama: {quoted(f'Pemilihan Serentak {year}di {area}')}",
        f"nama_singkat: {quoted(short)}",
        f"jenis: {jenis}",
        "pemilihan:",
        *[f"  - {quoted(text)}" for text in chosen],
        "",
        f"# {n('wilayah')}",
        "wilayah:",
        f"  tingkat: {region.tingkat}",
    ]
    if len(region.provinces) == 1:
        lines.append(f"  provinsi: {quoted(region.provinces[0])}")
    else:
        lines += ["  provinsi:", *[f"    - {quoted(code)}" for code in region.provinces]]
    if region.kabupaten:
        lines += ["  kabupaten:", *[f"    - {quoted(code)}" for code in region.kabupaten]]
    lines += [
        "",
        "desk:",
        f"  nama: {quoted(desk_name)}",
        f"  ketua: {'Direktur Jenderal Politik dan Pemerintahan Umum' if region.tingkat == NATIONAL else 'Sekretaris Daerah'}",
        "  dasar_hukum:",
        f"    - {quoted(LEGAL_BASIS)}",
        "    # - Keputusan kepala daerah tentang pembentukan desk (nomor dan tanggalnya)",
        f"  sekretariat: {secretariat}",
        "  # walidata:            # walidata Satu Data yang menerima data terbuka desk, bila ditetapkan",
        "  #   nama: Dinas Komunikasi dan Informatika ...",
        "  #   surel: ...",
        "",
        f"# {n('pemungutan_suara')} Bila jadwal berubah, isi pelaksanaan dan dasar_perubahan.",
        "pemungutan_suara:",
        f"  rencana: {pemungutan.isoformat()}" if pemungutan else
        "  rencana:              # TTTT-BB-HH, setelah KPU menetapkan jadwal",
        "",
        f"zona_waktu: {time_zone(region)}",
        f"# {n('batas_pemilih_per_tps')} 600 adalah batas Pilkada 2024; periksa keputusan KPU untuk pemilihan ini.",
        f"batas_pemilih_per_tps: {VOTER_CAP}",
        "",
        f"# {n('tahapan')} Salin dari keputusan KPU tentang tahapan, mis.:",
        "#  - nama: Pemutakhiran data pemilih",
        "#    mulai: TTTT-BB-HH",
        "#    selesai: TTTT-BB-HH",
        "tahapan: []",
        "",
    ]
    return "\n".join(lines)


def _agency(member: Member, schema: str) -> str:
    n = lambda field: note(Instansi, field)  # noqa: E731
    return "\n".join([
        schema,
        "# Instansi anggota desk dari `bulletin init`. Isi kontak kantor dan pemeriksa berkas ini.",
        f"singkatan: {quoted(member.singkatan)}",
        f"nama: {quoted(member.nama)}",
        f"jenis: {member.jenis}",
        f"peran: {quoted(member.peran)}",
        "",
        f"# {n('pemeriksa')}",
        "pemeriksa: []",
        "",
        f"# {n('kontak')} Nomor pribadi, NIK dan NIP ditulis di repositori terbatas, tidak di sini.",
        "kontak: []",
        "#  - jabatan: Sekretariat …",
        "#    telepon_kantor: \"(0xxx) xxxxx\"",
        "#    surel: …",
        "#    alamat: …",
        "",
    ])


def _kecamatan(regions: RegionTree, region: DeskRegion) -> list[tuple[str, str]]:
    """(folder below kecamatan/, code) of every kecamatan the desk covers: a folder per kabupaten/kota at a
    province desk, per province and kabupaten/kota at the national desk."""
    found = []
    for province in region.provinces:
        for kabupaten in region.kabupaten or regions.children(province):
            folder = {"kabupaten": "", "provinsi": regions.slug(kabupaten),
                      NATIONAL: f"{regions.slug(province)}/{regions.slug(kabupaten)}"}[region.tingkat]
            found += [(folder, code) for code in regions.children(kabupaten)]
    return found


def _unique_slug(regions: RegionTree, code: str, files: dict[str, str], folder: Path) -> str:
    """The kecamatan's name as its file name; with its code's last part where two share a name."""
    slug = slugify(regions.name(code) or code) or code.replace(".", "-")
    if (folder / f"{slug}.yml").as_posix() in files:
        slug = f"{slug}-{code.rsplit('.', 1)[-1]}"
    return slug


VSCODE_GLOBS = {"edisi": ["data/*/edisi.yml", "data/*/edisi.yaml"],
                "instansi": ["data/*/instansi/*.yml", "data/*/instansi/*.yaml"],
                "kecamatan": ["data/*/kecamatan/**/*.yml", "data/*/kecamatan/**/*.yaml"],
                "rapat": ["data/*/rapat/*.yml", "data/*/rapat/*.yaml"]}


def _vscode_settings() -> str:
    """The editor's YAML extension checks every data file against its schema as the editor types."""
    schemas = {f"./schemas/{kind}.schema.json": globs for kind, globs in VSCODE_GLOBS.items()}
    settings = {"yaml.schemas": schemas, "yaml.validate": True, "yaml.completion": True, "yaml.hover": True,
                "yaml.format.enable": False, "yaml.yamlVersion": "1.2", "files.encoding": "utf8", "files.eol": "\n",
                "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.detectIndentation": False}}
    return json.dumps(settings, indent=2, ensure_ascii=False) + "\n"
