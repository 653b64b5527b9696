"""Desks across the country, made by `bulletin init`, validated, built and read as their readers would.

For each desk: init → validate (0 errors) → build (both site editions, real MkDocs) → every page served over HTTP
and crawled (every link answers 200; nothing is loaded from another host) → the home page and a kecamatan page
opened in Chromium (no request leaves the site, no error on the console); and a kabupaten/kota desk's pages say in
words that nothing has come in yet.

* drawn kabupaten/kota codes of the reference (Hypothesis), with explicit examples: the fewest and the most
  kecamatan, names with apostrophes and parentheses, the newest provinces of Papua. `make test` runs the
  explicit examples (`--desk-examples 0`, as the Makefile passes it); one drawn code by default, more by hand:

      .venv/bin/python -m pytest tests/test_desks.py --desk-examples 40

* a province desk (Kalimantan Utara: five kabupaten/kota, a folder each);
* the national desk, made from a reference cut to two provinces (the whole country's 7,285 kecamatan take a minute
  to build; `bench/run.py --scale national` measures that build).
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from playwright import sync_api
from support import StaticServer, chromium, cli, crawl

from generator.domain.regions import REFERENCE, RegionTree, region_tree
from generator.tools.desk import new_desk, write_desk

pytestmark = [pytest.mark.build, pytest.mark.browser]

VOTING_DAY = "2029-11-28"
VOTING_DAY_WEEKDAY, VOTING_DAY_WORDS = "Rabu", "28 November 2029"
EDISI = "pilkada-2029"

with open(REFERENCE, newline="", encoding="utf-8") as _handle:
    CODES = {row["kode"]: row["nama"] for row in csv.DictReader(_handle)}
KABUPATEN = sorted(code for code in CODES if code.count(".") == 1)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = chromium(playwright)
        yield launched
        launched.close()


def built(folder: Path, work: Path, edisi: str = EDISI) -> Path:
    """The desk validated (0 errors, whatever it still has to fill) and built: its site folder."""
    checked = cli("validate", project=folder)
    assert checked.exit_code == 0, checked.output
    site = work / "site"
    result = cli("build", "--site-dir", site, "--cache-dir", work / "cache", project=folder)
    assert result.exit_code == 0, result.output
    for edition in ("publik", "internal"):
        assert (site / edition / edisi / "index.html").is_file(), edition
    return site


def pages_hold(site: Path, browser, edisi: str = EDISI, region_name: str | None = None) -> None:
    """Every page of both editions reached by links answers, nothing comes from another host, and in a browser
    the public home page and a kecamatan page load only from the site, without console errors."""
    for edition in ("publik", "internal"):
        with StaticServer(site / edition) as server:
            base = f"{server.url}/"
            statuses, referrers, outside = crawl(server.url, [base, f"{base}{edisi}/"])
            pages = [url for url in statuses if url.endswith("/")]
            assert len(pages) > 10, sorted(statuses)
            broken = [f"{status} {url} (from {sorted(referrers[url])[:3]})"
                      for url, status in statuses.items() if status != 200]
            assert not broken and not outside, (broken, outside)
            kecamatan = sorted(url for url in pages if f"/{edisi}/kecamatan/" in url and
                               not url.endswith(f"/{edisi}/kecamatan/"))
            assert kecamatan, "no kecamatan page reached"
            if edition == "internal":
                continue  # crawled above; in Chromium, the internal edition's pages are tests/test_browser.py's
            page = browser.new_page()
            requests: list[str] = []
            errors: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            try:
                for url in (f"{base}{edisi}/", kecamatan[0]):
                    response = page.goto(url, wait_until="load")
                    assert response is not None and response.status == 200, url
                    if region_name:
                        assert region_name in page.title(), (url, page.title())
            finally:
                page.close()
            assert all(url.startswith(server.url) or url.startswith(("data:", "blob:")) for url in requests), \
                [url for url in requests if not url.startswith(server.url)]
            assert not errors, errors


def nothing_in_yet(site: Path, desk_name: str) -> None:
    """A new desk's pages say in words that nothing has come in: no countdown from a date that is no data's date,
    no table of figures that are all missing, no date given to the data; the voting day named only as planned."""
    for edition in ("publik", "internal"):
        home = (site / edition / EDISI / "index.html").read_text(encoding="utf-8")
        assert f"Buletin {desk_name}" in home
        assert (site / edition / EDISI / "panduan-editor" / "index.html").is_file()
    assert (site / "internal" / ".buletin-internal").is_file()
    home = (site / "publik" / EDISI / "index.html").read_text(encoding="utf-8")
    assert "Belum ada laporan" in home and "Belum ada rapat" in home and "Hari H" not in home
    assert "Belum ada laporan angka" in home and "Perubahan" not in home
    some = next((site / "publik" / EDISI / "kecamatan").glob("*/index.html")).read_text(encoding="utf-8")
    assert "Belum ada laporan angka" in some and "Perubahan" not in some
    note = (site / "publik" / EDISI / "catatan-data" / "index.html").read_text(encoding="utf-8")
    assert "Belum ada laporan atau rapat bertanggal" in note
    package = json.loads((site / "publik" / EDISI / "unduh" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["tanggal_data"] is None
    for page in (site / "publik" / EDISI).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert text.count(VOTING_DAY_WORDS) == text.count(f"Pemungutan suara direncanakan {VOTING_DAY_WEEKDAY}, "
                                                          f"{VOTING_DAY_WORDS}"), page
    about = (site / "publik" / EDISI / "tentang" / "index.html").read_text(encoding="utf-8")
    assert desk_name in about


def init(folder: Path, wilayah: str) -> None:
    result = cli("init", folder, "--wilayah", wilayah, "--pemungutan", VOTING_DAY)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def desk_budget(request) -> int:
    return request.config.getoption("--desk-examples")


def test_any_kabupaten_or_kota_desk_builds_and_its_pages_hold(tmp_path_factory, browser, desk_budget):
    @settings(max_examples=max(desk_budget, 1), deadline=None, database=None, suppress_health_check=list(HealthCheck),
              phases=[Phase.explicit] if desk_budget < 1 else [Phase.explicit, Phase.generate],
              derandomize=desk_budget <= 1)
    @example("13.72")  # the fewest kecamatan (2)
    @example("95.03")  # the most kecamatan (51), in Papua Pegunungan, one of the newest provinces
    @example("12.14")  # Nias Selatan: kecamatan named with apostrophes (O'o'u, Sidua'ori)
    @example("96.03")  # Raja Ampat, in Papua Barat Daya (the newest province): "Misool (Misool Utara)"
    @given(st.sampled_from(KABUPATEN))
    def run(code):
        work = tmp_path_factory.mktemp("desk")
        folder = work / f"desk-{code.replace('.', '-')}"
        init(folder, code)
        kecamatan = list((folder / "data" / EDISI / "kecamatan").glob("*.yml"))
        expected = {c for c in CODES if c.startswith(code + ".") and c.count(".") == 2}
        names = {yaml.safe_load(p.read_text(encoding="utf-8"))["nama"] for p in kecamatan}
        assert len(kecamatan) == len(expected) and names == {" ".join(CODES[c].split()) for c in expected}
        site = built(folder, work)
        name = " ".join(CODES[code].split())
        pages_hold(site, browser, region_name=name)
        nothing_in_yet(site, f"Desk Pilkada {name}")
        shutil.rmtree(work)  # a drawn run of 40 desks keeps no more than one on disk

    run()


def test_a_province_desk_builds(tmp_path, browser):
    folder = tmp_path / "desk-kaltara"
    init(folder, "65")
    kabupaten = {p.parent.name for p in (folder / "data" / EDISI / "kecamatan").rglob("*.yml")}
    assert len(kabupaten) == 5, kabupaten
    site = built(folder, tmp_path)
    pages_hold(site, browser, region_name="Kalimantan Utara")


def test_the_national_desk_builds(tmp_path, browser):
    """Made by the same code as the whole country's, from a reference of the two provinces with the fewest
    kecamatan (DKI Jakarta, whose kota elect no mayor, and Kalimantan Utara): a folder per province and
    kabupaten/kota, built and crawled."""
    full = region_tree()
    kept = {code: name for code, name in full.names.items() if code.split(".")[0] in ("31", "65")}
    desk = new_desk(RegionTree(kept), "nasional", None, "pilkada-nasional", "desk-nasional")
    folder = tmp_path / "desk-nasional"
    write_desk(desk, folder)
    edisi = yaml.safe_load((folder / "data" / "pilkada-nasional" / "edisi.yml").read_text(encoding="utf-8"))
    assert edisi["wilayah"] == {"tingkat": "nasional", "provinsi": ["31", "65"]}
    folders = {p.parent.relative_to(folder / "data" / "pilkada-nasional" / "kecamatan").parts[0]
               for p in (folder / "data" / "pilkada-nasional" / "kecamatan").rglob("*.yml")}
    assert folders == {full.slug("31"), full.slug("65")}, folders
    site = built(folder, tmp_path, "pilkada-nasional")
    pages_hold(site, browser, "pilkada-nasional", region_name="Nasional")
