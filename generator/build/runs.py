"""Running MkDocs: the pages no store holds yet, in runs of a few hundred, in worker processes while the next
edition is rendered."""

from __future__ import annotations

import gc
import importlib
import math
import multiprocessing.pool
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.build import processes
from generator.build.job import Job, JobOutput
from generator.build.mkdocs_run import run_job
from generator.build.plan import UMUM, SitePlan, UnitPlan, content_pages, plan_unit, site_context
from generator.build.store import Store
from generator.domain.editions import PUBLIK
from generator.pipeline import Publication
from generator.project import Project

MIN_CHUNK = 250  # pages per MkDocs run at least: each run costs about half a second before its first page
MAX_CHUNK = 1_500  # and at most: MkDocs holds every page of a run in memory until the run ends


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


def _run_sent(job: bytes, *args) -> JobOutput:
    return _run(pickle.loads(job), *args)


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
    offline: bool = True  # the public edition's service worker (generator.build.offline); not in the preview

    def site_url(self, edisi: str) -> str | None:
        return f"{self.base_url.rstrip('/')}/{edisi}/" if self.base_url else None

    def previews(self, publication: Publication) -> bool:
        """Link previews need the pages' absolute addresses; the internal edition, behind a password on the
        intranet, gets none (no chat app's fetcher could read them)."""
        return self.base_url is not None and publication.edition == PUBLIK

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
                                 self.problems, self.offline)
                units.append(unit)
                wanted = [path for path in sorted(unit.pages)
                          if regions is None or unit.regions.get(path, UMUM) in regions]
                missing = [path for path in wanted if unit.pages[path] not in known]
                assets = (regions is None or UMUM in regions) and not target.assets(unit.context)
                for build_only, with_assets in _chunks(missing, assets, self.workers):
                    runs.start(publication, unit, build_only, with_assets)
                del publication  # its pages are in the runs that build them: not kept while the next is made
            waited = time.monotonic()
            done = runs.wait()
            stored = time.monotonic()
            for unit, with_assets, output in done:
                target.put_pages([(unit.pages[page.path], output.site_dir / page.dest,
                                   {"dest": page.dest, "url": page.url, "search": page.search, "image": page.image,
                                    "image_file": page.image and output.site_dir / page.image})
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
            "mkdocs_runs": len(done),
            "previews_drawn": sum(1 for _, _, output in done for page in output.pages if page.image)})
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
            output = _run(Job(publication, build_only, with_assets, builder.problems, offline=builder.offline,
                              previews=builder.previews(publication)), *args)
            self.pending.append((unit, with_assets, folder, output))
            return
        if self.executor is None:
            self.executor, self.own = mkdocs_workers(builder.workers), True
        job = Job(publication.part(build_only), build_only, with_assets, builder.problems, offline=builder.offline,
                  previews=builder.previews(publication))
        # sent as its pickle, made now: a run waiting for a worker then holds its pages as UTF-8 bytes, not the
        # publication's text (two bytes a character in a page with one "▲"), which is dropped with the next one
        sent = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        self.pending.append((unit, with_assets, folder, self.executor.apply_async(_run_sent, (sent, *args))))

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
