"""Field types and models: what an editor may write, and the exact message when it is something else.

Messages are asserted as exact text: literally where the wording is the point of the test, otherwise
formatted from ``generator.load.messages`` (a message is part of the product's interface).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ConfigDict, TypeAdapter, ValidationError

from generator.load import fields as t
from generator.load import messages as msg
from generator.load import schema
from generator.load.problems import Problems
from generator.load.validate import validate_file


def check(type_, value):
    """The value as the schema's strict models would hold it."""
    return TypeAdapter(type_, config=ConfigDict(strict=True)).validate_python(value)


def error(type_, value) -> str:
    """The one message a value gets."""
    with pytest.raises(ValidationError) as info:
        check(type_, value)
    [err] = info.value.errors()
    assert err["type"] == "bulletin", err
    return err["msg"]


# --- Jumlah: counts --------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    (0, 0),
    (131606, 131606),
    ("131606", 131606),
    ("131.606", 131606),  # Indonesian thousands dots, in quotes
    ("1.234.567", 1234567),
    (" 8.719 ", 8719),
])
def test_jumlah_accepts(value, expected):
    assert check(t.Jumlah, value) == expected


def test_jumlah_comma_is_a_decimal_mark_in_indonesian():
    assert error(t.Jumlah, "131,606") == (
        'harus bilangan bulat, ditemukan "131,606" (koma adalah tanda desimal); petunjuk: tulis 131606 tanpa pemisah')


@pytest.mark.parametrize("value, expected", [
    ("15 753", msg.EXPECTED_INT_THOUSANDS.format(text="15 753", digits="15753")),
    (-3, "tidak boleh negatif, ditemukan -3"),
    (True, "harus bilangan bulat, bukan true/false"),
    (1.5, "harus bilangan bulat, bukan angka 1.5"),
    ("abc", 'harus bilangan bulat, bukan "abc"'),
    (None, "harus bilangan bulat, bukan kosong"),
    ([1], "harus bilangan bulat, bukan daftar"),
])
def test_jumlah_rejects(value, expected):
    assert error(t.Jumlah, value) == expected


def test_jumlah_decimal_is_not_a_thousands_number():
    assert error(t.Jumlah, "12,5") == 'harus bilangan bulat, bukan "12,5"'


# --- Angka, YaTidak, Teks, Slug ----------------------------------------------------------------------


def test_angka():
    assert check(t.Angka, 2.5) == 2.5
    assert check(t.Angka, 2) == 2.0
    assert error(t.Angka, "2,5") == 'harus angka (pecahan ditulis dengan titik, mis. 2.5), bukan "2,5"'
    assert error(t.Angka, -1.5) == "tidak boleh negatif, ditemukan -1.5"


def test_ya_tidak():
    assert check(t.YaTidak, False) is False
    assert error(t.YaTidak, "ya") == 'harus true atau false, bukan "ya"'
    assert error(t.YaTidak, 1) == "harus true atau false, bukan angka 1"


@pytest.mark.parametrize("value, expected", [
    ("  ", "tidak boleh kosong"),
    (5, 'harus berupa teks, ditemukan angka 5; tulis dalam tanda kutip: "5"'),
    (True, "harus berupa teks, ditemukan true/false"),
    (None, "harus berupa teks, ditemukan kosong"),
    ({"a": 1}, "harus berupa teks, ditemukan pemetaan"),
])
def test_teks_rejects(value, expected):
    assert error(t.Teks, value) == expected


def test_teks_is_stripped():
    assert check(t.Teks, "  Buntok ") == "Buntok"


# --- text displays as typed: invisible, bidirectional and other hidden characters ----------------------


def hidden(kind: str, code: str, name: str, position: int) -> str:
    return msg.HIDDEN_CHARACTER.format(kind=kind, code=code, name=name, position=position)


def test_teks_refuses_a_bidi_override_literal():
    assert error(t.Teks, "Rapat koordinasi \u202eDesk Pilkada") == (
        "teks memuat karakter pengatur arah teks U+202E (RIGHT-TO-LEFT OVERRIDE) di posisi 18 yang membuat "
        "tampilan berbeda dari yang diketik; hapus karakter itu")


def test_teks_refuses_a_zero_width_space_literal():
    assert error(t.Teks, "Kantor\u200bCamat") == (
        "teks memuat karakter tak terlihat U+200B (ZERO WIDTH SPACE) di posisi 7 yang membuat tampilan berbeda "
        "dari yang diketik; hapus karakter itu")


@pytest.mark.parametrize("value, expected", [
    # Trojan Source: every bidirectional control (Bidi_Control)
    ("a\u2066b", hidden(msg.HIDDEN_KIND_BIDI, "2066", "LEFT-TO-RIGHT ISOLATE", 2)),
    ("\u200fNama", hidden(msg.HIDDEN_KIND_BIDI, "200F", "RIGHT-TO-LEFT MARK", 1)),
    ("12\u061c3", hidden(msg.HIDDEN_KIND_BIDI, "061C", "ARABIC LETTER MARK", 3)),
    # format characters (Cf) and the rest of Default_Ignorable_Code_Point
    ("Ke\u00adsbangpol", hidden(msg.HIDDEN_KIND_INVISIBLE, "00AD", "SOFT HYPHEN", 3)),
    ("Bun\u2060tok", hidden(msg.HIDDEN_KIND_INVISIBLE, "2060", "WORD JOINER", 4)),
    ("KPU\ufeff", hidden(msg.HIDDEN_KIND_INVISIBLE, "FEFF", "ZERO WIDTH NO-BREAK SPACE", 4)),
    ("Jenamas\u200d", hidden(msg.HIDDEN_KIND_INVISIBLE, "200D", "ZERO WIDTH JOINER", 8)),
    ("\U000e0069d", hidden(msg.HIDDEN_KIND_INVISIBLE, "E0069", "TAG LATIN SMALL LETTER I", 1)),
    ("Siap\ufe0f", hidden(msg.HIDDEN_KIND_INVISIBLE, "FE0F", "VARIATION SELECTOR-16", 5)),
    ("\u3164", hidden(msg.HIDDEN_KIND_INVISIBLE, "3164", "HANGUL FILLER", 1)),
    ("a\u115fb", hidden(msg.HIDDEN_KIND_INVISIBLE, "115F", "HANGUL CHOSEONG FILLER", 2)),
    ("a\uffa0b", hidden(msg.HIDDEN_KIND_INVISIBLE, "FFA0", "HALFWIDTH HANGUL FILLER", 2)),
    ("\u2800", hidden(msg.HIDDEN_KIND_INVISIBLE, "2800", "BRAILLE PATTERN BLANK", 1)),
    # controls written as escapes in double quotes, and line breaks other than a line feed
    ("Rapat\x0b", hidden(msg.HIDDEN_KIND_CONTROL, "000B", "<control-000B>", 6)),
    ("baris\rbaru", hidden(msg.HIDDEN_KIND_CONTROL, "000D", "<control-000D>", 6)),
    ("baris\x85baru", hidden(msg.HIDDEN_KIND_CONTROL, "0085", "<control-0085>", 6)),
    ("baris\u2028baru", hidden(msg.HIDDEN_KIND_LINE_SEPARATOR, "2028", "LINE SEPARATOR", 6)),
    ("baris\u2029baru", hidden(msg.HIDDEN_KIND_LINE_SEPARATOR, "2029", "PARAGRAPH SEPARATOR", 6)),
    # not characters: unassigned, noncharacter, private use, surrogate
    ("\u0378", hidden(msg.HIDDEN_KIND_UNASSIGNED, "0378", "<reserved-0378>", 1)),
    ("x\uffff", hidden(msg.HIDDEN_KIND_UNASSIGNED, "FFFF", "<noncharacter-FFFF>", 2)),
    ("logo \ue000", hidden(msg.HIDDEN_KIND_PRIVATE_USE, "E000", "<private-use-E000>", 6)),
    ("\ud800", hidden(msg.HIDDEN_KIND_SURROGATE, "D800", "<surrogate-D800>", 1)),
])
def test_teks_refuses_characters_that_do_not_display_as_typed(value, expected):
    assert error(t.Teks, value) == expected


def test_teks_hidden_characters_counts_the_others():
    assert error(t.Teks, "a\u200bb\u200bc\u202ed") == (
        "teks memuat karakter tak terlihat U+200B (ZERO WIDTH SPACE) di posisi 2 yang membuat tampilan berbeda "
        "dari yang diketik; hapus karakter itu (ada 2 karakter lain di teks ini yang juga harus dihapus)")


def test_teks_hidden_character_is_found_before_stripping():
    """Only spaces around the text are stripped; a hidden character there is still named, at its place."""
    assert error(t.Teks, " \u200b ") == hidden(msg.HIDDEN_KIND_INVISIBLE, "200B", "ZERO WIDTH SPACE", 2)


@pytest.mark.parametrize("value", [
    "Rapat koordinasi Desk Pilkada menjelang Pilgub Kalteng 2020",
    "Sékda Barito Selatan",
    "Gudang KPU Buntok – Kantor Camat Jenamas",
    "Kesbangpol · Satpol PP · Linmas",
    "Menunggu data dari desa…",
    "“Siap” kata camat, ‘semua lancar’",
    "Suhu 30 °C, jarak ± 2 km, 5 × 2, № 12, § 3, ½ hari",
    "Baris pertama\nbaris kedua\tdengan tab",
    "UU\u00a014/2008",  # no-break space: shows as a space
    "Dayak Ma’anyan, Ngaju; Banjar",
])
def test_teks_accepts_ordinary_indonesian_text(value):
    assert check(t.Teks, value) == value


def test_teks_is_kept_in_nfc():
    """"e" + COMBINING ACUTE ACCENT displays as "é": accepted, and stored as the one character."""
    assert check(t.Teks, "Se\u0301kda") == "S\u00e9kda"
    assert check(t.Teks, "Se\u0301kda") == check(t.Teks, "Sékda")


@pytest.mark.parametrize("type_, value, position", [
    (t.Slug, "kpu\u200b", 4),
    (t.Dasar, "UU 14/2008\u200b Pasal 17", 11),
    (t.Surel, "kpu@contoh.go.id\u200b", 17),
    (t.Telepon, "0525\u200b21500", 5),
    (t.TeleponPribadi, "0812\u200b3456 7890", 5),
    (t.NIK, "6204\u200b010101900001", 5),
])
def test_every_text_type_refuses_hidden_characters(type_, value, position):
    assert error(type_, value) == hidden(msg.HIDDEN_KIND_INVISIBLE, "200B", "ZERO WIDTH SPACE", position)


@pytest.mark.parametrize("value", ["satpol-pp", "kpu", "camat-gunung-bintang-awai", "tl-2020-01"])
def test_slug_accepts(value):
    assert check(t.Slug, value) == value


@pytest.mark.parametrize("value", ["Satpol PP", "kpu_", "-kpu", "kpu-", "a" * 81])
def test_slug_rejects(value):
    assert error(t.Slug, value) == (
        f'harus berupa huruf kecil, angka dan tanda hubung (mis. "satpol-pp"), ditemukan "{value}"')


# --- Tanggal and Jam ---------------------------------------------------------------------------------


def test_tanggal_iso():
    assert check(t.Tanggal, "2020-12-09") == dt.date(2020, 12, 9)


@pytest.mark.parametrize("text, iso", [
    ("24-08-2020", "2020-08-24"),
    ("24/8/2020", "2020-08-24"),
    ("24.08.2020", "2020-08-24"),
    ("Senin, 24 Agustus 2020", "2020-08-24"),
    ("Senin (24/8/2020)", "2020-08-24"),
    ("24 Agt 2020", "2020-08-24"),
    ("9 Desember 2020", "2020-12-09"),
    ("30 Nopember 2020", "2020-11-30"),
    ("3 Pebruari 2020", "2020-02-03"),
])
def test_tanggal_hint(text, iso):
    assert error(t.Tanggal, text) == f'harus tanggal dengan format TTTT-BB-HH, ditemukan "{text}"; petunjuk: tulis {iso}'


def test_tanggal_hint_literal():
    assert error(t.Tanggal, "24-08-2020") == (
        'harus tanggal dengan format TTTT-BB-HH, ditemukan "24-08-2020"; petunjuk: tulis 2020-08-24')


@pytest.mark.parametrize("value, expected", [
    ("2020-02-30", 'tanggal "2020-02-30" tidak ada di kalender'),
    ("31/2/2020", 'harus tanggal dengan format TTTT-BB-HH, ditemukan "31/2/2020"'),  # no impossible hint
    ("kemarin", 'harus tanggal dengan format TTTT-BB-HH, ditemukan "kemarin"'),
    (20200824, "harus tanggal dengan format TTTT-BB-HH, ditemukan angka 20200824"),
    (None, "harus tanggal dengan format TTTT-BB-HH, ditemukan kosong"),
])
def test_tanggal_rejects(value, expected):
    assert error(t.Tanggal, value) == expected


@pytest.mark.parametrize("text, expected", [
    ("09.00", "09.00"),
    ("9.00", "09.00"),
    ("13:30", "13.30"),
    ("pukul 13.30 WIB", "13.30"),
    ("Pukul 08.15 WITA", "08.15"),
    ("23.59 WIT", "23.59"),
])
def test_jam_accepts(text, expected):
    assert check(t.Jam, text) == expected


@pytest.mark.parametrize("value, found", [("24.00", '"24.00"'), ("13.30 WITT", '"13.30 WITT"'), (9.0, "angka 9.0"),
                                          (810, "angka 810")])
def test_jam_rejects(value, found):
    assert error(t.Jam, value) == f'harus jam dengan format "JJ.MM" atau "JJ:MM" dalam tanda kutip, ditemukan {found}'


# --- contacts and links ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, e164", [
    ("0525 21500", "+6252521500"),
    ("+62 525 21500", "+6252521500"),
    ("0525-21500", "+6252521500"),
    ("62 525 21500", "+6252521500"),
    ("0812-3456-7890", "+6281234567890"),
    ("+6281234567890", "+6281234567890"),
])
def test_telepon_kept_as_written_with_its_e164_form(text, e164):
    assert check(t.Telepon, text) == text
    assert t.e164(text) == e164


@pytest.mark.parametrize("text", ["021", "12345678", "0525 21500 ext 2", "+62 525 21500 / 21501", "telp. 21500"])
def test_telepon_rejects(text):
    assert error(t.Telepon, text) == (
        f'nomor telepon tidak dikenali: "{text}"; tulis dalam tanda kutip dengan kode negara, '
        'mis. "+62 525 21500" atau "0525 21500"')


def test_telepon_number_needs_quotes():
    assert error(t.Telepon, 52521500) == 'nomor telepon harus ditulis dalam tanda kutip, mis. "+62 525 21500"'


def test_telepon_area_code_in_parentheses():
    assert check(t.Telepon, "(0525) 21500") == "(0525) 21500"
    assert t.e164("(0525) 21500") == "+6252521500"


@pytest.mark.parametrize("text, e164, national", [
    ("+62 (0)525 21500", "+6252521500", "(0525) 21500"),  # the finding: was tel:+62052521500
    ("0062 525 21500", "+6252521500", "(0525) 21500"),  # 00, the international prefix: was tel:+6206252521500
    ("(0525) 21500", "+6252521500", "(0525) 21500"),
    ("0525-21500", "+6252521500", "(0525) 21500"),
    ("0812 3456 7890", "+6281234567890", "0812-3456-7890"),
    ("+62 21 3456 7890", "+622134567890", "(021) 34567890"),
    ("+1 202 555 0100", "+12025550100", "+1 202-555-0100"),  # a number abroad: written with its country code
])
def test_telepon_by_phonenumbers(text, e164, national):
    """Parsed, validated and written by phonenumbers: E.164 for tel: links, the national format for reading."""
    assert check(t.Telepon, text) == text
    assert (t.e164(text), t.national(text)) == (e164, national)


@pytest.mark.parametrize("text", ["(0999) 21500", "0525 215", "+62 525 215001234567"])
def test_telepon_that_cannot_exist(text):
    """An area code Indonesia does not use, or too few or too many digits: an error, not a dead link."""
    assert error(t.Telepon, text) == (
        f'nomor telepon "{text}" tidak ada: kode wilayah atau panjang nomornya tidak sesuai dengan penomoran '
        'telepon; periksa kembali, mis. "(0525) 21500" atau "0812 3456 7890"')


def test_tel_links_dial_the_number_shown():
    from generator.render.markdown import tel

    assert tel("+62 (0)525 21500") == '<a href="tel:+6252521500">(0525) 21500</a>'
    assert tel("0062 525 21500") == '<a href="tel:+6252521500">(0525) 21500</a>'


def test_surel():
    assert check(t.Surel, "disdukcapil@baritoselatankab.go.id") == "disdukcapil@baritoselatankab.go.id"
    assert error(t.Surel, "disdukcapil@baritoselatankab") == 'alamat surel tidak valid: "disdukcapil@baritoselatankab"'


@pytest.mark.parametrize("text", ["javascript:alert(1)", "ftp://kpu.go.id/", "www.kpu.go.id",
                                  "https://kpu.go.id/a b", "data:text/html,<b>x</b>"])
def test_tautan_rejects(text):
    assert error(t.Tautan, text) == f'alamat tautan harus diawali http:// atau https://, ditemukan "{text}"'


@pytest.mark.parametrize("text", ["https://kab-baritoselatan.kpu.go.id", "http://10.0.0.5:8080/buletin/?q=1"])
def test_tautan_accepts(text):
    assert check(t.Tautan, text) == text


# --- region codes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("type_, text", [
    (t.KodeProvinsi, "62"), (t.KodeKabupaten, "62.04"), (t.KodeKecamatan, "62.04.05"), (t.KodeDesa, "62.04.06.1008"),
])
def test_kode_accepts(type_, text):
    assert check(type_, text) == text


@pytest.mark.parametrize("type_, text, shape, example", [
    (t.KodeKabupaten, "6204", "PP.KK", "62.04"),
    (t.KodeKecamatan, "6204040", "PP.KK.CC", "62.04.01"),
    (t.KodeDesa, "6204040005", "PP.KK.CC.DDDD", "62.04.01.2001"),
])
def test_kode_bps(type_, text, shape, example):
    assert error(type_, text) == msg.BPS_CODE.format(text=text, shape=shape, example=example)


def test_kode_bps_literal():
    assert error(t.KodeKecamatan, "6204040") == (
        '"6204040" tampaknya kode BPS, bukan kode Kemendagri; gunakan kode Kemendagri berbentuk PP.KK.CC '
        '(mis. "62.04.01")')


@pytest.mark.parametrize("type_, value, expected", [
    (t.KodeKabupaten, 62.04, 'kode wilayah harus ditulis dalam tanda kutip agar tidak dibaca sebagai angka: "62.04"'),
    (t.KodeProvinsi, 62, 'kode wilayah harus ditulis dalam tanda kutip agar tidak dibaca sebagai angka: "62"'),
    (t.KodeKecamatan, "62.4.1", 'kode wilayah Kemendagri berbentuk PP.KK.CC (mis. "62.04.01"), ditemukan "62.4.1"'),
    (t.KodeKecamatan, "62.04", 'kode wilayah Kemendagri berbentuk PP.KK.CC (mis. "62.04.01"), ditemukan "62.04"'),
    (t.KodeKecamatan, ["62.04.01"], 'kode wilayah Kemendagri berbentuk PP.KK.CC (mis. "62.04.01"), ditemukan daftar'),
])
def test_kode_rejects(type_, value, expected):
    assert error(type_, value) == expected


# --- models --------------------------------------------------------------------------------------------

RAPAT = {
    "judul": "Rapat koordinasi", "tanggal": "2020-08-24", "tempat": "Buntok",
    "pimpinan": {"nama": "Edy Purwanto", "jabatan": "Sekretaris Daerah"},
    "peserta": ["setda"], "ringkasan": "Koordinasi awal.",
}


def test_rapat_minimal():
    rapat = schema.Rapat.model_validate(RAPAT)
    assert (rapat.tanggal, rapat.waktu, rapat.agenda, rapat.tindak_lanjut) == (dt.date(2020, 8, 24), None, [], [])


def test_agenda_instansi_one_or_many():
    item = {"topik": "DPS", "uraian": "Laporan KPU."}
    assert schema.AgendaItem.model_validate({**item, "instansi": "kpu"}).instansi == ["kpu"]
    assert schema.AgendaItem.model_validate({**item, "instansi": ["kpu", "polres"]}).instansi == ["kpu", "polres"]


def model_errors(model, data) -> list[tuple[tuple, str, str]]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return [(tuple(e["loc"]), e["type"], e["msg"]) for e in info.value.errors()]


def test_empty_lists_refused_where_something_is_required():
    assert model_errors(schema.Rapat, {**RAPAT, "peserta": []}) == [(("peserta",), "bulletin", "daftar tidak boleh kosong")]
    agenda = [{"instansi": [], "topik": "t", "uraian": "u"}]
    assert model_errors(schema.Rapat, {**RAPAT, "agenda": agenda}) == [
        (("agenda", 0, "instansi"), "bulletin", msg.EMPTY_LIST)]


def test_unknown_key_is_forbidden():
    assert [(loc, kind) for loc, kind, _ in model_errors(schema.Rapat, {**RAPAT, "foto": "x.jpg"})] == [
        (("foto",), "extra_forbidden")]


def test_illustrative_flag_names_figures_of_its_report():
    report = {"tanggal": "2020-08-21", "kecamatan": [{"kecamatan": "62.04.01", "linmas_siap": 44}]}
    assert schema.LaporanLinmas.model_validate({**report, "ilustratif": ["linmas_siap"]}).ilustratif == ("linmas_siap",)
    assert schema.LaporanLinmas.model_validate({**report, "ilustratif": True}).ilustratif is True
    assert model_errors(schema.LaporanLinmas, {**report, "ilustratif": ["tps"]}) == [
        (("ilustratif",), "bulletin", '"tps" bukan angka laporan ini; pilih dari: linmas_siap')]
    assert model_errors(schema.LaporanLinmas, {**report, "ilustratif": "ya"}) == [
        (("ilustratif",), "bulletin", 'harus true/false atau daftar angka yang ilustratif (linmas_siap), bukan "ya"')]


# --- a file checked against its model: place, field and message (generator.load.validate) ------------------


def validate_text(tmp_path: Path, model, text: str) -> list[str]:
    path = tmp_path / "berkas.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    assert validate_file(path, "berkas.yml", model, problems) is None
    return [p.format() for p in problems]


def test_file_unknown_key_with_suggestion(tmp_path):
    text = "singkatan: KPU\nnama: KPU Barito Selatan\njenis: kpu\nperan: Penyelenggara.\nsitus_web: https://kpu.go.id\n"
    assert validate_text(tmp_path, schema.Instansi, text) == [
        'berkas.yml:5:1: situs_web: kunci "situs_web" tidak dikenal; maksudnya "situs"?']


def test_file_unknown_key_lists_allowed_keys(tmp_path):
    text = 'kode: "62.04.01"\nnama: Jenamas\ndesa:\n  - kode: "62.04.01.2001"\n    nama: Tampulang\n' \
           '    jenis: desa\n    luas_km2: 12\n'
    assert validate_text(tmp_path, schema.Kecamatan, text) == [
        'berkas.yml:7:5: desa[0].luas_km2: kunci "luas_km2" tidak dikenal; kunci yang boleh: kode, nama, jenis']


def test_file_missing_and_wrong_shapes(tmp_path):
    text = ("judul: Rapat\ntanggal: 2020-08-24\npimpinan:\n  - Edy Purwanto\npeserta: setda\n"
            "ringkasan: Koordinasi.\nkeputusan:\n  satu: Sepakat.\ntindak_lanjut:\n  - id: tl-1\n    uraian: Kirim data.\n"
            "    batas_waktu: 2020-09-01\n    status: done\n")
    assert validate_text(tmp_path, schema.Rapat, text) == [
        "berkas.yml:1:1: tempat: wajib diisi",
        "berkas.yml:4:3: pimpinan: harus berupa pemetaan (baris-baris `kunci: nilai`), ditemukan daftar",
        'berkas.yml:5:10: peserta: harus berupa daftar (butir-butir diawali "- "), ditemukan "setda"',
        'berkas.yml:8:3: keputusan: harus berupa daftar (butir-butir diawali "- "), ditemukan pemetaan',
        "berkas.yml:10:5: tindak_lanjut[0].pemilik: wajib diisi",
        'berkas.yml:13:13: tindak_lanjut[0].status: harus salah satu dari "terbuka", "berjalan", "selesai", '
        '"terhambat" atau "batal", bukan "done"',
    ]


def test_file_hidden_characters_at_the_field_and_escapes_reach_the_check(tmp_path):
    text = ('judul: "Rapat\\u202e koordinasi"\ntanggal: 2020-08-24\ntempat: Aula\u200b Setda\n'
            'pimpinan:\n  nama: Edy Purwanto\n  jabatan: "Sekda\\x0b"\npeserta: [setda]\nringkasan: Rapat.\n')
    assert validate_text(tmp_path, schema.Rapat, text) == [
        "berkas.yml:1:8: judul: teks memuat karakter pengatur arah teks U+202E (RIGHT-TO-LEFT OVERRIDE) di posisi 6 "
        "yang membuat tampilan berbeda dari yang diketik; hapus karakter itu",
        "berkas.yml:3:9: tempat: teks memuat karakter tak terlihat U+200B (ZERO WIDTH SPACE) di posisi 5 "
        "yang membuat tampilan berbeda dari yang diketik; hapus karakter itu",
        "berkas.yml:6:12: pimpinan.jabatan: teks memuat karakter kendali U+000B (<control-000B>) di posisi 6 "
        "yang membuat tampilan berbeda dari yang diketik; hapus karakter itu",
    ]


def test_file_every_problem_at_once_with_exact_places(tmp_path):
    text = ('kode: "6204010"\nnama: Jenamas\ndesa:\n  - kode: "62.04.01.1003"\n    nama: Rantau Kujang\n'
            '    jenis: Kelurahan\nlaporan:\n  - tanggal: 21/8/2020\n    usulan_asn_panwascam:\n'
            '      diserahkan: sudah\n      jumlah: 3 orang\n')
    assert validate_text(tmp_path, schema.Kecamatan, text) == [
        'berkas.yml:1:7: kode: "6204010" tampaknya kode BPS, bukan kode Kemendagri; gunakan kode Kemendagri '
        'berbentuk PP.KK.CC (mis. "62.04.01")',
        'berkas.yml:6:12: desa[0].jenis: harus salah satu dari "desa" atau "kelurahan", bukan "Kelurahan"',
        'berkas.yml:8:14: laporan[0].tanggal: harus tanggal dengan format TTTT-BB-HH, ditemukan "21/8/2020"; '
        "petunjuk: tulis 2020-08-21",
        'berkas.yml:10:19: laporan[0].usulan_asn_panwascam.diserahkan: harus true atau false, bukan "sudah"',
        'berkas.yml:11:15: laporan[0].usulan_asn_panwascam.jumlah: harus bilangan bulat, bukan "3 orang"',
    ]
