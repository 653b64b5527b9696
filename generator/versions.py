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


NOT_FOUND = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Halaman tidak ditemukan · Buletin Desk Pilkada</title>
<link rel="icon" href="{home}{icon}">
<style>body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem;
line-height: 1.5; color: #1a1a1a; }} a {{ color: #283593; }}</style>
</head>
<body>
<main>
<h1>Halaman tidak ditemukan</h1>
<p>Alamat ini tidak ada di Buletin Desk Pilkada. Buka buletin terbaru, <a href="{home}terbaru/">{title}</a>.</p>
</main>
</body>
</html>
"""


def versions_json(versions: list[tuple[str, str]]) -> str:
    """mike's versions.json for (id, title) pairs, newest first; the newest carries the alias."""
    entries = [{"version": vid, "title": title, "aliases": [ALIAS] if index == 0 else []}
               for index, (vid, title) in enumerate(versions)]
    return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"


ICON = "assets/images/favicon.png"  # Material's, in every version


def redirect_page(url: str, title: str) -> str:
    """A page that sends the reader on to ``url`` at once (no favicon: its request would only be cut off)."""
    return REDIRECT.format(url=html.escape(url, quote=True), title=html.escape(title))


def write_version_index(root: Path, versions: list[tuple[str, str]], base_url: str | None = None) -> None:
    """versions.json, the root redirect, a root 404 page and the alias folder of one site edition (``root``).

    The 404 page is served at any missing address, so its link is absolute when the site's address is known.
    """
    newest, title = versions[0]
    (root / "versions.json").write_text(versions_json(versions), encoding="utf-8")
    (root / "index.html").write_text(redirect_page(f"{ALIAS}/", title), encoding="utf-8")
    home = html.escape(base_url.rstrip("/") + "/" if base_url else "/", quote=True)
    (root / "404.html").write_text(NOT_FOUND.format(title=html.escape(title), home=home,
                                                    icon=html.escape(f"{newest}/{ICON}", quote=True)),
                                   encoding="utf-8")
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
