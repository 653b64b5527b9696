"""The build: finished pages → the site, every site edition × every election edition, built only where
something changed, in parallel processes, and switched in as one step:

    plan        each publication's pages, keyed by everything that makes their HTML   (generator.build.plan)
    build       MkDocs runs for the pages no store holds yet, in worker processes       (generator.build.runs)
    store       built pages by key: the cache, the parts' folders; their locks          (generator.build.store)
    assemble    the site put together from the stores                                   (generator.build.assemble)
    switch      ``site`` is a link to the newest complete build; one rename replaces it (generator.build.switch)
    parts       a national build split by province across machines                      (generator.build.parts)

A failed or interrupted build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import json
import multiprocessing.pool
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from generator.build.assemble import assemble
from generator.build.output import Output
from generator.build.plan import SitePlan
from generator.build.runs import Builder
from generator.build.store import Store, locked, write_atomic
from generator.build.switch import locked_site, new_build_folder, removing_stale, switch
from generator.domain.editions import INTERNAL
from generator.pipeline import Publication
from generator.project import Project


def build_site(project: Project, publications: Iterable[Publication], versions: list[tuple[str, str]],
               editions: tuple[str, ...], site_dir: Path | None = None, base_url: str | None = None,
               strict: bool = True, workers: int | None = None, cache_dir: Path | None = None,
               executor: multiprocessing.pool.Pool | None = None) -> Builder:
    """Build ``editions`` × every election edition into ``site_dir`` (default ``site/``) and switch it in
    (``executor``: MkDocs' worker processes, started beforehand; ended here once the last run is stored)."""
    site = Path(site_dir or project.site_dir).absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    cache = Store(cache_dir or project.cache_dir)
    builder = Builder(project, cache, workers or os.cpu_count() or 1, strict, base_url, executor=executor)
    with locked(cache), locked_site(site):
        with removing_stale(site):
            plan = builder.build(publications, versions)
            if executor is not None:  # every MkDocs run is stored: the workers' memory goes back before assembly
                executor.terminate()
                executor.join()
            started = time.monotonic()
            build = new_build_folder(site)
            try:
                assemble(plan, [cache], build, editions, memo=cache.root / "memo.sqlite", workers=builder.workers)
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


USED = "dipakai.json"  # in the cache folder: the pages each unit (site edition/election edition) used last


def record_use(cache: Store, plan: SitePlan) -> None:
    """Remember which pages each unit uses, and forget pages no unit uses any more."""
    used_file = cache.root / USED
    used = json.loads(used_file.read_text(encoding="utf-8")) if used_file.is_file() else {}
    for unit in plan.units:
        used[unit.key] = {"context": unit.context, "pages": sorted(unit.pages.values())}
    write_atomic(used_file, json.dumps(used))
    cache.prune({key for entry in used.values() for key in entry["pages"]},
                {entry["context"] for entry in used.values()})


def units_built(cache_dir: Path) -> set[str]:
    """The units (``publik/pilkada-2024``) that builds into this cache folder have built."""
    used_file = cache_dir / USED
    try:
        return set(json.loads(used_file.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()
