"""Versions: every election edition (``edisi``) is a version of the site, side by side, as mike lays them out.

    site/<publik|internal>/
        versions.json            the list Material's version selector reads (mike's format)
        index.html               redirect to the newest edition, through its alias
        terbaru/…                the alias: a redirect page for every page of the newest edition
        pilkada-2024/…           one folder per election edition, newest first in versions.json
        pilgub-kalteng-2020/…

No MkDocs here: these are plain files written next to the builds.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path

ALIAS = "terbaru"

REDIRECT = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Mengalihkan ke {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>Halaman ini pindah ke <a href="{url}">{title}</a>.</p>
</body>
</html>
"""


def versions_json(versions: list[tuple[str, str]]) -> str:
    """mike's versions.json for (id, title) pairs, newest first; the newest carries the alias."""
    entries = [{"version": vid, "title": title, "aliases": [ALIAS] if index == 0 else []}
               for index, (vid, title) in enumerate(versions)]
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"


def redirect_page(url: str, title: str) -> str:
    return REDIRECT.format(url=html.escape(url, quote=True), title=html.escape(title))


def write_version_index(root: Path, versions: list[tuple[str, str]]) -> None:
    """versions.json, the root redirect and the alias folder of one site edition (``root``)."""
    newest, title = versions[0]
    (root / "versions.json").write_text(versions_json(versions), encoding="utf-8")
    (root / "index.html").write_text(redirect_page(f"{ALIAS}/", title), encoding="utf-8")
    source = root / newest
    for page in sorted(source.rglob("*.html")):
        relative = page.relative_to(source).as_posix()
        target = root / ALIAS / relative
        depth = relative.count("/")  # folders between the alias root and the page
        url = posixpath.join("../" * (depth + 1) + newest, relative)
        if url.endswith("/index.html"):
            url = url[: -len("index.html")]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(url, title), encoding="utf-8")
