"""The build: finished pages → the site, every site edition × every election edition, built only where
something changed, in parallel processes, and switched in as one step.

    plan        each publication's pages, keyed by a hash of everything that makes their HTML
    build       MkDocs runs (``generator.build.mkdocs_run``) for the pages no store holds yet, in worker processes
    assemble    the site put together from the stores: pages, theme assets, one search index, sitemap, versions
    switch      ``site`` is a symbolic link to the newest complete build; one rename replaces it

A page's key covers its Markdown, the site around it (navigation, the list of pages, mkdocs.yml, theme,
hand-written content, the election editions, the site address) and the versions of the generator, MkDocs
and Material, so a changed template changes the Markdown it renders and a changed theme rebuilds every page.
Stores are the local cache (``.cache/bulletin/``) and, for builds split across machines, the folders of the
parts (``bulletin build --wilayah``, joined by ``bulletin assemble``).

    site -> .site-versi/<build>/       the link, switched by one rename
    .site-versi/<build>/publik/<edisi>/   the public edition of each election edition, versions.json, alias
    .site-versi/<build>/internal/<edisi>/ the internal one, with the marker file of generator.build.publish

A failed or interrupted build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import gzip
import hashlib
import html
import importlib
import json
import math
import multiprocessing.pool
import os
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator import fingerprint
from generator.build import processes
from generator.build.job import BuildFailed, Job, JobOutput
from generator.build.mkdocs_run import SEARCH_INDEX, run_job
from generator.build.output import Output
from generator.build.publish import mark_internal
from generator.build.versions import ICON, redirect_page, write_version_index
from generator.domain.editions import INTERNAL
from generator.pipeline import Publication
from generator.project import Project

__all__ = ["BuildFailed", "Builder", "SitePlan", "build_site"]

VERSIONS_FOLDER = "-versi"  # .site-versi/ beside site/
LOCK = ".kunci"  # the lock file of a cache, a part folder or a site's builds
PARTS_MANIFEST = "bagian.json"
UMUM = "umum"  # the part of the pages that belong to no province: home, indexes, meetings, downloads
MIN_CHUNK = 250  # pages per MkDocs run at least: each run costs about half a second before its first page
MAX_CHUNK = 1_500  # and at most: MkDocs holds every page of a run in memory until the run ends


# --- the plan: what the site is made of, page by page --------------------------------------------------


@dataclass
class UnitPlan:
    """One site edition × election edition: its pages by key, and the files written beside them."""

    edition: str
    edisi: str
    context: str  # hash of everything around the pages
    pages: dict[str, str]  # page path → key
    regions: dict[str, str]  # page path → province code, for builds split by region
    downloads: dict[str, str]
    redirects: dict[str, str]

    @property
    def key(self) -> str:
        return f"{self.edition}/{self.edisi}"


@dataclass
class SitePlan:
    versions: list[tuple[str, str]]  # (id, title), newest first
    base_url: str | None
    units: list[UnitPlan]

    def digest(self) -> str:
        return _hash(json.dumps(asdict(self), sort_keys=True))


def site_context(project: Project) -> str:
    """The hash of what surrounds every page: configuration, theme, hand-written content, and the code that
    builds it (the generator, MkDocs, Material and everything else installed: ``generator.fingerprint``)."""
    digest = hashlib.sha256(fingerprint.code().encode())
    digest.update(project.config_file.read_bytes() + b"\0")
    for folder in (project.theme_dir, project.content_dir):
        files = [path for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []
        digest.update(fingerprint.digest_files(files, folder).encode())
    return digest.hexdigest()


def content_pages(project: Project) -> list[str]:
    return sorted(p.relative_to(project.content_dir).as_posix() for p in project.content_dir.rglob("*.md")) \
        if project.content_dir.is_dir() else []


def plan_unit(publication: Publication, site: str, content: list[str], site_url: str | None, strict: bool,
              problems: list[str] = ()) -> UnitPlan:
    rendered = publication.site
    paths = sorted([*rendered.pages, *content])
    context = _hash(json.dumps([site, publication.edition, publication.edisi, publication.title, publication.newest,
                                rendered.nav, paths, sorted(publication.downloads), site_url, strict, list(problems),
                                publication.complete]))
    pages = {path: _hash(context, path, rendered.pages.get(path, ""), json.dumps(rendered.search.get(path)))
             for path in paths}
    return UnitPlan(publication.edition, publication.edisi, context, pages, dict(rendered.regions),
                    publication.downloads, rendered.redirects)


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


# --- stores: built pages by key ----------------------------------------------------------------------------


class Store:
    """Built pages and theme assets by key, in a folder: the local cache, or a part of a split build.

        pages/<k[:2]>/<key>.html     a built page
        pages.sqlite                 where each page goes (dest, url) and its search entries
        assets/<context>/            the theme's files and the 404 page of a unit, and search.json

    One database rather than a small file per page: at national scale that is 18,800 files fewer to write.
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self.made: set[str] = set()
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.root.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.root / "pages.sqlite")
            self._db.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, dest TEXT, url TEXT, search TEXT)")
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def html(self, key: str) -> str:
        return os.path.join(self.root, "pages", key[:2], key + ".html")

    def known(self) -> set[str]:
        return {key for (key,) in self.db.execute("SELECT key FROM pages")}

    def pages(self, keys: set[str]) -> dict[str, tuple[str, dict]]:
        """key → (HTML file, {dest, url, search}) of the pages held here."""
        out = {}
        for key, dest, url, search in self.db.execute("SELECT key, dest, url, search FROM pages"):
            if key in keys:
                out[key] = (self.html(key), {"dest": dest, "url": url, "search": json.loads(search)})
        return out

    def put_pages(self, pages: list[tuple[str, Path, dict]]) -> None:
        """Move each built HTML file in, then record them all in one transaction."""
        for key, html_file, _ in pages:
            target = self.html(key)
            folder = os.path.dirname(target)
            if folder not in self.made:
                os.makedirs(folder, exist_ok=True)
                self.made.add(folder)
            os.replace(html_file, target)
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)",
                                [(key, meta["dest"], meta["url"], json.dumps(meta["search"], ensure_ascii=False))
                                 for key, _, meta in pages])

    def assets(self, context: str) -> Path | None:
        folder = self.root / "assets" / context
        return folder if (folder / "search.json").is_file() else None

    def put_assets(self, context: str, output: JobOutput) -> None:
        target = self.root / "assets" / context
        staging = Path(tempfile.mkdtemp(prefix=".assets-", dir=self.root))
        for relative in output.assets:
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            os.replace(output.site_dir / relative, staging / relative)
        (staging / "search.json").write_text(json.dumps(output.search_config), encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging, target)

    def prune(self, pages: set[str], contexts: set[str]) -> None:
        """Forget what no current build uses."""
        stale = [key for key in self.known() if key not in pages]
        with self.db:
            self.db.executemany("DELETE FROM pages WHERE key = ?", [(key,) for key in stale])
        for key in stale:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.html(key))
        for path in (self.root / "assets").glob("*"):
            if path.name not in contexts:
                shutil.rmtree(path, ignore_errors=True)


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


# --- running MkDocs ------------------------------------------------------------------------------------


PRELOAD = ("generator.build.mkdocs_run", "material.plugins.search.plugin", "markdown.extensions.toc",
           "markdown.extensions.tables", "markdown.extensions.md_in_html")


def mkdocs_workers(workers: int) -> multiprocessing.pool.Pool:
    """Processes for MkDocs runs, forked before the pipeline loads any data (so they are small, share nothing
    of it, and have MkDocs imported already): each run is sent just the pages it builds."""
    for module in PRELOAD:
        importlib.import_module(module)
    return processes.pool(workers, "fork")


def _run(job: Job, config_file: Path, site_dir: Path, strict: bool, site_url: str | None) -> JobOutput:
    """One MkDocs run. Python-Markdown leaves a reference cycle per page (each converter and its processors):
    the cyclic collector must run, but less often than by default. (Not ``gc.freeze``: what a run leaves in
    MkDocs' module-level state would then stay for good, run after run.)"""
    previous = gc.get_threshold()
    gc.set_threshold(20_000, 20, 20)
    try:
        return run_job(config_file, site_dir, job, strict=strict, site_url=site_url)
    finally:
        gc.set_threshold(*previous)
        processes.release_memory()


@dataclass
class Builder:
    project: Project
    cache: Store
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    strict: bool = True
    base_url: str | None = None
    problems: list[str] = field(default_factory=list)  # the preview's banner
    timings: dict[str, float] = field(default_factory=dict)
    executor: multiprocessing.pool.Pool | None = None  # MkDocs' worker processes, when started beforehand

    def site_url(self, edisi: str) -> str | None:
        return f"{self.base_url.rstrip('/')}/{edisi}/" if self.base_url else None

    def build(self, publications: Iterable[Publication], versions: list[tuple[str, str]],
              regions: set[str] | None = None, target: Store | None = None) -> SitePlan:
        """Plan each publication as it comes and start MkDocs on the pages ``target`` (default: the cache)
        does not hold yet, while the next publication is made; then wait for all and store what they built.
        With ``regions``, only the pages of these provinces ("umum": the pages of no province, with the theme's
        assets). Returns the plan of the whole site."""
        started = time.monotonic()
        target = target or self.cache
        site, content = site_context(self.project), content_pages(self.project)
        known = target.known()
        tmp = target.root / "tmp"
        shutil.rmtree(tmp, ignore_errors=True)  # what a killed build left
        tmp.mkdir(parents=True, exist_ok=True)
        runs = _Runs(self, tmp)
        units = []
        try:
            for publication in publications:
                processes.release_memory()  # the model this publication was made from was just dropped
                unit = plan_unit(publication, site, content, self.site_url(publication.edisi), self.strict,
                                 self.problems)
                units.append(unit)
                wanted = [path for path in sorted(unit.pages)
                          if regions is None or unit.regions.get(path, UMUM) in regions]
                missing = [path for path in wanted if unit.pages[path] not in known]
                assets = (regions is None or UMUM in regions) and not target.assets(unit.context)
                for build_only, with_assets in _chunks(missing, assets, self.workers):
                    runs.start(publication, unit, build_only, with_assets)
            waited = time.monotonic()
            done = runs.wait()
            stored = time.monotonic()
            for unit, with_assets, output in done:
                target.put_pages([(unit.pages[page.path], output.site_dir / page.dest,
                                   {"dest": page.dest, "url": page.url, "search": page.search})
                                  for page in output.pages])
                if with_assets:
                    target.put_assets(unit.context, output)
                shutil.rmtree(output.site_dir, ignore_errors=True)
        except BaseException:  # an error or an interruption, while MkDocs writes or while its pages are stored
            runs.stop()
            raise
        self.timings.update({
            "mkdocs_runs_cpu": sum(output.cpu_seconds for _, _, output in done),
            "store": time.monotonic() - stored, "mkdocs": time.monotonic() - waited,
            "plan_and_start": waited - started, "pages_built": sum(len(output.pages) for _, _, output in done),
            "mkdocs_runs": len(done)})
        return SitePlan(versions, self.base_url, units)


class _Runs:
    """The MkDocs runs of a build: in the worker processes when there are any (started as soon as their pages
    are known), else one after the other in this process."""

    def __init__(self, builder: Builder, tmp: Path):
        self.builder, self.tmp = builder, tmp
        self.pending: list[tuple[UnitPlan, bool, Path, object]] = []
        self.executor = builder.executor if builder.workers > 1 else None
        self.own = False

    def start(self, publication: Publication, unit: UnitPlan, build_only: frozenset[str], with_assets: bool):
        builder = self.builder
        folder = Path(tempfile.mkdtemp(prefix="run-", dir=self.tmp))
        args = (builder.project.config_file, folder, builder.strict, builder.site_url(publication.edisi))
        if builder.workers <= 1:
            output = _run(Job(publication, build_only, with_assets, builder.problems), *args)
            self.pending.append((unit, with_assets, folder, output))
            return
        if self.executor is None:
            self.executor, self.own = mkdocs_workers(builder.workers), True
        job = Job(publication.part(build_only), build_only, with_assets, builder.problems)
        self.pending.append((unit, with_assets, folder, self.executor.apply_async(_run, (job, *args))))

    def wait(self) -> list[tuple[UnitPlan, bool, JobOutput]]:
        done = [(unit, with_assets, result if isinstance(result, JobOutput) else result.get())
                for unit, with_assets, _, result in self.pending]
        self._close()
        return done

    def stop(self) -> None:
        """On an error or an interruption: no worker goes on writing, and nothing half-written stays."""
        if self.executor is not None:
            self.executor.terminate()
            self.executor.join()
        # every run's folder, also one made just before the interruption and not yet in self.pending
        shutil.rmtree(self.tmp, ignore_errors=True)
        self._close()

    def _close(self) -> None:
        if self.own and self.executor is not None:
            self.executor.close()
            self.executor.join()
            self.executor = None


def _chunks(missing: list[str], assets: bool, workers: int) -> list[tuple[frozenset[str], bool]]:
    """The missing pages of one unit in runs big enough to be worth a process, the first with the assets."""
    if not missing:
        return [(frozenset(), True)] if assets else []
    size = min(MAX_CHUNK, max(MIN_CHUNK, math.ceil(len(missing) / max(1, workers))))
    return [(frozenset(missing[i:i + size]), assets and i == 0) for i in range(0, len(missing), size)]


# --- putting a site together ---------------------------------------------------------------------------


class PageMissing(Exception):
    """A page of the plan is in none of the stores (a part of a split build is missing)."""


def assemble(plan: SitePlan, stores: list[Store], out: Path, editions: tuple[str, ...] | None = None) -> None:
    """Write the site of ``plan`` into ``out`` (``out/<edition>/<edisi>/``) from pages held by ``stores``."""
    editions = editions or tuple(dict.fromkeys(unit.edition for unit in plan.units))
    for unit in plan.units:
        if unit.edition in editions:
            assemble_unit(unit, stores, out / unit.edition / unit.edisi, plan.base_url)
    for edition in editions:
        write_version_index(out / edition, plan.versions, plan.base_url, internal=edition == INTERNAL)


def assemble_unit(unit: UnitPlan, stores: list[Store], out_dir: Path, base_url: str | None) -> None:
    assets = next((found for store in stores if (found := store.assets(unit.context))), None)
    if assets is None:
        raise PageMissing(f"aset tema {unit.key} tidak ada di bagian mana pun (bagian \"umum\" belum dibangun?)")
    out = Output(out_dir)
    out.link_tree(assets, skip={"search.json"})
    docs, urls = [], []
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
        docs += meta["search"]
        urls.append(meta["url"])
    config = json.loads((assets / "search.json").read_text(encoding="utf-8"))
    out.write(SEARCH_INDEX, json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")))
    site_url = f"{base_url.rstrip('/')}/{unit.edisi}/" if base_url else None
    sitemap = sitemap_xml(urls, site_url)
    out.write("sitemap.xml", sitemap)
    out.write("sitemap.xml.gz", gzip.compress(sitemap.encode("utf-8"), mtime=0))
    for path, text in unit.downloads.items():
        out.write(path, text)
    for old, new in unit.redirects.items():
        icon = os.path.relpath(ICON, os.path.dirname(_dest(old)) or ".").replace(os.sep, "/")
        out.write(_dest(old), redirect_page(_relative_url(_dest(old), new), "halaman barunya", icon,
                                            internal=unit.edition == INTERNAL))
    if unit.edition == INTERNAL:
        mark_internal(out_dir)


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


# --- switching: the site is a link to the newest complete build --------------------------------------


def versions_folder(site: Path) -> Path:
    return site.parent / f".{site.name}{VERSIONS_FOLDER}"


def new_build_folder(site: Path) -> Path:
    folder = versions_folder(site)
    folder.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=folder))
    build.chmod(0o755)  # readable by the web server, like any folder it serves
    return build


def switch(site: Path, build: Path) -> None:
    """Point ``site`` at ``build`` in one rename. The build it pointed at stays until the next build starts
    (a way back, and its deletion does not hold up this build)."""
    link = site.with_name(f".{site.name}.baru")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(build, site.parent))
    if site.exists() and not site.is_symlink():  # a site from before links: moved aside once, by rename
        site.rename(versions_folder(site) / f"lama-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(link, site)


def stale_builds(site: Path) -> list[Path]:
    """Builds that are not the current one: the one before it, or one left by a build that was killed.
    (Call it holding ``locked_site``: another build's folder is never stale while that build runs.)"""
    current = site.resolve() if site.is_symlink() else None
    folder = versions_folder(site)
    site.with_name(f".{site.name}.baru").unlink(missing_ok=True)
    return [path for path in (folder.iterdir() if folder.is_dir() else [])
            if path.is_dir() and not path.is_symlink() and path.resolve() != current]


def remove_stale(site: Path) -> None:
    for path in stale_builds(site):
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def removing_stale(site: Path):
    """Delete the stale builds in the background while this build runs (deleting 50,000 files takes seconds)."""
    stale = stale_builds(site)  # listed now, before this build adds its own folder
    cleaner = threading.Thread(target=lambda: [shutil.rmtree(path, ignore_errors=True) for path in stale],
                               name="hapus-build-lama")
    cleaner.start()
    try:
        yield
    finally:
        cleaner.join()


@contextlib.contextmanager
def locked_folder(folder: Path):
    """One process at a time changes ``folder``: a lock on the file ``.kunci`` in it, held until the block ends
    (the kernel lets it go if the process dies)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def locked(cache: Store):
    """One build at a time uses a cache (or a part folder): its pages, assets and what it remembers."""
    return locked_folder(cache.root)


def locked_site(site: Path):
    """One build, assembly or preview at a time lists, adds, switches or removes the builds of ``site``.
    Taken after the cache's lock where both are held."""
    return locked_folder(versions_folder(site))


def build_site(project: Project, publications: Iterable[Publication], versions: list[tuple[str, str]],
               editions: tuple[str, ...], site_dir: Path | None = None, base_url: str | None = None,
               strict: bool = True, workers: int | None = None, cache_dir: Path | None = None,
               executor: multiprocessing.pool.Pool | None = None) -> Builder:
    """Build ``editions`` × every election edition into ``site_dir`` (default ``site/``) and switch it in."""
    site = Path(site_dir or project.site_dir).absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    cache = Store(cache_dir or project.cache_dir)
    builder = Builder(project, cache, workers or os.cpu_count() or 1, strict, base_url, executor=executor)
    with locked(cache), locked_site(site):
        with removing_stale(site):
            plan = builder.build(publications, versions)
            started = time.monotonic()
            build = new_build_folder(site)
            try:
                assemble(plan, [cache], build, editions)
                for edition in ("publik", INTERNAL):  # an edition not rebuilt this time stays as it was
                    previous = site / edition
                    if edition not in editions and previous.is_dir():
                        Output(build / edition).link_tree(previous)
            except BaseException:
                shutil.rmtree(build, ignore_errors=True)
                raise
        switch(site, build)
        builder.timings["assemble"] = time.monotonic() - started
        record_use(cache, plan)
        cache.close()
    return builder


def record_use(cache: Store, plan: SitePlan) -> None:
    """Remember which pages each unit uses, and forget pages no unit uses any more."""
    used_file = cache.root / "dipakai.json"
    used = json.loads(used_file.read_text(encoding="utf-8")) if used_file.is_file() else {}
    for unit in plan.units:
        used[unit.key] = {"context": unit.context, "pages": sorted(unit.pages.values())}
    _write_atomic(used_file, json.dumps(used))
    cache.prune({key for entry in used.values() for key in entry["pages"]},
                {entry["context"] for entry in used.values()})


# --- builds split by region, across machines -------------------------------------------------------------



class PartsMismatch(Exception):
    """The parts given to ``assemble`` were not built from the same data and configuration."""


def build_part(project: Project, publications: Iterable[Publication], versions: list[tuple[str, str]],
               regions: set[str], out: Path, base_url: str | None = None, strict: bool = True,
               workers: int | None = None, executor: multiprocessing.pool.Pool | None = None) -> Builder:
    """The pages of ``regions`` (province codes, and "umum") of every publication, into the part folder ``out``."""
    part = Store(out)
    builder = Builder(project, part, workers or os.cpu_count() or 1, strict, base_url, executor=executor)
    with locked(part):
        plan = builder.build(publications, versions, regions=regions)
        if any(unit.edition == INTERNAL for unit in plan.units):
            mark_internal(part.root)
        _write_atomic(part.root / PARTS_MANIFEST, json.dumps({"wilayah": sorted(regions), "digest": plan.digest(),
                                                              "plan": asdict(plan)}, ensure_ascii=False))
    return builder


def assemble_parts(parts: list[Path], site_dir: Path, editions: tuple[str, ...] | None = None) -> SitePlan:
    """One site from the parts of a split build, switched in as one step like any build."""
    manifests = []
    for folder in parts:
        manifest = Path(folder) / PARTS_MANIFEST
        if not manifest.is_file():
            raise PartsMismatch(f"{folder} bukan bagian hasil `bulletin build --wilayah` (tidak ada {PARTS_MANIFEST})")
        manifests.append(json.loads(manifest.read_text(encoding="utf-8")))
    digests = {m["digest"] for m in manifests}
    if len(digests) > 1:
        raise PartsMismatch("bagian-bagian dibangun dari data atau konfigurasi yang berbeda; bangun ulang semuanya "
                            "dari commit yang sama")
    raw = manifests[0]["plan"]
    plan = SitePlan([tuple(v) for v in raw["versions"]], raw["base_url"], [UnitPlan(**u) for u in raw["units"]])
    site = Path(site_dir).absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    with locked_site(site):
        remove_stale(site)
        build = new_build_folder(site)
        try:
            assemble(plan, [Store(folder) for folder in parts], build, editions)
            switch(site, build)
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            raise
    return plan
