"""Daftar Informasi yang Dikecualikan: the categories of information the public edition withholds.

UU 14/2008 (Keterbukaan Informasi Publik) Pasal 17 lists what is exempt from the public; personal data is also
protected by UU 27/2022 (Pelindungan Data Pribadi). Each category names its legal basis and the consequence
test (uji konsekuensi, Pasal 2 ayat 4) that justifies withholding it. The schema refers to these categories by
key; the public edition lists them, and says on each page which were withheld there, never what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    key: str
    nama: str
    cakupan: str  # what falls under it
    dasar: str  # the legal basis
    uji_konsekuensi: str  # why disclosure would cause more harm than good
    terbuka: str  # what stays public instead


CATEGORIES: dict[str, Category] = {c.key: c for c in [
    Category(
        "pengamanan",
        "Kekuatan dan penempatan personel pengamanan",
        "jumlah, komposisi dan penempatan personel Polri dan TNI per TPS atau pos, jadwal patroli, pengawalan "
        "logistik dan penjagaan gudang",
        "UU 14/2008 Pasal 17 huruf c (jumlah, komposisi, disposisi atau dislokasi kekuatan) dan huruf a",
        "Bila jumlah dan letak personel diketahui umum, pihak yang hendak mengganggu pemungutan suara dapat "
        "memilih tempat dan waktu yang tidak terjaga. Bahaya ini lebih besar daripada manfaat membukanya, "
        "karena kesiapan pengamanan tetap dapat diawasi melalui rapat desk dan lembaga pengawas.",
        "jumlah TPS dan jumlah Linmas per kecamatan, status kesiapan, keputusan dan tindak lanjut rapat"),
    Category(
        "kerawanan_tps",
        "Penilaian kerawanan TPS",
        "daftar TPS yang dinilai rawan atau sangat rawan, alasan penilaian dan pihak yang disebut di dalamnya",
        "UU 14/2008 Pasal 17 huruf a dan huruf c; huruf h bila menyebut orang",
        "Daftar TPS rawan beserta alasannya menunjukkan titik lemah pengamanan dan dapat menstigma warga atau "
        "menyebut orang yang belum tentu bersalah. Bahayanya lebih besar daripada manfaat membukanya.",
        "risiko dan kendala umum beserta mitigasinya"),
    Category(
        "potensi_gangguan",
        "Informasi potensi gangguan keamanan",
        "informasi intelijen tentang potensi gangguan keamanan dan ketertiban masyarakat menjelang, saat dan "
        "sesudah pemungutan suara",
        "UU 14/2008 Pasal 17 huruf a dan huruf c",
        "Membuka informasi intelijen dapat menggagalkan pencegahan dan membahayakan sumber informasi serta "
        "petugas. Bahayanya lebih besar daripada manfaat membukanya.",
        "risiko keamanan yang dirumuskan umum beserta mitigasinya"),
    Category(
        "data_pribadi",
        "Data pribadi",
        "nomor telepon pribadi, NIK dan NIP, serta daftar nama ASN yang diusulkan",
        "UU 14/2008 Pasal 17 huruf h; UU 27/2022 tentang Pelindungan Data Pribadi",
        "Data pribadi tidak diperlukan publik untuk mengawasi kesiapan pemilihan, dan membukanya dapat "
        "merugikan pemiliknya (penipuan, gangguan). Kontak kantor tetap dibuka.",
        "telepon, surel dan alamat kantor; jumlah ASN yang diusulkan"),
    Category(
        "notulen_internal",
        "Notulen internal rapat",
        "catatan pembahasan rapat yang bersifat internal dan belum menjadi keputusan",
        "UU 14/2008 Pasal 17 huruf i (memorandum atau surat antarbadan publik atau intrabadan publik yang "
        "menurut sifatnya dirahasiakan)",
        "Pembahasan yang belum menjadi keputusan dapat disalahpahami sebagai sikap resmi dan membuat peserta "
        "enggan berbicara terbuka dalam rapat. Ringkasan, keputusan dan tindak lanjut tetap dibuka.",
        "ringkasan rapat, keputusan dan tindak lanjut"),
    Category(
        "ditandai",
        "Informasi lain yang ditandai terbatas",
        "catatan yang oleh instansi pemiliknya ditandai `akses: terbatas`, dengan dasar hukum yang dicatat "
        "pada datanya",
        "UU 14/2008 Pasal 17, sesuai dasar yang dicatat pada setiap catatan",
        "Pengecualian ditetapkan oleh instansi pemilik informasi melalui uji konsekuensi PPID-nya.",
        "bagian lain dari halaman yang sama"),
]}

_ARTICLE_17 = re.compile(r"pasal\s+17\b", re.IGNORECASE)
_LETTERS = re.compile(r"huruf\s+([a-j](?:\s*(?:,|dan|serta|atau)\s*(?:huruf\s+)?[a-j])*)\b", re.IGNORECASE)
_PDP = re.compile(r"\b(27\s*/\s*2022|pelindungan\s+data\s+pribadi|PDP)\b", re.IGNORECASE)


def format_citations(found: list[str] | set[str]) -> str:
    """Canonical citations in one phrase: "UU 14/2008 Pasal 17 huruf a dan c; UU 27/2022"."""
    letters = sorted(c.rsplit(" ", 1)[-1] for c in found if c.startswith("UU 14/2008 Pasal 17 huruf"))
    parts = []
    if letters:
        joined = letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + " dan " + letters[-1]
        parts.append(f"UU 14/2008 Pasal 17 huruf {joined}")
    parts += sorted(c for c in found if not c.startswith("UU 14/2008 Pasal 17 huruf"))
    return "; ".join(parts)


def citations(dasar: str) -> list[str]:
    """The legal citations found in an editor's ``dasar`` text, in canonical form.

    The public edition shows only these canonical citations, never the text as typed, so that nothing
    written into a restricted record's ``dasar`` reaches the public.
    """
    found = []
    if _ARTICLE_17.search(dasar):
        for group in _LETTERS.findall(dasar):
            found += [f"UU 14/2008 Pasal 17 huruf {letter.lower()}"
                      for letter in re.findall(r"\b([a-j])\b", group, re.IGNORECASE)]
    if _PDP.search(dasar):
        found.append("UU 27/2022")
    return sorted(set(found))
