"""Versions: every election edition (``edisi``) is a version of the site, side by side, as mike lays them out.

    site/<publik|internal>/
        versions.json            the list Material's version selector reads (mike's format)
        index.html               redirect to the newest edition, through its alias
        terbaru -> pilkada-2024  the alias: a symbolic link to the newest edition (mike's "symlink" alias
                                 type); `bulletin publish` and Pages' upload copy what it points to
        pilkada-2024/…           one folder per election edition, newest first in versions.json
        pilgub-kalteng-2020/…

No MkDocs here: these are plain files written next to the builds.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from generator.build.output import Output
from generator.build.publish import NOINDEX, mark_internal

ALIAS = "terbaru"

REDIRECT = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Mengalihkan ke {title}</title>
{robots}<link rel="icon" href="{icon}">
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
{robots}<link rel="icon" href="{home}{icon}">
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


def robots_meta(internal: bool) -> str:
    """What a page of ours tells crawlers: the internal edition's pages, not to index them; the public edition's
    say nothing (a ``noindex`` there would mark it as internal: generator.build.publish)."""
    return NOINDEX + "\n" if internal else ""


def redirect_page(url: str, title: str, icon: str, internal: bool = False) -> str:
    """A page that sends the reader on to ``url`` at once. ``icon``: the address of the edition's icon from this
    page; without an icon link the browser asks the server for ``/favicon.ico``, which is not there."""
    return REDIRECT.format(url=html.escape(url, quote=True), title=html.escape(title),
                           icon=html.escape(icon, quote=True), robots=robots_meta(internal))


def write_version_index(root: Path, versions: list[tuple[str, str]], base_url: str | None = None,
                        internal: bool = False) -> None:
    """versions.json, the root redirect, a root 404 page and the alias folder of one site edition (``root``);
    for the internal edition, its marks (generator.build.publish).

    The 404 page is served at any missing address, so its link is absolute when the site's address is known.
    """
    newest, title = versions[0]
    out = Output(root)
    out.write("versions.json", versions_json(versions))
    out.write("index.html", redirect_page(f"{ALIAS}/", title, f"{ALIAS}/{ICON}", internal))
    home = html.escape(base_url.rstrip("/") + "/" if base_url else "/", quote=True)
    out.write("404.html", NOT_FOUND.format(title=html.escape(title), home=home, robots=robots_meta(internal),
                                           icon=html.escape(f"{newest}/{ICON}", quote=True)))
    alias = root / ALIAS
    if alias.is_symlink() or alias.exists():
        alias.unlink()
    alias.symlink_to(newest)  # mike's default alias: one link, whatever the size of the edition
    if internal:
        mark_internal(root)
