"""Render: the site model → ``{path: Markdown}``, through the Jinja2 templates in ``templates/``.

A pure function of the model: no MkDocs, no clock, no file system. Every value from the data is
HTML-escaped by Jinja's autoescaping, so text from a data file is shown as text; the templates' own
markup is trusted. Templates lay out ready values: counting, sorting and rules live in ``link``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .model import SiteModel
from .readiness import LABELS as LEVEL_LABELS, number

TEMPLATES = Path(__file__).parent / "templates"
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
STATUS_LABELS = {
    "terbuka": "Terbuka", "berjalan": "Berjalan", "selesai": "Selesai", "terhambat": "Terhambat", "batal": "Batal",
    "dipantau": "Dipantau", "teratasi": "Teratasi",
}
STATUS_ICONS = {  # a shape as well as a colour, so the status never relies on colour alone
    "siap": "✔", "perhatian": "▲", "belum-siap": "✖", "belum-lengkap": "?",
    "terbuka": "○", "berjalan": "◐", "selesai": "✔", "terhambat": "✖", "batal": "–",
    "dipantau": "◐", "teratasi": "✔", "tinggi": "▲", "sedang": "■", "rendah": "▽",
}


# --- filters: how values are written in Indonesian ----------------------------------------------


def tanggal(value: dt.date | None, weekday: bool = False) -> str:
    if value is None:
        return "–"
    text = f"{value.day} {BULAN[value.month - 1]} {value.year}"
    return f"{HARI[value.weekday()]}, {text}" if weekday else text


def angka(value: int | float | None, decimals: int = 0) -> str:
    if value is None:
        return "–"
    return number(value, decimals)


def persen(value: float | None) -> str:
    return "–" if value is None else f"{number(value, 1)}%"


def perubahan(value: int | float | None) -> str:
    """Change since the previous report: +1.234, −12, tetap."""
    if value is None:
        return "–"
    if value == 0:
        return "tetap"
    sign = "+" if value > 0 else "−"
    return sign + number(abs(value), 0 if float(value).is_integer() else 1)


def cell(value) -> Markup:
    """A value for a Markdown table cell: escaped, on one line, with no column separator."""
    text = str(escape("" if value is None else value))
    return Markup(" ".join(text.split()).replace("|", "&#124;"))


def block(value) -> Markup:
    """A paragraph of text from the data: escaped, kept on its own lines."""
    return escape("" if value is None else value)


def status_badge(level: str, label: str | None = None) -> Markup:
    label = label or STATUS_LABELS.get(level, level)
    return Markup(f'<span class="bdp-badge bdp-badge--{escape(level)}">'
                  f'<span aria-hidden="true">{STATUS_ICONS.get(level, "•")}</span> {escape(label)}</span>')


def progress(percent: float) -> Markup:
    width = max(0.0, min(100.0, percent))
    return Markup(f'<span class="bdp-bar" aria-hidden="true"><span style="width: {width:.1f}%"></span></span>')


def tel(e164: str) -> Markup:
    return Markup(f'<a href="tel:{escape(e164)}">{escape(e164)}</a>')


def environment() -> Environment:
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(tanggal=tanggal, angka=angka, persen=persen, perubahan=perubahan, cell=cell, block=block,
                       badge=status_badge, progress=progress, tel=tel)
    env.globals.update(STATUS_LABELS=STATUS_LABELS, LEVEL_LABELS=LEVEL_LABELS)
    return env


# --- pages --------------------------------------------------------------------------------------


def page_paths(model: SiteModel) -> list[tuple[str, str, dict]]:
    """Every generated page: (path, template, context), in navigation order."""
    pages = [("index.md", "beranda.md.j2", {}),
             ("kecamatan/index.md", "kecamatan-index.md.j2", {})]
    pages += [(f"kecamatan/{k.slug}.md", "kecamatan.md.j2", {"kecamatan": k}) for k in model.kecamatan]
    pages.append(("instansi/index.md", "instansi-index.md.j2", {}))
    pages += [(f"instansi/{i.slug}.md", "instansi.md.j2", {"instansi": i}) for i in model.instansi]
    pages.append(("rapat/index.md", "rapat-index.md.j2", {}))
    pages += [(f"rapat/{r.slug}.md", "rapat.md.j2", {"rapat": r}) for r in model.rapat]
    pages += [("tindak-lanjut.md", "tindak-lanjut.md.j2", {}),
              ("risiko.md", "risiko.md.j2", {}),
              ("kontak.md", "kontak.md.j2", {})]
    return pages


def render(model: SiteModel) -> dict[str, str]:
    """Every page of the edition as Markdown, keyed by its path (``kecamatan/jenamas.md``)."""
    env = environment()
    pages = {}
    for path, template, context in page_paths(model):
        def link(target: str, _from: str = path) -> str:
            return posixpath.relpath(target, posixpath.dirname(_from) or ".")

        pages[path] = env.get_template(template).render(site=model, page_path=path, link=link, **context)
    return pages


def navigation(model: SiteModel) -> list:
    """The navigation in MkDocs' ``nav`` shape (a plain list of dicts), for the adapter to use."""
    return [
        {"Beranda": "index.md"},
        {"Kecamatan": ["kecamatan/index.md"] + [{k.nama: f"kecamatan/{k.slug}.md"} for k in model.kecamatan]},
        {"Instansi": ["instansi/index.md"] + [{i.singkatan: f"instansi/{i.slug}.md"} for i in model.instansi]},
        {"Rapat": ["rapat/index.md"] + [{tanggal(r.tanggal): f"rapat/{r.slug}.md"} for r in model.rapat]},
        {"Tindak lanjut": "tindak-lanjut.md"},
        {"Risiko": "risiko.md"},
        {"Kontak": "kontak.md"},
    ]


def write_pages(pages: dict[str, str], out_dir: Path) -> None:
    """Write rendered pages under ``out_dir``, refusing any path that would leave it."""
    root = Path(out_dir).resolve()
    for path, text in sorted(pages.items()):
        target = (root / path).resolve()
        if root not in target.parents:
            raise ValueError(f"jalur halaman di luar folder tujuan: {path}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
