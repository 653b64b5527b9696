"""The way past MkDocs 1.x does not rot: the example's public edition, written by `bulletin render --out`, built
by ProperDocs 1.6 with Material 9.8 (the best candidate of bench/builders.py, README "Builder") and checked as the
product's own site is: every internal link resolves, every page is valid HTML (vnu), axe-core finds no WCAG
2.0/2.1 A/AA violation on representative pages in Chromium, no request leaves the local server, and the versions
selector and the search work.

ProperDocs is in the lock as a test dependency (pyproject.toml's ``test`` extra; not in a desk's runtime lock): it
runs as ``python -m properdocs`` beside MkDocs in .venv, and answers every ``import mkdocs…`` of Material itself
(properdocs.replacement, imported by its command only: MkDocs' own builds in the same environment are untouched).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from node_deps import node_package
from support import ROOT, StaticServer, chromium, crawl
from test_browser import AXE_RUN, WCAG_TAGS, console_error, is_local
from test_html_valid import run_vnu

sys.path.insert(0, str(ROOT / "bench"))
import builders  # noqa: E402  (bench/builders.py: the same preparation as the measurements)

from generator.build.markup import valid_toggles  # noqa: E402
from generator.build.offline import write_copy  # noqa: E402

CANDIDATE = "properdocs"
EDISI = "pilkada-2024"  # the example's newest election edition: what `render --out` writes by default
pytestmark = [pytest.mark.browser, pytest.mark.validator]  # besides `build` (conftest.py's MODULE_MARKS)
PAGES = ["", "kecamatan/jenamas/", "rapat/2024-07-23-rapat-koordinasi-desk-pilkada/", "data-terbuka/"]


def candidate() -> tuple[list[str], dict[str, str]]:
    """The command that runs the candidate (in the lock, as a test dependency), and its environment."""
    env = {**os.environ, "NO_COLOR": "1", "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    return [sys.executable, "-m", CANDIDATE], env


@pytest.fixture(scope="module")
def alt_site(tmp_path_factory) -> Path:
    """The served root: the edition in <root>/pilkada-2024/ beside a versions.json, as `bulletin build` lays out
    an edition (the versions selector reads ../versions.json)."""
    folder = tmp_path_factory.mktemp(CANDIDATE)
    prepared = builders.prepare(ROOT, folder)
    config = builders.configuration(CANDIDATE, folder, prepared["nav"], ROOT)
    command, env = candidate()
    result = subprocess.run([*command, *builders.COMMANDS[CANDIDATE], str(config)], cwd=folder, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    root = folder / "served"
    site = folder / f"site-{CANDIDATE}"
    for page in site.rglob("*.html"):  # what the plugin does under MkDocs (generator/build/markup.py)
        page.write_text(valid_toggles(page.read_text(encoding="utf-8")), encoding="utf-8")
    write_copy(site, EDISI, None)  # the offline ZIP the data page links to (the plugin's on_post_build)
    root.mkdir()
    site.rename(root / EDISI)
    (root / "versions.json").write_text(json.dumps([{"version": EDISI, "title": "Pilkada 2024",
                                                     "aliases": ["terbaru"]}]), encoding="utf-8")
    return root


def test_every_internal_link_resolves(alt_site):
    with StaticServer(alt_site) as server:
        statuses, referrers, outside = crawl(server.url, [f"{server.url}/{EDISI}/"], within=f"/{EDISI}/")
    broken = {url: sorted(referrers[url])[:3] for url, status in statuses.items() if status != 200}
    assert not broken, f"links that do not resolve: {broken}"
    assert not outside, outside
    pages = [url for url in statuses if url.endswith("/")]
    assert len(pages) >= 30, sorted(statuses)  # every page of the navigation and the pages they link to


def test_every_page_is_valid_html(alt_site):
    files = sorted(alt_site.rglob("*.html"))
    messages = run_vnu(node_package("vnu-jar/build/dist/vnu.jar"), files)
    assert not messages, "\n".join(f"{m.get('url', '?').rsplit(EDISI, 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
                                   for m in messages[:20])


def test_pages_in_chromium(alt_site):
    """axe-core on representative pages (home, a kecamatan with its notices, a meeting, the data page), no
    request outside the server, no console error, the versions selector, the search."""
    from playwright.sync_api import sync_playwright

    problems: dict[str, list[str]] = {}
    with StaticServer(alt_site) as server, sync_playwright() as playwright:
        browser = chromium(playwright)
        page = browser.new_page()
        page.add_init_script(path=str(node_package("axe-core/axe.min.js")))
        seen: list[str] = []
        page.on("console", lambda message: seen.append(console_error(message)) if message.type == "error" else None)
        page.on("pageerror", lambda error: seen.append(f"exception: {error}"))
        page.on("request", lambda request: None if is_local(request.url, server.url)
                else seen.append(f"outside request: {request.url}"))
        page.on("response", lambda response: seen.append(f"HTTP {response.status} {response.url}")
                if response.status >= 400 else None)
        for path in PAGES:
            page.goto(f"{server.url}/{EDISI}/{path}", wait_until="load")
            violations = page.evaluate(AXE_RUN, [WCAG_TAGS, []])
            found = seen + [f"axe {v['id']}: {v['help']} ({v['nodes'][0]['target']})" for v in violations]
            if path == "kecamatan/jenamas/":
                found += [] if page.locator("details.info").count() else ["no collapsible notice (details)"]
            if path == "":
                page.wait_for_selector(".md-version__current", timeout=5000)  # the versions selector
                page.locator("input.md-search__input").click()
                page.keyboard.type("Jenamas")
                page.wait_for_selector(".md-search-result__item", timeout=10000)
            if found:
                problems[path or "(beranda)"] = found
            seen.clear()
        browser.close()
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
