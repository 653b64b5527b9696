"""What each generated page says of itself: one or two plain sentences (its ``description``, which Material
writes as ``<meta name="description">`` and the link preview as ``og:description``), and the readiness status
its preview card shows, in the words, symbol and colours its page shows it with.

Decided here, from the same model the page is rendered from, so the public edition's summaries hold nothing
its pages do not. Plain text: the front matter escapes it as it escapes the title.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.domain.model import SiteModel
from generator.domain.readiness import COLOURS
from generator.render.markdown import STATUS_ICONS, PageSpec, angka, tanggal

LIMIT = 200  # characters: what link previews and search results show of a description before they cut it
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")


def page_summary(model: SiteModel, spec: PageSpec) -> dict:
    """The front matter a page's summary adds: ``description``, and ``readiness`` where the page has a status."""
    describe = DESCRIPTIONS[spec.template]
    readiness = _readiness(model, spec)
    return {"description": shorten(describe(model, spec.context)),
            "readiness": None if readiness is None else {
                "label": readiness.label, "icon": STATUS_ICONS[readiness.level],
                "colour": COLOURS[readiness.level][0], "background": COLOURS[readiness.level][1]}}


def _readiness(model: SiteModel, spec: PageSpec):
    """The status a page leads with: the area's on the beranda, a region's, a kecamatan's; None elsewhere."""
    if spec.template == "beranda.md.j2":
        return model.readiness
    view = spec.context.get("kecamatan") or spec.context.get("wilayah")
    return view.readiness if view is not None else None


def shorten(text: str, limit: int = LIMIT) -> str:
    """Plain text on one line, Markdown links as their words, cut at a word with "…" past ``limit``."""
    text = " ".join(_LINK.sub(r"\1", text).replace("**", "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:–-")
    return cut + "…"


def _counts(counts: list[tuple[str, str, int]]) -> str:
    return ", ".join(f"{angka(count)} {label.lower()}" for _, label, count in counts if count)


def _beranda(model: SiteModel, _context: dict) -> str:
    area, readiness = model.area, model.readiness
    as_of = f", data per {tanggal(model.as_of)}" if model.reported else ""
    parts = [f"{model.edisi.nama_singkat}, {area.nama}{as_of}: kesiapan {readiness.label} "
             f"(kecamatan: {_counts(readiness.counts)})."]
    if model.before_voting:
        parts.append(f"H-{model.days_to_voting} menuju {tanggal(model.voting_day)}.")
    elif model.voting_today:
        parts.append(f"Hari pemungutan suara, {tanggal(model.voting_day)}.")
    if model.rapat:
        parts.append(f"{angka(len(model.open_action_items))} tindak lanjut terbuka, "
                     f"{angka(len(model.overdue_action_items))} lewat batas waktu.")
    return _sentences(parts)


def _sentences(parts: list[str]) -> str:
    """As many whole sentences as fit the limit, in their order of importance (the first always)."""
    text = parts[0]
    for part in parts[1:]:
        if len(text) + 1 + len(part) <= LIMIT:
            text = f"{text} {part}"
    return text


def _kecamatan_index(model: SiteModel, _context: dict) -> str:
    area = model.area
    return (f"Status kesiapan dan angka terbaru {angka(area.jumlah_kecamatan)} kecamatan di {area.nama} "
            f"({_counts(model.readiness.counts)}), dengan aturan yang menentukan status.")


def _wilayah(_model: SiteModel, context: dict) -> str:
    w = context["wilayah"]
    return (f"{w.nama} ({w.jenis}, kode {w.kode}): {angka(w.jumlah_kecamatan)} kecamatan. Status kesiapan: "
            f"{w.readiness.label} ({_counts(w.readiness.counts)}).")


def _kecamatan(_model: SiteModel, context: dict) -> str:
    k = context["kecamatan"]
    decided = k.readiness.decided_by
    why = f"ditentukan oleh aturan “{decided.rule}”: {decided.detail}" if decided \
        else "semua aturan kesiapan terpenuhi"
    return _sentences([f"Kecamatan {k.nama}, {k.kabupaten_nama}: status kesiapan {k.readiness.label}, {why}.",
                       f"Provinsi {k.provinsi_nama}."])


def _instansi_index(model: SiteModel, _context: dict) -> str:
    return (f"{angka(len(model.instansi))} instansi {model.edisi.desk.nama}: peran, kontak kantor, laporan, "
            "tindak lanjut dan risiko setiap instansi.")


def _instansi(_model: SiteModel, context: dict) -> str:
    i = context["instansi"]
    return f"{i.nama} ({i.singkatan}). {i.peran}"


def _rapat_index(model: SiteModel, _context: dict) -> str:
    latest = model.latest_meeting
    if latest is None:
        return f"Rapat {model.edisi.desk.nama}: belum ada rapat yang dicatat."
    return (f"{angka(len(model.rapat))} rapat {model.edisi.desk.nama}, yang terbaru pada {tanggal(latest.tanggal)}: "
            f"{latest.judul}.")


def _rapat(_model: SiteModel, context: dict) -> str:
    r = context["rapat"]
    return f"{tanggal(r.tanggal, True)}, {r.tempat}. {r.ringkasan}"


def _tindak_lanjut(model: SiteModel, _context: dict) -> str:
    if not model.rapat:
        return f"Tindak lanjut rapat {model.edisi.desk.nama}: belum ada rapat yang dicatat."
    return (f"{angka(len(model.action_items))} tindak lanjut rapat {model.edisi.desk.nama}: "
            f"{angka(len(model.open_action_items))} terbuka, {angka(len(model.overdue_action_items))} melewati "
            f"batas waktu per {tanggal(model.as_of)}, dengan pemilik dan batas waktunya.")


def _risiko(model: SiteModel, _context: dict) -> str:
    high = sum(1 for risk in model.risks if risk.open_high)
    return (f"{angka(len(model.risks))} risiko dan kendala yang dicatat instansi dan camat, "
            f"{angka(high)} di antaranya tingkat tinggi dan belum teratasi, dengan mitigasinya.")


def _kontak(model: SiteModel, _context: dict) -> str:
    return f"Telepon dan alamat kantor instansi {model.edisi.desk.nama} dan kantor camat."


def _data_terbuka(model: SiteModel, _context: dict) -> str:
    d = model.data_terbuka
    files = ", ".join(t.path for t in d.tables) if d else ""
    licence = f" ({d.licence[0]})" if d else ""
    return f"Data {model.edisi.nama_singkat} untuk diunduh dan diolah{licence}: {files} dan datapackage.json."


def _catatan_data(model: SiteModel, _context: dict) -> str:
    as_of = f", data per {tanggal(model.as_of)}" if model.reported else ""
    return f"Asal dan sifat data {model.edisi.nama_singkat} dalam buletin {model.edisi.desk.nama}{as_of}."


def _dikecualikan(model: SiteModel, _context: dict) -> str:
    return (f"Informasi yang dikecualikan dari edisi publik buletin {model.edisi.desk.nama} menurut UU 14/2008 "
            "Pasal 17: dasar hukum dan uji konsekuensi setiap kategori.")


DESCRIPTIONS: dict[str, Callable[[SiteModel, dict], str]] = {
    "beranda.md.j2": _beranda,
    "kecamatan-index.md.j2": _kecamatan_index,
    "wilayah.md.j2": _wilayah,
    "kecamatan.md.j2": _kecamatan,
    "instansi-index.md.j2": _instansi_index,
    "instansi.md.j2": _instansi,
    "rapat-index.md.j2": _rapat_index,
    "rapat.md.j2": _rapat,
    "tindak-lanjut.md.j2": _tindak_lanjut,
    "risiko.md.j2": _risiko,
    "kontak.md.j2": _kontak,
    "data-terbuka.md.j2": _data_terbuka,
    "catatan-data.md.j2": _catatan_data,
    "dikecualikan.md.j2": _dikecualikan,
}
