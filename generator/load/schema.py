"""The data files, declared once: pydantic models with an Indonesian description on every field.

The checks, the messages (through ``generator.load.fields``) and the JSON Schema for editors' autocompletion
all come from these declarations. One model per kind of file:

    data/<edisi>/edisi.yml             → Edisi
    data/<edisi>/instansi/<slug>.yml   → Instansi
    data/<edisi>/kecamatan/<slug>.yml  → Kecamatan
    data/<edisi>/rapat/<slug>.yml      → Rapat
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError, PydanticUndefined

from generator.load import messages as msg
from generator.load.exemptions import CATEGORIES
from generator.load.fields import (
    NIK,
    NIP,
    Angka,
    Dasar,
    Jam,
    Jumlah,
    KodeDesa,
    KodeKabupaten,
    KodeKecamatan,
    KodeProvinsi,
    KodeWilayah,
    NonEmpty,
    OneOrMany,
    Pemeriksa,
    Slug,
    Surel,
    Tanggal,
    Tautan,
    Teks,
    Telepon,
    TeleponPribadi,
    TextShorthand,
    YaTidak,
    illustrative_flag,
)

# --- access classification ---------------------------------------------------------------------
#
# Every field says whether the public may see it: ``public_field`` or ``restricted_field`` (with the category
# of exempted information, see generator.load.exemptions). Every model says it too: ``PublicModel`` or
# ``RestrictedModel``. The JSON Schema carries this as "x-akses". What says neither is restricted (fail
# closed): generator.edition.filter removes it from the public edition.

RECORD_CATEGORY = "ditandai"  # records an agency marked ``akses: terbatas`` itself


def public_field(default: Any = PydanticUndefined, *, description: str, **kwargs: Any) -> Any:
    """A field the public edition shows."""
    return Field(default, description=description, json_schema_extra={"x-akses": "publik"}, **kwargs)


def restricted_field(kategori: str, default: Any = PydanticUndefined, *, description: str, **kwargs: Any) -> Any:
    """A field the public edition never shows, whatever the file says: its category names the legal basis."""
    category = CATEGORIES[kategori]
    return Field(default, description=f"{description} TERBATAS: {category.dasar}.",
                 json_schema_extra={"x-akses": "terbatas", "x-kategori": kategori, "x-dasar": category.dasar},
                 **kwargs)


def field_access(field: FieldInfo) -> tuple[str | None, str | None]:
    """("publik" | "terbatas" | None, category) of a model field; None means undeclared, so restricted."""
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    return extra.get("x-akses"), extra.get("x-kategori")


def model_access(cls: type) -> tuple[str | None, str | None]:
    """("publik" | "terbatas" | None, category) of a model class; None means undeclared, so restricted."""
    return getattr(cls, "akses_jenis", None), getattr(cls, "kategori_terbatas", None)


_TITLE_WORDS = {"tps": "TPS", "ktp": "KTP", "ektp": "e-KTP", "asn": "ASN", "nik": "NIK", "nip": "NIP", "id": "ID",
                "km2": "km²", "dp4": "DP4"}


def field_title(name: str, info: Any = None) -> str:
    """The Indonesian label of a key, for forms and editors: ``batas_waktu`` → "Batas waktu", ``jumlah_tps`` →
    "Jumlah TPS"."""
    words = [_TITLE_WORDS.get(word, word) for word in name.split("_")]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def _mark_restricted(schema: dict, cls: type) -> None:
    schema["x-akses"] = "terbatas"
    schema["x-kategori"] = cls.kategori_terbatas
    schema["x-dasar"] = CATEGORIES[cls.kategori_terbatas].dasar


_QUOTED_EXAMPLE = re.compile(r"mis\. \"([^\"]+)\"")


def _schema_extra(schema: dict[str, Any], cls: type) -> None:
    """Every record's schema: its Indonesian title and description (declared on the model, not its docstring,
    which is for programmers), the restricted mark of a kind restricted by nature, and on every field a title
    (pydantic leaves it off a field that is a record) and ``examples``: its type's own (a date, a phone number),
    its choices, or the value its description gives after "mis.", so that an editor's hover and the web form
    show one and nothing is written twice."""
    schema["title"] = cls.schema_title
    schema["description"] = cls.schema_description
    if cls.akses_jenis == "terbatas":
        _mark_restricted(schema, cls)
    for key, prop in schema.get("properties", {}).items():
        prop.setdefault("title", field_title(key))
        if "examples" not in prop and (examples := _examples_of(prop)):
            prop["examples"] = examples


def _examples_of(prop: dict) -> list:
    for branch in [prop, *prop.get("anyOf", [])]:
        if "examples" in branch:
            return list(branch["examples"])
        if "enum" in branch:
            return list(branch["enum"])
        items = branch.get("items", {})
        for item in [items, *items.get("anyOf", [])]:
            if "examples" in item or "enum" in item:  # a list of such values: one example list
                return [list(item.get("examples", item.get("enum")))[:2]]
    quoted = _QUOTED_EXAMPLE.findall(prop.get("description", ""))
    if quoted:
        return [quoted] if prop.get("type") == "array" else quoted
    if prop.get("type") == "boolean" or any(b.get("type") == "boolean" for b in prop.get("anyOf", [])):
        return [True, False]
    return []


class Model(BaseModel):
    """Every data model: unknown keys are errors, nothing is coerced behind the editor's back."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, field_title_generator=field_title,
                              json_schema_extra=_schema_extra)
    akses_jenis: ClassVar[str | None] = None  # undeclared: treated as restricted
    schema_title: ClassVar[str] = ""  # Indonesian, for the JSON Schema and the web form
    schema_description: ClassVar[str] = ""


class PublicModel(Model):
    """A kind of record the public may see (its restricted fields excepted)."""

    akses_jenis: ClassVar[str | None] = "publik"


class RestrictedModel(Model):
    """A kind of record restricted by its nature, whatever the file says (UU 14/2008 Pasal 17)."""

    akses_jenis: ClassVar[str | None] = "terbatas"
    kategori_terbatas: ClassVar[str] = RECORD_CATEGORY


class ClassifiedRecord(PublicModel):
    """A record that its editor may mark ``akses: terbatas``, with the legal basis in ``dasar``."""

    akses: Literal["publik", "terbatas"] = public_field(
        "publik", description="publik (bawaan) atau terbatas: catatan terbatas tidak tampil di edisi publik.")
    dasar: Dasar | None = public_field(
        None, description="Dasar hukum pengecualian bila akses terbatas, mis. \"UU 14/2008 Pasal 17 huruf c\".")

    @model_validator(mode="after")
    def _restricted_needs_basis(self):
        if self.akses == "terbatas" and not self.dasar:
            raise PydanticCustomError("dasar_wajib", msg.BASIS_REQUIRED)
        return self

    @property
    def terbatas_dasar(self) -> str | None:
        """The basis to show beside it when its editor marked it restricted (the internal edition's TERBATAS mark)."""
        return self.dasar if self.akses == "terbatas" else None


class ClassifiedItem(ClassifiedRecord):
    """A record in a list (a contact, a risk, a report, a route…) that the restricted tree can refer to: its
    ``id`` places restricted fields on it, and restricted records after it, whatever else changes in the list."""

    id: Slug | None = public_field(
        None, description="Pengenal tetap catatan ini dalam daftarnya, mis. \"kasat-binmas\"; diperlukan bila pohon "
                          "terbatas menambahkan sesuatu padanya (bulletin split mengisinya sendiri).")


# --- shared parts -------------------------------------------------------------------------------


class Sumber(PublicModel):
    """Where a figure or an account comes from."""

    schema_title: ClassVar[str] = "Sumber"
    schema_description: ClassVar[str] = "Asal angka atau keterangan: judul berita, nomor surat, tautan."
    judul: Teks = public_field(examples=["Antaranews Kalteng, 2 Maret 2020"], description="Nama sumber, mis. judul berita atau nomor surat.")
    tautan: Tautan | None = public_field(None, description="Alamat web sumber (http/https), bila ada.")
    tanggal: Tanggal | None = public_field(None, description="Tanggal terbit sumber (TTTT-BB-HH).")


class Kontak(ClassifiedItem):
    """A public office contact: a position, not a person's private number."""

    schema_title: ClassVar[str] = "Kontak"
    schema_description: ClassVar[str] = "Kontak kantor yang boleh dipublikasikan: jabatan, bukan nomor pribadi seseorang."
    jabatan: Teks = public_field(description="Jabatan atau unit, mis. \"Sekretariat\" atau \"Kasat Binmas\".")
    nama: Teks | None = public_field(None, examples=["Drs. Contoh Nama"], description="Nama pejabat (jabatan publik), bila perlu ditampilkan.")
    telepon_kantor: Telepon | None = public_field(None, description="Telepon kantor dalam tanda kutip, mis. \"+62 525 21500\".")
    surel: Surel | None = public_field(None, description="Alamat surel kantor.")
    alamat: Teks | None = public_field(None, examples=["Jl. Pahlawan No. 1, Buntok"], description="Alamat kantor.")
    telepon_pribadi: TeleponPribadi | None = restricted_field(
        "data_pribadi", None, description="Nomor telepon atau WhatsApp pribadi.")
    nip: NIP | None = restricted_field("data_pribadi", None, description="NIP (18 angka), mis. \"19860926 201505 1 001\".")
    nik: NIK | None = restricted_field("data_pribadi", None, description="NIK (16 angka).")


Tahap = Literal["sebelum", "saat", "sesudah"]
StatusRisiko = Literal["terbuka", "dipantau", "teratasi"]


class Risiko(ClassifiedItem):
    """A risk or obstacle to the election, with its mitigation and the agency that owns it."""

    schema_title: ClassVar[str] = "Risiko"
    schema_description: ClassVar[str] = "Risiko atau kendala pemilihan, dengan mitigasi dan instansi penanggung jawabnya."
    uraian: Teks = public_field(examples=["Distribusi logistik terlambat karena muka air sungai rendah."], description="Apa risikonya atau kendalanya.")
    tahap: Tahap = public_field(description="Kapan: sebelum, saat atau sesudah pemungutan suara.")
    kategori: Literal["data", "logistik", "keamanan", "komunikasi", "kesehatan", "sdm", "lainnya"] = public_field(
        description="Jenis risiko.")
    tingkat: Literal["rendah", "sedang", "tinggi"] = public_field(description="Tingkat risiko menurut penilaian desk.")
    kecamatan: list[KodeKecamatan] = public_field(
        default_factory=list, description="Kode kecamatan yang terdampak; kosong berarti seluruh wilayah.")
    mitigasi: Teks = public_field(examples=["Distribusi dimajukan H-3 dengan kelotok."], description="Langkah pencegahan atau penanganan.")
    pemilik: Slug | None = public_field(None, examples=["kpu"], description="Instansi penanggung jawab; bawaan: instansi pemilik berkas.")
    status: StatusRisiko = public_field(description="terbuka, dipantau atau teratasi.")
    tanggal: Tanggal = public_field(description="Tanggal risiko dicatat (TTTT-BB-HH).")
    ilustratif: YaTidak = public_field(False, description="true bila isinya contoh, bukan data nyata.")


class Laporan(ClassifiedItem):
    """Fields every dated report has."""

    tanggal: Tanggal = public_field(description="Tanggal posisi data (TTTT-BB-HH).")
    ilustratif: YaTidak = public_field(False, description="true bila angkanya contoh, bukan data resmi.")
    sumber: Sumber | None = public_field(None, description="Sumber angka, bila dari dokumen atau berita.")
    catatan: Teks | None = public_field(None, examples=["Angka sementara, menunggu rekapitulasi akhir."], description="Keterangan tambahan untuk pembaca.")


# --- edisi.yml ----------------------------------------------------------------------------------


class Wilayah(PublicModel):
    """The region a desk covers: a kabupaten/kota, a province, or the country."""

    schema_title: ClassVar[str] = "Wilayah"
    schema_description: ClassVar[str] = "Wilayah yang dicakup desk: kabupaten/kota, provinsi, atau nasional."
    tingkat: Literal["kabupaten", "provinsi", "nasional"] = public_field(
        description="Desk kabupaten/kota, desk provinsi, atau desk nasional (beberapa provinsi).")
    provinsi: Annotated[list[KodeProvinsi], OneOrMany, NonEmpty] = public_field(
        description="Kode Kemendagri provinsi, mis. \"62\"; desk nasional: daftar provinsi.")
    kabupaten: list[KodeKabupaten] = public_field(
        default_factory=list,
        description="Kode Kemendagri kabupaten/kota yang dicakup, mis. [\"62.04\"]; wajib untuk desk kabupaten. "
                    "Desk provinsi atau nasional yang mengosongkannya mencakup semua kabupaten/kota provinsinya.")


class PemungutanSuara(PublicModel):
    """Voting day: as planned, and as it actually took place."""

    schema_title: ClassVar[str] = "Pemungutan suara"
    schema_description: ClassVar[str] = "Hari pemungutan suara: rencana, dan pelaksanaan bila berubah."
    rencana: Tanggal | None = public_field(
        None, description="Hari pemungutan suara yang semula direncanakan; kosong sampai KPU menetapkan jadwal.")
    pelaksanaan: Tanggal | None = public_field(None, description="Hari pemungutan suara yang berlaku, bila berubah.")
    dasar_perubahan: Teks | None = public_field(None, description="Dasar hukum perubahan jadwal, mis. \"Perppu 2/2020\".")


class Tahapan(PublicModel):
    """A stage of the election calendar."""

    schema_title: ClassVar[str] = "Tahapan"
    schema_description: ClassVar[str] = "Satu tahapan jadwal pemilihan."
    nama: Teks = public_field(description="Nama tahapan, mis. \"Pemutakhiran data pemilih\".")
    mulai: Tanggal = public_field(description="Tanggal mulai.")
    selesai: Tanggal | None = public_field(None, description="Tanggal selesai.")


class Walidata(PublicModel):
    """The Satu Data custodian (walidata, Perpres 39/2019) that takes the desk's open data in, where one is named."""

    schema_title: ClassVar[str] = "Walidata"
    schema_description: ClassVar[str] = (
        "Walidata Satu Data (Perpres 39/2019) yang menghimpun data terbuka desk, mis. dinas kominfo: kontak kantornya.")
    nama: Teks = public_field(examples=["Dinas Komunikasi dan Informatika Kabupaten Barito Selatan"],
                              description="Nama instansi walidata.")
    surel: Surel | None = public_field(None, description="Alamat surel kantor walidata untuk pertanyaan data.")
    telepon_kantor: Telepon | None = public_field(None, description="Telepon kantor dalam tanda kutip.")
    situs: Tautan | None = public_field(None, description="Situs atau portal data walidata.")


class Desk(PublicModel):
    """The coordination desk itself."""

    schema_title: ClassVar[str] = "Desk"
    schema_description: ClassVar[str] = "Desk Pilkada: nama, ketua, dasar pembentukan dan sekretariatnya."
    nama: Teks = public_field(description="Nama desk, mis. \"Desk Pilkada Kabupaten Barito Selatan\".")
    ketua: Teks = public_field(description="Jabatan ketua desk, mis. \"Sekretaris Daerah\".")
    dasar_hukum: list[Teks] = public_field(default_factory=list, examples=[["Permendagri 9/2005"]], description="Dasar pembentukan desk.")
    sekretariat: Slug = public_field(examples=["setda"], description="Instansi sekretariat desk (nama berkas di instansi/).")
    walidata: Walidata | None = public_field(
        None, description="Walidata Satu Data yang menerima data terbuka desk, bila ditetapkan; kontaknya ikut dalam "
                          "metadata paket data (Satu Data) dan di halaman data terbuka.")


class Edisi(PublicModel):
    """An election edition: one election (or simultaneous elections) followed by one desk."""

    schema_title: ClassVar[str] = "Edisi pemilihan"
    schema_description: ClassVar[str] = "Berkas edisi.yml: satu pemilihan (atau pemilihan serentak) yang diikuti satu desk."
    id: Slug = public_field(description="Pengenal edisi, sama dengan nama foldernya, mis. \"pilgub-kalteng-2020\".")
    nama: Teks = public_field(examples=["Pemilihan Gubernur dan Wakil Gubernur Kalimantan Tengah 2020"], description="Nama lengkap pemilihan.")
    nama_singkat: Teks = public_field(description="Nama pendek untuk navigasi, mis. \"Pilgub Kalteng 2020\".")
    jenis: Literal["pilgub", "pilbup", "pilwalkot", "serentak"] = public_field(description="Jenis pemilihan.")
    pemilihan: Annotated[list[Teks], NonEmpty] = public_field(
        examples=[["Gubernur dan Wakil Gubernur Kalimantan Tengah"]],
        description="Pemilihan yang diselenggarakan, mis. [\"Gubernur dan Wakil Gubernur Kalimantan Tengah\"].")
    wilayah: Wilayah = public_field(description="Wilayah yang dicakup desk.")
    desk: Desk = public_field(description="Desk Pilkada yang menerbitkan buletin.")
    pemungutan_suara: PemungutanSuara = public_field(description="Hari pemungutan suara.")
    zona_waktu: Literal["WIB", "WITA", "WIT"] = public_field(description="Zona waktu wilayah.")
    batas_pemilih_per_tps: Jumlah = public_field(examples=[500], description="Batas pemilih per TPS pada pemilihan ini (2020: 500).")
    tanggal_data: Tanggal | None = public_field(
        None, description="Tanggal posisi buletin; bawaan: tanggal rapat atau laporan terbaru.")
    tahapan: list[Tahapan] = public_field(default_factory=list, description="Tahapan pemilihan.")
    catatan_data: Teks | None = public_field(None, examples=["Angka kesiapan bersumber dari laporan instansi pada rapat desk."], description="Catatan tentang asal dan sifat data edisi ini.")
    sumber: list[Sumber] = public_field(default_factory=list, description="Sumber data edisi.")


# --- instansi/<slug>.yml ------------------------------------------------------------------------


class AngkaKependudukan(PublicModel):
    schema_title: ClassVar[str] = "Angka kependudukan per kecamatan"
    schema_description: ClassVar[str] = "Penduduk, wajib KTP, e-KTP terekam dan tercetak di satu kecamatan."

    kecamatan: KodeKecamatan = public_field(description="Kode Kemendagri kecamatan.")
    penduduk: Jumlah = public_field(examples=[8719], description="Jumlah penduduk.")
    wajib_ktp: Jumlah = public_field(examples=[6350], description="Penduduk wajib KTP.")
    ektp_rekam: Jumlah = public_field(examples=[6201], description="Wajib KTP yang sudah merekam e-KTP.")
    ektp_cetak: Jumlah = public_field(examples=[6150], description="e-KTP yang sudah dicetak.")


ILLUSTRATIVE_HELP = ("true bila semua angka laporan ini contoh, bukan data resmi; atau daftar nama angka yang "
                     "contoh, mis. [wajib_ktp, ektp_rekam].")


class LaporanKependudukan(Laporan):
    """Disdukcapil: population, wajib KTP, e-KTP recorded and printed, blank-card stock."""

    schema_title: ClassVar[str] = "Laporan kependudukan"
    schema_description: ClassVar[str] = "Laporan Disdukcapil bertanggal: penduduk, wajib KTP, e-KTP, stok blangko."
    ilustratif: illustrative_flag("penduduk", "wajib_ktp", "ektp_rekam", "ektp_cetak", "stok_blangko") = public_field(
        False, description=ILLUSTRATIVE_HELP)

    stok_blangko: Jumlah | None = public_field(None, examples=[1500], description="Stok blangko e-KTP di kabupaten.")
    kecamatan: Annotated[list[AngkaKependudukan], NonEmpty] = public_field(description="Angka per kecamatan.")


class AngkaPemilih(PublicModel):
    schema_title: ClassVar[str] = "Angka pemilih per kecamatan"
    schema_description: ClassVar[str] = "Pemilih dan TPS di satu kecamatan."

    kecamatan: KodeKecamatan = public_field(description="Kode Kemendagri kecamatan.")
    pemilih: Jumlah = public_field(examples=[6120], description="Jumlah pemilih pada tahap ini.")
    tps: Jumlah = public_field(examples=[22], description="Jumlah TPS.")


class LaporanPemilih(Laporan):
    """KPU: voters and TPS at a stage of the voter list."""

    schema_title: ClassVar[str] = "Laporan pemilih"
    schema_description: ClassVar[str] = "Laporan KPU bertanggal: pemilih dan TPS per kecamatan pada satu tahap daftar pemilih."
    ilustratif: illustrative_flag("pemilih", "tps") = public_field(False, description=ILLUSTRATIVE_HELP)

    tahap: Literal["DP4", "DPS", "DPSHP", "DPT"] = public_field(description="Tahap daftar pemilih.")
    kecamatan: Annotated[list[AngkaPemilih], NonEmpty] = public_field(description="Angka per kecamatan.")


class AngkaLinmas(PublicModel):
    schema_title: ClassVar[str] = "Angka Linmas per kecamatan"
    schema_description: ClassVar[str] = "Linmas siap bertugas di satu kecamatan."

    kecamatan: KodeKecamatan = public_field(description="Kode Kemendagri kecamatan.")
    linmas_siap: Jumlah = public_field(examples=[44], description="Anggota Linmas yang siap bertugas di TPS.")


class LaporanLinmas(Laporan):
    """Satpol PP: Linmas ready for the TPS."""

    schema_title: ClassVar[str] = "Laporan Linmas"
    schema_description: ClassVar[str] = "Laporan Satpol PP bertanggal: Linmas siap per kecamatan."
    ilustratif: illustrative_flag("linmas_siap") = public_field(False, description=ILLUSTRATIVE_HELP)

    kecamatan: Annotated[list[AngkaLinmas], NonEmpty] = public_field(description="Angka per kecamatan.")


class Pengamanan(RestrictedModel):
    """Where and how many security personnel are deployed: restricted by nature (Pasal 17 huruf c)."""

    schema_title: ClassVar[str] = "Pengamanan"
    schema_description: ClassVar[str] = "Penempatan personel pengamanan: terbatas menurut jenisnya (UU 14/2008 Pasal 17 huruf c)."
    kategori_terbatas: ClassVar[str] = "pengamanan"

    kecamatan: KodeKecamatan = restricted_field("pengamanan", description="Kode kecamatan.")
    lokasi: Teks = restricted_field("pengamanan", examples=["TPS 03 Desa Jenamas"], description="TPS, pos, rute atau gudang yang dijaga.")
    satuan: Teks = restricted_field("pengamanan", description="Satuan atau unsur, mis. \"Polsek Jenamas\".")
    personel: Jumlah = restricted_field("pengamanan", examples=[4], description="Jumlah personel.")
    tugas: Teks = restricted_field("pengamanan", examples=["pengamanan TPS"], description="Tugas: pengamanan TPS, pengawalan logistik, patroli.")
    jadwal: Teks | None = restricted_field("pengamanan", None, examples=["H-1 sampai H+1"], description="Waktu atau jadwal bertugas.")


class KerawananTps(RestrictedModel):
    """An assessment of a vulnerable TPS: restricted by nature (Pasal 17 huruf a, c; h when it names people)."""

    schema_title: ClassVar[str] = "Kerawanan TPS"
    schema_description: ClassVar[str] = "Penilaian TPS rawan: terbatas menurut jenisnya (UU 14/2008 Pasal 17 huruf a, c)."
    kategori_terbatas: ClassVar[str] = "kerawanan_tps"

    kecamatan: KodeKecamatan = restricted_field("kerawanan_tps", description="Kode kecamatan.")
    desa: KodeDesa | None = restricted_field("kerawanan_tps", None, description="Kode desa/kelurahan.")
    tps: Teks = restricted_field("kerawanan_tps", description="Nomor atau nama TPS, mis. \"TPS 03\".")
    tingkat: Literal["rawan", "sangat-rawan", "khusus"] = restricted_field(
        "kerawanan_tps", description="rawan, sangat-rawan atau khusus.")
    alasan: Teks = restricted_field("kerawanan_tps", examples=["Akses sungai terputus saat air surut."], description="Mengapa TPS ini dinilai rawan.")
    pihak_terkait: Teks | None = restricted_field(
        "kerawanan_tps", None, examples=["Tim pemenangan pasangan calon"], description="Pihak yang disebut dalam penilaian.")
    pola_pengamanan: Teks | None = restricted_field(
        "kerawanan_tps", None, description="Pola pengamanan Polri–TPS–Linmas, mis. \"2-2-4\".")


class PotensiGangguan(RestrictedModel):
    """Intelligence on a potential disruption: restricted by nature (Pasal 17 huruf a, c)."""

    schema_title: ClassVar[str] = "Potensi gangguan"
    schema_description: ClassVar[str] = "Informasi potensi gangguan keamanan: terbatas menurut jenisnya (UU 14/2008 Pasal 17 huruf a, c)."
    kategori_terbatas: ClassVar[str] = "potensi_gangguan"

    uraian: Teks = restricted_field("potensi_gangguan", examples=["Pengerahan massa saat rekapitulasi."], description="Potensi gangguan yang diperkirakan.")
    tahap: Tahap = restricted_field("potensi_gangguan", description="sebelum, saat atau sesudah pemungutan suara.")
    kecamatan: list[KodeKecamatan] = restricted_field(
        "potensi_gangguan", default_factory=list, description="Kode kecamatan; kosong berarti seluruh wilayah.")
    sumber_informasi: Teks | None = restricted_field(
        "potensi_gangguan", None, examples=["Laporan intelijen Polres"], description="Asal informasi.")
    langkah: Teks = restricted_field("potensi_gangguan", examples=["Patroli gabungan TNI-Polri."], description="Langkah pencegahan.")


# The kinds of agency, defined once and in the order the site lists them (the secretariat first, then the
# election bodies, security, the regency's offices): the schema, the views and the open data import it.
JENIS_INSTANSI = ("sekretariat", "kpu", "bawaslu", "polri", "tni", "kejaksaan", "kesbangpol", "disdukcapil",
                  "satpol-pp", "opd-lain")
JenisInstansi = Literal[JENIS_INSTANSI]


class Instansi(PublicModel):
    """An agency of the desk, its public contacts and what it reports."""

    schema_title: ClassVar[str] = "Instansi"
    schema_description: ClassVar[str] = "Berkas instansi/<nama>.yml: satu instansi anggota desk, kontak kantornya dan laporannya."
    singkatan: Teks = public_field(description="Singkatan yang dipakai sehari-hari, mis. \"KPU\".")
    nama: Teks = public_field(examples=["Komisi Pemilihan Umum Kabupaten Barito Selatan"], description="Nama lengkap instansi.")
    jenis: JenisInstansi = public_field(description="Jenis instansi; menentukan laporan yang boleh dikirim.")
    peran: Teks = public_field(examples=["Penyelenggara pemilihan di kabupaten."], description="Peran instansi dalam desk.")
    alias: list[Teks] = public_field(default_factory=list, description="Nama lain, mis. \"Kodim 1012/Buntok\".")
    situs: Tautan | None = public_field(None, description="Situs web resmi.")
    wilayah: KodeWilayah | None = public_field(
        None, description="Wilayah kerja instansi: kode provinsi atau kabupaten/kota, mis. \"62.04\"; "
                          "kosong berarti seluruh wilayah desk.")
    kontak: list[Kontak] = public_field(default_factory=list, description="Kontak kantor yang boleh dipublikasikan.")
    pemeriksa: list[Pemeriksa] = public_field(
        default_factory=list, examples=[["@pemkab-barsel/penghubung-kpu"]],
        description="Pengguna atau tim GitHub yang memeriksa setiap perubahan berkas instansi ini (CODEOWNERS "
                    "dibuat dari sini dengan `bulletin codeowners`), mis. \"@pemkab-barsel/penghubung-kpu\".")
    laporan_kependudukan: list[LaporanKependudukan] = public_field(
        default_factory=list, description="Laporan Disdukcapil: penduduk, wajib KTP, e-KTP, blangko.")
    laporan_pemilih: list[LaporanPemilih] = public_field(
        default_factory=list, description="Laporan KPU: pemilih dan TPS per kecamatan.")
    laporan_linmas: list[LaporanLinmas] = public_field(
        default_factory=list, description="Laporan Satpol PP: Linmas siap per kecamatan.")
    risiko: list[Risiko] = public_field(default_factory=list, description="Risiko dan kendala yang dipegang instansi ini.")
    pengamanan: list[Pengamanan] = restricted_field(
        "pengamanan", default_factory=list, description="Penempatan personel pengamanan per TPS atau pos.")
    kerawanan_tps: list[KerawananTps] = restricted_field(
        "kerawanan_tps", default_factory=list, description="Penilaian TPS rawan.")
    potensi_gangguan: list[PotensiGangguan] = restricted_field(
        "potensi_gangguan", default_factory=list, description="Informasi potensi gangguan keamanan.")


# --- kecamatan/<slug>.yml -----------------------------------------------------------------------


class Desa(PublicModel):
    schema_title: ClassVar[str] = "Desa/kelurahan"
    schema_description: ClassVar[str] = "Satu desa atau kelurahan menurut daftar Kemendagri."

    kode: KodeDesa = public_field(description="Kode Kemendagri desa/kelurahan, mis. \"62.04.01.2001\".")
    nama: Teks = public_field(examples=["Rantau Kujang"], description="Nama desa/kelurahan menurut Kemendagri.")
    jenis: Literal["desa", "kelurahan"] = public_field(description="desa (kode 2xxx) atau kelurahan (kode 1xxx).")


class JalurLogistik(ClassifiedItem):
    schema_title: ClassVar[str] = "Jalur logistik"
    schema_description: ClassVar[str] = "Rute distribusi logistik pemilihan dan waktu tempuhnya."

    rute: Teks = public_field(description="Rute distribusi, mis. \"Gudang KPU Buntok – Kantor Camat Jenamas\".")
    moda: Literal["darat", "sungai", "darat-sungai"] = public_field(description="Jalur darat, sungai, atau keduanya.")
    waktu_tempuh_jam: Angka = public_field(examples=[2.5], description="Waktu tempuh dalam jam, mis. 2.5.")
    keterangan: Teks | None = public_field(None, examples=["Tidak dapat dilalui saat air surut."], description="Kendala atau catatan jalur.")


class BlankSpot(ClassifiedItem):
    schema_title: ClassVar[str] = "Blank spot"
    schema_description: ClassVar[str] = "Desa/kelurahan tanpa sinyal komunikasi."

    desa: KodeDesa = public_field(description="Kode desa/kelurahan tanpa sinyal.")
    keterangan: Teks | None = public_field(None, examples=["Sinyal hanya di tepi sungai; komunikasi lewat radio."], description="Keadaan sinyal dan cara berkomunikasi.")


class AsnDiusulkan(RestrictedModel):
    """A named civil servant proposed for the Panwascam secretariat: personal data."""

    schema_title: ClassVar[str] = "ASN diusulkan"
    schema_description: ClassVar[str] = "ASN yang diusulkan untuk sekretariat Panwascam: data pribadi, terbatas."
    kategori_terbatas: ClassVar[str] = "data_pribadi"

    nama: Teks = restricted_field("data_pribadi", examples=["Contoh Nama, S.Sos."], description="Nama ASN.")
    nip: NIP = restricted_field("data_pribadi", description="NIP (18 angka).")
    jabatan: Teks | None = restricted_field("data_pribadi", None, examples=["Kasi Pemerintahan"], description="Jabatan ASN.")


class UsulanAsnPanwascam(PublicModel):
    schema_title: ClassVar[str] = "Usulan ASN Panwascam"
    schema_description: ClassVar[str] = "Usulan ASN kecamatan untuk sekretariat Panwascam."

    diserahkan: YaTidak = public_field(description="Sudah menyerahkan usulan ASN untuk sekretariat Panwascam?")
    jumlah: Jumlah | None = public_field(None, examples=[3], description="Jumlah ASN yang diusulkan.")
    tanggal: Tanggal | None = public_field(None, description="Tanggal penyerahan.")
    keterangan: Teks | None = public_field(None, examples=["Usulan masih menunggu tanda tangan camat."], description="Keterangan, mis. alasan belum diserahkan.")
    daftar: list[AsnDiusulkan] = restricted_field(
        "data_pribadi", default_factory=list, description="Nama dan NIP ASN yang diusulkan.")


class LaporanCamat(Laporan):
    """The camat: logistics routes, communication blank spots, ASN proposed for the Panwascam."""

    schema_title: ClassVar[str] = "Laporan camat"
    schema_description: ClassVar[str] = "Laporan camat bertanggal: jalur logistik, blank spot, usulan ASN Panwascam."
    jalur_logistik: list[JalurLogistik] = public_field(default_factory=list, description="Jalur distribusi logistik.")
    blank_spot: list[BlankSpot] = public_field(default_factory=list, description="Desa tanpa sinyal komunikasi.")
    usulan_asn_panwascam: UsulanAsnPanwascam | None = public_field(None, description="Usulan ASN untuk Panwascam.")


class Kecamatan(PublicModel):
    """A kecamatan: its desa/kelurahan, the camat's office and the camat's reports."""

    schema_title: ClassVar[str] = "Kecamatan"
    schema_description: ClassVar[str] = "Berkas kecamatan/<nama>.yml: desa/kelurahan, kantor camat dan laporan camat."
    kode: KodeKecamatan = public_field(description="Kode Kemendagri kecamatan, mis. \"62.04.01\".")
    nama: Teks = public_field(examples=["Jenamas"], description="Nama kecamatan.")
    alias: list[Teks] = public_field(default_factory=list, description="Nama lain, mis. \"Gn. Bintang Awai\", \"GBA\".")
    ibu_kota: Teks | None = public_field(None, examples=["Rantau Kujang"], description="Ibu kota kecamatan.")
    kontak: list[Kontak] = public_field(default_factory=list, description="Kontak kantor camat.")
    desa: Annotated[list[Desa], NonEmpty] = public_field(description="Desa dan kelurahan di kecamatan ini.")
    laporan: list[LaporanCamat] = public_field(default_factory=list, description="Laporan camat.")
    risiko: list[Risiko] = public_field(default_factory=list, description="Risiko dan kendala di kecamatan ini.")


# --- rapat/<slug>.yml ---------------------------------------------------------------------------


class Pimpinan(PublicModel):
    schema_title: ClassVar[str] = "Pimpinan rapat"
    schema_description: ClassVar[str] = "Nama dan jabatan pimpinan rapat."

    nama: Teks = public_field(examples=["Edy Purwanto"], description="Nama pimpinan rapat.")
    jabatan: Teks = public_field(examples=["Sekretaris Daerah"], description="Jabatan pimpinan rapat.")


class AgendaItem(ClassifiedItem):
    schema_title: ClassVar[str] = "Pembahasan"
    schema_description: ClassVar[str] = "Pembahasan satu pokok oleh satu atau beberapa instansi."

    instansi: Annotated[list[Slug], OneOrMany, NonEmpty] = public_field(
        examples=["disdukcapil"], description="Instansi yang dibahas (nama berkas di instansi/, atau camat-<kecamatan>).")
    topik: Teks = public_field(examples=["Perekaman e-KTP"], description="Pokok bahasan.")
    uraian: Teks = public_field(examples=["Disdukcapil melaporkan perekaman e-KTP per kecamatan."], description="Apa yang dibahas atau dilaporkan.")


class Keputusan(ClassifiedItem):
    schema_title: ClassVar[str] = "Keputusan"
    schema_description: ClassVar[str] = "Keputusan rapat: teks saja, atau {uraian, akses, dasar}."

    uraian: Teks = public_field(examples=["Perekaman e-KTP jemput bola di kecamatan dengan perekaman terendah."], description="Keputusan atau kesepakatan rapat.")


# The statuses of an action item, defined once: every other module imports these.
STATUS_TINDAK_LANJUT = ("terbuka", "berjalan", "selesai", "terhambat", "batal")
STATUS_TERBUKA = ("terbuka", "berjalan", "terhambat")  # still to be done and reported on (can be overdue)
STATUS_TERTUTUP = ("selesai", "batal")  # done or cancelled
StatusTindakLanjut = Literal[STATUS_TINDAK_LANJUT]


class TindakLanjut(ClassifiedRecord):
    schema_title: ClassVar[str] = "Tindak lanjut"
    schema_description: ClassVar[str] = "Tindak lanjut baru: apa, siapa, kapan, statusnya."

    id: Slug = public_field(description="Pengenal unik di edisi ini, mis. \"tl-2020-01\".")
    uraian: Teks = public_field(examples=["Menyampaikan data perekaman e-KTP terbaru ke desk."], description="Apa yang harus dikerjakan.")
    pemilik: Slug = public_field(examples=["disdukcapil"], description="Instansi penanggung jawab.")
    batas_waktu: Tanggal = public_field(description="Batas waktu (pada atau sesudah tanggal rapat).")
    status: StatusTindakLanjut = public_field(description="terbuka, berjalan, selesai, terhambat atau batal.")
    tanggal_selesai: Tanggal | None = public_field(None, description="Tanggal selesai; wajib bila status selesai.")
    catatan: Teks | None = public_field(None, examples=["Dilaporkan pada rapat berikutnya."], description="Catatan.")


class Perkembangan(ClassifiedRecord):
    """Progress, reported at this meeting, of an action item decided at an earlier one."""

    schema_title: ClassVar[str] = "Perkembangan"
    schema_description: ClassVar[str] = "Perkembangan tindak lanjut dari rapat sebelumnya, dilaporkan di rapat ini."
    id: Slug = public_field(examples=["tl-2020-01"], description="Pengenal tindak lanjut dari rapat sebelumnya.")
    status: StatusTindakLanjut = public_field(description="Status terbaru.")
    tanggal_selesai: Tanggal | None = public_field(None, description="Tanggal selesai; wajib bila status selesai.")
    catatan: Teks | None = public_field(None, examples=["Perekaman di dua kecamatan sudah dilaksanakan."], description="Apa yang dilaporkan.")


class Rapat(ClassifiedRecord):
    """A meeting of the desk: who met, what each agency reported, what was decided and who does what."""

    schema_title: ClassVar[str] = "Rapat"
    schema_description: ClassVar[str] = "Berkas rapat/<tanggal>-<nama>.yml: siapa hadir, apa yang dibahas, diputuskan dan ditindaklanjuti."
    judul: Teks = public_field(examples=["Rapat Koordinasi Desk Pilkada"], description="Judul rapat.")
    tanggal: Tanggal = public_field(description="Tanggal rapat.")
    waktu: Jam | None = public_field(None, description="Jam mulai, mis. \"09.00\".")
    tempat: Teks = public_field(examples=["Aula Bappedalitbang Kabupaten Barito Selatan"], description="Tempat rapat.")
    pimpinan: Pimpinan = public_field(description="Pimpinan rapat.")
    peserta: Annotated[list[Slug], NonEmpty] = public_field(examples=[["setda", "kpu", "bawaslu"]], description="Instansi yang hadir.")
    ringkasan: Teks = public_field(examples=["Desk membahas kesiapan data pemilih dan logistik."], description="Ringkasan rapat untuk publik.")
    agenda: list[AgendaItem] = public_field(default_factory=list, description="Pembahasan per instansi.")
    keputusan: list[Annotated[Keputusan, TextShorthand("uraian")]] = public_field(
        default_factory=list, description="Keputusan atau kesepakatan rapat: teks, atau {uraian, akses, dasar}.")
    tindak_lanjut: list[TindakLanjut] = public_field(default_factory=list, description="Tindak lanjut baru.")
    perkembangan: list[Perkembangan] = public_field(
        default_factory=list, description="Perkembangan tindak lanjut dari rapat sebelumnya.")
    catatan_data: Teks | None = public_field(None, examples=["Tanggal rapat perkiraan dari berita."], description="Catatan tentang keakuratan isi, mis. tanggal perkiraan.")
    notulen_internal: Teks | None = restricted_field(
        "notulen_internal", None, examples=["Pembahasan awal tentang penempatan personel."], description="Notulen pembahasan internal yang belum menjadi keputusan.")
    sumber: list[Sumber] = public_field(default_factory=list, description="Sumber, mis. berita tentang rapat ini.")


FILE_MODELS: dict[str, type[Model]] = {
    "edisi": Edisi,
    "instansi": Instansi,
    "kecamatan": Kecamatan,
    "rapat": Rapat,
}
"""Which model a file is, by its place in ``data/<edisi>/``."""
