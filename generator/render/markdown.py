"""Render: the site model → ``{path: Markdown}``, through the Jinja2 templates in ``templates/``.

A pure function of the model: no MkDocs, no clock, no file system. Every value from the data is
HTML-escaped by Jinja's autoescaping, so text from a data file is shown as text; the templates' own
markup is trusted. Templates lay out ready values: counting, sorting and rules live in ``link``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree

import markdown as python_markdown
from jinja2 import DictLoader, Environment, FileSystemBytecodeCache, StrictUndefined
from markupsafe import Markup, escape

from generator import fingerprint
from generator.domain.model import SiteModel, any_reported
from generator.domain.readiness import LABELS as LEVEL_LABELS
from generator.domain.readiness import LEVELS
from generator.domain.thresholds import number
from generator.load.exemptions import CATEGORIES
from generator.load.fields import e164, national
from generator.memo import Memo

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


SAFE_SCHEMES = ("http:", "https:", "mailto:")
_INLINE_LINK = re.compile(r"(!?)\[([^\[\]]*)\]\(([^()]*)\)")
_SCRIPT_SCHEME = re.compile(r"\b(javascript|vbscript|data)\s*:", re.IGNORECASE)
_KEPT = "\ue000"  # a private-use character marks a kept link while the rest is escaped


def is_safe_url(url: str) -> bool:
    """http(s) and mailto only: no javascript:, data:, relative links or anything else from the data."""
    cleaned = "".join(ch for ch in url if ch > " ").lower().lstrip("<")
    return cleaned.startswith(SAFE_SCHEMES)


def safe_markdown(value) -> str:
    """Text from the data as Markdown in a safe subset, with no live markup of its own.

    HTML is escaped (``<script>`` shows as text); braces and ``=`` are written as entities (no attribute
    lists, nothing that looks like a template or an event attribute); every square bracket is escaped except
    those of a whole inline link to an http(s) or mailto address on one line, so no text can close a link of
    the page around it or open one of its own; images show as text (no outside requests). Emphasis, lists and
    safe links keep working.
    """
    text = str(escape("" if value is None else value)).replace(_KEPT, "")
    text = text.replace("{", "&#123;").replace("}", "&#125;").replace("=", "&#61;")
    text = _SCRIPT_SCHEME.sub(lambda m: m.group(1) + "&#58;", text)
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        bang, label, url = match.groups()
        url = url.strip()
        if bang or not url or any(ch.isspace() for ch in url) or not is_safe_url(url.replace("&amp;", "&")) \
                or "\n" in label:
            return match.group(0)
        kept.append(f"[{label}]({url})")
        return f"{_KEPT}{len(kept) - 1}{_KEPT}"

    text = _INLINE_LINK.sub(keep, text)
    text = text.replace("[", "&#91;").replace("]", "&#93;")
    return re.sub(f"{_KEPT}(\\d+){_KEPT}", lambda m: kept[int(m.group(1))], text)


_PLAIN_TEXT = re.compile(r"[\w .,;()/%+\-–—·’]*")  # text that safe_markdown would return unchanged


def cell(value) -> Markup:
    """A value for a Markdown table cell: safe Markdown, on one line, with no column separator."""
    if isinstance(value, str) and _PLAIN_TEXT.fullmatch(value):
        return Markup(value)
    return Markup(" ".join(safe_markdown(value).split()).replace("|", "&#124;"))


_INLINE = python_markdown.Markdown()  # Markdown's own inline syntax, without the extensions of any site


def inline(value) -> Markup:
    """A value for a cell of an HTML table: the safe Markdown of ``cell`` (emphasis, code, safe links), as the
    HTML that Markdown makes of it in a table cell, on one line. Plain text is only escaped.

    Tables whose rows come from the data are written as HTML (``_macros.md.j2``): Python-Markdown then parses
    none of their cells, which was most of a page's MkDocs time."""
    if value is None:
        return Markup("")
    if isinstance(value, str) and "_" not in value and _PLAIN_TEXT.fullmatch(value):  # no emphasis either
        return Markup(" ".join(value.split()))
    text = " ".join(safe_markdown(value).split())
    _INLINE.reset()
    root = ElementTree.Element("div")  # the inline processor works on the text of the root's children
    ElementTree.SubElement(root, "span").text = text
    for name in ("inline", "unescape"):
        root = _INLINE.treeprocessors[name].run(root) or root
    html = _INLINE.serializer(root[0])
    for processor in _INLINE.postprocessors:
        html = processor.run(html)
    return Markup(html[len("<span>"):-len("</span>")])


def block(value) -> Markup:
    """A paragraph of text from the data: safe Markdown, kept on its own lines."""
    return Markup(safe_markdown(value))


def code_block(value, depth: int = 1) -> Markup:
    """Text shown as it is, in an indented Markdown code block: Markdown escapes what is in it, so it is not
    escaped here (a quote stays a quote); every line indented, so no line leaves the block. ``depth``: the block
    inside a notice (2) or deeper."""
    indent = "    " * depth
    return Markup("\n".join(indent + line for line in str(value).rstrip("\n").split("\n")))


def title(value) -> str:
    """A page or navigation title: MkDocs themes print titles unescaped, so it is escaped here."""
    return str(escape(" ".join(str(value).split())))


def status_badge(level: str, label: str | None = None) -> Markup:
    label = label or STATUS_LABELS.get(level, level)
    return Markup(f'<span class="bdp-badge bdp-badge--{escape(level)}">'
                  f'<span aria-hidden="true">{STATUS_ICONS.get(level, "•")}</span> {escape(label)}</span>')


def progress(percent: float) -> Markup:
    width = max(0.0, min(100.0, percent))
    return Markup(f'<span class="bdp-bar" aria-hidden="true"><span style="width: {width:.1f}%"></span></span>')


def trend(figure) -> Markup:
    """A small inline SVG line of a figure's reports over time, with the numbers as its text alternative."""
    history = getattr(figure, "history", None) or []
    if len(history) < 2:
        return Markup("–")
    values = [value for _, value in history]
    low, high = min(values), max(values)
    width, height, pad = 60.0, 16.0, 2.0
    step = (width - 2 * pad) / (len(values) - 1)
    points = [(pad + i * step, height - pad - ((v - low) / (high - low) if high > low else 0.5) * (height - 2 * pad))
              for i, v in enumerate(values)]
    text = f"Tren {figure.label}: " + "; ".join(f"{tanggal(day)}: {angka(value)}" for day, value in history)
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    last_x, last_y = points[-1]
    return Markup(f'<svg class="bdp-trend" viewBox="0 0 60 16" role="img" aria-label="{escape(text)}">'
                  f'<polyline points="{line}"/>'
                  f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="1.8"/></svg>')


def personal_column(contacts) -> bool:
    """Whether a contacts table has a column of personal data: some contact holds any (the internal edition)."""
    return any(c.telepon_pribadi or c.nip or c.nik for c in contacts)


def surel(address: str) -> Markup:
    """An e-mail address, linked, as Markdown writes ``<address>``: every character a numeric character
    reference, which keeps it from the simplest address harvesters."""
    def encoded(text: str) -> str:
        return "".join(f"&#{ord(ch)};" for ch in text)
    return Markup(f'<a href="{encoded("mailto:" + address)}">{encoded(address)}</a>')


def tel(number: str) -> Markup:
    """An office phone in the national format ("(0525) 21500"), linked in its E.164 form ("tel:+6252521500");
    as written and without a link where it is not a known number (validation refuses those)."""
    linked = e164(number)
    if linked is None:
        return Markup(escape(number))
    return Markup(f'<a href="tel:{escape(linked)}">{escape(national(number))}</a>')


def template_sources() -> dict[str, str]:
    """The templates as they are now, read anew at each call (``bulletin serve`` shows an edited one at once)."""
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob("*.j2"))}


def templates_digest(sources: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(sources, sort_keys=True).encode("utf-8", "surrogateescape")).hexdigest()


_ENVIRONMENTS: dict[str, Environment] = {}


def environment(sources: dict[str, str] | None = None) -> Environment:
    """An environment of exactly these template sources (default: as they are now), compiled once per process and
    version of the templates. The sources are held in memory, so what is rendered is what was hashed."""
    sources = template_sources() if sources is None else sources
    digest = templates_digest(sources)
    env = _ENVIRONMENTS.get(digest)
    if env is None:
        env = Environment(loader=DictLoader(sources), autoescape=True, undefined=StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                          bytecode_cache=bytecode_cache("jinja"))
        env.filters.update(tanggal=tanggal, angka=angka, persen=persen, perubahan=perubahan, cell=cell,
                           inline=inline, block=block, badge=status_badge, progress=progress, tel=tel, surel=surel,
                           title=title, trend=trend, code_block=code_block, personal_column=personal_column,
                           reported=any_reported)
        env.globals.update(STATUS_LABELS=STATUS_LABELS, LEVEL_LABELS=LEVEL_LABELS, LEVELS=LEVELS,
                           STATUS_ICONS=STATUS_ICONS, KATEGORI=CATEGORIES)
        if len(_ENVIRONMENTS) >= 4:  # a preview whose templates are being edited: keep the latest few
            _ENVIRONMENTS.pop(next(iter(_ENVIRONMENTS)))
        _ENVIRONMENTS[digest] = env
    return env


def bytecode_cache(name: str) -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates in the user's cache folder ``bulletin/<name>``, by template name (and
    file) and source checksum: a changed source is compiled anew. None where it cannot be written."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bulletin" / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


# --- pages --------------------------------------------------------------------------------------

SECTIONS = [  # the navigation: one entry per section, whatever the size of the desk
    ("Beranda", "index.md"),
    ("Kecamatan", "kecamatan/index.md"),
    ("Instansi", "instansi/index.md"),
    ("Rapat", "rapat/index.md"),
    ("Tindak lanjut", "tindak-lanjut.md"),
    ("Risiko", "risiko.md"),
    ("Kontak", "kontak.md"),
    ("Data terbuka", "data-terbuka.md"),
    ("Catatan data", "catatan-data.md"),
    ("Informasi dikecualikan", "dikecualikan.md"),
]


@dataclass(frozen=True)
class PageSpec:
    path: str
    template: str
    context: dict
    region: str | None = None  # the province a page belongs to, for builds split by region
    search: tuple[str, str] | None = None  # (title, text): indexed by this summary instead of its full text


@dataclass
class RenderedSite:
    """What the builder needs of an edition: the pages and how they are navigated, split and searched."""

    pages: dict[str, str]  # path → Markdown
    nav: list  # MkDocs' ``nav`` shape
    regions: dict[str, str]  # path → province code, for pages that belong to one province
    search: dict[str, tuple[str, str]]  # path → (title, text) of pages indexed by a summary
    redirects: dict[str, str]  # old page path → the page (and #anchor) it moved to
    links: dict[str, frozenset[str]]  # path → the pages it links to


def page_specs(model: SiteModel) -> list[PageSpec]:
    """Every generated page, with its template and context."""
    from generator.render.whatsapp import meeting_summary, readiness_summary  # it writes dates as this module does

    pages = [PageSpec("index.md", "beranda.md.j2", {"whatsapp": readiness_summary(model)}),
             PageSpec("kecamatan/index.md", "kecamatan-index.md.j2", {})]
    pages += [PageSpec(w.page, "wilayah.md.j2", {"wilayah": w}, w.kode[:2], (w.nama, w.search_text))
              for w in model.regions]
    pages += [PageSpec(k.page, "kecamatan.md.j2", {"kecamatan": k}, k.kode[:2], (f"Kecamatan {k.nama}", k.search_text))
              for k in model.kecamatan]
    pages.append(PageSpec("instansi/index.md", "instansi-index.md.j2", {}))
    pages += [PageSpec(i.page, "instansi.md.j2", {"instansi": i}, i.wilayah[0][:2] if i.wilayah else None,
                       (i.nama, i.search_text)) for i in model.instansi]
    pages.append(PageSpec("rapat/index.md", "rapat-index.md.j2", {}))
    pages += [PageSpec(r.page, "rapat.md.j2", {"rapat": r, "whatsapp": meeting_summary(model, r.slug)})
              for r in model.rapat]
    pages += [PageSpec("tindak-lanjut.md", "tindak-lanjut.md.j2", {}),
              PageSpec("risiko.md", "risiko.md.j2", {}),
              PageSpec("kontak.md", "kontak.md.j2", {}),
              PageSpec("data-terbuka.md", "data-terbuka.md.j2", {}),
              PageSpec("catatan-data.md", "catatan-data.md.j2", {}),
              PageSpec("dikecualikan.md", "dikecualikan.md.j2", {})]
    # What Material leaves out of each page (front matter ``hide``), as the model decides; what each page says of
    # itself (``description``, and the status of its link preview: generator.render.summary, built on this module)
    from generator.render.summary import page_summary
    return [replace(spec, context={**spec.context, "hide": model.hidden(spec.path), **page_summary(model, spec)})
            for spec in pages]


# Pages whose text depends on their own view and the edition's ``PageHeader`` only: they get the header as
# ``site`` (a template asking for more fails), and their text is remembered by the hash of both.
HEADER_ONLY = {"kecamatan.md.j2", "instansi.md.j2", "wilayah.md.j2"}


def render(model: SiteModel) -> dict[str, str]:
    """Every page of the edition as Markdown, keyed by its path (``kecamatan/jenamas.md``)."""
    return render_site(model).pages


def render_site(model: SiteModel, memo: Memo | None = None) -> RenderedSite:
    """The pages of the edition and what the builder needs to place, split and index them.

    With a ``memo``, a page whose view and header are as in an earlier run is taken from it, not rendered.
    """
    sources = template_sources()
    env = environment(sources)
    code = _code_key(templates_digest(sources)) if memo is not None else ""
    header = model.header
    specs = page_specs(model)
    keys: dict[str, str] = {}
    if memo is not None:
        header_text = repr(header)
        keys = {spec.path: _memo_key(code, spec, header_text) for spec in specs if spec.template in HEADER_ONLY}
    remembered_pages = memo.get_many(keys.values()) if memo is not None else {}
    pages, regions, search, links = {}, {}, {}, {}
    for spec in specs:
        folder = posixpath.dirname(spec.path) or "."
        targets: set[str] = set()

        # A Markdown link's target is the page's file (MkDocs makes it the page's address); an HTML link's is the
        # page's address, as MkDocs writes a Markdown link's.
        link = _linker(lambda path, _folder=folder: relative_path(path, _folder), targets)
        url = _linker(lambda path, _page=spec.path: relative_url(path, _page), targets)

        header_only = spec.template in HEADER_ONLY
        key = keys.get(spec.path)
        remembered = remembered_pages.get(key) if key else None
        if remembered is not None:
            text, linked = pickle.loads(remembered)
            targets.update(linked)
        else:
            text = env.get_template(spec.template).render(page_path=spec.path, link=link, url=url,
                                                          site=header if header_only else model, **spec.context)
            if key:
                memo.put(key, pickle.dumps((text, sorted(targets)), protocol=5))
        pages[spec.path] = text
        links[spec.path] = frozenset(targets)
        if spec.region:
            regions[spec.path] = spec.region
        if spec.search:
            search[spec.path] = spec.search
    return RenderedSite(pages, navigation(model), regions, search, redirects(model), links)


def _linker(relative, targets: set[str]):
    """A template's link function: ``target`` (a page path, maybe with ``#anchor``) as ``relative`` writes it,
    the page noted in ``targets``."""
    def link(target: str) -> str:
        path, _, anchor = target.partition("#")
        targets.add(path)
        written = relative(path) if path else ""
        return f"{written}#{anchor}" if anchor else written
    return link


def _code_key(templates: str) -> str:
    """The code a page's text is made by: the templates as they are now, and the generator's code (its filters
    and the model classes whose properties the templates read) with what it runs on."""
    return hashlib.sha256(f"{fingerprint.code()}\0{templates}".encode()).hexdigest()


def _memo_key(code: str, spec: PageSpec, header: str) -> str:
    """The hash of all a page's text is made from: the code, its path, its view and the header (``header``: the
    header's ``repr``, written once per edition, not once per page).

    Views are dataclasses and pydantic models, whose ``repr`` lists every field in a fixed order (a pickle
    would not do: pydantic pickles a set, whose order changes from one process to the next)."""
    digest = hashlib.sha256(code.encode())
    digest.update(repr((spec.path, spec.template, spec.context)).encode("utf-8", "surrogateescape"))
    digest.update(b"\0" + header.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def relative_path(target: str, folder: str) -> str:
    """``target`` (a page path) as seen from ``folder``: posixpath.relpath for clean relative paths, without
    touching the file system (it is called for every link of every page)."""
    parts = target.split("/")
    base = [] if folder in ("", ".") else folder.split("/")
    common = 0
    while common < len(base) and common < len(parts) - 1 and base[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:])


def page_url(path: str) -> str:
    """A page's address in the site, as MkDocs gives it with ``use_directory_urls`` (which the bulletin
    requires): ``kecamatan/jenamas.md`` → ``kecamatan/jenamas/``, ``kecamatan/index.md`` → ``kecamatan/``,
    ``index.md`` → ``./``. A file that is not a page (``unduh/data.csv``) keeps its path."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5] or "./"
    return stem + "/"


def relative_url(target: str, page: str) -> str:
    """The address of ``target`` (a page or file path) as seen from the page ``page``: what MkDocs writes for a
    Markdown link from one to the other (mkdocs.utils.get_relative_url of their addresses)."""
    address = page_url(target)
    base = [part for part in page_url(page).split("/") if part not in ("", ".")]
    parts = [part for part in address.split("/") if part not in ("", ".")]
    common = 0
    while common < len(base) and common < len(parts) and base[common] == parts[common]:
        common += 1
    relative = "/".join([".."] * (len(base) - common) + parts[common:]) or "."
    return quote(relative + "/" if address.endswith("/") else relative)


def navigation(model: SiteModel) -> list:
    """The navigation in MkDocs' ``nav`` shape: the sections only, so it does not grow with the desk.

    Pages below a section (a kecamatan, an agency, a meeting) are reached from its index page and carry
    their own trail back to it.
    """
    return [{title: path} for title, path in SECTIONS]


def redirects(model: SiteModel) -> dict[str, str]:
    """Pages that moved since the addresses of an earlier release (the model says which)."""
    return dict(model.moved)


def write_pages(pages: dict[str, str], out_dir: Path) -> None:
    """Write rendered pages under ``out_dir``, refusing any path that would leave it."""
    root = Path(out_dir).resolve()
    for path, text in sorted(pages.items()):
        target = (root / path).resolve()
        if root not in target.parents:
            raise ValueError(f"jalur halaman di luar folder tujuan: {path}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
