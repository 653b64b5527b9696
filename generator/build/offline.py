"""The public edition for readers without signal, in two forms (no MkDocs here: plain files next to the builds).

* **A ZIP per election edition** (``unduh/buletin-<edisi>.zip``, linked from the data page with its size), made
  from the assembled edition folder and read from ``file://`` with no server:

  - the copy's links name files, not folders (``kecamatan/jenamas/`` → ``kecamatan/jenamas/index.html``), in the
    pages, the redirects of moved pages and the search index; a link to what the copy does not hold (the newest
    edition's alias, the ZIP itself) becomes the online address when the site's address is known, else plain text;
  - search: Material reads ``search/search_index.js`` from ``file://`` and starts its worker through the
    ``iframe-worker`` shim (a worker cannot start from ``file://``), vendored from npm into the theme with its
    licence (``assets/javascripts/iframe-worker/``), never from a CDN;
  - nothing is asked for outside the folder, nor anything ``file://`` cannot give a script: the version selector
    (which reads ``../versions.json``) is off in the copy, the feed's ``<link rel="alternate">`` (beside which
    Material reads ``sitemap.xml``) and the service worker's registration are left out of it.

  Rewriting the copy costs one pass over the edition's text (0.3 s with the compression for a province's 214
  pages); building the edition a second time with ``use_directory_urls: false`` would cost a second MkDocs run of
  every page. The ZIP is deterministic: fixed times and modes, sorted entries.

* **A service worker** (``sw.js`` at the root of the public site edition, registered by every page of the public
  edition through ``assets/javascripts/offline.js``; never in the internal edition): it saves the newest election
  edition's pages and assets when they fit in ``PRECACHE_BUDGET`` (gzip bytes, as ``scripts/page-budget``
  counts them), else the beranda, the kecamatan index, the assets and, when it fits, the search index; then every
  page a reader opens. Pages are asked of the network first (the saved copy after ``WAIT_MS`` without an answer,
  or at once without signal); the theme's assets are taken from the cache. Its version is a hash of the contents
  of the files both forms carry, not a time: a build that changes one replaces the cache, and the same build
  gives the same worker.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import math
import os
import pickle
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from generator import fingerprint
from generator.build import processes
from generator.build.output import Output
from generator.domain.editions import offline_copy
from generator.memo import Memo

SHIM = "assets/javascripts/iframe-worker/shim.js"  # iframe-worker (MIT), vendored from npm into the theme
REGISTRATION = "assets/javascripts/offline.js"
SERVICE_WORKER = "sw.js"
PRECACHE_LIST = "sw-berkas.json"
PRECACHE_BUDGET = 2_000_000  # bytes, gzip -6: what a phone downloads in the background on its first visit
WAIT_MS = 4000  # a page asked of a slow network: the saved copy after this long
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can hold: the same bytes from the same files
LEVEL = 6  # deflate: 9 makes the province's ZIP 1 % smaller and takes half as long again
SIZE_MARK = re.compile(r'(<span class="bdp-ukuran-salinan">)[^<]*(</span>)')  # written by data-terbuka.md.j2
IN_THIS_COPY = "salinan yang sedang Anda baca"

# What the forms carry: what a reader opens and what the pages load (pages, the theme's assets, the search
# index, the downloads and the feed); not source maps, the sitemap, the page served for a missing address (its
# links are absolute), the ZIPs, link-preview images (read by chat apps online) nor, unless the search uses
# them, the search languages other than English.
_CARRIED = re.compile(r"^(?:(?!404\.html$).*\.html|assets/.*|search/search_index\.json|unduh/.*|feed\.xml)$")
_LEFT_OUT = re.compile(r"\.(map|zip)$")
_LUNR = "assets/javascripts/lunr/"
# Each starts with a fixed character: a pattern that starts with \s* would be tried at every space of a page.
_ATTRIBUTE = re.compile(r'( (?:href|src)=")([^"]*)(")')
_REFRESH = re.compile(r'(<meta http-equiv="refresh" content="\d+;\s*url=)([^"]*)(")', re.IGNORECASE)
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_REGISTRATION_TAG = re.compile(r'<script src="[^"]*' + re.escape(REGISTRATION) + r'"[^>]*></script>\n?')
_ALTERNATE = re.compile(r'<link rel="alternate"[^>]*>\n?')  # Material reads the sitemap beside each alternate
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/|#)", re.IGNORECASE)  # another scheme, host, the root, anchor


# --- which files ----------------------------------------------------------------------------------------


def edition_files(folder: Path) -> list[str]:
    """The files of an assembled election edition that the offline forms carry, sorted, relative to it."""
    files = []
    for root, _, names in os.walk(folder):
        for name in names:
            files.append(os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/"))
    lunr = _search_languages(folder) != ["en"]
    return sorted(path for path in files if _CARRIED.match(path) and not _LEFT_OUT.search(path)
                  and (lunr or not path.startswith(_LUNR)))


def _search_languages(folder: Path) -> list[str]:
    index = folder / "search" / "search_index.json"
    if not index.is_file():
        return ["en"]
    return list(json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang") or ["en"])


# --- the ZIP --------------------------------------------------------------------------------------------


@dataclass
class OfflineCopy:
    """The ZIP of one election edition, and the hash of the edition's files it was made from."""

    data: bytes
    digest: str
    sized_pages: list[str] = field(default_factory=list)  # pages that show the ZIP's size


def make_copy(folder: Path, edisi: str, site_url: str | None, memo: Memo | None = None,
              workers: int = 1, cached: dict[str, str] | None = None) -> OfflineCopy:
    """The ZIP of the assembled election edition in ``folder`` (``site_url``: its address, when known).

    With a ``memo``, an entry whose file, place and surroundings (the files the copy holds, the site's address)
    are as in an earlier build is taken from it compressed, not rewritten and compressed again: a warm national
    build changes a few of its ten thousand entries. Entries to make are made in ``workers`` processes when there
    are ``PARALLEL_FROM`` or more (a cold national build: 11 s in one process, with the other processor idle).

    ``cached``: the files of ``folder`` that are pages of the page cache, with their keys (``assemble_unit``).
    A key is everything its page was built from, so it stands for the file's contents: such a file's entry is
    remembered under its key, with the hash of the contents it was made from (the copy's digest, and so the
    service worker's version, is the hash of the contents, however the pages were keyed), and the file is read
    only to make its entry (a national edition's pages are 315 MB)."""
    name = f"buletin-{edisi}"
    files = [path for path in edition_files(folder) if path != REGISTRATION]  # no service worker from file://
    held = set(files)
    folders = {posixpath.dirname(path) for path in files if path.endswith("/index.html") or path == "index.html"}
    around = _entries_context(files, folders, site_url) if memo is not None else ""
    digest = hashlib.sha256()
    made: dict[str, tuple[bool, str, _Entry]] = {}
    to_make: list[str] = []
    keys: dict[str, tuple[str, bytes]] = {}  # of the entries to make: where the memo keeps them, their file's hash
    cached = cached or {}
    for path in files:
        key = cached.get(path)
        content = None if key else _content(folder / path)
        entry_key = hashlib.sha256(f"{around}\0{path}\0".encode("utf-8", "surrogateescape") +
                                   (b"halaman\0" + key.encode() if key else content)).hexdigest() \
            if memo is not None else None
        remembered = memo.get(entry_key) if entry_key else None
        if remembered is not None:  # with the hash of the contents it was made from, which its key stands for
            content, made[path] = pickle.loads(remembered)
        else:
            content = content or _content(folder / path)
            to_make.append(path)
            if entry_key:
                keys[path] = (entry_key, content)
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0" + content)
    for path, entry in _entries(folder, to_make, held, folders, site_url, workers):
        made[path] = entry
        if path in keys:
            entry_key, content = keys[path]
            memo.put(entry_key, pickle.dumps((content, entry), protocol=5))
    out = _Zip()
    for _, stored, entry in sorted(made.values(), key=lambda made_entry: made_entry[1]):
        out.add(f"{name}/{stored}", entry)
    return OfflineCopy(out.close(), digest.hexdigest(), [path for path in files if made[path][0]])


def _content(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


PARALLEL_FROM = 2_000  # entries to make: fewer are made in this process (starting workers costs more)


def _entries(folder: Path, paths: list[str], held: set[str], folders: set[str], site_url: str | None,
             workers: int) -> list[tuple[str, tuple[bool, str, "_Entry"]]]:
    """``(path, (shows the ZIP's size, name in the ZIP, entry))`` of each of ``paths``, in ``workers`` processes
    when there are enough of them, each given a share of the paths (the files are read where they are made)."""
    job = (folder, held, folders, site_url)
    if workers < 2 or len(paths) < PARALLEL_FROM:
        return _entries_of(job, paths)
    shares = [paths[i::workers] for i in range(workers)]
    with processes.pool(workers, "fork") as pool:
        return [item for part in pool.starmap(_entries_of, [(job, share) for share in shares]) for item in part]


def _entries_of(job: tuple, paths: list[str]) -> list[tuple[str, tuple[bool, str, "_Entry"]]]:
    folder, held, folders, site_url = job
    out = []
    for path in paths:
        data, is_sized, stored = (folder / path).read_bytes(), False, path
        if path.endswith(".html"):
            text = data.decode("utf-8")
            is_sized = bool(SIZE_MARK.search(text))
            data = _page_copy(text, path, held, folders, site_url).encode("utf-8")
        elif path == "search/search_index.json":  # from file://, Material reads the index as a script
            stored, data = "search/search_index.js", _index_script(data)
        out.append((path, (is_sized, stored, _Entry.of(data))))
    return out


def _entries_context(files: list[str], folders: set[str], site_url: str | None) -> str:
    """What every entry of the copy depends on besides its own file: the files the copy holds (a link to one it
    does not hold is rewritten), the site's address and the code that rewrites and compresses."""
    digest = hashlib.sha256(fingerprint.code().encode())
    digest.update(json.dumps([files, sorted(folders), site_url, LEVEL]).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _page_copy(text: str, path: str, held: set[str], folders: set[str], site_url: str | None) -> str:
    """A page as the copy holds it: links to files, search through the shim, nothing asked of the folder above."""
    page_dir = posixpath.dirname(path)
    root = "../" * (page_dir.count("/") + 1) if page_dir else ""

    def link(match: re.Match) -> str:
        before, url, after = match.groups()
        new = _copy_link(url, page_dir, held, folders, site_url)
        if new is None:  # nothing to open in the copy, and no address to send the reader to
            return ""
        return before + new + after

    text = _ATTRIBUTE.sub(link, text)
    text = _REFRESH.sub(lambda m: m[1] + (_copy_link(m[2], page_dir, held, folders, site_url) or m[2]) + m[3], text)
    text = SIZE_MARK.sub(lambda m: m[1] + IN_THIS_COPY + m[2], text)
    text = _ALTERNATE.sub("", _REGISTRATION_TAG.sub("", text))
    return _CONFIG.sub(lambda m: f'<script src="{root}{SHIM}"></script>\n{m[1]}{_config_copy(m[2])}{m[3]}', text,
                       count=1)


def _copy_link(url: str, page_dir: str, held: set[str], folders: set[str], site_url: str | None) -> str | None:
    """The link ``url`` of a page in ``page_dir`` as the copy needs it (None: drop it)."""
    if not url or _OUTSIDE.match(url):
        return url
    path, mark, anchor = url.partition("#")
    path, query_mark, query = path.partition("?")
    target = posixpath.normpath(posixpath.join(page_dir, path)) if path else page_dir or "."
    target = "" if target == "." else target
    suffix = (query_mark + query) + (mark + anchor)
    if target in folders:  # the folder's page, by the same way there
        return (path + ("index.html" if path.endswith("/") else "/index.html") if path else "index.html") + suffix
    if target in held:
        return url
    # outside the edition (the newest edition's alias), or left out of the copy (the ZIP itself)
    return urljoin(site_url, target + ("/" if path.endswith("/") else "")) + suffix if site_url else None


def _config_copy(config: str) -> str:
    """Material's page configuration without the version selector (which would read ../versions.json)."""
    values = json.loads(config)
    values.pop("version", None)
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def _index_script(data: bytes) -> bytes:
    """The search index as the script Material loads from ``file://`` (``var __index = …``), its addresses
    naming files."""
    index = json.loads(data)
    for doc in index.get("docs", []):
        path, mark, anchor = doc["location"].partition("#")
        if path == "" or path.endswith("/"):
            doc["location"] = f"{path}index.html{mark}{anchor}"
    return ("var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":"))).encode("utf-8")


_ZIP32_LIMIT = 0x7FFFFFFF  # zipfile's ZIP64_LIMIT: beyond it, zipfile would write ZIP64 records


@dataclass(frozen=True)
class _Entry:
    """One file of the ZIP, compressed once: raw deflate as ``zipfile`` writes it, with its CRC and size."""

    crc: int
    size: int
    deflated: bytes

    @classmethod
    def of(cls, data: bytes) -> "_Entry":
        compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
        return cls(zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


class _Zip:
    """A ZIP written the same way every time: fixed times and modes, entries in the order given, each from its
    compressed bytes. The bytes are those ``zipfile`` writes for the same entries (``writestr`` of a ``ZipInfo``
    with ``ZIP_TIME``, mode 0644 and deflate at ``LEVEL``, into a seekable file), without compressing again."""

    def __init__(self):
        self.buffer = io.BytesIO()
        self.central: list[bytes] = []

    def add(self, name: str, entry: _Entry) -> None:
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800
        offset = self.buffer.tell()
        if offset > _ZIP32_LIMIT or len(entry.deflated) > _ZIP32_LIMIT or entry.size > _ZIP32_LIMIT \
                or len(self.central) >= 0xFFFF:
            raise ValueError("salinan luring melampaui batas ZIP tanpa ZIP64")
        dos_time = ZIP_TIME[3] << 11 | ZIP_TIME[4] << 5 | ZIP_TIME[5] // 2
        dos_date = (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
        sizes = (entry.crc, len(entry.deflated), entry.size)
        self.buffer.write(struct.pack("<4s2B4HL2L2H", b"PK\003\004", 20, 0, flags, zipfile.ZIP_DEFLATED, dos_time,
                                      dos_date, *sizes, len(encoded), 0))
        self.buffer.write(encoded)
        self.buffer.write(entry.deflated)
        self.central.append(struct.pack("<4s4B4HL2L5H2L", b"PK\001\002", 20, 3, 20, 0, flags, zipfile.ZIP_DEFLATED,
                                        dos_time, dos_date, *sizes, len(encoded), 0, 0, 0, 0, 0o644 << 16, offset)
                            + encoded)

    def close(self) -> bytes:
        start = self.buffer.tell()
        for record in self.central:
            self.buffer.write(record)
        size = self.buffer.tell() - start
        self.buffer.write(struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, len(self.central), len(self.central), size,
                                      start, 0))
        return self.buffer.getvalue()


def size_text(size: int) -> str:
    """A file's size as the pages write it: ``850 KB``, ``1,2 MB`` (1 KB = 1000 bytes)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def write_copy(folder: Path, edisi: str, site_url: str | None, memo: Memo | None = None,
               workers: int = 1, cached: dict[str, str] | None = None) -> OfflineCopy:
    """The ZIP written into the assembled edition ``folder``, and its size on the pages that show it (``memo``:
    the compressed entries of earlier builds; ``workers``: processes to make entries in; ``cached``: its pages
    from the page cache, by key; ``make_copy``)."""
    copy = make_copy(folder, edisi, site_url, memo, workers, cached)
    out = Output(folder)
    out.write(offline_copy("publik", edisi), copy.data)
    size = size_text(len(copy.data))
    for page in copy.sized_pages:
        target = folder / page
        text = SIZE_MARK.sub(lambda m: m[1] + size + m[2], target.read_text(encoding="utf-8"))
        target.unlink()  # a link to the page cache: replaced, never written through
        out.write(page, text)
    return copy


# --- the service worker ---------------------------------------------------------------------------------


def precache_list(root: Path, newest: str, budget: int = PRECACHE_BUDGET) -> list[tuple[str, str]]:
    """(address relative to the site edition's root, revision) of what the service worker saves at once: all of
    the newest election edition when it fits in ``budget``, else its beranda, kecamatan index and assets, and its
    search index when that still fits."""
    folder = root / newest
    core, search, pages = ["sitemap.xml"] if (folder / "sitemap.xml").is_file() else [], [], []  # Material reads it
    for path in edition_files(folder):
        if path.startswith("unduh/") or path == "feed.xml" or path.startswith("assets/javascripts/iframe-worker/"):
            continue
        if path in ("index.html", "kecamatan/index.html") or path.startswith("assets/"):
            core.append(path)
        elif path == "search/search_index.json":
            search.append(path)
        elif path.endswith(".html"):
            pages.append(path)
    chosen: list[str] = []
    spent = sum(_gzip_size(root / name) for name in ("index.html", "versions.json") if (root / name).is_file())
    for group in (core, search, pages):
        cost = _cost_within(folder, group, math.inf if group is core else budget - spent)
        if cost is None:
            break
        chosen += group
        spent += cost
    entries = [(name, _revision(root / name)) for name in ("index.html", "versions.json") if (root / name).is_file()]
    entries += [(f"{newest}/{path}", _revision(folder / path)) for path in chosen]
    return [(_address(path), revision) for path, revision in entries]


def _address(path: str) -> str:
    """A file's address as readers ask for it: a folder's, for a page."""
    if path == "index.html":
        return "./"
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def _cost_within(folder: Path, paths: list[str], room: float) -> int | None:
    """The gzip bytes of ``paths``, or None as soon as they pass ``room`` (a national edition's pages are not
    all compressed to find that they do not fit)."""
    cost = 0
    for path in paths:
        cost += _gzip_size(folder / path)
        if cost > room:
            return None
    return cost


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def _revision(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def write_service_worker(root: Path, newest: str, alias: str, digests: list[str]) -> str:
    """``sw.js`` and its list of files at the root of the public site edition ``root``; returns its version: the
    hash of the files the two forms carry (``digests``: each election edition's, hashed as its ZIP was made), the
    root's files, the list with each file's hash, and the worker's own code."""
    files = precache_list(root, newest)
    digest = hashlib.sha256(SERVICE_WORKER_JS.encode("utf-8"))
    for part in [*digests, *(_revision(root / name) for name in ("index.html", "versions.json", "404.html")
                             if (root / name).is_file()), json.dumps(files)]:
        digest.update(part.encode("utf-8") + b"\0")
    version = digest.hexdigest()[:20]
    out = Output(root)
    out.write(PRECACHE_LIST, json.dumps({"version": version, "newest": newest, "alias": alias,
                                         "files": [list(entry) for entry in files]},
                                        separators=(",", ":")) + "\n")
    out.write(SERVICE_WORKER, SERVICE_WORKER_JS.replace("@VERSION@", version).replace("@NEWEST@", newest)
              .replace("@ALIAS@", alias).replace("@LIST@", PRECACHE_LIST).replace("@WAIT@", str(WAIT_MS)))
    return version


SERVICE_WORKER_JS = """\
/* Buletin Desk Pilkada: the service worker of the public edition, for readers whose signal comes and goes.
   Written by `bulletin build` (generator/build/offline.py); a build that changes any file gives a new version. */
"use strict";
const VERSION = "@VERSION@", NEWEST = "@NEWEST@", ALIAS = "@ALIAS@", WAIT = @WAIT@;
const SCOPE = self.registration.scope;
const PREFIX = "buletin:" + SCOPE + ":";
const CACHE = PREFIX + VERSION;
const LIST = new URL("@LIST@", SCOPE).href;

/* One key per file: the alias of the newest edition is that edition, a folder is its index.html. */
function key(address) {
  const url = new URL(address);
  let path = url.origin + url.pathname;
  if (path.startsWith(SCOPE + ALIAS + "/")) path = SCOPE + NEWEST + "/" + path.slice((SCOPE + ALIAS + "/").length);
  return path.endsWith("/index.html") ? path.slice(0, -10) : path;
}

async function saved(address) {
  return (await caches.open(CACHE)).match(key(address), { ignoreSearch: true });
}

/* Files the previous versions saved, by address and revision: what did not change is not downloaded again. */
async function previous() {
  const found = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name), list = await cache.match(LIST);
    if (!list) continue;
    for (const [address, revision] of (await list.json()).files) {
      found.set(new URL(address, SCOPE).href + " " + revision, cache);
    }
  }
  return found;
}

async function plain(response) {  /* a redirected answer cannot answer a page's request */
  return response.redirected ? new Response(await response.blob(), { headers: response.headers }) : response;
}

async function precache() {
  const list = await (await fetch(LIST + "?v=" + VERSION, { cache: "no-store" })).json();
  const cache = await caches.open(CACHE), earlier = await previous();
  for (const [address, revision] of list.files) {
    const url = new URL(address, SCOPE).href;
    if (await cache.match(key(url))) continue;  /* saved by an install of this version that was cut short */
    const kept = earlier.get(url + " " + revision);
    let response = kept && await kept.match(key(url));
    if (!response) {
      response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    }
    await cache.put(key(url), await plain(response));
  }
  await cache.put(LIST, new Response(JSON.stringify(list)));  /* last: the version is complete */
}

self.addEventListener("install", (event) => event.waitUntil(precache().then(() => self.skipWaiting())));

self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
  await self.clients.claim();
})()));

/* Asked of the server, not of the browser's HTTP cache (which may hold the previous build for minutes). */
async function fetchAndKeep(request) {
  const response = await plain(await fetch(request.url, { cache: "no-cache" }));
  if (response.ok && response.type === "basic") {
    await (await caches.open(CACHE)).put(key(request.url), response.clone());
  }
  return response;
}

function offline() {
  return new Response(
    '<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width,' +
    'initial-scale=1"><link rel="icon" href="data:,"><title>Tidak ada sinyal</title><main>' +
    '<h1>Tidak ada sinyal</h1><p>Halaman ini belum tersimpan di perangkat ini. <a href="' + SCOPE + ALIAS +
    '/">Buka beranda buletin terbaru</a>, atau coba lagi saat ada sinyal.</p></main>',
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function answer(event) {
  const request = event.request;
  if (new URL(request.url).pathname.includes("/assets/")) {  /* the theme's: a new file has a new name or version */
    const hit = await saved(request.url);
    if (hit) return hit;
  }
  const network = fetchAndKeep(request);
  event.waitUntil(network.catch(() => null));
  const first = await Promise.race([network.catch(() => null),
                                    new Promise((resolve) => setTimeout(() => resolve(undefined), WAIT))]);
  if (first) return first;
  const hit = await saved(request.url);
  if (hit) return hit;
  if (first === undefined) {  /* slow, and nothing saved: wait for the network after all */
    const late = await network.catch(() => null);
    if (late) return late;
  }
  return request.mode === "navigate" ? offline() : Response.error();
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE) || request.headers.has("range") ||
      /\\.zip$/.test(new URL(request.url).pathname)) return;
  event.respondWith(answer(event));
});
"""
