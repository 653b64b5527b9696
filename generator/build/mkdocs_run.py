"""One MkDocs run: a ``Job`` of finished pages in, HTML files and their search entries out.

The adapter's other half (with ``mkdocs_plugin``): load the configuration, hand the plugin its job, build into
a folder of its own, and say what came out, page by page. The builder (``generator.build.runs``) decides which
runs to make, in which process, and puts their output together.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from generator.build.job import BuildFailed, BuiltPage, Job, JobOutput

SEARCH_INDEX = "search/search_index.json"
NOT_ASSETS = {SEARCH_INDEX, "sitemap.xml", "sitemap.xml.gz"}  # remade from every page when a site is put together


class _Warnings(logging.Handler):
    """MkDocs' warnings of one run, to say why it failed."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def run_job(config_file: Path, site_dir: Path, job: Job, *, strict: bool = True,
            site_url: str | None = None) -> JobOutput:
    """Build ``job`` with MkDocs into ``site_dir``; BuildFailed with MkDocs' messages when it cannot."""
    started = time.process_time()
    warnings = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    try:
        overrides = {"site_url": site_url} if site_url else {}
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict, **overrides)
        plugin = config.plugins["bulletin"]
        plugin.job = job
        mkdocs_build(config)
    except (Abort, ConfigurationError, PluginError) as exc:
        detail = "\n".join(warnings.lines)
        raise BuildFailed(f"{exc}\n{detail}".strip()) from None
    finally:
        logger.removeHandler(warnings)
    output = collect(site_dir, plugin, job)
    output.cpu_seconds = time.process_time() - started
    return output


def collect(site_dir: Path, plugin, job: Job) -> JobOutput:
    """What the run wrote: each built page with its search entries, and the other files."""
    index_file = site_dir / SEARCH_INDEX
    index = json.loads(index_file.read_text(encoding="utf-8")) if index_file.is_file() else {"docs": []}
    by_url: dict[str, list[dict]] = {}
    for doc in index["docs"]:
        by_url.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
    pages, page_files = [], set()
    for file in plugin.files.documentation_pages():
        image = plugin.images.get(file.src_uri)  # a page's card goes with the page, not with the theme's files
        pages.append(BuiltPage(file.src_uri, file.dest_uri, file.url, by_url.get(file.url, []), image))
        page_files.update(filter(None, (file.dest_uri, image)))
    assets = []
    if job.with_assets:
        for folder, _, names in os.walk(site_dir):
            for name in names:
                relative = Path(folder, name).relative_to(site_dir).as_posix()
                if relative not in page_files and relative not in NOT_ASSETS:
                    assets.append(relative)
    return JobOutput(site_dir, pages, sorted(assets), index.get("config"))
