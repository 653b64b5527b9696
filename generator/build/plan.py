"""The plan of a site: each publication's pages, keyed by a hash of everything that makes their HTML.

A page's key covers its Markdown, the site around it (navigation, the list of pages, mkdocs.yml, theme,
hand-written content, the election editions, the site address) and the code that builds it
(``generator.fingerprint``), so a changed template changes the Markdown it renders and a changed theme
rebuilds every page.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from generator import fingerprint
from generator.pipeline import Publication
from generator.project import Project

UMUM = "umum"  # the part of the pages that belong to no province: home, indexes, meetings, downloads


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
    """The hash of what surrounds every page: configuration, the product's theme and the desk's overrides of it,
    hand-written content, and the code that builds it (the generator, MkDocs, Material and everything else
    installed: ``generator.fingerprint``). The folders are read now, as the MkDocs runs of this build read them."""
    digest = hashlib.sha256(fingerprint.code().encode())
    digest.update(project.config_file.read_bytes() + b"\0")
    for folder in (fingerprint.THEME, project.theme_dir, fingerprint.CONTENT, project.content_dir):
        files = [path for path in folder.rglob("*") if path.is_file()] if folder and folder.is_dir() else []
        digest.update(fingerprint.digest_files(files, folder).encode())
    return digest.hexdigest()


def content_pages(project: Project) -> list[str]:
    """The hand-written pages of the site: the desk's (content/) and the product's it does not replace."""
    return sorted(set(markdown_pages(project.content_dir)) | set(markdown_pages(fingerprint.CONTENT)))


def markdown_pages(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md")) if folder.is_dir() else []


def plan_unit(publication: Publication, site: str, content: list[str], site_url: str | None, strict: bool,
              problems: list[str] = (), offline: bool = False) -> UnitPlan:
    rendered = publication.site
    paths = sorted([*rendered.pages, *content])
    context = _hash(json.dumps([site, publication.edition, publication.edisi, publication.title, publication.newest,
                                rendered.nav, paths, sorted(publication.downloads), site_url, strict, list(problems),
                                publication.complete, offline]))
    pages = {path: _hash(context, path, rendered.pages.get(path, ""), json.dumps(rendered.search.get(path)))
             for path in paths}
    return UnitPlan(publication.edition, publication.edisi, context, pages, dict(rendered.regions),
                    publication.downloads, rendered.redirects)


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()
