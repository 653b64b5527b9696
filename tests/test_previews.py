"""Link previews: what a chat app shows when a page of the public edition is pasted (issue 20, deliverable 2).

* A build with a base URL (the newest election edition, public edition only, a cache of its own): every page's
  Open Graph tags as a real parser of embedded metadata reads them (extruct), og:description the page's own
  summary, og:url its address, og:image an absolute address of a 1200×630 baseline JPEG under 300 KB in the site,
  with its width, height and alt text; the Twitter card tags beside them. The beranda's and each kecamatan's card
  carries the status the page shows, in its colour; every card is the one the same inputs draw again, byte for
  byte, in another process.
* A warm rebuild draws no card again, and gives the same site file for file.
* Without a base URL (the example as ``built_site`` builds it): no og: or twitter: tag in any page of either
  edition, no card, and one line saying that previews are off.
* The pieces: the card alone (size, format, determinism, a title too long for it), the status colours that the
  stylesheet's badges and the cards share, the summaries of every generated page, the vendored font and its
  licence.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import extruct
import pytest
from PIL import Image
from support import ROOT, bulletin, copy_project, made_once
from test_versions import newest_first

from generator.build.previews import FOLDER, OFF, card_status, first_paragraph
from generator.build.runs import Builder
from generator.domain.readiness import COLOURS, LABELS
from generator.pipeline import publish_project
from generator.project import Project
from generator.render import card as cards

BASE = "https://buletin.contoh.go.id/desk/"
LIMIT = 300 * 1024  # bytes: WhatsApp drops a larger preview image
STYLESHEET = ROOT / "generator" / "build" / "theme" / "assets" / "stylesheets" / "bulletin.css"
FONTS = ROOT / "generator" / "render" / "fonts"


# --- a build with a base URL, and a warm rebuild of it ------------------------------------------------------


def _build(project: Path, site: Path, cache: Path, timings: Path, *base) -> dict:
    result = bulletin("build", "--edition", "publik", "--site-dir", site, "--cache-dir", cache,
                      "--timings", timings, *base, project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return {"output": result.stdout + result.stderr, **json.loads(timings.read_text(encoding="utf-8"))}


def _files(root: Path) -> dict[str, tuple[str, int]]:
    """Every file of a built edition: the hash of its bytes and its time of change."""
    return {path.relative_to(root).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
            for path in sorted(root.rglob("*")) if path.is_file() and not path.is_symlink()}


@pytest.fixture(scope="module")
def previewed(tmp_path_factory):
    """The newest election edition of the example, public edition, built for BASE; then built again, warm. Made
    once for the run, whichever workers use it (``support.made_once``)."""
    def make(work: Path) -> None:
        project = copy_project(work / "proyek", ("data", "content", "mkdocs.yml"))
        edisi = newest_first(project / "data")[0]
        for folder in (project / "data").iterdir():
            if folder.is_dir() and folder.name != edisi:  # only the newest election edition: fewer pages to build
                shutil.rmtree(folder)
        site, cache = work / "site", work / "cache"
        cold = _build(project, site, cache, work / "dingin.json", "--base-url", BASE)
        before = _files(site / "publik" / edisi)
        warm = _build(project, site, cache, work / "hangat.json", "--base-url", BASE)
        (work / "hasil.json").write_text(json.dumps({"edisi": edisi, "cold": cold, "warm": warm, "before": before,
                                                     "after": _files(site / "publik" / edisi)}), encoding="utf-8")

    work = made_once(tmp_path_factory, "pratinjau", make)
    result = json.loads((work / "hasil.json").read_text(encoding="utf-8"))
    edisi = result.pop("edisi")
    return SimpleNamespace(project=work / "proyek", edisi=edisi, root=work / "site" / "publik" / edisi,
                           url=f"{BASE}{edisi}/", **result)


def _pages(root: Path) -> dict[str, str]:
    """Every page of an edition by its address relative to the edition (``kecamatan/jenamas/``), without the
    redirects of moved pages."""
    pages = {}
    for path in sorted(root.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text:
            pages[path.relative_to(root).as_posix().removesuffix("index.html")] = text
    return pages


def _meta(page: str) -> dict[str, str]:
    """``name`` and ``property`` of every <meta> of a page, with its content."""
    found = {}
    for tag in re.findall(r"<meta\s[^>]*>", page):
        key = re.search(r'\b(?:name|property)="([^"]+)"', tag)
        content = re.search(r'\bcontent="([^"]*)"', tag)
        if key and content:
            found[key[1]] = html.unescape(content[1])
    return found


def _opengraph(page: str, url: str) -> dict[str, str]:
    """The page's Open Graph properties as extruct reads them (each once)."""
    found = extruct.extract(page, base_url=url, syntaxes=["opengraph"], uniform=False)["opengraph"]
    assert len(found) == 1, found
    properties = found[0]["properties"]
    names = [name for name, _ in properties]
    assert len(names) == len(set(names)), f"a property twice: {names}"
    return dict(properties)


@pytest.mark.build
def test_every_page_carries_its_open_graph_and_twitter_tags(previewed):
    pages = _pages(previewed.root)
    assert len(pages) >= 25, sorted(pages)
    site_description = "Buletin Desk Pilkada Kabupaten Barito Selatan — kesiapan pemilihan"
    descriptions = set()
    for address, page in pages.items():
        url = previewed.url + address
        og = _opengraph(page, url)
        meta = _meta(page)
        assert og["og:url"] == url, address
        assert og["og:locale"] == "id_ID", address
        assert og["og:type"] == ("website" if address == "" else "article"), address
        title = html.unescape(re.search(r"<title>(.*?)</title>", page, re.DOTALL)[1])
        assert og["og:title"] and title.startswith(og["og:title"]), (address, og["og:title"], title)
        assert og["og:description"] == meta["description"], address  # the page's own, as Material writes it
        assert not og["og:description"].startswith(site_description), address
        descriptions.add(og["og:description"])
        assert og["og:image"].startswith(f"{previewed.url}{FOLDER}/") and _card(previewed, og).is_file(), address
        assert (og["og:image:width"], og["og:image:height"], og["og:image:type"]) == ("1200", "630", "image/jpeg")
        assert og["og:title"] in og["og:image:alt"], address
        assert og["og:site_name"] == "Buletin Desk Pilkada Kabupaten Barito Selatan"
        assert meta["twitter:card"] == "summary_large_image"
        assert (meta["twitter:title"], meta["twitter:description"], meta["twitter:image"],
                meta["twitter:image:alt"]) == (og["og:title"], og["og:description"], og["og:image"],
                                               og["og:image:alt"]), address
    assert len(descriptions) == len(pages), "two pages share a summary"


def _card(previewed, og: dict[str, str]) -> Path:
    """The file of the site that a page's og:image names."""
    return previewed.root / og["og:image"].removeprefix(previewed.url)


@pytest.mark.build
def test_every_card_is_a_small_jpeg_of_the_size_the_tags_say(previewed):
    images = sorted((previewed.root / FOLDER).rglob("*"))
    images = [path for path in images if path.is_file()]
    assert len(images) == len(_pages(previewed.root)) == previewed.cold["previews_drawn"]
    for path in images:
        data = path.read_bytes()
        assert len(data) < LIMIT, (path, len(data))
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size, image.mode) == ("JPEG", (1200, 630), "RGB"), path
            assert not image.info.get("progressive"), path  # baseline: every app decodes it


@pytest.mark.build
def test_cards_show_the_status_the_page_shows_and_are_drawn_alike_again(previewed):
    """The beranda's and each kecamatan's card: the status of the page (its words in the alt text, its colours
    in the picture); every card: the bytes the same inputs draw in this process."""
    publication = publish_project(Project(previewed.project), "publik", previewed.edisi)
    model = publication.model
    statuses = {"": model.readiness, **{k.page.removesuffix(".md") + "/": k.readiness for k in model.kecamatan}}
    pages = _pages(previewed.root)
    for address, page in pages.items():
        og = _opengraph(page, previewed.url + address)
        path = _card(previewed, og)
        status = statuses.get(address)
        if status is not None:
            badge = re.search(r'bdp-badge bdp-badge--([a-z-]+)"><span aria-hidden="true">[^<]*</span> ([^<]+)</span>',
                              page)
            assert (badge[1], badge[2]) == (status.level, status.label), address  # what the page shows
            assert og["og:image:alt"].endswith(f"Status kesiapan: {status.label}."), address
            colour, background = COLOURS[status.level]
            with Image.open(path) as image:
                assert _near(image.getpixel((8, 600)), colour), (address, image.getpixel((8, 600)))
                assert _near(image.getpixel((1100, 500)), background), (address, image.getpixel((1100, 500)))
        else:
            assert "Status kesiapan" not in og["og:image:alt"], address
        card = cards.Card("Buletin Desk Pilkada Kabupaten Barito Selatan", publication.title, og["og:title"],
                          None if status is None else cards.CardStatus(
                              status.label, _icon(status.level), *COLOURS[status.level]))
        assert cards.draw(card) == path.read_bytes(), address


def _icon(level: str) -> str:
    from generator.render.markdown import STATUS_ICONS

    return STATUS_ICONS[level]


def _near(pixel: tuple[int, ...], colour: str, tolerance: int = 12) -> bool:
    want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, want))


@pytest.mark.build
def test_a_warm_rebuild_draws_no_card_and_gives_the_same_site(previewed):
    assert previewed.cold["previews_drawn"] == previewed.cold["pages_built"] > 0
    assert (previewed.warm["previews_drawn"], previewed.warm["pages_built"]) == (0, 0)
    assert {path: digest for path, (digest, _) in previewed.after.items()} == \
        {path: digest for path, (digest, _) in previewed.before.items()}  # the same site, file for file
    cards_before = {path: when for path, (_, when) in previewed.before.items() if path.startswith(f"{FOLDER}/")}
    assert cards_before and cards_before == \
        {path: when for path, (_, when) in previewed.after.items() if path.startswith(f"{FOLDER}/")}  # not redrawn
    assert OFF not in previewed.cold["output"] + previewed.warm["output"]


# --- without a base URL: none at all ------------------------------------------------------------------------


def test_without_a_base_url_no_page_has_a_preview_and_the_build_says_so_once(built_site):
    log = (built_site.parent / "build.log").read_text(encoding="utf-8")
    assert log.count(OFF) == 1, log
    assert OFF.startswith("Pratinjau tautan") and "\n" not in OFF
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'property="og:' not in text and 'name="twitter:' not in text, path
    assert not list(built_site.rglob(FOLDER)), "cards without a base URL"


def test_the_internal_edition_never_gets_previews():
    builder = Builder(Project(ROOT), None, workers=1, base_url=BASE)
    assert builder.previews(SimpleNamespace(edition="publik"))
    assert not builder.previews(SimpleNamespace(edition="internal"))
    assert not Builder(Project(ROOT), None, workers=1).previews(SimpleNamespace(edition="publik"))


# --- the pieces: card, colours, summaries, font -------------------------------------------------------------


def test_a_card_is_a_deterministic_jpeg_that_fits_any_title():
    long_title = "Rapat koordinasi " + " ".join(["lanjutan penanganan jalur logistik sungai"] * 12)
    for card in (cards.Card("Buletin Desk Pilkada Kabupaten Barito Selatan", "Pilkada 2024", "Beranda",
                            cards.CardStatus(LABELS["belum-siap"], "✖", *COLOURS["belum-siap"])),
                 cards.Card("B" * 300, "E" * 300, long_title),
                 cards.Card("Buletin", "Pilkada", "Ein" + "sehrlangeswort" * 20)):
        data = cards.draw(card)
        assert data == cards.draw(card)
        assert len(data) < LIMIT
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size) == ("JPEG", (cards.WIDTH, cards.HEIGHT))
            assert not image.getexif() and "comment" not in image.info  # nothing but the picture
    lines, fits = cards._wrap(long_title, cards._font(cards.BOLD, cards.TITLE_SIZES[-1]),
                              cards.WIDTH - 2 * cards.MARGIN, cards.TITLE_LINES)
    assert not fits and len(lines) == cards.TITLE_LINES and lines[-1].endswith("…")


def test_the_badges_and_the_cards_share_the_status_colours():
    css = STYLESHEET.read_text(encoding="utf-8")
    for level, (colour, background) in COLOURS.items():
        rule = re.search(rf"\.bdp-badge--{level}\b[^{{]*\{{([^}}]*)\}}", css)
        assert rule, level
        assert re.search(rf"(?<!-)color:\s*{colour}\b", rule[1]) and re.search(rf"background:\s*{background}\b",
                                                                                rule[1]), (level, rule[1])
    assert set(COLOURS) == set(LABELS)


@pytest.mark.parametrize("edition", ["publik", "internal"])
def test_every_generated_page_has_its_own_short_summary(edition):
    for edisi in newest_first(ROOT / "data"):
        pages = publish_project(Project(ROOT), edition, edisi).site.pages
        seen = {}
        for path, text in pages.items():
            front = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)[1]
            description = json.loads(re.search(r"^description: (.*)$", front, re.M)[1])
            assert 40 <= len(html.unescape(description)) <= 200, (path, description)
            assert description not in seen, (path, seen.get(description))
            seen[description] = path
            readiness = re.search(r"^readiness: (.*)$", front, re.M)
            with_status = path == "index.md" or path.startswith("kecamatan/") and path != "kecamatan/index.md"
            assert bool(readiness) == with_status, path
            if readiness:
                status = json.loads(readiness[1])
                level = next(level for level, label in LABELS.items() if label == status["label"])
                assert (status["colour"], status["background"]) == COLOURS[level], path


def test_the_font_is_the_packaged_one_with_its_licence():
    listed = dict(re.findall(r"^\| `([^`]+)` \| `[^`]+` \| `([0-9a-f]{64})` \|$",
                             (FONTS / "README.md").read_text(encoding="utf-8"), re.M))
    assert set(listed) == {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"}
    for name, digest in listed.items():
        assert hashlib.sha256((FONTS / name).read_bytes()).hexdigest() == digest, name
    assert {cards.REGULAR.name, cards.BOLD.name} <= set(listed)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"fonts/*"' in pyproject and '"generator/render/fonts/LICENSE"' in pyproject


def test_a_hand_written_page_is_summed_up_by_its_first_paragraph_and_names_no_status_of_its_own():
    content = '<h1 id="x">Tentang</h1>\n<p>Buletin ini <a href="#">diterbitkan</a> oleh desk &amp; mitranya.</p><p>Lain.</p>'
    assert first_paragraph(content) == "Buletin ini diterbitkan oleh desk & mitranya."
    assert first_paragraph("<table></table>") == ""
    assert card_status({"label": "Siap", "icon": "✔", "colour": "#1b5e20", "background": "#e8f5e9"}) == \
        cards.CardStatus("Siap", "✔", "#1b5e20", "#e8f5e9")
    for wrong in ("Siap", {"label": "Siap", "colour": "red", "background": "#e8f5e9"},
                  {"label": "", "colour": "#1b5e20", "background": "#e8f5e9"}):
        assert card_status(wrong) is None, wrong
