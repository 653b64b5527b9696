"""Every message an editor can see, written once, in plain Indonesian.

A message says what was expected, what was found and how to fix it. Tests assert the exact text,
so a change here is a change of the product's interface.
"""

# --- load: encodings and YAML shapes -------------------------------------------------------------

UTF16 = "berkas tersimpan dalam UTF-16; simpan ulang sebagai UTF-8 (di editor: Save with Encoding → UTF-8)"
NOT_UTF8 = ("berkas bukan UTF-8 (byte {byte} di posisi ini; kemungkinan Windows-1252); "
            "simpan ulang sebagai UTF-8 (di editor: Save with Encoding → UTF-8)")
EMPTY_FILE = "berkas kosong; isi dengan data atau hapus berkasnya"
MANY_DOCUMENTS = "berkas berisi lebih dari satu dokumen YAML (pemisah ---); satu berkas hanya boleh berisi satu dokumen"
NOT_A_MAPPING = "diharapkan pemetaan (baris-baris `kunci: nilai`) di tingkat teratas, ditemukan {found}"
TAB_INDENT = "karakter tab dipakai untuk indentasi; YAML hanya menerima spasi. Ganti tab dengan spasi"
DUPLICATE_KEY = "kunci \"{key}\" ditulis dua kali (pertama di baris {first_line}); hapus salah satunya"
ANCHOR = "anchor dan alias YAML (&, *, <<) tidak diizinkan; tulis nilainya secara lengkap"
TAG = "tag YAML \"{tag}\" tidak diizinkan; hapus tag tersebut"
COMPLEX_KEY = "kunci harus berupa teks sederhana"
TOO_LARGE = "berkas terlalu besar ({size} byte; batas {limit} byte); pecah menjadi beberapa berkas"
TOO_DEEP = "struktur terlalu dalam (lebih dari {limit} tingkat); sederhanakan susunannya"
NUMBER_TOO_LONG = "angka terlalu panjang ({length} karakter; batas {limit}); tulis dalam tanda kutip bila ini teks"
TOO_LONG = "teks terlalu panjang ({length} karakter; batas {limit} karakter)"

YAML_SYNTAX = {
    "mapping values are not allowed":
        "tanda titik dua tidak diharapkan di sini; teks yang berisi \": \" harus ditulis dalam tanda kutip",
    "could not find expected ':'":
        "baris ini bukan `kunci: nilai`; periksa titik dua dan indentasinya",
    "did not find expected key":
        "indentasi tidak sesuai dengan baris sebelumnya; samakan jumlah spasinya",
    "did not find expected '-' indicator":
        "indentasi daftar tidak sesuai; setiap butir daftar diawali \"- \" pada kolom yang sama",
    "found unexpected end of stream":
        "berkas berakhir sebelum tanda kutip ditutup; tutup tanda kutipnya",
    "did not find expected ',' or ']'":
        "daftar dalam kurung siku [ ] belum ditutup atau kurang koma",
    "did not find expected ',' or '}'":
        "pemetaan dalam kurung kurawal { } belum ditutup atau kurang koma",
    "found unknown escape character":
        "karakter escape dengan \\ tidak dikenal di dalam tanda kutip ganda; pakai tanda kutip tunggal",
    "found a tab character where an indentation space is expected": TAB_INDENT,
    "found character that cannot start any token":
        "karakter ini tidak boleh mengawali nilai (mis. @ atau `); tulis nilainya dalam tanda kutip",
    "found undefined alias": ANCHOR,
    "did not find expected <document start>":
        "masih ada isi sesudah penanda akhir dokumen (...); satu berkas hanya boleh berisi satu dokumen",
    "exceeded maximum nesting depth":
        "struktur terlalu dalam; sederhanakan susunannya",
    "found unexpected ':'":
        "tanda titik dua tidak diharapkan di sini; tulis nilainya dalam tanda kutip",
}
CONTROL_CHARACTER = "berkas berisi karakter kendali tak terlihat (U+{code}); hapus karakter tersebut"
YAML_SYNTAX_OTHER = "YAML tidak dapat dibaca di sini ({detail}); periksa indentasi, titik dua dan tanda kutip"

# --- load: YAML 1.1 surprises -----------------------------------------------------------------------

AMBIGUOUS_BOOL = ("\"{text}\" tanpa tanda kutip dibaca sebagian pembaca YAML sebagai {as_bool}; "
                  "tulis true/false untuk ya/tidak, atau \"{text}\" dalam tanda kutip untuk teks")
LEADING_ZERO = ("angka berawalan 0 \"{text}\" dibaca YAML sebagai bilangan lain ({as_number}) dan nol di depannya hilang; "
                "nomor telepon dan kode ditulis dalam tanda kutip: \"{text}\"")
SEXAGESIMAL = ("\"{text}\" dibaca YAML 1.1 sebagai bilangan basis 60 ({as_number}); "
               "tulis jam dalam tanda kutip: \"{text}\"")
THOUSANDS_DOT = ("\"{text}\" dibaca YAML sebagai pecahan {as_number}; titik di sini tampaknya pemisah ribuan. "
                 "petunjuk: tulis {digits}")
TRAILING_ZERO = ("\"{text}\" dibaca YAML sebagai {as_number} (nol di belakang hilang); "
                 "tulis dalam tanda kutip bila ini kode atau jam: \"{text}\"")

# --- validate: types and shapes ----------------------------------------------------------------------

MISSING = "wajib diisi"
UNKNOWN_KEY = "kunci \"{key}\" tidak dikenal{hint}"
UNKNOWN_KEY_HINT = "; maksudnya \"{suggestion}\"?"
UNKNOWN_KEY_ALLOWED = "; kunci yang boleh: {allowed}"
EXPECTED_TEXT = "harus berupa teks, ditemukan {found}{hint}"
EXPECTED_TEXT_QUOTE_HINT = "; tulis dalam tanda kutip: \"{text}\""
EXPECTED_INT = "harus bilangan bulat, bukan {found}"
EXPECTED_INT_THOUSANDS = ("harus bilangan bulat tanpa pemisah ribuan, ditemukan \"{text}\"; "
                          "petunjuk: tulis {digits}")
EXPECTED_INT_COMMA = ("harus bilangan bulat, ditemukan \"{text}\" (koma adalah tanda desimal); "
                      "petunjuk: tulis {digits} tanpa pemisah")
EXPECTED_NON_NEGATIVE = "tidak boleh negatif, ditemukan {value}"
NUMBER_TOO_LARGE = "angka terlalu besar (batas {limit}); periksa kembali angkanya"
EXPECTED_NUMBER = "harus angka (pecahan ditulis dengan titik, mis. 2.5), bukan {found}"
EXPECTED_ILLUSTRATIVE = "harus true/false atau daftar angka yang ilustratif ({choices}), bukan {found}"
UNKNOWN_FIGURE = "\"{name}\" bukan angka laporan ini; pilih dari: {choices}"
EXPECTED_BOOL = "harus true atau false, bukan {found}"
EXPECTED_LIST = "harus berupa daftar (butir-butir diawali \"- \"), ditemukan {found}"
EXPECTED_MAPPING = "harus berupa pemetaan (baris-baris `kunci: nilai`), ditemukan {found}"
EXPECTED_CHOICE = "harus salah satu dari {choices}, bukan {found}"
EXPECTED_DATE = "harus tanggal dengan format TTTT-BB-HH, ditemukan {found}"
EXPECTED_DATE_HINT = "harus tanggal dengan format TTTT-BB-HH, ditemukan \"{text}\"; petunjuk: tulis {iso}"
INVALID_DATE = "tanggal \"{text}\" tidak ada di kalender"
EXPECTED_TIME = "harus jam dengan format \"JJ.MM\" atau \"JJ:MM\" dalam tanda kutip, ditemukan {found}"
EMPTY_TEXT = "tidak boleh kosong"
EMPTY_LIST = "daftar tidak boleh kosong"
EXPECTED_PHONE = ("nomor telepon tidak dikenali: \"{text}\"; tulis dalam tanda kutip dengan kode negara, "
                  "mis. \"+62 525 21500\" atau \"0525 21500\"")
EXPECTED_PHONE_QUOTES = "nomor telepon harus ditulis dalam tanda kutip, mis. \"+62 525 21500\""
PHONE_NOT_VALID = ("nomor telepon \"{text}\" tidak ada: kode wilayah atau panjang nomornya tidak sesuai dengan "
                   "penomoran telepon; periksa kembali, mis. \"(0525) 21500\" atau \"0812 3456 7890\"")
EXPECTED_EMAIL = "alamat surel tidak valid: \"{text}\""
EXPECTED_URL = "alamat tautan harus diawali http:// atau https://, ditemukan \"{text}\""
EXPECTED_REVIEWER = ("pemeriksa ditulis sebagai pengguna atau tim GitHub diawali @ dalam tanda kutip, "
                     "mis. \"@pemkab-barsel/penghubung-kpu\", ditemukan \"{text}\"")
EXPECTED_SLUG = ("harus berupa huruf kecil, angka dan tanda hubung (mis. \"satpol-pp\"), ditemukan \"{text}\"")
EXPECTED_CODE = "kode wilayah Kemendagri berbentuk {shape} (mis. \"{example}\"), ditemukan {found}"
BPS_CODE = ("\"{text}\" tampaknya kode BPS, bukan kode Kemendagri; gunakan kode Kemendagri berbentuk {shape} "
            "(mis. \"{example}\")")
CODE_NOT_QUOTED = "kode wilayah harus ditulis dalam tanda kutip agar tidak dibaca sebagai angka: \"{text}\""
BASIS_REQUIRED = "akses terbatas memerlukan dasar hukumnya di kunci dasar, mis. dasar: \"UU 14/2008 Pasal 17 huruf c\""
BASIS_UNRECOGNIZED = ("dasar \"{text}\" tidak menyebut pasal pengecualian yang dikenali; tulis mis. "
                      "\"UU 14/2008 Pasal 17 huruf c\" atau \"UU 27/2022\"")
NIK_SHAPE = "NIK harus 16 angka, ditemukan \"{text}\""
NIP_SHAPE = "NIP harus 18 angka (mis. \"19860926 201505 1 001\"), ditemukan \"{text}\""
PHONE_SHAPE = "nomor telepon tidak dikenali: \"{text}\"; tulis mis. \"0812 3456 7890\""
INVALID_VALUE = "nilai tidak valid: {detail}"

# --- validate: file placement ----------------------------------------------------------------------

UNKNOWN_FILE = ("berkas di tempat yang tidak dikenal; data edisi ditulis di edisi.yml, instansi/, kecamatan/ "
                "atau rapat/")
EDITION_FILE_MISSING = "edisi \"{edisi}\" tidak punya berkas edisi.yml"
EDITION_ID_MISMATCH = "id edisi \"{found}\" berbeda dengan nama foldernya \"{folder}\""
BAD_FILE_NAME = ("nama berkas \"{name}\" harus huruf kecil, angka dan tanda hubung, diakhiri .yml "
                 "(mis. \"satpol-pp.yml\")")
NO_EDITIONS = "tidak ada edisi di {data_dir}: buat folder data/<edisi>/ berisi edisi.yml"

# --- link: references and consistency --------------------------------------------------------------

UNKNOWN_AGENCY = "instansi \"{ref}\" tidak dikenal{hint}; instansi yang ada: {known}"
UNKNOWN_KECAMATAN = "kecamatan \"{ref}\" tidak dikenal di edisi ini{hint}"
UNKNOWN_DESA = "desa/kelurahan \"{ref}\" tidak ada di kecamatan {kecamatan}"
UNKNOWN_ACTION = "tindak lanjut \"{ref}\" tidak dikenal di rapat-rapat sebelum rapat ini"
DUPLICATE_ID = "{kind} \"{ref}\" sudah dipakai di {other}"
DUPLICATE_CODE = "kode {code} sudah dipakai di {other}"
REGION_UNKNOWN = "kode {code} tidak ada dalam daftar wilayah Kemendagri 2025"
REGION_NOT_UNDER = "kode {code} tidak berada di bawah {parent} ({parent_name})"
REGION_NOT_IN_EDITION = "kecamatan {code} tidak berada di wilayah edisi ini ({wilayah})"
REGION_NAME = ("nama \"{name}\" berbeda dengan nama Kemendagri \"{official}\" untuk kode {code}; "
               "tulis \"{official}\" di nama atau di alias")
DESA_NAME = "nama \"{name}\" berbeda dengan nama Kemendagri \"{official}\" untuk kode {code}; tulis \"{official}\""
REGION_KIND = "kode {code} adalah {actual} (kode {digit}xxx), bukan {declared}"
ONE_PROVINCE = "desk {tingkat} mencakup satu provinsi; beberapa provinsi hanya untuk tingkat: nasional"
KABUPATEN_REQUIRED = "desk kabupaten wajib menyebut kabupaten/kota-nya di kabupaten, mis. [\"62.04\"]"
AGENCY_OUTSIDE = "wilayah kerja {code} berada di luar wilayah edisi ini ({wilayah})"
DUPLICATE_PAGE = ("kecamatan ini mendapat halaman {page} yang sudah dipakai {other}; "
                  "beri salah satu berkas nama lain")
AMBIGUOUS_CAMAT = ("\"{ref}\" dapat berarti camat beberapa kecamatan ({codes}); sebut camatnya dengan kode "
                   "kecamatan, mis. \"{example}\"")
KECAMATAN_MISSING = "kecamatan {code} ({name}) di wilayah edisi tidak punya berkas di kecamatan/"

REPORT_WRONG_AGENCY = "laporan {kind} hanya boleh dari instansi berjenis {allowed}, bukan {actual}"
REPORT_DUPLICATE_DATE = "ada dua laporan {kind} bertanggal {date} (yang lain di baris {other_line})"
REPORT_DUPLICATE_KECAMATAN = "kecamatan {code} ditulis dua kali dalam laporan ini"
RECORDED_OVER_WAJIB = "e-KTP terekam ({recorded}) melebihi wajib KTP ({wajib})"
WAJIB_OVER_POPULATION = "wajib KTP ({wajib}) melebihi jumlah penduduk ({population})"
PRINTED_OVER_RECORDED = "e-KTP tercetak ({printed}) melebihi e-KTP terekam ({recorded})"
VOTERS_OVER_POPULATION = ("pemilih ({voters}) melebihi jumlah penduduk ({population}) menurut laporan "
                          "Disdukcapil {date}")
VOTERS_PER_TPS = "rata-rata {average} pemilih per TPS melebihi batas {limit} pemilih per TPS"
LINMAS_PER_TPS = ("Linmas siap {linmas} untuk {tps} TPS ({ratio} per TPS) kurang dari {minimum} per TPS "
                  "(UU 7/2017 Pasal 351 ayat 4)")
REPORT_OUTSIDE_AGENCY = ("kecamatan {code} berada di luar wilayah kerja instansi ini ({area} {area_name}); "
                         "laporkan lewat instansi wilayahnya atau perbaiki wilayah di berkas instansi")
DUE_BEFORE_MEETING = "batas waktu {due} lebih awal dari tanggal rapat {meeting}"
DONE_WITHOUT_DATE = "status \"selesai\" memerlukan tanggal_selesai"
DATE_WITHOUT_DONE = "tanggal_selesai hanya diisi bila status \"selesai\""
FINISHED_BEFORE_MEETING = "tanggal selesai {done} lebih awal dari tanggal rapat {meeting}"
PROGRESS_BEFORE_ITEM = "perkembangan dicatat di rapat {meeting} yang tidak lebih baru dari rapat asal {origin}"
STAGE_ORDER = "tanggal selesai {end} lebih awal dari tanggal mulai {start}"
VOTING_DAY_MISSING = ("hari pemungutan suara belum diisi: tulis rencana (TTTT-BB-HH) setelah KPU menetapkan "
                      "jadwal; sampai itu buletin tidak menghitung mundur")
CONTACT_MISSING_CAMAT = ("kontak kantor camat {kecamatan} belum diisi: tulis sedikitnya satu kontak dengan jabatan dan "
                         "telepon_kantor atau surel")
CONTACT_MISSING_AGENCY = ("kontak kantor {instansi} belum diisi: tulis sedikitnya satu kontak dengan jabatan dan "
                          "telepon_kantor atau surel")
NOTHING_REPORTED = ("belum ada laporan instansi atau camat dan belum ada rapat, jadi buletin belum punya tanggal data; "
                    "tambahkan laporan pertama dengan `bulletin new laporan --instansi {instansi}` atau rapat pertama "
                    "dengan `bulletin new rapat --tanggal TTTT-BB-HH --judul \"…\"`")

# --- validate: text that would not display as typed ---------------------------------------------------

HIDDEN_CHARACTER = ("teks memuat {kind} U+{code} ({name}) di posisi {position} yang membuat tampilan berbeda "
                    "dari yang diketik; hapus karakter itu")
HIDDEN_CHARACTER_MORE = " (ada {count} karakter lain di teks ini yang juga harus dihapus)"
HIDDEN_KIND_BIDI = "karakter pengatur arah teks"
HIDDEN_KIND_INVISIBLE = "karakter tak terlihat"
HIDDEN_KIND_CONTROL = "karakter kendali"
HIDDEN_KIND_LINE_SEPARATOR = "pemisah baris Unicode"
HIDDEN_KIND_UNASSIGNED = "kode yang bukan karakter terdaftar di Unicode"
HIDDEN_KIND_PRIVATE_USE = "karakter area pribadi (tanpa arti baku di Unicode)"
HIDDEN_KIND_SURROGATE = "separuh pasangan surrogate UTF-16"

# --- the restricted tree ---------------------------------------------------------------------------

RESTRICTED_CONFLICT = ("sudah diisi di data publik dengan nilai lain; pohon terbatas hanya menambah informasi "
                       "terbatas, tidak mengubah data publik")
RESTRICTED_PLACEMENT_ON_MERGE = ("catatan \"{key}\" sudah ada di data publik: informasi terbatasnya ditambahkan ke "
                                 "sana, jadi {key} tidak memakai setelah; hapus setelah")
RESTRICTED_ANCHOR_UNKNOWN = "setelah \"{key}\": tidak ada catatan berpengenal itu di daftar yang sama di data publik"
RESTRICTED_ONLY_PUBLIC = ("bukan informasi terbatas; pohon terbatas hanya memuat bidang dan catatan terbatas. "
                          "Pindahkan ke {public} (data publik)")
RESTRICTED_FILE_ALONE = ("berkas terbatas tanpa pasangan {public} di data publik; hanya rapat yang seluruhnya terbatas "
                         "(akses: terbatas) boleh berdiri sendiri")
RESTRICTED_ALONE_NOT_RESTRICTED = ("rapat yang hanya ada di pohon terbatas harus seluruhnya terbatas: tulis akses: terbatas "
                                   "dan dasar:, atau pindahkan berkas ini ke data/")
PUBLIC_HOLDS_RESTRICTED = ("{what} ada di data publik, padahal repositori ini publik: riwayat git menyimpannya "
                           "selamanya. Pindahkan ke pohon terbatas ({restricted}), mis. dengan `bulletin split`")
COMMENT_HOLDS_PERSONAL = ("komentar memuat {what} (\"{text}\"), padahal repositori ini publik: riwayat git "
                          "menyimpannya selamanya, komentar juga. Hapus dari komentar; data pribadi ditulis di pohon "
                          "terbatas ({restricted}). Nomor kantor di komentar: tulis nomor telepon tetap dengan kode "
                          "wilayah, mis. \"(0525) 21500\"")
COMMENT_HOLDS_PERSONAL_WHAT = {
    "telepon": "nomor telepon seluler (nomor pribadi)",
    "nik": "angka berbentuk NIK (16 angka)",
    "nip": "angka berbentuk NIP (18 angka)",
}
PUBLIC_HOLDS_RESTRICTED_WHAT = {
    "bidang": "bidang terbatas",
    "ditandai": "catatan bertanda akses: terbatas",
    "jenis": "catatan yang terbatas menurut jenisnya",
}

# --- which problems an editor also sees while typing --------------------------------------------------

ALSO_IN_EDITOR = frozenset({
    "MISSING", "UNKNOWN_KEY", "EXPECTED_TEXT", "EXPECTED_INT", "EXPECTED_INT_THOUSANDS", "EXPECTED_INT_COMMA",
    "EXPECTED_NON_NEGATIVE", "NUMBER_TOO_LARGE", "EXPECTED_NUMBER", "EXPECTED_ILLUSTRATIVE", "UNKNOWN_FIGURE",
    "EXPECTED_BOOL", "EXPECTED_LIST", "EXPECTED_MAPPING", "EXPECTED_CHOICE", "EXPECTED_DATE", "EXPECTED_DATE_HINT",
    "INVALID_DATE", "EXPECTED_TIME", "EMPTY_TEXT", "EMPTY_LIST", "EXPECTED_PHONE", "EXPECTED_PHONE_QUOTES",
    "EXPECTED_EMAIL", "EXPECTED_URL", "EXPECTED_REVIEWER", "EXPECTED_SLUG", "EXPECTED_CODE", "BPS_CODE",
    "CODE_NOT_QUOTED", "TOO_LONG", "NOT_A_MAPPING", "EMPTY_FILE",
})
"""Problems of shape and type that the exported JSON Schemas describe too, so an editor's YAML extension marks
them as the editor types, at the same field (tests/test_schemas.py holds the two to each other). Every other
message is checked only by `bulletin validate`: the file's encoding and YAML syntax, YAML 1.1 surprises that a
YAML 1.2 reader reads differently, hidden characters, references between files, region codes against the
Kemendagri reference, consistency rules between figures and dates, and the restricted tree."""
