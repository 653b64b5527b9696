"""The generated pages' HTML tables, set aside while MkDocs converts the page's Markdown (by the plugin).

A table whose rows come from the data is already HTML in the page's Markdown (``generator/render/templates``):
a raw HTML block that Python-Markdown copies to the page unchanged. Copying it still costs an HTML parse of every
tag of it (Python-Markdown has to find where the block ends), which after the tables stopped being Markdown was
half of a page's conversion. So the plugin takes each such table out of a generated page before conversion
(``on_page_markdown``), leaves an HTML comment in its place, which Python-Markdown copies as it is, and puts the
table back in the converted HTML (``on_page_content``), before any other plugin or the search index reads it.

The result is the HTML that converting the page with its tables gives, byte for byte
(``tests/test_html_tables.py`` holds this for every generated page of the example). Only a ``<table>`` that starts
a line and whose ``</table>`` ends one is set aside; text from the data cannot write either, nor the comment,
since it is escaped.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"^<table>\n.*?\n</table>$", re.DOTALL | re.MULTILINE)
_PLACE = re.compile(r"<!--bdp-tabel-(\d+)-->")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with each of its HTML tables replaced by a comment, and the tables in order."""
    tables: list[str] = []

    def place(match: re.Match) -> str:
        tables.append(match.group(0))
        return f"<!--bdp-tabel-{len(tables) - 1}-->"

    return _TABLE.sub(place, markdown), tables


def put_back(html: str, tables: list[str]) -> str:
    """The converted page with each comment replaced by its table again."""
    if not tables:
        return html
    return _PLACE.sub(lambda match: tables[int(match.group(1))], html)
