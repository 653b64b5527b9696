"""The strict YAML loader: what it refuses, where it says so, and what it keeps as typed.

Each test writes a small file to tmp_path and reads it with ``load_document``; problems are compared as
the lines an editor sees (``file:line:column: field: message``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import messages as msg
from generator.load.reader import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    Mark,
    format_loc,
    load_document,
    resolve_plain,
)

NAME = "berkas.yml"


def load(tmp_path: Path, content: str | bytes):
    path = tmp_path / NAME
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return load_document(path, NAME)


def data_of(tmp_path: Path, content: str | bytes):
    document, problems = load(tmp_path, content)
    assert problems == []
    return document.data


def problems_of(tmp_path: Path, content: str | bytes) -> list[str]:
    document, problems = load(tmp_path, content)
    assert document is None, "a file with problems gives no document"
    return [p.format() for p in problems]


# --- plain scalars: a small explicit rule set ---------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("123", 123), ("-5", -5), ("0", 0), ("1.5", 1.5), ("62.04", 62.04),
    ("true", True), ("False", False), ("null", None), ("~", None), ("", None),
    ("2020-08-24", "2020-08-24"),  # dates stay text; the schema parses them
    ("Buntok", "Buntok"), ("1_000", "1_000"), ("0x1F", "0x1F"), ("1e3", "1e3"), (".inf", ".inf"),
])
def test_resolve_plain(text, value):
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)


def test_values_of_a_document(tmp_path):
    text = ('kode: "62.04.01"\nnama: Jenamas\njumlah: 3\njam: 2.5\naktif: true\nkosong:\n'
            "teks: 'no'\nblok: |\n  baris satu\n  baris dua\n")
    assert data_of(tmp_path, text) == {
        "kode": "62.04.01", "nama": "Jenamas", "jumlah": 3, "jam": 2.5, "aktif": True, "kosong": None,
        "teks": "no", "blok": "baris satu\nbaris dua\n"}


# --- YAML 1.1 surprises: refused, with place and advice -------------------------------------------------


@pytest.mark.parametrize("typed, message", [
    ("yes", msg.AMBIGUOUS_BOOL.format(text="yes", as_bool="true")),
    ("no", msg.AMBIGUOUS_BOOL.format(text="no", as_bool="false")),
    ("on", msg.AMBIGUOUS_BOOL.format(text="on", as_bool="true")),
    ("Off", msg.AMBIGUOUS_BOOL.format(text="Off", as_bool="false")),
    ("y", msg.AMBIGUOUS_BOOL.format(text="y", as_bool="true")),
    ("N", msg.AMBIGUOUS_BOOL.format(text="N", as_bool="false")),
    ("052521500", msg.LEADING_ZERO.format(text="052521500", as_number=11182912)),
    ("08", msg.LEADING_ZERO.format(text="08", as_number=8)),
    ("13:30", msg.SEXAGESIMAL.format(text="13:30", as_number=810)),
    ("1:30:00", msg.SEXAGESIMAL.format(text="1:30:00", as_number=5400)),
    ("131.140", msg.THOUSANDS_DOT.format(text="131.140", as_number="131.14", digits="131140")),
    ("6.120", msg.THOUSANDS_DOT.format(text="6.120", as_number="6.12", digits="6120")),
    ("62.10", msg.TRAILING_ZERO.format(text="62.10", as_number="62.1")),
    ("13.00", msg.TRAILING_ZERO.format(text="13.00", as_number="13")),
    ("09.00", msg.TRAILING_ZERO.format(text="09.00", as_number="9")),
])
def test_yaml11_surprise(tmp_path, typed, message):
    assert problems_of(tmp_path, f"nama: Jenamas\nnilai: {typed}\n") == [f"{NAME}:2:8: nilai: {message}"]


def test_yaml11_surprise_messages_literal(tmp_path):
    text = "telepon: 052521500\nwaktu: 13:30\npenduduk: 131.140\nkode: 62.10\nhadir: no\n"
    assert problems_of(tmp_path, text) == [
        f'{NAME}:1:10: telepon: angka berawalan 0 "052521500" dibaca YAML sebagai bilangan lain (11182912) dan nol '
        'di depannya hilang; nomor telepon dan kode ditulis dalam tanda kutip: "052521500"',
        f'{NAME}:2:8: waktu: "13:30" dibaca YAML 1.1 sebagai bilangan basis 60 (810); tulis jam dalam tanda kutip: '
        '"13:30"',
        f'{NAME}:3:11: penduduk: "131.140" dibaca YAML sebagai pecahan 131.14; titik di sini tampaknya pemisah '
        "ribuan. petunjuk: tulis 131140",
        f'{NAME}:4:7: kode: "62.10" dibaca YAML sebagai 62.1 (nol di belakang hilang); tulis dalam tanda kutip bila '
        'ini kode atau jam: "62.10"',
        f'{NAME}:5:8: hadir: "no" tanpa tanda kutip dibaca sebagian pembaca YAML sebagai false; tulis true/false '
        'untuk ya/tidak, atau "no" dalam tanda kutip untuk teks',
    ]


def test_quoted_scalars_are_text_as_typed(tmp_path):
    text = "a: \"052521500\"\nb: '13:30'\nc: \"131.140\"\nd: \"no\"\ne: !!str 62.10\nf: \"true\"\n"
    assert data_of(tmp_path, text) == {"a": "052521500", "b": "13:30", "c": "131.140", "d": "no", "e": "62.10",
                                       "f": "true"}


def test_keys_are_kept_as_typed(tmp_path):
    assert data_of(tmp_path, "no: 1\non: 2\n123: 3\n") == {"no": 1, "on": 2, "123": 3}


# --- duplicate keys --------------------------------------------------------------------------------------


def test_duplicate_key(tmp_path):
    text = "kode: \"62.04.01\"\nnama: Jenamas\nnama: Jenamas Baru\n"
    assert problems_of(tmp_path, text) == [
        f'{NAME}:3:1: nama: kunci "nama" ditulis dua kali (pertama di baris 2); hapus salah satunya']


def test_duplicate_nested_key(tmp_path):
    text = "desa:\n  - kode: \"62.04.01.2001\"\n    nama: Tampulang\n\n    nama: Tampulang Baru\n"
    assert problems_of(tmp_path, text) == [
        f"{NAME}:5:5: desa[0].nama: " + msg.DUPLICATE_KEY.format(key="nama", first_line=3)]


def test_quoted_and_plain_key_are_the_same_key(tmp_path):
    assert problems_of(tmp_path, "\"nama\": A\nnama: B\n") == [
        f"{NAME}:2:1: nama: " + msg.DUPLICATE_KEY.format(key="nama", first_line=1)]


def test_every_problem_of_a_file_at_once(tmp_path):
    text = "nama: A\nwaktu: 13:30\nnama: B\nhadir: yes\n"
    assert problems_of(tmp_path, text) == [
        f"{NAME}:2:8: waktu: " + msg.SEXAGESIMAL.format(text="13:30", as_number=810),
        f"{NAME}:3:1: nama: " + msg.DUPLICATE_KEY.format(key="nama", first_line=1),
        f"{NAME}:4:8: hadir: " + msg.AMBIGUOUS_BOOL.format(text="yes", as_bool="true"),
    ]


# --- marks: where each key and value was written --------------------------------------------------------

MARKED = """\
kode: "62.04.01"
desa:
  - kode: "62.04.01.1003"
    nama: Rantau Kujang
laporan:
  - tanggal: 2020-08-21
    usulan_asn_panwascam:
      diserahkan: true
"""


@pytest.mark.parametrize("loc, key, mark", [
    ((), False, Mark(1, 1)),
    (("kode",), False, Mark(1, 7)),
    (("kode",), True, Mark(1, 1)),
    (("desa",), False, Mark(3, 3)),  # the list starts at its first "-"
    (("desa",), True, Mark(2, 1)),
    (("desa", 0), False, Mark(3, 5)),
    (("desa", 0, "nama"), False, Mark(4, 11)),
    (("desa", 0, "nama"), True, Mark(4, 5)),
    (("laporan", 0, "usulan_asn_panwascam", "diserahkan"), False, Mark(8, 19)),
    (("laporan", 0, "usulan_asn_panwascam", "jumlah"), True, Mark(7, 5)),  # missing: its parent's key
    (("laporan", 0, "jalur_logistik", 0, "moda"), True, Mark(6, 5)),  # missing: the nearest written ancestor
    (("tempat",), True, Mark(1, 1)),  # missing at the top: the start of the file
])
def test_marks(tmp_path, loc, key, mark):
    document, problems = load(tmp_path, MARKED)
    assert problems == []
    assert document.mark(loc, key=key) == mark


def test_document_problem_is_placed_and_named(tmp_path):
    document, _ = load(tmp_path, MARKED)
    problem = document.problem(("desa", 0, "nama"), "pesan")
    assert problem.format() == f"{NAME}:4:11: desa[0].nama: pesan"
    assert format_loc(("laporan", 2, "wajib_ktp")) == "laporan[2].wajib_ktp"


# --- encodings ----------------------------------------------------------------------------------------


def test_utf8_bom_is_dropped_and_marks_unchanged(tmp_path):
    document, problems = load(tmp_path, b"\xef\xbb\xbf" + MARKED.encode("utf-8"))
    assert problems == []
    assert document.data["kode"] == "62.04.01"
    assert (document.mark(("kode",), key=True), document.mark(("kode",))) == (Mark(1, 1), Mark(1, 7))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16(tmp_path, encoding):
    assert problems_of(tmp_path, MARKED.encode(encoding)) == [
        f"{NAME}:1:1: berkas tersimpan dalam UTF-16; simpan ulang sebagai UTF-8 (di editor: Save with Encoding → UTF-8)"]


def test_windows_1252(tmp_path):
    text = "judul: Rapat\ntempat: Café Pelangi, Buntok\n"
    assert problems_of(tmp_path, text.encode("cp1252")) == [
        f"{NAME}:2:12: berkas bukan UTF-8 (byte 0xE9 di posisi ini; kemungkinan Windows-1252); "
        "simpan ulang sebagai UTF-8 (di editor: Save with Encoding → UTF-8)"]


def test_windows_1252_column_counts_characters(tmp_path):
    content = "judul: Rapat\ntempat: Kafé Pelangi – Café\n".encode("utf-8").replace(b"Caf\xc3\xa9", b"Caf\xe9")
    assert problems_of(tmp_path, content) == [
        f"{NAME}:2:27: " + msg.NOT_UTF8.format(byte="0xE9")]


def test_control_character(tmp_path):
    assert problems_of(tmp_path, "judul: Rapat\nringkasan: dan\x0bidentifikasi\n") == [
        f"{NAME}:2:15: berkas berisi karakter kendali tak terlihat (U+000B); hapus karakter tersebut"]


# --- shapes of a file ----------------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["", "\n\n", "# hanya komentar\n", "---\n", "---\n...\n", "~\n"])
def test_empty_file(tmp_path, content):
    assert problems_of(tmp_path, content) == [f"{NAME}:1:1: berkas kosong; isi dengan data atau hapus berkasnya"]


def test_top_level_list(tmp_path):
    assert problems_of(tmp_path, "- setda\n- kpu\n") == [
        f"{NAME}:1:1: diharapkan pemetaan (baris-baris `kunci: nilai`) di tingkat teratas, ditemukan daftar"]


def test_top_level_scalar(tmp_path):
    assert problems_of(tmp_path, "Rapat koordinasi\n") == [
        f'{NAME}:1:1: diharapkan pemetaan (baris-baris `kunci: nilai`) di tingkat teratas, ditemukan nilai tunggal '
        '"Rapat koordinasi"']


def test_two_documents(tmp_path):
    assert problems_of(tmp_path, "judul: A\n---\njudul: B\n") == [
        f"{NAME}:2:1: berkas berisi lebih dari satu dokumen YAML (pemisah ---); satu berkas hanya boleh berisi satu "
        "dokumen"]


def test_one_document_with_markers_is_fine(tmp_path):
    assert data_of(tmp_path, "---\njudul: A\n...\n") == {"judul": "A"}


# --- anchors, aliases, merge keys, tags ----------------------------------------------------------------

ANCHOR = "anchor dan alias YAML (&, *, <<) tidak diizinkan; tulis nilainya secara lengkap"


def test_anchor(tmp_path):
    assert problems_of(tmp_path, "a: 1\npemilik: &p kpu\nlain: *p\n") == [f"{NAME}:2:10: pemilik: {ANCHOR}"]


def test_anchor_on_a_mapping(tmp_path):
    assert problems_of(tmp_path, "kontak: &k\n  jabatan: Humas\n") == [f"{NAME}:1:9: kontak: {ANCHOR}"]


def test_undefined_alias(tmp_path):
    assert problems_of(tmp_path, "a: 1\nb: *p\n") == [f"{NAME}:2:4: b: {ANCHOR}"]


def test_merge_key(tmp_path):
    assert problems_of(tmp_path, "tindak_lanjut:\n  - id: tl-1\n    <<: {pemilik: kpu}\n") == [
        f"{NAME}:3:5: tindak_lanjut[0]: {ANCHOR}"]


def test_quoted_merge_key_is_an_ordinary_key(tmp_path):
    assert data_of(tmp_path, "\"<<\": 1\n") == {"<<": 1}


def test_local_tag(tmp_path):
    assert problems_of(tmp_path, "a: 1\nb: !tanggal 2020-08-24\n") == [
        f'{NAME}:2:4: b: tag YAML "!tanggal" tidak diizinkan; hapus tag tersebut']


def test_standard_tag_named_as_typed(tmp_path):
    assert problems_of(tmp_path, "a: 1\nb: !!timestamp 2020-08-24\n") == [
        f'{NAME}:2:4: b: tag YAML "!!timestamp" tidak diizinkan; hapus tag tersebut']


def test_complex_key(tmp_path):
    assert problems_of(tmp_path, "? [a, b]\n: 1\n") == [f"{NAME}:1:3: kunci harus berupa teks sederhana"]


# --- syntax errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize("content, place", [
    ("judul: Rapat\npimpinan:\n\tnama: Edy\n", "3:1"),
    ("peserta:\n  - setda\n\t- kpu\n", "3:1"),
    ("a:\n  b: 1\n  \tc: 2\n", "3:3"),
])
def test_tab_indentation(tmp_path, content, place):
    assert problems_of(tmp_path, content) == [
        f"{NAME}:{place}: karakter tab dipakai untuk indentasi; YAML hanya menerima spasi. Ganti tab dengan spasi"]


def test_tab_inside_a_value_is_text(tmp_path):
    assert data_of(tmp_path, "a: satu\tdua\n") == {"a": "satu\tdua"}


@pytest.mark.parametrize("content, place, message", [
    ("judul: Rapat: koordinasi\n", "1:13", msg.YAML_SYNTAX["mapping values are not allowed"]),
    ("surel: @humas\n", "1:8", msg.YAML_SYNTAX["found character that cannot start any token"]),
    ("a: {b: 1\nc: 2\n", "1:4", msg.YAML_SYNTAX["did not find expected ',' or '}'"]),
    ("peserta: [setda, \"kpu\" polres]\n", "1:24", msg.YAML_SYNTAX["did not find expected ',' or ']'"]),
    ("a: \"x\\qy\"\n", "1:6", msg.YAML_SYNTAX["found unknown escape character"]),
    ("- a\nb: 1\n", "2:1", msg.YAML_SYNTAX["did not find expected '-' indicator"]),
])
def test_syntax_errors(tmp_path, content, place, message):
    assert problems_of(tmp_path, content) == [f"{NAME}:{place}: {message}"]


def test_syntax_message_literal(tmp_path):
    assert problems_of(tmp_path, "judul: Rapat: koordinasi\n") == [
        f'{NAME}:1:13: tanda titik dua tidak diharapkan di sini; teks yang berisi ": " harus ditulis dalam tanda kutip']


def test_unclosed_quote_points_at_the_opening_quote(tmp_path):
    assert problems_of(tmp_path, "judul: Rapat\ntempat: \"Aula Setda\n") == [
        f"{NAME}:2:9: berkas berakhir sebelum tanda kutip ditutup; tutup tanda kutipnya"]


def test_unclosed_bracket_points_at_the_bracket(tmp_path):
    assert problems_of(tmp_path, "judul: Rapat\npeserta: [setda, kpu\n") == [
        f"{NAME}:2:10: daftar dalam kurung siku [ ] belum ditutup atau kurang koma"]


# --- limits --------------------------------------------------------------------------------------------


def nested(levels: int) -> str:
    """``levels`` mappings inside each other, the innermost holding a scalar."""
    return "".join(" " * i + f"k{i}:\n" for i in range(levels - 1)) + " " * (levels - 1) + f"k{levels - 1}: 1\n"


def test_depth_limit(tmp_path):
    assert data_of(tmp_path, nested(MAX_DEPTH - 1))  # the scalar is the 20th level
    loc = ".".join(f"k{i}" for i in range(MAX_DEPTH - 1))
    assert problems_of(tmp_path, nested(MAX_DEPTH)) == [
        f"{NAME}:{MAX_DEPTH}:{MAX_DEPTH}: {loc}: struktur terlalu dalam (lebih dari 20 tingkat); sederhanakan susunannya"]


def test_text_length_limit(tmp_path):
    assert data_of(tmp_path, "a: " + "x" * MAX_TEXT_CHARS + "\n")["a"] == "x" * MAX_TEXT_CHARS
    assert problems_of(tmp_path, "a: 1\nb: " + "x" * (MAX_TEXT_CHARS + 1) + "\n") == [
        f"{NAME}:2:4: b: teks terlalu panjang (20001 karakter; batas 20000 karakter)"]


def test_file_size_limit(tmp_path):
    content = ("a: " + "x" * 99 + "\n") * (MAX_FILE_BYTES // 103 + 1)
    size = len(content)
    assert size > MAX_FILE_BYTES
    assert problems_of(tmp_path, content) == [
        f"{NAME}:1:1: berkas terlalu besar ({size} byte; batas 1000000 byte); pecah menjadi beberapa berkas"]


def test_a_file_validated_into_the_memo_is_kept_as_a_later_build_reads_it_back(tmp_path):
    """A file validated for the first time with a memo is kept as the next build will unpickle it, its document's
    marks packed (``validate._unpacked``): the same records and problems, at the same places, as without a memo
    and as from the memo. The data has a cross-file error, so a packed document is asked for a place."""
    from generator.load.validate import RememberedDocument
    from generator.pipeline import check
    from generator.project import Project
    from tests.support import copy_project

    project = copy_project(tmp_path / "proyek", ("data", "mkdocs.yml"))
    agency = project / "data" / "pilkada-2024" / "instansi" / "disdukcapil.yml"
    text = agency.read_text(encoding="utf-8")
    agency.write_text(text.replace('kecamatan: "62.04.01"', 'kecamatan: "62.04.99"', 1), encoding="utf-8")
    memo = tmp_path / "memo.sqlite"

    def seen(checked):
        return ([p.format() for p in checked.problems],
                [(r.id, {kind: {slug: record.data for slug, record in getattr(r, kind).items()}
                         for kind in ("instansi", "kecamatan", "rapat")}) for r in checked.records])

    plain = check(Project(project))
    first = check(Project(project), memo=memo)
    again = check(Project(project), memo=memo)
    assert any("62.04.99" in line for line in seen(plain)[0])
    assert seen(first) == seen(plain) == seen(again)
    kecamatan = next(iter(first.records[0].kecamatan.values()))
    assert isinstance(kecamatan.document, RememberedDocument) and "_marks" in kecamatan.document.__dict__


def test_files_validated_into_the_memo_beside_the_check_are_what_it_would_have_found(tmp_path, monkeypatch):
    """``remember_files`` validates a share of the files into the memo (a forked process does it beside a large
    build's check, generator.build.forked.validating_beside); the check then reads only the other files and finds
    the same records and problems, an invalid file's included, as without a memo."""
    from generator.load import validate
    from generator.pipeline import check, remember_files
    from generator.project import Project
    from tests.support import copy_project

    project = copy_project(tmp_path / "proyek", ("data", "mkdocs.yml"))
    files = sorted((project / "data" / "pilkada-2024").rglob("*.yml"))
    broken = files[-1]  # in the later half, which the helper validates
    broken.write_text(broken.read_text(encoding="utf-8") + "\ntidak_dikenal: 1\n", encoding="utf-8")
    memo = tmp_path / "memo.sqlite"
    plain = check(Project(project))
    assert any(broken.name in problem.format() for problem in plain.problems)
    remember_files(Project(project), memo, (1, 2))
    loaded = []
    monkeypatch.setattr(validate, "load_document", lambda *a, **k: loaded.append(a[0]) or load_document(*a, **k))
    checked = check(Project(project), memo=memo)
    assert [p.format() for p in checked.problems] == [p.format() for p in plain.problems]
    assert [r.edisi.data for r in checked.records] == [r.edisi.data for r in plain.records]
    assert [{slug: rec.data for slug, rec in r.kecamatan.items()} for r in checked.records] == \
        [{slug: rec.data for slug, rec in r.kecamatan.items()} for r in plain.records]
    everything = sum(1 for _ in (project / "data").rglob("*.yml"))
    assert 0 < len(loaded) < everything - 10 and broken not in loaded  # the helper's half was not read again


def test_a_preview_round_takes_the_files_that_did_not_change_from_its_previous_round(tmp_path, monkeypatch):
    """``bulletin serve`` keeps the records of its latest round (``validate.Kept``): the next round takes a file
    that did not change from there, not from the memo, and the others as a fresh check finds them, with the
    same problems. The memo still counts a kept file as used: a later build finds it there."""
    from generator.load import validate
    from generator.pipeline import check, check_files
    from generator.project import Project
    from tests.support import copy_project

    project = copy_project(tmp_path / "proyek", ("data", "mkdocs.yml"))
    memo, kept = tmp_path / "memo.sqlite", validate.Kept()
    edited = project / "data" / "pilkada-2024" / "kecamatan" / "jenamas.yml"
    first = check_files(Project(project), memo=memo, kept=kept)
    read_back = []
    loads = validate.pickle.loads
    monkeypatch.setattr(validate.pickle, "loads", lambda data: read_back.append(1) or loads(data))
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Perahu kecil; logistik", "Perahu kecil bermotor; logistik") +
                      "\ntidak_dikenal: 1\n", encoding="utf-8")
    second = check_files(Project(project), memo=memo, kept=kept)
    assert read_back == []  # nothing from the memo: the other files were kept, the edited one validated again
    fresh = check(Project(project))
    assert [p.format() for p in second.problems] == [p.format() for p in check_files(Project(project)).problems]
    assert any("tidak_dikenal" in p.format() for p in second.problems)
    assert "jenamas" not in second.records[0].kecamatan  # invalid now
    for new, old, plain in zip(second.records, first.records, fresh.records):
        for kind in ("instansi", "kecamatan", "rapat"):
            assert {slug: r.data for slug, r in getattr(new, kind).items()} == \
                {slug: r.data for slug, r in getattr(plain, kind).items()}
            assert all(record is getattr(old, kind)[slug] for slug, record in getattr(new, kind).items())
    monkeypatch.undo()
    loaded = []
    monkeypatch.setattr(validate, "load_document", lambda *a, **k: loaded.append(a[0]) or load_document(*a, **k))
    check_files(Project(project), memo=memo)
    assert loaded == []  # every file from the memo, those the second round kept included


def test_the_restricted_places_of_a_record_are_found_once_and_read_back_from_the_memo(tmp_path, monkeypatch):
    """A record's restricted places (``Record.places``) are found when its file is validated and kept with it in
    the memo: read back, they are the places of its data, pointing into that data, and neither the guard nor the
    public edition's filter walks a record again."""
    from generator.edition.filter import filter_edition
    from generator.load import validate
    from generator.load.restricted import restricted_places
    from generator.pipeline import check
    from generator.project import Project
    from tests.support import copy_project

    project = copy_project(tmp_path / "proyek", ("data", "contoh-terbatas", "mkdocs.yml"))
    memo = tmp_path / "memo.sqlite"
    check(Project(project), memo=memo)
    walked = []
    monkeypatch.setattr(validate, "restricted_places", lambda *a, **k: walked.append(a) or restricted_places(*a, **k))
    checked = check(Project(project), memo=memo)  # the guard reads every record's places
    for edition in checked.records:
        filter_edition(edition, "publik")
    assert not checked.failed() and walked == [], "a record read back from the memo was walked again"
    records = [record for edition in checked.records for kind in ("instansi", "kecamatan", "rapat")
               for record in getattr(edition, kind).values()]
    with_places = [record for record in records if record.places]
    assert len(with_places) >= 5
    for record in with_places:
        assert [(p.loc, p.how, p.kategori, p.dasar) for p in record.places] == \
            [(p.loc, p.how, p.kategori, p.dasar) for p in restricted_places(record.data)]
        for place in record.places:  # the owner is the object at its place in this record's data
            owner = record.data
            for part in place.loc[:-1] if place.how == "bidang" else place.loc:
                owner = owner[part] if isinstance(part, int) else getattr(owner, part)
            assert owner is place.owner
