"""Builds split by region across machines (``bulletin build --wilayah``), and their assembly into one site
(``bulletin assemble``)."""

from __future__ import annotations

import json
import multiprocessing.pool
import os
import shutil
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from generator.build.assemble import assemble
from generator.build.plan import SitePlan, UnitPlan
from generator.build.publish import mark_internal
from generator.build.runs import Builder
from generator.build.store import Store, locked, write_atomic
from generator.build.switch import locked_site, new_build_folder, remove_stale, switch
from generator.domain.editions import INTERNAL
from generator.pipeline import Publication
from generator.project import Project

PARTS_MANIFEST = "bagian.json"


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
        write_atomic(part.root / PARTS_MANIFEST, json.dumps({"wilayah": sorted(regions), "digest": plan.digest(),
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
