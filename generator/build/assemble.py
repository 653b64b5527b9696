"""Putting a site together from the stores: pages, theme assets, one search index, the sitemap, redirects."""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import os
from pathlib import Path

from generator.build import processes
from generator.build.mkdocs_run import SEARCH_INDEX
from generator.build.offline import write_copy, write_service_worker
from generator.build.output import Output
from generator.build.plan import SitePlan, UnitPlan
from generator.build.publish import mark_internal
from generator.build.store import Store
from generator.build.versions import ALIAS, ICON, redirect_page, write_version_index
from generator.domain.editions import INTERNAL, offline_copy
from generator.memo import Memo

# --- putting a site together ---------------------------------------------------------------------------


class PageMissing(Exception):
    """A page of the plan is in none of the stores (a part of a split build is missing)."""


def assemble(plan: SitePlan, stores: list[Store], out: Path, editions: tuple[str, ...] | None = None,
             memo: Path | None = None, workers: int = 1) -> None:
    """Write the site of ``plan`` into ``out`` (``out/<edition>/<edisi>/``) from pages held by ``stores``
    (``memo``: where the offline copies' compressed entries are remembered between builds; ``workers``: the
    processes their entries may be made in). With more than one process, the units without an offline copy (the
    internal edition) of a site of ``BESIDE_FROM`` pages or more are put together in a forked process while this
    one makes the others and their copies: a national edition's 9,400 links take a second."""
    editions = editions or tuple(dict.fromkeys(unit.edition for unit in plan.units))
    units = [unit for unit in plan.units if unit.edition in editions]
    beside = [unit for unit in units if not offline_copy(unit.edition, unit.edisi)]
    if workers < 2 or len(beside) == len(units) or sum(len(unit.pages) for unit in units) < BESIDE_FROM:
        beside = []
    with processes.forked(beside, [store.root for store in stores], out, plan.base_url) if beside \
            else contextlib.nullcontext() as worker:
        made_beside = worker.apply_async(_assemble_inherited) if beside else None
        digests: dict[str, list[str]] = {}
        for unit in units:
            if any(unit is other for other in beside):
                continue
            folder = out / unit.edition / unit.edisi
            cached = assemble_unit(unit, stores, folder, plan.base_url)
            if offline_copy(unit.edition, unit.edisi):
                site_url = f"{plan.base_url.rstrip('/')}/{unit.edisi}/" if plan.base_url else None
                entries = Memo(memo, f"salinan/{unit.edition}/{unit.edisi}") if memo else None
                digests.setdefault(unit.edition, []).append(
                    write_copy(folder, unit.edisi, site_url, entries, workers, cached).digest)
                if entries:
                    entries.commit()
        if made_beside is not None:
            made_beside.get()  # a page missing there is raised here
    for edition in editions:
        write_version_index(out / edition, plan.versions, plan.base_url, internal=edition == INTERNAL)
        if edition in digests:  # the public edition's service worker, after every file it lists is written
            write_service_worker(out / edition, plan.versions[0][0], ALIAS, digests[edition])


BESIDE_FROM = 2_000  # pages of the site: a smaller one's units are put together in less time than a fork takes


def _assemble_inherited() -> None:
    units, roots, out, base_url = processes.inherited()
    stores = [Store(root) for root in roots]  # their own databases: an SQLite connection is not carried over a fork
    try:
        for unit in units:
            assemble_unit(unit, stores, out / unit.edition / unit.edisi, base_url)
    finally:
        for store in stores:
            store.close()


def assemble_unit(unit: UnitPlan, stores: list[Store], out_dir: Path, base_url: str | None) -> dict[str, str]:
    """The unit's folder ``out_dir``, its pages linked from the stores; returns those pages (their files, relative
    to ``out_dir``) with their keys."""
    assets = next((found for store in stores if (found := store.assets(unit.context))), None)
    if assets is None:
        raise PageMissing(f"aset tema {unit.key} tidak ada di bagian mana pun (bagian \"umum\" belum dibangun?)")
    out = Output(out_dir)
    out.link_tree(assets, skip={"search.json"})
    docs, urls = [], []
    cached: dict[str, str] = {}
    held: dict[str, tuple[str, dict]] = {}
    for store in reversed(stores):  # the first store that holds a page wins
        held.update(store.pages(set(unit.pages.values())))
    for path, key in sorted(unit.pages.items()):
        found = held.get(key)
        if found is None:
            raise PageMissing(f"halaman {path} ({unit.key}, wilayah {unit.regions.get(path, 'umum')}) tidak ada di "
                              "bagian mana pun")
        html_file, meta = found
        out.link(html_file, meta["dest"])
        cached[meta["dest"]] = key
        if meta["image"]:
            out.link(meta["image_file"], meta["image"])
        docs += meta["search"]
        urls.append(meta["url"])
    config = json.loads((assets / "search.json").read_text(encoding="utf-8"))
    out.write(SEARCH_INDEX, json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")))
    site_url = f"{base_url.rstrip('/')}/{unit.edisi}/" if base_url else None
    sitemap = sitemap_xml(urls, site_url)
    out.write("sitemap.xml", sitemap)
    out.write("sitemap.xml.gz", gzip.compress(sitemap.encode("utf-8"), mtime=0))
    for path, text in unit.downloads.items():  # written here: none of them is a page of the cache
        out.write(path, text)
        cached.pop(path, None)
    for old, new in unit.redirects.items():
        icon = os.path.relpath(ICON, os.path.dirname(_dest(old)) or ".").replace(os.sep, "/")
        cached.pop(_dest(old), None)
        out.write(_dest(old), redirect_page(_relative_url(_dest(old), new), "halaman barunya", icon,
                                            internal=unit.edition == INTERNAL))
    if unit.edition == INTERNAL:
        mark_internal(out_dir)
    return cached


def sitemap_xml(urls: list[str], site_url: str | None) -> str:
    """The sitemap MkDocs writes, without the build date (the same data gives the same file)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    if site_url:
        lines += [f"    <url>\n         <loc>{html.escape(site_url + url)}</loc>\n    </url>" for url in urls]
    return "\n".join(lines) + "\n</urlset>"


def _dest(path: str) -> str:
    """Where MkDocs writes a page with directory URLs: kecamatan/jenamas.md → kecamatan/jenamas/index.html."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + "index.html"
    return stem + "/index.html"


def _relative_url(from_dest: str, target: str) -> str:
    path, _, anchor = target.partition("#")
    url = _dest(path)[: -len("index.html")]
    relative = os.path.relpath(url or ".", os.path.dirname(from_dest) or ".").replace(os.sep, "/") + "/"
    return relative + (f"#{anchor}" if anchor else "")
