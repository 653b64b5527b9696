"""The data files, declared once: pydantic models with an Indonesian description on every field.

The checks, the messages (through ``generator.types``) and the JSON Schema for editors' autocompletion
all come from these declarations. One model per kind of file:

    data/<edisi>/edisi.yml             → Edisi
    data/<edisi>/instansi/<slug>.yml   → Instansi
    data/<edisi>/kecamatan/<slug>.yml  → Kecamatan
    data/<edisi>/rapat/<slug>.yml      → Rapat
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .types import (Angka, Jam, Jumlah, KodeDesa, KodeKabupaten, KodeKecamatan, KodeProvinsi, NonEmpty, OneOrMany,
                    Slug, Surel, Tanggal, Tautan, Teks, Telepon, YaTidak, illustrative_flag)


class Model(BaseModel):
    """Every data model: unknown keys are errors, nothing is coerced behind the editor's back."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- shared parts -------------------------------------------------------------------------------


class Sumber(Model):
    """Where a figure or an account comes from."""

    judul: Teks = Field(description="Nama sumber, mis. judul berita atau nomor surat.")
    tautan: Tautan | None = Field(None, description="Alamat web sumber (http/https), bila ada.")
    tanggal: Tanggal | None = Field(None, description="Tanggal terbit sumber (TTTT-BB-HH).")


class Kontak(Model):
    """A public office contact: a position, not a person's private number."""

    jabatan: Teks = Field(description="Jabatan atau unit, mis. \"Sekretariat\" atau \"Kasat Binmas\".")
    nama: Teks | None = Field(None, description="Nama pejabat (jabatan publik), bila perlu ditampilkan.")
    telepon_kantor: Telepon | None = Field(None, description="Telepon kantor dalam tanda kutip, mis. \"+62 525 21500\".")
    surel: Surel | None = Field(None, description="Alamat surel kantor.")
    alamat: Teks | None = Field(None, description="Alamat kantor.")


Tahap = Literal["sebelum", "saat", "sesudah"]
StatusRisiko = Literal["terbuka", "dipantau", "teratasi"]


class Risiko(Model):
    """A risk or obstacle to the election, with its mitigation and the agency that owns it."""

    uraian: Teks = Field(description="Apa risikonya atau kendalanya.")
    tahap: Tahap = Field(description="Kapan: sebelum, saat atau sesudah pemungutan suara.")
    kategori: Literal["data", "logistik", "keamanan", "komunikasi", "kesehatan", "sdm", "lainnya"] = Field(
        description="Jenis risiko.")
    tingkat: Literal["rendah", "sedang", "tinggi"] = Field(description="Tingkat risiko menurut penilaian desk.")
    kecamatan: list[KodeKecamatan] = Field(
        default_factory=list, description="Kode kecamatan yang terdampak; kosong berarti seluruh wilayah.")
    mitigasi: Teks = Field(description="Langkah pencegahan atau penanganan.")
    pemilik: Slug | None = Field(None, description="Instansi penanggung jawab; bawaan: instansi pemilik berkas.")
    status: StatusRisiko = Field(description="terbuka, dipantau atau teratasi.")
    tanggal: Tanggal = Field(description="Tanggal risiko dicatat (TTTT-BB-HH).")
    ilustratif: YaTidak = Field(False, description="true bila isinya contoh, bukan data nyata.")


class Laporan(Model):
    """Fields every dated report has."""

    tanggal: Tanggal = Field(description="Tanggal posisi data (TTTT-BB-HH).")
    ilustratif: YaTidak = Field(False, description="true bila angkanya contoh, bukan data resmi.")
    sumber: Sumber | None = Field(None, description="Sumber angka, bila dari dokumen atau berita.")
    catatan: Teks | None = Field(None, description="Keterangan tambahan untuk pembaca.")


# --- edisi.yml ----------------------------------------------------------------------------------


class Wilayah(Model):
    """The region a desk covers: one kabupaten (a regency desk) or several (a provincial desk)."""

    tingkat: Literal["kabupaten", "provinsi"] = Field(description="Desk kabupaten/kota atau desk provinsi.")
    provinsi: KodeProvinsi = Field(description="Kode Kemendagri provinsi, mis. \"62\".")
    kabupaten: Annotated[list[KodeKabupaten], NonEmpty] = Field(
        description="Kode Kemendagri kabupaten/kota yang dicakup, mis. [\"62.04\"].")


class PemungutanSuara(Model):
    """Voting day: as planned, and as it actually took place."""

    rencana: Tanggal = Field(description="Hari pemungutan suara yang semula direncanakan.")
    pelaksanaan: Tanggal | None = Field(None, description="Hari pemungutan suara yang berlaku, bila berubah.")
    dasar_perubahan: Teks | None = Field(None, description="Dasar hukum perubahan jadwal, mis. \"Perppu 2/2020\".")


class Tahapan(Model):
    """A stage of the election calendar."""

    nama: Teks = Field(description="Nama tahapan, mis. \"Pemutakhiran data pemilih\".")
    mulai: Tanggal = Field(description="Tanggal mulai.")
    selesai: Tanggal | None = Field(None, description="Tanggal selesai.")


class Desk(Model):
    """The coordination desk itself."""

    nama: Teks = Field(description="Nama desk, mis. \"Desk Pilkada Kabupaten Barito Selatan\".")
    ketua: Teks = Field(description="Jabatan ketua desk, mis. \"Sekretaris Daerah\".")
    dasar_hukum: list[Teks] = Field(default_factory=list, description="Dasar pembentukan desk.")
    sekretariat: Slug = Field(description="Instansi sekretariat desk (nama berkas di instansi/).")


class Edisi(Model):
    """An election edition: one election (or simultaneous elections) followed by one desk."""

    id: Slug = Field(description="Pengenal edisi, sama dengan nama foldernya, mis. \"pilgub-kalteng-2020\".")
    nama: Teks = Field(description="Nama lengkap pemilihan.")
    nama_singkat: Teks = Field(description="Nama pendek untuk navigasi, mis. \"Pilgub Kalteng 2020\".")
    jenis: Literal["pilgub", "pilbup", "pilwalkot", "serentak"] = Field(description="Jenis pemilihan.")
    pemilihan: Annotated[list[Teks], NonEmpty] = Field(
        description="Pemilihan yang diselenggarakan, mis. [\"Gubernur dan Wakil Gubernur Kalimantan Tengah\"].")
    wilayah: Wilayah
    desk: Desk
    pemungutan_suara: PemungutanSuara
    zona_waktu: Literal["WIB", "WITA", "WIT"] = Field(description="Zona waktu wilayah.")
    batas_pemilih_per_tps: Jumlah = Field(description="Batas pemilih per TPS pada pemilihan ini (2020: 500).")
    tanggal_data: Tanggal | None = Field(
        None, description="Tanggal posisi buletin; bawaan: tanggal rapat atau laporan terbaru.")
    tahapan: list[Tahapan] = Field(default_factory=list, description="Tahapan pemilihan.")
    catatan_data: Teks | None = Field(None, description="Catatan tentang asal dan sifat data edisi ini.")
    sumber: list[Sumber] = Field(default_factory=list, description="Sumber data edisi.")


# --- instansi/<slug>.yml ------------------------------------------------------------------------


class AngkaKependudukan(Model):
    kecamatan: KodeKecamatan = Field(description="Kode Kemendagri kecamatan.")
    penduduk: Jumlah = Field(description="Jumlah penduduk.")
    wajib_ktp: Jumlah = Field(description="Penduduk wajib KTP.")
    ektp_rekam: Jumlah = Field(description="Wajib KTP yang sudah merekam e-KTP.")
    ektp_cetak: Jumlah = Field(description="e-KTP yang sudah dicetak.")


ILLUSTRATIVE_HELP = ("true bila semua angka laporan ini contoh, bukan data resmi; atau daftar nama angka yang "
                     "contoh, mis. [wajib_ktp, ektp_rekam].")


class LaporanKependudukan(Laporan):
    """Disdukcapil: population, wajib KTP, e-KTP recorded and printed, blank-card stock."""

    ilustratif: illustrative_flag("penduduk", "wajib_ktp", "ektp_rekam", "ektp_cetak", "stok_blangko") = Field(
        False, description=ILLUSTRATIVE_HELP)

    stok_blangko: Jumlah | None = Field(None, description="Stok blangko e-KTP di kabupaten.")
    kecamatan: Annotated[list[AngkaKependudukan], NonEmpty] = Field(description="Angka per kecamatan.")


class AngkaPemilih(Model):
    kecamatan: KodeKecamatan = Field(description="Kode Kemendagri kecamatan.")
    pemilih: Jumlah = Field(description="Jumlah pemilih pada tahap ini.")
    tps: Jumlah = Field(description="Jumlah TPS.")


class LaporanPemilih(Laporan):
    """KPU: voters and TPS at a stage of the voter list."""

    ilustratif: illustrative_flag("pemilih", "tps") = Field(False, description=ILLUSTRATIVE_HELP)

    tahap: Literal["DP4", "DPS", "DPSHP", "DPT"] = Field(description="Tahap daftar pemilih.")
    kecamatan: Annotated[list[AngkaPemilih], NonEmpty] = Field(description="Angka per kecamatan.")


class AngkaLinmas(Model):
    kecamatan: KodeKecamatan = Field(description="Kode Kemendagri kecamatan.")
    linmas_siap: Jumlah = Field(description="Anggota Linmas yang siap bertugas di TPS.")


class LaporanLinmas(Laporan):
    """Satpol PP: Linmas ready for the TPS."""

    ilustratif: illustrative_flag("linmas_siap") = Field(False, description=ILLUSTRATIVE_HELP)

    kecamatan: Annotated[list[AngkaLinmas], NonEmpty] = Field(description="Angka per kecamatan.")


JenisInstansi = Literal["sekretariat", "kpu", "bawaslu", "polri", "tni", "kesbangpol", "disdukcapil", "satpol-pp",
                        "kejaksaan", "opd-lain"]


class Instansi(Model):
    """An agency of the desk, its public contacts and what it reports."""

    singkatan: Teks = Field(description="Singkatan yang dipakai sehari-hari, mis. \"KPU\".")
    nama: Teks = Field(description="Nama lengkap instansi.")
    jenis: JenisInstansi = Field(description="Jenis instansi; menentukan laporan yang boleh dikirim.")
    peran: Teks = Field(description="Peran instansi dalam desk.")
    alias: list[Teks] = Field(default_factory=list, description="Nama lain, mis. \"Kodim 1012/Buntok\".")
    situs: Tautan | None = Field(None, description="Situs web resmi.")
    kontak: list[Kontak] = Field(default_factory=list, description="Kontak kantor yang boleh dipublikasikan.")
    laporan_kependudukan: list[LaporanKependudukan] = Field(
        default_factory=list, description="Laporan Disdukcapil: penduduk, wajib KTP, e-KTP, blangko.")
    laporan_pemilih: list[LaporanPemilih] = Field(
        default_factory=list, description="Laporan KPU: pemilih dan TPS per kecamatan.")
    laporan_linmas: list[LaporanLinmas] = Field(
        default_factory=list, description="Laporan Satpol PP: Linmas siap per kecamatan.")
    risiko: list[Risiko] = Field(default_factory=list, description="Risiko dan kendala yang dipegang instansi ini.")


# --- kecamatan/<slug>.yml -----------------------------------------------------------------------


class Desa(Model):
    kode: KodeDesa = Field(description="Kode Kemendagri desa/kelurahan, mis. \"62.04.01.2001\".")
    nama: Teks = Field(description="Nama desa/kelurahan menurut Kemendagri.")
    jenis: Literal["desa", "kelurahan"] = Field(description="desa (kode 2xxx) atau kelurahan (kode 1xxx).")


class JalurLogistik(Model):
    rute: Teks = Field(description="Rute distribusi, mis. \"Gudang KPU Buntok – Kantor Camat Jenamas\".")
    moda: Literal["darat", "sungai", "darat-sungai"] = Field(description="Jalur darat, sungai, atau keduanya.")
    waktu_tempuh_jam: Angka = Field(description="Waktu tempuh dalam jam, mis. 2.5.")
    keterangan: Teks | None = Field(None, description="Kendala atau catatan jalur.")


class BlankSpot(Model):
    desa: KodeDesa = Field(description="Kode desa/kelurahan tanpa sinyal.")
    keterangan: Teks | None = Field(None, description="Keadaan sinyal dan cara berkomunikasi.")


class UsulanAsnPanwascam(Model):
    diserahkan: YaTidak = Field(description="Sudah menyerahkan usulan ASN untuk sekretariat Panwascam?")
    jumlah: Jumlah | None = Field(None, description="Jumlah ASN yang diusulkan.")
    tanggal: Tanggal | None = Field(None, description="Tanggal penyerahan.")
    keterangan: Teks | None = Field(None, description="Keterangan, mis. alasan belum diserahkan.")


class LaporanCamat(Laporan):
    """The camat: logistics routes, communication blank spots, ASN proposed for the Panwascam."""

    jalur_logistik: list[JalurLogistik] = Field(default_factory=list, description="Jalur distribusi logistik.")
    blank_spot: list[BlankSpot] = Field(default_factory=list, description="Desa tanpa sinyal komunikasi.")
    usulan_asn_panwascam: UsulanAsnPanwascam | None = Field(None, description="Usulan ASN untuk Panwascam.")


class Kecamatan(Model):
    """A kecamatan: its desa/kelurahan, the camat's office and the camat's reports."""

    kode: KodeKecamatan = Field(description="Kode Kemendagri kecamatan, mis. \"62.04.01\".")
    nama: Teks = Field(description="Nama kecamatan.")
    alias: list[Teks] = Field(default_factory=list, description="Nama lain, mis. \"Gn. Bintang Awai\", \"GBA\".")
    ibu_kota: Teks | None = Field(None, description="Ibu kota kecamatan.")
    kontak: list[Kontak] = Field(default_factory=list, description="Kontak kantor camat.")
    desa: Annotated[list[Desa], NonEmpty] = Field(description="Desa dan kelurahan di kecamatan ini.")
    laporan: list[LaporanCamat] = Field(default_factory=list, description="Laporan camat.")
    risiko: list[Risiko] = Field(default_factory=list, description="Risiko dan kendala di kecamatan ini.")


# --- rapat/<slug>.yml ---------------------------------------------------------------------------


class Pimpinan(Model):
    nama: Teks = Field(description="Nama pimpinan rapat.")
    jabatan: Teks = Field(description="Jabatan pimpinan rapat.")


class AgendaItem(Model):
    instansi: Annotated[list[Slug], OneOrMany, NonEmpty] = Field(
        description="Instansi yang dibahas (nama berkas di instansi/, atau camat-<kecamatan>).")
    topik: Teks = Field(description="Pokok bahasan.")
    uraian: Teks = Field(description="Apa yang dibahas atau dilaporkan.")


StatusTindakLanjut = Literal["terbuka", "berjalan", "selesai", "terhambat", "batal"]


class TindakLanjut(Model):
    id: Slug = Field(description="Pengenal unik di edisi ini, mis. \"tl-2020-01\".")
    uraian: Teks = Field(description="Apa yang harus dikerjakan.")
    pemilik: Slug = Field(description="Instansi penanggung jawab.")
    batas_waktu: Tanggal = Field(description="Batas waktu (pada atau sesudah tanggal rapat).")
    status: StatusTindakLanjut = Field(description="terbuka, berjalan, selesai, terhambat atau batal.")
    tanggal_selesai: Tanggal | None = Field(None, description="Tanggal selesai; wajib bila status selesai.")
    catatan: Teks | None = Field(None, description="Catatan.")


class Perkembangan(Model):
    """Progress, reported at this meeting, of an action item decided at an earlier one."""

    id: Slug = Field(description="Pengenal tindak lanjut dari rapat sebelumnya.")
    status: StatusTindakLanjut = Field(description="Status terbaru.")
    tanggal_selesai: Tanggal | None = Field(None, description="Tanggal selesai; wajib bila status selesai.")
    catatan: Teks | None = Field(None, description="Apa yang dilaporkan.")


class Rapat(Model):
    """A meeting of the desk: who met, what each agency reported, what was decided and who does what."""

    judul: Teks = Field(description="Judul rapat.")
    tanggal: Tanggal = Field(description="Tanggal rapat.")
    waktu: Jam | None = Field(None, description="Jam mulai, mis. \"09.00\".")
    tempat: Teks = Field(description="Tempat rapat.")
    pimpinan: Pimpinan
    peserta: Annotated[list[Slug], NonEmpty] = Field(description="Instansi yang hadir.")
    ringkasan: Teks = Field(description="Ringkasan rapat untuk publik.")
    agenda: list[AgendaItem] = Field(default_factory=list, description="Pembahasan per instansi.")
    keputusan: list[Teks] = Field(default_factory=list, description="Keputusan atau kesepakatan rapat.")
    tindak_lanjut: list[TindakLanjut] = Field(default_factory=list, description="Tindak lanjut baru.")
    perkembangan: list[Perkembangan] = Field(
        default_factory=list, description="Perkembangan tindak lanjut dari rapat sebelumnya.")
    catatan_data: Teks | None = Field(None, description="Catatan tentang keakuratan isi, mis. tanggal perkiraan.")
    sumber: list[Sumber] = Field(default_factory=list, description="Sumber, mis. berita tentang rapat ini.")


FILE_MODELS: dict[str, type[Model]] = {
    "edisi": Edisi,
    "instansi": Instansi,
    "kecamatan": Kecamatan,
    "rapat": Rapat,
}
"""Which model a file is, by its place in ``data/<edisi>/``."""
