"""MkDocs hook of the theme (``hooks:`` in mkdocs.yml): markup of Material's that no template override reaches.

Material's base.html writes its two page-level toggles (the navigation drawer and the search dialog) as
``<input type="checkbox" … autocomplete="off">``. HTML allows ``autocomplete`` only on text-like inputs, so the
Nu HTML Checker reports it on every page. The inputs sit in base.html itself, outside any block or partial that
``theme/`` could override, so the attribute is taken out of the finished page here: on every Markdown page
(``on_post_page``) and on the theme's own pages such as 404.html (``on_post_template``). Nothing else changes.
"""

from __future__ import annotations

import re

_INPUT = re.compile(r"<input\b[^>]*>")
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


def _checkbox_without_autocomplete(match: re.Match) -> str:
    tag = match.group(0)
    return _AUTOCOMPLETE.sub("", tag) if 'type="checkbox"' in tag else tag


def valid_toggles(html: str) -> str:
    return _INPUT.sub(_checkbox_without_autocomplete, html)


def on_post_page(output: str, page, config) -> str:
    return valid_toggles(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return valid_toggles(output_content) if template_name.endswith(".html") else output_content
