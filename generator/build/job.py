"""What the builder hands one MkDocs run, and what the run gives back: plain values, no MkDocs.

The MkDocs modules of this package (``plugin``, ``mkdocs_run``, ``preview``) import these; the rest of the
builder (plan, store, assembly, parts) uses them without importing MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.pipeline import Publication

ERROR_PAGE = """# Data belum dapat ditampilkan

Pratinjau belum punya versi data yang valid. Perbaiki masalah berikut; halaman ini diperbarui sendiri setelah
berkas disimpan.

```
{problems}
```
"""


@dataclass
class Job:
    """What one MkDocs run makes of a publication: all its pages are files, ``build_only`` are written."""

    publication: Publication | None
    build_only: frozenset[str] | None = None  # page paths; None: every page
    with_assets: bool = True  # theme assets, 404 page and (run directly) the downloads
    problems: list[str] = field(default_factory=list)  # the preview's banner when the data broke
    error_page: str | None = None  # the preview's only page when the data was never valid
    previews: bool = False  # link previews: Open Graph tags and each page's card (the public edition with an address)
    offline: bool = False  # the build writes the public edition's service worker: its pages register it


class BuildFailed(Exception):
    """MkDocs could not build the site; the message says why."""


@dataclass
class BuiltPage:
    path: str  # the Markdown page, e.g. "kecamatan/jenamas.md"
    dest: str  # the HTML file under the site folder, e.g. "kecamatan/jenamas/index.html"
    url: str  # its address relative to the site, e.g. "kecamatan/jenamas/"
    search: list[dict]  # its entries in the search index
    image: str | None = None  # its link preview's card under the site folder, e.g. "pratinjau/kecamatan/jenamas.jpg"


@dataclass
class JobOutput:
    site_dir: Path
    pages: list[BuiltPage]
    assets: list[str]  # every other file written (theme assets, 404 page), relative to site_dir
    search_config: dict | None
    cpu_seconds: float = 0.0  # processor time of the run
