"""The public edition without signal (issue 20, part 3; generator/build/offline.py), in its two forms.

* **The ZIP** of each election edition (``unduh/buletin-<edisi>.zip``, linked from the data page with its size):
  deterministic; only in the public edition; every link of every page in it names a file the ZIP holds; opened
  from ``file://`` in Debian's Chromium, the beranda leads to a kecamatan and a meeting, search finds a kecamatan,
  and no request leaves the extracted folder. (Firefox is not installed here: not tested.)
* **The service worker** of the public edition: every page registers it, the internal edition has none (nor the
  registration's script, nor a ZIP), and ``bulletin publish --target internal`` refuses one; in Chromium, served
  over HTTP, the beranda visited once is enough for the beranda, another kecamatan, a meeting and search to work
  offline; after a rebuild with changed content, the new content replaces the old once the reader is online.

The builds are the session's ``built_site`` (both editions of the example), read only; the one rebuild starts
from a copy of its cache, in folders of its own.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support import EDISI, StaticServer, chromium, cli, copy_project, finish, parse_page, start_bulletin, wait_for

from generator.build import offline
from generator.build.offline import IN_THIS_COPY, PRECACHE_BUDGET, SIZE_MARK, make_copy, size_text
from generator.memo import Memo

NEWEST = "pilkada-2024"  # the example's newest election edition: the one the service worker saves
PUBLIC_EDITIONS = (EDISI, NEWEST)


# --- the ZIP, without a browser ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url, expected", [
    ("../kecamatan/jenamas/", "../kecamatan/jenamas/index.html"),
    ("../kecamatan/jenamas/#angka-terbaru", "../kecamatan/jenamas/index.html#angka-terbaru"),
    ("./", "./index.html"), ("..", "../index.html"), ("../", "../index.html"), ("", ""), ("?h=x", "index.html?h=x"),
    ("../unduh/kecamatan.csv", "../unduh/kecamatan.csv"), ("#x", "#x"), ("https://kpu.go.id/", "https://kpu.go.id/"),
    ("mailto:desk@example.go.id", "mailto:desk@example.go.id"),
    ("../../terbaru/", None),  # the newest edition's alias: outside the copy, no address known
    ("../unduh/buletin-x.zip", None),  # the ZIP itself is not in the ZIP
])
def test_links_of_the_copy_name_files(url, expected):
    held = {"index.html", "kecamatan/index.html", "kecamatan/jenamas/index.html", "data-terbuka/index.html",
            "unduh/kecamatan.csv"}
    folders = {"", "kecamatan", "kecamatan/jenamas", "data-terbuka"}
    assert offline._copy_link(url, "data-terbuka", held, folders, None) == expected


def test_links_out_of_the_copy_go_online_when_the_address_is_known():
    site = "https://pemkab.example.go.id/buletin/pilgub-kalteng-2020/"
    assert offline._copy_link("../../terbaru/", "kecamatan", set(), {""}, site) == \
        "https://pemkab.example.go.id/buletin/terbaru/"
    assert offline._copy_link("../unduh/buletin-x.zip", "data-terbuka", set(), set(), site) == \
        site + "unduh/buletin-x.zip"


def test_sizes_are_written_in_indonesian():
    assert [size_text(n) for n in (400, 339_384, 999_499, 1_234_567, 23_456_789)] == \
        ["1 KB", "339 KB", "999 KB", "1,2 MB", "23,5 MB"]


def test_the_zip_is_the_same_from_the_same_files(tmp_path):
    """Fixed times and modes, sorted entries: two makes of the same folder give the same bytes."""
    for path, text in {"index.html": '<a href="kecamatan/">k</a>', "kecamatan/index.html": "<p>k</p>",
                       "search/search_index.json": '{"config": {"lang": ["en"]}, "docs": [{"location": ""}]}',
                       "assets/x.js.map": "{}"}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    first, second = make_copy(tmp_path, "e", None), make_copy(tmp_path, "e", None)
    assert first.data == second.data and first.digest == second.digest
    with zipfile.ZipFile(io.BytesIO(first.data)) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == [f"buletin-e/{name}" for name in
                                               ("index.html", "kecamatan/index.html", "search/search_index.js")]
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("buletin-e/index.html") == b'<a href="kecamatan/index.html">k</a>'
        index = archive.read("buletin-e/search/search_index.js")
        assert index.startswith(b'var __index = {"config"') and b'"location":"index.html"' in index


def test_entries_remembered_give_the_zip_that_zipfile_writes(tmp_path):
    """The entries of an earlier make, taken from the memo, give the bytes a make without it gives, which are the
    bytes ``zipfile`` writes for the same entries (a name outside ASCII included); a changed file is made anew."""
    site = tmp_path / "situs"
    pages = {"index.html": '<a href="kecamatan/">k</a>', "kecamatan/index.html": "<p>k</p>",
             "kecamatan/sungai-é/index.html": "<p>é</p>", "unduh/data.json": "{}"}
    for path, text in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    plain = make_copy(site, "e", None)
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w", zipfile.ZIP_DEFLATED, compresslevel=offline.LEVEL) as archive:
        with zipfile.ZipFile(io.BytesIO(plain.data)) as made:
            for info in made.infolist():
                entry = zipfile.ZipInfo(info.filename, offline.ZIP_TIME)
                entry.external_attr = 0o644 << 16
                archive.writestr(entry, made.read(info), compress_type=zipfile.ZIP_DEFLATED,
                                 compresslevel=offline.LEVEL)
    assert plain.data == expected.getvalue()
    for round_ in range(2):  # the first fills the memo, the second takes every entry from it
        memo = Memo(tmp_path / "memo.sqlite", "salinan")
        assert make_copy(site, "e", None, memo).data == plain.data, round_
        memo.commit()
    (site / "kecamatan/index.html").write_text("<p>k, diubah</p>", encoding="utf-8")
    memo = Memo(tmp_path / "memo.sqlite", "salinan")
    assert make_copy(site, "e", None, memo).data == make_copy(site, "e", None).data
    memo.commit()



def test_a_page_from_the_page_cache_counts_by_its_key_and_is_not_read_again(tmp_path, monkeypatch):
    """``cached``: pages linked from the page cache, with their keys (generator.build.assemble.assemble_unit). A
    key is everything its page was built from, so the copy takes an entry remembered under it without reading the
    file; the first make reads and rewrites the file as any other, and gives the bytes a make without keys gives.
    A new key makes the entry anew. The copy's digest (the service worker's version) is the hash of the files'
    contents however the pages are keyed: the same pages give the same worker in any desk."""
    site = tmp_path / "situs"
    pages = {"index.html": '<a href="kecamatan/">k</a>', "kecamatan/index.html": "<p>k</p>", "unduh/data.json": "{}"}
    for path, text in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    cached = {"index.html": "kunci-1", "kecamatan/index.html": "kunci-2"}
    plain = make_copy(site, "e", None)
    memo = Memo(tmp_path / "memo.sqlite", "salinan")
    first = make_copy(site, "e", None, memo, cached=cached)
    memo.commit()
    assert (first.data, first.digest) == (plain.data, plain.digest)
    read = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.name) or read_bytes(path))
    memo = Memo(tmp_path / "memo.sqlite", "salinan")
    again = make_copy(site, "e", None, memo, cached=cached)
    memo.commit()
    assert (again.data, again.digest) == (plain.data, plain.digest)
    assert read == ["data.json"]  # the pages of the cache not at all
    memo = Memo(tmp_path / "memo.sqlite", "salinan")  # other keys for the same pages (another desk's settings)
    other = make_copy(site, "e", None, memo, cached={path: key + "-lain" for path, key in cached.items()})
    memo.commit()
    assert (other.data, other.digest) == (plain.data, plain.digest)
    (site / "kecamatan/index.html").unlink()  # a link to the cache: replaced by the page built from a new key
    (site / "kecamatan/index.html").write_text("<p>k, diubah</p>", encoding="utf-8")
    memo = Memo(tmp_path / "memo.sqlite", "salinan")
    changed = make_copy(site, "e", None, memo, cached={**cached, "kecamatan/index.html": "kunci-3"})
    memo.commit()
    monkeypatch.undo()
    fresh = make_copy(site, "e", None)
    assert (changed.data, changed.digest) == (fresh.data, fresh.digest) and changed.data != first.data
    assert changed.digest != first.digest


def test_entries_made_in_several_processes_give_the_same_zip(tmp_path, monkeypatch):
    """A cold national build makes the entries in worker processes: the same bytes, the same pages that show the
    ZIP's size, and the same entries remembered, as one process makes."""
    site = tmp_path / "situs"
    for i in range(7):
        page = site / f"kecamatan/k{i}/index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<a href="../k{(i + 1) % 7}/">k{i}</a>' + ('<p><span class="bdp-ukuran-salinan">?</span></p>' if i % 3 else ""),
                        encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text('{"docs": [{"location": "kecamatan/k1/"}]}', encoding="utf-8")
    alone = make_copy(site, "e", None, Memo(tmp_path / "satu.sqlite", "salinan"))
    monkeypatch.setattr(offline, "PARALLEL_FROM", 1)
    memo = Memo(tmp_path / "dua.sqlite", "salinan")
    together = make_copy(site, "e", None, memo, workers=3)
    memo.commit()
    assert (together.data, together.sized_pages, together.digest) == (alone.data, alone.sized_pages, alone.digest)
    assert alone.sized_pages  # the size mark is found in the pages made elsewhere too
    monkeypatch.setattr(offline, "PARALLEL_FROM", 10_000)
    assert make_copy(site, "e", None, Memo(tmp_path / "dua.sqlite", "salinan")).data == alone.data  # from the memo


# --- the ZIP of the example ----------------------------------------------------------------------------------------


def copy_of(site: Path, edisi: str) -> Path:
    return site / "publik" / edisi / "unduh" / f"buletin-{edisi}.zip"


def extracted(site: Path, edisi: str, to: Path) -> Path:
    with zipfile.ZipFile(copy_of(site, edisi)) as archive:
        archive.extractall(to)
    return to / f"buletin-{edisi}"


@pytest.mark.parametrize("edisi", PUBLIC_EDITIONS)
def test_every_public_edition_has_its_zip_linked_with_its_size(built_site, edisi):
    zipped = copy_of(built_site, edisi)
    page = (built_site / "publik" / edisi / "data-terbuka" / "index.html").read_text(encoding="utf-8")
    assert f'href="../unduh/buletin-{edisi}.zip"' in page
    assert SIZE_MARK.search(page)[0] == f'<span class="bdp-ukuran-salinan">{size_text(zipped.stat().st_size)}</span>'
    with zipfile.ZipFile(zipped) as archive:
        names = archive.namelist()
        assert names == sorted(names) and all(name.startswith(f"buletin-{edisi}/") for name in names)
        inside = archive.read(f"buletin-{edisi}/data-terbuka/index.html").decode("utf-8")
    assert f'<span class="bdp-ukuran-salinan">{IN_THIS_COPY}</span>' in inside
    assert f"buletin-{edisi}/search/search_index.js" in names and f"buletin-{edisi}/{offline.SHIM}" in names
    assert not [name for name in names if name.endswith((".map", ".zip", "404.html", "sitemap.xml"))]


def test_the_internal_edition_has_no_zip_and_no_service_worker(built_site):
    internal = built_site / "internal"
    assert not list(internal.rglob("*.zip"))
    assert not list(internal.rglob("sw.js")) and not list(internal.rglob("sw-berkas.json"))
    assert not list(internal.rglob("offline.js")), "not even the registration's script"
    pages = [p for p in internal.rglob("*.html") if not p.is_symlink()]
    assert pages and not [p for p in pages if "data-service-worker" in p.read_text(encoding="utf-8")]
    assert "buletin-" not in (internal / EDISI / "data-terbuka" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("edisi", PUBLIC_EDITIONS)
def test_every_link_in_the_zip_opens_a_file_in_it(built_site, tmp_path, edisi):
    """From file:// a link to a folder shows a file listing, not the page: every link and every file a page loads
    names a file of the extracted folder, and nothing is loaded from elsewhere."""
    root = extracted(built_site, edisi, tmp_path)
    broken, loaded_outside, links = [], [], 0
    for page in sorted(root.rglob("*.html")):
        parsed = parse_page(page.read_text(encoding="utf-8"))
        for ref in parsed.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                if ref in parsed.loads and (parts.scheme or parts.netloc):
                    loaded_outside.append(f"{page.relative_to(root)}: {ref}")
                continue
            links += 1
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file() or root.resolve() not in target.parents:
                broken.append(f"{page.relative_to(root)}: {ref}")
    assert links > 500 and not broken, broken[:20]
    assert not loaded_outside, loaded_outside


# --- the service worker, without a browser ----------------------------------------------------------------------


def test_every_public_page_registers_the_service_worker(built_site):
    public = built_site / "publik"
    assert (public / "sw.js").is_file() and (public / "sw-berkas.json").is_file()
    for edisi in PUBLIC_EDITIONS:
        for page in sorted((public / edisi).rglob("*.html")):
            text = page.read_text(encoding="utf-8")
            if 'http-equiv="refresh"' in text or page.name == "404.html":
                continue  # a redirect goes on at once; the 404 page is served at any address
            registered = re.findall(r'<script src="[^"]*assets/javascripts/offline\.js" data-service-worker="([^"]+)">',
                                    text)
            assert [(page.parent / url).resolve() for url in registered] == [(public / "sw.js").resolve()], page


def test_the_newest_edition_is_saved_within_the_budget(built_site):
    public = built_site / "publik"
    listed = json.loads((public / "sw-berkas.json").read_text(encoding="utf-8"))
    version = re.search(r'VERSION = "([0-9a-f]+)"', (public / "sw.js").read_text(encoding="utf-8"))[1]
    assert listed["version"] == version and listed["newest"] == NEWEST and listed["alias"] == "terbaru"
    addresses = {address for address, _ in listed["files"]}
    pages = {f"{NEWEST}/{p.parent.relative_to(public / NEWEST).as_posix()}/".replace("/./", "/")
             for p in (public / NEWEST).rglob("index.html")}
    assert {"./", f"{NEWEST}/", f"{NEWEST}/kecamatan/", f"{NEWEST}/search/search_index.json"} <= addresses
    assert pages <= addresses, "at regency scale every page of the newest edition is saved"
    assert not [a for a in addresses if a.endswith((".zip", ".map")) or "/unduh/" in a]
    saved = offline.precache_list(public, NEWEST)
    assert [list(entry) for entry in saved] == listed["files"]
    files = [public / (a + "index.html" if a.endswith("/") else a) for a, _ in saved]
    assert sum(len(gzip.compress(f.read_bytes(), 6, mtime=0)) for f in files) <= PRECACHE_BUDGET
    assert len(offline.precache_list(public, NEWEST, budget=150_000)) < len(saved)  # a province: the core only


def test_the_internal_target_refuses_a_service_worker(built_site, tmp_path):
    result = cli("publish", built_site / "publik", tmp_path / "intranet", "--target", "internal")
    assert result.exit_code == 2 and "service worker" in result.output and "sw.js" in result.output, result.output
    assert not (tmp_path / "intranet").exists()
    assert cli("publish", built_site / "internal", tmp_path / "intranet", "--target", "internal").exit_code == 0


def test_an_internal_page_slipped_into_the_zip_is_refused(built_site, tmp_path):
    public = tmp_path / "publik"
    shutil.copytree(built_site / "publik", public, symlinks=True)
    zipped = copy_of(tmp_path, EDISI)
    internal_page = (built_site / "internal" / EDISI / "kecamatan" / "jenamas" / "index.html").read_bytes()
    zipped.unlink()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr(f"buletin-{EDISI}/kecamatan/jenamas/index.html", internal_page)
    result = cli("publish", public, tmp_path / "pages", "--target", "publik")
    assert result.exit_code == 2, result.output
    assert f"unduh/buletin-{EDISI}.zip!buletin-{EDISI}/kecamatan/jenamas/index.html" in result.output, result.output


# --- in Chromium ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = chromium(playwright)
        yield launched
        launched.close()


def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search; the addresses of the results."""
    field_ = page.locator("input.md-search__input")
    field_.click()
    field_.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    return page.evaluate("() => [...document.querySelectorAll('.md-search-result__list a')].map(a => a.href)")


def watched(context) -> tuple[list[str], list[str]]:
    """Every request of the context, and the console errors and exceptions of its pages."""
    requests, errors = [], []
    context.on("request", lambda request: requests.append(request.url))
    context.on("page", lambda page: page.on("pageerror", lambda error: errors.append(f"exception: {error}")))
    context.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return requests, errors


@pytest.mark.browser
def test_the_zip_works_from_file_in_chromium(built_site, browser, tmp_path):
    root = extracted(built_site, EDISI, tmp_path)
    context = browser.new_context()
    requests, errors = watched(context)
    page = context.new_page()
    page.goto(root.joinpath("index.html").as_uri())
    page.locator("a[href='kecamatan/index.html']").first.click()
    assert page.url == root.joinpath("kecamatan", "index.html").as_uri()
    page.locator("article a", has_text="Jenamas").first.click()
    assert page.url == root.joinpath("kecamatan", "jenamas", "index.html").as_uri()
    assert page.locator("h1").inner_text().startswith("Kecamatan Jenamas")
    page.goto(root.joinpath("rapat", "index.html").as_uri())
    page.locator("article a[href^='2020-']").first.click()
    assert re.fullmatch(re.escape(root.as_uri()) + r"/rapat/2020-[^/]+/index\.html", page.url), page.url
    assert page.locator("h1").count() == 1
    results = search(page, "Dusun Hilir")
    expected = root.joinpath("kecamatan", "dusun-hilir", "index.html").as_uri()
    assert any(url.split("?")[0] == expected for url in results), results
    page.locator(f".md-search-result__list a[href^='{expected}']").first.click()
    page.wait_for_url(expected + "*")
    outside = [url for url in requests if not url.startswith(root.as_uri() + "/")]
    assert outside == [], f"requests outside the folder: {outside}"
    assert errors == [], errors
    context.close()


def rebuild_with(built_site: Path, work: Path, token: str):
    """The example with a changed kecamatan, built (public edition) from a copy of ``built_site``'s cache in
    folders of its own: started in the background, finished by the caller (``finish``). One process: the one page
    that changed is built sooner than MkDocs' worker processes start."""
    project = copy_project(work / "proyek")
    jenamas = project / "data" / NEWEST / "kecamatan" / "jenamas.yml"
    text = jenamas.read_text(encoding="utf-8")
    jenamas.write_text(text.replace("Jenamas hanya dapat dijangkau", f"{token} Jenamas hanya dapat dijangkau", 1),
                       encoding="utf-8")
    shutil.copytree(built_site.parent / "cache", work / "cache")
    return project, start_bulletin("build", "--edition", "publik", "--jobs", "1", "--site-dir", project / "site",
                                   "--cache-dir", work / "cache", project=project)


@pytest.mark.browser
def test_the_service_worker_keeps_the_newest_edition_for_when_the_signal_is_gone(built_site, browser, tmp_path):
    token = "KABARBARU7531"
    project, rebuilding = rebuild_with(built_site, tmp_path, token)
    served = tmp_path / "disajikan"
    served.symlink_to(built_site / "publik")
    context = browser.new_context()
    try:
        with StaticServer(served) as server:
            requests, errors = watched(context)
            page = context.new_page()
            page.goto(server.url + "/")
            page.wait_for_url("**/terbaru/")
            page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20_000)

            context.set_offline(True)
            page.reload()
            assert page.title().startswith("Beranda")
            page.goto(server.url + "/terbaru/kecamatan/")
            page.locator("article a", has_text="Dusun Utara").first.click()
            assert page.locator("h1").inner_text().startswith("Kecamatan Dusun Utara")
            page.goto(server.url + "/terbaru/rapat/")
            page.locator("article a[href^='2024-']").first.click()
            assert re.search(r"/terbaru/rapat/2024-[^/]+/$", page.url) and page.locator("h1").count() == 1
            results = search(page, "Jenamas")
            assert any(urlsplit(url).path == "/terbaru/kecamatan/jenamas/" for url in results), results
            page.goto(server.url + "/terbaru/kecamatan/jenamas/")
            assert token not in page.content()
            assert errors == [], errors

            # a rebuild with changed content: once online, the new build replaces the old cache
            result = finish(rebuilding)
            assert result.returncode == 0, result.stdout + result.stderr
            served.unlink()
            served.symlink_to(project / "site" / "publik")
            version = json.loads((served / "sw-berkas.json").read_text(encoding="utf-8"))["version"]
            context.set_offline(False)
            page.goto(server.url + "/terbaru/")
            wait_for(lambda: page.evaluate("(version) => caches.keys().then(names => names.length === 1 && "
                                           "names[0].endsWith(':' + version))", version), seconds=20)
            context.set_offline(True)
            page.goto(server.url + "/terbaru/kecamatan/jenamas/")
            assert token in page.content(), "the page saved by the new build"
    finally:
        context.close()
        if rebuilding.poll() is None:
            rebuilding.kill()


def test_the_vendored_shim_is_the_npm_package_with_its_licence():
    """The ZIP's search runs through iframe-worker's shim, copied from the npm package (package.json) into the
    theme with its licence: a desk builds without npm. The copy is the package's file, at the locked version."""
    root = Path(__file__).resolve().parent.parent
    vendored = root / "generator" / "build" / "theme" / offline.SHIM
    licence = vendored.parent / "LICENSE"
    assert "Permission is hereby granted" in licence.read_text(encoding="utf-8")  # MIT
    locked = json.loads((root / "package.json").read_text(encoding="utf-8"))["dependencies"]["iframe-worker"]
    installed = root / "node_modules" / "iframe-worker"
    if not (installed / "package.json").is_file():
        pytest.skip("node_modules/iframe-worker is not installed (scripts/node-deps installs it)")
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == locked
    assert vendored.read_bytes() == (installed / "shim" / "index.js").read_bytes()
    assert licence.read_bytes() == (installed / "LICENSE").read_bytes()
