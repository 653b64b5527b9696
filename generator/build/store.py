"""Stores of built pages by key: the local cache (``.cache/bulletin/``) and the folders of the parts of a build
split across machines; and the lock that lets one process at a time change one of them."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from generator.build.job import JobOutput

LOCK = ".kunci"  # the lock file of a cache, a part folder or a site's builds


# --- stores: built pages by key ----------------------------------------------------------------------------


class Store:
    """Built pages and theme assets by key, in a folder: the local cache, or a part of a split build.

        pages/<k[:2]>/<key>.html     a built page
        pages/<k[:2]>/<key>.jpg      its link preview's card, where it has one (drawn with the page)
        pages.sqlite                 where each page (and its card) goes (dest, url) and its search entries
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
            self._db.execute("CREATE TABLE IF NOT EXISTS images (key TEXT PRIMARY KEY, dest TEXT)")
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def html(self, key: str) -> str:
        return os.path.join(self.root, "pages", key[:2], key + ".html")

    def image(self, key: str) -> str:
        return os.path.join(self.root, "pages", key[:2], key + ".jpg")

    def known(self) -> set[str]:
        return {key for (key,) in self.db.execute("SELECT key FROM pages")}

    def pages(self, keys: set[str]) -> dict[str, tuple[str, dict]]:
        """key → (HTML file, {dest, url, search, image, image_file}) of the pages held here (image: where the
        page's card goes, None without one)."""
        out = {}
        for key, dest, url, search, image in self.db.execute(
                "SELECT pages.key, pages.dest, url, search, images.dest FROM pages LEFT JOIN images USING (key)"):
            if key in keys:
                out[key] = (self.html(key), {"dest": dest, "url": url, "search": json.loads(search), "image": image,
                                             "image_file": image and self.image(key)})
        return out

    def put_pages(self, pages: list[tuple[str, Path, dict]]) -> None:
        """Move each built HTML file (and its card, ``meta["image_file"]``, where it has one) in, then record them all
        in one transaction."""
        for key, html_file, meta in pages:
            target = self.html(key)
            folder = os.path.dirname(target)
            if folder not in self.made:
                os.makedirs(folder, exist_ok=True)
                self.made.add(folder)
            os.replace(html_file, target)
            if meta.get("image"):
                os.replace(meta["image_file"], self.image(key))
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)",
                                [(key, meta["dest"], meta["url"], json.dumps(meta["search"], ensure_ascii=False))
                                 for key, _, meta in pages])
            self.db.executemany("INSERT OR REPLACE INTO images VALUES (?, ?)",
                                [(key, meta["image"]) for key, _, meta in pages if meta.get("image")])

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
            self.db.executemany("DELETE FROM images WHERE key = ?", [(key,) for key in stale])
        for key in stale:
            for path in (self.html(key), self.image(key)):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
        for path in (self.root / "assets").glob("*"):
            if path.name not in contexts:
                shutil.rmtree(path, ignore_errors=True)


def write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)



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
