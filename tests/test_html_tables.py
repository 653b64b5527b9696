"""Tables whose rows come from the data are written as HTML inside the Markdown (issue 22): Python-Markdown parses
none of their cells. They must show what the Markdown tables showed:

* a cell's text (``inline``) is what Python-Markdown made of the same value in a Markdown table cell (``cell``),
  for any text: the same elements, attributes and text, so emphasis and safe links still work and nothing else
  becomes markup;
* a link's target (``relative_url``) is the address MkDocs writes for a Markdown link between the same pages;
* a site that does not use folder addresses is refused, since the tables' links are folder addresses;
* setting the tables aside while MkDocs converts a page (``generator.build.tables``) gives the HTML that converting
  the page with them gives, byte for byte, for every generated page of the example.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from types import SimpleNamespace

import markdown
import pytest
from conftest import EDISI, ROOT
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator.build.plugin import BulletinPlugin
from generator.build.tables import put_back, set_aside
from generator.pipeline import check, publications
from generator.project import Project
from generator.render.markdown import cell, inline, page_specs, relative_url


class Tokens(HTMLParser):
    """HTML as a list of tags (with their attributes' values decoded) and text (decoded, each run of white space
    one space, as a browser shows it outside ``pre``): two strings that give the same list show the same thing,
    whichever characters each wrote as references."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []
        self.feed(text)
        self.close()
        self.tokens = [("text", re.sub(r"\s+", " ", t[1])) if t[0] == "text" else t for t in self.tokens]

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag))

    def handle_data(self, data):
        if self.tokens and self.tokens[-1][0] == "text":
            self.tokens[-1] = ("text", self.tokens[-1][1] + data)
        else:
            self.tokens.append(("text", data))


def in_markdown_table(value) -> str:
    """What Python-Markdown makes of ``value`` in a cell of a Markdown table, as the templates wrote it."""
    html = markdown.markdown(f"| a |\n|---|\n| {cell(value)} |", extensions=["tables"])
    body = html.split("<tbody>")[1]
    return body.split("<td>", 1)[1].rsplit("</td>", 1)[0]


def shown_in_markdown_table(value) -> list[tuple]:
    """The tokens of ``in_markdown_table``, with its one fault mended: a ``|`` had to be written ``&#124;`` in a
    Markdown table, and inside a code span that showed as the six characters "&#124;" (the HTML table shows "|").
    A ``&#124;`` in the data itself shows as "&amp;#124;" in a code span, which this leaves alone."""
    tokens, code = [], 0
    for token in Tokens(in_markdown_table(value)).tokens:
        if token[:2] in (("start", "code"), ("end", "code")):
            code += 1 if token[0] == "start" else -1
        elif token[0] == "text" and code:
            token = ("text", token[1].replace("&#124;", "|"))
        tokens.append(token)
    return tokens


MARKDOWN_TEXT = st.lists(st.sampled_from([
    "kata", "Buntok", " ", "  ", "\n", "*", "**", "_", "__", "`", "[", "]", "(", ")", "<", ">", "&", "|", "\\", "!",
    "#", "=", "{", "}", ":", "/", ".", "-", "1.", "&amp;", "&#124;", "<b>", "</b>", "<script>", "javascript:",
    "[tautan](https://kpu.go.id/a?b=1&c=2)", "[surel](mailto:desk@example.id)", "![gambar](https://x.id/a.png)",
    "https://bawaslu.go.id", "<https://x.id>", "<desk@example.id>", "°", "–", "’", "é",
]), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(MARKDOWN_TEXT)
def test_a_cell_shows_what_the_markdown_table_showed(text):
    reference = shown_in_markdown_table(text)
    # Python-Markdown's tables sometimes showed its own placeholder (a ``|`` inside emphasis): no reference there.
    assume(not any(t[0] == "text" and "klzzwxh:" in t[1] for t in reference))
    assert Tokens(str(inline(text))).tokens == reference


@pytest.mark.parametrize("text, shown", [
    ("*penting*", "<em>penting</em>"),
    ("[KPU](https://kpu.go.id)", '<a href="https://kpu.go.id">KPU</a>'),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("[x](javascript:alert(1))", "&#91;x&#93;(javascript&#58;alert(1))"),
    ("Kecamatan Dusun Selatan", "Kecamatan Dusun Selatan"),
])
def test_a_cell_keeps_the_safe_subset_and_shows_the_rest_as_text(text, shown):
    assert str(inline(text)) == shown


@pytest.fixture(scope="module")
def example_model():
    publication = next(publications(check(Project(ROOT)), ("publik",), edisi=EDISI))
    return publication.model


def test_links_are_the_addresses_mkdocs_writes(example_model):
    pages = [spec.path for spec in page_specs(example_model)]
    targets = pages + ["unduh/kecamatan.csv", "unduh/datapackage.json"]
    files = {path: File(path, "/docs", "/site", use_directory_urls=True) for path in targets}
    for page in pages:
        for target in targets:
            assert relative_url(target, page) == files[target].url_relative_to(files[page]), (page, target)


def test_a_site_without_folder_addresses_is_refused():
    with pytest.raises(PluginError, match="use_directory_urls"):
        BulletinPlugin().on_config(SimpleNamespace(use_directory_urls=False))


def test_tables_set_aside_give_the_html_the_whole_page_gives():
    config = load_config(str(ROOT / "mkdocs.yml"))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    checked = tables_seen = 0
    for publication in publications(check(Project(ROOT))):
        for path, text in publication.site.pages.items():
            whole = converter.reset().convert(text)
            aside, tables = set_aside(text)
            assert put_back(converter.reset().convert(aside), tables) == whole, (publication.edition, path)
            assert "<table>" not in aside, (publication.edition, path)  # every generated table was set aside
            checked, tables_seen = checked + 1, tables_seen + len(tables)
    assert checked > 100 and tables_seen > 200, (checked, tables_seen)
