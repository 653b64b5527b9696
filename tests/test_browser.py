"""What readers get, checked in a real browser: accessible, fast to lay out on a phone, and self-contained pages.

Both site editions (publik, internal), with every election edition in data/, are built for the address a real
HTTP server started here serves them at (``--base-url``, as the deploy workflow does), and Debian's Chromium
(never a downloaded browser) visits every real page of every edition, 404.html included; the ``terbaru/``
alias and the root redirects are redirect pages and are left out. On each page:

* no console error and no uncaught exception, and no request to any host but the local server;
* axe-core (from npm, ``scripts/node-deps``) finds no violation of WCAG 2.0/2.1 A and AA in the page's content,
  nor, on three pages of each election edition, in Material's frame around it (FRAME); on an older election
  edition, built by the same templates, it checks those three pages only (axe_checked);
* at 360 px wide the page does not scroll sideways (a wide table scrolls inside its own wrapper) and the text in
  tables is at least 12 px;
* status badges carry a word and progress bars a number, so neither relies on colour alone;
* the first screen shows the bulletin: at 1280 px no table scrolls sideways; at 1280 and 360 px each notice
  (withheld information, illustrative figures) is one closed line that opens to its full text, and the header
  shows the site's title in full, or its short title on a phone, uncut.

Every redirect page (the roots of both site editions, pages that moved) is opened too: no console error, no
failed request (no ``/favicon.ico`` asked for), and it lands on a real page.

Then Material's search finds a kecamatan and agencies by name, and screenshots of the beranda and a kecamatan
page, on a desktop and a 360 px phone, are saved under artifacts/screenshots/ for a person to look at.

One browser visits the pages once (two tabs, each going from page to page); the tests read the results.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import pytest
from conftest import EDISI
from node_deps import node_package
from support import CHROMIUM, CHROMIUM_ARGS, StaticServer, bulletin

playwright_async = pytest.importorskip("playwright.async_api")

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EDITIONS = ("publik", "internal")
ALIAS = "terbaru"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 780}
SHORT_TITLE = "Desk Pilkada Barsel"  # mkdocs.yml extra.short_title
NOTICES = ("Sebagian informasi dikecualikan", "Sebagian angka ilustratif", "Ringkasan untuk WhatsApp")
ONE_LINE_PX = 48  # a closed notice: its title line and borders
MIN_TABLE_TEXT_PX = 12
TABS = 2  # pages visited at once: the machine has two cores
# Material's frame around the page: the same template, styles and links on every page of an election edition,
# differing only in which item is marked as the current one. axe-core checks it in full on the pages of
# FRAME_PAGES of every edition and election edition (the home page, a page one level down in the navigation, the
# 404 page), and the page's own content everywhere: colour contrast over the frame's hundred links was half of
# the time of the visit of every page. The table of contents (.md-sidebar--secondary) is the page's own.
FRAME = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer")
FRAME_PAGES = ("", "kecamatan/jenamas/", "404.html")
REDIRECTS_AT_ONCE = 13  # redirect pages followed at once (each waits twice for the network to go quiet: idle)
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


# --- the site, served ------------------------------------------------------------------------------------------


@dataclass
class ServedSite:
    root: Path  # holds publik/ and internal/
    url: str  # http://127.0.0.1:<port>, no trailing slash
    pages: list[str]  # every real page, as a path from the server root: publik/<edisi>/kecamatan/jenamas/
    newest: str  # the newest election edition (the first of versions.json)
    redirects: list[str]  # every redirect page, the same way (not those under the alias terbaru/)

    def address(self, path: str) -> str:
        return f"{self.url}/{path}"


def is_redirect(html: Path) -> bool:
    return 'http-equiv="refresh"' in html.read_text(encoding="utf-8", errors="replace")[:2000].lower()


def real_pages(root: Path) -> list[str]:
    """Every page of both site editions, from every election edition and the edition's root (its 404 page);
    not the alias ``terbaru/`` nor the root redirect, which are redirect pages, nor the web form (admin/)."""
    pages = []
    for edition in EDITIONS:
        for html in sorted((root / edition).rglob("*.html")):
            path = html.relative_to(root).as_posix()
            if path.startswith(f"{edition}/{ALIAS}/") or is_redirect(html) or "/admin/" in path:
                continue  # admin/: the web form, a third-party application tested in tests/test_cms.py
            pages.append(path[: -len("index.html")] if path.endswith("/index.html") else path)
    return pages


def redirect_pages(root: Path) -> list[str]:
    """Every redirect page of both site editions: their roots and the pages that moved."""
    pages = []
    for edition in EDITIONS:
        for html in sorted((root / edition).rglob("*.html")):
            path = html.relative_to(root).as_posix()
            if not path.startswith(f"{edition}/{ALIAS}/") and is_redirect(html):
                pages.append(path[: -len("index.html")] if path.endswith("/index.html") else path)
    return pages


# Session fixtures, not module ones: a worker may run this module's tests with other modules' between them, and
# a module fixture would then be made again (the visit of every page takes a minute and more). `make test` sends
# a whole file to one worker (`pytest --dist loadfile`), so they are made once per run.
@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """Both editions built for, and served by, a real HTTP server on 127.0.0.1 (a free port)."""
    root = tmp_path_factory.mktemp("dibaca") / "site"
    with StaticServer(root) as server:
        for edition in EDITIONS:  # one build per edition: each is served under its own base address
            result = bulletin("build", "--edition", edition, "--site-dir", root, "--base-url",
                              f"{server.url}/{edition}/", "--cache-dir", root.parent / "cache")
            assert result.returncode == 0, result.stdout + result.stderr
        newest = json.loads((root / "publik" / "versions.json").read_text(encoding="utf-8"))[0]["version"]
        yield ServedSite(root=root, url=server.url, pages=real_pages(root), newest=newest,
                         redirects=redirect_pages(root))


@pytest.fixture(scope="session")
def axe_js() -> Path:
    return node_package("axe-core/axe.min.js")


class Browser:
    """One Chromium for the whole session, driven by Playwright's async API from an event loop in its own thread,
    so that the tests (plain functions) can hand it work and several tabs can work at once."""

    def __init__(self):
        assert CHROMIUM.exists(), f"{CHROMIUM} is not installed: run scripts/system-deps (make test does)"
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.run(self._start())

    async def _start(self):
        self.playwright = await playwright_async.async_playwright().start()
        self.chromium = await self.playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        self.context = await self.chromium.new_context(viewport=DESKTOP)

    async def _stop(self):
        await self.context.close()
        await self.chromium.close()
        await self.playwright.stop()

    def run(self, coroutine, timeout: float = 900):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self):
        try:
            self.run(self._stop(), timeout=60)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    instance = Browser()
    try:
        yield instance
    finally:
        instance.close()


# --- what the browser measures on a page ---------------------------------------------------------------------

AXE_RUN = """async ([tags, exclude]) => {
  const context = exclude.length ? {exclude: exclude.map(selector => [selector])} : document;
  const result = await axe.run(context, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary, html: n.html}))}));
}"""

NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

# Every element in a table cell that holds text of its own, with its computed size, if under the minimum.
SMALL_TABLE_TEXT = """(minimum) => {
  const small = [];
  for (const cell of document.querySelectorAll('.md-typeset table th, .md-typeset table td')) {
    for (const el of [cell, ...cell.querySelectorAll('*')]) {
      const text = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim();
      if (!text || !el.getClientRects().length) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minimum) small.push(`${size}px <${el.tagName.toLowerCase()} class="${el.getAttribute('class') || ''}">${text.slice(0, 40)}`);
    }
  }
  return small;
}"""

# What overflows the page sideways: the widest elements past the right edge, to say where to look.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, scrollWidth = document.documentElement.scrollWidth;
  const wide = [];
  if (scrollWidth <= width) return {scrollWidth, culprits: wide};
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !el.closest('.md-typeset__scrollwrap, .md-sidebar, .md-search')) {
      wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(box.right)}`);
    }
  }
  return {scrollWidth, culprits: wide.slice(0, 5)};
}"""

# Badges must say their status in words, progress bars must come with the number; colour is never alone.
COLOUR_ALONE = """() => {
  const problems = [];
  const words = el => [...el.childNodes].filter(n => !(n.nodeType === Node.ELEMENT_NODE && n.getAttribute('aria-hidden') === 'true'))
                                      .map(n => n.textContent).join('').trim();
  for (const badge of document.querySelectorAll('.bdp-badge')) {
    if (!/[A-Za-z]{3,}/.test(words(badge))) problems.push(`badge without a word: ${badge.outerHTML.slice(0, 120)}`);
  }
  for (const bar of document.querySelectorAll('.bdp-bar')) {
    const row = bar.closest('tr');
    const text = row ? row.innerText : '';
    if (bar.getAttribute('aria-hidden') !== 'true' && !bar.getAttribute('aria-label')) {
      problems.push(`progress bar neither hidden nor named: ${bar.outerHTML.slice(0, 120)}`);
    }
    if (!/\\d+(,\\d+)?%/.test(text)) problems.push(`progress bar without its percentage in words: ${text.slice(0, 120)}`);
  }
  return {problems, badges: document.querySelectorAll('.bdp-badge').length,
          bars: document.querySelectorAll('.bdp-bar').length};
}"""


# The first screen: tables that scroll sideways, the notices (their element, height, whether open) and what the
# header shows of the site's title (the visible text, and whether it is cut).
FIRST_SCREEN = """(notices) => {
  const wide = [...document.querySelectorAll('.md-typeset__scrollwrap')].filter(w => w.scrollWidth > w.clientWidth + 1)
    .map(w => `${w.clientWidth} < ${w.scrollWidth}: ` + [...w.querySelectorAll('th')].map(th => th.innerText).join(' | '));
  const found = [];
  for (const box of document.querySelectorAll('.md-typeset .admonition, .md-typeset details')) {
    const title = box.querySelector('.admonition-title, summary');
    const name = title ? title.innerText.trim() : '';
    if (!notices.includes(name)) continue;
    found.push({name, tag: box.tagName.toLowerCase(), open: box.hasAttribute('open'),
                height: Math.round(box.getBoundingClientRect().height)});
  }
  const topic = document.querySelector('.md-header__topic .md-ellipsis');
  const shown = topic ? [...topic.querySelectorAll('span')].filter(s => s.getClientRects().length) : [];
  const text = shown.length ? shown.map(s => s.innerText.trim()).join(' ') : (topic ? topic.innerText.trim() : '');
  const table = document.querySelector('.md-typeset table');
  return {wide, notices: found, firstTable: table ? Math.round(table.getBoundingClientRect().top + scrollY) : null,
          title: {text, cut: topic ? topic.scrollWidth > topic.clientWidth + 1 : true,
                  width: topic ? Math.round(topic.getBoundingClientRect().width) : 0}};
}"""


@dataclass
class Screen:
    """What one width shows first."""

    wide_tables: list[str] = field(default_factory=list)
    notices: list[dict] = field(default_factory=list)
    title: dict = field(default_factory=dict)
    first_table: int | None = None  # where the page's first table starts, from the top of the page (px)


@dataclass
class Visit:
    page: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)
    axe: bool = False  # whether axe-core checked the page (axe_checked)
    scroll_width: int = 0  # at 360 px
    overflowing: list[str] = field(default_factory=list)
    small_table_text: list[str] = field(default_factory=list)
    colour_alone: list[str] = field(default_factory=list)
    badges: int = 0
    bars: int = 0
    screens: dict[int, Screen] = field(default_factory=dict)  # by viewport width
    error: str | None = None


def is_local(url: str, base: str) -> bool:
    scheme = urlsplit(url).scheme
    return scheme in ("data", "blob", "about") or url == base or url.startswith(base + "/")


def console_error(message) -> str:
    where = (message.location or {}).get("url")  # for "Failed to load resource", the resource
    return f"console: {message.text}" + (f" ({where})" if where else "")


def watch(page, visit: Visit | Callable[[], Visit], base: str) -> None:
    """Report the page's console errors, failed requests and requests outside the server on ``visit`` (or on
    the visit that ``visit()`` gives at that moment)."""
    now = visit if callable(visit) else lambda: visit
    page.on("console", lambda message: now().console_errors.append(console_error(message))
            if message.type == "error" else None)
    page.on("pageerror", lambda error: now().console_errors.append(f"exception: {error}"))
    page.on("request", lambda request: None if is_local(request.url, base)
            else now().outside_requests.append(request.url))
    page.on("response", lambda response: now().failed_requests.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)


class Tab:
    """One tab that visits page after page: a new tab per page starts a new renderer process each time, which
    was a third of the time. What the tab reports goes to the visit under way (``visit``): something a page asks
    for after the tab has left it (Chromium asks for the icon after "load") is reported on the tab's next page,
    and on the last one the tab waits for the network to go quiet. axe-core is loaded into every document the
    tab opens, before the page's own scripts."""

    def __init__(self, page, base: str):
        self.page = page
        self.visit = Visit("")
        watch(page, lambda: self.visit, base)

    @classmethod
    async def open(cls, context, base: str, axe_js: Path) -> "Tab":
        page = await context.new_page()
        await page.add_init_script(path=str(axe_js))
        return cls(page, base)


def frame_checked(path: str) -> bool:
    """Whether axe-core checks Material's frame on this page (FRAME_PAGES), or only the page's own content."""
    parts = path.split("/", 2)
    return len(parts) < 3 or parts[2] in FRAME_PAGES


def axe_checked(path: str, newest: str) -> bool:
    """Whether axe-core checks this page at all: every page of the newest election edition (what a reader opens
    first), and FRAME_PAGES of the older ones. An older edition's pages come from the same templates with another
    election's data; what only they show, the banner that points to the newest edition, is in the frame of every
    one of their pages, so their FRAME_PAGES check it. The other checks of the visit run on every page."""
    parts = path.split("/", 2)
    return frame_checked(path) or (len(parts) > 1 and parts[1] == newest)


async def check_page(tab: Tab, site: ServedSite, path: str) -> Visit:
    visit = tab.visit = Visit(path)
    page = tab.page
    try:
        await page.set_viewport_size(DESKTOP)
        await page.goto(site.address(path), wait_until="load")
        visit.screens[DESKTOP["width"]] = Screen(**_screen(await page.evaluate(FIRST_SCREEN, list(NOTICES))))
        if axe_checked(path, site.newest):
            visit.violations = await page.evaluate(AXE_RUN, [WCAG_TAGS, [] if frame_checked(path) else list(FRAME)])
            visit.axe = True
        colour = await page.evaluate(COLOUR_ALONE)
        visit.colour_alone, visit.badges, visit.bars = colour["problems"], colour["badges"], colour["bars"]
        # No wait for a frame after the resize: what is measured at 360 px is layout, which reading it brings up
        # to date at once; waiting for two animation frames was 0.3 s a page, a third of the visit.
        await page.set_viewport_size(PHONE)
        overflow = await page.evaluate(OVERFLOW)
        visit.scroll_width, visit.overflowing = overflow["scrollWidth"], overflow["culprits"]
        visit.small_table_text = await page.evaluate(SMALL_TABLE_TEXT, MIN_TABLE_TEXT_PX)
        visit.screens[PHONE["width"]] = Screen(**_screen(await page.evaluate(FIRST_SCREEN, list(NOTICES))))
    except Exception as exc:  # a page the browser could not check: test_every_page_… fails and says why
        visit.error = f"{type(exc).__name__}: {exc}"
    return visit


def _screen(measured: dict) -> dict:
    return {"wide_tables": measured["wide"], "notices": measured["notices"], "title": measured["title"],
            "first_table": measured["firstTable"]}


async def check_all(browser: Browser, site: ServedSite, axe_js: Path) -> dict[str, Visit]:
    """Every page, visited by TABS tabs that each take the next page left."""
    waiting = list(reversed(site.pages))
    visits: list[Visit] = []

    async def tab_at_work() -> None:
        tab = await Tab.open(browser.context, site.url, axe_js)
        try:
            while waiting:
                visits.append(await check_page(tab, site, waiting.pop()))
            await tab.page.wait_for_load_state("networkidle")
        finally:
            await tab.page.close()

    await asyncio.gather(*(tab_at_work() for _ in range(TABS)))
    return {visit.page: visit for visit in sorted(visits, key=lambda v: v.page)}


@pytest.fixture(scope="session")
def visits(browser, served_site, axe_js) -> dict[str, Visit]:
    return browser.run(check_all(browser, served_site, axe_js))


def report(problems: dict[str, list[str]]) -> str:
    lines = []
    for page, items in problems.items():
        lines.append(page)
        lines += [f"    {item}" for item in items]
    return f"{len(problems)} pages:\n" + "\n".join(lines)


def describe(violation: dict) -> str:
    nodes = violation["nodes"]
    where = "; ".join(f"{n['target']} ({' '.join(n['summary'].split())[:200]})" for n in nodes[:3])
    more = f" and {len(nodes) - 3} more" if len(nodes) > 3 else ""
    return f"{violation['id']} [{violation['impact']}] {violation['help']}: {where}{more}"


# --- every page ------------------------------------------------------------------------------------------------


def test_every_page_of_every_edition_is_visited(served_site, visits):
    pages = served_site.pages
    for edition in EDITIONS:
        edisi_folders = {p.name for p in (served_site.root / edition).iterdir() if p.is_dir() and p.name != ALIAS}
        assert EDISI in edisi_folders, (edition, sorted(edisi_folders))
        for edisi in edisi_folders:
            for page in ("", "404.html", "kecamatan/", "kecamatan/jenamas/", "instansi/kpu/", "tindak-lanjut/"):
                assert f"{edition}/{edisi}/{page}" in pages, f"{edition}/{edisi}/{page}"
    assert not any(f"/{ALIAS}/" in p or p.startswith(f"{ALIAS}/") for p in pages)
    not_checked = {page: [visit.error] for page, visit in visits.items() if visit.error}
    assert not not_checked, "the browser could not check " + report(not_checked)


def test_no_console_errors(visits):
    problems = {page: v.console_errors + [f"HTTP {r}" for r in v.failed_requests]
                for page, v in visits.items() if v.console_errors or v.failed_requests}
    assert not problems, "console errors, exceptions or failed requests on " + report(problems)


def test_no_request_leaves_the_local_server(visits):
    problems = {page: sorted(set(v.outside_requests)) for page, v in visits.items() if v.outside_requests}
    assert not problems, "requests to other hosts from " + report(problems)


def test_the_frame_is_checked_in_full_in_every_edition(served_site):
    for edition in EDITIONS:
        for edisi in {p.split("/")[1] for p in served_site.pages if p.startswith(f"{edition}/") and p.count("/") > 1}:
            checked = [p for p in served_site.pages if p.startswith(f"{edition}/{edisi}/") and frame_checked(p)]
            assert len(checked) == len(FRAME_PAGES), (edition, edisi, checked)


def test_axe_checks_the_newest_edition_whole_and_the_frame_of_the_others(served_site, visits):
    checked = {page for page, visit in visits.items() if visit.axe}
    for page in served_site.pages:
        newest = page.split("/")[1] == served_site.newest
        assert (page in checked) == (newest or frame_checked(page)), page
    assert any(page.split("/")[1] != served_site.newest for page in checked)


def test_no_accessibility_violations(visits):
    problems = {page: [describe(violation) for violation in v.violations] for page, v in visits.items()
                if v.violations}
    assert not problems, f"axe-core ({', '.join(WCAG_TAGS)}) violations on " + report(problems)


def test_no_sideways_scrolling_at_360px(visits):
    problems = {page: [f"scrollWidth {v.scroll_width} > {PHONE['width']}"] + v.overflowing
                for page, v in visits.items() if v.scroll_width > PHONE["width"]}
    assert not problems, "the page scrolls sideways on a 360 px phone: " + report(problems)


def test_table_text_readable_at_360px(visits):
    problems = {page: v.small_table_text[:8] + ([f"… {len(v.small_table_text) - 8} more"]
                                               if len(v.small_table_text) > 8 else [])
                for page, v in visits.items() if v.small_table_text}
    assert not problems, f"table text under {MIN_TABLE_TEXT_PX} px: " + report(problems)


def test_status_and_progress_not_by_colour_alone(visits):
    assert sum(v.badges for v in visits.values()) > 0 and sum(v.bars for v in visits.values()) > 0
    problems = {page: v.colour_alone for page, v in visits.items() if v.colour_alone}
    assert not problems, report(problems)


# --- the first screen ----------------------------------------------------------------------------------------------


def test_no_table_scrolls_sideways_at_1280px(visits):
    """Material's default grid at 1280 px: every table fits its column (pages that are mostly a table get the
    page's width, without the table of contents beside them)."""
    problems = {page: v.screens[DESKTOP["width"]].wide_tables for page, v in visits.items()
                if v.screens and v.screens[DESKTOP["width"]].wide_tables}
    assert not problems, "tables scrolling sideways at 1280 px on " + report(problems)


@pytest.mark.parametrize("width", [DESKTOP["width"], PHONE["width"]])
def test_notices_take_one_line(visits, width):
    """A notice is a closed disclosure of one line: its full text opens on demand."""
    seen = set()
    problems: dict[str, list[str]] = {}
    for page, visit in visits.items():
        for notice in visit.screens[width].notices if visit.screens else []:
            seen.add(notice["name"])
            if notice["tag"] != "details" or notice["open"] or notice["height"] > ONE_LINE_PX:
                problems.setdefault(page, []).append(str(notice))
    assert seen == set(NOTICES), f"notices found: {seen}"
    assert not problems, f"notices of more than one line at {width} px on " + report(problems)


@pytest.mark.parametrize("width, expected", [(DESKTOP["width"], "Buletin Desk Pilkada"),
                                             (PHONE["width"], SHORT_TITLE)])
def test_header_shows_a_readable_title(visits, width, expected):
    problems = {}
    for page, visit in visits.items():
        if page.endswith("404.html") and page.count("/") == 1:
            continue  # the root 404 page is plain HTML, without Material's header
        title = visit.screens[width].title if visit.screens else {}
        if not title.get("text", "").startswith(expected) or title.get("cut"):
            problems[page] = [str(title)]
    assert not problems, f"the header's title at {width} px on " + report(problems)


def test_home_page_shows_readiness_on_the_first_screen(visits):
    """At 1280 × 900 the beranda's first table (readiness per kecamatan) starts on the first screen."""
    homes = {page: v.screens[DESKTOP["width"]].first_table for page, v in visits.items()
             if re.fullmatch(r"(publik|internal)/[^/]+/", page)}
    assert len(homes) >= 4, sorted(homes)
    late = {page: top for page, top in homes.items() if top is None or top >= DESKTOP["height"]}
    assert not late, f"the readiness table starts below the first screen: {late}"


def test_home_page_links_the_data_note_instead_of_opening_with_it(served_site):
    for edition in EDITIONS:
        home = (served_site.root / edition / EDISI / "index.html").read_text(encoding="utf-8")
        note = (served_site.root / edition / EDISI / "catatan-data" / "index.html").read_text(encoding="utf-8")
        assert 'href="catatan-data/"' in home
        assert "Data NYATA" in note and "Data NYATA" not in home


def test_redirect_pages_open_without_errors(served_site, browser):
    """The roots of both site editions and the pages that moved: the browser follows them to a real page with no
    console error and no failed request (their icon link asks the server for nothing)."""
    assert {f"{edition}/" for edition in EDITIONS} <= set(served_site.redirects)

    async def follow(path: str) -> tuple[str, list[str]]:
        visit = Visit(path)
        page = await browser.context.new_page()
        watch(page, visit, served_site.url)
        try:
            await page.goto(served_site.address(path), wait_until="load")
            await page.wait_for_load_state("networkidle")
            await page.wait_for_function("() => !document.querySelector('meta[http-equiv=\"refresh\"]')")
            await page.wait_for_load_state("networkidle")
            return page.url, visit.console_errors + [f"HTTP {r}" for r in visit.failed_requests] + \
                visit.outside_requests
        finally:
            await page.close()

    async def all_of_them():  # most of a follow is waiting for the network to go quiet: several at once
        at_once = asyncio.Semaphore(REDIRECTS_AT_ONCE)

        async def one(path: str) -> tuple[str, tuple[str, list[str]]]:
            async with at_once:
                return path, await follow(path)

        return dict(await asyncio.gather(*(one(path) for path in served_site.redirects)))

    results = browser.run(all_of_them())
    problems = {path: errors for path, (_, errors) in results.items() if errors}
    assert not problems, "redirect pages with errors: " + report(problems)
    landed = {path: url for path, (url, _) in results.items()
              if url.rstrip("/") == served_site.address(path).rstrip("/")}
    assert not landed, f"redirect pages that did not redirect: {landed}"


# --- search -----------------------------------------------------------------------------------------------------

SEARCHES = [("Jenamas", "kecamatan/jenamas/"), ("KPU", "instansi/kpu/"), ("Satpol PP", "instansi/satpol-pp/")]

RESULT_LINKS = "() => [...document.querySelectorAll('.md-search-result__list a')].map(a => a.href)"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("query, target", SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_finds_kecamatan_and_agencies(served_site, browser, edition, query, target):
    beranda = served_site.address(f"{edition}/{EDISI}/")
    expected = beranda + target

    async def search() -> tuple[bool, list[str], list[str]]:
        page = await browser.context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            await page.goto(beranda, wait_until="load")
            field_ = page.locator("input.md-search__input")
            await field_.click()
            await field_.press_sequentially(query, delay=30)
            try:
                await page.wait_for_function(
                    "(expected) => [...document.querySelectorAll('.md-search-result__list a')]"
                    ".some(a => { const u = new URL(a.href); return u.origin + u.pathname === expected; })", arg=expected, timeout=15_000)
                found = True
            except playwright_async.TimeoutError:
                found = False
            return found, await page.evaluate(RESULT_LINKS), errors
        finally:
            await page.close()

    found, links, errors = browser.run(search())
    assert found, f"searching {query!r} on {beranda} gave no link to {expected}; results: {links[:10]}"
    assert not errors, errors


# --- what a person sees -----------------------------------------------------------------------------------------

SHOWN = [("beranda", ""), ("kecamatan-jenamas", "kecamatan/jenamas/")]


@pytest.mark.parametrize("name, path", SHOWN, ids=[n for n, _ in SHOWN])
def test_screenshots_and_phone_accessibility(served_site, browser, axe_js, name, path):
    """Screenshots of the public beranda and a kecamatan page on a desktop and a phone (artifacts/screenshots/),
    and axe at phone width too, where the navigation is a drawer and wide tables scroll in their wrappers."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    async def shoot() -> list[dict]:
        page = await browser.context.new_page()
        try:
            await page.set_viewport_size(DESKTOP)
            await page.goto(served_site.address(f"publik/{EDISI}/{path}"), wait_until="load")
            await page.screenshot(path=str(SCREENSHOTS / f"{name}-1280.png"), full_page=True)
            await page.set_viewport_size(PHONE)
            await page.evaluate(NEXT_FRAME)
            await page.screenshot(path=str(SCREENSHOTS / f"{name}-360.png"), full_page=True)
            await page.add_script_tag(path=str(axe_js))
            return await page.evaluate(AXE_RUN, [WCAG_TAGS, []])
        finally:
            await page.close()

    violations = browser.run(shoot())
    for width in (1280, 360):
        shot = SCREENSHOTS / f"{name}-{width}.png"
        assert shot.stat().st_size > 10_000, shot
    assert not violations, "at 360 px: " + "\n".join(describe(v) for v in violations)
