"""Election editions as versions of the site (mike's layout), their feeds and PDFs, served from a sub-path.

* ``versions.json`` of both site editions lists every election edition of ``data/``, newest first by voting day,
  with the alias ``terbaru`` on the newest only; the edition's root redirects to ``terbaru/``, which holds a
  redirect for every page of the newest edition; the internal edition carries its marker file everywhere;
* every page of an older edition carries the "Edisi lama" banner linking to ``terbaru/``; the newest does not;
* the Atom feed of each edition (feedparser): one entry per meeting page, newest first, links that resolve,
  absolute under ``--base-url`` when it is given;
* ``bulletin pdf``: an A4 PDF of a meeting (pypdf), without restricted text in the public edition, with it (and
  TERBATAS) in the internal one; an unknown meeting is a usage error listing the known ones;
* a build for ``http://127.0.0.1:<port>/buletin/`` served by a real HTTP server and crawled: every link answers
  200 and nothing points outside ``/buletin/``; the sitemaps hold absolute URLs under the base URL;
* Debian's Chromium (Playwright) switches editions with Material's version selector, in both site editions.

Banner, selector and switch need two election editions. When ``data/`` holds only one, they run on a copy of
the project with a second, newer edition: the founding example with its voting day moved four years later.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import feedparser
import pytest
import yaml
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import EDISI  # noqa: E402
from support import StaticServer, chromium, crawl, environment, fetch, parse_page  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = environment()
EDITIONS = ("publik", "internal")
ALIAS = "terbaru"
MARKER = ".buletin-internal"
BANNER = "Edisi lama"
SUBPATH = "/buletin/"
GITHUB = "https://org.github.io/buletin/"
MEETING = "2020-03-02-rapat-koordinasi-desk-pilkada"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


# --- the data: which election editions there are, and their order -------------------------------------------

def edisi_files(data_dir: Path) -> dict[str, dict]:
    """``{folder: edisi.yml}`` of every election edition folder of ``data_dir``."""
    return {path.parent.name: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted(data_dir.glob("*/edisi.yml"))}


def voting_day(edisi: dict) -> date:
    """The voting day as held, else as planned."""
    held = edisi["pemungutan_suara"]
    return held.get("pelaksanaan") or held["rencana"]


def newest_first(data_dir: Path) -> list[str]:
    editions = edisi_files(data_dir)
    return sorted(editions, key=lambda folder: (voting_day(editions[folder]), folder), reverse=True)


def titles(data_dir: Path) -> dict[str, str]:
    return {folder: edisi["nama_singkat"] for folder, edisi in edisi_files(data_dir).items()}


def add_newer_edition(project: Path) -> str:
    """A second election edition in ``project``: a copy of the newest with its voting day four years later
    (four, so that a 29 February stays a date), new id and names. Returns its id."""
    data = project / "data"
    source = newest_first(data)[0]
    year = voting_day(edisi_files(data)[source]).year + 4
    new_id = f"pilkada-uji-{year}"
    shutil.copytree(data / source, data / new_id)
    path = data / new_id / "edisi.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^id: .*$", f"id: {new_id}", text)
    text = re.sub(r"(?m)^nama_singkat: .*$", f"nama_singkat: Pilkada Uji {year}", text)
    name = f"nama: Pemilihan Uji Coba Tahun {year} (salinan untuk pengujian)\n"
    text = re.sub(r"(?m)^nama: .*\n(?:[ \t]+.*\n)*", name, text)  # also a folded (>-) name
    block = re.search(r"(?m)^pemungutan_suara:\n(?:[ \t]+.*\n)+", text)
    assert block, "edisi.yml without a pemungutan_suara block"
    moved = re.sub(r"\b(rencana|pelaksanaan): (\d{4})", lambda m: f"{m[1]}: {int(m[2]) + 4}", block[0])
    path.write_text(text[:block.start()] + moved + text[block.end():], encoding="utf-8")
    assert newest_first(data)[0] == new_id
    return new_id


# --- pages: links, redirects, the banner ---------------------------------------------------------------------



def page_url(base: str, root: Path, page: Path) -> str:
    """The address at which ``page`` (a file under the served folder ``root``) is read, ``base`` being root's."""
    relative = page.relative_to(root).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return base + relative


def local_file(base: str, root: Path, url: str) -> Path | None:
    """The file under ``root`` that ``url`` (absolute) serves, or None when the URL is not under ``base``."""
    url = urldefrag(url)[0]
    if not url.startswith(base):
        return None
    path = unquote(url[len(base):])
    return root / path / "index.html" if path == "" or path.endswith("/") else root / path


# --- running the command -------------------------------------------------------------------------------------

def run_parallel(commands: dict[str, list[str]], cwd: Path, logs: Path) -> dict[str, tuple[int, str]]:
    """Run the ``bulletin`` commands at once (output to files, so that no pipe fills); ``{name: (status, output)}``."""
    logs.mkdir(parents=True, exist_ok=True)
    running = {}
    for name, args in commands.items():
        log = (logs / f"{name}.log").open("w", encoding="utf-8")
        running[name] = (subprocess.Popen([str(BIN / "bulletin"), *args], cwd=cwd, env=ENV, stdout=log,
                                          stderr=subprocess.STDOUT, text=True), log)
    results = {}
    for name, (process, log) in running.items():
        try:
            status = process.wait(timeout=300)
        except subprocess.TimeoutExpired:
            process.kill()
            status = process.wait()
        log.close()
        results[name] = (status, (logs / f"{name}.log").read_text(encoding="utf-8"))
    return results


# --- a two-edition project, built for a sub-path, served ----------------------------------------------------

@dataclass
class Versioned:
    project: Path
    versions: list[str]  # newest first, as the data orders them
    titles: dict[str, str]
    sites: dict[str, Path]  # publik, internal (built for their server's /buletin/), github (publik for GITHUB)
    servers: dict[str, StaticServer]  # publik, internal: each serves its edition at /buletin/

    def base(self, edition: str) -> str:
        return self.servers[edition].url + SUBPATH


@pytest.fixture(scope="module")
def versioned(tmp_path_factory) -> Versioned:
    """Both site editions of a project with at least two election editions, each built for and served at
    ``http://127.0.0.1:<its port>/buletin/``, and the public one built again for ``GITHUB``."""
    if len(edisi_files(ROOT / "data")) >= 2:
        project = ROOT
    else:
        project = tmp_path_factory.mktemp("dua-edisi")
        for name in ("data", "content"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        add_newer_edition(project)
    work = tmp_path_factory.mktemp("versi")
    servers = {edition: StaticServer(work / f"www-{edition}") for edition in EDITIONS}
    bases = {"publik": servers["publik"].url + SUBPATH, "internal": servers["internal"].url + SUBPATH,
             "github": GITHUB}
    commands = {name: ["build", "--edition", "internal" if name == "internal" else "publik",
                       "--site-dir", str(work / f"build-{name}" / "site"), "--base-url", base]
                for name, base in bases.items()}
    try:
        results = run_parallel(commands, project, work / "logs")
        for name, (status, output) in results.items():
            assert status == 0, f"bulletin {' '.join(commands[name])} (in {project}) exited {status}:\n{output}"
        sites = {name: work / f"build-{name}" / "site" / ("internal" if name == "internal" else "publik")
                 for name in bases}
        for edition in EDITIONS:
            shutil.copytree(sites[edition], servers[edition].root / SUBPATH.strip("/"))
            servers[edition].start()
        yield Versioned(project, newest_first(project / "data"), titles(project / "data"), sites, servers)
    finally:
        for server in servers.values():
            server.stop()


# --- 1. versions.json, the root redirect, the alias, the internal marker -------------------------------------

def read_versions(root: Path) -> list[dict]:
    versions = json.loads((root / "versions.json").read_text(encoding="utf-8"))
    assert isinstance(versions, list) and versions, versions
    for entry in versions:
        assert set(entry) == {"version", "title", "aliases"}, entry
        assert isinstance(entry["aliases"], list), entry
    return versions


@pytest.mark.parametrize("edition", EDITIONS)
def test_versions_json_lists_every_election_edition_newest_first(built_site, edition):
    root = built_site / edition
    versions = read_versions(root)
    expected = newest_first(ROOT / "data")
    assert [v["version"] for v in versions] == expected, "versions.json: not every data/ folder, or not newest first"
    names = titles(ROOT / "data")
    assert {v["version"]: v["title"] for v in versions} == names
    assert versions[0]["aliases"] == [ALIAS]
    assert all(v["aliases"] == [] for v in versions[1:]), versions
    folders = {p.name for p in root.iterdir() if p.is_dir()}
    assert folders == {*expected, ALIAS}, "site edition folders other than the versions and the alias"
    for edisi in expected:
        assert (root / edisi / "index.html").is_file(), edisi


def test_both_site_editions_list_the_same_versions(built_site):
    assert read_versions(built_site / "publik") == read_versions(built_site / "internal")


@pytest.mark.parametrize("edition", EDITIONS)
def test_root_redirects_to_the_alias(built_site, edition):
    root = built_site / edition
    page = parse_page((root / "index.html").read_text(encoding="utf-8"))
    assert page.refresh == f"{ALIAS}/", f"{edition}/index.html: meta refresh {page.refresh!r}"
    assert (root / ALIAS / "index.html").is_file()


@pytest.mark.parametrize("edition", EDITIONS)
def test_root_redirect_names_an_icon(built_site, edition):
    """Without an icon link a browser asks the server for /favicon.ico, a 404 and a console error."""
    root = built_site / edition
    assert f'<link rel="icon" href="{ALIAS}/assets/images/favicon.png">' in \
        (root / "index.html").read_text(encoding="utf-8")
    assert (root / ALIAS / "assets" / "images" / "favicon.png").is_file()


def test_building_one_site_edition_keeps_the_other_editions_alias(tmp_path):
    """A build of one site edition carries the other over from the previous build: its alias stays a link."""
    from generator.build.output import Output

    previous = tmp_path / "vorige" / "publik"
    (previous / "pilkada-2024").mkdir(parents=True)
    (previous / "pilkada-2024" / "index.html").write_text("x", encoding="utf-8")
    (previous / ALIAS).symlink_to("pilkada-2024")
    Output(tmp_path / "baru" / "publik").link_tree(previous)
    alias = tmp_path / "baru" / "publik" / ALIAS
    assert alias.is_symlink() and os.readlink(alias) == "pilkada-2024"
    assert (alias / "index.html").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("edition", EDITIONS)
def test_alias_is_a_link_to_the_newest_edition(built_site, edition):
    """mike's "symlink" alias: one link, so every page of the newest edition is also under terbaru/."""
    root = built_site / edition
    newest = read_versions(root)[0]["version"]
    alias = root / ALIAS
    assert alias.is_symlink() and os.readlink(alias) == newest, "a relative link, valid wherever the site is copied"
    pages = sorted(p.relative_to(root / newest) for p in (root / newest).rglob("*.html"))
    assert pages
    assert sorted(p.relative_to(alias) for p in alias.rglob("*.html")) == pages


def test_internal_marker_at_the_root_and_in_every_version(built_site):
    root = built_site / "internal"
    assert (root / MARKER).is_file()
    for entry in read_versions(root):
        assert (root / entry["version"] / MARKER).is_file(), entry["version"]
    assert not list((built_site / "publik").rglob(MARKER))


# --- 2. the banner of an older edition -------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_older_editions_carry_the_banner_and_the_newest_does_not(versioned, edition):
    root, base = versioned.sites[edition], versioned.base(edition)
    newest, *older = versioned.versions
    assert older
    alias = base + f"{ALIAS}/"
    problems = []
    for edisi in older:
        pages = sorted(p for p in (root / edisi).rglob("*.html") if "admin" not in p.relative_to(root).parts)
        assert pages, edisi
        for page in pages:
            where = page.relative_to(root)
            parsed = parse_page(page.read_text(encoding="utf-8"), BANNER)
            if parsed.refresh is not None:
                continue  # a page that moved: it only sends the reader on
            if parsed.banner_links is None:
                problems.append(f"{where}: no {BANNER!r} banner")
                continue
            resolved = [urljoin(page_url(base, root, page), href) for href in parsed.banner_links]
            if alias not in resolved:
                problems.append(f"{where}: banner links {parsed.banner_links} resolve to {resolved}, "
                                f"not to {alias}")
    for page in sorted((root / newest).rglob("*.html")):
        if BANNER in page.read_text(encoding="utf-8"):
            problems.append(f"{page.relative_to(root)}: newest edition with the {BANNER!r} banner")
    assert not problems, "\n".join(problems)


# --- 3. the Atom feed ------------------------------------------------------------------------------------------

def check_feed(root: Path, edisi: str, base: str, absolute: bool) -> list[str]:
    """Problems of ``root/edisi/feed.xml``, the edition folder being read at ``base`` + ``edisi/``."""
    feed_url = f"{base}{edisi}/feed.xml"
    feed = feedparser.parse((root / edisi / "feed.xml").read_bytes())
    where = f"{edisi}/feed.xml"
    problems = []
    if feed.bozo:
        problems.append(f"{where}: not well-formed: {feed.get('bozo_exception')}")
    if not feed.feed.get("title", "").strip():
        problems.append(f"{where}: no title")
    meetings = {p for p in (root / edisi / "rapat").glob("*/index.html")}
    if len(feed.entries) != len(meetings):
        problems.append(f"{where}: {len(feed.entries)} entries for {len(meetings)} meeting pages")
    days = [entry.get("updated_parsed") for entry in feed.entries]
    if None in days or days != sorted(days, reverse=True):
        problems.append(f"{where}: entries not newest first: {[e.get('updated') for e in feed.entries]}")
    linked = set()
    for entry in feed.entries:
        link = entry.get("link", "")
        if absolute and not link.startswith(f"{base}{edisi}/"):
            problems.append(f"{where}: entry link {link!r} is not absolute under {base}{edisi}/")
        target = local_file(base, root, urljoin(feed_url, link))
        if target is None or not target.is_file():
            problems.append(f"{where}: entry link {link!r} resolves to no page")
        linked.add(target)
    if linked != meetings:
        problems.append(f"{where}: the entries link {sorted(map(str, linked))}, the meeting pages are "
                        f"{sorted(map(str, meetings))}")
    if absolute:
        selves = [link.href for link in feed.feed.get("links", []) if link.get("rel") == "self"]
        if selves != [feed_url]:
            problems.append(f"{where}: rel=self {selves}, expected {feed_url}")
    return problems


def test_feed_of_every_edition(built_site):
    root = built_site / "publik"
    versions = [v["version"] for v in read_versions(root)]
    problems = [p for edisi in versions for p in check_feed(root, edisi, "http://buletin.test/", absolute=False)]
    assert not problems, "\n".join(problems)


def test_feed_updated_is_not_older_than_its_newest_entry(built_site):
    """RFC 4287 4.2.15: a feed's atom:updated is the latest instant it was modified, so never before an entry's."""
    root = built_site / "publik"
    problems = []
    for entry in read_versions(root):
        feed = feedparser.parse((root / entry["version"] / "feed.xml").read_bytes())
        newest = max(feed.entries, key=lambda e: e.updated_parsed, default=None)
        if newest is not None and feed.feed.updated_parsed < newest.updated_parsed:
            problems.append(f"{entry['version']}/feed.xml: feed updated {feed.feed.updated}, "
                            f"but its entry {newest.title!r} updated {newest.updated}")
    assert not problems, "\n".join(problems)


def test_feed_links_are_absolute_with_a_base_url(versioned):
    root = versioned.sites["github"]
    problems = [p for edisi in versioned.versions for p in check_feed(root, edisi, GITHUB, absolute=True)]
    assert not problems, "\n".join(problems)


# --- 4. the PDF of a meeting -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def meeting_pdfs(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("pdf")
    commands = {
        "publik": ["pdf", MEETING, "--edisi", EDISI, "--out", str(out / "r.pdf")],
        "internal": ["pdf", MEETING, "--edisi", EDISI, "--edition", "internal", "--out", str(out / "ri.pdf")],
        "unknown": ["pdf", "2020-01-01-rapat-yang-tidak-ada", "--edisi", EDISI, "--out", str(out / "x.pdf")],
    }
    results = run_parallel(commands, ROOT, out / "logs")
    return {"results": results, "files": {"publik": out / "r.pdf", "internal": out / "ri.pdf"},
            "unknown_file": out / "x.pdf"}


def pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path)
    return reader, " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def squeeze(text: str) -> str:
    return " ".join(text.split())


def meeting_data() -> dict:
    return yaml.safe_load((ROOT / "data" / EDISI / "rapat" / f"{MEETING}.yml").read_text(encoding="utf-8"))


def restricted_meeting_data() -> dict:
    """The meeting's part in the example's restricted tree (contoh-terbatas/), laid over data/ by the build."""
    path = ROOT / "contoh-terbatas" / EDISI / "rapat" / f"{MEETING}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def restricted_texts(meeting: dict) -> dict[str, str]:
    agenda = [item["uraian"] for item in meeting["agenda"] if item.get("akses") == "terbatas"]
    assert agenda and "cadangan satu peleton" in agenda[0]
    return {"agenda terbatas": "cadangan satu peleton", "notulen_internal": squeeze(meeting["notulen_internal"])}


@pytest.mark.parametrize("edition", EDITIONS)
def test_meeting_pdf_is_a4_and_says_what_the_meeting_decided(meeting_pdfs, edition):
    status, output = meeting_pdfs["results"][edition]
    assert status == 0, output
    reader, text = pdf_text(meeting_pdfs["files"][edition])
    assert 1 <= len(reader.pages) <= 6, f"{len(reader.pages)} pages"
    for number, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595) <= 2 and abs(height - 842) <= 2, f"page {number}: {width} × {height} pt, not A4"
    meeting = meeting_data()
    assert squeeze(meeting["judul"]) in text
    assert meeting["pimpinan"]["nama"] == "Edy Purwanto" and "Edy Purwanto" in text
    decisions = [squeeze(d if isinstance(d, str) else d["uraian"]) for d in meeting["keputusan"]
                 if isinstance(d, str) or d.get("akses") != "terbatas"]
    missing = [d for d in decisions if d not in text]
    assert len(missing) < len(decisions), f"no decision of the meeting in the PDF: {missing}"


def test_public_pdf_leaves_out_restricted_text(meeting_pdfs):
    status, output = meeting_pdfs["results"]["publik"]
    assert status == 0, output
    _, text = pdf_text(meeting_pdfs["files"]["publik"])
    leaked = [name for name, needle in restricted_texts(restricted_meeting_data()).items() if needle in text]
    assert not leaked, f"restricted text in the public PDF: {leaked}"
    assert "TERBATAS" not in text


def test_internal_pdf_shows_restricted_text_marked(meeting_pdfs):
    status, output = meeting_pdfs["results"]["internal"]
    assert status == 0, output
    _, text = pdf_text(meeting_pdfs["files"]["internal"])
    missing = [name for name, needle in restricted_texts(restricted_meeting_data()).items() if needle not in text]
    assert not missing, f"restricted text missing from the internal PDF: {missing}"
    assert "TERBATAS" in text


def test_unknown_meeting_is_a_usage_error_listing_the_known_ones(meeting_pdfs):
    status, output = meeting_pdfs["results"]["unknown"]
    assert status == 2, f"exit {status}: {output}"
    assert "2020-01-01-rapat-yang-tidak-ada" in output
    known = sorted(p.stem for p in (ROOT / "data" / EDISI / "rapat").glob("*.yml"))
    assert known and all(slug in output for slug in known), output
    assert "Traceback" not in output
    assert not meeting_pdfs["unknown_file"].exists()


# --- 5. the site under a sub-path, crawled over HTTP ----------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_subpath_build_has_no_broken_links(versioned, edition):
    base = versioned.base(edition)
    versions = [v["version"] for v in read_versions(versioned.sites[edition])]
    # the version selector's targets are made by JavaScript from versions.json: start from them too
    seeds = [base, base + "versions.json", *(f"{base}{edisi}/" for edisi in versions)]
    statuses, referrers, outside = crawl(versioned.servers[edition].url, seeds, SUBPATH)
    assert len(statuses) > 50, f"only {len(statuses)} URLs reached: {sorted(statuses)}"
    for edisi in versions:
        assert any(url.startswith(f"{base}{edisi}/rapat/") for url in statuses), f"{edisi} not crawled"
    broken = [f"{status} {url}\n    linked from: {', '.join(sorted(referrers[url]))}"
              for url, status in sorted(statuses.items()) if status != 200]
    assert not broken and not outside, (
        f"{len(broken)} of {len(statuses)} URLs do not answer 200:\n" + "\n".join(broken)
        + f"\n{len(outside)} references leave {SUBPATH}:\n" + "\n".join(outside))


@pytest.mark.parametrize("edition", EDITIONS)
def test_sitemaps_hold_absolute_urls_under_the_base_url(versioned, edition):
    base, root = versioned.base(edition), versioned.sites[edition]
    problems = []
    for entry in read_versions(root):
        edisi = entry["version"]
        tree = ET.parse(root / edisi / "sitemap.xml")
        locs = [(loc.text or "").strip() for loc in tree.getroot().iterfind("s:url/s:loc", SITEMAP_NS)]
        if len(locs) < 10:
            problems.append(f"{edisi}/sitemap.xml: {len(locs)} URLs")
        for loc in locs:
            if not loc.startswith(f"{base}{edisi}/"):
                problems.append(f"{edisi}/sitemap.xml: {loc!r} not under {base}{edisi}/")
            elif (status := fetch(loc)[0]) != 200:
                problems.append(f"{edisi}/sitemap.xml: {loc} answers {status}")
    assert not problems, "\n".join(problems)


# --- 6. the version selector in a real browser -----------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        pytest.fail("Playwright's Python package is not installed in the test environment")
    with sync_playwright() as playwright:
        instance = chromium(playwright)
        try:
            yield instance
        finally:
            instance.close()


def open_page(browser, failures: list[str]):
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failures.append(f"failed {r.url}: {r.failure}"))
    return page


def selector_titles(page) -> list[str]:
    page.locator(".md-version").first.wait_for(state="visible")
    return [squeeze(t) for t in page.locator(".md-version__list .md-version__link").all_inner_texts()]


def choose_version(page, title: str) -> None:
    """Open the selector as a keyboard user does (focus keeps the list open) and pick ``title``."""
    page.locator(".md-version__current").focus()
    link = page.locator(".md-version__list .md-version__link", has_text=title).first
    link.wait_for(state="visible")
    link.click()


def open_newest_with_selector(page, versioned, base: str) -> None:
    """Through the alias (a link to the newest edition's folder), whose selector lists every edition."""
    page.goto(base + f"{ALIAS}/")
    assert page.url == base + f"{ALIAS}/"
    listed = selector_titles(page)
    for edisi in versioned.versions:
        assert any(item.startswith(versioned.titles[edisi]) for item in listed), (edisi, listed)


def test_version_selector_switches_editions(versioned, browser):
    base = versioned.base("publik")
    newest, older = versioned.versions[0], versioned.versions[-1]
    failures: list[str] = []
    page = open_page(browser, failures)
    try:
        open_newest_with_selector(page, versioned, base)
        assert squeeze(page.locator(".md-version__current").inner_text()).startswith(versioned.titles[newest])
        assert page.get_by_text(BANNER).count() == 0

        choose_version(page, versioned.titles[older])
        page.wait_for_url(re.compile(re.escape(f"{base}{older}/")))
        assert page.get_by_text(BANNER).first.is_visible(), "no old-edition banner after switching"
        assert squeeze(page.locator(".md-version__current").inner_text()).startswith(versioned.titles[older])

        choose_version(page, versioned.titles[newest])
        page.wait_for_url(re.compile(re.escape(f"{base}{newest}/")))
        page.locator(".md-version").first.wait_for(state="visible")
        assert page.get_by_text(BANNER).count() == 0
    finally:
        page.close()
    assert not failures, "requests that failed while switching:\n" + "\n".join(failures)


def test_version_selector_in_the_internal_edition(versioned, browser):
    base = versioned.base("internal")
    failures: list[str] = []
    page = open_page(browser, failures)
    try:
        open_newest_with_selector(page, versioned, base)
        assert page.get_by_text("EDISI INTERNAL").first.is_visible()
    finally:
        page.close()
    assert not failures, "requests that failed:\n" + "\n".join(failures)
