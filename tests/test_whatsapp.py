"""The WhatsApp summaries of the meetings and of the beranda's readiness (``generator/render/whatsapp.py``).

* every summary of the example, both editions, passes the checker of WhatsApp's published rules
  (``tests/whatsapp_markup.py``), and the checker itself finds each kind of mistake;
* a text longer than one message is split into numbered parts that each pass, and lose nothing;
* text from the data, whatever it holds (Markdown, stray markers, addresses), keeps its words and formats nothing it
  did not ask for (Hypothesis);
* the page holds the same text, folded, with a copy button and a share link, out of search and out of the PDF;
* ``bulletin wa`` prints what the golden files hold (``tests/golden/<edisi>/<edition>/whatsapp/``), the page's
  address with ``--base-url``, and refuses an unknown meeting as ``bulletin pdf`` does;
* the internal edition marks restricted lines TERBATAS, the public edition has none;
* readiness "then" is what the data cut at the previous meeting says now (as ``tests/test_as_of.py`` cuts it).
"""

from __future__ import annotations

import html
import json
import re
import urllib.parse
from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from support import ROOT, cli, copy_project
from test_as_of import cut_at
from whatsapp_markup import LIMIT, problems, units

from generator.domain.editions import EDITIONS
from generator.domain.model import DecisionView
from generator.pipeline import check, publish
from generator.project import Project
from generator.render import whatsapp
from generator.render.pdf import meeting_html
from generator.render.whatsapp import Line, Section, meeting_summary, readiness_summary

GOLDEN = ROOT / "tests" / "golden"
MEETING = "2024-11-19-rapat-evaluasi-desk-pilkada"  # holds a restricted decision and action item, and overdue items


@pytest.fixture(scope="module")
def checked():
    return check(Project(ROOT))


@pytest.fixture(scope="module")
def publications(checked) -> dict:
    return {(records.id, edition): publish(checked, edition, records)
            for records in checked.records for edition in EDITIONS}


def summaries(publications):
    """(election edition, site edition, name, summary) of the beranda and every meeting."""
    for (edisi, edition), publication in sorted(publications.items()):
        model = publication.model
        yield edisi, edition, "beranda", readiness_summary(model)
        for meeting in model.rapat:
            yield edisi, edition, meeting.slug, meeting_summary(model, meeting.slug)


# --- the checker, and the example against it ----------------------------------------------------------------------


def test_every_summary_of_the_example_passes_the_checker(publications):
    checked = 0
    for edisi, edition, name, summary in summaries(publications):
        found = problems([part.text for part in summary.parts])
        assert not found, f"{edisi}/{edition}/{name}:\n" + "\n".join(found)
        checked += 1
    assert checked == 2 * (1 + 2) + 2 * (1 + 3)  # both site editions: the beranda and every meeting


@pytest.mark.parametrize("parts, found", [
    (["# Rapat koordinasi"], "Markdown heading"),
    (["*Rapat*\n## Keputusan"], "Markdown heading"),
    (["| Kecamatan | Status |\n|---|---|"], "table row"),
    (["Lihat [halaman rapat](https://contoh.id/rapat/)"], "Markdown link"),
    (["Lihat <https://contoh.id/>"], "autolink"),
    (["**Keputusan**"], "doubled marker"),
    (["~~batal~~ diganti"], "doubled marker"),
    (["Judul\n======"], "underline"),
    (["<b>tebal</b>"], "HTML tag"),
    (["*Keputusan rapat"], "unpaired '*'"),
    (["batas _terlambat 4 hari"], "unpaired '_'"),
    (["Linmas* siap"], "unpaired '*'"),
    (["*tebal _miring* lagi_"], "crossing"),
    (["```kode"], "odd number of ```"),
    (["x" * (LIMIT + 1)], "more than 4096"),
    (["(1/2) satu", "(3/2) dua"], "does not start with \"(2/2) \""),
    (["satu", "(2/2) dua"], "does not start with \"(1/2) \""),
    (["(1/1) satu"], "numbered \"(1/1)\""),
])
def test_the_checker_finds_each_kind_of_mistake(parts, found):
    assert any(found in problem for problem in problems(parts)), problems(parts)


@pytest.mark.parametrize("text", [
    "*Rapat koordinasi*\n_Senin, 2 Maret 2020_\n~batal~\n> kutipan\n- butir\n1. nomor",
    "*tebal _miring_ tebal*, lalu `kode` dan ```blok```",
    "a * b, 2*3, nama_berkas_data, e~mail, 5 - 3",  # markers WhatsApp reads as text: inside words, between spaces
    "Alamat: https://contoh.id/a_b_/*x*/ dan www.contoh.id/~c",
    "(1/2) tidak dibagi: hanya kurung",
])
def test_the_checker_passes_what_whatsapp_formats_or_shows_as_text(text):
    assert problems([text]) == []


def test_the_checker_counts_characters_as_the_platform_does():
    assert units("é" * LIMIT) == LIMIT and problems(["é" * LIMIT]) == []
    assert units("😀" * (LIMIT // 2 + 1)) == LIMIT + 2  # outside the BMP: two units each


def test_a_larger_desk_lists_its_regions_with_their_counts(publications):
    """A provincial or national desk's beranda lists regions, not thousands of kecamatan: so does its text."""
    model = publications[("pilkada-2024", "publik")].model
    rows = [replace(row, nama=f"Kabupaten {n}", decided_by=None) for n, row in enumerate(model.area.rows)]
    larger = replace(model, area=replace(model.area, row_kind="kabupaten/kota", rows=rows))
    text = readiness_summary(larger).text
    assert "*Kesiapan per kabupaten/kota, 19 November 2024*" in text and "*Status per kabupaten/kota*" in text
    assert "- *Kabupaten 1*: Belum siap (1 belum siap)" in text
    assert problems([part.text for part in readiness_summary(larger).parts]) == []


# --- splitting into parts -----------------------------------------------------------------------------------------


def test_a_long_meeting_is_split_into_numbered_parts_that_lose_nothing(publications):
    model = publications[("pilkada-2024", "internal")].model
    meeting = model.meeting(MEETING)
    decisions = [DecisionView(f"Keputusan nomor {n}: " + "kata " * (20 + n * 7) + f"selesai-{n}.",
                              "UU 14/2008 Pasal 17 huruf c" if n % 9 == 0 else None) for n in range(1, 41)]
    long = replace(model, rapat=[replace(meeting, keputusan=decisions)])
    summary = meeting_summary(long, MEETING)
    texts = [part.text for part in summary.parts]
    assert len(texts) >= 3 and summary.numbered
    assert problems(texts) == []
    assert all(units(text) <= LIMIT for text in texts)
    joined = "\n".join(texts)
    assert all(f"Keputusan nomor {n}:" in joined and f"selesai-{n}." in joined for n in range(1, 41))
    assert "*Keputusan* (lanjutan)" in texts[1]
    assert texts[1].startswith(f"(2/{len(texts)}) Lanjutan: *Rapat evaluasi")
    assert texts[-1].rstrip().endswith(f"{model.edisi.id}/rapat/{MEETING}/")  # the address, once, at the end
    assert summary.restricted and texts[0].startswith(f"(1/{len(texts)}) *Memuat informasi TERBATAS*")


def test_a_line_longer_than_a_message_is_cut_between_words():
    words = " ".join(f"kata{n}" for n in range(3000))
    summary = whatsapp.assemble([Section(None, (Line(whatsapp.data("judul", "*")),)),
                                 Section("Keputusan", (Line(whatsapp.data(words), "1. "),))], "judul")
    texts = [part.text for part in summary.parts]
    assert len(texts) > 1 and problems(texts) == []
    assert re.findall(r"kata\d+", "\n".join(texts)) == [f"kata{n}" for n in range(3000)]


# --- text from the data -------------------------------------------------------------------------------------------

TOKENS = ["kata", "Buntok", "2", " ", "  ", "\n", "*", "**", "_", "__", "~", "~~", "`", "```", "[", "]", "(", ")",
          "<", ">", "#", "# ", "|", "- ", "> ", "1. ", ".", ",", ":", "https://contoh.id/a_b", "www.contoh.id/*x*",
          "[tautan](https://contoh.id/)", "![gambar](x.png)", "<https://contoh.id/>", "é", "—"]


@settings(max_examples=150, deadline=None)
@example("", "<<https://contoh.id/>>", "")  # an address in two pairs of brackets: both are taken off
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join),
       st.lists(st.sampled_from(TOKENS), max_size=12).map("".join), st.sampled_from(["", "*", "_"]))
def test_text_from_the_data_formats_only_what_it_asks_for(text, name, style):
    """Any text in any place of a summary (a list item, a bold name, an italic line) passes the checker and keeps
    every letter and digit it had, in order."""
    line = Line(whatsapp.data(name, "*") + (("", ": "),) + whatsapp.data(text, style), "- ")
    rendered = whatsapp.render_line(line)
    assert problems([rendered]) == [], rendered
    assert [c for c in rendered if c.isalnum()] == [c for c in name + ": " + text if c.isalnum()]
    summary = whatsapp.assemble([Section(None, (Line(whatsapp.data(text, "*")),)), Section(text or "x", (line,))],
                                text)
    assert problems([part.text for part in summary.parts]) == []


def test_markdown_in_the_data_is_written_the_whatsapp_way():
    def line(text: str) -> str:
        return whatsapp.render_line(Line(whatsapp.data(text)))

    assert line("Lihat [berita Antara](https://antaranews.com/x_y) **segera**") == \
        "Lihat berita Antara (https://antaranews.com/x_y) *segera*"
    assert line("*penting* dan _juga_ ~~batal~~ `kode`") == "_penting_ dan _juga_ ~batal~ kode"
    assert line("2*3 atau *tanpa tutup dan snake_case") == "2\u22173 atau \u2217tanpa tutup dan snake\uff3fcase"
    assert line("**KPU**nya") == "KPUnya"  # a marker touching a letter would not close: written plain


# --- the page -----------------------------------------------------------------------------------------------------


def whatsapp_block(page: str) -> str:
    start = page.index('<div class="bdp-wa copy" data-search-exclude markdown>')
    return page[start:page.index("\n</div>", start)]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_meeting_page_holds_the_text_folded_with_a_share_link(publications, edition):
    publication = publications[("pilkada-2024", edition)]
    summary = meeting_summary(publication.model, MEETING)
    block = whatsapp_block(publication.site.pages[f"rapat/{MEETING}.md"])
    assert '\n??? abstract "Ringkasan untuk WhatsApp"\n' in block  # folded: ??? and not ???+
    code = "\n".join(line[8:] for line in block.split("\n") if line.startswith("        ") or line == "")
    assert summary.text.strip() in "\n".join(line.rstrip() for line in code.split("\n"))
    links = re.findall(r"\]\((https://wa\.me/\?text=[^)]+)\)", block)
    assert [urllib.parse.unquote(link.removeprefix(whatsapp.SHARE)) for link in links] == \
        [part.text for part in summary.parts]
    index = publication.site.pages["index.md"]
    assert readiness_summary(publication.model).parts[0].share in whatsapp_block(index)


def test_the_pdf_leaves_the_text_out(publications):
    printed = meeting_html(publications[("pilkada-2024", "internal")].model, MEETING)
    assert "wa.me" not in printed and "Ringkasan untuk WhatsApp" not in printed
    assert "Keputusan" in printed


def test_the_built_page_copies_and_shares_without_an_outside_script(built_site):
    """In the built site: the block is closed, asks Material's own script for a copy button (class ``copy``, which
    the bundled script honours for every code block inside it), is kept out of the search index, and its share link
    is an address only."""
    version = built_site / "publik" / "pilkada-2024"
    page = (version / "rapat" / MEETING / "index.html").read_text(encoding="utf-8")
    block = page[page.index('<div class="bdp-wa copy"'):]  # data-search-exclude: read by the search, then dropped
    block = block[:block.index("</div>")]
    assert "<details class=\"abstract\">" in block and "<details class=\"abstract\" open" not in block
    code = html.unescape(re.search(r"<pre><code>(.*?)</code></pre>", block, re.S).group(1))
    expected = (GOLDEN / "pilkada-2024" / "publik" / "whatsapp" / "rapat" / f"{MEETING}.txt").read_text(encoding="utf-8")
    assert code == expected
    link = html.unescape(re.search(r'<a href="(https://wa\.me/\?text=[^"]+)"', block).group(1))
    assert urllib.parse.unquote(link.removeprefix(whatsapp.SHARE)) + "\n" == expected
    bundle = next((version / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert 'closest(".copy")' in bundle, "Material's script no longer gives a block inside .copy a copy button"
    index = json.loads((version / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if not doc["location"].startswith("cara-membaca/")
                and ("Ringkasan untuk WhatsApp" in doc["text"] or "Selengkapnya di situs buletin" in doc["text"])]


# --- the command --------------------------------------------------------------------------------------------------


def test_bulletin_wa_prints_the_golden_text_with_the_address_of_the_page():
    result = cli("wa", MEETING, "--edisi", "pilkada-2024", "--base-url", "https://org.github.io/buletin")
    assert result.exit_code == 0, result.output
    golden = (GOLDEN / "pilkada-2024" / "publik" / "whatsapp" / "rapat" / f"{MEETING}.txt").read_text(encoding="utf-8")
    address = f"https://org.github.io/buletin/pilkada-2024/rapat/{MEETING}/"
    assert result.stdout == golden.replace(f"Selengkapnya di situs buletin, halaman pilkada-2024/rapat/{MEETING}/",
                                           f"Selengkapnya: {address}")
    assert "TERBATAS" not in result.stdout


def test_the_site_url_of_mkdocs_yml_is_the_address_by_default(tmp_path):
    """A desk that names its address in mkdocs.yml (site_url) gets it in the text without --base-url, as its build
    gets it for the link previews; --base-url still wins."""
    project = copy_project(tmp_path / "desk")
    config = project / "mkdocs.yml"
    config.write_text("site_url: https://desk.example.go.id/buletin/\n" + config.read_text(encoding="utf-8"),
                      encoding="utf-8")
    result = cli("wa", MEETING, "--edisi", "pilkada-2024", project=project)
    assert result.exit_code == 0, result.output
    assert f"Selengkapnya: https://desk.example.go.id/buletin/pilkada-2024/rapat/{MEETING}/" in result.stdout
    given = cli("wa", MEETING, "--edisi", "pilkada-2024", "--base-url", "https://org.github.io/buletin", project=project)
    assert f"Selengkapnya: https://org.github.io/buletin/pilkada-2024/rapat/{MEETING}/" in given.stdout


def test_bulletin_wa_without_a_meeting_prints_the_readiness_of_the_beranda():
    result = cli("wa", "--edisi", "pilkada-2024", "--edition", "internal")
    assert result.exit_code == 0, result.output
    assert result.stdout == (GOLDEN / "pilkada-2024" / "internal" / "whatsapp" / "beranda.txt").read_text(encoding="utf-8")


def test_bulletin_wa_refuses_an_unknown_meeting_as_bulletin_pdf_does():
    result = cli("wa", "2020-01-01-rapat-yang-tidak-ada", "--edisi", "pilgub-kalteng-2020")
    assert result.exit_code == 2 and not result.stdout
    assert result.stderr == ('Rapat "2020-01-01-rapat-yang-tidak-ada" tidak ada di edisi pilgub-kalteng-2020; yang ada: '
                             "2020-11-23-rapat-evaluasi-desk-pilkada, 2020-03-02-rapat-koordinasi-desk-pilkada\n")


# --- restricted lines ---------------------------------------------------------------------------------------------


def test_the_internal_edition_marks_restricted_lines_and_the_public_one_has_none(publications):
    for edisi, edition, name, summary in summaries(publications):
        if edition == "publik":
            assert "TERBATAS" not in summary.text and not summary.restricted, f"{edisi}/{name}"
    internal = publications[("pilkada-2024", "internal")].model
    text = meeting_summary(internal, MEETING).text
    assert text.startswith("*Memuat informasi TERBATAS*: jangan diteruskan ke luar Desk Pilkada.\n")
    restricted = [d.uraian for d in internal.meeting(MEETING).keputusan if d.dasar]
    restricted += [a.uraian for a in internal.meeting(MEETING).tindak_lanjut if a.dasar]
    assert restricted
    for uraian in restricted:
        line = next(line for line in text.split("\n") if uraian in line)
        assert re.match(r"\d+\. \*TERBATAS\* ", line) and line.endswith("_(UU 14/2008 Pasal 17 huruf c)_"), line
    unmarked = [line for line in text.split("\n") if "TERBATAS" not in line]
    assert not any(uraian in line for uraian in restricted for line in unmarked)


def test_a_meeting_restricted_as_a_whole_marks_every_line(publications):
    model = publications[("pilkada-2024", "internal")].model
    meeting = replace(model.meeting(MEETING), dasar="UU 14/2008 Pasal 17 huruf a")
    text = meeting_summary(replace(model, rapat=[meeting]), MEETING).text
    items = [line for line in text.split("\n") if re.match(r"(\d+\.|-) ", line)]
    assert len(items) >= 10 and all(line.startswith(("- *TERBATAS* ", f"{line.split('.')[0]}. *TERBATAS* "))
                                    for line in items), items
    assert "*TERBATAS* Seluruh isi rapat ini terbatas. _(UU 14/2008 Pasal 17 huruf a)_" in text


# --- as of the previous meeting -----------------------------------------------------------------------------------


def test_readiness_then_is_what_the_data_cut_at_the_previous_meeting_says(checked, publications):
    compared = 0
    for records in checked.records:
        model = publications[(records.id, "publik")].model
        since = model.readiness_since
        assert since.previous is not None
        then = publish(checked, "publik", cut_at(records, records.rapat[since.previous.slug])).model
        changed = {change.nama: change for change in since.changes}
        for now, before in zip(model.kecamatan, then.kecamatan):
            expected = changed[now.nama].before if now.nama in changed else now.readiness.label
            assert before.readiness.label == expected, f"{records.id}: {now.nama}"
            found_then = {rule.topic: rule.detail for rule in before.readiness.rules}
            for finding in changed[now.nama].findings if now.nama in changed else []:
                assert found_then.get(finding.topic) == finding.before, f"{records.id}: {now.nama}, {finding.topic}"
            compared += 1
        assert since.counts == then.readiness.counts
        assert not since.more
    assert compared == 12
